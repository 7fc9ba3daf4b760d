#include "SpreadsheetFile.h"

#include "CellFormat.h"
#include "DialectSniffer.h"
#include "ZipArchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>

using Core::Error;

namespace Import {

namespace {

constexpr int kMaxColumns = 16384;          // XFD, the last column of Excel and LibreOffice
constexpr qint64 kMaxRows = 1 << 24;        // beyond any spreadsheet program's last row
constexpr qint64 kMaxStringChars = 1 << 28; // shared strings kept in memory, all together
constexpr int kRepeatedText = 1000;         // ODS text:s counts

Error invalid(const QString &message)
{
    return Error::make(Error::Code::Invalid, message);
}

// Every token read through here: a document type declaration (and with it any entity declaration) is
// refused before anything it declares could be expanded.
QXmlStreamReader::TokenType step(QXmlStreamReader &xml)
{
    const auto token = xml.readNext();
    if (token == QXmlStreamReader::DTD)
        xml.raiseError(QCoreApplication::translate(
            "Import::SpreadsheetFile", "it declares a document type or entities, which no spreadsheet does"));
    return token;
}

// An attribute by its local name, whatever its namespace (transitional and strict .xlsx differ there).
QStringView attribute(const QXmlStreamReader &xml, QLatin1StringView name)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    for (const QXmlStreamAttribute &a : attributes) {
        if (a.name() == name)
            return a.value();
    }
    return {};
}

// Cell references: "AB12" → column 27 (0-based), row 12.
bool parseReference(QStringView ref, int *column, qint64 *row)
{
    qint64 c = 0;
    qsizetype i = 0;
    while (i < ref.size() && ref[i].isLetter()) {
        c = c * 26 + (ref[i].toUpper().unicode() - 'A' + 1);
        if (c > kMaxColumns * 26)
            return false;
        ++i;
    }
    if (column)
        *column = int(c - 1);
    if (row) {
        bool ok = false;
        *row = ref.mid(i).toLongLong(&ok);
        if (!ok)
            *row = 0;
    }
    return c > 0 || i == 0;
}

void place(QStringList &cells, int column, const QString &text)
{
    while (cells.size() <= column)
        cells.append(QString());
    cells[column] = text;
}

// The text of an element holding <t> runs (a shared string, an inline string): rich-text runs joined,
// phonetic guides (<rPh>) skipped, _xHHHH_ escapes undone. Consumes the element.
QString richText(QXmlStreamReader &xml)
{
    QString out;
    const QString element = xml.name().toString();
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = step(xml);
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("rPh")) {
                xml.skipCurrentElement();
            } else if (xml.name() == QLatin1String("t")) {
                out += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else {
                ++depth;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 0 && xml.name() == element)
                break;
            --depth;
        } else if (token == QXmlStreamReader::Invalid) {
            break;
        }
    }
    return CellFormat::unescape(out);
}

QString isoDateTime(const QString &text)
{
    QDateTime when = QDateTime::fromString(text.left(19), Qt::ISODate);
    if (!when.isValid()) {
        const QDate day = QDate::fromString(text.left(10), Qt::ISODate);
        return day.isValid() ? day.toString(Qt::ISODate) : text;
    }
    if (when.time() == QTime(0, 0))
        return when.date().toString(Qt::ISODate);
    return when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString parentDirectory(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : part.left(slash + 1);
}

// A relationship's target, relative to the part that names it, as a path inside the zip.
QString resolveTarget(const QString &base, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(base + target);
}

} // namespace

struct SpreadsheetFile::Workbook
{
    struct Sheet
    {
        QString name;
        QString part; // .xlsx: the worksheet's path inside the zip
        bool hidden = false;
        qint64 rows = -1; // not counted yet
    };
    QList<Sheet> sheets;
    int active = 0;
    bool date1904 = false;
    QList<CellFormat> formats; // .xlsx: by cell style index
    QStringList strings;       // .xlsx: shared strings
    bool odsListed = false;    // .ods: sheets are listed when first asked for (it takes a pass)
    QString odsActiveName;
};

