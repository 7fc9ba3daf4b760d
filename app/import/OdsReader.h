#pragma once

#include "SheetReader.h"
#include "Workbook.h"
#include "core/Result.h"

#include <QXmlStreamReader>

#include <atomic>
#include <memory>

namespace Import {

class OdsTableReader;
class ZipArchive;

// .ods (OpenDocument): content.xml positioned at one table (by name, or by index when the name is
// empty), with the reader of its rows. Owns the device and the XML reader the table reader reads from.
class OdsSheetReader : public SheetReader
{
public:
    explicit OdsSheetReader(std::unique_ptr<QIODevice> device);
    ~OdsSheetReader() override;

    // Goes to the table; its index among the workbook's tables in `index`. False when there is none.
    bool seek(const QString &name, int *index);
    bool nextRow(QStringList &cells, qint64 &row) override;
    QString error() const override;
    QList<LineProblem> takeProblems() override;
    QString tableName() const { return m_name; }

private:
    QString m_name;
    std::unique_ptr<QIODevice> m_device;
    QXmlStreamReader m_xml;
    std::unique_ptr<OdsTableReader> m_table;
};

// Every table of content.xml: names, hidden or not, rows holding something. One pass over the file.
Core::Result<void> listOdsSheets(ZipArchive &archive, Workbook &workbook, const std::atomic<bool> *cancel = nullptr);
// The sheet the user had open when the file was saved (settings.xml's ActiveTable).
QString odsActiveTable(ZipArchive &archive);

} // namespace Import
