#include "BulkRows.h"

#include "Database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace Storage {

namespace {
template<typename Handle>
Handle *driverHandle(const QSqlDatabase &db, const char *typeName)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), typeName) != 0)
        return nullptr;
    return *static_cast<Handle *const *>(handle.constData());
}

// ---------------------------------------------------------------- SQLite: a statement stepped by hand

Core::Error sqliteError(sqlite3 *handle, int code)
{
    const QSqlError error(QStringLiteral("sqlite"), QString::fromUtf8(sqlite3_errmsg(handle)),
                          QSqlError::StatementError, QString::number(code));
    return Database::errorFrom(error, QStringLiteral("rows"));
}

class SqliteRows final : public RowStream
{
public:
    SqliteRows(sqlite3 *db, sqlite3_stmt *statement) : m_db(db), m_statement(statement) {}
    ~SqliteRows() override { sqlite3_finalize(m_statement); }

    Core::Result<bool> next() override
    {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        return sqliteError(m_db, rc);
    }
    bool isNull(int column) const override { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    QByteArrayView utf8(int column) const override
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return text ? QByteArrayView(text, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
    }
    qint64 integer(int column) const override { return sqlite3_column_int64(m_statement, column); }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
};

Core::Result<std::unique_ptr<RowStream>> openSqlite(sqlite3 *handle, const QString &sql, const QVariantList &bindings)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    int rc = sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &statement, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(handle, rc);
    auto rows = std::make_unique<SqliteRows>(handle, statement);
    int index = 1;
    for (const QVariant &b : bindings) {
        if (b.isNull()) {
            rc = sqlite3_bind_null(statement, index++);
        } else if (b.typeId() == QMetaType::LongLong || b.typeId() == QMetaType::Int || b.typeId() == QMetaType::Bool) {
            rc = sqlite3_bind_int64(statement, index++, b.toLongLong());
        } else {
            const QByteArray text = b.toString().toUtf8();
            rc = sqlite3_bind_text(statement, index++, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK)
            return sqliteError(handle, rc);
    }
    return std::unique_ptr<RowStream>(std::move(rows));
}

// ---------------------------------------------------------------- PostgreSQL: libpq's COPY protocol

Core::Error serverError(PGconn *connection, const PGresult *result, const QString &context)
{
    QString state = result ? QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QString();
    QString text = result ? QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) : QString();
    if (text.isEmpty())
        text = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
    if (state.isEmpty() && PQstatus(connection) == CONNECTION_BAD)
        state = QStringLiteral("08006"); // the connection is gone
    return Database::serverErrorFrom(state, text, context);
}

// The statement with each `?` outside quotes replaced by its value as an escaped literal.
Core::Result<QByteArray> withLiterals(PGconn *connection, const QString &sql, const QVariantList &bindings)
{
    const QByteArray utf8 = sql.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 16 * bindings.size());
    qsizetype next = 0;
    char quote = 0;
    for (const char c : utf8) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out += c;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out += c;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        if (next >= bindings.size())
            break;
        const QVariant &b = bindings.at(next++);
        if (b.isNull()) {
            out += "NULL";
        } else if (b.typeId() == QMetaType::Bool) {
            out += b.toBool() ? "TRUE" : "FALSE";
        } else if (b.typeId() == QMetaType::LongLong || b.typeId() == QMetaType::Int || b.typeId() == QMetaType::UInt ||
                   b.typeId() == QMetaType::ULongLong) {
            out += QByteArray::number(b.toLongLong());
        } else {
            const QByteArray text = b.toString().toUtf8();
            char *literal = PQescapeLiteral(connection, text.constData(), size_t(text.size()));
            if (!literal)
                return serverError(connection, nullptr, QStringLiteral("rows"));
            out += literal;
            PQfreemem(literal);
        }
    }
    if (next != bindings.size() || quote)
        return Core::Error::make(Core::Error::Code::Storage,
                                 QStringLiteral("The statement's placeholders and values do not match: %1").arg(sql));
    return out;
}

class ServerRows final : public RowStream
{
public:
    explicit ServerRows(PGconn *connection) : m_connection(connection) {}
    ~ServerRows() override
    {
        while (!m_done) {
            auto more = next();
            if (!more.ok() || !more.value())
                break;
        }
    }

