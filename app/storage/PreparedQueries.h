#pragma once

#include "core/Result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <unordered_map>

namespace Storage {

class Database;

// Statements prepared once and run many times within one unit of work — a mailbox run's chunk of a hundred
// messages, ten statements each, in one transaction. QSqlQuery::prepare() parses the SQL again on SQLite and
// asks the server again on PostgreSQL; here each distinct SQL text is prepared on first use and then only
// bound and run. Keep one only for the unit of work: a statement left unreset holds its read cursor.
class PreparedQueries
{
public:
    explicit PreparedQueries(Database &database) : m_database(database) {}
    PreparedQueries(const PreparedQueries &) = delete;
    PreparedQueries &operator=(const PreparedQueries &) = delete;

    // Binds `values` in order and runs it; the query (positioned before its first row) stays valid until the
    // same SQL is run again or this object goes.
    Core::Result<QSqlQuery *> run(const QString &sql, const QVariantList &values, const QString &context);

private:
    Database &m_database;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_queries;
};

} // namespace Storage
