#include "SpreadsheetFile.h"

#include "DialectSniffer.h"
#include "OdsReader.h"
#include "SheetXml.h"
#include "Workbook.h"
#include "XlsxReader.h"
#include "ZipArchive.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace Import {

using SheetXml::invalid;

// ---------------------------------------------------------------------------------------------------

SpreadsheetFile::SpreadsheetFile() : m_workbook(std::make_unique<Workbook>())
{}
SpreadsheetFile::~SpreadsheetFile()
{
    m_reader.reset(); // before the archive it reads from
}

Core::Result<std::unique_ptr<SpreadsheetFile>> SpreadsheetFile::open(const QString &path, const ReadOptions &options)
{
    auto opened = ZipArchive::open(path);
    if (!opened.ok())
        return opened.error();
    std::unique_ptr<SpreadsheetFile> file(new SpreadsheetFile);
    file->m_archive = std::move(opened).value();
    file->m_path = path;
    ZipArchive &archive = *file->m_archive;
    const QString fileName = archive.fileName();

    // What kind of zip: by what it holds, not by its name.
    if (archive.contains(QStringLiteral("mimetype"))) {
        auto type = archive.readAll(QStringLiteral("mimetype"), 256);
        const QByteArray mime = type.ok() ? type.value().trimmed() : QByteArray();
        if (mime != "application/vnd.oasis.opendocument.spreadsheet" &&
            mime != "application/vnd.oasis.opendocument.spreadsheet-template")
            return invalid(QCoreApplication::translate(
                               "Import::SpreadsheetFile",
                               "%1 is an OpenDocument file, but not a spreadsheet (%2). Open the member list in "
                               "LibreOffice Calc and save it as .ods.")
                               .arg(fileName, QString::fromLatin1(mime.left(80))));
        file->m_format = FileFormat::Ods;
    } else if (archive.contains(QStringLiteral("[Content_Types].xml"))) {
        auto types = archive.readAll(QStringLiteral("[Content_Types].xml"), 4 << 20);
        if (!types.ok())
            return invalid(
                QCoreApplication::translate("Import::SpreadsheetFile", "%1 cannot be read as a spreadsheet: %2")
                    .arg(fileName, types.error().message));
        if (!types.value().contains("spreadsheetml") && !types.value().contains("ms-excel.sheet"))
            return invalid(QCoreApplication::translate(
                               "Import::SpreadsheetFile",
                               "%1 is an Office document, but not a spreadsheet (a Word or PowerPoint file?). Open "
                               "the member list in Excel or LibreOffice Calc and save it as .xlsx.")
                               .arg(fileName));
        file->m_format = FileFormat::Xlsx;
    } else if (archive.contains(QStringLiteral("content.xml"))) {
        file->m_format = FileFormat::Ods;
    } else {
        return invalid(QCoreApplication::translate(
                           "Import::SpreadsheetFile",
                           "%1 is a zip archive, not a spreadsheet. Unpack it and drop the member list it holds.")
                           .arg(fileName));
    }

    Workbook &workbook = *file->m_workbook;
    if (file->m_format == FileFormat::Ods) {
        auto manifest = archive.readAll(QStringLiteral("META-INF/manifest.xml"), 4 << 20);
        if (manifest.ok() && manifest.value().contains("encryption-data"))
            return invalid(QCoreApplication::translate(
                               "Import::SpreadsheetFile",
                               "%1 is protected by a password: open it, remove the password (File › Properties › "
                               "Security in LibreOffice), save it again, then import it.")
                               .arg(fileName));
        workbook.odsActiveName = odsActiveTable(archive);
    } else {
        if (auto loaded = loadXlsx(archive, workbook); !loaded.ok())
            return loaded.error();
        if (workbook.sheets.isEmpty())
            return invalid(QCoreApplication::translate("Import::SpreadsheetFile", "%1 holds no sheet.").arg(fileName));
    }

    // The sheet: the one named, else the active one — or, when that one is empty, the first that is not.
    auto notFound = [&]() -> Core::Error {
        QStringList names;
        for (const SheetInfo &s : file->sheets())
            names.append(QStringLiteral("\"%1\"").arg(s.name));
        return invalid(QCoreApplication::translate("Import::SpreadsheetFile", "%1 has no sheet \"%2\". Its sheets: %3.")
                           .arg(fileName, options.sheet, names.join(QStringLiteral(", "))));
    };
    QString sheetName;
    int index = -1;
    if (!options.sheet.isEmpty()) {
        bool isNumber = false;
        const int number = options.sheet.toInt(&isNumber);
        const QList<SheetInfo> all = file->format() == FileFormat::Xlsx ? file->sheets() : QList<SheetInfo>();
        if (file->format() == FileFormat::Ods && !isNumber) {
            sheetName = options.sheet;
        } else if (isNumber) {
            index = number - 1;
            if (index < 0 || (file->format() == FileFormat::Xlsx && index >= all.size()))
                return notFound();
        } else {
            for (int i = 0; i < all.size() && index < 0; ++i)
                if (all[i].name == options.sheet)
                    index = i;
            for (int i = 0; i < all.size() && index < 0; ++i)
                if (all[i].name.compare(options.sheet, Qt::CaseInsensitive) == 0)
                    index = i;
            if (index < 0)
                return notFound();
        }
    } else if (file->m_format == FileFormat::Ods) {
        sheetName = workbook.odsActiveName;
        if (sheetName.isEmpty())
            index = 0;
    } else {
        index = workbook.active;
    }

    auto start = [&]() -> Core::Result<void> {
        file->m_reader.reset();
        file->m_lookahead.clear();
        file->m_startInflated = archive.inflated();
        if (file->m_format == FileFormat::Xlsx) {
            const QString part = workbook.sheets.value(index).part;
            auto device = archive.entry(part);
            if (!device)
                return invalid(
                    QCoreApplication::translate("Import::SpreadsheetFile",
                                                "%1 is not a complete spreadsheet: the sheet \"%2\" is missing.")
                        .arg(fileName, workbook.sheets.value(index).name));
            file->m_sheetSize = archive.declaredSize(part);
            file->m_reader = xlsxSheetReader(std::move(device), workbook);
            file->m_sheet = index;
            file->m_sheetName = workbook.sheets.value(index).name;
        } else {
            auto device = archive.entry(QStringLiteral("content.xml"));
            if (!device)
                return invalid(QCoreApplication::translate("Import::SpreadsheetFile",
                                                           "%1 is not a complete spreadsheet: its content is missing.")
                                   .arg(fileName));
            file->m_sheetSize = archive.declaredSize(QStringLiteral("content.xml"));
            auto reader = std::make_unique<OdsSheetReader>(std::move(device));
            int found = std::max(0, index);
            bool there = reader->seek(sheetName, &found);
            if (!there && options.sheet.isEmpty() && !sheetName.isEmpty() && reader->error().isEmpty()) {
                // The active sheet named in settings.xml is not there: the first one.
                reader = std::make_unique<OdsSheetReader>(archive.entry(QStringLiteral("content.xml")));
                found = 0;
                there = reader->seek(QString(), &found);
            }
            if (!there) {
                if (!reader->error().isEmpty())
                    return invalid(
                        QCoreApplication::translate("Import::SpreadsheetFile", "%1 cannot be read as a spreadsheet: %2")
                            .arg(fileName, !archive.lastError().isEmpty() ? archive.lastError() : reader->error()));
                if (!options.sheet.isEmpty())
                    return notFound();
                return invalid(
                    QCoreApplication::translate("Import::SpreadsheetFile", "%1 holds no sheet.").arg(fileName));
            }
            file->m_sheet = found;
            file->m_sheetName = reader->tableName();
            file->m_reader = std::move(reader);
        }
        // The first rows, to tell a header from data.
        QList<QStringList> first;
        CsvRecord record;
        while (first.size() < 20 && file->fetch(record)) {
            first.append(record.fields);
            file->m_lookahead.append(record);
        }
        if (file->m_readError)
            return *file->m_readError;
        return {};
    };
    if (auto started = start(); !started.ok())
        return started.error();
    if (file->m_lookahead.isEmpty() && options.sheet.isEmpty()) {
        const QList<SheetInfo> all = file->sheets();
        const QString empty = file->m_sheetName;
        const int tried = file->m_sheet;
        for (int i = 0; i < all.size() && file->m_lookahead.isEmpty(); ++i) {
            if (i == tried || all[i].rows <= 0 || all[i].hidden)
                continue;
            index = i;
            sheetName = file->m_format == FileFormat::Ods ? all[i].name : QString();
            if (auto started = start(); !started.ok())
                return started.error();
            if (!file->m_lookahead.isEmpty())
                file->m_problems.append(
                    {0, QCoreApplication::translate("Import::SpreadsheetFile",
                                                    "The sheet \"%1\" is empty: the sheet \"%2\" is read instead.")
                            .arg(empty, all[i].name)});
        }
    }
    if (file->m_lookahead.isEmpty()) {
        const QList<SheetInfo> all = file->sheets();
        const bool anything = std::any_of(all.begin(), all.end(), [](const SheetInfo &s) { return s.rows > 0; });
        if (!anything)
            return invalid(QCoreApplication::translate("Import::SpreadsheetFile",
                                                       "%1 is empty: none of its sheets holds anything.")
                               .arg(fileName));
        return invalid(QCoreApplication::translate("Import::SpreadsheetFile",
                                                   "The sheet \"%1\" of %2 is empty. Choose another sheet.")
                           .arg(file->m_sheetName, fileName));
    }
    QList<QStringList> first;
    for (const CsvRecord &r : std::as_const(file->m_lookahead))
        first.append(r.fields);
    file->m_hasHeader = options.hasHeader.has_value() ? *options.hasHeader : DialectSniffer::guessHeader(first);
    if (file->m_hasHeader) {
        const CsvRecord header = file->m_lookahead.takeFirst();
        file->m_header = header.fields;
        file->m_headerLine = header.line;
    }
    file->m_keptColumns = options.keptColumns;
    return file;
}

