#pragma once

#include "Consent.h"
#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <memory>

namespace Storage {
class Database;
}

namespace Consent {

// The consent tables in SQL: purposes, the append-only events, evidence files and the suppression
// list. Writes are meant to run inside Database::write() (the service decides the transaction).
class ConsentLedger
{
public:
    explicit ConsentLedger(Storage::Database &database) : m_database(database) {}

    Core::Result<QList<Purpose>> purposes() const;
    Core::Result<void> addPurpose(const Purpose &purpose, const QDateTime &now);

    Core::Result<qint64> append(const Event &event);
    Core::Result<QList<Event>> events(qint64 memberId) const; // every purpose, in recording order
    // Events of one purpose for these members (all members when `memberIds` is empty), by member; an empty
    // `purpose` with members: every purpose of theirs.
    Core::Result<QHash<qint64, QList<Event>>> eventsByMember(const QString &purpose,
                                                             const QList<qint64> &memberIds = {}) const;
    // Streams every event of a purpose ordered by member id (a million members without a hash of lists).
    Core::Result<void> forEachEvent(const QString &purpose, const std::function<void(const Event &)> &visit) const;
    // Events of one purpose read in member order alongside another member-ordered pass: ask for each
    // member id in increasing order.
    class Stream
    {
    public:
        Stream(const ConsentLedger &ledger, const QString &purpose);
        ~Stream();
        Core::Result<void> start();
        QList<Event> takeFor(qint64 memberId);

    private:
        struct Private;
        std::unique_ptr<Private> d;
    };

    Core::Result<int> removeBatchEvents(qint64 batchId);   // an import's undo
    Core::Result<int> removeMemberEvents(qint64 memberId); // erasure
    Core::Result<int> removeEvent(qint64 eventId);         // the undo of what the mailbox did

    Core::Result<QString> storeEvidence(const QString &fileName, const QByteArray &content, const QDateTime &now);
    Core::Result<QByteArray> evidence(const QString &sha256) const;

    // SHA-256 (hex) of an address's key: what the suppression list holds.
    static QByteArray addressHash(const QString &emailKey);
    Core::Result<bool> isSuppressed(const QByteArray &hash) const;
    Core::Result<QSet<QByteArray>> suppressedHashes() const;
    // By the address's key (EmailAddress::key of the normalised address; empty: nothing to do). The members who
    // have the address are marked for the status store.
    Core::Result<void> suppress(const QString &emailKey, const QString &reason, const QDateTime &now);
    Core::Result<bool> unsuppress(const QString &emailKey);

private:
    Core::Result<void> markAddress(const QString &emailKey);

    Storage::Database &m_database;
};

} // namespace Consent
