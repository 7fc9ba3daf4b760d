#include "SqliteStatement.h"

#include "Database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QStringEncoder>
#include <QVariant>

#include <sqlite3.h>

namespace Storage {

std::unique_ptr<SqliteStatement> SqliteStatement::prepare(const QSqlDatabase &db, const QString &sql)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(connection, utf8.constData(), int(utf8.size()), &statement, nullptr) != SQLITE_OK)
        return nullptr;
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(connection, statement));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    const qsizetype offset = m_arena.size();
    m_arena.resize(offset + text.size() * 3); // UTF-8 takes at most three bytes for a UTF-16 unit
    char *out = m_arena.data() + offset;
    const char16_t *in = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *const end = in + text.size();
    while (in < end && *in < 0x80) // most member data is ASCII
        *out++ = char(*in++);
    if (in < end) {
        QStringEncoder encoder(QStringEncoder::Utf8);
        out = encoder.appendToBuffer(out, QStringView(in, end));
    }
    const qsizetype size = (out - m_arena.data()) - offset;
    m_arena.resize(offset + size);
    m_texts.push_back({index, offset, size});
}

void SqliteStatement::bindTexts()
{
    for (const Text &t : m_texts)
        sqlite3_bind_text(m_statement, t.index, m_arena.constData() + t.offset, int(t.size), SQLITE_STATIC);
}

void SqliteStatement::bindInt(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

Core::Result<void> SqliteStatement::run()
{
    bindTexts();
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_arena.resize(0); // keeps its capacity
    m_texts.clear();
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return {};
    const QSqlError error(QStringLiteral("sqlite"), QString::fromUtf8(sqlite3_errmsg(m_db)), QSqlError::StatementError,
                          QString::number(rc));
    return Database::errorFrom(error, QStringLiteral("statement"));
}

Core::Result<bool> SqliteStatement::step()
{
    if (!m_texts.empty()) {
        bindTexts();
        m_texts.clear(); // the buffer stays as it is while the rows are read
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QSqlError error(QStringLiteral("sqlite"), QString::fromUtf8(sqlite3_errmsg(m_db)), QSqlError::StatementError,
                          QString::number(rc));
    return Database::errorFrom(error, QStringLiteral("statement"));
}

const char *SqliteStatement::text(int column, int *size) const
{
    const unsigned char *t = sqlite3_column_text(m_statement, column);
    *size = t ? sqlite3_column_bytes(m_statement, column) : 0;
    return reinterpret_cast<const char *>(t);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_statement);
}

} // namespace Storage
