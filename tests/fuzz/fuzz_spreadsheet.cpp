// libFuzzer target for the spreadsheet path: arbitrary bytes as an .xlsx or .ods file, through the zip
// layer (libzip, our inflation with its limits), the XML readers and the cell formats. Beyond "no crash,
// no sanitizer report": a file either opens or says why in words, and a file that opens reads to its end
// or stops with a message — never both silent and short.
#include "import/TableSource.h"

#include <QDir>
#include <QFile>

#include <cstdlib>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path =
        QDir::temp().filePath(QStringLiteral("carnet-fuzz-spreadsheet-%1.xlsx").arg(qint64(getpid())));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    auto opened = Import::TableSource::open(path);
    if (!opened.ok()) {
        if (opened.error().message.isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    Import::TableSource &file = *opened.value();
    Import::CsvRecord record;
    qint64 previous = 0;
    for (int rows = 0; rows < 20000 && file.next(record); ++rows) {
        if (record.line < previous) // rows come in the order of the sheet
            std::abort();
        previous = record.line;
    }
    if (file.readError() && file.readError()->message.isEmpty())
        std::abort();
    const QList<Import::SheetInfo> sheets = file.sheets();
    if (file.format() != Import::FileFormat::Csv && (file.sheet() < 0 || file.sheet() >= sheets.size()))
        std::abort(); // the sheet read is one of the sheets listed
    return 0;
}
