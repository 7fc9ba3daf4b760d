#include "StatusStore.h"

#include "ConsentLedger.h"
#include "Organisation.h"
#include "core/EmailAddress.h"
#include "storage/BulkRows.h"
#include "storage/Database.h"
#include "storage/SettingsRepository.h"
#include "storage/SqliteStatement.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <optional>

using Core::Result;
using Storage::exec;

namespace Consent {

namespace {

constexpr size_t kChunk = 2000;
const QString kAlways = QStringLiteral("0000-01-01");
const QString kForEver = QStringLiteral("9999-12-31");

QString dateKey(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Ids are integers: a literal list is safe and lets both engines use the index.
QString idList(std::vector<qint64>::const_iterator begin, std::vector<qint64>::const_iterator end)
{
    QString out;
    for (auto it = begin; it != end; ++it) {
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += QString::number(*it);
    }
    return out;
}

template<typename Visit>
Result<void> inChunks(const std::vector<qint64> &ids, Visit visit)
{
    for (size_t start = 0; start < ids.size(); start += kChunk) {
        const auto begin = ids.cbegin() + qsizetype(start);
        const auto end = ids.cbegin() + qsizetype(std::min(ids.size(), start + kChunk));
        if (auto r = visit(std::vector<qint64>(begin, end), idList(begin, end)); !r.ok())
            return r;
    }
    return {};
}

Status statusFromRow(const Storage::RowStream &row, int first)
{
    // From the row's bytes: the coverage chart and a purpose's live count read hundreds of thousands.
    Status s;
    s.eligible = row.integer(first) != 0;
    s.reason = reasonFromUtf8(row.utf8(first + 1)).value_or(Reason::NoConsent);
    if (!row.isNull(first + 2))
        s.basis = basisFromUtf8(row.utf8(first + 2));
    s.since = isoDate(row.utf8(first + 3));
    s.validUntil = isoDate(row.utf8(first + 4));
    s.byDefault = row.integer(first + 5) != 0;
    return s;
}

const QString kStatusColumns = QStringLiteral("eligible, reason, basis, since, valid_until, by_default");

} // namespace

QString StatusStore::fromKey(const QDate &from)
{
    return from.isValid() ? from.toString(Qt::ISODate) : kAlways;
}

QString StatusStore::toKey(const QDate &to)
{
    return to.isValid() ? to.toString(Qt::ISODate) : kForEver;
}

StatusStore::StatusStore(Storage::Database &database) : m_database(database)
{
    m_database.setBeforeCommit([this] {
        auto r = settle();
        return r.ok() ? Result<void>() : Result<void>(r.error());
    });
}

StatusStore::~StatusStore()
{
    m_database.setBeforeCommit({});
}

namespace {

// The marked members, in id order. Through Qt's driver rather than the bulk path: this runs before every
// commit, and usually finds nothing.
Result<std::vector<qint64>> markedMembers(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT member_id FROM consent_status_pending ORDER BY member_id")))
        return Storage::Database::errorFrom(q.lastError(), QStringLiteral("consent status"));
    std::vector<qint64> ids;
    while (q.next())
        ids.push_back(q.value(0).toLongLong());
    return ids;
}

} // namespace

Result<QSet<qint64>> StatusStore::pending() const
{
    auto ids = markedMembers(m_database.connection());
    if (!ids.ok())
        return ids.error();
    return QSet<qint64>(ids.value().begin(), ids.value().end());
}

Result<qint64> StatusStore::settle()
{
    if (m_settling)
        return qint64(0);
    auto ids = markedMembers(m_database.connection());
    if (!ids.ok())
        return ids.error();
    if (ids.value().empty())
        return qint64(0);
    m_settling = true;
    // Many members (a file just migrated, the jurisdiction changed, an import of consent): a larger page cache
    // for the rows rewritten (on the server, the table to this transaction alone).
    const bool many = ids.value().size() > 20000;
    auto r = m_database.write([&]() -> Result<void> {
        auto known = rules();
        if (!known.ok())
            return known.error();
        if (many) {
            if (auto b = m_database.lockForBulkInsert(QStringLiteral("consent_status")); !b.ok())
                return b;
        }
        auto done = inChunks(ids.value(), [&](const std::vector<qint64> &chunk, const QString &list) -> Result<void> {
            auto worked = compute(known.value(), chunk, true);
            if (!worked.ok())
                return worked.error();
            if (auto w = rewrite(chunk, worked.value()); !w.ok())
                return w;
            QSqlQuery q(m_database.connection());
            q.prepare(QStringLiteral("DELETE FROM consent_status_pending WHERE member_id IN (%1)").arg(list));
            return exec(q, QStringLiteral("consent status"));
        });
        if (many) {
            if (auto b = m_database.endBulkInsert(); !b.ok() && done.ok())
                return b;
        }
        return done;
    });
    m_settling = false;
    if (!r.ok())
        return r.error();
    return qint64(ids.value().size());
}

Result<StatusStore::Rules> StatusStore::rules() const
{
    Rules rules;
    auto suppressions = ConsentLedger(m_database).suppressedHashes();
    if (!suppressions.ok())
        return suppressions.error();
    rules.suppressions = std::move(suppressions).value();
    auto purposes = ConsentLedger(m_database).purposes();
    if (!purposes.ok())
        return purposes.error();
    auto organisation = Organisation::load(Storage::SettingsRepository(m_database));
    if (!organisation.ok())
        return organisation.error();
    for (const Purpose &p : purposes.value())
        rules.defaults.insert(p.key, p.defaultBasis(organisation.value().jurisdiction));
    return rules;
}

Result<StatusStore::Worked> StatusStore::compute(const Rules &rules, const std::vector<qint64> &chunk, bool lock) const
{
    const QString list = idList(chunk.cbegin(), chunk.cend());
    const QSet<QByteArray> &suppressions = rules.suppressions;
    Worked out;
    auto r = [&]() -> Result<void> {
        // On the server the members are locked first (in id order), so that two volunteers recording consent
        // for one member at once settle one after the other, each reading the other's events.
        const bool server = m_database.engine() == Storage::Engine::Postgres;
        QHash<qint64, Membership> memberships;
        {
            QSqlQuery q(m_database.connection());
            q.prepare(QStringLiteral("SELECT id, membership_start, membership_end, email FROM members "
                                     "WHERE id IN (%1) ORDER BY id%2")
                          .arg(list, lock && server ? QStringLiteral(" FOR UPDATE") : QString()));
            if (auto e = exec(q, QStringLiteral("consent status")); !e.ok())
                return e;
            while (q.next()) {
                const qint64 id = q.value(0).toLongLong();
                memberships.insert(id, Membership{QDate::fromString(q.value(1).toString(), Qt::ISODate),
                                                  QDate::fromString(q.value(2).toString(), Qt::ISODate)});
                // The address as the consent service judges it: not one at all, or on the list.
                const QString email = q.value(3).toString();
                if (email.trimmed().isEmpty())
                    continue;
                const Core::EmailCheck check = Core::EmailAddress::check(email, false);
                if (!check.valid)
                    out.blocks.insert(id, Reason::InvalidEmail);
                else if (!suppressions.isEmpty() &&
                         suppressions.contains(ConsentLedger::addressHash(Core::EmailAddress::key(check.normalized))))
                    out.blocks.insert(id, Reason::Suppressed);
            }
        }
        QHash<QPair<qint64, QString>, QList<Event>> events;
        auto read = ConsentLedger(m_database).eventsByMember(QString(), QList<qint64>(chunk.begin(), chunk.end()));
        if (!read.ok())
            return read.error();
        for (const QList<Event> &mine : std::as_const(read.value())) {
            for (const Event &e : mine)
                events[{e.memberId, e.purpose}].append(e);
        }
        for (auto it = events.cbegin(); it != events.cend(); ++it) {
            const auto membership = memberships.constFind(it.key().first);
            if (membership == memberships.cend())
                continue; // the member is gone (or not seen by this volunteer)
            out.timelines.insert(it.key(),
                                 timeline(it.value(), membership.value(), rules.defaults.value(it.key().second)));
        }
        return {};
    }();
    if (!r.ok())
        return r.error();
    return out;
}

Result<StatusStore::Worked> StatusStore::stored(const std::vector<qint64> &chunk) const
{
    const QString list = idList(chunk.cbegin(), chunk.cend());
    Worked out;
    auto r = [&]() -> Result<void> {
        auto rows = Storage::RowStream::open(
            m_database.connection(),
            QStringLiteral("SELECT member_id, purpose, valid_from, valid_to, %1 FROM consent_status "
                           "WHERE member_id IN (%2) ORDER BY member_id, purpose, valid_from")
                .arg(kStatusColumns, list));
        if (!rows.ok())
            return rows.error();
        auto done = rows.value()->each([&](const Storage::RowStream &row) {
            const QString from = row.text(2);
            const QString to = row.text(3);
            Segment s{from == kAlways ? QDate() : QDate::fromString(from, Qt::ISODate),
                      to == kForEver ? QDate() : QDate::fromString(to, Qt::ISODate), statusFromRow(row, 4)};
            out.timelines[{row.integer(0), row.text(1)}].append(s);
        });
        if (!done.ok())
            return done;
        auto blocks = Storage::RowStream::open(
            m_database.connection(),
            QStringLiteral("SELECT member_id, reason FROM address_blocks WHERE member_id IN (%1)").arg(list));
        if (!blocks.ok())
            return blocks.error();
        return blocks.value()->each([&](const Storage::RowStream &row) {
            out.blocks.insert(row.integer(0), reasonFromKey(row.text(1)).value_or(Reason::Suppressed));
        });
    }();
    if (!r.ok())
        return r.error();
    return out;
}

Result<void> StatusStore::rewrite(const std::vector<qint64> &chunk, const Worked &worked)
{
    const Timelines &timelines = worked.timelines;
    const QString list = idList(chunk.cbegin(), chunk.cend());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM consent_status WHERE member_id IN (%1)").arg(list));
    if (auto e = exec(q, QStringLiteral("consent status")); !e.ok())
        return e;
    q.prepare(QStringLiteral("DELETE FROM address_blocks WHERE member_id IN (%1)").arg(list));
    if (auto e = exec(q, QStringLiteral("consent status")); !e.ok())
        return e;
    QStringList blocked; // ids and reason keys of our own: safe literals
    for (qint64 id : chunk) {
        if (const auto found = worked.blocks.constFind(id); found != worked.blocks.cend())
            blocked.append(QStringLiteral("(%1, '%2')").arg(id).arg(reasonKey(found.value())));
    }
    if (!blocked.isEmpty()) {
        q.prepare(QStringLiteral("INSERT INTO address_blocks (member_id, reason) VALUES %1")
                      .arg(blocked.join(QLatin1Char(','))));
        if (auto e = exec(q, QStringLiteral("consent status")); !e.ok())
            return e;
    }
    // The segments: through SQLite's C API on a file, COPY on the server (a million rows when a file is
    // migrated or the jurisdiction changes); a table under row-level security takes them a statement each.
    const QStringList columns = {QStringLiteral("member_id"), QStringLiteral("purpose"),  QStringLiteral("valid_from"),
                                 QStringLiteral("valid_to"),  QStringLiteral("eligible"), QStringLiteral("reason"),
                                 QStringLiteral("basis"),     QStringLiteral("since"),    QStringLiteral("valid_until"),
                                 QStringLiteral("by_default")};
    const QString insertSql = QStringLiteral("INSERT INTO consent_status (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                  .arg(columns.join(QStringLiteral(", ")));
    auto sqlite = Storage::SqliteStatement::prepare(m_database.connection(), insertSql);
    auto copy = sqlite
                    ? nullptr
                    : Storage::CopyWriter::create(m_database.connection(), QStringLiteral("consent_status"), columns);
    std::optional<QSqlQuery> row;
    if (!sqlite && !copy) {
        row.emplace(m_database.connection());
        row->prepare(insertSql);
    }
    for (auto it = timelines.constBegin(); it != timelines.constEnd(); ++it) {
        const qint64 id = it.key().first;
        if (!std::binary_search(chunk.cbegin(), chunk.cend(), id))
            continue;
        for (const Segment &seg : it.value()) {
            const Status &st = seg.status;
            const QString basis = st.basis ? basisKey(*st.basis) : QString();
            const QString since = dateKey(st.since);
            const QString until = dateKey(st.validUntil);
            if (sqlite) {
                sqlite->bindInt(1, id);
                sqlite->bindText(2, it.key().second);
                sqlite->bindText(3, fromKey(seg.from));
                sqlite->bindText(4, toKey(seg.to));
                sqlite->bindInt(5, st.eligible);
                sqlite->bindText(6, reasonKey(st.reason));
                basis.isEmpty() ? sqlite->bindNull(7) : sqlite->bindText(7, basis);
                since.isEmpty() ? sqlite->bindNull(8) : sqlite->bindText(8, since);
                until.isEmpty() ? sqlite->bindNull(9) : sqlite->bindText(9, until);
                sqlite->bindInt(10, st.byDefault);
                if (auto e = sqlite->run(); !e.ok())
                    return e;
            } else if (copy) {
                copy->addInt(id);
                copy->addText(it.key().second);
                copy->addText(fromKey(seg.from));
                copy->addText(toKey(seg.to));
                copy->addInt(st.eligible);
                copy->addText(reasonKey(st.reason));
                basis.isEmpty() ? copy->addNull() : copy->addText(basis);
                since.isEmpty() ? copy->addNull() : copy->addText(since);
                until.isEmpty() ? copy->addNull() : copy->addText(until);
                copy->addInt(st.byDefault);
                if (auto e = copy->endRow(); !e.ok())
                    return e;
            } else {
                for (const QVariant &v : QVariantList{id, it.key().second, fromKey(seg.from), toKey(seg.to),
                                                      int(st.eligible), reasonKey(st.reason), nullableText(basis),
                                                      nullableText(since), nullableText(until), int(st.byDefault)})
                    row->addBindValue(v);
                if (auto e = exec(*row, QStringLiteral("consent status")); !e.ok())
                    return e;
            }
        }
    }
    return copy ? copy->flush() : Result<void>();
}

Result<void> StatusStore::forEachOn(const QString &purpose, const QDate &day,
                                    const std::function<void(qint64, const Status &)> &visit, IdRange range,
                                    StatusDetail detail) const
{
    const QString key = day.toString(Qt::ISODate);
    const bool whole = detail == StatusDetail::Whole;
    auto rows = Storage::RowStream::open(
        m_database.connection(),
        QStringLiteral("SELECT member_id, %1 FROM consent_status WHERE purpose = ? AND member_id BETWEEN ? AND ? AND "
                       "valid_from <= ? AND valid_to >= ? ORDER BY member_id")
            .arg(whole ? kStatusColumns : QStringLiteral("eligible, reason")),
        {purpose, range.first, range.last, key, key});
    if (!rows.ok())
        return rows.error();
    return rows.value()->each([&](const Storage::RowStream &row) {
        if (whole) {
            visit(row.integer(0), statusFromRow(row, 1));
            return;
        }
        Status s;
        s.eligible = row.integer(1) != 0;
        s.reason = reasonFromUtf8(row.utf8(2)).value_or(Reason::NoConsent);
        visit(row.integer(0), s);
    });
}

Result<QHash<qint64, Status>> StatusStore::on(const QString &purpose, const QDate &day, const QList<qint64> &ids) const
{
    QHash<qint64, Status> out;
    std::vector<qint64> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const QString key = day.toString(Qt::ISODate);
    auto r = inChunks(sorted, [&](const std::vector<qint64> &, const QString &list) -> Result<void> {
        auto rows =
            Storage::RowStream::open(m_database.connection(),
                                     QStringLiteral("SELECT member_id, %1 FROM consent_status WHERE purpose = ? "
                                                    "AND member_id IN (%2) AND valid_from <= ? AND valid_to >= ?")
                                         .arg(kStatusColumns, list),
                                     {purpose, key, key});
        if (!rows.ok())
            return rows.error();
        return rows.value()->each(
            [&](const Storage::RowStream &row) { out.insert(row.integer(0), statusFromRow(row, 1)); });
    });
    if (!r.ok())
        return r.error();
    return out;
}

Result<std::vector<std::pair<qint64, Reason>>> StatusStore::addressBlocks() const
{
    std::vector<std::pair<qint64, Reason>> out;
    auto rows = Storage::RowStream::open(
        m_database.connection(), QStringLiteral("SELECT member_id, reason FROM address_blocks ORDER BY member_id"));
    if (!rows.ok())
        return rows.error();
    auto r = rows.value()->each([&out](const Storage::RowStream &row) {
        out.emplace_back(row.integer(0), reasonFromKey(row.text(1)).value_or(Reason::Suppressed));
    });
    if (!r.ok())
        return r.error();
    return out;
}

Result<StatusStore::Verification> StatusStore::verify(bool repair)
{
    Verification v;
    auto marked = pending();
    if (!marked.ok())
        return marked.error();
    v.pending = marked.value().size();
    auto ids = Storage::selectIds(m_database.connection(),
                                  QStringLiteral("SELECT member_id FROM consent_events UNION "
                                                 "SELECT member_id FROM consent_status UNION "
                                                 "SELECT member_id FROM address_blocks UNION "
                                                 "SELECT id FROM members WHERE (email_key IS NOT NULL "
                                                 "AND EXISTS (SELECT 1 FROM suppressions)) OR (email_key IS NULL "
                                                 "AND coalesce(email, '') <> '') ORDER BY 1"),
                                  {});
    if (!ids.ok())
        return ids.error();
    v.members = qint64(ids.value().size());
    auto known = rules();
    if (!known.ok())
        return known.error();
    std::vector<qint64> wrong;
    auto r = inChunks(ids.value(), [&](const std::vector<qint64> &chunk, const QString &) -> Result<void> {
        auto truth = compute(known.value(), chunk, false);
        if (!truth.ok())
            return truth.error();
        auto kept = stored(chunk);
        if (!kept.ok())
            return kept.error();
        const Timelines &wanted = truth.value().timelines;
        const Timelines &have = kept.value().timelines;
        QSet<qint64> differing;
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            const QList<Segment> rows = have.value(it.key());
            if (rows == it.value())
                continue;
            differing.insert(it.key().first);
            for (const Segment &s : it.value())
                v.missingRows += !rows.contains(s);
            for (const Segment &s : rows)
                v.extraRows += !it.value().contains(s);
        }
        for (auto it = have.cbegin(); it != have.cend(); ++it) {
            if (wanted.contains(it.key()))
                continue;
            differing.insert(it.key().first);
            v.extraRows += it.value().size();
        }
        for (qint64 id : chunk) {
            if (truth.value().blocks.value(id, Reason::Express) != kept.value().blocks.value(id, Reason::Express)) {
                differing.insert(id);
                ++v.addressDifferences;
            }
        }
        std::vector<qint64> mine(differing.begin(), differing.end());
        std::sort(mine.begin(), mine.end());
        for (qint64 id : mine) {
            if (v.examples.size() < 10)
                v.examples.append(id);
        }
        wrong.insert(wrong.end(), mine.begin(), mine.end());
        if (repair && !mine.empty())
            return rewrite(mine, truth.value());
        return {};
    });
    if (!r.ok())
        return r.error();
    v.different = qint64(wrong.size());
    if (repair)
        v.repaired = v.different;
    return v;
}

QJsonObject StatusStore::Verification::toJson() const
{
    QJsonArray list;
    for (qint64 id : examples)
        list.append(id);
    return {{QStringLiteral("members"), members},          {QStringLiteral("different"), different},
            {QStringLiteral("missing_rows"), missingRows}, {QStringLiteral("extra_rows"), extraRows},
            {QStringLiteral("pending"), pending},          {QStringLiteral("address_differences"), addressDifferences},
            {QStringLiteral("repaired"), repaired},        {QStringLiteral("examples"), list}};
}

} // namespace Consent
