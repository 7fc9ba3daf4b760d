#include "MailboxCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "mail/MailboxAccount.h"
#include "mail/MailboxRunner.h"
#include "mail/Outbox.h"
#include "mail/UnsubscribeToken.h"
#include "mail/inbound/ReturnedMail.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace Cli {

namespace {
// A saved message larger than this is not a report (they are a few kilobytes; with the returned
// message attached, rarely more than a few megabytes).
constexpr qint64 kMaxMessageBytes = 32 * 1024 * 1024;
} // namespace

QString MailboxCommand::help()
{
    return QCoreApplication::translate(
        "Cli::MailboxCommand",
        "mailbox set [--preset NAME] --host H --port P --security tls|starttls --user U [--folder INBOX]\n"
        "  [--processed-folder NAME] [--every-minutes N] [--ca-file PEM] [--trust-fingerprint SHA256]\n"
        "  [--store-password] [--json]\n"
        "mailbox show [--json]\n"
        "mailbox presets\n"
        "mailbox test [--password-file F] [--json]   (password: CARNET_IMAP_PASSWORD, --password-file or the "
        "keychain)\n"
        "mailbox run [--password-file F] [--json]    (read the bounces and replies, act, move them)\n"
        "mailbox list [--json]\n"
        "mailbox undo ID [--password-file F] [--json]\n"
        "mailbox deliverable MEMBER [--json]          (mark the member's address deliverable again)\n"
        "mailbox read FILE.eml [--json]              (what Carnet understands in a saved message, without acting)");
}

int MailboxCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("read"))
        return read(arguments.mid(1));
    if (action == QLatin1String("set"))
        return set(arguments.mid(1));
    if (action == QLatin1String("show"))
        return show(arguments.mid(1));
    if (action == QLatin1String("test"))
        return connect(arguments.mid(1), false);
    if (action == QLatin1String("run"))
        return connect(arguments.mid(1), true);
    if (action == QLatin1String("list"))
        return list(arguments.mid(1));
    if (action == QLatin1String("undo"))
        return undo(arguments.mid(1));
    if (action == QLatin1String("deliverable"))
        return deliverable(arguments.mid(1));
    if (action == QLatin1String("presets"))
        return presets();
    return usage(QCoreApplication::translate("Cli::MailboxCommand",
                                             "Unknown mailbox command \"%1\". Commands: set, show, presets, test, run, "
                                             "list, undo, deliverable, read.")
                     .arg(action));
}

namespace {

// The password: --password-file, CARNET_IMAP_PASSWORD, or the keychain.
bool imapPassword(const QCommandLineParser &parser, const Mail::MailboxAccount &account,
                  Settings::CredentialStore &credentials, QString *password)
{
    if (parser.isSet(QStringLiteral("password-file"))) {
        QFile f(parser.value(QStringLiteral("password-file")));
        if (!f.open(QIODevice::ReadOnly)) {
            printError(QCoreApplication::translate("Cli::MailboxCommand", "Cannot read the password file %1.")
                           .arg(f.fileName()));
            return false;
        }
        *password = QString::fromUtf8(f.readAll()).section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('\r'));
        return true;
    }
    *password = qEnvironmentVariable("CARNET_IMAP_PASSWORD");
    if (password->isEmpty() && credentials.isPersistent()) {
        runUntilDone([&](const std::function<void()> &done) {
            QObject::connect(
                &credentials, &Settings::CredentialStore::readDone, &credentials,
                [password, done](const QString &, const QString &secret, const QString &) {
                    *password = secret;
                    done();
                },
                Qt::SingleShotConnection);
            credentials.read(account.credentialKey());
        });
    }
    if (password->isEmpty()) {
        printError(QCoreApplication::translate("Cli::MailboxCommand",
                                               "The mailbox signs in as %1: give the password in CARNET_IMAP_PASSWORD, "
                                               "with --password-file, or keep it in the keychain with mailbox set "
                                               "--store-password.")
                       .arg(account.user));
        return false;
    }
    return true;
}

