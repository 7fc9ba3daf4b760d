#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace Storage {

// A prepared statement stepped through SQLite's C API, for the few statements run a million times
// (an import's inserts): binding through QVariant costs more than SQLite's own work there.
// prepare() returns nullptr when the connection is not SQLite; callers then use QSqlQuery.
class SqliteStatement
{
public:
    static std::unique_ptr<SqliteStatement> prepare(const QSqlDatabase &db, const QString &sql);
    ~SqliteStatement();

    void bindText(int index, const QString &text); // 1-based, as SQLite counts
    void bindInt(int index, qint64 value);
    void bindNull(int index);
    Core::Result<void> run(); // steps to completion, then resets and clears the bindings
    // Reading: step() until it returns false (done) or an error; text() is valid until the next step().
    Core::Result<bool> step();
    const char *text(int column, int *size) const; // 0-based; nullptr for NULL
    int columnCount() const;
    qint64 lastInsertId() const;

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement) : m_db(db), m_statement(statement) {}
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
};

} // namespace Storage
