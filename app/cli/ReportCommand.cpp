#include "ReportCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "reports/Report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

namespace Cli {

QString ReportCommand::help()
{
    return QCoreApplication::translate(
        "Cli::ReportCommand",
        "report save --definition FILE.json\n"
        "report list [--json]\n"
        "report show NAME --json\n"
        "report delete NAME\n"
        "report run NAME [--param KEY=VALUE]… [--output FILE] [--format csv|tsv] [--delimiter ','|';'|tab] [--bom]\n"
        "  [--preset excel-fr|excel-en|mailchimp] [--for-mailing PURPOSE] [--json]");
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
    return usage(QCoreApplication::translate("Cli::ReportCommand",
                                             "Unknown report command \"%1\". Commands: save, list, show, delete, run.")
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
    for (const QString &p : parser.values(QStringLiteral("param"))) {
        if (!p.contains(QLatin1Char('=')))
            return usage(
                QCoreApplication::translate("Cli::ReportCommand", "--param takes KEY=VALUE, not \"%1\".").arg(p));
        params.insert(p.section(QLatin1Char('='), 0, 0), p.section(QLatin1Char('='), 1));
    }
    Reports::CsvOptions options;
    if (parser.isSet(QStringLiteral("preset")) &&
        !Reports::CsvOptions::preset(parser.value(QStringLiteral("preset")), &options))
        return usage(QCoreApplication::translate("Cli::ReportCommand", "--preset is excel-fr, excel-en or mailchimp."));
    if (parser.value(QStringLiteral("format")) == QLatin1String("tsv"))
        options.delimiter = QLatin1Char('\t');
    else if (parser.isSet(QStringLiteral("format")) && parser.value(QStringLiteral("format")) != QLatin1String("csv"))
        return usage(QCoreApplication::translate("Cli::ReportCommand", "--format is csv or tsv."));
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
    auto refused = [](const Core::Error &error) {
        // A missing parameter or a bad filter is bad usage; a storage failure is a failed job.
        if (error.code == Core::Error::Code::Invalid) {
            printError(error.message);
            return int(BadUsage);
        }
        return fail(error);
    };
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString output = parser.value(QStringLiteral("output"));
    const QString purpose = parser.value(QStringLiteral("for-mailing"));
    const QStringList keys = def.columns;

    // The rows: every match, or for mailing only those the consent service allows (in the report's order).
    std::vector<qint64> rows;
    QJsonObject excluded;
    const bool needIds = !purpose.isEmpty() || (json && output.isEmpty());
    if (needIds) {
        auto ids = runner.ids(def, params);
        if (!ids.ok())
            return refused(ids.error());
        rows = std::move(ids).value();
    }
    if (!purpose.isEmpty()) {
        auto eligible = m_context.consent().eligible(purpose, rows);
        if (!eligible.ok())
            return fail(eligible.error());
        std::vector<qint64> allowed = eligible.value().eligible;
        std::sort(allowed.begin(), allowed.end());
        std::erase_if(rows, [&allowed](qint64 id) { return !std::binary_search(allowed.begin(), allowed.end(), id); });
        excluded = eligible.value().excludedJson();
    }

    qint64 written = 0;
    QJsonArray objects;
    if (json && output.isEmpty()) {
        auto done = runner.rows(def, rows, options.dateFormat, [&](const QStringList &values) {
            QJsonObject o;
            for (int i = 0; i < keys.size(); ++i)
                o.insert(keys[i], values.value(i));
            objects.append(o);
        });
        if (!done.ok())
            return fail(done.error());
        written = qint64(rows.size());
    } else {
        // CSV, streamed to the file (whole or nothing) or to standard output.
        QSaveFile file(output);
        if (!output.isEmpty() && !file.open(QIODevice::WriteOnly))
            return fail(Core::Error::make(Core::Error::Code::Storage,
                                          QCoreApplication::translate("Cli::ReportCommand", "Cannot write %1: %2")
                                              .arg(output, file.errorString())));
        bool writeFailed = false;
        auto write = [&](const QByteArray &bytes) {
            if (output.isEmpty())
                std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
            else if (file.write(bytes) != bytes.size())
                writeFailed = true;
        };
        QByteArray header = options.bom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
        QStringList cells;
        for (const QString &h : runner.headers(def, options))
            cells.append(Reports::csvCell(h, options.delimiter));
        header += cells.join(options.delimiter).toUtf8() + "\r\n";
        write(header);
        bool handled = false;
        auto streamed = runner.streamCsv(def, params, purpose.isEmpty() ? nullptr : &rows, options, write, &handled);
        if (!streamed.ok())
            return refused(streamed.error());
        written = streamed.value();
        if (!handled) {
            // Consent columns: through the consent service, a chunk at a time.
            if (!needIds) {
                auto ids = runner.ids(def, params);
                if (!ids.ok())
                    return refused(ids.error());
                rows = std::move(ids).value();
            }
            auto done = runner.rows(def, rows, options.dateFormat, [&](const QStringList &values) {
                QStringList line;
                for (const QString &v : values)
                    line.append(Reports::csvCell(v, options.delimiter));
                write(line.join(options.delimiter).toUtf8() + "\r\n");
            });
            if (!done.ok())
                return fail(done.error());
            written = qint64(rows.size());
        }
        if (output.isEmpty()) {
            std::fflush(stdout);
        } else if (writeFailed || !file.commit()) {
            file.cancelWriting();
            return fail(Core::Error::make(Core::Error::Code::Storage,
                                          QCoreApplication::translate("Cli::ReportCommand", "Cannot write %1: %2")
                                              .arg(output, file.errorString())));
        }
    }
    auto audited = m_context.database().write([&] {
        return m_context.audit().append(
            QStringLiteral("export"), 0,
            {{QStringLiteral("report"), def.name},
             {QStringLiteral("columns"), QJsonArray::fromStringList(keys)},
             {QStringLiteral("rows"), qint64(rows.size())},
             {QStringLiteral("file"), output.isEmpty() ? QStringLiteral("-") : QFileInfo(output).fileName()},
             {QStringLiteral("purpose"),
              purpose.isEmpty() ? QStringLiteral("administration") : QStringLiteral("mailing:") + purpose}});
    });
    if (!audited.ok())
        return fail(audited.error());

    if (json && output.isEmpty()) {
        if (purpose.isEmpty())
            printJson(objects);
        else
            printJson(QJsonObject{{QStringLiteral("rows"), objects}, {QStringLiteral("excluded"), excluded}});
    } else if (!output.isEmpty() && json) {
        QJsonObject o{{QStringLiteral("file"), output}, {QStringLiteral("rows"), written}};
        if (!purpose.isEmpty())
            o.insert(QStringLiteral("excluded"), excluded);
        printJson(o);
    } else if (!output.isEmpty()) {
        printLine(
            QCoreApplication::translate("Cli::ReportCommand", "%1 row(s) written to %2.").arg(written).arg(output));
    }
    if (!purpose.isEmpty() && !(json && output.isEmpty())) {
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

} // namespace Cli