bool transports(const Mail::MailboxAccount &account, Mail::MailboxRunner::TransportFactory *factory)
{
    auto made = Smtp::SslTransport::factory(account.caFile, account.trustFingerprint);
    if (!made.ok()) {
        printError(made.error().message);
        return false;
    }
    *factory = made.value();
    return true;
}

void printProtocolLog(const QStringList &log)
{
    if (!qEnvironmentVariableIsSet("CARNET_IMAP_DEBUG"))
        return;
    for (const QString &line : log)
        printError(line);
}

} // namespace

int MailboxCommand::presets()
{
    QJsonArray out;
    for (const Mail::MailboxPreset &p : Mail::mailboxPresets())
        out.append(QJsonObject{{QStringLiteral("key"), p.key},
                               {QStringLiteral("name"), p.name},
                               {QStringLiteral("host"), p.host},
                               {QStringLiteral("port"), p.port},
                               {QStringLiteral("security"), Mail::MailboxAccount::securityKey(p.security)},
                               {QStringLiteral("note"), Mail::mailboxPresetNote(p.key)}});
    printJson(out);
    return Success;
}

int MailboxCommand::set(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name : {"preset", "host", "port", "security", "user", "folder", "processed-folder",
                             "every-minutes", "ca-file", "trust-fingerprint"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("store-password")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    auto loaded = Mail::MailboxAccount::load(m_context.databaseSettings());
    if (!loaded.ok())
        return fail(loaded.error());
    Mail::MailboxAccount a = loaded.value();
    if (parser.isSet(QStringLiteral("preset"))) {
        const Mail::MailboxPreset *preset = Mail::mailboxPreset(parser.value(QStringLiteral("preset")));
        if (!preset) {
            QStringList keys;
            for (const Mail::MailboxPreset &p : Mail::mailboxPresets())
                keys.append(p.key);
            return usage(QCoreApplication::translate("Cli::MailboxCommand", "Unknown preset \"%1\". Presets: %2.")
                             .arg(parser.value(QStringLiteral("preset")), keys.join(QStringLiteral(", "))));
        }
        a.host = preset->host;
        a.port = preset->port;
        a.security = preset->security;
        if (const QString note = Mail::mailboxPresetNote(preset->key); !note.isEmpty())
            printError(note);
    }
    if (parser.isSet(QStringLiteral("host")))
        a.host = parser.value(QStringLiteral("host")).trimmed();
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const int port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return usage(
                QCoreApplication::translate("Cli::MailboxCommand", "--port takes a number between 1 and 65535."));
        a.port = quint16(port);
    }
    if (parser.isSet(QStringLiteral("security"))) {
        const auto s = Mail::MailboxAccount::securityFromKey(parser.value(QStringLiteral("security")));
        if (!s)
            return usage(QCoreApplication::translate("Cli::MailboxCommand",
                                                     "--security is tls or starttls (the mailbox is never read in "
                                                     "clear)."));
        a.security = *s;
    }
    if (parser.isSet(QStringLiteral("user")))
        a.user = parser.value(QStringLiteral("user")).trimmed();
    if (parser.isSet(QStringLiteral("folder")))
        a.folder = parser.value(QStringLiteral("folder")).trimmed();
    if (parser.isSet(QStringLiteral("processed-folder")))
        a.processedFolder = parser.value(QStringLiteral("processed-folder")).trimmed();
    if (parser.isSet(QStringLiteral("every-minutes"))) {
        bool ok = false;
        a.everyMinutes = parser.value(QStringLiteral("every-minutes")).toInt(&ok);
        if (!ok)
            return usage(QCoreApplication::translate("Cli::MailboxCommand", "--every-minutes takes a number."));
    }
    if (parser.isSet(QStringLiteral("ca-file")))
        a.caFile = parser.value(QStringLiteral("ca-file"));
    if (parser.isSet(QStringLiteral("trust-fingerprint")))
        a.trustFingerprint = parser.value(QStringLiteral("trust-fingerprint")).remove(QLatin1Char(':')).toLower();
    if (auto readable = Smtp::SslTransport::factory(a.caFile, a.trustFingerprint); !readable.ok())
        return usage(readable.error().message);
    auto saved =
        m_context.database().write([&] { return Mail::MailboxAccount::save(m_context.databaseSettings(), a); });
    if (!saved.ok())
        return fail(saved.error());
    if (parser.isSet(QStringLiteral("store-password"))) {
        // One line on standard input, never on the command line.
        QTextStream in(stdin);
        const QString secret = in.readLine();
        Settings::CredentialStore &store = m_context.credentials();
        QString error;
        runUntilDone([&](const std::function<void()> &done) {
            QObject::connect(
                &store, &Settings::CredentialStore::writeDone, &store,
                [&error, done](const QString &, const QString &e) {
                    error = e;
                    done();
                },
                Qt::SingleShotConnection);
            store.write(a.credentialKey(), secret);
        });
        if (!error.isEmpty()) {
            printError(error);
            return JobFailed;
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(a.toJson());
    else
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "Mailbox saved: %1 on %2:%3.")
                      .arg(a.user, a.host)
                      .arg(a.port));
    return Success;
}

