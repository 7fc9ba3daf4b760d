#include "SmtpCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "mail/MimeMessage.h"
#include "mail/SmtpPresets.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QTextStream>

namespace Cli {

QString SmtpCommand::help()
{
    return QCoreApplication::translate(
        "Cli::SmtpCommand",
        "smtp set [--preset NAME] --host H --port P --security starttls|tls|none --user U --from \"Name <addr>\" "
        "[--reply-to A]\n"
        "  [--per-minute N] [--per-hour N] [--per-day N] [--per-connection N] [--ca-file PEM]\n"
        "  [--trust-fingerprint SHA256] [--retry-seconds N] [--timeout-seconds N] [--helo NAME] [--json]\n"
        "smtp show [--json]\n"
        "smtp presets   (common providers: server, port, security, conservative limits)\n"
        "smtp test --to ADDR [--password-file F] [--json]   (password: CARNET_SMTP_PASSWORD or --password-file)");
}

int SmtpCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("set"))
        return set(arguments.mid(1));
    if (action == QLatin1String("show"))
        return show(arguments.mid(1));
    if (action == QLatin1String("test"))
        return test(arguments.mid(1));
    if (action == QLatin1String("presets")) {
        QJsonArray presets;
        for (const Mail::SmtpPreset &p : Mail::smtpPresets())
            presets.append(QJsonObject{{QStringLiteral("key"), p.key},
                                       {QStringLiteral("name"), p.name},
                                       {QStringLiteral("host"), p.host},
                                       {QStringLiteral("port"), p.port},
                                       {QStringLiteral("security"), Mail::SmtpAccount::securityKey(p.security)},
                                       {QStringLiteral("per_minute"), p.limits.perMinute},
                                       {QStringLiteral("per_hour"), p.limits.perHour},
                                       {QStringLiteral("per_day"), p.limits.perDay},
                                       {QStringLiteral("per_connection"), p.limits.perConnection}});
        printJson(presets);
        return Success;
    }
    return usage(QCoreApplication::translate("Cli::SmtpCommand",
                                             "Unknown smtp command \"%1\". Commands: set, show, test, presets.")
                     .arg(action));
}

bool SmtpCommand::password(const QCommandLineParser &parser, const Mail::SmtpAccount &account,
                           Settings::CredentialStore &credentials, QString *password)
{
    if (parser.isSet(QStringLiteral("password-file"))) {
        QFile f(parser.value(QStringLiteral("password-file")));
        if (!f.open(QIODevice::ReadOnly)) {
            printError(
                QCoreApplication::translate("Cli::SmtpCommand", "Cannot read the password file %1.").arg(f.fileName()));
            return false;
        }
        *password = QString::fromUtf8(f.readAll()).section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('\r'));
        return true;
    }
    *password = qEnvironmentVariable("CARNET_SMTP_PASSWORD");
    if (password->isEmpty() && !account.user.isEmpty() && credentials.isPersistent()) {
        runUntilDone([&](const std::function<void()> &done) {
            QObject::connect(
                &credentials, &Settings::CredentialStore::readDone, &credentials,
                [password, done](const QString &, const QString &secret, const QString &) {
                    *password = secret;
                    done();
                },
                Qt::SingleShotConnection);
            credentials.read(Settings::CredentialStore::smtpKey(account.user, account.host));
        });
    }
    if (password->isEmpty() && !account.user.isEmpty()) {
        printError(QCoreApplication::translate("Cli::SmtpCommand",
                                               "The account signs in as %1: give the password in "
                                               "CARNET_SMTP_PASSWORD, with --password-file, or keep it "
                                               "in the keychain with smtp set --store-password.")
                       .arg(account.user));
        return false;
    }
    return true;
}

Mail::OutboxRunner::TransportFactory SmtpCommand::transports(const Mail::SmtpAccount &account, QString *error)
{
    auto factory = Smtp::SslTransport::factory(account.caFile, account.trustFingerprint);
    if (!factory.ok()) {
        *error = factory.error().message;
        return {};
    }
    return factory.value();
}

