#include "XlsxReader.h"

#include "CellFormat.h"
#include "SheetXml.h"
#include "ZipArchive.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace Import {

using namespace SheetXml;

namespace {

constexpr qint64 kMaxStringChars = 1 << 28; // shared strings kept in memory, all together

class XlsxSheetReaderImpl : public SheetReader
{
public:
    XlsxSheetReaderImpl(std::unique_ptr<QIODevice> device, const Workbook &workbook)
        : m_device(std::move(device)), m_workbook(workbook)
    {
        m_source = m_device.get();
        m_xml.setDevice(m_device.get());
        m_xml.setNamespaceProcessing(true);
    }

    bool nextRow(QStringList &cells, qint64 &row) override
    {
        cells.clear();
        while (!m_done && !m_xml.atEnd()) {
            const auto token = step(m_xml);
            if (token == QXmlStreamReader::StartElement) {
                const QStringView name = m_xml.name();
                if (name == QLatin1String("row")) {
                    bool ok = false;
                    const qint64 r = attribute(m_xml, QLatin1StringView("r")).toLongLong(&ok);
                    m_row = ok && r > m_row ? r : m_row + 1;
                    m_column = -1;
                    cells.clear();
                    if (m_row > kMaxRows) {
                        m_error = QCoreApplication::translate("Import::SpreadsheetFile",
                                                              "it has more rows than any spreadsheet can hold");
                        return false;
                    }
                } else if (name == QLatin1String("c")) {
                    int column = -1;
                    const QStringView ref = attribute(m_xml, QLatin1StringView("r"));
                    if (ref.isEmpty() || !parseReference(ref, &column, nullptr) || column < 0)
                        column = m_column + 1;
                    m_column = column;
                    m_type = attribute(m_xml, QLatin1StringView("t")).toString();
                    m_style = attribute(m_xml, QLatin1StringView("s")).toInt();
                    m_value.clear();
                    m_hasValue = false;
                } else if (name == QLatin1String("v")) {
                    m_value = m_xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    m_hasValue = true;
                } else if (name == QLatin1String("is")) {
                    m_value = richText(m_xml);
                    m_hasValue = true;
                } else if (name == QLatin1String("f") || name == QLatin1String("extLst")) {
                    m_xml.skipCurrentElement(); // a formula: its cached value (<v>) is what was shown
                }
            } else if (token == QXmlStreamReader::EndElement) {
                const QStringView name = m_xml.name();
                if (name == QLatin1String("c")) {
                    const QString text = cellText();
                    if (!text.isEmpty()) {
                        if (m_column >= kMaxColumns) {
                            m_problems.append(
                                {m_row, QCoreApplication::translate(
                                            "Import::SpreadsheetFile",
                                            "A value lies beyond the last column a spreadsheet can have; it "
                                            "was left out.")});
                        } else {
                            place(cells, m_column, text);
                        }
                    }
                } else if (name == QLatin1String("row")) {
                    if (!cells.isEmpty()) {
                        row = m_row;
                        return true;
                    }
                } else if (name == QLatin1String("sheetData")) {
                    m_done = true;
                }
            } else if (token == QXmlStreamReader::Invalid) {
                break;
            }
        }
        if (m_xml.hasError() && m_error.isEmpty())
            m_error = m_xml.errorString(); // the archive's own reason, when it has one, is said instead
        m_done = true;
        return false;
    }

    QString error() const override { return m_error; }
    QList<LineProblem> takeProblems() override { return std::exchange(m_problems, {}); }

private:
    QString cellText() const
    {
        if (!m_hasValue)
            return QString();
        if (m_type == QLatin1String("s")) {
            bool ok = false;
            const int index = m_value.toInt(&ok);
            return ok ? m_workbook.strings.value(index) : QString();
        }
        if (m_type == QLatin1String("str"))
            return CellFormat::unescape(m_value);
        if (m_type == QLatin1String("inlineStr"))
            return m_value; // unescaped once already, as rich text (a second pass would turn _x005F_x0041_ into "A")
        if (m_type == QLatin1String("b"))
            return m_value.trimmed() == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        if (m_type == QLatin1String("e"))
            return m_value; // #N/A, #REF!: what the cell showed
        if (m_type == QLatin1String("d"))
            return isoDateTime(m_value.trimmed());
        bool ok = false;
        const double number = m_value.trimmed().toDouble(&ok);
        if (!ok)
            return m_value.trimmed();
        const CellFormat format = m_workbook.formats.value(m_style);
        return format.format(number, m_workbook.date1904);
    }

