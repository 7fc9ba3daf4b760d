#include "MemberRepository.h"
#include "core/KeyTable.h"

#include "BulkRows.h"
#include "Database.h"
#include "core/Clock.h"
#include "core/EmailAddress.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using Core::Error;
using Core::Member;
using Core::MemberField;
using Core::Result;
namespace MemberFields = Core::MemberFields;

namespace Storage {

namespace {

QVariant textValue(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant dateValue(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QString isoNow(const Core::Clock &clock)
{
    return clock.now().toUTC().toString(Qt::ISODateWithMs);
}

// A member changed since it was read: who changed it and when, for the message; the caller reads the
// current values with find().
Error stale(const Member &current)
{
    const QString who = current.updatedBy.isEmpty()
                            ? QCoreApplication::translate("Storage::MemberRepository", "someone else")
                            : current.updatedBy;
    return Error::make(Error::Code::Stale,
                       QCoreApplication::translate("Storage::MemberRepository",
                                                   "%1 was changed by %2 at %3 since it was read (now version %4): "
                                                   "nothing was overwritten.")
                           .arg(current.displayName(), who,
                                current.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                           .arg(current.version),
                       QString::number(current.id));
}

Error notFound(const QString &reference)
{
    return Error::make(
        Error::Code::NotFound,
        QCoreApplication::translate("Storage::MemberRepository", "No member matches \"%1\".").arg(reference));
}

} // namespace

QString memberColumns()
{
    static const QString columns = []() -> QString {
        QStringList keys;
        for (MemberField f : MemberFields::all())
            keys.append(MemberFields::key(f));
        return keys.join(QStringLiteral(", ")) + QStringLiteral(", version, updated_by");
    }();
    return columns;
}

// One stored column into a member: JSON and timestamps are text in both engines.
void setStored(Member &m, MemberField f, const QVariant &v)
{
    switch (MemberFields::type(f)) {
    case Core::FieldType::Json: m.extra = QJsonDocument::fromJson(v.toString().toUtf8()).object(); break;
    case Core::FieldType::DateTime: m.setValue(f, QDateTime::fromString(v.toString(), Qt::ISODateWithMs)); break;
    default: m.setValue(f, v); break;
    }
}

Member memberFromRow(const QSqlQuery &q)
{
    Member m;
    int i = 0;
    for (MemberField f : MemberFields::all())
        setStored(m, f, q.value(i++));
    m.version = q.value(i++).toLongLong();
    m.updatedBy = q.value(i).toString();
    m.noEmail = m.email.isEmpty();
    return m;
}

MemberRepository::MemberRepository(Database &database, const Core::Clock &clock) : m_database(database), m_clock(clock)
{}

Result<void> MemberRepository::checkUnique(const Member &m) const
{
    QSqlQuery q(m_database.connection());
    if (!m.email.isEmpty()) {
        q.prepare(QStringLiteral("SELECT id, first_name, last_name, household_id FROM members "
                                 "WHERE email_key = ? AND id <> ?"));
        q.addBindValue(Core::EmailAddress::key(m.email));
        q.addBindValue(m.id);
        if (auto r = exec(q, QStringLiteral("email unique")); !r.ok())
            return r;
        while (q.next()) {
            const qint64 household = q.value(3).toLongLong();
            if (m.householdId != 0 && household == m.householdId)
                continue; // one household may share a mailbox
            return Error::make(Error::Code::Conflict,
                               QCoreApplication::translate("Storage::MemberRepository",
                                                           "This email address is already used by %1 %2 (member %3). "
                                                           "Members may share an address only within one household.")
                                   .arg(q.value(1).toString(), q.value(2).toString())
                                   .arg(q.value(0).toLongLong()),
                               MemberFields::key(MemberField::Email));
        }
    }
    if (!m.memberNumber.isEmpty()) {
        q.prepare(QStringLiteral("SELECT id, first_name, last_name FROM members WHERE member_number = ? AND id <> ?"));
        q.addBindValue(m.memberNumber);
        q.addBindValue(m.id);
        if (auto r = exec(q, QStringLiteral("number unique")); !r.ok())
            return r;
        if (q.next())
            return Error::make(Error::Code::Conflict,
                               QCoreApplication::translate("Storage::MemberRepository",
                                                           "Member number %1 is already used by %2 %3 (member %4).")
                                   .arg(m.memberNumber, q.value(1).toString(), q.value(2).toString())
                                   .arg(q.value(0).toLongLong()),
                               MemberFields::key(MemberField::MemberNumber));
    }
    return {};
}

Result<Member> MemberRepository::save(Member m, qint64 householdWith, Core::MemberValidation *validation)
{
    Core::MemberValidation v = Core::MemberValidator::normalizeAndValidate(m);
    if (validation)
        *validation = v;
    if (!v.ok())
        return v.first();

    Member stored;
    auto result = m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        const QString now = isoNow(m_clock);
        if (m.id != 0) {
            auto existing = find(m.id);
            if (!existing.ok())
                return existing.error();
            // Read at a version another volunteer (or window) has since moved on: never overwritten.
            if (m.version != 0 && existing.value().version != m.version)
                return stale(existing.value());
        }
        if (householdWith != 0 && householdWith != m.id) {
            auto other = find(householdWith);
            if (!other.ok())
                return other.error();
            qint64 household = other.value().householdId;
            if (household == 0) {
                q.prepare(QStringLiteral("INSERT INTO households (created_at) VALUES (?) RETURNING id"));
                q.addBindValue(now);
                if (auto r = exec(q, QStringLiteral("household")); !r.ok())
                    return r;
                household = returnedId(q);
                q.prepare(QStringLiteral(
                    "UPDATE members SET household_id = ?, updated_at = ?, version = version + 1 WHERE id = ?"));
                q.addBindValue(household);
                q.addBindValue(now);
                q.addBindValue(householdWith);
                if (auto r = exec(q, QStringLiteral("household link")); !r.ok())
                    return r;
            }
            m.householdId = household;
        }
        // A volunteer limited to sections adds and moves members only within them (the server's row-level
        // security refuses the rest; this says which sections before asking it).
        if (const Access &access = m_database.access(); !access.sees(m.section))
            return Error::make(Error::Code::Forbidden, access.outsideSections(m.section),
                               MemberFields::key(MemberField::Section));
        if (auto r = checkUnique(m); !r.ok())
            return r;

        QStringList assignments;
        QVariantList values;
        for (MemberField f : MemberFields::all()) {
            switch (f) {
            case MemberField::Id:
            case MemberField::CreatedAt:
            case MemberField::UpdatedAt: continue;
            case MemberField::MembershipStart: values.append(dateValue(m.membershipStart)); break;
            case MemberField::MembershipEnd: values.append(dateValue(m.membershipEnd)); break;
            case MemberField::HouseholdId:
                values.append(m.householdId ? QVariant(m.householdId) : QVariant(QMetaType::fromType<qlonglong>()));
                break;
            case MemberField::Extra:
                values.append(QString::fromUtf8(QJsonDocument(m.extra).toJson(QJsonDocument::Compact)));
                break;
            default: values.append(textValue(m.value(f).toString())); break;
            }
            assignments.append(MemberFields::key(f));
        }
        assignments.append(QStringLiteral("email_key"));
        values.append(m.email.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                        : QVariant(Core::EmailAddress::key(m.email)));
        assignments.append(QStringLiteral("updated_by")); // a volunteer's login: the server sets it itself
        values.append(m_database.access().login);

        if (m.id == 0) {
            assignments.append(QStringLiteral("created_at"));
            values.append(now);
            assignments.append(QStringLiteral("updated_at"));
            values.append(now);
            QStringList marks;
            for (qsizetype i = 0; i < assignments.size(); ++i)
                marks.append(QStringLiteral("?"));
            q.prepare(QStringLiteral("INSERT INTO members (%1) VALUES (%2) RETURNING id")
                          .arg(assignments.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
        } else {
            assignments.append(QStringLiteral("updated_at"));
            values.append(now);
            // The version checked again by the statement itself: a change committed between the read above and
            // this update (on a server) leaves no row to update.
            q.prepare(QStringLiteral("UPDATE members SET %1 = ?, version = version + 1 WHERE id = ?%2")
                          .arg(assignments.join(QStringLiteral(" = ?, ")),
                               m.version != 0 ? QStringLiteral(" AND version = ?") : QString()));
            values.append(m.id);
            if (m.version != 0)
                values.append(m.version);
        }
        for (const QVariant &value : std::as_const(values))
            q.addBindValue(value);
        if (auto r = exec(q, QStringLiteral("save member")); !r.ok())
            return r;
        if (m.id != 0 && q.numRowsAffected() == 0) {
            auto current = find(m.id);
            if (!current.ok())
                return current.error();
            return stale(current.value());
        }
        const qint64 id = m.id ? m.id : returnedId(q);
        auto reread = find(id);
        if (!reread.ok())
            return reread.error();
        stored = reread.value();
        return {};
    });
    if (!result.ok())
        return result.error();
    return stored;
}

Result<void> MemberRepository::remove(qint64 id, qint64 expectedVersion)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        // Its household, read first: only that one can be left with fewer than two members.
        q.prepare(QStringLiteral("SELECT household_id FROM members WHERE id = ?"));
        q.addBindValue(id);
        if (auto r = exec(q, QStringLiteral("delete member")); !r.ok())
            return r;
        const QVariant household = q.next() ? q.value(0) : QVariant();
        // The version is checked by the DELETE itself: a change committed meanwhile makes it delete nothing.
        q.prepare(QStringLiteral("DELETE FROM members WHERE id = ? AND (? = 0 OR version = ?)"));
        q.addBindValue(id);
        q.addBindValue(expectedVersion);
        q.addBindValue(expectedVersion);
        if (auto r = exec(q, QStringLiteral("delete member")); !r.ok())
            return r;
        if (q.numRowsAffected() == 0) {
            if (auto current = find(id); current.ok())
                return stale(current.value());
            return notFound(QString::number(id));
        }
        if (household.isNull())
            return {};
        // A household left with fewer than two members is no longer a household (that household only: a
        // question about every household read the whole members table, once per member of a bulk deletion).
        const qint64 h = household.toLongLong();
        q.prepare(QStringLiteral("UPDATE members SET household_id = NULL, version = version + 1 WHERE household_id = ? "
                                 "AND (SELECT count(*) FROM members WHERE household_id = ?) < 2"));
        q.addBindValue(h);
        q.addBindValue(h);
        if (auto r = exec(q, QStringLiteral("household cleanup")); !r.ok())
            return r;
        q.prepare(QStringLiteral(
            "DELETE FROM households WHERE id = ? AND NOT EXISTS (SELECT 1 FROM members WHERE household_id = ?)"));
        q.addBindValue(h);
        q.addBindValue(h);
        if (auto r = exec(q, QStringLiteral("household cleanup")); !r.ok())
            return r;
        return {};
    });
}

Result<Member> MemberRepository::find(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM members WHERE id = ?").arg(memberColumns()));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("find member")); !r.ok())
        return r.error();
    if (!q.next())
        return notFound(QString::number(id));
    return memberFromRow(q);
}

Result<Member> MemberRepository::findByEmail(const QString &email) const
{
    const Core::EmailCheck check = Core::EmailAddress::check(email, false); // a lookup needs no typo search
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM members WHERE email_key = ? ORDER BY id LIMIT 1").arg(memberColumns()));
    q.addBindValue(Core::EmailAddress::key(check.valid ? check.normalized : email.trimmed()));
    if (auto r = exec(q, QStringLiteral("find member by email")); !r.ok())
        return r.error();
    if (!q.next())
        return notFound(email);
    return memberFromRow(q);
}

Result<Member> MemberRepository::findByReference(const QString &reference) const
{
    bool isNumber = false;
    const qint64 id = reference.trimmed().toLongLong(&isNumber);
    if (isNumber)
        return find(id);
    return findByEmail(reference);
}

Result<qint64> MemberRepository::count() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM members")) || !q.next())
        return Database::errorFrom(q.lastError(), QStringLiteral("count"));
    return q.value(0).toLongLong();
}