// ---------------------------------------------------------------------------------------------------
// .xlsx

namespace {

class XlsxSheetReader : public SheetReader
{
public:
    XlsxSheetReader(std::unique_ptr<QIODevice> device, const SpreadsheetFile::Workbook &workbook)
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
        if (m_type == QLatin1String("str") || m_type == QLatin1String("inlineStr"))
            return CellFormat::unescape(m_value);
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
    const SpreadsheetFile::Workbook &m_workbook;
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

Core::Result<void> loadXlsx(ZipArchive &archive, SpreadsheetFile::Workbook &workbook)
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
                SpreadsheetFile::Workbook::Sheet sheet;
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

// The rows a worksheet says it uses (its <dimension>), or -1 when it does not say.
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

// ---------------------------------------------------------------------------------------------------
// .ods

// The rows of one table, read from content.xml positioned inside that <table:table>.
class OdsTableReader : public SheetReader
{
public:
    explicit OdsTableReader(QXmlStreamReader &xml) : m_xml(xml) {}

    bool nextRow(QStringList &cells, qint64 &row) override
    {
        if (m_repeats > 0) {
            --m_repeats;
            cells = m_repeated;
            row = ++m_row;
            return true;
        }
        while (!m_done && !m_xml.atEnd()) {
            const auto token = step(m_xml);
            if (token == QXmlStreamReader::StartElement) {
                const QStringView name = m_xml.name();
                if (name == QLatin1String("table-row")) {
                    bool ok = false;
                    qint64 repeat = attribute(m_xml, QLatin1StringView("number-rows-repeated")).toLongLong(&ok);
                    if (!ok || repeat < 1)
                        repeat = 1;
                    if (!readRow(cells))
                        break;
                    if (cells.isEmpty()) {
                        m_row += repeat; // empty rows, however many, cost nothing
                        continue;
                    }
                    if (m_row + repeat > kMaxRows) {
                        m_error = QCoreApplication::translate("Import::SpreadsheetFile",
                                                              "it has more rows than any spreadsheet can hold");
                        break;
                    }
                    row = ++m_row;
                    m_repeats = repeat - 1;
                    if (m_repeats > 0)
                        m_repeated = cells;
                    return true;
                }
                if (name == QLatin1String("table-column") || name == QLatin1String("table-columns") ||
                    name == QLatin1String("shapes") || name == QLatin1String("named-expressions") ||
                    name == QLatin1String("table-source") || name == QLatin1String("scenario") ||
                    name == QLatin1String("forms") || name == QLatin1String("table-column-group") ||
                    name == QLatin1String("table-header-columns"))
                    m_xml.skipCurrentElement();
                // table-row-group, table-header-rows, table-rows: containers, read through.
            } else if (token == QXmlStreamReader::EndElement) {
                if (m_xml.name() == QLatin1String("table"))
                    m_done = true;
            } else if (token == QXmlStreamReader::Invalid) {
                break;
            }
        }
        if (m_xml.hasError() && m_error.isEmpty())
            m_error = m_xml.errorString();
        m_done = true;
        return false;
    }

    // Counting only: the rows a repeated row stands for, without copying them.
    qint64 skipRepeats() { return std::exchange(m_repeats, 0); }
    QString error() const override { return m_error; }
    QList<LineProblem> takeProblems() override { return std::exchange(m_problems, {}); }

private:
    // A row's cells; consumes the <table:table-row>.
    bool readRow(QStringList &cells)
    {
        cells.clear();
        qint64 column = 0;
        while (!m_xml.atEnd()) {
            const auto token = step(m_xml);
            if (token == QXmlStreamReader::StartElement) {
                const QStringView name = m_xml.name();
                if (name == QLatin1String("table-cell") || name == QLatin1String("covered-table-cell")) {
                    bool ok = false;
                    qint64 repeat = attribute(m_xml, QLatin1StringView("number-columns-repeated")).toLongLong(&ok);
                    if (!ok || repeat < 1)
                        repeat = 1;
                    const QString text = cellText();
                    if (!text.isEmpty()) {
                        for (qint64 k = 0; k < repeat; ++k) {
                            if (column + k >= kMaxColumns) {
                                m_problems.append(
                                    {m_row + 1, QCoreApplication::translate("Import::SpreadsheetFile",
                                                                            "A value lies beyond the last column a "
                                                                            "spreadsheet can have; it was left out.")});
                                break;
                            }
                            place(cells, int(column + k), text);
                        }
                    }
                    column = std::min<qint64>(column + repeat, qint64(kMaxColumns) + 1);
                } else {
                    m_xml.skipCurrentElement();
                }
            } else if (token == QXmlStreamReader::EndElement) {
                if (m_xml.name() == QLatin1String("table-row"))
                    return true;
            } else if (token == QXmlStreamReader::Invalid) {
                return false;
            }
        }
        return false;
    }