int MailboxCommand::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    auto a = Mail::MailboxAccount::load(m_context.databaseSettings());
    if (!a.ok())
        return fail(a.error());
    auto warning = m_context.returnedMail().policyWarning();
    if (!warning.ok())
        return fail(warning.error());
    QJsonObject out = a.value().toJson();
    out.insert(QStringLiteral("configured"), a.value().isConfigured());
    out.insert(QStringLiteral("policy_warning"),
               warning.value().isEmpty() ? QJsonValue() : QJsonValue(warning.value()));
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(out);
        return Success;
    }
    if (!a.value().isConfigured()) {
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "No mailbox is set up (mailbox set)."));
        return Success;
    }
    printLine(
        QCoreApplication::translate("Cli::MailboxCommand", "%1 on %2:%3 (%4), folder %5, processed messages to %6.")
            .arg(a.value().user, a.value().host)
            .arg(a.value().port)
            .arg(Mail::MailboxAccount::securityKey(a.value().security), a.value().folder, a.value().processedFolder));
    if (!warning.value().isEmpty())
        printLine(QCoreApplication::translate("Cli::MailboxCommand",
                                              "Warning: a receiving server refused a message by policy on %1 (%2). "
                                              "Check the sending domain's SPF, DKIM and DMARC records.")
                      .arg(warning.value().value(QStringLiteral("at")).toString(),
                           warning.value().value(QStringLiteral("diagnostic")).toString()));
    return Success;
}

int MailboxCommand::connect(const QStringList &arguments, bool runIt)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("password-file"), QString(), QStringLiteral("file")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    auto a = Mail::MailboxAccount::load(m_context.databaseSettings());
    if (!a.ok())
        return fail(a.error());
    if (!a.value().isConfigured())
        return usage(QCoreApplication::translate("Cli::MailboxCommand", "No mailbox is set up: mailbox set first."));
    QString password;
    if (!imapPassword(parser, a.value(), m_context.credentials(), &password))
        return BadUsage;
    Mail::MailboxRunner::TransportFactory factory;
    if (!transports(a.value(), &factory))
        return BadUsage;
    Mail::MailboxRunner runner(a.value(), password, factory, m_context.returnedMail());
    std::optional<Core::Result<Mail::MailboxRunSummary>> result;
    runUntilDone([&](const std::function<void()> &done) {
        QObject::connect(&runner, &Mail::MailboxRunner::finished, &runner,
                         [&result, done](const Core::Result<Mail::MailboxRunSummary> &r) {
                             result = r;
                             done();
                         });
        QObject::connect(&runner, &Mail::MailboxRunner::certificateRefused, &runner,
                         [](const Smtp::CertificateInfo &c) {
                             printError(QCoreApplication::translate("Cli::MailboxCommand",
                                                                    "The certificate (SHA-256 %1) can be trusted with "
                                                                    "mailbox set --trust-fingerprint %1.")
                                            .arg(c.sha256));
                         });
        if (runIt)
            runner.run();
        else
            runner.test();
    });
    printProtocolLog(runner.protocolLog());
    if (!result || !result->ok())
        return fail(result ? result->error()
                           : Core::Error::make(Core::Error::Code::Connection, QStringLiteral("no answer")));
    const Mail::MailboxRunSummary &s = result->value();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out = s.toJson();
        if (!runIt)
            out = QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("messages"), s.seen}};
        printJson(out);
        return Success;
    }
    if (!runIt) {
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "Connected: %n message(s) in the folder.", nullptr,
                                              s.seen));
        return Success;
    }
    printLine(QCoreApplication::translate("Cli::MailboxCommand",
                                          "%n message(s) read; %1 left for a person; %2 moved to the processed folder.",
                                          nullptr, s.read)
                  .arg(s.left)
                  .arg(s.moved));
    for (auto it = s.actions.begin(); it != s.actions.end(); ++it) {
        for (Mail::ReturnAction action :
             {Mail::ReturnAction::MarkedUndeliverable, Mail::ReturnAction::Counted, Mail::ReturnAction::Policy,
              Mail::ReturnAction::CampaignFlagged, Mail::ReturnAction::Withdrawn, Mail::ReturnAction::Away,
              Mail::ReturnAction::Unsubscribed, Mail::ReturnAction::None, Mail::ReturnAction::Left}) {
            if (Mail::actionKey(action) == it.key())
                printLine(QStringLiteral("  %1: %2").arg(Mail::actionText(action)).arg(it.value()));
        }
    }
    if (!s.moveSupported)
        printLine(QCoreApplication::translate("Cli::MailboxCommand",
                                              "The server cannot move messages: they stay in the folder, and Carnet "
                                              "remembers them."));
    return Success;
}

int MailboxCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    auto records = m_context.returnedMail().list();
    if (!records.ok())
        return fail(records.error());
    QJsonArray out;
    for (const Mail::ReturnRecord &r : records.value())
        out.append(r.toJson());
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(out);
        return Success;
    }
    for (const Mail::ReturnRecord &r : records.value())
        printLine(QStringLiteral("%1  %2  %3  %4  %5")
                      .arg(r.id)
                      .arg(r.readAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                           Mail::Inbound::kindText(r.kind), r.address, Mail::actionText(r.action)));
    return Success;
}

int MailboxCommand::undo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("password-file"), QString(), QStringLiteral("file")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1, QCoreApplication::translate("Cli::MailboxCommand", "a message number")))
        return BadUsage;
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok)
        return usage(QCoreApplication::translate("Cli::MailboxCommand", "mailbox undo takes the number mailbox list "
                                                                        "gives."));
    auto undone = m_context.returnedMail().undo(id);
    if (!undone.ok())
        return fail(undone.error());
    // The message back where it was, when the mailbox can be reached; the member file is already restored.
    bool movedBack = false;
    auto a = Mail::MailboxAccount::load(m_context.databaseSettings());
    QString password;
    Mail::MailboxRunner::TransportFactory factory;
    if (a.ok() && a.value().isConfigured() && !undone.value().movedTo.isEmpty() &&
        imapPassword(parser, a.value(), m_context.credentials(), &password) && transports(a.value(), &factory)) {
        Mail::MailboxRunner runner(a.value(), password, factory, m_context.returnedMail());
        std::optional<Core::Result<Mail::MailboxRunSummary>> result;
        runUntilDone([&](const std::function<void()> &done) {
            QObject::connect(&runner, &Mail::MailboxRunner::finished, &runner,
                             [&result, done](const Core::Result<Mail::MailboxRunSummary> &r) {
                                 result = r;
                                 done();
                             });
            runner.moveBack(undone.value());
        });
        if (result && result->ok())
            movedBack = result->value().moved > 0;
        else if (result)
            printError(QCoreApplication::translate("Cli::MailboxCommand",
                                                   "Undone in the member file; the message could not be moved back: %1")
                           .arg(result->error().message));
    }
    QJsonObject out = undone.value().toJson();
    out.insert(QStringLiteral("moved_back"), movedBack);
    if (parser.isSet(QStringLiteral("json")))
        printJson(out);
    else
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "Message %1 undone.").arg(id));
    return Success;
}

