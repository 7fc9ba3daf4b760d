// The PostgreSQL side of Database: connecting through Qt's QPSQL driver (libpq), telling the user what a
// refused connection means, and checking that a server database is Carnet's before using it.
#include "AuditLog.h"
#include "Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using Core::Error;
using Core::Result;

namespace Storage {

namespace {} // namespace

Result<QSqlDatabase> Database::openServerConnection(const Location &location, const QString &name)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error::make(Error::Code::Connection,
                           QCoreApplication::translate(
                               "Storage::Database",
                               "This Carnet cannot reach a PostgreSQL server: Qt's PostgreSQL driver is not installed "
                               "(Debian package libqt6sql6-psql)."));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!location.host.isEmpty())
        db.setHostName(location.host);
    db.setPort(location.port);
    db.setDatabaseName(location.database);
    if (!location.user.isEmpty())
        db.setUserName(location.user);
    if (!location.password.isEmpty())
        db.setPassword(location.password); // otherwise libpq reads PGPASSWORD or ~/.pgpass
    db.setConnectOptions(location.connectOptions());
    if (!db.open())
        return giveUp(db, name, connectionError(location, db.lastError()));
    if (auto session = setUpSession(db, Engine::Postgres); !session.ok())
        return giveUp(db, name, session.error());
    return db;
}

Error Database::connectionError(const Location &location, const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString where = location.display();
    auto make = [&](const QString &message) {
        return Error::make(Error::Code::Connection, message, {}, text.trimmed());
    };
    if (text.contains(QLatin1String("password authentication failed")) ||
        text.contains(QLatin1String("no password supplied")) || text.contains(QLatin1String("password is required")))
        return make(QCoreApplication::translate(
                        "Storage::Database",
                        "The server refused the user name or password for %1. Check them (the password comes from "
                        "the keychain, PGPASSWORD or ~/.pgpass).")
                        .arg(where));
    if (text.contains(QLatin1String("does not support SSL")) || text.contains(QLatin1String("SSL off")))
        return make(QCoreApplication::translate(
                        "Storage::Database",
                        "The server %1 does not offer an encrypted connection (TLS), and this connection requires "
                        "one. Nothing was sent.")
                        .arg(where));
    if (text.contains(QLatin1String("root certificate file")))
        return make(QCoreApplication::translate(
            "Storage::Database",
            "To check the server's certificate, Carnet needs the certificate of the authority that "
            "signed it (sslrootcert=FILE in the address)."));
    if (text.contains(QLatin1String("certificate verify failed")) ||
        text.contains(QLatin1String("does not match host")) || text.contains(QLatin1String("certificate")))
        return make(QCoreApplication::translate(
                        "Storage::Database",
                        "The server %1 presented a certificate that cannot be trusted (not signed by the given "
                        "authority, expired, or for another name). Nothing was sent.")
                        .arg(where));
    if (text.contains(QLatin1String("could not translate host name")) ||
        text.contains(QLatin1String("Name or service not known")))
        return make(
            QCoreApplication::translate("Storage::Database", "The server name \"%1\" is unknown. Check the address.")
                .arg(location.host));
    if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database")))
        return make(QCoreApplication::translate(
                        "Storage::Database", "The server has no database \"%1\". Ask its administrator to create it.")
                        .arg(location.database));
    if (text.contains(QLatin1String("pg_hba.conf")))
        return make(
            QCoreApplication::translate("Storage::Database",
                                        "The server %1 does not accept this user from this computer (pg_hba.conf).")
                .arg(where));
    if (text.contains(QLatin1String("role")) && text.contains(QLatin1String("does not exist")))
        return make(
            QCoreApplication::translate("Storage::Database", "The server has no user \"%1\".").arg(location.user));
    return make(QCoreApplication::translate("Storage::Database", "The server %1 cannot be reached: %2")
                    .arg(where, text.trimmed().section(QLatin1Char('\n'), 0, 0)));
}

Error Database::serverErrorFrom(const QString &sqlState, const QString &text, const QString &context)
{
    const QString detail = context + QLatin1String(": ") + sqlState + QLatin1Char(' ') + text;
    if (sqlState.startsWith(QLatin1String("08")) || sqlState.startsWith(QLatin1String("57P")))
        return Error::make(Error::Code::Connection,
                           QCoreApplication::translate(
                               "Storage::Database",
                               "The connection to the database server was lost. Nothing was saved by this step; "
                               "try again once it is back."),
                           {}, detail);
    if (sqlState == QLatin1String("40001") || sqlState == QLatin1String("40P01") || sqlState == QLatin1String("55P03"))
        return Error::make(
            Error::Code::Busy,
            QCoreApplication::translate("Storage::Database",
                                        "The database is busy with another volunteer's change. Try again in a moment."),
            {}, detail);
    if (sqlState == QLatin1String("42501")) {
        // Row-level security: a member outside the volunteer's sections.
        if (text.contains(QLatin1String("row-level security")))
            return Error::make(Error::Code::Forbidden,
                               QCoreApplication::translate("Storage::Database",
                                                           "The database server refused it: this login may only add "
                                                           "or change members of its own sections."),
                               {}, detail);
        return Error::make(Error::Code::Forbidden,
                           QCoreApplication::translate("Storage::Database",
                                                       "The database server does not let this login make that change "
                                                       "(its role on this member file does not allow it)."),
                           {}, detail);
    }
    if (sqlState == QLatin1String("53100"))
        return Error::make(
            Error::Code::Storage,
            QCoreApplication::translate("Storage::Database", "The database server's disk is full: nothing was saved."),
            {}, detail);
    return Error::make(Error::Code::Storage,
                       QCoreApplication::translate("Storage::Database", "The database reported an error: %1").arg(text),
                       {}, detail);
}

