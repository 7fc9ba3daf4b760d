#include "MailCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "SmtpCommand.h"
#include "mail/ConsentGate.h"
#include "mail/Markdown.h"
#include "mail/MimeMessage.h"
#include "mail/Outbox.h"
#include "mail/OutboxRunner.h"
#include "mail/SmtpAccount.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QTimer>

namespace Cli {

QString MailCommand::help()
{
    return QCoreApplication::translate("Cli::MailCommand",
                                       "mail send --to ADDR… --subject S (--text FILE | --markdown FILE) [--html FILE] "
                                       "[--attach FILE]… [--json]");
}

int MailCommand::run(const QStringList &arguments)
{
    if (arguments.value(0) != QLatin1String("send"))
        return usage(QCoreApplication::translate("Cli::MailCommand", "Unknown mail command \"%1\". Commands: send.")
                         .arg(arguments.value(0)));
    QCommandLineParser parser;
    for (const char *name : {"to", "subject", "text", "markdown", "html", "attach"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments.mid(1)) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    if (!parser.isSet(QStringLiteral("to")) || !parser.isSet(QStringLiteral("subject")))
        return usage(QCoreApplication::translate("Cli::MailCommand", "mail send needs --to and --subject."));
    if (parser.isSet(QStringLiteral("text")) == parser.isSet(QStringLiteral("markdown")))
        return usage(QCoreApplication::translate("Cli::MailCommand", "mail send needs either --text or --markdown."));
    auto account = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!account.ok())
        return fail(account.error());
    if (!account.value().isConfigured())
        return usage(
            QCoreApplication::translate("Cli::MailCommand", "No sending account yet: run carnet-cli smtp set first."));

    Mail::Message m;
    m.from = account.value().from;
    if (!account.value().replyTo.isEmpty())
        m.replyTo = {QString(), account.value().replyTo};
    m.subject = parser.value(QStringLiteral("subject"));
    if (parser.isSet(QStringLiteral("markdown"))) {
        if (!readTextFile(parser.value(QStringLiteral("markdown")), &m.text))
            return BadUsage;
        m.html = Mail::markdownToHtml(m.text);
    } else if (!readTextFile(parser.value(QStringLiteral("text")), &m.text)) {
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("html")) && !readTextFile(parser.value(QStringLiteral("html")), &m.html))
        return BadUsage;
    const QMimeDatabase types;
    for (const QString &path : parser.values(QStringLiteral("attach"))) {
        QFile f(path);
        if (!QFileInfo(path).isFile() || !f.open(QIODevice::ReadOnly))
            return usage(QCoreApplication::translate("Cli::MailCommand", "Cannot read the attachment %1.").arg(path));
        m.attachments.append({QFileInfo(path).fileName(), types.mimeTypeForFile(path).name().toLatin1(), f.readAll()});
    }

    // One message per recipient; a suppressed address is never queued.
    QList<Mail::OutgoingItem> items;
    QJsonArray suppressed;
    QJsonArray refused;
    for (const QString &to : parser.values(QStringLiteral("to"))) {
        auto blocked = m_context.consent().isSuppressed(to);
        if (!blocked.ok())
            return fail(blocked.error());
        if (blocked.value()) {
            suppressed.append(to);
            continue;
        }
        Mail::Message one = m;
        one.to = {{QString(), to}};
        auto built = Mail::Mime::build(one);
        if (!built.ok()) {
            printError(built.error().message);
            refused.append(to);
            continue;
        }
        items.append({built.value().envelopeTo.first(), built.value().envelopeFrom, built.value().needsSmtpUtf8,
                      built.value().bytes, built.value().messageId, 0});
    }
    qint64 batch = 0;
    if (!items.isEmpty()) {
        auto queued = Mail::Outbox(m_context.database(), m_context.clock()).queue(m.subject, QString(), items);
        if (!queued.ok())
            return fail(queued.error());
        batch = queued.value();
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("batch"), batch ? QJsonValue(batch) : QJsonValue()},
                              {QStringLiteral("queued"), qint64(items.size())},
                              {QStringLiteral("suppressed"), suppressed},
                              {QStringLiteral("refused"), refused}});
    } else {
        if (batch)
            printLine(QCoreApplication::translate("Cli::MailCommand", "Batch %1: %2 message(s) queued. Send with: "
                                                                      "carnet-cli outbox run")
                          .arg(batch)
                          .arg(items.size()));
        for (const QJsonValue &s : std::as_const(suppressed))
            printError(QCoreApplication::translate("Cli::MailCommand", "%1 is on the suppression list: not queued.")
                           .arg(s.toString()));
    }
    return refused.isEmpty() ? Success : JobFailed;
}

QString OutboxCommand::help()
{
    return QCoreApplication::translate("Cli::OutboxCommand",
                                       "outbox run [--batch ID] [--until-empty] [--password-file F] [--json]\n"
                                       "outbox status [--batch ID] [--details] [--json]\n"
                                       "outbox resolve ID --as sent|resend\n"
                                       "outbox cancel --batch ID");
}

int OutboxCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("run"))
        return runQueue(arguments.mid(1));
    if (action == QLatin1String("status"))
        return status(arguments.mid(1));
    if (action == QLatin1String("resolve"))
        return resolve(arguments.mid(1));
    if (action == QLatin1String("cancel"))
        return cancel(arguments.mid(1));
    return usage(QCoreApplication::translate("Cli::OutboxCommand",
                                             "Unknown outbox command \"%1\". Commands: run, status, resolve, cancel.")
                     .arg(action));
}

namespace {

bool batchOption(const QCommandLineParser &parser, qint64 *batch)
{
    if (!parser.isSet(QStringLiteral("batch")))
        return true;
    bool ok = false;
    *batch = parser.value(QStringLiteral("batch")).toLongLong(&ok);
    if (!ok || *batch <= 0) {
        usage(QCoreApplication::translate("Cli::OutboxCommand", "--batch takes a batch number."));
        return false;
    }
    return true;
}

} // namespace

void OutboxCommand::addSendOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("password-file"), QString(), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("until-empty")));
}

bool OutboxCommand::drain(const QCommandLineParser &parser, qint64 batch, bool untilEmpty, Drained *out, int *exitCode)
{
    auto loaded = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!loaded.ok()) {
        *exitCode = fail(loaded.error());
        return false;
    }
    const Mail::SmtpAccount account = loaded.value();
    if (!account.isConfigured()) {
        *exitCode = usage(QCoreApplication::translate("Cli::OutboxCommand",
                                                      "No sending account yet: run carnet-cli smtp set first."));
        return false;
    }
    QString secret;
    if (!SmtpCommand::password(parser, account, m_context.credentials(), &secret)) {
        *exitCode = BadUsage;
        return false;
    }
    QString error;
    auto factory = SmtpCommand::transports(account, &error);
    if (!factory) {
        *exitCode = usage(error);
        return false;
    }

    Mail::Outbox outbox(m_context.database(), m_context.clock());
    Mail::ConsentGate gate(m_context.database(), m_context.clock());
    Mail::OutboxRunner::Summary &total = out->total;
    while (true) {
        Mail::OutboxRunner runner(outbox, account.sessionSettings(secret), account.limits, account.retrySeconds,
                                  factory, batch);
        runner.setGate([&gate](const Mail::Delivery &d) { return gate.check(d); });
        runUntilDone([&](const std::function<void()> &done) {
            QObject::connect(&runner, &Mail::OutboxRunner::finished, &runner, done);
            runner.start();
        });
        const Mail::OutboxRunner::Summary &s = runner.summary();
        total.sent += s.sent;
        total.deferred += s.deferred;
        total.failed += s.failed;
        total.unknown += s.unknown;
        total.recovered += s.recovered;
        total.cancelled += s.cancelled;
        total.limited = s.limited;
        total.resumeAt = s.resumeAt;
        out->error = s.error;
        out->log = s.log;
        if (!untilEmpty || !s.error.isEmpty())
            break;
        // Wait for what is left: deferred retries, or the limits to allow more.
        auto counts = outbox.counts(batch);
        if (!counts.ok()) {
            *exitCode = fail(counts.error());
            return false;
        }
        const qint64 waiting =
            counts.value().value(QStringLiteral("queued")) + counts.value().value(QStringLiteral("deferred"));
        if (waiting == 0)
            break;
        QDateTime next = s.limited ? s.resumeAt : QDateTime();
        if (auto due = outbox.nextDueAt(batch);
            due.ok() && due.value().isValid() && (!next.isValid() || due.value() < next) && !s.limited)
            next = due.value();
        if (!next.isValid())
            break;
        const qint64 wait = std::max<qint64>(0, m_context.clock().now().msecsTo(next));
        runUntilDone([wait](const std::function<void()> &done) {
            QTimer::singleShot(int(std::min<qint64>(wait + 50, 24LL * 3600 * 1000)), QCoreApplication::instance(),
                               done);
        });
    }
    *exitCode = out->error.isEmpty() ? Success : JobFailed;
    return true;
}

