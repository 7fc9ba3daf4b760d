#include "SpreadsheetFormats.h"

#include <QDateTime>
#include <QTemporaryFile>

#include <cmath>

namespace Reports {

namespace {

constexpr char kXmlDeclaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr char kNamespaces[] = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                               "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                               "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                               "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
                               "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" "
                               "xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" "
                               "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
                               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\"";
constexpr char kMimeType[] = "application/vnd.oasis.opendocument.spreadsheet";

QByteArray escaped(QStringView text, bool attribute = false)
{
    QByteArray out;
    SpreadsheetWriter::appendEscaped(out, text, attribute, false);
    return out;
}

// A cell's text as paragraphs, one a line as LibreOffice writes them; runs of spaces and tabs kept (ODF
// collapses white space otherwise).
void appendParagraph(QByteArray &out, const QString &text)
{
    out += "<text:p>";
    qsizetype start = 0;
    auto plain = [&](qsizetype end) {
        if (end > start)
            SpreadsheetWriter::appendEscaped(out, QStringView(text).mid(start, end - start), false, false);
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\n')) {
            plain(i);
            out += "</text:p><text:p>";
            start = i + 1;
        } else if (c == QLatin1Char('\t')) {
            plain(i);
            out += "<text:tab/>";
            start = i + 1;
        } else if (c == QLatin1Char(' ')) {
            // A space is kept as it is only between two other characters.
            const bool single = i > 0 && i + 1 < text.size() && !text[i - 1].isSpace() && !text[i + 1].isSpace();
            if (!single) {
                plain(i);
                out += "<text:s/>";
                start = i + 1;
            }
        }
    }
    plain(text.size());
    out += "</text:p>";
}

QByteArray dateStyle(const char *name, const QString &pattern, bool withTime)
{
    QByteArray xml = QByteArray("<number:date-style style:name=\"") + name + "\">";
    for (const DateToken &t : dateTokens(pattern)) {
        const QByteArray form = t.longForm ? " number:style=\"long\"" : "";
        switch (t.kind) {
        case DateToken::Day: xml += "<number:day" + form + "/>"; break;
        case DateToken::Month: xml += "<number:month" + form + "/>"; break;
        case DateToken::Year: xml += "<number:year" + form + "/>"; break;
        case DateToken::Literal: xml += "<number:text>" + escaped(t.literal) + "</number:text>"; break;
        }
    }
    if (withTime)
        xml += "<number:text> </number:text><number:hours number:style=\"long\"/><number:text>:</number:text>"
               "<number:minutes number:style=\"long\"/>";
    return xml + "</number:date-style>";
}

QByteArray number(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 17);
}

} // namespace

void OdsSheetWriter::writeRow(QByteArray &out, const Sheet &sheet, const QVariantList &values, bool header)
{
    out += header ? "<table:table-header-rows><table:table-row>" : "<table:table-row>";
    const qsizetype count = std::min(values.size(), sheet.columns.size());
    qsizetype empty = 0;
    auto emptyCells = [&] {
        if (empty == 1)
            out += "<table:table-cell/>";
        else if (empty > 1)
            out += "<table:table-cell table:number-columns-repeated=\"" + QByteArray::number(empty) + "\"/>";
        empty = 0;
    };
    for (qsizetype i = 0; i < count; ++i) {
        const QVariant &v = values[i];
        const QString shown = display(v, options().datePattern);
        if (shown.isEmpty()) {
            ++empty;
            continue;
        }
        emptyCells();
        switch (v.typeId()) {
        case QMetaType::QDate:
            out += "<table:table-cell table:style-name=\"ce2\" office:value-type=\"date\" office:date-value=\"" +
                   v.toDate().toString(Qt::ISODate).toLatin1() + "\">";
            break;
        case QMetaType::QDateTime:
            out += "<table:table-cell table:style-name=\"ce3\" office:value-type=\"date\" office:date-value=\"" +
                   v.toDateTime().toLocalTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1() + "\">";
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            out += "<table:table-cell office:value-type=\"float\" office:value=\"" +
                   QByteArray::number(v.toLongLong()) + "\">";
            break;
        case QMetaType::Double:
            if (std::isfinite(v.toDouble())) {
                out += "<table:table-cell office:value-type=\"float\" office:value=\"" + number(v.toDouble()) + "\">";
                break;
            }
            [[fallthrough]];
        default:
            // Always a string cell: "01310", "+33 6 12…" and "=1+1" are text, never a number or a formula.
            out += header ? "<table:table-cell table:style-name=\"ce1\" office:value-type=\"string\">"
                          : "<table:table-cell office:value-type=\"string\">";
            break;
        }
        appendParagraph(out, shown);
        out += "</table:table-cell>";
    }
    // Trailing empty cells are left out: the row simply ends.
    out += header ? "</table:table-row></table:table-header-rows>\n" : "</table:table-row>\n";
}

