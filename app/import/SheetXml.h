#pragma once

#include "core/Result.h"

#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace Import {

struct LineProblem;

// What the .xlsx and .ods readers share: the limits, the guarded XML step, attributes by local name,
// cell references and the placing of a cell in its row.
namespace SheetXml {

constexpr int kMaxColumns = 16384;   // XFD, the last column of Excel and LibreOffice
constexpr qint64 kMaxRows = 1 << 24; // beyond any spreadsheet program's last row

Core::Error invalid(const QString &message);
// Every token read through here: a document type declaration (and with it any entity declaration) is
// refused before anything it declares could be expanded.
QXmlStreamReader::TokenType step(QXmlStreamReader &xml);
// An attribute by its local name, whatever its namespace (transitional and strict .xlsx differ there).
QStringView attribute(const QXmlStreamReader &xml, QLatin1StringView name);
// Cell references: "AB12" → column 27 (0-based), row 12.
bool parseReference(QStringView ref, int *column, qint64 *row);
void place(QStringList &cells, int column, const QString &text);
// The text of an element holding <t> runs (a shared string, an inline string): rich-text runs joined,
// phonetic guides (<rPh>) skipped, _xHHHH_ escapes undone. Consumes the element.
QString richText(QXmlStreamReader &xml);
// An ISO date, or date and time when the time is not midnight.
QString isoDateTime(const QString &text);
QString parentDirectory(const QString &part);
// A relationship's target, relative to the part that names it, as a path inside the zip.
QString resolveTarget(const QString &base, const QString &target);

} // namespace SheetXml
} // namespace Import
