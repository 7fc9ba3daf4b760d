#pragma once

#include "TableSource.h"

#include <memory>

class QIODevice;

namespace Import {

class ZipArchive;

// One sheet's rows, streamed out of the spreadsheet's XML (an .xlsx worksheet or an .ods table).
class SheetReader
{
public:
    virtual ~SheetReader() = default;
    // The next row holding something, its cells as the user saw them (trailing empty cells dropped);
    // false at the end or on an error (error() says which).
    virtual bool nextRow(QStringList &cells, qint64 &row) = 0;
    virtual QString error() const = 0;
    // A problem the reader met but read past (a cell beyond the last column a spreadsheet can have…).
    virtual QList<LineProblem> takeProblems() { return {}; }
    // After the last row: the rest of the part read through, so that its checksum is checked (a damaged
    // file must not pass for a whole one). Empty, or why it is damaged.
    QString drain();

protected:
    QIODevice *m_source = nullptr; // the part being read
};

// An .xlsx (Office Open XML, transitional or strict) or .ods (OpenDocument) member file, read without
// expanding it: one sheet's XML is parsed as it is inflated, shared strings aside. Sheets listed with
// their rows and whether they are hidden; the workbook's active sheet unless another is named.
class SpreadsheetFile : public TableSource
{
public:
    ~SpreadsheetFile() override;
    static Core::Result<std::unique_ptr<SpreadsheetFile>> open(const QString &path, const ReadOptions &options = {});

    FileFormat format() const override { return m_format; }
    qint64 size() const override;
    qint64 position() const override;
    bool next(CsvRecord &record) override;
    QList<SheetInfo> sheets() const override;
    int sheet() const override { return m_sheet; }
    QString sheetName() const override { return m_sheetName; }

    struct Workbook; // what the workbook says of its sheets, styles and strings

private:
    SpreadsheetFile();
    bool fetch(CsvRecord &record);

    FileFormat m_format = FileFormat::Xlsx;
    QString m_path;
    std::unique_ptr<ZipArchive> m_archive;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<SheetReader> m_reader;
    int m_sheet = 0;
    QString m_sheetName;
    qint64 m_sheetSize = 0;
    qint64 m_lastRow = 0; // the last row read
    qint64 m_startInflated = 0;
    QList<CsvRecord> m_lookahead;
    QList<bool> m_keptColumns;
};

} // namespace Import