int OutboxCommand::runQueue(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("batch"), QString(), QStringLiteral("id")));
    addSendOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    qint64 batch = 0;
    if (!batchOption(parser, &batch))
        return BadUsage;
    Drained drained;
    int exitCode = Success;
    if (!drain(parser, batch, parser.isSet(QStringLiteral("until-empty")), &drained, &exitCode))
        return exitCode;
    const Mail::OutboxRunner::Summary &total = drained.total;
    const QString &lastError = drained.error;
    const QStringList &log = drained.log;
    Mail::Outbox outbox(m_context.database(), m_context.clock());
    auto counts = outbox.counts(batch);
    if (!counts.ok())
        return fail(counts.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("sent"), total.sent},
                      {QStringLiteral("deferred"), total.deferred},
                      {QStringLiteral("failed"), total.failed},
                      {QStringLiteral("unknown"), total.unknown},
                      {QStringLiteral("recovered"), total.recovered},
                      {QStringLiteral("cancelled"), total.cancelled},
                      {QStringLiteral("limited"), total.limited},
                      {QStringLiteral("resume_at"), total.limited && total.resumeAt.isValid()
                                                        ? QJsonValue(total.resumeAt.toUTC().toString(Qt::ISODate))
                                                        : QJsonValue()},
                      {QStringLiteral("error"), lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
                      {QStringLiteral("outbox"), QJsonObject::fromVariantMap([&] {
                           QVariantMap map;
                           for (auto it = counts.value().cbegin(); it != counts.value().cend(); ++it)
                               map.insert(it.key(), it.value());
                           return map;
                       }())}};
        if (!lastError.isEmpty())
            o.insert(QStringLiteral("log"), QJsonArray::fromStringList(log));
        printJson(o);
    } else {
        printLine(QCoreApplication::translate("Cli::OutboxCommand", "%1 sent, %2 deferred, %3 failed, %4 unknown.")
                      .arg(total.sent)
                      .arg(total.deferred)
                      .arg(total.failed)
                      .arg(total.unknown));
        if (total.limited)
            printLine(QCoreApplication::translate("Cli::OutboxCommand",
                                                  "The account's limits are reached; the rest can go from %1.")
                          .arg(total.resumeAt.toLocalTime().toString(Qt::ISODate)));
        if (!lastError.isEmpty()) {
            printError(lastError);
            for (const QString &line : std::as_const(log))
                printError(QStringLiteral("  ") + line);
        }
    }
    return lastError.isEmpty() ? Success : JobFailed;
}

int OutboxCommand::status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("batch"), QString(), QStringLiteral("id")));
    parser.addOption(QCommandLineOption(QStringLiteral("details")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    qint64 batch = 0;
    if (!batchOption(parser, &batch))
        return BadUsage;
    Mail::Outbox outbox(m_context.database(), m_context.clock());
    auto counts = outbox.counts(batch);
    if (!counts.ok())
        return fail(counts.error());
    QJsonObject o;
    for (auto it = counts.value().cbegin(); it != counts.value().cend(); ++it)
        o.insert(it.key(), it.value());
    QList<Mail::Delivery> rows;
    if (parser.isSet(QStringLiteral("details"))) {
        auto deliveries = outbox.deliveries(batch);
        if (!deliveries.ok())
            return fail(deliveries.error());
        rows = deliveries.value();
        QJsonArray recipients;
        for (const Mail::Delivery &d : std::as_const(rows))
            recipients.append(d.toJson());
        o.insert(QStringLiteral("recipients"), recipients);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(o);
        return Success;
    }
    QStringList parts;
    for (auto it = counts.value().cbegin(); it != counts.value().cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    printLine(parts.join(QStringLiteral(", ")));
    for (const Mail::Delivery &d : std::as_const(rows))
        printLine(QStringLiteral("%1\t%2\t%3\t%4")
                      .arg(d.id)
                      .arg(d.address, Mail::stateKey(d.state), d.toJson().value(QStringLiteral("reply")).toString()));
    return Success;
}

int OutboxCommand::resolve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("as"), QString(), QStringLiteral("sent|resend")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::OutboxCommand", "outbox resolve needs the message's id.")))
        return BadUsage;
    const QString as = parser.value(QStringLiteral("as"));
    if (as != QLatin1String("sent") && as != QLatin1String("resend"))
        return usage(QCoreApplication::translate("Cli::OutboxCommand", "--as is sent or resend."));
    bool ok = false;
    const qint64 id = parser.positionalArguments().first().toLongLong(&ok);
    if (!ok)
        return usage(QCoreApplication::translate("Cli::OutboxCommand", "outbox resolve needs the message's id."));
    if (as == QLatin1String("resend"))
        printError(QCoreApplication::translate("Cli::OutboxCommand",
                                               "Warning: if the first attempt did arrive, the member gets it twice."));
    auto r = Mail::Outbox(m_context.database(), m_context.clock()).resolve(id, as == QLatin1String("sent"));
    if (!r.ok())
        return fail(r.error());
    return Success;
}

int OutboxCommand::cancel(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("batch"), QString(), QStringLiteral("id")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    qint64 batch = 0;
    if (!batchOption(parser, &batch) || batch == 0)
        return batch == 0 ? usage(QCoreApplication::translate("Cli::OutboxCommand", "outbox cancel needs --batch."))
                          : BadUsage;
    auto r = Mail::Outbox(m_context.database(), m_context.clock()).cancel(batch);
    if (!r.ok())
        return fail(r.error());
    printLine(QCoreApplication::translate("Cli::OutboxCommand", "%1 message(s) cancelled.").arg(r.value()));
    return Success;
}

} // namespace Cli
