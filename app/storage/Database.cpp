#include "Database.h"

#include "SqlFunctions.h"

#include "Migrations.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

using Core::Error;
using Core::Result;

namespace Storage {

namespace {

const QString kSecureSince = QStringLiteral("storage.secure_delete_since");

Error fileError(Error::Code code, const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    switch (code) {
    case Error::Code::NotCarnet:
        return Error::make(code, QCoreApplication::translate("Storage::Database",
                                                             "%1 is not a Carnet database. Nothing was changed in it.")
                                     .arg(name));
    case Error::Code::Corrupt:
        return Error::make(code,
                           QCoreApplication::translate("Storage::Database",
                                                       "%1 is damaged and cannot be opened. Nothing was changed in it; "
                                                       "restore it from a backup copy.")
                               .arg(name));
    case Error::Code::ReadOnly:
        return Error::make(
            code, QCoreApplication::translate("Storage::Database",
                                              "%1 cannot be written (the file or its folder is read-only). "
                                              "Copy it to a folder you can write to, or change its permissions.")
                      .arg(name));
    default: return Error::make(code, name);
    }
}

bool isCorruptionText(const QString &text)
{
    return text.contains(QLatin1String("malformed")) || text.contains(QLatin1String("not a database")) ||
           text.contains(QLatin1String("corrupt"));
}

} // namespace

QString storedTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime storedTimeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODate);
}

Result<void> exec(QSqlQuery &query, const QString &context)
{
    if (!query.exec())
        return Database::errorFrom(query.lastError(), context);
    return {};
}

void streamRows(QSqlQuery &query)
{
    if (query.driver() && query.driver()->dbmsType() == QSqlDriver::SQLite)
        query.setForwardOnly(true);
}

qint64 returnedId(QSqlQuery &query)
{
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

Violation violation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("2067") || code == QLatin1String("1555") || code == QLatin1String("23505"))
        return Violation::Unique;
    if (code == QLatin1String("787") || code == QLatin1String("23503"))
        return Violation::ForeignKey;
    if (code == QLatin1String("275") || code == QLatin1String("23514"))
        return Violation::Check;
    return Violation::None;
}

QString Database::uniqueConnectionName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
}

Error Database::errorFrom(const QSqlError &error, const QString &context)
{
    const QString native = error.nativeErrorCode();
    const QString text = error.text();
    // PostgreSQL reports a five-character SQLSTATE (QPSQL's native code); SQLite's codes have at most four digits.
    if (native.size() == 5)
        return serverErrorFrom(native, text, context);
    // SQLite primary result codes: 5 BUSY, 6 LOCKED, 8 READONLY, 11 CORRUPT, 13 FULL, 26 NOTADB.
    const int code = native.toInt();
    const int primary = code & 0xff;
    if (primary == 5 || primary == 6 || text.contains(QLatin1String("database is locked")))
        return Error::make(Error::Code::Busy,
                           QCoreApplication::translate(
                               "Storage::Database",
                               "The database is busy in another Carnet window or program. Try again in a moment."),
                           {}, context + QLatin1String(": ") + text);
    if (primary == 26) // SQLITE_NOTADB: not an SQLite file at all
        return Error::make(Error::Code::NotCarnet,
                           QCoreApplication::translate("Storage::Database", "The file is not a Carnet database."), {},
                           context + QLatin1String(": ") + text);
    if (primary == 11 || isCorruptionText(text))
        return Error::make(
            Error::Code::Corrupt,
            QCoreApplication::translate(
                "Storage::Database",
                "The database file is damaged. Nothing more was written to it; restore it from a backup copy."),
            {}, context + QLatin1String(": ") + text);
    if (primary == 8 || text.contains(QLatin1String("readonly")))
        return Error::make(Error::Code::ReadOnly,
                           QCoreApplication::translate("Storage::Database", "The database file is read-only."), {},
                           context + QLatin1String(": ") + text);
    if (primary == 13)
        return Error::make(Error::Code::Storage,
                           QCoreApplication::translate("Storage::Database", "The disk is full: nothing was saved."), {},
                           context + QLatin1String(": ") + text);
    return Error::make(Error::Code::Storage,
                       QCoreApplication::translate("Storage::Database", "The database reported an error: %1").arg(text),
                       {}, context + QLatin1String(": ") + text);
}