QList<SheetInfo> SpreadsheetFile::sheets(const std::atomic<bool> *cancel) const
{
    auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    Workbook &workbook = *m_workbook;
    if (m_format == FileFormat::Ods && !workbook.odsListed) {
        // A pass of its own over content.xml, on an archive of its own (the open one is being read).
        auto archive = ZipArchive::open(m_path);
        const Core::Result<void> listed =
            archive.ok() ? listOdsSheets(*archive.value(), workbook, cancel) : Core::Result<void>(archive.error());
        if (cancelled())
            return {}; // listed again when asked again
        if (!listed.ok())
            workbook.odsListed = true;
    }
    QList<SheetInfo> out;
    for (Workbook::Sheet &sheet : workbook.sheets) {
        if (m_format == FileFormat::Xlsx && sheet.rows < 0) {
            qint64 rows = declaredRows(*m_archive, sheet.part);
            if (rows < 0) { // not declared: counted
                auto device = m_archive->entry(sheet.part);
                auto reader = xlsxSheetReader(std::move(device), workbook);
                QStringList cells;
                qint64 row = 0;
                rows = 0;
                while (!cancelled() && reader->nextRow(cells, row))
                    ++rows;
                if (cancelled())
                    return {};
            }
            sheet.rows = rows;
        }
        out.append({sheet.name, std::max<qint64>(0, sheet.rows), sheet.hidden});
    }
    return out;
}

