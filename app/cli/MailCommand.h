#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli mail send …: one message per recipient, queued in the outbox.
class MailCommand
{
public:
    explicit MailCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    AppContext &m_context;
};

// carnet-cli outbox run|status|resolve|cancel …
class OutboxCommand
{
public:
    explicit OutboxCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    int runQueue(const QStringList &arguments);
    int status(const QStringList &arguments);
    int resolve(const QStringList &arguments);
    int cancel(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