Result<void> Database::preparePostgres(const QList<Migration> &migrations)
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT to_regclass('carnet_schema') IS NOT NULL")) || !q.next())
        return errorFrom(q.lastError(), QStringLiteral("schema"));
    const bool carnet = q.value(0).toBool();
    const bool fresh = isEmpty();
    int version = 0;
    if (carnet) {
        if (!q.exec(QStringLiteral("SELECT application, version FROM carnet_schema")) || !q.next())
            return errorFrom(q.lastError(), QStringLiteral("schema"));
        version = q.value(1).toInt();
    }
    if (!fresh && !carnet)
        return Error::make(Error::Code::NotCarnet,
                           QCoreApplication::translate(
                               "Storage::Database",
                               "The database %1 holds tables that are not Carnet's. Nothing was changed in it; give "
                               "Carnet an empty database of its own.")
                               .arg(m_location.display()));
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (version > latest)
        return Error::make(Error::Code::TooNew,
                           QCoreApplication::translate(
                               "Storage::Database",
                               "%1 was written by a newer version of Carnet (database version %2; this Carnet knows up "
                               "to %3). Update Carnet to open it; nothing was changed.")
                               .arg(m_location.display())
                               .arg(version)
                               .arg(latest));
    q.finish();
    if (version > 0 && version < latest) {
        // Only the login that owns the tables can change them (a volunteer's login cannot, by design).
        if (!q.exec(QStringLiteral("SELECT pg_get_userbyid(relowner), pg_has_role(session_user, relowner, 'MEMBER') "
                                   "OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) FROM pg_class "
                                   "WHERE oid = 'carnet_schema'::regclass")) ||
            !q.next())
            return errorFrom(q.lastError(), QStringLiteral("schema owner"));
        if (!q.value(1).toBool())
            return Error::make(Error::Code::Forbidden,
                               QCoreApplication::translate(
                                   "Storage::Database",
                                   "%1 must be brought up to this version of Carnet first (database version %2, "
                                   "this Carnet needs %3), and only its owner can do that: ask %4 to open it once "
                                   "with this Carnet or to run carnet-cli server setup. Nothing was changed.")
                                   .arg(m_location.display())
                                   .arg(version)
                                   .arg(latest)
                                   .arg(q.value(0).toString()));
        q.finish();
    }
    if (version < latest)
        return migrate(version, migrations);
    return {};
}

Result<void> Database::reloadAccess()
{
    if (m_location.engine == Engine::Sqlite) {
        m_access = Access{AuditLog::currentUser(), Role::Owner, {}};
        m_sessionTag = QStringLiteral("p%1").arg(QCoreApplication::applicationPid());
        return {};
    }
    QSqlQuery q(connection());
    // A schema older than version 8 (only tests open one without upgrading it) knows no volunteers.
    if (!q.exec(QStringLiteral("SELECT to_regproc('carnet_whoami') IS NOT NULL, session_user, pg_backend_pid()")) ||
        !q.next())
        return errorFrom(q.lastError(), QStringLiteral("access"));
    m_sessionTag = QStringLiteral("b%1").arg(q.value(2).toLongLong());
    if (!q.value(0).toBool()) {
        m_access = Access{q.value(1).toString(), Role::Owner, {}};
        return {};
    }
    if (!q.exec(QStringLiteral("SELECT login, role, array_to_json(sections) FROM carnet_whoami()")) || !q.next())
        return errorFrom(q.lastError(), QStringLiteral("access"));
    Access access;
    access.login = q.value(0).toString();
    access.role = Access::roleFromKey(q.value(1).toString()).value_or(Role::Reader);
    access.sections = Access::sectionsFromJson(q.value(2).toString());
    q.finish();
    // When this volunteer was last seen (server volunteers): a function, since a volunteer cannot write the
    // volunteers table. Not worth failing the opening for.
    q.prepare(QStringLiteral("SELECT carnet_seen(?)"));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    q.exec();
    m_access = access;
    return {};
}

bool Database::isSessionAlive(const QString &tag) const
{
    bool number = false;
    const qint64 id = tag.mid(1).toLongLong(&number);
    if (!number)
        return false;
    if (tag.startsWith(QLatin1Char('p'))) // a process on this computer (a local file is not shared further)
        return id == QCoreApplication::applicationPid() || QFileInfo::exists(QStringLiteral("/proc/%1").arg(id));
    if (!tag.startsWith(QLatin1Char('b')) || m_location.engine != Engine::Postgres)
        return false;
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = ? AND datname = current_database()"));
    q.addBindValue(id);
    // Unsure (the query failed): alive, so that nothing is declared interrupted by mistake.
    return !q.exec() || q.next();
}

