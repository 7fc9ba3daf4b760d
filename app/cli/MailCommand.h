#pragma once

#include "mail/OutboxRunner.h"

#include <QStringList>

class AppContext;
class QCommandLineParser;

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

    // What a run of the outbox did, added up over its rounds.
    struct Drained
    {
        Mail::OutboxRunner::Summary total;
        QString error;
        QStringList log;
    };
    // Sends what batch `batch` (0: every batch) holds through the sending account, every member's consent
    // asked again just before their message; with `untilEmpty`, waits for deferred retries and the
    // account's limits until nothing is left. The parser carries --password-file. False: refused, said.
    bool drain(const QCommandLineParser &parser, qint64 batch, bool untilEmpty, Drained *out, int *exitCode);
    static void addSendOptions(QCommandLineParser &parser); // --password-file, --until-empty

private:
    int runQueue(const QStringList &arguments);
    int status(const QStringList &arguments);
    int resolve(const QStringList &arguments);
    int cancel(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
