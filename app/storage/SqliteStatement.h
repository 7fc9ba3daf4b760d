#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <vector>

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

    void bindText(int index, const QString &text); // 1-based, as SQLite counts; kept here until run()
    void bindInt(int index, qint64 value);
    void bindNull(int index);
    Core::Result<void> run(); // steps to completion, then resets and clears the bindings
    // Reading: step() until it returns false (done) or an error; text() is valid until the next step().
    Core::Result<bool> step();
    const char *text(int column, int *size) const; // 0-based; nullptr for NULL
    int columnCount() const;

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement) : m_db(db), m_statement(statement) {}
    void bindTexts();
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    // The texts of the next run, as UTF-8 one after the other: one buffer reused for every row rather
    // than an allocation and a copy per value. Bound once all are in (the buffer may move while it grows).
    struct Text
    {
        int index;
        qsizetype offset;
        qsizetype size;
    };
    QByteArray m_arena;
    std::vector<Text> m_texts;
};

} // namespace Storage
