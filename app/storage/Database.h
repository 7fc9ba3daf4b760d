#pragma once

#include "Migrations.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlError;
class QSqlQuery;

namespace Storage {

// The member database: one SQLite file, opened with WAL, foreign keys and a busy timeout, migrated
// to the latest schema in one transaction after a copy of the file was kept. Refuses, with a clear
// message and without writing anything, a file that is not Carnet's, is damaged, is read-only or
// comes from a newer Carnet.
//
// One named connection per thread: this object's connection belongs to the thread that opened it;
// a worker thread calls openConnection() for its own.
class Database
{
public:
    static constexpr int kApplicationId = 0x4361726E; // "Carn"

    // `migrations` defaults to the embedded ones; tests pass their own to exercise upgrades.
    static Core::Result<std::unique_ptr<Database>> open(const QString &path,
                                                        const QList<Migration> &migrations = Migrations::all());
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const QString &path() const { return m_path; }
    int schemaVersion() const;
    QString backupPath() const { return m_backupPath; } // the copy kept before the last migration, if any

    // Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back when it returns an error. Nested calls
    // (a service calling a repository inside its own transaction) become savepoints.
    Core::Result<void> write(const std::function<Core::Result<void>()> &body);

    // Opens a further connection to the same file, for another thread. The caller removes it with
    // QSqlDatabase::removeDatabase(name) when done.
    static Core::Result<QSqlDatabase> openConnection(const QString &path, const QString &name);
    // Whether opening this file will migrate it (an existing Carnet file of an older schema): lets the
    // window say so before the seconds a large file takes. Reads the header only; false when unsure.
    static bool migrationPending(const QString &path);
    static QString uniqueConnectionName(const QString &prefix);

    // Maps a driver error to a user-facing Error (busy, corrupt, read-only, storage).
    static Core::Error errorFrom(const QSqlError &error, const QString &context);
    // Erasure: whether the file may still hold content deleted before secure_delete was on for every
    // connection (files made before Carnet 0.8), and the VACUUM that rebuilds it once (then it never does).
    bool needsVacuumForErasure() const;
    // A consistent copy of the whole file at `target` (replaced if it exists), written by SQLite itself
    // (VACUUM INTO a temporary name, then renamed): never a plain copy of a file in use.
    Core::Result<void> saveCopy(const QString &target) const;
    Core::Result<void> vacuum();
    // PRAGMA data_version: changes when another connection commits. Lets views notice outside edits.
    qint64 dataVersion() const;

private:
    Database(QString path, QString connectionName);
    Core::Result<void> prepare(const QList<Migration> &migrations);
    Core::Result<void> migrate(int from, const QList<Migration> &migrations);

    QString m_path;
    QString m_connectionName;
    QString m_backupPath;
    int m_writeDepth = 0;
};

// Prepares and executes, turning failures into Errors. The query keeps its results.
Core::Result<void> exec(QSqlQuery &query, const QString &context);

} // namespace Storage
