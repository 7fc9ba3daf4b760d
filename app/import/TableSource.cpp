#include "TableSource.h"

#include "CsvFile.h"
#include "SpreadsheetFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

using Core::Error;

namespace Import {

namespace {

Error invalid(const QString &message)
{
    return Error::make(Error::Code::Invalid, message);
}

// An OLE2 compound file (D0 CF 11 E0): an Excel 97–2003 .xls, or an .xlsx encrypted with a password
// (Office keeps the encrypted workbook in a stream named "EncryptedPackage").
bool holdsEncryptedPackage(QFile &file)
{
    const QByteArray name = QByteArray("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    file.seek(0);
    QByteArray carry;
    for (qint64 read = 0; read < (qint64(64) << 20);) { // the directory is near the start or the end
        const QByteArray chunk = file.read(1 << 20);
        if (chunk.isEmpty())
            break;
        read += chunk.size();
        const QByteArray window = carry + chunk;
        if (window.contains(name))
            return true;
        carry = chunk.right(name.size());
    }
    return false;
}

} // namespace

QString formatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Csv: return QStringLiteral("csv");
    case FileFormat::Xlsx: return QStringLiteral("xlsx");
    case FileFormat::Ods: return QStringLiteral("ods");
    }
    return QString();
}

Core::Result<std::unique_ptr<TableSource>> TableSource::open(const QString &path, const ReadOptions &options)
{
    QFile file(path);
    const QFileInfo info(path);
    QByteArray head;
    if (info.isFile() && file.open(QIODevice::ReadOnly))
        head = file.read(512);
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06")) {
        auto sheet = SpreadsheetFile::open(path, options);
        if (!sheet.ok())
            return sheet.error();
        return std::unique_ptr<TableSource>(std::move(sheet).value());
    }
    if (head.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        if (holdsEncryptedPackage(file))
            return invalid(QCoreApplication::translate(
                               "Import::TableSource",
                               "%1 is protected by a password: open it in Excel, remove the password (File › Info › "
                               "Protect Workbook › Encrypt with Password, then clear it), save it again, then import "
                               "it.")
                               .arg(info.fileName()));
        return invalid(QCoreApplication::translate(
                           "Import::TableSource",
                           "%1 is an old Excel 97–2003 workbook (.xls), which Carnet does not read. Open it in "
                           "Excel or LibreOffice Calc and use File › Save as › Excel workbook (.xlsx) or "
                           "OpenDocument spreadsheet (.ods), then import that file.")
                           .arg(info.fileName()));
    }
    // A web page saved under a spreadsheet's name (some web sites' "Excel" exports are HTML tables).
    const QByteArray start = head.trimmed().left(64).toLower();
    if (start.startsWith("<html") || start.startsWith("<!doctype html") || start.startsWith("<table") ||
        (start.startsWith("<?xml") && head.contains("urn:schemas-microsoft-com:office:spreadsheet")))
        return invalid(QCoreApplication::translate(
                           "Import::TableSource",
                           "%1 is a web page (or an Excel 2003 XML file) with a spreadsheet's name, not a "
                           "spreadsheet. Open it in Excel or LibreOffice Calc, save it as .xlsx, .ods or CSV, then "
                           "import that file.")
                           .arg(info.fileName()));
    // Anything else is read as the text it is (a CSV named .xlsx is read as a CSV).
    auto csv = CsvFile::open(path, options);
    if (!csv.ok())
        return csv.error();
    return std::unique_ptr<TableSource>(std::move(csv).value());
}

} // namespace Import
