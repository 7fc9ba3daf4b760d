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
    int set(const QStringList &arguments);
    int show(const QStringList &arguments);
    int connect(const QStringList &arguments, bool run);
    int list(const QStringList &arguments);
    int undo(const QStringList &arguments);
    int deliverable(const QStringList &arguments);
    int presets();

    AppContext &m_context;
};

} // namespace Cli
