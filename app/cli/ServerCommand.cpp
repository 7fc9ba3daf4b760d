#include "ServerCommand.h"

#include "CliOutput.h"
#include "storage/Database.h"
#include "storage/DatabaseCopy.h"
#include "storage/Volunteers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Cli {

namespace {

// The schema version a server database holds before Carnet touches it: 0 for an empty database, -1 when
// it cannot be told (Database::open then says why).
int versionBefore(const QString &url)
{
    const QString name = Storage::Database::uniqueConnectionName(QStringLiteral("server-probe"));
    int version = -1;
    {
        auto connection = Storage::Database::openConnection(url, name);
        if (connection.ok()) {
            QSqlQuery q(connection.value());
            if (q.exec(QStringLiteral("SELECT to_regclass('carnet_schema') IS NOT NULL")) && q.next())
                version = q.value(0).toBool() ? (q.exec(QStringLiteral("SELECT version FROM carnet_schema")) && q.next()
                                                     ? q.value(0).toInt()
                                                     : -1)
                                              : 0;
            q.finish();
            connection.value().close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

int failCopy(const Core::Error &error)
{
    if (error.code == Core::Error::Code::Conflict || error.code == Core::Error::Code::Invalid) {
        printError(error.message);
        return BadUsage;
    }
    return fail(error);
}

} // namespace

QString ServerCommand::help()
{
    return QCoreApplication::translate("Cli::ServerCommand",
                                       "server setup --database postgresql://USER@HOST/DB [--json]\n"
                                       "server copy-from FILE.sqlite --database postgresql://USER@HOST/DB [--json]\n"
                                       "server copy-to FILE.sqlite --database postgresql://USER@HOST/DB [--json]\n"
                                       "server grant LOGIN --role admin|editor|reader [--section S]... [--create "
                                       "--password-file F] --database URL\n"
                                       "server revoke LOGIN --database URL\n"
                                       "server volunteers [--json] --database URL");
}

int ServerCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    const QStringList known{QStringLiteral("setup"), QStringLiteral("copy-from"), QStringLiteral("copy-to"),
                            QStringLiteral("grant"), QStringLiteral("revoke"),    QStringLiteral("volunteers")};
    if (!known.contains(action))
        return usage(QCoreApplication::translate("Cli::ServerCommand",
                                                 "Unknown server command \"%1\". Commands: setup, copy-from, "
                                                 "copy-to, grant, revoke, volunteers.")
                         .arg(action));
    if (action == QLatin1String("grant")) {
        parser.addOption(QCommandLineOption(QStringLiteral("role"), QString(), QStringLiteral("role")));
        parser.addOption(QCommandLineOption(QStringLiteral("section"), QString(), QStringLiteral("section")));
        parser.addOption(QCommandLineOption(QStringLiteral("create")));
        parser.addOption(QCommandLineOption(QStringLiteral("password-file"), QString(), QStringLiteral("file")));
    }
    if (!parseArguments(parser, arguments.mid(1)))
        return BadUsage;
    if (!Storage::Location::isUrl(m_database))
        return usage(QCoreApplication::translate(
            "Cli::ServerCommand", "The server command needs --database postgresql://USER@HOST[:PORT]/DATABASE."));
    const bool json = parser.isSet(QStringLiteral("json"));
    if (action == QLatin1String("grant"))
        return grant(parser);
    if (action == QLatin1String("revoke")) {
        if (!expectPositional(parser, 1, QStringLiteral("LOGIN")))
            return BadUsage;
        return revoke(parser.positionalArguments().first(), json);
    }
    if (action == QLatin1String("volunteers")) {
        if (!expectPositional(parser, 0, QString()))
            return BadUsage;
        return volunteers(json);
    }
    if (action == QLatin1String("setup")) {
        if (!expectPositional(parser, 0, QString()))
            return BadUsage;
        return setup(json);
    }
    if (parser.positionalArguments().size() != 1)
        return usage(
            QCoreApplication::translate("Cli::ServerCommand", "Give one local member file: server %1 FILE.sqlite.")
                .arg(action));
    return copy(parser.positionalArguments().first(), action == QLatin1String("copy-from"), json);
}

int ServerCommand::setup(bool json)
{
    const int before = versionBefore(m_database);
    auto db = Storage::Database::open(m_database);
    if (!db.ok())
        return fail(db.error());
    const int after = db.value()->schemaVersion();
    if (json) {
        printJson(QJsonObject{{QStringLiteral("database"), db.value()->displayName()},
                              {QStringLiteral("version"), after},
                              {QStringLiteral("previous_version"), before},
                              {QStringLiteral("created"), before == 0}});
    } else if (before == 0) {
        printLine(QCoreApplication::translate("Cli::ServerCommand", "Created Carnet's tables (version %1) in %2.")
                      .arg(after)
                      .arg(db.value()->displayName()));
    } else if (before >= 0 && before < after) {
        printLine(QCoreApplication::translate("Cli::ServerCommand", "Upgraded %1 from version %2 to %3.")
                      .arg(db.value()->displayName())
                      .arg(before)
                      .arg(after));
    } else {
        printLine(QCoreApplication::translate("Cli::ServerCommand", "%1 is ready (version %2).")
                      .arg(db.value()->displayName())
                      .arg(after));
    }
    return Success;
}

int ServerCommand::copy(const QString &file, bool toServer, bool json)
{
    const QFileInfo info(file);
    if (toServer && !info.isFile())
        return usage(QCoreApplication::translate("Cli::ServerCommand", "%1 does not exist.")
                         .arg(QDir::toNativeSeparators(file)));
    const bool created = !info.exists();
    auto fileDb = Storage::Database::open(file);
    if (!fileDb.ok())
        return fail(fileDb.error());
    auto server = Storage::Database::open(m_database);
    if (!server.ok())
        return fail(server.error());
    Storage::Database &source = toServer ? *fileDb.value() : *server.value();
    Storage::Database &target = toServer ? *server.value() : *fileDb.value();
    auto report = Storage::DatabaseCopy::copy(source, target);
    if (!report.ok()) {
        if (created) { // a local file made for the copy goes again
            fileDb.value().reset();
            Storage::Database::removeLocalFile(file);
        }
        return failCopy(report.error());
    }
    const Storage::DatabaseCopy::Report &r = report.value();
    if (json) {
        printJson(r.toJson());
    } else {
        for (auto it = r.target.cbegin(); it != r.target.cend(); ++it)
            printLine(QStringLiteral("%1\t%2\t%3%4")
                          .arg(it.key())
                          .arg(it.value().rows)
                          .arg(it.value().checksum.left(16),
                               r.source.value(it.key()) == it.value()
                                   ? QString()
                                   : QCoreApplication::translate("Cli::ServerCommand", "\tDIFFERS from the source")));
        printLine(
            r.ok() ? QCoreApplication::translate("Cli::ServerCommand", "Copied %1 to %2; every table compares equal.")
                         .arg(source.displayName(), target.displayName())
                   : QCoreApplication::translate("Cli::ServerCommand", "The copy differs from the source."));
    }
    return r.ok() ? Success : JobFailed;
}

int ServerCommand::grant(const QCommandLineParser &parser)
{
    if (!expectPositional(parser, 1, QStringLiteral("LOGIN")))
        return BadUsage;
    const QString login = parser.positionalArguments().first();
    const auto role = Storage::Access::roleFromKey(parser.value(QStringLiteral("role")));
    if (!role || *role == Storage::Role::Owner)
        return usage(
            QCoreApplication::translate("Cli::ServerCommand", "Give the role: --role admin, editor or reader."));
    const bool create = parser.isSet(QStringLiteral("create"));
    if (create != parser.isSet(QStringLiteral("password-file")))
        return usage(QCoreApplication::translate(
            "Cli::ServerCommand", "--create needs --password-file FILE (the new login's password, never on the "
                                  "command line), and --password-file goes with --create."));
    std::optional<QString> password;
    if (create) {
        QFile f(parser.value(QStringLiteral("password-file")));
        if (!f.open(QIODevice::ReadOnly))
            return usage(QCoreApplication::translate("Cli::ServerCommand", "Cannot read the password file %1.")
                             .arg(QDir::toNativeSeparators(f.fileName())));
        password = QString::fromUtf8(f.readAll()).section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('\r'));
    }
    auto db = Storage::Database::open(m_database);
    if (!db.ok())
        return fail(db.error());
    const QStringList sections = parser.values(QStringLiteral("section"));
    Storage::Volunteers volunteers(*db.value());
    if (auto r = volunteers.grant(login, *role, sections, password); !r.ok())
        return r.error().code == Core::Error::Code::Invalid ? (printError(r.error().message), BadUsage)
                                                            : fail(r.error());
    if (sections.isEmpty())
        printLine(QCoreApplication::translate("Cli::ServerCommand", "%1 is now %2 of %3, for every member.")
                      .arg(login, Storage::Access::roleLabel(*role), db.value()->displayName()));
    else
        printLine(QCoreApplication::translate("Cli::ServerCommand", "%1 is now %2 of %3, for the sections %4.")
                      .arg(login, Storage::Access::roleLabel(*role), db.value()->displayName(),
                           sections.join(QStringLiteral(", "))));
    return Success;
}

int ServerCommand::revoke(const QString &login, bool json)
{
    auto db = Storage::Database::open(m_database);
    if (!db.ok())
        return fail(db.error());
    auto r = Storage::Volunteers(*db.value()).revoke(login);
    if (!r.ok() && r.error().code == Core::Error::Code::Invalid) {
        printError(r.error().message);
        return BadUsage;
    }
    if (!r.ok())
        return fail(r.error());
    if (json)
        printJson(QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("revoked"), r.value()}});
    else if (r.value())
        printLine(QCoreApplication::translate("Cli::ServerCommand",
                                              "%1 no longer has access to %2 (the login stays on the server).")
                      .arg(login, db.value()->displayName()));
    else
        printLine(
            QCoreApplication::translate("Cli::ServerCommand", "%1 was not a volunteer of %2; nothing to take away.")
                .arg(login, db.value()->displayName()));
    return Success;
}

int ServerCommand::volunteers(bool json)
{
    auto db = Storage::Database::open(m_database);
    if (!db.ok())
        return fail(db.error());
    auto list = Storage::Volunteers(*db.value()).list();
    if (!list.ok())
        return fail(list.error());
    if (json) {
        QJsonArray out;
        for (const Storage::Volunteer &v : list.value())
            out.append(v.toJson());
        printJson(out);
        return Success;
    }
    if (list.value().isEmpty())
        printLine(QCoreApplication::translate("Cli::ServerCommand",
                                              "No volunteers yet: give one access with server grant LOGIN --role R."));
    for (const Storage::Volunteer &v : list.value()) {
        const QString sections = v.sections.isEmpty()
                                     ? QCoreApplication::translate("Cli::ServerCommand", "every member")
                                     : v.sections.join(QStringLiteral(", "));
        const QString seen = v.lastSeen.isValid()
                                 ? v.lastSeen.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                 : QCoreApplication::translate("Cli::ServerCommand", "never");
        printLine(QStringLiteral("%1\t%2\t%3\t%4").arg(v.login, Storage::Access::roleLabel(v.role), sections, seen));
    }
    return Success;
}

} // namespace Cli