std::vector<SpreadsheetWriter::Part> OdsSheetWriter::parts()
{
    const auto &all = sheets();
    std::vector<Part> parts;
    auto small = [&parts](const QString &name, const QByteArray &bytes, bool stored = false) {
        Part part;
        part.name = name;
        part.stored = stored;
        part.segments.push_back(Segment{bytes, nullptr});
        parts.push_back(std::move(part));
    };
    // The mimetype first and not compressed: how a program knows an .ods without unzipping it.
    small(QStringLiteral("mimetype"), kMimeType, true);
    small(QStringLiteral("META-INF/manifest.xml"),
          QByteArray(kXmlDeclaration) +
              "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
              "manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
              "manifest:media-type=\"" +
              kMimeType +
              "\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
              "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
              "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
              "<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/>"
              "</manifest:manifest>");
    small(QStringLiteral("meta.xml"), QByteArray(kXmlDeclaration) + "<office:document-meta " + kNamespaces +
                                          "><office:meta><meta:generator>Carnet</meta:generator><dc:title>" +
                                          escaped(options().title) + "</dc:title><meta:creation-date>" +
                                          QDateTime::currentDateTime().toString(Qt::ISODate).toLatin1() +
                                          "</meta:creation-date></office:meta></office:document-meta>");
    small(QStringLiteral("styles.xml"), QByteArray(kXmlDeclaration) + "<office:document-styles " + kNamespaces +
                                            "><office:styles/></office:document-styles>");

    // The header row frozen in every sheet, the first sheet shown.
    QByteArray tables;
    for (const auto &sheet : all)
        tables +=
            "<config:config-item-map-entry config:name=\"" + escaped(sheet->name, true) +
            "\"><config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item>"
            "<config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">1</config:config-item>"
            "<config:config-item config:name=\"ActiveSplitRange\" config:type=\"short\">2</config:config-item>"
            "<config:config-item config:name=\"PositionTop\" config:type=\"int\">0</config:config-item>"
            "<config:config-item config:name=\"PositionBottom\" config:type=\"int\">1</config:config-item>"
            "</config:config-item-map-entry>";
    small(QStringLiteral("settings.xml"),
          QByteArray(kXmlDeclaration) + "<office:document-settings " + kNamespaces +
              "><office:settings><config:config-item-set config:name=\"ooo:view-settings\">"
              "<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>"
              "<config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item>"
              "<config:config-item-map-named config:name=\"Tables\">" +
              tables +
              "</config:config-item-map-named><config:config-item config:name=\"ActiveTable\" "
              "config:type=\"string\">" +
              escaped(all.empty() ? QString() : all.front()->name) +
              "</config:config-item></config:config-item-map-entry></config:config-item-map-indexed>"
              "</config:config-item-set></office:settings></office:document-settings>");

    QByteArray styles = "<office:automatic-styles>" + dateStyle("N1", options().datePattern, false) +
                        dateStyle("N2", options().datePattern, true) +
                        "<number:text-style style:name=\"N3\"><number:text-content/></number:text-style>"
                        "<style:style style:name=\"ce1\" style:family=\"table-cell\"><style:text-properties "
                        "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/>"
                        "</style:style>"
                        "<style:style style:name=\"ce2\" style:family=\"table-cell\" style:data-style-name=\"N1\"/>"
                        "<style:style style:name=\"ce3\" style:family=\"table-cell\" style:data-style-name=\"N2\"/>"
                        "<style:style style:name=\"ce4\" style:family=\"table-cell\" style:data-style-name=\"N3\"/>";
    for (size_t s = 0; s < all.size(); ++s) {
        for (size_t c = 0; c < all[s]->widths.size(); ++c) {
            // About a fifth of a centimetre a character, as LibreOffice's default font needs.
            const double cm = 0.3 + 0.21 * all[s]->widths[c];
            styles += "<style:style style:name=\"co" + QByteArray::number(qulonglong(s + 1)) + "_" +
                      QByteArray::number(qulonglong(c + 1)) +
                      "\" style:family=\"table-column\"><style:table-column-properties fo:break-before=\"auto\" "
                      "style:column-width=\"" +
                      QByteArray::number(cm, 'f', 2) + "cm\"/></style:style>";
        }
    }
    styles += "</office:automatic-styles>";

    Part content;
    content.name = QStringLiteral("content.xml");
    content.segments.push_back(Segment{QByteArray(kXmlDeclaration) + "<office:document-content " + kNamespaces + ">" +
                                           styles + "<office:body><office:spreadsheet>",
                                       nullptr});
    for (size_t s = 0; s < all.size(); ++s) {
        const Sheet &sheet = *all[s];
        QByteArray head = "<table:table table:name=\"" + escaped(sheet.name, true) + "\">";
        for (qsizetype c = 0; c < sheet.columns.size(); ++c) {
            const CellType type = sheet.columns[c].type;
            const char *cellStyle = type == CellType::Text       ? "ce4"
                                    : type == CellType::Date     ? "ce2"
                                    : type == CellType::DateTime ? "ce3"
                                                                 : nullptr;
            head += "<table:table-column table:style-name=\"co" + QByteArray::number(qulonglong(s + 1)) + "_" +
                    QByteArray::number(c + 1) + "\"" +
                    (cellStyle ? QByteArray(" table:default-cell-style-name=\"") + cellStyle + "\"" : QByteArray()) +
                    "/>";
        }
        if (sheet.columns.isEmpty())
            head += "<table:table-column/>";
        content.segments.push_back(Segment{head, nullptr});
        content.segments.push_back(Segment{QByteArray(), sheet.body.get()});
        content.segments.push_back(Segment{"</table:table>", nullptr});
    }
    content.segments.push_back(Segment{"</office:spreadsheet></office:body></office:document-content>", nullptr});
    parts.push_back(std::move(content));
    return parts;
}

} // namespace Reports
