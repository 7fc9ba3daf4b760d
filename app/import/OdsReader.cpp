#include "OdsReader.h"

#include "CellFormat.h"
#include "SheetXml.h"
#include "ZipArchive.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Import {

using namespace SheetXml;

namespace {
constexpr int kRepeatedText = 1000; // ODS text:s counts
} // namespace

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

OdsSheetReader::OdsSheetReader(std::unique_ptr<QIODevice> device) : m_device(std::move(device)), m_xml(m_device.get())
{
    m_source = m_device.get();
    m_xml.setNamespaceProcessing(true);
}

OdsSheetReader::~OdsSheetReader() = default;

bool OdsSheetReader::seek(const QString &name, int *index)
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

bool OdsSheetReader::nextRow(QStringList &cells, qint64 &row)
{
    return m_table && m_table->nextRow(cells, row);
}

QString OdsSheetReader::error() const
{
    if (m_table && !m_table->error().isEmpty())
        return m_table->error();
    return m_xml.hasError() ? m_xml.errorString() : QString();
}

QList<LineProblem> OdsSheetReader::takeProblems()
{
    return m_table ? m_table->takeProblems() : QList<LineProblem>();
}

Core::Result<void> listOdsSheets(ZipArchive &archive, Workbook &workbook, const std::atomic<bool> *cancel)
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
            Workbook::Sheet sheet;
            sheet.name = attribute(xml, QLatin1StringView("name")).toString();
            sheet.hidden = hiddenStyles.contains(attribute(xml, QLatin1StringView("style-name")).toString());
            OdsTableReader table(xml);
            QStringList cells;
            qint64 row = 0;
            sheet.rows = 0;
            while (table.nextRow(cells, row)) {
                sheet.rows += 1 + table.skipRepeats();
                if (cancel && cancel->load(std::memory_order_relaxed))
                    return Core::Error::make(Core::Error::Code::Cancelled, QString());
            }
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

} // namespace Import