Result<QStringList> MemberRepository::attributeNames(int sample) const
{
    // The names of the extra attributes imports brought in, from the most recent members (a sample keeps
    // this instant at a million members; attributes come by import, so recent rows carry them).
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT DISTINCT j.key FROM (SELECT extra FROM members WHERE extra IS NOT NULL AND "
                             "extra <> '{}' ORDER BY id DESC LIMIT ?) AS m, %1 ORDER BY j.key")
                  .arg(Sql::jsonEachKey(m_database.engine(), QStringLiteral("m.extra"))));
    q.addBindValue(sample);
    if (!q.exec())
        return Database::errorFrom(q.lastError(), QStringLiteral("attributes"));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<void> MemberRepository::fetchInChunks(const std::vector<qint64> &ids, const Chunk &each) const
{
    constexpr size_t kChunk = 500;
    for (size_t start = 0; start < ids.size(); start += kChunk) {
        const std::vector<qint64> chunk(ids.begin() + qsizetype(start),
                                        ids.begin() + qsizetype(std::min(ids.size(), start + kChunk)));
        auto members = fetch(chunk);
        if (!members.ok())
            return members.error();
        if (auto r = each(chunk, members.value()); !r.ok())
            return r;
    }
    return {};
}

Result<std::vector<qint64>> MemberRepository::ids(const MemberQuery &query) const
{
    QVariantList bindings;
    const QString where = query.whereClause(&bindings);
    return selectIds(m_database.connection(),
                     QStringLiteral("SELECT id FROM members %1 %2%3")
                         .arg(where, query.orderClause(m_database.engine()),
                              query.limit >= 0 ? QStringLiteral(" LIMIT %1").arg(query.limit) : QString()),
                     bindings);
}

