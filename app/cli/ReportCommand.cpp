#include "ReportCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "reports/Report.h"
#include "reports/ReportExporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace Cli {

namespace {

// A missing answer or a bad filter is bad usage (2); a storage failure is a failed job (1).
int refusal(const Core::Error &error)
{
    if (error.code == Core::Error::Code::Invalid) {
        printError(error.message);
        return BadUsage;
    }
    return fail(error);
}

} // namespace

QString ReportCommand::help()
{
    return QCoreApplication::translate(
        "Cli::ReportCommand",
        "report save --definition FILE.json\n"
        "report list [--json]\n"
        "report show NAME --json\n"
        "report delete NAME\n"
        "report run NAME [--param KEY=VALUE]… [--output FILE] [--format csv|tsv|xlsx|ods] [--delimiter ','|';'|tab]\n"
        "  [--bom] [--preset excel-fr|excel-en|mailchimp] [--for-mailing PURPOSE] [--json]\n"
        "report totals NAME [--param KEY=VALUE]… [--json]");
}

int ReportCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("save"))
        return save(rest);
    if (action == QLatin1String("list"))
        return list(rest);
    if (action == QLatin1String("show"))
        return show(rest);
    if (action == QLatin1String("delete"))
        return remove(rest);
    if (action == QLatin1String("run"))
        return runReport(rest);
    if (action == QLatin1String("totals"))
        return totals(rest);
    return usage(
        QCoreApplication::translate("Cli::ReportCommand",
                                    "Unknown report command \"%1\". Commands: save, list, show, delete, run, totals.")
            .arg(action));
}

int ReportCommand::save(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("definition"), QString(), QStringLiteral("file")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    QFile f(parser.value(QStringLiteral("definition")));
    if (!parser.isSet(QStringLiteral("definition")) || !f.open(QIODevice::ReadOnly))
        return usage(QCoreApplication::translate("Cli::ReportCommand",
                                                 "report save needs --definition with a readable JSON file."));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return usage(QCoreApplication::translate("Cli::ReportCommand", "%1 is not a JSON object: %2")
                         .arg(f.fileName(), error.errorString()));
    auto report = Reports::ReportDefinition::fromJson(doc.object());
    if (!report.ok())
        return fail(report.error());
    if (auto r = Reports::ReportRepository(m_context.database(), m_context.clock()).save(report.value()); !r.ok())
        return fail(r.error());
    printLine(QCoreApplication::translate("Cli::ReportCommand", "Report \"%1\" saved.").arg(report.value().name));
    return Success;
}

int ReportCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    auto reports = Reports::ReportRepository(m_context.database(), m_context.clock()).list();
    if (!reports.ok())
        return fail(reports.error());
    QJsonArray array;
    for (const Reports::ReportDefinition &r : reports.value()) {
        if (parser.isSet(QStringLiteral("json")))
            array.append(QJsonObject{{QStringLiteral("name"), r.name},
                                     {QStringLiteral("group"), r.group},
                                     {QStringLiteral("subgroup"), r.subgroup},
                                     {QStringLiteral("notes"), r.notes}});
        else
            printLine(QStringLiteral("%1\t%2\t%3").arg(r.group, r.subgroup, r.name));
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(array);
    return Success;
}

int ReportCommand::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ReportCommand", "report show needs a report name.")))
        return BadUsage;
    auto report =
        Reports::ReportRepository(m_context.database(), m_context.clock()).find(parser.positionalArguments().first());
    if (!report.ok())
        return fail(report.error());
    printJson(report.value().toJson());
    return Success;
}

int ReportCommand::remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ReportCommand", "report delete needs a report name.")))
        return BadUsage;
    if (auto r = Reports::ReportRepository(m_context.database(), m_context.clock())
                     .remove(parser.positionalArguments().first());
        !r.ok())
        return fail(r.error());
    return Success;
}

