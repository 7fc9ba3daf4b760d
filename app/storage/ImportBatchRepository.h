#pragma once

#include "core/Member.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace Core {
class Clock;
}

namespace Storage {

class Database;

// What an import did with the rows: recorded with its batch and reported to the user.
struct ImportCounts
{
    qint64 created = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;
    qint64 noEmail = 0;

    void addTo(QJsonObject &json) const; // the CLI contract's keys: created, updated, … no_email
};

struct ImportBatch : ImportCounts
{
    qint64 id = 0;
    QString fileName;
    QString fileSha256;
    QJsonObject mapping;
    QString mode;
    qint64 firstMemberId = 0;
    qint64 lastMemberId = 0;
    QDateTime importedAt;
    QDateTime undoneAt;

    QJsonObject toJson() const;
};

// The members an import writes, and the record that lets it be undone. Every write method must be
// called inside one Database::write() transaction, which the importer holds for the whole file.
class ImportBatchRepository
{
public:
    ImportBatchRepository(Database &database, const Core::Clock &clock);
    ~ImportBatchRepository();

    Core::Result<qint64> begin(const ImportBatch &batch);
    // Prepared statements reused for every row: an import writes thousands of members a second. On
    // PostgreSQL new members go through one COPY (their ids taken from the sequence while the table is
    // locked) that holds the connection until flushInserts(): any other statement of the import runs
    // after flushInserts() (updateMember does it), and anything that refers to a new member goes
    // through whenWritten().
    Core::Result<qint64> insertMember(const Core::Member &member);
    // Runs the action now if every inserted member is written, or right after they are (it must not
    // insert members itself).
    Core::Result<void> whenWritten(std::function<Core::Result<void>()> action);
    Core::Result<void> flushInserts();
    // After a failure: the rows on their way are dropped and the connection is free for the rollback.
    void abandonInserts();
    Core::Result<void> updateMember(qint64 batchId, const Core::Member &before, const Core::Member &after);
    // Two members this batch created, put in one new household (a partner from Cagette's columns).
    Core::Result<void> linkHousehold(qint64 memberId, qint64 partnerId);
    Core::Result<void> finish(const ImportBatch &batch);
    // For a batch that writes many rows: the members indexes are dropped inside the transaction and
    // built again by finish() — one sort instead of a million B-tree inserts each. Uniqueness is
    // checked by the importer meanwhile; a failed import rolls the indexes back with everything else.
    // An index, not unique, on none of filledColumns (the columns the file can give a value) is kept: its
    // new keys are all empty and go in one place, cheaper than reading the whole table again to sort it.
    // Locally only
    // (see the .cpp for the server).
    Core::Result<void> suspendIndexes(const QSet<QString> &filledColumns);

    Core::Result<QList<ImportBatch>> list() const;
    Core::Result<ImportBatch> find(qint64 id) const;
    // Restores the members as they were before the batch: created ones deleted, changed ones put back.
    // Refuses (Stale, naming them) when members it would restore or remove were changed since by anyone.
    Core::Result<void> undo(qint64 id);

private:
    Core::Result<void> checkUnchangedSince(const ImportBatch &batch);
    Core::Result<void> runAfterCopy();
    Core::Result<void> writeHousehold(qint64 memberId, qint64 partnerId);
    struct Statements;
    Database &m_database;
    const Core::Clock &m_clock;
    std::unique_ptr<Statements> m_statements;
    QStringList m_suspendedIndexes; // their CREATE statements
};

} // namespace Storage