Result<void> MemberRepository::visit(const std::vector<qint64> &ids, const QList<MemberField> &fields,
                                     const std::function<void(const Member &)> &visitor) const
{
    if (ids.empty())
        return {};
    QStringList columns{QStringLiteral("id")};
    for (MemberField f : fields)
        columns.append(MemberFields::key(f)); // names from the schema
    const QString select = columns.join(QStringLiteral(", "));
    auto read = [&fields](const RowStream &row) {
        Member m;
        m.id = row.integer(0);
        for (int i = 0; i < fields.size(); ++i) {
            if (!row.isNull(i + 1))
                setStored(m, fields[i], row.text(i + 1));
        }
        m.noEmail = m.email.isEmpty();
        return m;
    };
    // Most of the list in id order (a report of everyone): one pass over that range of the table.
    if (ids.size() >= 20000 && std::is_sorted(ids.begin(), ids.end())) {
        auto rows =
            RowStream::open(m_database.connection(),
                            QStringLiteral("SELECT %1 FROM members WHERE id BETWEEN ? AND ? ORDER BY id").arg(select),
                            {QVariant(ids.front()), QVariant(ids.back())});
        if (!rows.ok())
            return rows.error();
        auto wanted = ids.begin();
        return rows.value()->each([&](const RowStream &row) {
            const qint64 id = row.integer(0);
            while (wanted != ids.end() && *wanted < id)
                ++wanted;
            if (wanted != ids.end() && *wanted == id)
                visitor(read(row));
        });
    }
    // Otherwise in blocks, each put back in the list's order.
    constexpr size_t kChunk = 5000;
    for (size_t start = 0; start < ids.size(); start += kChunk) {
        const size_t n = std::min(kChunk, ids.size() - start);
        QString list;
        list.reserve(qsizetype(n * 8));
        for (size_t i = 0; i < n; ++i) {
            if (i)
                list += QLatin1Char(',');
            list += QString::number(ids[start + i]); // integers, written into the statement
        }
        auto rows = RowStream::open(m_database.connection(),
                                    QStringLiteral("SELECT %1 FROM members WHERE id IN (%2)").arg(select, list));
        if (!rows.ok())
            return rows.error();
        QHash<qint64, Member> byId;
        byId.reserve(qsizetype(n));
        if (auto r = rows.value()->each([&](const RowStream &row) {
                Member m = read(row);
                byId.insert(m.id, std::move(m));
            });
            !r.ok())
            return r;
        rows.value().reset();
        for (size_t i = 0; i < n; ++i) {
            auto it = byId.constFind(ids[start + i]);
            if (it != byId.constEnd())
                visitor(it.value());
        }
    }
    return {};
}

