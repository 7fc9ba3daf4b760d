#include "PreviewCommand.h"

#include "CliOutput.h"
#include "import/ColumnMapper.h"
#include "import/TableSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <climits>
#include <cstdio>

namespace Cli {

namespace {
QString delimiterName(QChar d)
{
    return d == QLatin1Char('\t') ? QStringLiteral("\t") : QString(d);
}

bool parseDelimiter(const QString &text, QChar *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("tab") || t == QLatin1String("\\t") || text == QLatin1String("\t")) {
        *out = QLatin1Char('\t');
        return true;
    }
    if (t == QLatin1String("comma")) {
        *out = QLatin1Char(',');
        return true;
    }
    if (t == QLatin1String("semicolon")) {
        *out = QLatin1Char(';');
        return true;
    }
    if (text.size() == 1 && text.at(0) != QLatin1Char('"') && text.at(0) != QLatin1Char('\n') &&
        text.at(0) != QLatin1Char('\r')) {
        *out = text.at(0);
        return true;
    }
    return false;
}
} // namespace

QString PreviewCommand::help()
{
    return QCoreApplication::translate(
        "Cli::PreviewCommand",
        "preview FILE [--sheet NAME|NUMBER] [--encoding E] [--delimiter D|tab] [--no-header] [--limit N] [--json]");
}

int PreviewCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("encoding"), QString(), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(QStringLiteral("delimiter"), QString(), QStringLiteral("char")));
    parser.addOption(QCommandLineOption(QStringLiteral("sheet"), QString(), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(QStringLiteral("no-header")));
    parser.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("Cli::PreviewCommand", "preview needs one file."));

    Import::ReadOptions options;
    if (parser.isSet(QStringLiteral("encoding"))) {
        options.encoding = Import::EncodingDetector::canonicalName(parser.value(QStringLiteral("encoding")));
        if (options.encoding.isEmpty())
            return usage(QCoreApplication::translate("Cli::PreviewCommand", "Unknown encoding \"%1\".")
                             .arg(parser.value(QStringLiteral("encoding"))));
    }
    if (parser.isSet(QStringLiteral("delimiter")) &&
        !parseDelimiter(parser.value(QStringLiteral("delimiter")), &options.delimiter))
        return usage(QCoreApplication::translate("Cli::PreviewCommand",
                                                 "--delimiter takes one character, or \"tab\", not \"%1\".")
                         .arg(parser.value(QStringLiteral("delimiter"))));
    if (parser.isSet(QStringLiteral("no-header")))
        options.hasHeader = false;
    options.sheet = parser.value(QStringLiteral("sheet"));
    qint64 limit = -1;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || limit < 0)
            return usage(QCoreApplication::translate("Cli::PreviewCommand", "--limit takes a number of rows."));
    }

    auto opened = Import::TableSource::open(parser.positionalArguments().first(), options);
    if (!opened.ok()) {
        printError(opened.error().message);
        return BadUsage; // an unusable input
    }
    Import::TableSource &file = *opened.value();

    QJsonArray rows;
    QList<QStringList> firstRows;
    Import::CsvRecord record;
    int columns = int(file.header().size());
    while ((limit < 0 || rows.size() < limit) && file.next(record)) {
        rows.append(QJsonArray::fromStringList(record.fields));
        if (firstRows.size() < 200)
            firstRows.append(record.fields);
        columns = std::max(columns, int(record.fields.size()));
    }
    if (file.readError()) {
        printError(file.readError()->message);
        return BadUsage;
    }

    const QStringList mapping = file.hasHeader() ? Import::ColumnMapper::map(file.header())
                                                 : Import::ColumnMapper::mapByContent(firstRows, columns);
    QJsonObject mappingJson;
    for (int i = 0; i < mapping.size(); ++i) {
        QString key = file.hasHeader() ? file.header()[i] : QStringLiteral("column_%1").arg(i + 1);
        for (int n = 2; mappingJson.contains(key); ++n)
            key = QStringLiteral("%1 (%2)").arg(file.header()[i]).arg(n); // two columns with one name
        mappingJson.insert(key, mapping[i].isEmpty() ? QJsonValue() : QJsonValue(mapping[i]));
    }
    QJsonArray problems;
    for (const Import::LineProblem &p : file.problems())
        problems.append(QJsonObject{{QStringLiteral("line"), p.line}, {QStringLiteral("message"), p.message}});

    const bool spreadsheet = file.format() != Import::FileFormat::Csv;
    const QList<Import::SheetInfo> sheets = file.sheets();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out{
            {QStringLiteral("format"), Import::formatName(file.format())},
            {QStringLiteral("encoding"), spreadsheet ? QJsonValue() : QString::fromLatin1(file.encoding().name)},
            {QStringLiteral("bom"), file.encoding().bom},
            {QStringLiteral("delimiter"), spreadsheet ? QJsonValue() : delimiterName(file.delimiter())},
            {QStringLiteral("has_header"), file.hasHeader()},
            {QStringLiteral("header"), QJsonArray::fromStringList(file.header())},
            {QStringLiteral("mapping"), mappingJson},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("problems"), problems},
        };
        if (spreadsheet) {
            QJsonArray list;
            for (const Import::SheetInfo &s : sheets)
                list.append(QJsonObject{{QStringLiteral("name"), s.name},
                                        {QStringLiteral("rows"), s.rows},
                                        {QStringLiteral("hidden"), s.hidden}});
            out.insert(QStringLiteral("sheets"), list);
            out.insert(QStringLiteral("sheet"), file.sheetName());
        }
        printJson(out);
        return Success;
    }
    if (spreadsheet) {
        printLine(QCoreApplication::translate("Cli::PreviewCommand", "Sheet: %1; header: %2; rows: %3")
                      .arg(file.sheetName(), file.hasHeader()
                                                 ? QCoreApplication::translate("Cli::PreviewCommand", "yes")
                                                 : QCoreApplication::translate("Cli::PreviewCommand", "no"))
                      .arg(rows.size()));
        for (const Import::SheetInfo &s : sheets) {
            const int count = s.rows > INT_MAX ? INT_MAX : int(s.rows);
            const QString hidden =
                s.hidden ? QCoreApplication::translate("Cli::PreviewCommand", " (hidden)") : QString();
            printLine(QCoreApplication::translate("Cli::PreviewCommand", "  sheet “%1”: %n row(s)%2", nullptr, count)
                          .arg(s.name, hidden));
        }
    } else {
        printLine(
            QCoreApplication::translate("Cli::PreviewCommand", "Encoding: %1%2; separator: %3; header: %4; rows: %5")
                .arg(QString::fromLatin1(file.encoding().name),
                     file.encoding().bom ? QStringLiteral(" (BOM)") : QString(),
                     file.delimiter() == QLatin1Char('\t') ? QStringLiteral("tab") : QString(file.delimiter()),
                     file.hasHeader() ? QCoreApplication::translate("Cli::PreviewCommand", "yes")
                                      : QCoreApplication::translate("Cli::PreviewCommand", "no"))
                .arg(rows.size()));
    }
    for (int i = 0; i < mapping.size(); ++i)
        printLine(QStringLiteral("  %1 → %2")
                      .arg(file.hasHeader() ? file.header()[i] : QStringLiteral("column_%1").arg(i + 1),
                           mapping[i].isEmpty() ? QStringLiteral("—") : mapping[i]));
    for (const Import::LineProblem &p : file.problems())
        printLine(p.line > 0
                      ? QCoreApplication::translate("Cli::PreviewCommand", "  line %1: %2").arg(p.line).arg(p.message)
                      : QStringLiteral("  %1").arg(p.message));
    return Success;
}

} // namespace Cli