qint64 SpreadsheetFile::size() const
{
    return std::max<qint64>(1, m_sheetSize);
}

qint64 SpreadsheetFile::position() const
{
    return std::min(size(), m_archive->inflated() - m_startInflated);
}

bool SpreadsheetFile::fetch(CsvRecord &record)
{
    if (!m_reader || m_readError)
        return false;
    const bool got = m_reader->nextRow(record.fields, record.line);
    if (got)
        m_lastRow = record.line;
    m_problems.append(m_reader->takeProblems());
    QString drained;
    if (!got && m_reader->error().isEmpty())
        drained = m_reader->drain();
    if (!got && (!m_reader->error().isEmpty() || !drained.isEmpty())) {
        const QString why = !drained.isEmpty()                  ? drained
                            : !m_archive->lastError().isEmpty() ? m_archive->lastError()
                                                                : m_reader->error();
        m_readError =
            invalid(m_lastRow > 0 ? QCoreApplication::translate("Import::SpreadsheetFile",
                                                                "%1 cannot be read further than row %2: %3")
                                        .arg(m_archive->fileName())
                                        .arg(m_lastRow)
                                        .arg(why)
                                  : QCoreApplication::translate("Import::SpreadsheetFile", "%1 cannot be read: %2")
                                        .arg(m_archive->fileName(), why));
    }
    return got;
}

bool SpreadsheetFile::next(CsvRecord &record)
{
    if (!m_lookahead.isEmpty()) {
        record = m_lookahead.takeFirst();
        return true;
    }
    return fetch(record);
}

} // namespace Import
