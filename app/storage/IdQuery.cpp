#include "IdQuery.h"

#include "Database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace Storage {

namespace {
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Core::Error sqliteError(sqlite3 *handle, int code)
{
    QSqlError error(QStringLiteral("sqlite"), QString::fromUtf8(sqlite3_errmsg(handle)), QSqlError::StatementError,
                    QString::number(code));
    return Database::errorFrom(error, QStringLiteral("ids"));
}
} // namespace

Core::Result<std::vector<qint64>> selectIds(const QSqlDatabase &db, const QString &sql, const QVariantList &bindings)
{
    std::vector<qint64> ids;
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        // PostgreSQL: the whole result at once (Qt's forward-only mode there fetches row by row, each row a
        // round of libpq allocations — several times slower for a million ids, which take only megabytes).
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &b : bindings)
            q.addBindValue(b);
        if (auto r = exec(q, QStringLiteral("ids")); !r.ok())
            return r.error();
        while (q.next())
            ids.push_back(q.value(0).toLongLong());
        return ids;
    }
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    int rc = sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &statement, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(handle, rc);
    int index = 1;
    for (const QVariant &b : bindings) {
        if (b.isNull()) {
            rc = sqlite3_bind_null(statement, index++);
        } else if (b.typeId() == QMetaType::LongLong || b.typeId() == QMetaType::Int) {
            rc = sqlite3_bind_int64(statement, index++, b.toLongLong());
        } else {
            const QByteArray text = b.toString().toUtf8();
            rc = sqlite3_bind_text(statement, index++, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) {
            sqlite3_finalize(statement);
            return sqliteError(handle, rc);
        }
    }
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
        ids.push_back(sqlite3_column_int64(statement, 0));
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE)
        return sqliteError(handle, rc);
    return ids;
}

} // namespace Storage