Result<void> Database::lockForSending()
{
    if (m_location.engine == Engine::Sqlite)
        return {};
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1, 1)").arg(kApplicationId)))
        return errorFrom(q.lastError(), QStringLiteral("sending lock"));
    return {};
}

Result<void> Database::lockForBulkInsert(const QString &table)
{
    QSqlQuery q(connection());
    const QString sql = m_location.engine == Engine::Sqlite
                            ? QStringLiteral("PRAGMA cache_size = -32768")
                            : QStringLiteral("LOCK TABLE %1 IN EXCLUSIVE MODE").arg(table); // a schema name
    if (!q.exec(sql))
        return errorFrom(q.lastError(), QStringLiteral("bulk insert"));
    return {};
}

Result<void> Database::endBulkInsert()
{
    if (m_location.engine == Engine::Postgres)
        return {}; // the lock goes with the transaction
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA cache_size = -2000")))
        return errorFrom(q.lastError(), QStringLiteral("bulk insert"));
    return {};
}

Result<QList<QPair<QString, QString>>> Database::secondaryIndexes(const QString &table) const
{
    QSqlQuery q(connection());
    if (m_location.engine == Engine::Sqlite)
        q.prepare(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS "
                                 "NOT NULL ORDER BY name"));
    else
        q.prepare(QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND "
                                 "tablename = ? AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY "
                                 "indexname"));
    q.addBindValue(table);
    if (!q.exec())
        return errorFrom(q.lastError(), QStringLiteral("indexes"));
    QList<QPair<QString, QString>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

Database::Link Database::checkLink()
{
    if (m_location.engine == Engine::Sqlite || m_writeDepth > 0)
        return Link::Up;
    QSqlDatabase db = connection();
    {
        QSqlQuery q(db);
        if (db.isOpen() && q.exec(QStringLiteral("SELECT 1")) && q.next())
            return Link::Up;
    }
    db.close();
    if (!db.open())
        return Link::Down;
    if (!setUpSession(db, Engine::Postgres).ok()) {
        db.close();
        return Link::Down;
    }
    (void)reloadAccess(); // an admin may have changed it meanwhile; the previous one stays if this fails
    return Link::Restored;
}

Result<void> Database::analyze()
{
    QSqlQuery q(connection());
    if (!q.exec(m_location.engine == Engine::Sqlite ? QStringLiteral("ANALYZE") : QStringLiteral("VACUUM (ANALYZE)")))
        return errorFrom(q.lastError(), QStringLiteral("analyze"));
    return {};
}

Result<void> Database::advanceSequences()
{
    if (m_location.engine == Engine::Sqlite)
        return {};
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT table_name FROM information_schema.columns WHERE table_schema = "
                               "current_schema() AND column_name = 'id' AND is_identity = 'YES'")))
        return errorFrom(q.lastError(), QStringLiteral("sequences"));
    QStringList tables;
    while (q.next())
        tables.append(q.value(0).toString());
    for (const QString &table : std::as_const(tables)) {
        if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), coalesce(max(id), 0) + 1, false) "
                                   "FROM %1")
                        .arg(table)))
            return errorFrom(q.lastError(), QStringLiteral("sequence ") + table);
    }
    return {};
}

bool Database::clearWriteAheadLog()
{
    if (m_location.engine == Engine::Postgres)
        return false;
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) && q.next() && q.value(0).toInt() == 0;
}

bool Database::isEmpty() const
{
    QSqlQuery q(connection());
    if (m_location.engine == Engine::Sqlite)
        return q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next() && q.value(0).toInt() == 0;
    return q.exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "
                                 "n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN "
                                 "('r', 'p', 'v', 'm', 'f')")) &&
           q.next() && q.value(0).toInt() == 0;
}

QStringList Database::tables()
{
    return {QStringLiteral("settings"),
            QStringLiteral("households"),
            QStringLiteral("members"),
            QStringLiteral("import_batches"),
            QStringLiteral("import_changes"),
            QStringLiteral("purposes"),
            QStringLiteral("consent_evidence"),
            QStringLiteral("consent_events"),
            QStringLiteral("suppressions"),
            QStringLiteral("consent_status"),
            QStringLiteral("consent_status_pending"),
            QStringLiteral("address_blocks"),
            QStringLiteral("audit_log"),
            QStringLiteral("mail_batches"),
            QStringLiteral("deliveries"),
            QStringLiteral("saved_reports"),
            QStringLiteral("campaigns"),
            QStringLiteral("campaign_attachments"),
            QStringLiteral("invitation_answers"),
            QStringLiteral("unsubscribe_requests"),
            QStringLiteral("campaign_exclusions"),
            QStringLiteral("returned_messages"),
            QStringLiteral("undeliverable_addresses")};
}

} // namespace Storage
