#include "TableExport.h"

#include "Report.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

using Core::Error;
using Core::Result;

namespace Reports {

namespace {

QString csvText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    if (value.typeId() == QMetaType::QDate)
        return value.toDate().toString(Qt::ISODate);
    return value.toString();
}

// A JSON value as a cell: dates and date-times typed, numbers numbers, objects and lists as compact JSON.
QVariant cellOf(const QJsonValue &value)
{
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression dateTime(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$"));
    switch (value.type()) {
    case QJsonValue::String: {
        const QString text = value.toString();
        if (date.match(text).hasMatch()) {
            const QDate d = QDate::fromString(text, Qt::ISODate);
            if (d.isValid())
                return d;
        } else if (dateTime.match(text).hasMatch()) {
            const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (dt.isValid())
                return dt;
        }
        return text;
    }
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return qint64(d);
        return d;
    }
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default: return QVariant();
    }
}

CellType typeOf(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QDate: return CellType::Date;
    case QMetaType::QDateTime: return CellType::DateTime;
    case QMetaType::LongLong:
    case QMetaType::Double: return CellType::Number;
    default: return CellType::Text;
    }
}

Table fieldsTable(const QString &name, const QJsonObject &object)
{
    Table table{name,
                {{QCoreApplication::translate("Reports::TableExport", "Field"), CellType::Text},
                 {QCoreApplication::translate("Reports::TableExport", "Value"), CellType::Text}},
                {}};
    for (auto it = object.begin(); it != object.end(); ++it)
        table.rows.append({it.key(), cellOf(it.value())});
    return table;
}

// Records as rows, their keys as columns in the order first met; `keyColumn` names a first column holding
// each record's key when the records came as an object (consent by purpose).
Table recordsTable(const QString &name, const QList<std::pair<QString, QJsonObject>> &records, const QString &keyColumn)
{
    QStringList keys;
    for (const auto &[key, record] : records) {
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (!keys.contains(it.key()))
                keys.append(it.key());
        }
    }
    Table table{name, {}, {}};
    if (!keyColumn.isEmpty())
        table.columns.append({keyColumn, CellType::Text});
    for (const QString &k : keys)
        table.columns.append({k, CellType::Text});
    for (const auto &[key, record] : records) {
        QVariantList row;
        if (!keyColumn.isEmpty())
            row.append(key);
        for (const QString &k : keys)
            row.append(cellOf(record.value(k)));
        table.rows.append(row);
    }
    // A column's type from what it holds (a date column stays a date column for whoever types in it).
    const qsizetype first = keyColumn.isEmpty() ? 0 : 1;
    for (qsizetype c = first; c < table.columns.size(); ++c) {
        for (const QVariantList &row : table.rows) {
            if (!row[c].isNull()) {
                table.columns[c].type = typeOf(row[c]);
                break;
            }
        }
    }
    return table;
}

} // namespace

std::optional<SpreadsheetWriter::Format> spreadsheetFormatOf(const QString &path)
{
    SpreadsheetWriter::Format format;
    if (SpreadsheetWriter::formatFromName(QFileInfo(path).suffix(), &format))
        return format;
    return std::nullopt;
}

Result<void> writeTables(const QString &path, const std::optional<SpreadsheetWriter::Format> &spreadsheet,
                         const QList<Table> &tables, const QString &title)
{
    if (spreadsheet) {
        SpreadsheetWriter::Options options;
        options.title = title;
        auto writer = SpreadsheetWriter::create(*spreadsheet, path, options);
        for (const Table &table : tables) {
            if (auto s = writer->addSheet(table.name, table.columns); !s.ok())
                return s;
            for (const QVariantList &row : table.rows) {
                if (auto r = writer->addRow(row); !r.ok())
                    return r;
            }
        }
        return writer->commit();
    }
    // A CSV holds one table: the first.
    QString csv = QStringLiteral("\xFEFF");
    auto line = [&csv](const QStringList &cells) {
        QStringList quoted;
        for (const QString &c : cells) {
            QString cell = csvCell(c, QLatin1Char(';'));
            if (!cell.startsWith(QLatin1Char('"')))
                cell = QLatin1Char('"') + cell + QLatin1Char('"');
            quoted.append(cell);
        }
        csv += quoted.join(QLatin1Char(';')) + QStringLiteral("\r\n");
    };
    if (!tables.isEmpty()) {
        QStringList header;
        for (const SheetColumn &c : tables.first().columns)
            header.append(c.title);
        line(header);
        for (const QVariantList &row : tables.first().rows) {
            QStringList cells;
            for (const QVariant &v : row)
                cells.append(csvText(v));
            line(cells);
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.toUtf8()) < 0 || !file.commit())
        return Error::make(Error::Code::Storage,
                           QCoreApplication::translate("Reports::TableExport", "Cannot write %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

Table auditTable(const QList<Storage::AuditEntry> &newestFirst)
{
    Table table{QCoreApplication::translate("Reports::TableExport", "Audit log"),
                {{QCoreApplication::translate("Reports::TableExport", "When"), CellType::DateTime},
                 {QCoreApplication::translate("Reports::TableExport", "Who"), CellType::Text},
                 {QCoreApplication::translate("Reports::TableExport", "What"), CellType::Text},
                 {QCoreApplication::translate("Reports::TableExport", "Member"), CellType::Number},
                 {QCoreApplication::translate("Reports::TableExport", "Details"), CellType::Text}},
                {}};
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        table.rows.append(
            {it->at, it->actor, it->actionLabel(), it->memberId ? QVariant(it->memberId) : QVariant(), it->summary()});
    return table;
}

QList<Table> accessTables(const QJsonObject &exported)
{
    // The first sheet: the member's fields, then what each other part holds (a count, or its value).
    Table summary = fieldsTable(QCoreApplication::translate("Reports::TableExport", "Member"),
                                exported.value(QStringLiteral("member")).toObject());
    QList<Table> rest;
    for (auto it = exported.begin(); it != exported.end(); ++it) {
        if (it.key() == QLatin1String("member"))
            continue;
        const QJsonValue v = it.value();
        if (v.isArray()) {
            summary.rows.append({it.key(), qint64(v.toArray().size())});
            QList<std::pair<QString, QJsonObject>> records;
            for (const QJsonValue &r : v.toArray())
                records.append(
                    {QString(), r.isObject()
                                    ? r.toObject()
                                    : QJsonObject{{QCoreApplication::translate("Reports::TableExport", "Value"), r}}});
            if (!records.isEmpty())
                rest.append(recordsTable(it.key(), records, QString()));
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            const bool byKey =
                !o.isEmpty() && std::all_of(o.begin(), o.end(), [](const QJsonValue &x) { return x.isObject(); });
            QList<std::pair<QString, QJsonObject>> records;
            if (byKey) {
                for (auto r = o.begin(); r != o.end(); ++r)
                    records.append({r.key(), r.value().toObject()});
                rest.append(
                    recordsTable(it.key(), records, QCoreApplication::translate("Reports::TableExport", "Key")));
            } else {
                rest.append(fieldsTable(it.key(), o));
            }
            summary.rows.append({it.key(), qint64(o.size())});
        } else {
            summary.rows.append({it.key(), cellOf(v)});
        }
    }
    return QList<Table>{summary} + rest;
}

} // namespace Reports