    Core::Result<bool> next() override
    {
        if (m_done)
            return false;
        char *buffer = nullptr;
        const int size = PQgetCopyData(m_connection, &buffer, 0);
        if (size > 0) {
            parse(buffer, size);
            PQfreemem(buffer);
            return true;
        }
        m_done = true;
        Core::Result<bool> end = false;
        PGresult *result = PQgetResult(m_connection);
        if (size == -2 || !result || PQresultStatus(result) != PGRES_COMMAND_OK)
            end = serverError(m_connection, result, QStringLiteral("rows"));
        for (; result; result = PQgetResult(m_connection))
            PQclear(result);
        return end;
    }
    bool isNull(int column) const override { return m_fields.at(column).start < 0; }
    QByteArrayView utf8(int column) const override
    {
        const Field f = m_fields.value(column, Field{-1, 0});
        return f.start < 0 ? QByteArrayView() : QByteArrayView(m_row.constData() + f.start, f.size);
    }
    qint64 integer(int column) const override
    {
        const QByteArrayView v = utf8(column);
        qint64 n = 0;
        bool negative = false;
        for (const char c : v) {
            if (c == '-')
                negative = true;
            else if (c >= '0' && c <= '9')
                n = n * 10 + (c - '0');
            else
                return v.toLongLong(); // not an integer column's text
        }
        return negative ? -n : n;
    }

private:
    struct Field
    {
        qsizetype start; // -1: NULL
        qsizetype size;
    };

    // One line of COPY's text format: tab-separated, \N for NULL, backslash escapes.
    void parse(const char *line, int size)
    {
        m_row.resize(0);
        m_fields.clear();
        if (size > 0 && line[size - 1] == '\n')
            --size;
        qsizetype start = 0;
        int i = 0;
        for (;;) {
            int end = i;
            while (end < size && line[end] != '\t')
                ++end;
            if (end - i == 2 && line[i] == '\\' && line[i + 1] == 'N') {
                m_fields.append({-1, 0});
            } else {
                start = m_row.size();
                for (int k = i; k < end; ++k) {
                    char c = line[k];
                    if (c == '\\' && k + 1 < end) {
                        c = line[++k];
                        switch (c) {
                        case 'b': c = '\b'; break;
                        case 'f': c = '\f'; break;
                        case 'n': c = '\n'; break;
                        case 'r': c = '\r'; break;
                        case 't': c = '\t'; break;
                        case 'v': c = '\v'; break;
                        default:
                            if (c >= '0' && c <= '7') {
                                int value = 0;
                                int digits = 0;
                                for (; digits < 3 && k < end && line[k] >= '0' && line[k] <= '7'; ++digits, ++k)
                                    value = value * 8 + (line[k] - '0');
                                --k;
                                c = char(value);
                            }
                            break; // "\\" and any other escaped character: itself
                        }
                    }
                    m_row += c;
                }
                m_fields.append({start, m_row.size() - start});
            }
            if (end >= size)
                break;
            i = end + 1;
        }
    }

    PGconn *m_connection;
    QByteArray m_row;
    QList<Field> m_fields;
    bool m_done = false;
};

Core::Result<std::unique_ptr<RowStream>> openServer(PGconn *connection, const QString &sql,
                                                    const QVariantList &bindings)
{
    auto statement = withLiterals(connection, sql, bindings);
    if (!statement.ok())
        return statement.error();
    const QByteArray command = "COPY (" + statement.value() + ") TO STDOUT";
    PGresult *result = PQexec(connection, command.constData());
    if (!result || PQresultStatus(result) != PGRES_COPY_OUT) {
        Core::Error error = serverError(connection, result, QStringLiteral("rows"));
        PQclear(result);
        return error;
    }
    PQclear(result);
    return std::unique_ptr<RowStream>(std::make_unique<ServerRows>(connection));
}

void escapeInto(QByteArray &out, const QByteArray &utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c; break;
        }
    }
}
} // namespace

Core::Result<std::unique_ptr<RowStream>> RowStream::open(const QSqlDatabase &db, const QString &sql,
                                                         const QVariantList &bindings)
{
    if (sqlite3 *handle = driverHandle<sqlite3>(db, "sqlite3*"))
        return openSqlite(handle, sql, bindings);
    if (PGconn *connection = driverHandle<PGconn>(db, "pg_conn*")) // libpq: typedef struct pg_conn PGconn
        return openServer(connection, sql, bindings);
    return Core::Error::make(Core::Error::Code::Storage,
                             QStringLiteral("Not a database connection Carnet knows: %1")
                                 .arg(QString::fromLatin1(db.driver() ? db.driver()->handle().typeName() : "none")));
}

