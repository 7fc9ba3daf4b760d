#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

#include <memory>
#include <vector>

class QTemporaryFile;

namespace Reports {

// What a column holds, for its width and for the style of its empty cells (a text column stays text when
// someone types 01310 into it later).
enum class CellType { Text, Number, Date, DateTime };

struct SheetColumn
{
    QString title;
    CellType type = CellType::Text;
};

// Writes a real spreadsheet (.xlsx or .ods) as rows come, without holding the sheet in memory: each
// sheet's rows go to a temporary file as XML, and commit() zips the parts (libzip) into a temporary file
// beside the destination, renamed over it at the end — a failure or a cancel leaves any previous file as
// it was. Cells keep their type: a QString is always a text cell (01310, +33 6…, "=1+1" are text, no
// formula is ever written), a QDate or QDateTime a date with a date format, an integer or a double a
// number; a null or empty value an empty cell. The header row is bold and frozen, the columns sized to
// what they hold, each sheet named after what it holds. Past the format's last row (1,048,576), the rows
// go on to a sheet of the same name with " (2)", its header repeated.
class SpreadsheetWriter
{
public:
    enum class Format { Xlsx, Ods };
    struct Options
    {
        QString title;                                      // the document's title (its properties)
        QString datePattern = QStringLiteral("yyyy-MM-dd"); // Qt's d, dd, M, MM, yy, yyyy and separators
        qint64 maxRows = 1048576; // a sheet's rows, header included: Excel's and LibreOffice's last row
    };

    static std::unique_ptr<SpreadsheetWriter> create(Format format, const QString &path, const Options &options);
    // "xlsx" or "ods" (the CLI's --format), false for anything else.
    static bool formatFromName(const QString &name, Format *format);
    static QString suffix(Format format);
    virtual ~SpreadsheetWriter();

    Core::Result<void> addSheet(const QString &name, const QList<SheetColumn> &columns);
    Core::Result<void> addRow(const QVariantList &values);
    // Writes the file; afterwards the writer is done (an error leaves the destination untouched).
    Core::Result<void> commit();
    qint64 rowsWritten() const { return m_rowsWritten; }
    // Cells longer than a spreadsheet takes (32,767 characters) shortened to fit.
    qint64 truncatedCells() const { return m_truncated; }

    static constexpr int kMaxCellChars = 32767;

    // Every part of the file, in order: small ones as bytes, a sheet's rows from its temporary file.
    struct Segment
    {
        QByteArray bytes;
        QTemporaryFile *file = nullptr;
    };
    struct Part
    {
        QString name;
        std::vector<Segment> segments;
        bool stored = false; // not compressed (an .ods's mimetype)
    };
    // A value as text (a number as written, a date in the options' pattern).
    static QString display(const QVariant &value, const QString &datePattern);
    // Text made fit for XML: markup escaped, the characters XML cannot hold dropped or, for .xlsx, escaped
    // as _xHHHH_ (with a literal "_x" escaped too, as Excel reads them back).
    static void appendEscaped(QByteArray &out, QStringView text, bool attribute, bool excelEscapes);

protected:
    struct Sheet
    {
        QString name;
        QList<SheetColumn> columns;
        std::unique_ptr<QTemporaryFile> body; // the rows' XML, header row included
        std::vector<int> widths;              // the widest value of each column, in characters
        qint64 rows = 0;                      // rows written, header included
        ~Sheet();
    };

    SpreadsheetWriter(const QString &path, const Options &options) : m_path(path), m_options(options) {}

    // One row's XML (row number from 1) appended to `out`.
    virtual void writeRow(QByteArray &out, const Sheet &sheet, const QVariantList &values, bool header) = 0;
    virtual std::vector<Part> parts() = 0;

    QString clipped(const QString &text);

    const std::vector<std::unique_ptr<Sheet>> &sheets() const { return m_sheets; }
    const Options &options() const { return m_options; }

private:
    Core::Result<void> flush();
    Core::Result<void> startSheet(const QString &name, const QList<SheetColumn> &columns);
    Core::Result<void> zip(std::vector<Part> &&parts);
    QString uniqueName(const QString &wanted) const;
    Core::Error cannotWrite(const QString &why) const;

    QString m_path;
    Options m_options;
    std::vector<std::unique_ptr<Sheet>> m_sheets;
    QByteArray m_buffer;
    qint64 m_rowsWritten = 0;
    qint64 m_truncated = 0;
    int m_continuation = 1; // sheets of the current series (one addSheet() past the last row)
    QString m_seriesName;
    bool m_done = false;
};

} // namespace Reports