Result<QSqlDatabase> Database::openConnection(const QString &path, const QString &name)
{
    if (Location::isUrl(path)) {
        auto location = Location::parse(path);
        if (!location.ok())
            return location.error();
        return openServerConnection(location.value(), name);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return giveUp(db, name, errorFrom(db.lastError(), QStringLiteral("open")));
    if (auto session = setUpSession(db, Engine::Sqlite); !session.ok())
        return giveUp(db, name, session.error());
    return db;
}

Result<void> Database::setUpSession(QSqlDatabase &db, Engine engine)
{
    // SQLite's secure_delete: what is deleted (an erased member) is overwritten in the file, not left in free
    // space. PostgreSQL: its notices (a DROP … IF EXISTS) are not printed on the user's terminal.
    const QStringList statements =
        engine == Engine::Sqlite
            ? QStringList{QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA synchronous = NORMAL"),
                          QStringLiteral("PRAGMA secure_delete = ON")}
            : QStringList{QStringLiteral("SET client_min_messages TO warning")};
    QSqlQuery q(db);
    for (const QString &statement : statements) {
        if (!q.exec(statement))
            return errorFrom(q.lastError(), statement);
    }
    if (engine == Engine::Sqlite)
        addSqliteFunctions(db);
    return {};
}

Error Database::giveUp(QSqlDatabase &db, const QString &name, const Error &error)
{
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    return error;
}

void Database::removeLocalFile(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

namespace {

// A read-only connection of its own to ask SQLite about the file: a plain open() and close() of the file would
// drop every POSIX lock this process holds on it ("How to corrupt an SQLite database", 2.2).
template<typename Ask>
void probeFile(const QString &path, int busyMs, Ask ask)
{
    const QString name = Database::uniqueConnectionName(QStringLiteral("probe"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(busyMs));
        if (db.open()) {
            QSqlQuery q(db);
            ask(q);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

bool Database::migrationPending(const QString &path)
{
    if (Location::isUrl(path) || !QFileInfo(path).isFile())
        return false;
    bool pending = false;
    probeFile(path, 2000, [&pending](QSqlQuery &q) {
        if (q.exec(QStringLiteral("PRAGMA application_id")) && q.next() && q.value(0).toLongLong() == kApplicationId &&
            q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
            pending = q.value(0).toInt() < Migrations::latestVersion();
    });
    return pending;
}

bool Database::heldByWriter(const QString &path)
{
    if (Location::isUrl(path) || !QFileInfo(path).isFile())
        return false;
    // Reading the header takes a shared lock: refused at once while a writer holds the file alone (WAL readers
    // never are).
    bool held = false;
    probeFile(path, 0, [&held](QSqlQuery &q) {
        held = !q.exec(QStringLiteral("PRAGMA user_version")) &&
               errorFrom(q.lastError(), QString()).code == Error::Code::Busy;
    });
    return held;
}

Database::Database(Location location, QString connectionName)
    : m_location(std::move(location)), m_path(m_location.engine == Engine::Sqlite ? m_location.file : m_location.text),
      m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            if (m_location.engine == Engine::Sqlite)
                QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    return open(path, Migrations::all(Location::isUrl(path) ? Engine::Postgres : Engine::Sqlite));
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const QList<Migration> &migrations)
{
    if (Location::isUrl(path)) {
        auto location = Location::parse(path);
        if (!location.ok())
            return location.error();
        std::unique_ptr<Database> db(new Database(location.value(), uniqueConnectionName(QStringLiteral("carnet"))));
        auto connection = openServerConnection(db->m_location, db->m_connectionName);
        if (!connection.ok())
            return connection.error();
        if (auto prepared = db->preparePostgres(migrations); !prepared.ok())
            return prepared.error();
        if (auto access = db->reloadAccess(); !access.ok())
            return access.error();
        return db;
    }
    const QFileInfo info(path);
    if (info.isDir())
        return fileError(Error::Code::NotCarnet, path);
    // The file is never opened here outside SQLite: on POSIX, closing any descriptor of a file drops every
    // lock the process holds on it, so a header read with QFile while another connection of this process
    // (the window's, a worker's) has the file open would let other programs delete its write-ahead log.
    // SQLite itself tells a file that is not a database (SQLITE_NOTADB) in prepare().
    if (info.exists()) {
        if (!info.isReadable() || !info.isWritable())
            return fileError(Error::Code::ReadOnly, path);
    } else {
        if (!QDir().mkpath(info.absolutePath()))
            return fileError(Error::Code::ReadOnly, path);
    }
    // WAL needs to create the -wal and -shm files beside the database.
    if (!QFileInfo(info.absolutePath()).isWritable())
        return fileError(Error::Code::ReadOnly, path);

    Location location;
    location.file = location.text = info.absoluteFilePath();
    std::unique_ptr<Database> db(new Database(location, uniqueConnectionName(QStringLiteral("carnet"))));
    auto connection = openConnection(db->m_path, db->m_connectionName);
    if (!connection.ok()) {
        const Error &e = connection.error();
        if (e.code == Error::Code::Corrupt || e.code == Error::Code::NotCarnet)
            return fileError(e.code, path);
        return e;
    }
    if (auto prepared = db->prepare(migrations); !prepared.ok())
        return prepared.error();
    if (auto access = db->reloadAccess(); !access.ok())
        return access.error();
    return db;
}

Result<void> Database::prepare(const QList<Migration> &migrations)
{
    QSqlQuery q(connection());
    // Reading the header pages first tells a foreign or damaged file before anything is written.
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next()) {
        const Error e = errorFrom(q.lastError(), QStringLiteral("application_id"));
        return e.code == Error::Code::Corrupt || e.code == Error::Code::NotCarnet ? fileError(e.code, m_path) : e;
    }
    const qint64 applicationId = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return errorFrom(q.lastError(), QStringLiteral("user_version"));
    const int version = q.value(0).toInt();
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
        const Error e = errorFrom(q.lastError(), QStringLiteral("sqlite_master"));
        return e.code == Error::Code::Corrupt ? fileError(Error::Code::Corrupt, m_path) : e;
    }
    const int objects = q.value(0).toInt();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;

    const bool fresh = applicationId == 0 && version == 0 && objects == 0;
    if (!fresh && applicationId != kApplicationId)
        return fileError(Error::Code::NotCarnet, m_path);
    if (version > latest)
        return Error::make(
            Error::Code::TooNew,
            QCoreApplication::translate("Storage::Database",
                                        "%1 was written by a newer version of Carnet (database version %2; "
                                        "this Carnet knows up to %3). Update Carnet to open it; nothing was changed.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(version)
                .arg(latest));

    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return errorFrom(q.lastError(), QStringLiteral("journal_mode"));
    q.finish();
    if (version < latest)
        return migrate(version, migrations);
    return {};
}

Result<void> Database::migrate(int from, const QList<Migration> &migrations)
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    const bool server = m_location.engine == Engine::Postgres;
    if (from > 0 && !server) {
        // Check, then keep a copy of the file as it was, before touching it.
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok"))
            return fileError(Error::Code::Corrupt, m_path);
        q.finish();
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        m_backupPath = QStringLiteral("%1.v%2-%3.bak").arg(m_path).arg(from).arg(stamp);
        QFile::remove(m_backupPath);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(m_backupPath);
        if (auto r = exec(q, QStringLiteral("backup before migration")); !r.ok())
            return r;
    }
    return write([&]() -> Result<void> {
        QSqlQuery m(db);
        if (server) {
            // Two computers opening a new or older database at once: one migrates, the other waits and
            // then finds it done.
            if (!m.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kApplicationId)))
                return errorFrom(m.lastError(), QStringLiteral("migration lock"));
            if (!m.exec(QStringLiteral("SELECT to_regclass('carnet_schema') IS NOT NULL")) || !m.next())
                return errorFrom(m.lastError(), QStringLiteral("migration"));
            if (m.value(0).toBool()) {
                if (!m.exec(QStringLiteral("SELECT version FROM carnet_schema")) || !m.next())
                    return errorFrom(m.lastError(), QStringLiteral("migration"));
                from = m.value(0).toInt();
            }
        }
        for (const Migration &migration : migrations) {
            if (migration.version <= from)
                continue;
            for (const QString &statement : Migrations::statements(migration.sql)) {
                if (!m.exec(statement))
                    return errorFrom(m.lastError(), QStringLiteral("migration %1").arg(migration.version));
            }
            const QString version = server ? QStringLiteral("UPDATE carnet_schema SET version = %1")
                                           : QStringLiteral("PRAGMA user_version = %1");
            if (!m.exec(version.arg(migration.version)))
                return errorFrom(m.lastError(), QStringLiteral("user_version"));
        }
        if (server) {
            // Tables a migration added: every volunteer gets the rights its role gives on them.
            if (!m.exec(QStringLiteral("SELECT to_regproc('carnet_regrant_all') IS NOT NULL")) || !m.next())
                return errorFrom(m.lastError(), QStringLiteral("grants"));
            if (m.value(0).toBool() && !m.exec(QStringLiteral("SELECT carnet_regrant_all()")))
                return errorFrom(m.lastError(), QStringLiteral("grants"));
            return Result<void>();
        }
        if (!m.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)))
            return errorFrom(m.lastError(), QStringLiteral("application_id"));
        // A new file: secure_delete from its first byte, nothing to rebuild before an erasure.
        if (from == 0 && m.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'settings'")) && m.next()) {
            m.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"));
            m.addBindValue(kSecureSince);
            m.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            if (!m.exec())
                return errorFrom(m.lastError(), QStringLiteral("secure delete"));
        }
        return {};
    });
}

