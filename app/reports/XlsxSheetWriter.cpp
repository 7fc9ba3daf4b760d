#include "SpreadsheetFormats.h"

#include <QDateTime>
#include <QTemporaryFile>

#include <cmath>

namespace Reports {

namespace {

constexpr char kXmlDeclaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr char kMain[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char kRelationships[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kPackageRelationships[] = "http://schemas.openxmlformats.org/package/2006/relationships";

// The cell styles of styles.xml, by their index.
enum Style { Plain = 0, Header = 1, DateStyle = 2, DateTimeStyle = 3, TextStyle = 4 };

// Excel's day 0 is 1899-12-30 for every date from 1900-03-01 on (the 1900 leap-year bug before that).
const QDate kEpoch(1899, 12, 30);
const QDate kFirstSafeDate(1900, 3, 1);

QByteArray escaped(QStringView text, bool attribute = false)
{
    QByteArray out;
    SpreadsheetWriter::appendEscaped(out, text, attribute, false);
    return out;
}

QString excelDateFormat(const QString &pattern)
{
    QString code;
    for (const DateToken &t : dateTokens(pattern)) {
        switch (t.kind) {
        case DateToken::Day: code += t.longForm ? QLatin1String("dd") : QLatin1String("d"); break;
        case DateToken::Month: code += t.longForm ? QLatin1String("mm") : QLatin1String("m"); break;
        case DateToken::Year: code += t.longForm ? QLatin1String("yyyy") : QLatin1String("yy"); break;
        case DateToken::Literal:
            for (QChar c : t.literal)
                code += QLatin1Char('\\') + c; // shown as it is, whatever the reader's locale
            break;
        }
    }
    return code;
}

QByteArray number(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 17);
}

} // namespace

const QByteArray &XlsxSheetWriter::columnName(qsizetype column)
{
    while (qsizetype(m_columnNames.size()) <= column) {
        qsizetype n = qsizetype(m_columnNames.size()) + 1;
        QByteArray name;
        while (n > 0) {
            name.prepend(char('A' + (n - 1) % 26));
            n = (n - 1) / 26;
        }
        m_columnNames.push_back(name);
    }
    return m_columnNames[size_t(column)];
}

void XlsxSheetWriter::writeRow(QByteArray &out, const Sheet &sheet, const QVariantList &values, bool header)
{
    const QByteArray row = QByteArray::number(sheet.rows + 1);
    out += "<row r=\"" + row + "\">";
    const qsizetype count = std::min(values.size(), sheet.columns.size());
    for (qsizetype i = 0; i < count; ++i) {
        const QVariant &v = values[i];
        const QByteArray ref = columnName(i) + row;
        switch (v.typeId()) {
        case QMetaType::QDate:
            if (v.toDate() >= kFirstSafeDate) {
                out += "<c r=\"" + ref + "\" s=\"" + QByteArray::number(DateStyle) + "\"><v>" +
                       QByteArray::number(kEpoch.daysTo(v.toDate())) + "</v></c>";
                continue;
            }
            break;
        case QMetaType::QDateTime: {
            // A spreadsheet's times have no zone: the local time, as the window shows it.
            const QDateTime local = v.toDateTime().toLocalTime();
            if (local.date() >= kFirstSafeDate) {
                const double serial =
                    double(kEpoch.daysTo(local.date())) + local.time().msecsSinceStartOfDay() / 86400000.0;
                out += "<c r=\"" + ref + "\" s=\"" + QByteArray::number(DateTimeStyle) + "\"><v>" + number(serial) +
                       "</v></c>";
                continue;
            }
            break;
        }
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            out += "<c r=\"" + ref + "\"><v>" + QByteArray::number(v.toLongLong()) + "</v></c>";
            continue;
        case QMetaType::Double:
            if (std::isfinite(v.toDouble())) {
                out += "<c r=\"" + ref + "\"><v>" + number(v.toDouble()) + "</v></c>";
                continue;
            }
            break;
        default: break;
        }
        const QString text = display(v, options().datePattern);
        if (text.isEmpty())
            continue;
        // Always a string cell: "01310", "+33 6 12…" and "=1+1" are text, never a number or a formula.
        out += "<c r=\"" + ref + "\" t=\"inlineStr\" s=\"" + QByteArray::number(header ? Header : TextStyle) +
               "\"><is><t xml:space=\"preserve\">";
        appendEscaped(out, text, false, true);
        out += "</t></is></c>";
    }
    out += "</row>\n";
}

std::vector<SpreadsheetWriter::Part> XlsxSheetWriter::parts()
{
    const auto &all = sheets();
    std::vector<Part> parts;
    auto small = [&parts](const QString &name, const QByteArray &xml) {
        Part part;
        part.name = name;
        part.segments.push_back(Segment{kXmlDeclaration + xml, nullptr});
        parts.push_back(std::move(part));
    };

    QByteArray types =
        QByteArray("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">") +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        "<Override PartName=\"/docProps/app.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>";
    for (size_t i = 0; i < all.size(); ++i)
        types += "<Override PartName=\"/xl/worksheets/sheet" + QByteArray::number(qulonglong(i + 1)) +
                 ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    small(QStringLiteral("[Content_Types].xml"), types + "</Types>");

    small(QStringLiteral("_rels/.rels"),
          QByteArray("<Relationships xmlns=\"") + kPackageRelationships + "\">" + "<Relationship Id=\"rId1\" Type=\"" +
              kRelationships + "/officeDocument\" Target=\"xl/workbook.xml\"/>" + "<Relationship Id=\"rId2\" Type=\"" +
              kPackageRelationships + "/metadata/core-properties\" Target=\"docProps/core.xml\"/>" +
              "<Relationship Id=\"rId3\" Type=\"" + kRelationships +
              "/extended-properties\" Target=\"docProps/app.xml\"/>" + "</Relationships>");
    small(QStringLiteral("docProps/core.xml"),
          "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
              escaped(options().title) + "</dc:title><dc:creator>Carnet</dc:creator>" +
              "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" +
              QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1() +
              "</dcterms:created></cp:coreProperties>");
    small(QStringLiteral("docProps/app.xml"),
          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
          "<Application>Carnet</Application></Properties>");

    QByteArray workbook = QByteArray("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRelationships +
                          "\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>";
    QByteArray workbookRels = QByteArray("<Relationships xmlns=\"") + kPackageRelationships + "\">";
    for (size_t i = 0; i < all.size(); ++i) {
        const QByteArray n = QByteArray::number(qulonglong(i + 1));
        workbook += "<sheet name=\"" + escaped(all[i]->name, true) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        workbookRels += "<Relationship Id=\"rId" + n + "\" Type=\"" + kRelationships +
                        "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    }
    small(QStringLiteral("xl/workbook.xml"), workbook + "</sheets></workbook>");
    small(QStringLiteral("xl/_rels/workbook.xml.rels"),
          workbookRels + "<Relationship Id=\"rId" + QByteArray::number(qulonglong(all.size() + 1)) + "\" Type=\"" +
              kRelationships + "/styles\" Target=\"styles.xml\"/></Relationships>");

    const QByteArray dateCode = escaped(excelDateFormat(options().datePattern), true);
    small(QStringLiteral("xl/styles.xml"),
          QByteArray("<styleSheet xmlns=\"") + kMain + "\">" +
              "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"" + dateCode +
              "\"/><numFmt numFmtId=\"165\" formatCode=\"" + dateCode +
              "\\ hh:mm\"/></numFmts>"
              "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
              "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
              "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
              "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
              "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
              "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
              "<cellXfs count=\"5\">"
              "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
              "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" "
              "applyNumberFormat=\"1\"/>"
              "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
              "</styleSheet>");

    for (size_t i = 0; i < all.size(); ++i) {
        const Sheet &sheet = *all[i];
        const qsizetype columns = std::max<qsizetype>(1, sheet.columns.size());
        QByteArray head = QByteArray(kXmlDeclaration) + "<worksheet xmlns=\"" + kMain + "\" xmlns:r=\"" +
                          kRelationships + "\"><dimension ref=\"A1:" + columnName(columns - 1) +
                          QByteArray::number(std::max<qint64>(1, sheet.rows)) + "\"/>" + "<sheetViews><sheetView" +
                          (i == 0 ? " tabSelected=\"1\"" : "") +
                          " workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                          "state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
                          "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
        if (!sheet.columns.isEmpty()) {
            head += "<cols>";
            for (qsizetype c = 0; c < sheet.columns.size(); ++c) {
                const CellType type = sheet.columns[c].type;
                const int style = type == CellType::Text       ? TextStyle
                                  : type == CellType::Date     ? DateStyle
                                  : type == CellType::DateTime ? DateTimeStyle
                                                               : Plain;
                const QByteArray n = QByteArray::number(c + 1);
                head += "<col min=\"" + n + "\" max=\"" + n + "\" width=\"" +
                        QByteArray::number(sheet.widths[size_t(c)] + 2) + "\" customWidth=\"1\" style=\"" +
                        QByteArray::number(style) + "\"/>";
            }
            head += "</cols>";
        }
        Part part;
        part.name = QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1);
        part.segments.push_back(Segment{head + "<sheetData>", nullptr});
        part.segments.push_back(Segment{QByteArray(), sheet.body.get()});
        part.segments.push_back(Segment{"</sheetData></worksheet>", nullptr});
        parts.push_back(std::move(part));
    }
    return parts;
}

} // namespace Reports
