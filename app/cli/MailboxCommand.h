#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli mailbox …: the association's mailbox, where bounces, complaints, auto-replies and
// unsubscribe replies come back.
class MailboxCommand
{
public:
    explicit MailboxCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    int read(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
