#pragma once

#include "core/Result.h"
#include "storage/Engine.h"

#include <QDate>
#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace Reports {

// Members matching a consent condition ("consent.newsletter" = "withdrawn"…): an SQL condition on `members`
// with its bound values (read from the stored consent statuses), or else their ids in increasing order.
struct ConsentMatch
{
    std::optional<std::pair<QString, QVariantList>> sql;
    std::vector<qint64> ids;
};
using ConsentResolver = std::function<Core::Result<ConsentMatch>(const QString &purpose, const QString &state)>;

// A filter in its JSON form, turned into an SQL condition on `members` with bound values only:
//   {"all": [ … ]} or {"any": [ … ]}, nested; a condition is {"field": F, "op": OP, "value": V}.
// Fields: a member field key (whitelist), "extra.<name>" (the JSON path is bound, not spliced) or
// "consent.<purpose>" (resolved by the consent service into a condition or a bound id list), "membership" (eq/ne
// "active", "expired" or "ending" with an optional "days", default 60, counted from `today`) or "text" (contains: the
// names, email, member number, city and postal code, like the member table's search). Operators: eq, ne, in,
// contains, starts_with, before, after, between, is_empty, is_not_empty. A value may be
// {"param": "KEY", "label": "…"}: taken from `params`, an error when missing.
// Anything else — an unknown field or operator, a wrong type, nesting deeper than 16 — is an Invalid
// error with the reason; nothing user-supplied ever reaches the SQL text.
struct BuiltQuery
{
    QString where; // "" or a condition to put after WHERE
    QVariantList bindings;
};

Core::Result<BuiltQuery> buildFilter(const QJsonValue &filter, const QHash<QString, QString> &params,
                                     const ConsentResolver &consent, const QDate &today,
                                     Storage::Engine engine = Storage::Engine::Sqlite);

// The parameters a filter asks for when run: key -> label.
QHash<QString, QString> filterParameters(const QJsonValue &filter);

} // namespace Reports