int MailboxCommand::deliverable(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1, QCoreApplication::translate("Cli::MailboxCommand", "a member (id or address)")))
        return BadUsage;
    auto member = m_context.members().findByReference(parser.positionalArguments().value(0));
    if (!member.ok())
        return fail(member.error());
    if (auto r = m_context.returnedMail().undeliverable().markDeliverable(member.value().id); !r.ok())
        return fail(r.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("member"), member.value().id}, {QStringLiteral("undeliverable"), false}});
    else
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "The address of member %1 is deliverable again.")
                      .arg(member.value().id));
    return Success;
}

int MailboxCommand::read(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1, QCoreApplication::translate("Cli::MailboxCommand", "a message file (.eml)")))
        return BadUsage;
    if (parser.positionalArguments().isEmpty())
        return usage(QCoreApplication::translate("Cli::MailboxCommand", "mailbox read needs a message file (.eml)."));
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return usage(
            QCoreApplication::translate("Cli::MailboxCommand", "Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxMessageBytes)
        return usage(
            QCoreApplication::translate("Cli::MailboxCommand", "%1 is too large to be a returned message.").arg(path));
    auto secret = Mail::UnsubscribeToken::secret(m_context.databaseSettings());
    if (!secret.ok())
        return fail(secret.error());
    const QByteArray raw = file.readAll();
    const Mail::Inbound::ReturnedMail mail = Mail::Inbound::ReturnedMail::read(raw, secret.value());

    Mail::Outbox outbox(m_context.database(), m_context.clock());
    auto match = outbox.matchReturned(mail.originalMessageIds);
    if (!match.ok())
        return fail(match.error());
    qint64 deliveryId = match.value().id;
    qint64 memberId = match.value().memberId;
    if (memberId == 0) {
        // Not one of our deliveries (or the report kept nothing of it): the member by address.
        for (const auto &r : mail.recipients) {
            auto member = m_context.members().findByReference(r.address);
            if (member.ok()) {
                memberId = member.value().id;
                break;
            }
        }
    }
    if (mail.kind == Mail::Inbound::ReturnKind::Unsubscribe && memberId == 0) {
        auto token = Mail::UnsubscribeToken::verify(mail.unsubscribeToken, secret.value());
        if (token.ok())
            memberId = token.value().memberId;
    }

    QJsonArray recipients;
    for (const auto &r : mail.recipients)
        recipients.append(QJsonObject{{QStringLiteral("address"), r.address},
                                      {QStringLiteral("action"), r.action},
                                      {QStringLiteral("status"), r.status},
                                      {QStringLiteral("reply"), r.reply},
                                      {QStringLiteral("diagnostic"), r.diagnostic},
                                      {QStringLiteral("category"), Mail::Inbound::categoryKey(r.category)},
                                      {QStringLiteral("permanent"), r.permanent}});
    QJsonObject out{{QStringLiteral("kind"), Mail::Inbound::kindKey(mail.kind)},
                    {QStringLiteral("recipients"), recipients},
                    {QStringLiteral("delivery"), deliveryId ? QJsonValue(deliveryId) : QJsonValue()},
                    {QStringLiteral("member"), memberId ? QJsonValue(memberId) : QJsonValue()},
                    {QStringLiteral("from"), mail.from},
                    {QStringLiteral("subject"), mail.subject},
                    {QStringLiteral("message_ids"), QJsonArray::fromStringList(mail.originalMessageIds)}};
    if (!mail.feedbackType.isEmpty())
        out.insert(QStringLiteral("feedback_type"), mail.feedbackType);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(out);
        return Success;
    }
    printLine(QCoreApplication::translate("Cli::MailboxCommand", "Kind: %1").arg(Mail::Inbound::kindText(mail.kind)));
    for (const auto &r : mail.recipients) {
        printLine(QStringLiteral("  %1 — %2%3")
                      .arg(r.address, Mail::Inbound::categoryText(r.category),
                           r.diagnostic.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.diagnostic)));
    }
    if (deliveryId)
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "Delivery: %1").arg(deliveryId));
    if (memberId)
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "Member: %1").arg(memberId));
    return Success;
}

} // namespace Cli
