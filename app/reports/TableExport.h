#pragma once

#include "SpreadsheetWriter.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QVariantList>

#include <optional>

namespace Storage {
struct AuditEntry;
}

namespace Reports {

// A small table for a file: the audit log, a member's access export.
struct Table
{
    QString name;
    QList<SheetColumn> columns;
    QList<QVariantList> rows;
};

// Where a table goes: a CSV for Excel (UTF-8 with a BOM, ";", every cell quoted and a leading = + - @
// neutralised) when `spreadsheet` is empty, otherwise an .xlsx or .ods with one sheet a table. Written whole
// or not at all.
Core::Result<void> writeTables(const QString &path, const std::optional<SpreadsheetWriter::Format> &spreadsheet,
                               const QList<Table> &tables, const QString &title);

// The format a file's name asks for: .xlsx and .ods are spreadsheets, anything else a CSV.
std::optional<SpreadsheetWriter::Format> spreadsheetFormatOf(const QString &path);

// The audit log as a table, oldest first: when (a date-time), who, what, member, details.
Table auditTable(const QList<Storage::AuditEntry> &newestFirst);

// A member's access export (MemberPrivacy::exportMember's JSON) as tables: the member's fields and every
// other object as two columns (field, value), every list of records as a table of its own; dates and
// date-times as such.
QList<Table> accessTables(const QJsonObject &exported);

} // namespace Reports