    std::unique_ptr<QIODevice> m_device;
    const Workbook &m_workbook;
    QXmlStreamReader m_xml;
    qint64 m_row = 0;
    int m_column = -1;
    QString m_type;
    int m_style = 0;
    QString m_value;
    bool m_hasValue = false;
    bool m_done = false;
    QString m_error;
    QList<LineProblem> m_problems;
};

// A small XML part read whole, its tokens handed to `visit` (start elements); false with `error` set
// when it is not well-formed XML.
template<typename Visit>
bool readPart(ZipArchive &archive, const QString &part, Visit visit, QString *error)
{
    auto device = archive.entry(part);
    if (!device)
        return true;
    QXmlStreamReader xml(device.get());
    xml.setNamespaceProcessing(true);
    while (!xml.atEnd()) {
        const auto token = step(xml);
        if (token == QXmlStreamReader::StartElement)
            visit(xml);
    }
    if (xml.hasError()) {
        *error = !archive.lastError().isEmpty() ? archive.lastError()
                                                : QStringLiteral("%1: %2").arg(part, xml.errorString());
        return false;
    }
    return true;
}

QHash<QString, QString> relationships(ZipArchive &archive, const QString &part, QString *error)
{
    // xl/workbook.xml's relationships are in xl/_rels/workbook.xml.rels.
    const QString base = parentDirectory(part);
    const QString rels = base + QStringLiteral("_rels/") + part.mid(base.size()) + QStringLiteral(".rels");
    QHash<QString, QString> out;
    readPart(
        archive, rels,
        [&](QXmlStreamReader &xml) {
            if (xml.name() == QLatin1String("Relationship") &&
                attribute(xml, QLatin1StringView("TargetMode")) != QLatin1String("External"))
                out.insert(attribute(xml, QLatin1StringView("Id")).toString(),
                           resolveTarget(base, attribute(xml, QLatin1StringView("Target")).toString()));
        },
        error);
    return out;
}

} // namespace

