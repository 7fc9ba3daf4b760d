#pragma once

#include "Engine.h"
#include "Selection.h"
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
};

} // namespace Storage
