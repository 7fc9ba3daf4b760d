#pragma once

#include "Access.h"
#include "Engine.h"
#include "Migrations.h"
#include "core/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlError;
class QSqlQuery;

namespace Storage {

// The member database: one SQLite file, opened with WAL, foreign keys and a busy timeout, migrated
// to the latest schema in one transaction after a copy of the file was kept; or a PostgreSQL database
// given by a postgresql:// URL, migrated in one transaction under an advisory lock. Refuses, with a
// clear message and without writing anything, a file or database that is not Carnet's, is damaged, is
// read-only, comes from a newer Carnet, or a server that cannot be reached as asked (wrong password,
// no TLS where it is required, a certificate that does not verify).
//
// One named connection per thread: this object's connection belongs to the thread that opened it;
// a worker thread calls openConnection() for its own. `path()` is what to give them: the file's path or
// the server's URL.
class Database
{
public:
    static constexpr int kApplicationId = 0x4361726E; // "Carn"

    // `migrations` defaults to the embedded ones; tests pass their own to exercise upgrades.
    static Core::Result<std::unique_ptr<Database>> open(const QString &path);
    static Core::Result<std::unique_ptr<Database>> open(const QString &path, const QList<Migration> &migrations);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const QString &path() const { return m_path; }
    // What this process's worker threads open: path(), with the password when the address carried one (a
    // second login in one process, as a test does; the window's own login otherwise comes from PGPASSWORD or
    // ~/.pgpass). Never displayed, logged nor stored.
    QString connectPath() const { return m_location.password.isEmpty() ? m_path : m_location.given; }
    Engine engine() const { return m_location.engine; }
    // Inside write(): what this connection changed is not visible to another one yet.
    bool isWriting() const { return m_writeDepth > 0; }
    const Location &location() const { return m_location; }
    // For the title bar and messages: the file's path, or user@host/database.
    QString displayName() const { return m_location.display(); }
    int schemaVersion() const;
    QString backupPath() const { return m_backupPath; } // the copy kept before the last migration, if any
    // Who is connected and what the server lets them do (a local file: its user, Owner). Read once open and
    // again after a reconnection; reloadAccess() after an admin changed it.
    const Access &access() const { return m_access; }
    Core::Result<void> reloadAccess();

    // Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back when it returns an error. Nested calls
    // (a service calling a repository inside its own transaction) become savepoints. A reader's login is
    // refused before anything is tried, except for AuditOnly: the audit entry of what a reader may do (an
    // export for the association's administration, a member's access export).
    enum class WriteKind { Change, AuditOnly };
    Core::Result<void> write(const std::function<Core::Result<void>()> &body, WriteKind kind = WriteKind::Change);
    // write() for a large bulk write (an import of many rows). On a SQLite file no other connection has open,
    // in this process or any other, the file leaves WAL for its duration: the pages are written once, into
    // the file, under a rollback journal (synchronous FULL), instead of into the WAL and then copied into the
    // file by the checkpoint — measured, a third of an import's writing at a million members. It goes back to
    // WAL at the end whatever the outcome (and any later opening puts it back should this process die first:
    // the journal rolls the unfinished write back). Meanwhile other programs wait, as for any write. A
    // server, or a file someone else has open: write() as it is.
    Core::Result<void> writeAlone(const std::function<Core::Result<void>()> &body);
    // Whether the last write was one of writeAlone() out of WAL (for its tests).
    bool lastWriteWasAlone() const { return m_lastWriteAlone; }
    // What runs inside every Change write just before its COMMIT, to bring derived tables in line with the
    // transaction's changes in the same transaction (Consent::StatusStore's statuses); an error rolls the
    // whole write back. One at a time; cleared with an empty function.
    void setBeforeCommit(std::function<Core::Result<void>()> hook) { m_beforeCommit = std::move(hook); }

    // Opens a further connection to the same file, for another thread. The caller removes it with
    // QSqlDatabase::removeDatabase(name) when done.
    static Core::Result<QSqlDatabase> openConnection(const QString &path, const QString &name);
    // Whether opening this file will migrate it (an existing Carnet file of an older schema): lets the
    // window say so before the seconds a large file takes. Reads the header only; false when unsure.
    static bool migrationPending(const QString &path);
    // Whether another program holds this file for writing alone right now (a large import under a rollback
    // journal, see writeAlone()): opening it would wait. Asks SQLite without waiting; false for a server or a
    // file that does not exist.
    static bool heldByWriter(const QString &path);
    static QString uniqueConnectionName(const QString &prefix);

