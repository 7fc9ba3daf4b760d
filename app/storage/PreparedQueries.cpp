#include "PreparedQueries.h"

#include "Database.h"

#include <QSqlError>

namespace Storage {

Core::Result<QSqlQuery *> PreparedQueries::run(const QString &sql, const QVariantList &values, const QString &context)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto query = std::make_unique<QSqlQuery>(m_database.connection());
        if (!query->prepare(sql))
            return Database::errorFrom(query->lastError(), context);
        it = m_queries.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &q = *it->second;
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    if (auto r = exec(q, context); !r.ok())
        return r.error();
    return &q;
}

} // namespace Storage