Result<QList<Member>> MemberRepository::fetch(const std::vector<qint64> &ids) const
{
    QList<Member> out;
    if (ids.empty())
        return out;
    QHash<qint64, Member> byId;
    constexpr size_t kChunk = 500; // stays under SQLite's bound-parameter limit
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    for (size_t start = 0; start < ids.size(); start += kChunk) {
        const size_t n = std::min(kChunk, ids.size() - start);
        QString marks;
        marks.reserve(qsizetype(n * 2));
        for (size_t i = 0; i < n; ++i)
            marks += i ? QStringLiteral(",?") : QStringLiteral("?");
        q.prepare(QStringLiteral("SELECT %1 FROM members WHERE id IN (%2)").arg(memberColumns(), marks));
        for (size_t i = 0; i < n; ++i)
            q.addBindValue(ids[start + i]);
        if (auto r = exec(q, QStringLiteral("fetch members")); !r.ok())
            return r.error();
        while (q.next()) {
            Member m = memberFromRow(q);
            byId.insert(m.id, std::move(m));
        }
    }
    out.reserve(qsizetype(ids.size()));
    for (qint64 id : ids) {
        auto it = byId.constFind(id);
        if (it != byId.constEnd())
            out.append(it.value());
    }
    return out;
}

Result<QList<Member>> MemberRepository::list(const MemberQuery &query) const
{
    QVariantList bindings;
    const QString where = query.whereClause(&bindings);
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(QStringLiteral("SELECT %1 FROM members %2 %3")
                  .arg(memberColumns(), where, query.orderClause(m_database.engine())));
    for (const QVariant &b : std::as_const(bindings))
        q.addBindValue(b);
    if (auto r = exec(q, QStringLiteral("list members")); !r.ok())
        return r.error();
    QList<Member> out;
    while (q.next())
        out.append(memberFromRow(q));
    return out;
}