bool Database::needsVacuumForErasure() const
{
    if (m_location.engine == Engine::Postgres)
        return true; // dead row versions stay in the table files until VACUUM FULL rewrites them
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT 1 FROM settings WHERE key = ?"));
    q.addBindValue(kSecureSince);
    return !q.exec() || !q.next();
}

Result<void> Database::vacuum()
{
    QSqlQuery q(connection());
    if (m_location.engine == Engine::Postgres) {
        // Only the tables' owner may rewrite them: a volunteer's login is told so rather than have the server
        // skip each table with a warning.
        if (m_access.role != Role::Owner)
            return Error::make(Error::Code::Forbidden,
                               QCoreApplication::translate(
                                   "Storage::Database",
                                   "Only the member file's owner on the server can rewrite its tables: until the "
                                   "owner runs VACUUM FULL, the erased member's old row versions stay in the "
                                   "server's files (not readable through Carnet or SQL)."));
        // Rewrites every table holding member data without the dead row versions an erasure left (plain
        // VACUUM only marks their space reusable). Outside any transaction, as PostgreSQL requires. A row
        // version is kept by the rewrite while any transaction that began before the erasure committed is still
        // open on the server — in this database or another: its id makes every snapshot taken meanwhile, the
        // rewrite's own included, start below the erasure. So first wait, up to 30 seconds, until no other
        // session's snapshot (backend_xmin) or transaction (backend_xid) is older than a transaction id taken
        // now, after the erasure; those that begin later cannot see the erased rows, and they are not waited for.
        if (!q.exec(QStringLiteral("SELECT pg_current_xact_id()::text")) || !q.next())
            return errorFrom(q.lastError(), QStringLiteral("vacuum"));
        const QString after = q.value(0).toString();
        // An autovacuum worker's plain VACUUM is not counted: the server itself ignores it for this.
        QSqlQuery older(connection());
        older.prepare(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND "
                                     "(age(backend_xmin) >= age(xid(?::xid8)) OR age(backend_xid) >= "
                                     "age(xid(?::xid8))) AND NOT (backend_type = 'autovacuum worker' AND "
                                     "query LIKE 'autovacuum: VACUUM %' AND query NOT LIKE '%ANALYZE%')"));
        older.addBindValue(after);
        older.addBindValue(after);
        bool quiet = false;
        for (int i = 0; i < 300 && !quiet; ++i) {
            if (!older.exec() || !older.next())
                return errorFrom(older.lastError(), QStringLiteral("vacuum"));
            quiet = older.value(0).toInt() == 0;
            older.finish();
            if (!quiet)
                QThread::msleep(100);
        }
        // The statistics first: taken while the member was there (autovacuum's ANALYZE), they may hold her values
        // (a column's most common values, its histogram) in pg_statistic. Taken again now, the old ones are dead
        // row versions of pg_statistic, which the rewrite of every table then leaves behind — the other way
        // round, the rewrite of pg_statistic came before the ANALYZE of the member tables that left them.
        if (!q.exec(QStringLiteral("ANALYZE")) || !q.exec(QStringLiteral("VACUUM FULL")))
            return errorFrom(q.lastError(), QStringLiteral("vacuum"));
        if (!quiet)
            return Error::make(Error::Code::Busy,
                               QCoreApplication::translate(
                                   "Storage::Database",
                                   "Another session on the server kept a transaction open from before the "
                                   "erasure: the erased member's old row versions may stay in the server's files "
                                   "until the tables are rewritten again (erase or delete another member, or run "
                                   "VACUUM FULL)."));
        return {};
    }
    if (!q.exec(QStringLiteral("VACUUM")))
        return errorFrom(q.lastError(), QStringLiteral("vacuum"));
    return write([&]() -> Result<void> {
        q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                                 "value = excluded.value"));
        q.addBindValue(kSecureSince);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        return exec(q, QStringLiteral("vacuum done"));
    });
}

