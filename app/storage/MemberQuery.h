#pragma once

#include "Engine.h"
#include "Selection.h"
#include "core/Member.h"
#include "core/MemberField.h"

#include <QDate>
#include <QString>
#include <QVariantList>

namespace Storage {

// Selection + order as SQL: column names come only from the MemberField whitelist, values are bound.
struct MemberQuery
{
    Selection selection;
    Core::MemberField sortField = Core::MemberField::LastName;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    QDate today;    // for the membership selections
    int limit = -1; // the first rows only

    QString whereClause(QVariantList *bindings) const;         // "" or "WHERE …"
    QString orderClause(Engine engine = Engine::Sqlite) const; // "ORDER BY …"
    // Whether one member, as read, is in the selection as whereClause() says (a changed member placed
    // without asking the database again). Resolved selections (consent, reports) are not decided here: true.
    bool matches(const Core::Member &member) const;
};

} // namespace Storage