Result<void> MemberRepository::loadKeys(Core::KeyTable *byEmail, Core::KeyTable *byNumber) const
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    if (!q.exec(QStringLiteral("SELECT id, email_key, member_number FROM members")))
        return Database::errorFrom(q.lastError(), QStringLiteral("keys"));
    while (q.next()) {
        if (!q.value(1).isNull())
            byEmail->insert(q.value(1).toString(), q.value(0).toLongLong());
        if (!q.value(2).isNull())
            byNumber->insert(q.value(2).toString(), q.value(0).toLongLong());
    }
    return {};
}

Result<QList<SelectionCount>> MemberRepository::selectionCounts(const QDate &today) const
{
    QList<SelectionCount> out;
    QSqlQuery q(m_database.connection());
    auto scalar = [&](const Selection &selection) -> Result<void> {
        MemberQuery query{selection, MemberField::Id, Qt::AscendingOrder, today};
        QVariantList bindings;
        q.prepare(QStringLiteral("SELECT count(*) FROM members ") + query.whereClause(&bindings));
        for (const QVariant &b : std::as_const(bindings))
            q.addBindValue(b);
        if (auto r = exec(q, QStringLiteral("selection count")); !r.ok())
            return r;
        q.next();
        out.append({selection, q.value(0).toLongLong()});
        return {};
    };
    for (auto kind : {Selection::Kind::All, Selection::Kind::NoEmail, Selection::Kind::MembershipExpired,
                      Selection::Kind::MembershipEndingSoon}) {
        if (auto r = scalar({kind, {}}); !r.ok())
            return r.error();
    }
    // The addresses the mailbox found dead (while they are the members' addresses).
    if (!q.exec(QStringLiteral("SELECT count(*) FROM members WHERE email_key IN (SELECT address_key FROM "
                               "undeliverable_addresses)")))
        return Database::errorFrom(q.lastError(), QStringLiteral("undeliverable count"));
    q.next();
    out.append({Selection{Selection::Kind::Undeliverable, {}}, q.value(0).toLongLong()});
    // Column names from the whitelist only.
    for (auto [kind, column] : {std::pair{Selection::Kind::Section, QStringLiteral("section")},
                                std::pair{Selection::Kind::Category, QStringLiteral("category")}}) {
        if (!q.exec(QStringLiteral("SELECT %1, count(*) FROM members GROUP BY %1 ORDER BY %2 NULLS FIRST")
                        .arg(column, Sql::orderNoCase(m_database.engine(), column))))
            return Database::errorFrom(q.lastError(), QStringLiteral("group counts"));
        while (q.next())
            out.append({Selection{kind, q.value(0).toString()}, q.value(1).toLongLong()});
    }
    return out;
}

} // namespace Storage