Core::Result<std::vector<qint64>> selectIds(const QSqlDatabase &db, const QString &sql, const QVariantList &bindings)
{
    auto rows = RowStream::open(db, sql, bindings);
    if (!rows.ok())
        return rows.error();
    std::vector<qint64> ids;
    if (auto r = rows.value()->each([&ids](const RowStream &row) { ids.push_back(row.integer(0)); }); !r.ok())
        return r.error();
    return ids;
}

std::unique_ptr<CopyWriter> CopyWriter::create(const QSqlDatabase &db, const QString &table, const QStringList &columns)
{
    PGconn *connection = driverHandle<PGconn>(db, "pg_conn*");
    if (!connection)
        return nullptr;
    // PostgreSQL refuses COPY FROM into a table with row-level security (on while a volunteer is limited to
    // sections): the caller then inserts row by row, each row checked by the server's policies.
    QSqlQuery probe(db);
    probe.prepare(QStringLiteral("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(?)"));
    probe.addBindValue(table);
    if (!probe.exec() || !probe.next() || probe.value(0).toBool())
        return nullptr;
    probe.finish();
    const QByteArray command =
        QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table, columns.join(QStringLiteral(", "))).toUtf8();
    return std::unique_ptr<CopyWriter>(new CopyWriter(connection, command));
}

CopyWriter::~CopyWriter()
{
    abandon();
}

void CopyWriter::abandon()
{
    if (m_open)
        (void)end("abandoned"); // the server discards the rows; the transaction fails
    m_rows = 0;
    m_buffer.resize(0);
}

void CopyWriter::separate()
{
    if (m_rowStarted)
        m_buffer += '\t';
    m_rowStarted = true;
}

void CopyWriter::addText(const QString &value)
{
    separate();
    escapeInto(m_buffer, value.toUtf8());
}

void CopyWriter::addInt(qint64 value)
{
    separate();
    m_buffer += QByteArray::number(value);
}

void CopyWriter::addNull()
{
    separate();
    m_buffer += "\\N";
}

Core::Result<void> CopyWriter::endRow()
{
    m_buffer += '\n';
    m_rowStarted = false;
    ++m_rows;
    if (m_buffer.size() >= 256 * 1024)
        return send();
    return {};
}

// The COPY stays open while rows come: the server stores them on its own core while the next ones are
// read and checked on this one.
Core::Result<void> CopyWriter::send()
{
    auto *connection = static_cast<PGconn *>(m_connection);
    if (!m_open) {
        PGresult *result = PQexec(connection, m_command.constData());
        const bool copying = result && PQresultStatus(result) == PGRES_COPY_IN;
        Core::Result<void> outcome;
        if (!copying)
            outcome = serverError(connection, result, QStringLiteral("copy"));
        PQclear(result);
        if (!copying)
            return outcome;
        m_open = true;
    }
    const bool sent = m_buffer.isEmpty() || PQputCopyData(connection, m_buffer.constData(), int(m_buffer.size())) == 1;
    m_buffer.resize(0);
    if (!sent)
        return end("Carnet could not send the rows");
    return {};
}

Core::Result<void> CopyWriter::end(const char *failure)
{
    auto *connection = static_cast<PGconn *>(m_connection);
    m_open = false;
    m_rows = 0;
    m_buffer.resize(0);
    Core::Result<void> outcome;
    const bool ended = PQputCopyEnd(connection, failure) == 1;
    PGresult *result = PQgetResult(connection);
    if (failure || !ended || !result || PQresultStatus(result) != PGRES_COMMAND_OK)
        outcome = serverError(connection, result, QStringLiteral("copy"));
    for (; result; result = PQgetResult(connection))
        PQclear(result);
    return outcome;
}

Core::Result<void> CopyWriter::flush()
{
    if (!hasPending())
        return {};
    if (auto r = send(); !r.ok())
        return r;
    return end(nullptr);
}

Core::Result<QString> passwordVerifier(const QSqlDatabase &db, const QString &login, const QString &password)
{
    PGconn *connection = driverHandle<PGconn>(db, "pg_conn*");
    if (!connection)
        return Core::Error::make(Core::Error::Code::Storage, QStringLiteral("not a PostgreSQL connection"));
    // The server's own algorithm (password_encryption: SCRAM-SHA-256 on PostgreSQL 14 and later).
    char *verifier =
        PQencryptPasswordConn(connection, password.toUtf8().constData(), login.toUtf8().constData(), nullptr);
    if (!verifier)
        return Database::serverErrorFrom(QString(), QString::fromUtf8(PQerrorMessage(connection)).trimmed(),
                                         QStringLiteral("password"));
    const QString out = QString::fromUtf8(verifier);
    PQfreemem(verifier);
    return out;
}

} // namespace Storage