    // A cell's value as shown; consumes the cell.
    QString cellText()
    {
        const QString type = attribute(m_xml, QLatin1StringView("value-type")).toString();
        const QString value = attribute(m_xml, QLatin1StringView("value")).toString();
        const QString date = attribute(m_xml, QLatin1StringView("date-value")).toString();
        const QString time = attribute(m_xml, QLatin1StringView("time-value")).toString();
        const QString boolean = attribute(m_xml, QLatin1StringView("boolean-value")).toString();
        const QString stringValue = attribute(m_xml, QLatin1StringView("string-value")).toString();
        QStringList paragraphs;
        while (!m_xml.atEnd()) {
            const auto token = step(m_xml);
            if (token == QXmlStreamReader::StartElement) {
                if (m_xml.name() == QLatin1String("p") || m_xml.name() == QLatin1String("h"))
                    paragraphs.append(paragraph());
                else
                    m_xml.skipCurrentElement(); // annotations, drawings
            } else if (token == QXmlStreamReader::EndElement || token == QXmlStreamReader::Invalid) {
                break;
            }
        }
        const QString shown = paragraphs.join(QLatin1Char('\n'));
        if (type == QLatin1String("float") || type == QLatin1String("percentage") ||
            type == QLatin1String("currency")) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (!ok)
                return shown;
            // Zeros a number style added in front ("01310") are what the user saw: keep them.
            QString digits = shown;
            digits.remove(QLatin1Char(' '));
            digits.remove(QChar(0x00A0));
            digits.remove(QChar(0x202F));
            // A boolean style shows TRUE or VRAI for 1: what was shown is the value.
            if (!shown.isEmpty() && std::none_of(shown.begin(), shown.end(), [](QChar c) { return c.isDigit(); }))
                return shown;
            if (digits.size() > 1 && digits.startsWith(QLatin1Char('0')) &&
                std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); }) &&
                digits.toDouble() == number)
                return shown;
            return CellFormat::plain(number);
        }
        if (type == QLatin1String("date"))
            return isoDateTime(date);
        if (type == QLatin1String("time")) {
            // PT13H45M00S
            static const QRegularExpression duration(QStringLiteral("^-?PT(\\d+)H(\\d+)M(\\d+)(?:[.,]\\d+)?S$"));
            const auto m = duration.match(time);
            if (m.hasMatch())
                return QStringLiteral("%1:%2:%3")
                    .arg(m.captured(1).toInt(), 2, 10, QLatin1Char('0'))
                    .arg(m.captured(2).toInt(), 2, 10, QLatin1Char('0'))
                    .arg(m.captured(3).toInt(), 2, 10, QLatin1Char('0'));
            return shown;
        }
        if (type == QLatin1String("boolean"))
            return boolean == QLatin1String("true") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        if (shown.isEmpty() && !stringValue.isEmpty())
            return stringValue;
        return shown;
    }

    // A <text:p>'s text: spans and links read through, text:s spaces, tabs and line breaks kept, notes
    // and annotations left out. Consumes the paragraph.
    QString paragraph()
    {
        QString out;
        int depth = 0;
        while (!m_xml.atEnd()) {
            const auto token = step(m_xml);
            if (token == QXmlStreamReader::Characters) {
                out += m_xml.text();
            } else if (token == QXmlStreamReader::StartElement) {
                const QStringView name = m_xml.name();
                if (name == QLatin1String("s")) {
                    bool ok = false;
                    int count = attribute(m_xml, QLatin1StringView("c")).toInt(&ok);
                    out += QString(ok ? std::clamp(count, 1, kRepeatedText) : 1, QLatin1Char(' '));
                    m_xml.skipCurrentElement();
                } else if (name == QLatin1String("tab")) {
                    out += QLatin1Char('\t');
                    m_xml.skipCurrentElement();
                } else if (name == QLatin1String("line-break")) {
                    out += QLatin1Char('\n');
                    m_xml.skipCurrentElement();
                } else if (name == QLatin1String("note") || name == QLatin1String("annotation") ||
                           name == QLatin1String("ruby-text") || name == QLatin1String("frame")) {
                    m_xml.skipCurrentElement();
                } else {
                    ++depth;
                }
            } else if (token == QXmlStreamReader::EndElement) {
                if (depth == 0)
                    break;
                --depth;
            } else if (token == QXmlStreamReader::Invalid) {
                break;
            }
        }
        return out;
    }

    QXmlStreamReader &m_xml;
    qint64 m_row = 0;
    qint64 m_repeats = 0;
    QStringList m_repeated;
    bool m_done = false;
    QString m_error;
    QList<LineProblem> m_problems;
};

