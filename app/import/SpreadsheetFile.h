#pragma once

#include "SheetReader.h"
#include "TableSource.h"

#include <memory>

namespace Import {

class ZipArchive;
struct Workbook;

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
    using TableSource::sheets;
    QList<SheetInfo> sheets(const std::atomic<bool> *cancel) const override;
    int sheet() const override { return m_sheet; }
    QString sheetName() const override { return m_sheetName; }

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
