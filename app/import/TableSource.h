#pragma once

#include "CsvReader.h"
#include "EncodingDetector.h"
#include "core/Result.h"

#include <QList>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace Import {

struct ReadOptions
{
    QByteArray encoding;           // CSV: empty, detect
    QChar delimiter;               // CSV: null, detect
    std::optional<bool> hasHeader; // unset: detect
    QList<bool> keptColumns;       // data rows keep only these columns' text (see CsvReader)
    QString sheet;                 // spreadsheets: a sheet's name or its number from 1; empty, the active one
};

// Something the file did that the user should hear about, with its line (a spreadsheet's row number).
struct LineProblem
{
    qint64 line = 0;
    QString message;
};

struct SheetInfo
{
    QString name;
    qint64 rows = 0; // rows holding something, the header included
    bool hidden = false;
};

enum class FileFormat { Csv, Xlsx, Ods };

// A member file opened for reading, whatever it is: a CSV (CsvFile) or a spreadsheet (SpreadsheetFile),
// told apart by what the file holds, not by its name. The header is found (or not), then data records
// are streamed so that a million rows never sit in memory.
class TableSource
{
public:
    virtual ~TableSource() = default;
    static Core::Result<std::unique_ptr<TableSource>> open(const QString &path, const ReadOptions &options = {});

    virtual FileFormat format() const = 0;
    bool hasHeader() const { return m_hasHeader; }
    const QStringList &header() const { return m_header; }
    qint64 headerLine() const { return m_headerLine; }
    // For progress: how far into the file reading is, against its size (in the same unit).
    virtual qint64 size() const = 0;
    virtual qint64 position() const = 0;

    // The next data record; false at the end (or on a read error: see readError()).
    virtual bool next(CsvRecord &record) = 0;
    const QList<LineProblem> &problems() const { return m_problems; }
    const std::optional<Core::Error> &readError() const { return m_readError; }

    // A CSV's encoding and separator; empty for a spreadsheet.
    virtual Encoding encoding() const { return {}; }
    virtual QChar delimiter() const { return {}; }
    // A spreadsheet's sheets and the one being read (its index in sheets()); none for a CSV. Listing them may
    // take a pass over the file (an .ods, an .xlsx that does not declare its sizes): `cancel`, when set, stops
    // it, and the list is then empty.
    QList<SheetInfo> sheets() const { return sheets(nullptr); }
    virtual QList<SheetInfo> sheets(const std::atomic<bool> *cancel) const
    {
        Q_UNUSED(cancel);
        return {};
    }
    virtual int sheet() const { return -1; }
    virtual QString sheetName() const { return {}; } // without listing the sheets (an .ods takes a pass for that)

protected:
    bool m_hasHeader = true;
    QStringList m_header;
    qint64 m_headerLine = 0;
    QList<LineProblem> m_problems;
    std::optional<Core::Error> m_readError;
};

QString formatName(FileFormat format);

} // namespace Import
