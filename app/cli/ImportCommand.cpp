#include "ImportCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "import/EncodingDetector.h"
#include "import/Importer.h"
#include "storage/ImportBatchRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace Cli {

ImportCommand::ImportCommand(AppContext &context) : m_context(context)
{}

QString ImportCommand::help()
{
    return QCoreApplication::translate(
        "Cli::ImportCommand",
        "import FILE [--dry-run] [--mode create|update|fill] [--map \"HEADER=field\"]… [--encoding E] [--delimiter D]\n"
        "            [--sheet NAME|NUMBER] [--no-header] [--skip-no-email] [--protect FIELD]… [--date-order dmy|mdy]\n"
        "            [--consent-purpose PURPOSE] [--json]\n"
        "import list [--json]\n"
        "import undo BATCH");
}

int ImportCommand::run(const QStringList &arguments)
{
    const QString first = arguments.value(0);
    if (first == QLatin1String("list") && !QFileInfo::exists(first))
        return list(arguments.mid(1));
    if (first == QLatin1String("undo") && !QFileInfo::exists(first))
        return undo(arguments.mid(1));
    return importFile(arguments);
}

int ImportCommand::importFile(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *flag : {"dry-run", "no-header", "skip-no-email", "json"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(flag)));
    for (const char *option :
         {"mode", "map", "encoding", "delimiter", "sheet", "protect", "date-order", "consent-purpose"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(option), QString(), QStringLiteral("value")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("Cli::ImportCommand", "import needs one file."));

    Import::ImportOptions options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.skipNoEmail = parser.isSet(QStringLiteral("skip-no-email"));
    if (parser.isSet(QStringLiteral("no-header")))
        options.csv.hasHeader = false;
    options.csv.sheet = parser.value(QStringLiteral("sheet"));
    if (parser.isSet(QStringLiteral("mode")) &&
        !Import::Importer::modeFromName(parser.value(QStringLiteral("mode")), &options.mode))
        return usage(QCoreApplication::translate("Cli::ImportCommand", "--mode is create, update or fill, not \"%1\".")
                         .arg(parser.value(QStringLiteral("mode"))));
    if (parser.isSet(QStringLiteral("encoding"))) {
        options.csv.encoding = Import::EncodingDetector::canonicalName(parser.value(QStringLiteral("encoding")));
        if (options.csv.encoding.isEmpty())
            return usage(QCoreApplication::translate("Cli::ImportCommand", "Unknown encoding \"%1\".")
                             .arg(parser.value(QStringLiteral("encoding"))));
    }
    if (parser.isSet(QStringLiteral("delimiter"))) {
        const QString d = parser.value(QStringLiteral("delimiter"));
        if (d.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0 || d == QLatin1String("\\t"))
            options.csv.delimiter = QLatin1Char('\t');
        else if (d.size() == 1 && d != QLatin1String("\""))
            options.csv.delimiter = d.at(0);
        else
            return usage(
                QCoreApplication::translate("Cli::ImportCommand", "--delimiter takes one character, or \"tab\"."));
    }
    for (const QString &map : parser.values(QStringLiteral("map"))) {
        const qsizetype eq = map.lastIndexOf(QLatin1Char('='));
        const QString header = map.left(eq);
        const QString field = map.mid(eq + 1).trimmed();
        const bool ignore = field.isEmpty() || field == QLatin1String("null") || field == QLatin1String("ignore");
        if (eq <= 0 || (!ignore && !Import::Importer::isValidTarget(field)))
            return usage(QCoreApplication::translate("Cli::ImportCommand",
                                                     "--map takes \"HEADER=field\" where field is a member field, "
                                                     "full_name, extra.NAME or ignore, not \"%1\".")
                             .arg(map));
        options.mapping.insert(header, ignore ? QString() : field);
    }
    options.protectedFields = parser.values(QStringLiteral("protect"));
    // Consent columns are recorded only for a purpose named here: a file never grants consent alone.
    options.consentPurpose = parser.value(QStringLiteral("consent-purpose"));
    if (parser.isSet(QStringLiteral("date-order"))) {
        const QString order = parser.value(QStringLiteral("date-order"));
        if (order == QLatin1String("dmy"))
            options.dateOrder = Import::DateOrder::DayMonth;
        else if (order == QLatin1String("mdy"))
            options.dateOrder = Import::DateOrder::MonthDay;
        else
            return usage(QCoreApplication::translate("Cli::ImportCommand", "--date-order is dmy or mdy."));
    }

    Import::Importer importer(m_context.database(), m_context.members(), m_context.clock());
    auto report = importer.run(parser.positionalArguments().first(), options);
    if (!report.ok()) {
        // The importer refuses an unusable file with Invalid (exit code 2); database errors keep theirs.
        if (report.error().code != Core::Error::Code::Invalid)
            return fail(report.error());
        printError(report.error().message);
        return BadUsage;
    }
    const Import::ImportReport &r = report.value();
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(r.toJson());
    } else {
        printLine(QCoreApplication::translate("Cli::ImportCommand",
                                              "%1 created, %2 updated, %3 unchanged, %4 duplicates, %5 rejected, "
                                              "%6 without email.")
                      .arg(r.created)
                      .arg(r.updated)
                      .arg(r.unchanged)
                      .arg(r.duplicates)
                      .arg(r.rejected)
                      .arg(r.noEmail));
        if (r.batchId)
            printLine(QCoreApplication::translate("Cli::ImportCommand", "Import %1 (undo: carnet-cli import undo %1).")
                          .arg(r.batchId));
        if (!r.consent.isEmpty())
            printLine(QCoreApplication::translate("Cli::ImportCommand",
                                                  "Consent for \"%1\": %2 recorded, %3 withdrawals, %4 left out "
                                                  "(suppressed addresses).")
                          .arg(r.consent.value(QStringLiteral("purpose")).toString())
                          .arg(r.consent.value(QStringLiteral("granted")).toInteger())
                          .arg(r.consent.value(QStringLiteral("withdrawn")).toInteger())
                          .arg(r.consent.value(QStringLiteral("skipped_suppressed")).toInteger()));
        else if (r.consentColumns.found())
            printLine(QCoreApplication::translate("Cli::ImportCommand",
                                                  "%1 Not recorded: say for which purpose with --consent-purpose.")
                          .arg(r.consentColumns.description()));
        for (const Import::RowIssue &e : r.errors)
            printError(QCoreApplication::translate("Cli::ImportCommand", "line %1, %2 \"%3\": %4")
                           .arg(e.line)
                           .arg(e.column, e.value, e.message));
    }
    return r.rejected > 0 ? JobFailed : Success;
}

int ImportCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    Storage::ImportBatchRepository batches(m_context.database(), m_context.clock());
    auto all = batches.list();
    if (!all.ok())
        return fail(all.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Storage::ImportBatch &b : all.value())
            array.append(b.toJson());
        printJson(array);
        return Success;
    }
    for (const Storage::ImportBatch &b : all.value())
        printLine(QStringLiteral("%1\t%2\t%3\t+%4 ~%5%6")
                      .arg(b.id)
                      .arg(b.importedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), b.fileName)
                      .arg(b.created)
                      .arg(b.updated)
                      .arg(b.undoneAt.isValid() ? QCoreApplication::translate("Cli::ImportCommand", " (undone)")
                                                : QString()));
    return Success;
}

int ImportCommand::undo(const QStringList &arguments)
{
    bool ok = false;
    const qint64 id = arguments.value(0).toLongLong(&ok);
    if (!ok || arguments.size() != 1)
        return usage(QCoreApplication::translate("Cli::ImportCommand", "import undo needs the number of an import."));
    Storage::ImportBatchRepository batches(m_context.database(), m_context.clock());
    if (auto r = batches.undo(id); !r.ok())
        return fail(r.error());
    printLine(QCoreApplication::translate("Cli::ImportCommand", "Import %1 undone.").arg(id));
    return Success;
}

} // namespace Cli