int ReportCommand::runReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name : {"param", "output", "format", "delimiter", "preset", "for-mailing"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("bom")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ReportCommand", "report run needs a report name.")))
        return BadUsage;
    auto report =
        Reports::ReportRepository(m_context.database(), m_context.clock()).find(parser.positionalArguments().first());
    if (!report.ok())
        return fail(report.error());
    Reports::ReportDefinition def = report.value();

    QHash<QString, QString> params;
    if (!parseParams(parser.values(QStringLiteral("param")), &params))
        return BadUsage;
    Reports::ReadOptions options;
    if (parser.isSet(QStringLiteral("preset")) &&
        !Reports::ReadOptions::preset(parser.value(QStringLiteral("preset")), &options))
        return usage(QCoreApplication::translate("Cli::ReportCommand", "--preset is excel-fr, excel-en or mailchimp."));
    // A spreadsheet by --format, or by the output's name when --format is not given (members.xlsx).
    const QString output = parser.value(QStringLiteral("output"));
    QString format = parser.value(QStringLiteral("format")).toLower();
    if (!parser.isSet(QStringLiteral("format")))
        format = QFileInfo(output).suffix().toLower() == QLatin1String("tsv") ? QStringLiteral("tsv")
                                                                              : QFileInfo(output).suffix().toLower();
    Reports::SpreadsheetWriter::Format sheetFormat;
    if (Reports::SpreadsheetWriter::formatFromName(format, &sheetFormat)) {
        if (output.isEmpty())
            return usage(QCoreApplication::translate("Cli::ReportCommand",
                                                     "A spreadsheet is written to a file: add --output FILE."));
        if (parser.isSet(QStringLiteral("delimiter")) || parser.isSet(QStringLiteral("bom")))
            return usage(QCoreApplication::translate("Cli::ReportCommand",
                                                     "--delimiter and --bom are for a CSV, not a spreadsheet."));
        options.spreadsheet = sheetFormat;
    } else if (format == QLatin1String("tsv")) {
        options.delimiter = QLatin1Char('\t');
    } else if (parser.isSet(QStringLiteral("format")) && format != QLatin1String("csv")) {
        return usage(QCoreApplication::translate("Cli::ReportCommand", "--format is csv, tsv, xlsx or ods."));
    }
    if (parser.isSet(QStringLiteral("delimiter"))) {
        const QString d = parser.value(QStringLiteral("delimiter"));
        if (d == QLatin1String("tab"))
            options.delimiter = QLatin1Char('\t');
        else if (d == QLatin1String(",") || d == QLatin1String(";"))
            options.delimiter = d.at(0);
        else
            return usage(QCoreApplication::translate("Cli::ReportCommand", "--delimiter is ',', ';' or tab."));
    }
    if (parser.isSet(QStringLiteral("bom")))
        options.bom = true;
    if (options.mailchimp)
        def.columns = {QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name")};
    Reports::ReportRunner runner(m_context.database(), m_context.members(), m_context.consent(), m_context.clock());
    const Reports::ReportExporter exporter(runner, m_context.consent(), m_context.database(), m_context.audit());
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString purpose = parser.value(QStringLiteral("for-mailing"));
    const Reports::ExportRequest request{def, params, options, purpose, output, std::nullopt};

    // The rows: every match, or for mailing only those the consent service allows (in the report's order).
    const bool jsonRows = json && output.isEmpty();
    auto plan = exporter.plan(request, jsonRows);
    if (!plan.ok())
        return refusal(plan.error());
    const QJsonObject excluded = plan.value().excluded();

    qint64 written = 0;
    QJsonArray objects;
    if (jsonRows) {
        const QStringList keys = def.columns;
        auto done = runner.rows(def, plan.value().rows, options.dateFormat, false, [&](const QStringList &values) {
            QJsonObject o;
            for (int i = 0; i < keys.size(); ++i)
                o.insert(keys[i], values.value(i));
            objects.append(o);
        });
        if (!done.ok())
            return fail(done.error());
        written = plan.value().rowCount;
        if (auto a = exporter.audit(request, written, QStringLiteral("-")); !a.ok())
            return fail(a.error());
        if (purpose.isEmpty())
            printJson(objects);
        else
            printJson(QJsonObject{{QStringLiteral("rows"), objects}, {QStringLiteral("excluded"), excluded}});
    } else {
        // CSV, streamed to the file (whole or nothing) or to standard output.
        auto done = exporter.write(request, plan.value(), [](const QByteArray &bytes) {
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        });
        std::fflush(stdout);
        if (!done.ok())
            return refusal(done.error());
        written = done.value();
        if (!output.isEmpty() && json) {
            QJsonObject o{{QStringLiteral("file"), output},
                          {QStringLiteral("rows"), written},
                          {QStringLiteral("format"), options.spreadsheet
                                                         ? Reports::SpreadsheetWriter::suffix(*options.spreadsheet)
                                                     : options.delimiter == QLatin1Char('\t') ? QStringLiteral("tsv")
                                                                                              : QStringLiteral("csv")}};
            if (!purpose.isEmpty())
                o.insert(QStringLiteral("excluded"), excluded);
            printJson(o);
        } else if (!output.isEmpty()) {
            printLine(
                QCoreApplication::translate("Cli::ReportCommand", "%1 row(s) written to %2.").arg(written).arg(output));
        }
    }
    if (!purpose.isEmpty() && !jsonRows) {
        QStringList parts;
        for (auto it = excluded.begin(); it != excluded.end(); ++it)
            parts.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value().toInt()));
        printError(QCoreApplication::translate("Cli::ReportCommand", "Left out for mailing: %1")
                       .arg(parts.join(QStringLiteral(", "))));
    }
    if (purpose.isEmpty() && !output.isEmpty())
        printError(QCoreApplication::translate(
            "Cli::ReportCommand", "Reminder: this file holds personal data; keep it safe and delete it when done."));
    return Success;
}