// content.xml positioned at one table (by name, or by index when `name` is empty), with the reader of
// its rows. Owns the device and the XML reader the table reader reads from.
class OdsSheetReader : public SheetReader
{
public:
    OdsSheetReader(std::unique_ptr<QIODevice> device) : m_device(std::move(device)), m_xml(m_device.get())
    {
        m_source = m_device.get();
        m_xml.setNamespaceProcessing(true);
    }

    // Goes to the table; its index among the workbook's tables in `index`. False when there is none.
    bool seek(const QString &name, int *index)
    {
        int seen = 0;
        while (!m_xml.atEnd()) {
            const auto token = step(m_xml);
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (m_xml.name() == QLatin1String("table") && m_xml.namespaceUri().endsWith(QLatin1String(":table:1.0"))) {
                if ((name.isEmpty() && seen == *index) ||
                    (!name.isEmpty() && attribute(m_xml, QLatin1StringView("name")) == name)) {
                    *index = seen;
                    m_name = attribute(m_xml, QLatin1StringView("name")).toString();
                    m_table = std::make_unique<OdsTableReader>(m_xml);
                    return true;
                }
                ++seen;
                m_xml.skipCurrentElement();
            }
        }
        return false;
    }

    bool nextRow(QStringList &cells, qint64 &row) override { return m_table && m_table->nextRow(cells, row); }
    QString error() const override
    {
        if (m_table && !m_table->error().isEmpty())
            return m_table->error();
        return m_xml.hasError() ? m_xml.errorString() : QString();
    }
    QList<LineProblem> takeProblems() override { return m_table ? m_table->takeProblems() : QList<LineProblem>(); }
    QString tableName() const { return m_name; }

private:
    QString m_name;
    std::unique_ptr<QIODevice> m_device;
    QXmlStreamReader m_xml;
    std::unique_ptr<OdsTableReader> m_table;
};