Core::Result<void> loadXlsx(ZipArchive &archive, Workbook &workbook)
{
    QString error;
    auto fail = [&]() -> Core::Result<void> {
        return invalid(QCoreApplication::translate("Import::SpreadsheetFile", "%1 cannot be read as a spreadsheet: %2")
                           .arg(archive.fileName(), error));
    };
    // The workbook part, from the package's relationships (usually xl/workbook.xml).
    QString workbookPart = QStringLiteral("xl/workbook.xml");
    readPart(
        archive, QStringLiteral("_rels/.rels"),
        [&](QXmlStreamReader &xml) {
            if (xml.name() == QLatin1String("Relationship") &&
                attribute(xml, QLatin1StringView("Type")).endsWith(QLatin1String("/officeDocument")))
                workbookPart = resolveTarget(QString(), attribute(xml, QLatin1StringView("Target")).toString());
        },
        &error);
    if (!error.isEmpty())
        return fail();
    if (!archive.contains(workbookPart))
        return invalid(
            QCoreApplication::translate("Import::SpreadsheetFile",
                                        "%1 is not a complete spreadsheet: its workbook is missing. Open it in your "
                                        "spreadsheet and save it again.")
                .arg(archive.fileName()));
    const QHash<QString, QString> targets = relationships(archive, workbookPart, &error);
    if (!error.isEmpty())
        return fail();
    QString stylesPart;
    QString stringsPart;
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        if (it.value().endsWith(QLatin1String("styles.xml")))
            stylesPart = it.value();
        else if (it.value().endsWith(QLatin1String("sharedStrings.xml")))
            stringsPart = it.value();
    }
    if (stylesPart.isEmpty() && archive.contains(parentDirectory(workbookPart) + QStringLiteral("styles.xml")))
        stylesPart = parentDirectory(workbookPart) + QStringLiteral("styles.xml");
    if (stringsPart.isEmpty() && archive.contains(parentDirectory(workbookPart) + QStringLiteral("sharedStrings.xml")))
        stringsPart = parentDirectory(workbookPart) + QStringLiteral("sharedStrings.xml");

    int activeTab = 0;
    readPart(
        archive, workbookPart,
        [&](QXmlStreamReader &xml) {
            const QStringView name = xml.name();
            if (name == QLatin1String("sheet")) {
                Workbook::Sheet sheet;
                sheet.name = attribute(xml, QLatin1StringView("name")).toString();
                sheet.part = targets.value(attribute(xml, QLatin1StringView("id")).toString());
                const QStringView state = attribute(xml, QLatin1StringView("state"));
                sheet.hidden = state == QLatin1String("hidden") || state == QLatin1String("veryHidden");
                if (!sheet.part.isEmpty())
                    workbook.sheets.append(sheet);
            } else if (name == QLatin1String("workbookPr")) {
                const QStringView v = attribute(xml, QLatin1StringView("date1904"));
                workbook.date1904 = v == QLatin1String("1") || v == QLatin1String("true");
            } else if (name == QLatin1String("workbookView")) {
                activeTab = attribute(xml, QLatin1StringView("activeTab")).toInt();
            }
        },
        &error);
    if (!error.isEmpty())
        return fail();
    workbook.active = std::clamp(activeTab, 0, std::max(0, int(workbook.sheets.size()) - 1));

    // Number formats: custom codes by id, then each cell style's format.
    QHash<int, QString> codes;
    bool inCellXfs = false;
    if (!stylesPart.isEmpty()) {
        auto device = archive.entry(stylesPart);
        QXmlStreamReader xml(device.get());
        xml.setNamespaceProcessing(true);
        while (device && !xml.atEnd()) {
            const auto token = step(xml);
            if (token == QXmlStreamReader::StartElement) {
                const QStringView name = xml.name();
                if (name == QLatin1String("numFmt")) {
                    codes.insert(attribute(xml, QLatin1StringView("numFmtId")).toInt(),
                                 attribute(xml, QLatin1StringView("formatCode")).toString());
                } else if (name == QLatin1String("cellXfs")) {
                    inCellXfs = true;
                } else if (name == QLatin1String("xf") && inCellXfs) {
                    const int id = attribute(xml, QLatin1StringView("numFmtId")).toInt();
                    workbook.formats.append(CellFormat::fromExcel(id, codes.value(id)));
                }
            } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = false;
            }
        }
        if (xml.hasError()) {
            error = !archive.lastError().isEmpty() ? archive.lastError() : xml.errorString();
            return fail();
        }
    }

    if (!stringsPart.isEmpty()) {
        auto device = archive.entry(stringsPart);
        QXmlStreamReader xml(device.get());
        xml.setNamespaceProcessing(true);
        qint64 chars = 0;
        while (device && !xml.atEnd()) {
            const auto token = step(xml);
            if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("si")) {
                workbook.strings.append(richText(xml));
                chars += workbook.strings.last().size();
                if (chars > kMaxStringChars)
                    return invalid(QCoreApplication::translate(
                                       "Import::SpreadsheetFile",
                                       "%1 holds more text than Carnet reads from one spreadsheet; it was not read.")
                                       .arg(archive.fileName()));
            }
        }
        if (xml.hasError()) {
            error = !archive.lastError().isEmpty() ? archive.lastError() : xml.errorString();
            return fail();
        }
    }
    return {};
}

qint64 declaredRows(ZipArchive &archive, const QString &part)
{
    auto device = archive.entry(part);
    if (!device)
        return 0;
    QXmlStreamReader xml(device.get());
    while (!xml.atEnd()) {
        const auto token = step(xml);
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("dimension")) {
            const QString ref = attribute(xml, QLatin1StringView("ref")).toString();
            const qsizetype colon = ref.indexOf(QLatin1Char(':'));
            if (colon < 0 || QStringView(ref).left(colon) == QStringView(ref).mid(colon + 1))
                return -1; // "A1", "A1:A1": one cell, or none — counted
            qint64 last = 0;
            parseReference(QStringView(ref).mid(ref.indexOf(QLatin1Char(':')) + 1), nullptr, &last);
            return last;
        }
        if (xml.name() == QLatin1String("sheetData"))
            break;
    }
    return -1;
}

std::unique_ptr<SheetReader> xlsxSheetReader(std::unique_ptr<QIODevice> device, const Workbook &workbook)
{
    return std::make_unique<XlsxSheetReaderImpl>(std::move(device), workbook);
}

} // namespace Import
