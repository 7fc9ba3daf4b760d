#pragma once

#include "Consent.h"
#include "ConsentRules.h"
#include "core/Result.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace Storage {
class Database;
}

namespace Consent {

// Member ids from `first` to `last`, both included: a part of the members read on its own (one of two halves
// read at once).
struct IdRange
{
    qint64 first = std::numeric_limits<qint64>::min();
    qint64 last = std::numeric_limits<qint64>::max();
};

// How much of a status a reader needs: all of it, or only whether the member may receive the purpose's mail and
// why (eligible and reason — the coverage chart, an eligibility list), which spares reading and parsing the dates
// of a million rows.
enum class StatusDetail { Whole, Verdict };

// Each member's consent status per purpose, and whether their address can be mailed, kept in the database beside the
// ledger (the consent_status table: the segments of ConsentRules' timeline()), so that "who may receive this purpose's
// mail on day D" reads an index instead of judging every member's events. The ledger stays the proof and the only
// truth: the statuses are worked out from it with the same rules, never written any other way.
//
// Every change to what the rules read — an event recorded or removed, a membership's dates, the
// jurisdiction, a purpose's default basis — marks the member in consent_status_pending (database triggers,
// whoever writes: a service, an import's undo, an erasure, a statement typed in psql). While it lives, a
// store settles those marks inside each write of its database, just before the commit, so that the
// statuses change in the same transaction as the ledger. A member still marked (a copy made by another
// program, a reader's window after a migration) is judged from the ledger by the queries below.
class StatusStore
{
public:
    explicit StatusStore(Storage::Database &database); // settles at each of the database's commits
    ~StatusStore();
    StatusStore(const StatusStore &) = delete;
    StatusStore &operator=(const StatusStore &) = delete;

    // Works the marked members' statuses out again, inside a write; returns how many members.
    Core::Result<qint64> settle();
    // Members marked and not yet settled.
    Core::Result<QSet<qint64>> pending() const;

    // The stored status of every member with an event for `purpose` on `day`, in member id order (pending
    // members included as stored: the caller judges those from the ledger).
    Core::Result<void> forEachOn(const QString &purpose, const QDate &day,
                                 const std::function<void(qint64 memberId, const Status &)> &visit, IdRange range = {},
                                 StatusDetail detail = StatusDetail::Whole) const;
    // The same for some members.
    Core::Result<QHash<qint64, Status>> on(const QString &purpose, const QDate &day, const QList<qint64> &ids) const;

    // Every status recomputed from the ledger and compared with what is stored; with `repair`, the members
    // that differ are written again (inside a write).
    struct Verification
    {
        qint64 members = 0;            // members with an event or a stored status, checked
        qint64 different = 0;          // members whose stored statuses differ from the ledger's
        qint64 missingRows = 0;        // segments the ledger gives and the table lacks
        qint64 extraRows = 0;          // segments stored that the ledger does not give
        qint64 pending = 0;            // members marked, not yet settled
        qint64 addressDifferences = 0; // members wrongly in or out of address_blocks
        qint64 repaired = 0;
        QList<qint64> examples; // the first few members that differ
        QJsonObject toJson() const;
    };
    Core::Result<Verification> verify(bool repair);

    // The dates of the table: always and for ever.
    static QString fromKey(const QDate &from);
    static QString toKey(const QDate &to);

    // Members whose address cannot be mailed (Reason::Suppressed, Reason::InvalidEmail), in id order, as stored
    // (settled members; an empty address is read from the member).
    Core::Result<std::vector<std::pair<qint64, Reason>>> addressBlocks() const;

private:
    using Timelines = QHash<QPair<qint64, QString>, QList<Segment>>;
    // What the ledger, the memberships and the suppression list give for some members.
    struct Worked
    {
        Timelines timelines;
        QHash<qint64, Reason> blocks;
    };
    // What the rules read besides a member's own rows: the suppression list, each purpose's default basis under
    // the jurisdiction. Read once per settle or verify, not per chunk.
    struct Rules
    {
        QSet<QByteArray> suppressions;
        QHash<QString, std::optional<Basis>> defaults;
    };
    Core::Result<Rules> rules() const;
    // One chunk of members at a time (at most a few thousand, in increasing id order).
    Core::Result<Worked> compute(const Rules &rules, const std::vector<qint64> &chunk, bool lock) const;
    Core::Result<Worked> stored(const std::vector<qint64> &chunk) const;
    Core::Result<void> rewrite(const std::vector<qint64> &chunk, const Worked &worked);

    Storage::Database &m_database;
    bool m_settling = false;
};

} // namespace Consent