    // Maps a driver error to a user-facing Error (busy, corrupt, read-only, storage).
    static Core::Error errorFrom(const QSqlError &error, const QString &context);
    // The same from a PostgreSQL SQLSTATE and message (libpq used directly: storage/BulkRows.cpp).
    static Core::Error serverErrorFrom(const QString &sqlState, const QString &text, const QString &context);
    // The same for a PostgreSQL connection that could not be made (libpq's text, SQLSTATE when any).
    static Core::Error connectionError(const Location &location, const QSqlError &error);
    // Erasure: whether the file may still hold content deleted before secure_delete was on for every
    // connection (files made before Carnet 0.8), and the VACUUM that rebuilds it once (then it never does).
    bool needsVacuumForErasure() const;
    // A local member file and its -wal and -shm companions removed (a copy that failed or was cancelled).
    static void removeLocalFile(const QString &path);
    // A consistent copy of the whole file at `target` (replaced if it exists), written by SQLite itself
    // (VACUUM INTO a temporary name, then renamed): never a plain copy of a file in use.
    Core::Result<void> saveCopy(const QString &target) const;
    Core::Result<void> vacuum();
    // After an erasure: SQLite's write-ahead log checkpointed and truncated (true when nothing is left in it).
    // PostgreSQL's write-ahead log is the server's, recycled on its own schedule: false.
    bool clearWriteAheadLog();
    // PostgreSQL: whether this object's connection still answers; when it does not, one attempt to connect
    // again (Qt's driver never does: after a server restart or a network cut every statement fails). The old
    // connection's prepared statements are gone with it; services prepare theirs per use. SQLite: always Up.
    enum class Link { Up, Restored, Down };
    Link checkLink();
    // This connection's session, for a claim others can check: "b<backend pid>" on PostgreSQL, "p<process id>"
    // on a local file. isSessionAlive(): whether that session still exists (its server connection, or its
    // process on this computer) — a claim by a session that is gone was interrupted.
    QString sessionTag() const { return m_sessionTag; }
    bool isSessionAlive(const QString &tag) const;
    // Inside write(): one sender at a time past this point, across every computer (PostgreSQL: an advisory
    // lock held to the end of the transaction; SQLite's BEGIN IMMEDIATE already is).
    Core::Result<void> lockForSending();
    // PRAGMA data_version: changes when another connection commits. Lets views notice outside edits.
    qint64 dataVersion() const;

    // A large insert into `table` inside write(): SQLite gets a 32 MiB page cache (its default is 2 MiB);
    // PostgreSQL locks the table against other writers, so that the rows of one import get consecutive ids
    // (an import's undo removes exactly its id range). endBulkInsert() gives the cache back.
    Core::Result<void> lockForBulkInsert(const QString &table);
    Core::Result<void> endBulkInsert();
    // The indexes of `table` other than its primary key, as (name, CREATE statement): an import of many
    // rows drops them and builds them again once.
    Core::Result<QList<QPair<QString, QString>>> secondaryIndexes(const QString &table) const;
    // After rows were written with their ids (a copy): PostgreSQL's identity sequences moved past the
    // largest id of each table (SQLite needs nothing: the next rowid is always max + 1).
    Core::Result<void> advanceSequences();
    // After many rows were written: the planner's statistics brought up to date (SQLite ANALYZE; PostgreSQL
    // VACUUM (ANALYZE), which also lets count(*) and sorts read the indexes alone).
    Core::Result<void> analyze();
    // Whether the database holds no table at all (a server database `server setup` or a copy may fill).
    bool isEmpty() const;
    // Every table of Carnet's schema, parents before children (for copies between engines).
    static QStringList tables();

private:
    Database(Location location, QString connectionName);
    Core::Result<void> prepare(const QList<Migration> &migrations);
    Core::Result<void> migrate(int from, const QList<Migration> &migrations);
    Core::Result<void> preparePostgres(const QList<Migration> &migrations);
    static Core::Result<QSqlDatabase> openServerConnection(const Location &location, const QString &name);
    // What every connection runs once open (SQLite's PRAGMAs, PostgreSQL's session settings), on both the
    // first open and a reconnection.
    static Core::Result<void> setUpSession(QSqlDatabase &db, Engine engine);
    // A connection that could not be set up: closed and forgotten, with the error it gave.
    static Core::Error giveUp(QSqlDatabase &db, const QString &name, const Core::Error &error);

    Location m_location;
    QString m_path;
    QString m_connectionName;
    QString m_backupPath;
    int m_writeDepth = 0;
    bool m_alone = false;          // inside writeAlone(), out of WAL
    bool m_lastWriteAlone = false; // the last write() was
    std::function<Core::Result<void>()> m_beforeCommit;
    Access m_access;
    QString m_sessionTag;
};

// How a moment is stored on both engines: ISO 8601 text in UTC, to the second ("" for none); and read back.
QString storedTime(const QDateTime &time);
QDateTime storedTimeFrom(const QVariant &value);
// Prepares and executes, turning failures into Errors. The query keeps its results.
Core::Result<void> exec(QSqlQuery &query, const QString &context);
// Makes `query` forward-only where that is safe: on SQLite it saves memory; on PostgreSQL Qt's
// forward-only mode streams row by row and loses the rest of the rows as soon as another statement runs on
// the same connection, so there the rows are fetched at once (queries that own their connection, like the
// member index's, set it themselves).
void streamRows(QSqlQuery &query);
// After exec() of an "INSERT … RETURNING id": the new row's id. Both engines answer RETURNING (SQLite
// since 3.35); QSqlQuery::lastInsertId() would be lastval() on PostgreSQL, wrong with triggers.
qint64 returnedId(QSqlQuery &query);
// Which rule a failed statement broke, on either engine (SQLite's extended codes, PostgreSQL's SQLSTATE).
enum class Violation { None, Unique, ForeignKey, Check };
Violation violation(const QSqlError &error);

} // namespace Storage