int ReportCommand::totals(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("param"), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ReportCommand", "report totals needs a report name.")))
        return BadUsage;
    auto report =
        Reports::ReportRepository(m_context.database(), m_context.clock()).find(parser.positionalArguments().first());
    if (!report.ok())
        return fail(report.error());
    QHash<QString, QString> params;
    if (!parseParams(parser.values(QStringLiteral("param")), &params))
        return BadUsage;
    Reports::ReportRunner runner(m_context.database(), m_context.members(), m_context.consent(), m_context.clock());
    auto count = runner.count(report.value(), params);
    auto totals = runner.totals(report.value(), params);
    if (!count.ok() || !totals.ok())
        return refusal(!count.ok() ? count.error() : totals.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray groups;
        for (const Reports::GroupTotal &g : totals.value())
            groups.append(QJsonObject{{QStringLiteral("value"), g.value}, {QStringLiteral("count"), g.count}});
        printJson(QJsonObject{{QStringLiteral("count"), count.value()},
                              {QStringLiteral("group_by"), report.value().groupBy},
                              {QStringLiteral("groups"), groups}});
        return Success;
    }
    for (const Reports::GroupTotal &g : totals.value())
        printLine(QStringLiteral("%1\t%2").arg(g.value).arg(g.count));
    printLine(QCoreApplication::translate("Cli::ReportCommand", "Total\t%1").arg(count.value()));
    return Success;
}

bool ReportCommand::parseParams(const QStringList &values, QHash<QString, QString> *params)
{
    for (const QString &p : values) {
        if (!p.contains(QLatin1Char('='))) {
            usage(QCoreApplication::translate("Cli::ReportCommand", "--param takes KEY=VALUE, not \"%1\".").arg(p));
            return false;
        }
        params->insert(p.section(QLatin1Char('='), 0, 0), p.section(QLatin1Char('='), 1));
    }
    return true;
}

} // namespace Cli
