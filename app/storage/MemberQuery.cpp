#include "MemberQuery.h"

namespace Storage {

using Core::MemberField;
namespace MemberFields = Core::MemberFields;

bool MemberQuery::matches(const Core::Member &m) const
{
    switch (selection.kind) {
    case Selection::Kind::All:
    case Selection::Kind::ConsentMissing:
    case Selection::Kind::ConsentExpiring:
    case Selection::Kind::ConsentWithdrawn:
    case Selection::Kind::Invitation:
    case Selection::Kind::Undeliverable:
    case Selection::Kind::Report: return true;
    case Selection::Kind::NoEmail: return m.email.isEmpty();
    case Selection::Kind::MembershipExpired: return m.membershipEnd.isValid() && m.membershipEnd < today;
    case Selection::Kind::MembershipEndingSoon:
        return m.membershipEnd.isValid() && m.membershipEnd >= today &&
               m.membershipEnd <= today.addDays(Selection::kEndingSoonDays);
    case Selection::Kind::Section:
        return selection.value.isEmpty() ? m.section.isEmpty() : m.section == selection.value;
    case Selection::Kind::Category:
        return selection.value.isEmpty() ? m.category.isEmpty() : m.category == selection.value;
    }
    return true;
}

QString MemberQuery::whereClause(QVariantList *bindings) const
{
    const QString todayIso = today.toString(Qt::ISODate);
    switch (selection.kind) {
    case Selection::Kind::All:
    case Selection::Kind::ConsentMissing: // every member here; the consent service filters
    case Selection::Kind::ConsentExpiring:
    case Selection::Kind::ConsentWithdrawn:
    case Selection::Kind::Invitation:
    case Selection::Kind::Undeliverable:
    case Selection::Kind::Report: return {}; // the report runner (the campaigns, the returned mail) filter
    case Selection::Kind::NoEmail: return QStringLiteral("WHERE email IS NULL");
    case Selection::Kind::MembershipExpired:
        bindings->append(todayIso);
        return QStringLiteral("WHERE membership_end < ?");
    case Selection::Kind::MembershipEndingSoon:
        bindings->append(todayIso);
        bindings->append(today.addDays(Selection::kEndingSoonDays).toString(Qt::ISODate));
        return QStringLiteral("WHERE membership_end >= ? AND membership_end <= ?");
    case Selection::Kind::Section:
        if (selection.value.isEmpty())
            return QStringLiteral("WHERE section IS NULL");
        bindings->append(selection.value);
        return QStringLiteral("WHERE section = ?");
    case Selection::Kind::Category:
        if (selection.value.isEmpty())
            return QStringLiteral("WHERE category IS NULL");
        bindings->append(selection.value);
        return QStringLiteral("WHERE category = ?");
    }
    return {};
}

QString MemberQuery::orderClause(Engine engine) const
{
    // Empty values first when ascending, on both engines (SQLite's order; PostgreSQL's default is the reverse).
    const QString dir =
        sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC NULLS FIRST") : QStringLiteral(" DESC NULLS LAST");
    // The id is never empty: a plain direction, which the primary key's index gives on both engines.
    const QString id = sortOrder == Qt::AscendingOrder ? QStringLiteral(", id ASC") : QStringLiteral(", id DESC");
    // A section or a category (a tenth of the members, found by its index) sorted by a date: SQLite would rather
    // walk the date's index through the whole table (1.5 s at a million) than sort the tenth (0.1 s); the unary
    // plus keeps the order from using an index.
    const bool narrowed = selection.kind == Selection::Kind::Section || selection.kind == Selection::Kind::Category;
    const QString column =
        (engine == Engine::Sqlite && narrowed ? QStringLiteral("+") : QString()) + MemberFields::key(sortField);
    if (sortField == MemberField::LastName)
        return QStringLiteral("ORDER BY ") + Sql::orderNoCase(engine, QStringLiteral("last_name")) + dir +
               QStringLiteral(", ") + Sql::orderNoCase(engine, QStringLiteral("first_name")) + dir + id;
    if (MemberFields::type(sortField) == Core::FieldType::Text)
        return QStringLiteral("ORDER BY ") + Sql::orderNoCase(engine, column) + dir + id;
    if (sortField == MemberField::Id)
        return QStringLiteral("ORDER BY") + id.mid(1);
    return QStringLiteral("ORDER BY ") + column + dir + id;
}

} // namespace Storage
