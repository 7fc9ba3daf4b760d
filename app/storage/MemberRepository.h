#pragma once

#include "MemberQuery.h"
#include "Selection.h"
#include "core/Member.h"
#include "core/MemberValidator.h"
#include "core/Result.h"

#include <QHash>
#include <QList>

#include <functional>
#include <vector>

class QSqlQuery;

namespace Core {
class Clock;
class KeyTable;
} // namespace Core

namespace Storage {

class Database;

// Members in SQL: validation, the uniqueness rules (email case-insensitive except inside one household,
// member number), households, and the queries the views need. No other class writes SQL on members.
class MemberRepository
{
public:
    MemberRepository(Database &database, const Core::Clock &clock);

    // Inserts (member.id == 0) or updates. `householdWith`: put the member in the household of that
    // other member (one is created when the other has none). `validation` receives every rule broken
    // and the email suggestion. Returns the member as stored.
    Core::Result<Core::Member> save(Core::Member member, qint64 householdWith = 0,
                                    Core::MemberValidation *validation = nullptr);
    // `expectedVersion` (when not 0): the version the person deciding saw; a member changed since is not
    // deleted (code Stale, saying who changed it and when).
    Core::Result<void> remove(qint64 id, qint64 expectedVersion = 0);

    Core::Result<Core::Member> find(qint64 id) const;
    Core::Result<Core::Member> findByEmail(const QString &email) const;
    // "42" (an id) or "hélène@example.org" (an email) — how the CLI names a member.
    Core::Result<Core::Member> findByReference(const QString &reference) const;

    Core::Result<qint64> count() const;
    // Names of the extra attributes in use (from the `sample` most recent members that have any).
    Core::Result<QStringList> attributeNames(int sample = 5000) const;
    // Member ids of a selection, in the query's order.
    Core::Result<std::vector<qint64>> ids(const MemberQuery &query) const;
    // The members with these ids, in the order given (missing ids are skipped).
    Core::Result<QList<Core::Member>> fetch(const std::vector<qint64> &ids) const;
    // The same for a long list, 500 at a time: `each` gets a chunk's ids and its members; an error stops it.
    using Chunk = std::function<Core::Result<void>(const std::vector<qint64> &ids, const QList<Core::Member> &)>;
    Core::Result<void> fetchInChunks(const std::vector<qint64> &ids, const Chunk &each) const;
    // The same for many members, through the engine's bulk path, one member at a time: only the id and
    // the given fields are read (a report's columns). Nothing else may run on the connection meanwhile.
    Core::Result<void> visit(const std::vector<qint64> &ids, const QList<Core::MemberField> &fields,
                             const std::function<void(const Core::Member &)> &visitor) const;
    Core::Result<QList<Core::Member>> list(const MemberQuery &query) const;

    // Every member's email key and member number, for matching a whole file in one pass.
    Core::Result<void> loadKeys(Core::KeyTable *byEmail, Core::KeyTable *byNumber) const;

    // Counts for the side panel: All, No email, Expired, Ending soon, then each section and category.
    Core::Result<QList<SelectionCount>> selectionCounts(const QDate &today) const;

    Database &database() const { return m_database; }

private:
    Core::Result<void> checkUnique(const Core::Member &member) const;

    Database &m_database;
    const Core::Clock &m_clock;
};

// Reads a members row selected with the columns of MemberFields::all(), in that order.
Core::Member memberFromRow(const QSqlQuery &query);
QString memberColumns();

} // namespace Storage