int SmtpCommand::set(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name :
         {"preset", "host", "port", "security", "user", "from", "reply-to", "per-minute", "per-hour", "per-day",
          "per-connection", "ca-file", "trust-fingerprint", "retry-seconds", "helo", "timeout-seconds"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("store-password")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    const bool storePassword = parser.isSet(QStringLiteral("store-password"));
    auto loaded = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!loaded.ok())
        return fail(loaded.error());
    Mail::SmtpAccount a = loaded.value();
    // A preset fills the server and the limits; flags given as well win.
    if (parser.isSet(QStringLiteral("preset"))) {
        const Mail::SmtpPreset *preset = Mail::smtpPreset(parser.value(QStringLiteral("preset")));
        if (!preset) {
            QStringList keys;
            for (const Mail::SmtpPreset &p : Mail::smtpPresets())
                keys.append(p.key);
            return usage(QCoreApplication::translate("Cli::SmtpCommand", "Unknown preset \"%1\". Presets: %2.")
                             .arg(parser.value(QStringLiteral("preset")), keys.join(QStringLiteral(", "))));
        }
        a.host = preset->host;
        a.port = preset->port;
        a.security = preset->security;
        a.limits = preset->limits;
    }
    auto number = [&](const char *name, int *target) {
        if (!parser.isSet(QString::fromLatin1(name)))
            return true;
        bool ok = false;
        const int v = parser.value(QString::fromLatin1(name)).toInt(&ok);
        if (!ok || v < 0) {
            usage(QCoreApplication::translate("Cli::SmtpCommand", "--%1 takes a number (0: no limit).")
                      .arg(QString::fromLatin1(name)));
            return false;
        }
        *target = v;
        return true;
    };
    if (parser.isSet(QStringLiteral("host")))
        a.host = parser.value(QStringLiteral("host")).trimmed();
    int port = a.port;
    if (!number("port", &port) || port > 65535)
        return port > 65535 ? usage(QCoreApplication::translate("Cli::SmtpCommand",
                                                                "--port takes a number between 1 and 65535."))
                            : BadUsage;
    a.port = quint16(port);
    if (parser.isSet(QStringLiteral("security"))) {
        const auto s = Mail::SmtpAccount::securityFromKey(parser.value(QStringLiteral("security")));
        if (!s)
            return usage(QCoreApplication::translate("Cli::SmtpCommand", "--security is starttls, tls or none."));
        a.security = *s;
        if (*s == Smtp::Security::None)
            printError(QCoreApplication::translate(
                "Cli::SmtpCommand",
                "Warning: without encryption, messages and the password travel in clear. Use this only "
                "for a relay on this computer or your local network."));
    }
    if (parser.isSet(QStringLiteral("user")))
        a.user = parser.value(QStringLiteral("user"));
    if (parser.isSet(QStringLiteral("from")) &&
        !Mail::SmtpAccount::parseMailbox(parser.value(QStringLiteral("from")), &a.from))
        return usage(QCoreApplication::translate("Cli::SmtpCommand", "--from takes \"Name <address>\" or an address."));
    if (parser.isSet(QStringLiteral("reply-to")))
        a.replyTo = parser.value(QStringLiteral("reply-to"));
    if (!number("per-minute", &a.limits.perMinute) || !number("per-hour", &a.limits.perHour) ||
        !number("per-day", &a.limits.perDay) || !number("per-connection", &a.limits.perConnection) ||
        !number("retry-seconds", &a.retrySeconds) || !number("timeout-seconds", &a.timeoutSeconds))
        return BadUsage;
    if (parser.isSet(QStringLiteral("ca-file")))
        a.caFile = parser.value(QStringLiteral("ca-file"));
    if (parser.isSet(QStringLiteral("trust-fingerprint")))
        a.trustFingerprint = parser.value(QStringLiteral("trust-fingerprint")).remove(QLatin1Char(':')).toLower();
    if (parser.isSet(QStringLiteral("helo")))
        a.heloName = parser.value(QStringLiteral("helo"));
    if (auto readable = Smtp::SslTransport::factory(a.caFile, a.trustFingerprint); !readable.ok())
        return usage(readable.error().message);
    auto saved = m_context.database().write([&] { return Mail::SmtpAccount::save(m_context.databaseSettings(), a); });
    if (!saved.ok())
        return fail(saved.error());
    if (storePassword) {
        // The password comes on standard input (one line), never on the command line.
        QTextStream in(stdin);
        const QString secret = in.readLine();
        QString error;
        runUntilDone([&](const std::function<void()> &done) {
            QObject::connect(
                &m_context.credentials(), &Settings::CredentialStore::writeDone, &m_context.credentials(),
                [&error, done](const QString &, const QString &e) {
                    error = e;
                    done();
                },
                Qt::SingleShotConnection);
            m_context.credentials().write(Settings::CredentialStore::smtpKey(a.user, a.host), secret);
        });
        if (!error.isEmpty() || !m_context.credentials().isPersistent()) {
            printError(QCoreApplication::translate("Cli::SmtpCommand",
                                                   "The password could not be kept in the keychain (%1): give it in "
                                                   "CARNET_SMTP_PASSWORD or with --password-file when sending.")
                           .arg(error));
            return JobFailed;
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(a.toJson());
    else
        printLine(QCoreApplication::translate("Cli::SmtpCommand", "Sending through %1:%2 as %3.")
                      .arg(a.host)
                      .arg(a.port)
                      .arg(a.from.address));
    return Success;
}

int SmtpCommand::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    auto a = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!a.ok())
        return fail(a.error());
    printJson(a.value().toJson());
    return Success;
}

