#include "DatabaseCopy.h"

#include "Database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>
#include <vector>

using Core::Error;
using Core::Result;

namespace Storage {

namespace {

constexpr int kRowsPerInsert = 200;

// Rows of `table` worth comparing and copying: everything but the engines' own bookkeeping.
QString selectAll(const QString &table)
{
    if (table == QLatin1String("settings"))
        return QStringLiteral("SELECT * FROM settings WHERE key NOT LIKE 'storage.%'");
    return QStringLiteral("SELECT * FROM %1").arg(table); // names from Database::tables()
}

void addValue(QCryptographicHash &row, const QVariant &v)
{
    if (v.isNull()) {
        row.addData("n;");
        return;
    }
    if (v.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = v.toByteArray();
        row.addData(QByteArray("b" + QByteArray::number(bytes.size()) + ':'));
        row.addData(bytes);
    } else {
        const QByteArray text = v.toString().toUtf8();
        row.addData(QByteArray("s" + QByteArray::number(text.size()) + ':'));
        row.addData(text);
    }
}

Error cancelled()
{
    return Error::make(Error::Code::Cancelled,
                       QCoreApplication::translate("Storage::DatabaseCopy",
                                                   "The copy was cancelled; nothing was written to the target."));
}

} // namespace

QJsonObject DatabaseCopy::Report::toJson() const
{
    QJsonObject tables;
    for (auto it = target.cbegin(); it != target.cend(); ++it) {
        QJsonObject t{{QStringLiteral("rows"), it.value().rows}, {QStringLiteral("checksum"), it.value().checksum}};
        const Table s = source.value(it.key());
        if (!(s == it.value())) {
            t.insert(QStringLiteral("source_rows"), s.rows);
            t.insert(QStringLiteral("source_checksum"), s.checksum);
        }
        tables.insert(it.key(), t);
    }
    return {{QStringLiteral("tables"), tables}, {QStringLiteral("ok"), ok()}};
}

Result<QMap<QString, DatabaseCopy::Table>> DatabaseCopy::checksums(Database &database)
{
    QMap<QString, Table> out;
    for (const QString &table : Database::tables()) {
        QSqlQuery q(database.connection());
        q.setForwardOnly(true); // nothing else runs on the connection meanwhile
        if (!q.exec(selectAll(table)))
            return Database::errorFrom(q.lastError(), QStringLiteral("checksum ") + table);
        const QSqlRecord record = q.record();
        QList<int> order;
        for (int i = 0; i < record.count(); ++i)
            order.append(i);
        std::sort(order.begin(), order.end(), [&](int a, int b) { return record.fieldName(a) < record.fieldName(b); });
        std::vector<QByteArray> digests;
        while (q.next()) {
            QCryptographicHash row(QCryptographicHash::Sha256);
            for (int i : std::as_const(order)) {
                row.addData(QByteArray(record.fieldName(i).toUtf8() + '='));
                addValue(row, q.value(i));
            }
            digests.push_back(row.result());
        }
        std::sort(digests.begin(), digests.end());
        QCryptographicHash all(QCryptographicHash::Sha256);
        for (const QByteArray &d : digests)
            all.addData(d);
        out.insert(table, Table{qint64(digests.size()), QString::fromLatin1(all.result().toHex())});
    }
    return out;
}

Result<bool> DatabaseCopy::holdsData(Database &database)
{
    QSqlQuery q(database.connection());
    for (const QString &table : Database::tables()) {
        if (table == QLatin1String("purposes")) {
            // The two built-in purposes every new member file starts with.
            if (!q.exec(QStringLiteral("SELECT count(*) FROM purposes WHERE builtin = 0")) || !q.next())
                return Database::errorFrom(q.lastError(), table);
        } else if (!q.exec(QStringLiteral("SELECT count(*) FROM (%1) AS t").arg(selectAll(table))) || !q.next()) {
            return Database::errorFrom(q.lastError(), table);
        }
        if (q.value(0).toLongLong() > 0)
            return true;
    }
    return false;
}

Result<DatabaseCopy::Report> DatabaseCopy::copy(Database &source, Database &target, const Progress &progress)
{
    if (source.schemaVersion() != target.schemaVersion())
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Storage::DatabaseCopy",
                                                       "The two member files are at different schema versions (%1 "
                                                       "and %2).")
                               .arg(source.schemaVersion())
                               .arg(target.schemaVersion()));
    auto busy = holdsData(target);
    if (!busy.ok())
        return busy.error();
    if (busy.value())
        return Error::make(Error::Code::Conflict,
                           QCoreApplication::translate("Storage::DatabaseCopy",
                                                       "%1 already holds members or other data: a member file is "
                                                       "copied only into an empty database. Nothing was written.")
                               .arg(target.displayName()));

    QMap<QString, qint64> totals;
    {
        QSqlQuery q(source.connection());
        for (const QString &table : Database::tables()) {
            if (!q.exec(QStringLiteral("SELECT count(*) FROM (%1) AS t").arg(selectAll(table))) || !q.next())
                return Database::errorFrom(q.lastError(), table);
            totals.insert(table, q.value(0).toLongLong());
        }
    }

    auto written = target.write([&]() -> Result<void> {
        QSqlQuery t(target.connection());
        // The new file's own starting rows give way to the source's.
        if (!t.exec(QStringLiteral("DELETE FROM purposes")))
            return Database::errorFrom(t.lastError(), QStringLiteral("purposes"));
        for (const QString &table : Database::tables()) {
            // The marks the target's triggers made while the ledger was copied give way to the source's own.
            if (table == QLatin1String("consent_status_pending") &&
                !t.exec(QStringLiteral("DELETE FROM consent_status_pending")))
                return Database::errorFrom(t.lastError(), table);
            QSqlQuery s(source.connection());
            s.setForwardOnly(true);
            if (!s.exec(selectAll(table)))
                return Database::errorFrom(s.lastError(), QStringLiteral("read ") + table);
            const QSqlRecord record = s.record();
            QStringList columns;
            for (int i = 0; i < record.count(); ++i)
                columns.append(record.fieldName(i)); // the schema's own column names
            QStringList oneRow;
            for (int i = 0; i < columns.size(); ++i)
                oneRow.append(QStringLiteral("?"));
            const QString rowMarks = QLatin1Char('(') + oneRow.join(QStringLiteral(", ")) + QLatin1Char(')');
            auto insertFor = [&](int rows) {
                QStringList all;
                for (int i = 0; i < rows; ++i)
                    all.append(rowMarks);
                return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                    .arg(table, columns.join(QStringLiteral(", ")), all.join(QStringLiteral(", ")));
            };
            QSqlQuery full(target.connection());
            full.prepare(insertFor(kRowsPerInsert));
            QVariantList pending;
            qint64 done = 0;
            auto flush = [&]() -> Result<void> {
                const int rows = int(pending.size() / std::max<qsizetype>(1, columns.size()));
                if (rows == 0)
                    return {};
                QSqlQuery partial(target.connection());
                QSqlQuery &insert = rows == kRowsPerInsert ? full : partial;
                if (&insert == &partial)
                    partial.prepare(insertFor(rows));
                for (const QVariant &v : std::as_const(pending))
                    insert.addBindValue(v);
                if (!insert.exec())
                    return Database::errorFrom(insert.lastError(), QStringLiteral("write ") + table);
                done += rows;
                pending.clear();
                if (progress && !progress(table, done, totals.value(table)))
                    return cancelled();
                return {};
            };
            while (s.next()) {
                for (int i = 0; i < columns.size(); ++i)
                    pending.append(s.value(i));
                if (pending.size() >= kRowsPerInsert * columns.size()) {
                    if (auto r = flush(); !r.ok())
                        return r;
                }
            }
            if (s.lastError().isValid())
                return Database::errorFrom(s.lastError(), QStringLiteral("read ") + table);
            if (auto r = flush(); !r.ok())
                return r;
            if (progress && !progress(table, totals.value(table), totals.value(table)))
                return cancelled();
        }
        return target.advanceSequences();
    });
    if (!written.ok())
        return written.error();
    (void)target.analyze(); // statistics for the planner, and PostgreSQL's visibility map, before first use

    Report report;
    auto from = checksums(source);
    if (!from.ok())
        return from.error();
    auto to = checksums(target);
    if (!to.ok())
        return to.error();
    report.source = from.value();
    report.target = to.value();
    return report;
}

} // namespace Storage