Result<void> Database::saveCopy(const QString &target) const
{
    if (m_location.engine == Engine::Postgres)
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "Storage::Database", "A copy of a server's member file is made with carnet-cli server "
                                                    "copy-to."));
    const QFileInfo info(target);
    if (info == QFileInfo(m_path))
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Storage::Database", "A copy cannot replace the file itself."));
    const QString part = target + QStringLiteral(".part");
    QFile::remove(part);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(part);
    if (!q.exec()) {
        QFile::remove(part);
        return errorFrom(q.lastError(), QStringLiteral("save a copy"));
    }
    q.finish();
    if ((info.exists() && !QFile::remove(target)) || !QFile::rename(part, target)) {
        QFile::remove(part);
        return fileError(Error::Code::ReadOnly, target);
    }
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (m_location.engine == Engine::Postgres)
        return q.exec(QStringLiteral("SELECT version FROM carnet_schema")) && q.next() ? q.value(0).toInt() : -1;
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

qint64 Database::dataVersion() const
{
    QSqlQuery q(connection());
    // PostgreSQL: the next transaction id moves on whenever any session commits a write.
    if (m_location.engine == Engine::Postgres)
        return q.exec(QStringLiteral("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) && q.next()
                   ? q.value(0).toLongLong()
                   : -1;
    if (q.exec(QStringLiteral("PRAGMA data_version")) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

Result<void> Database::write(const std::function<Result<void>()> &body, WriteKind kind)
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    // Inside another write (a service composing repositories): a savepoint, so the inner part can
    // fail alone while the outer transaction decides.
    if (m_writeDepth > 0) {
        const QString name = QStringLiteral("w%1").arg(m_writeDepth);
        if (!q.exec(QStringLiteral("SAVEPOINT ") + name))
            return errorFrom(q.lastError(), QStringLiteral("savepoint"));
        ++m_writeDepth;
        Result<void> result = body();
        --m_writeDepth;
        if (!result.ok())
            q.exec(QStringLiteral("ROLLBACK TO ") + name);
        q.exec(QStringLiteral("RELEASE ") + name);
        return result;
    }
    // A reader changes nothing (the server would refuse each statement; this says why before trying).
    if (!m_access.canEdit() && kind != WriteKind::AuditOnly)
        return Error::make(Error::Code::Forbidden, m_access.needEditor());
    // A server that restarted or a network that came back since the last statement: connected again first.
    if (checkLink() == Link::Down)
        return Error::make(Error::Code::Connection,
                           QCoreApplication::translate("Storage::Database",
                                                       "The connection to the database server is lost; nothing was "
                                                       "saved. Carnet keeps trying; try again in a moment."));
    q = QSqlQuery(db);
    m_lastWriteAlone = m_alone;
    if (!q.exec(m_location.engine == Engine::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")))
        return errorFrom(q.lastError(), QStringLiteral("begin"));
    ++m_writeDepth;
    Result<void> result = body();
    if (result.ok() && m_beforeCommit && kind == WriteKind::Change)
        result = m_beforeCommit();
    --m_writeDepth;
    if (result.ok()) {
        if (q.exec(QStringLiteral("COMMIT")))
            return result;
        result = errorFrom(q.lastError(), QStringLiteral("commit"));
    }
    q.exec(QStringLiteral("ROLLBACK"));
    return result;
}

Result<void> Database::writeAlone(const std::function<Result<void>()> &body)
{
    if (m_location.engine != Engine::Sqlite || m_writeDepth > 0 || !m_access.canEdit())
        return write(body);
    QSqlQuery q(connection());
    // Leaving WAL needs the file's exclusive lock, which SQLite refuses at once (no waiting) while any
    // other connection has the file open: that refusal is the test of being alone.
    m_alone = q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && q.next() &&
              q.value(0).toString() == QLatin1String("delete");
    q.finish();
    if (!m_alone)
        return write(body);
    // NORMAL under a rollback journal may lose the file to a power cut at the wrong moment; FULL does not.
    q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    Result<void> result = write(body);
    m_alone = false;
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        qWarning("The member file stays without its WAL until it is opened again: %s",
                 qPrintable(q.lastError().text()));
    q.finish();
    return result;
}

} // namespace Storage