int SmtpCommand::test(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("to"), QString(), QStringLiteral("address")));
    parser.addOption(QCommandLineOption(QStringLiteral("password-file"), QString(), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    if (!parser.isSet(QStringLiteral("to")))
        return usage(QCoreApplication::translate("Cli::SmtpCommand", "smtp test needs --to."));
    auto loaded = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!loaded.ok())
        return fail(loaded.error());
    const Mail::SmtpAccount a = loaded.value();
    if (!a.isConfigured())
        return usage(
            QCoreApplication::translate("Cli::SmtpCommand", "No sending account yet: run carnet-cli smtp set first."));
    QString secret;
    if (!password(parser, a, m_context.credentials(), &secret))
        return BadUsage;
    QString error;
    auto factory = transports(a, &error);
    if (!factory)
        return usage(error);

    Mail::Message m;
    m.from = a.from;
    m.to = {{QString(), parser.value(QStringLiteral("to"))}};
    m.subject = QCoreApplication::translate("Cli::SmtpCommand", "Carnet: test message");
    m.text = QCoreApplication::translate("Cli::SmtpCommand",
                                         "This message was sent by Carnet to check the sending account (%1:%2).")
                 .arg(a.host)
                 .arg(a.port);
    auto built = Mail::Mime::build(m);
    if (!built.ok())
        return fail(built.error());

    Smtp::Session session(a.sessionSettings(secret), factory());
    Smtp::MessageResult result;
    QString failure;
    bool delivered = false;
    QObject::connect(&session, &Smtp::Session::ready, [&] {
        Smtp::Envelope e;
        e.from = built.value().envelopeFrom;
        e.recipients = built.value().envelopeTo;
        e.data = built.value().bytes;
        e.needsSmtpUtf8 = built.value().needsSmtpUtf8;
        session.send(e);
    });
    QObject::connect(&session, &Smtp::Session::messageDone, [&](const Smtp::MessageResult &r) {
        result = r;
        delivered = !r.recipients.isEmpty() && r.recipients.first().outcome == Smtp::Outcome::Sent;
        session.quit();
    });
    QObject::connect(&session, &Smtp::Session::failed,
                     [&](const QString &message, const Smtp::Reply &) { failure = message; });
    runUntilDone([&](const std::function<void()> &done) {
        QObject::connect(&session, &Smtp::Session::finished, &session, done);
        session.start();
    });

    const Smtp::RecipientResult r = result.recipients.value(0);
    if (failure.isEmpty() && !delivered)
        failure = r.reply.toString();
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("ok"), delivered},
                              {QStringLiteral("reply"), r.reply.code ? QJsonValue(r.reply.toString()) : QJsonValue()},
                              {QStringLiteral("error"), failure.isEmpty() ? QJsonValue() : QJsonValue(failure)},
                              {QStringLiteral("log"), QJsonArray::fromStringList(session.protocolLog())}});
    } else if (delivered) {
        printLine(QCoreApplication::translate("Cli::SmtpCommand", "The test message was accepted: %1")
                      .arg(r.reply.toString()));
    } else {
        printError(QCoreApplication::translate("Cli::SmtpCommand", "The test message was not sent: %1").arg(failure));
        for (const QString &line : session.protocolLog())
            printError(QStringLiteral("  ") + line);
    }
    return delivered ? Success : JobFailed;
}

} // namespace Cli