// Every table of content.xml: names, hidden or not, rows holding something. One pass over the file.
Core::Result<void> listOdsSheets(ZipArchive &archive, SpreadsheetFile::Workbook &workbook)
{
    auto device = archive.entry(QStringLiteral("content.xml"));
    if (!device)
        return invalid(QCoreApplication::translate("Import::SpreadsheetFile",
                                                   "%1 is not a complete spreadsheet: its content is missing.")
                           .arg(archive.fileName()));
    QXmlStreamReader xml(device.get());
    xml.setNamespaceProcessing(true);
    QSet<QString> hiddenStyles;
    QString style;
    workbook.sheets.clear();
    while (!xml.atEnd()) {
        const auto token = step(xml);
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("style") && attribute(xml, QLatin1StringView("family")) == QLatin1String("table")) {
            style = attribute(xml, QLatin1StringView("name")).toString();
        } else if (name == QLatin1String("table-properties") &&
                   attribute(xml, QLatin1StringView("display")) == QLatin1String("false")) {
            hiddenStyles.insert(style);
        } else if (name == QLatin1String("table") && xml.namespaceUri().endsWith(QLatin1String(":table:1.0"))) {
            SpreadsheetFile::Workbook::Sheet sheet;
            sheet.name = attribute(xml, QLatin1StringView("name")).toString();
            sheet.hidden = hiddenStyles.contains(attribute(xml, QLatin1StringView("style-name")).toString());
            OdsTableReader table(xml);
            QStringList cells;
            qint64 row = 0;
            sheet.rows = 0;
            while (table.nextRow(cells, row))
                sheet.rows += 1 + table.skipRepeats();
            if (!table.error().isEmpty())
                return invalid(
                    QCoreApplication::translate("Import::SpreadsheetFile", "%1 cannot be read as a spreadsheet: %2")
                        .arg(archive.fileName(), !archive.lastError().isEmpty() ? archive.lastError() : table.error()));
            workbook.sheets.append(sheet);
        }
    }
    if (xml.hasError())
        return invalid(
            QCoreApplication::translate("Import::SpreadsheetFile", "%1 cannot be read as a spreadsheet: %2")
                .arg(archive.fileName(), !archive.lastError().isEmpty() ? archive.lastError() : xml.errorString()));
    workbook.odsListed = true;
    workbook.active = 0;
    for (int i = 0; i < workbook.sheets.size(); ++i) {
        if (workbook.sheets[i].name == workbook.odsActiveName)
            workbook.active = i;
    }
    return {};
}

// The sheet the user had open when the file was saved (settings.xml's ActiveTable).
QString odsActiveTable(ZipArchive &archive)
{
    QString active;
    QString error;
    auto device = archive.entry(QStringLiteral("settings.xml"));
    if (!device)
        return active;
    QXmlStreamReader xml(device.get());
    while (!xml.atEnd() && active.isEmpty()) {
        if (step(xml) == QXmlStreamReader::StartElement && xml.name() == QLatin1String("config-item") &&
            attribute(xml, QLatin1StringView("name")) == QLatin1String("ActiveTable"))
            active = xml.readElementText();
    }
    return active;
}

} // namespace

// ---------------------------------------------------------------------------------------------------

QString SheetReader::drain()
{
    if (!m_source)
        return QString();
    char buffer[64 * 1024];
    qint64 n = 0;
    while ((n = m_source->read(buffer, sizeof buffer)) > 0) {
    }
    return n < 0 ? m_source->errorString() : QString();
}

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
            file->m_reader = std::make_unique<XlsxSheetReader>(std::move(device), workbook);
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

QList<SheetInfo> SpreadsheetFile::sheets() const
{
    Workbook &workbook = *m_workbook;
    if (m_format == FileFormat::Ods && !workbook.odsListed) {
        // A pass of its own over content.xml, on an archive of its own (the open one is being read).
        auto archive = ZipArchive::open(m_path);
        if (!archive.ok() || !listOdsSheets(*archive.value(), workbook).ok())
            workbook.odsListed = true;
    }
    QList<SheetInfo> out;
    for (Workbook::Sheet &sheet : workbook.sheets) {
        if (m_format == FileFormat::Xlsx && sheet.rows < 0) {
            sheet.rows = declaredRows(*m_archive, sheet.part);
            if (sheet.rows < 0) { // not declared: counted
                auto device = m_archive->entry(sheet.part);
                XlsxSheetReader reader(std::move(device), workbook);
                QStringList cells;
                qint64 row = 0;
                sheet.rows = 0;
                while (reader.nextRow(cells, row))
                    ++sheet.rows;
            }
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
