#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <memory>
#include <type_traits>
#include <vector>

namespace Storage {

// The reads and writes of many rows, through each engine's own bulk path rather than one QVariant per
// value: on SQLite a statement stepped through its C API; on PostgreSQL libpq's COPY protocol, text
// format (`COPY (SELECT …) TO STDOUT`, `COPY table FROM STDIN`). The one place besides
// DatabaseServer.cpp and SqliteStatement.cpp that knows which engine it talks to.

// A query's rows, one at a time. Placeholders are `?`; on PostgreSQL the bound values are written into
// the statement as escaped literals (COPY takes no parameters). While a stream is open nothing else may
// run on its connection (on PostgreSQL the connection is in COPY mode); a stream left before its end
// reads the rest first.
class RowStream
{
public:
    static Core::Result<std::unique_ptr<RowStream>> open(const QSqlDatabase &db, const QString &sql,
                                                         const QVariantList &bindings = {});
    virtual ~RowStream() = default;

    virtual Core::Result<bool> next() = 0; // false at the end
    // The current row's columns (0-based); the text is UTF-8, valid until the next call to next().
    virtual bool isNull(int column) const = 0;
    virtual QByteArrayView utf8(int column) const = 0;
    QString text(int column) const { return QString::fromUtf8(utf8(column)); }

    // Calls visit(*this) for each remaining row; a visit that returns false stops there.
    template<typename Visit>
    Core::Result<void> each(Visit visit)
    {
        for (;;) {
            auto more = next();
            if (!more.ok())
                return more.error();
            if (!more.value())
                return {};
            if constexpr (std::is_same_v<decltype(visit(*this)), bool>) {
                if (!visit(*this))
                    return {};
            } else {
                visit(*this);
            }
        }
    }
    virtual qint64 integer(int column) const = 0; // 0 for NULL

protected:
    RowStream() = default;
};

// All the integers of a one-column query (a million ids in a fraction of a second on either engine).
Core::Result<std::vector<qint64>> selectIds(const QSqlDatabase &db, const QString &sql, const QVariantList &bindings);

// Rows for one table written in bulk on PostgreSQL through one `COPY … FROM STDIN`, sent as they come
// (every 256 KiB) and ended by flush(). Until then the rows are not in the table, and nothing else may
// run on the connection: flush() first. A failed COPY (a constraint, the connection lost) fails the
// whole transaction. create() returns nullptr on SQLite, where a prepared insert through
// SqliteStatement is as fast.
// `COPY table FROM STDIN` on PostgreSQL. create() gives nullptr on SQLite, and on a table with row-level
// security (which PostgreSQL does not COPY into): the caller inserts row by row.
class CopyWriter
{
public:
    static std::unique_ptr<CopyWriter> create(const QSqlDatabase &db, const QString &table, const QStringList &columns);
    ~CopyWriter();

    void addText(const QString &value);
    void addInt(qint64 value);
    void addNull();
    Core::Result<void> endRow();
    Core::Result<void> flush();
    // Ends a COPY under way without its rows, so that the connection can roll back (an import that
    // failed or was cancelled).
    void abandon();
    bool hasPending() const { return m_open || m_rows > 0; }

private:
    CopyWriter(void *connection, QByteArray command) : m_connection(connection), m_command(std::move(command)) {}
    void separate();
    Core::Result<void> send();
    Core::Result<void> end(const char *failure);
    void *m_connection; // PGconn
    QByteArray m_command;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    bool m_rowStarted = false;
    bool m_open = false; // the COPY is under way on the connection
};

// A new login's password as the server stores it (a SCRAM verifier computed here by libpq): the password
// itself never reaches the server, its logs or pg_stat_activity.
Core::Result<QString> passwordVerifier(const QSqlDatabase &db, const QString &login, const QString &password);

} // namespace Storage
