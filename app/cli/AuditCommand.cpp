#include "AuditCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "reports/TableExport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Cli {

QString AuditCommand::help()
{
    return QCoreApplication::translate("Cli::AuditCommand",
                                       "audit list [--member ID|EMAIL] [--actor LOGIN] [--json]\n"
                                       "audit export --output FILE [--format csv|xlsx|ods] [--member ID|EMAIL] "
                                       "[--actor LOGIN] [--json]");
}

int AuditCommand::run(const QStringList &arguments)
{
    const bool exporting = arguments.value(0) == QLatin1String("export");
    if (arguments.value(0) != QLatin1String("list") && !exporting)
        return usage(
            QCoreApplication::translate("Cli::AuditCommand", "Unknown audit command \"%1\". Commands: list, export.")
                .arg(arguments.value(0)));
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (exporting) {
        parser.addOption(QCommandLineOption(QStringLiteral("output"), QString(), QStringLiteral("file")));
        parser.addOption(QCommandLineOption(QStringLiteral("format"), QString(), QStringLiteral("format")));
    }
    parser.addOption(QCommandLineOption(QStringLiteral("member"), QString(), QStringLiteral("member")));
    parser.addOption(QCommandLineOption(QStringLiteral("actor"), QString(), QStringLiteral("login")));
    if (!parseArguments(parser, arguments.mid(1)) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    qint64 memberId = 0;
    if (parser.isSet(QStringLiteral("member"))) {
        // An erased member can no longer be found by address; an id still names their entries.
        bool isId = false;
        memberId = parser.value(QStringLiteral("member")).toLongLong(&isId);
        if (!isId) {
            auto member = m_context.members().findByReference(parser.value(QStringLiteral("member")));
            if (!member.ok())
                return fail(member.error());
            memberId = member.value().id;
        }
    }
    auto entries = m_context.audit().list(memberId, parser.value(QStringLiteral("actor")));
    if (!entries.ok())
        return fail(entries.error());
    if (exporting) {
        // The log as a file: by --format, or by the file's name (a CSV for Excel otherwise).
        const QString output = parser.value(QStringLiteral("output"));
        if (output.isEmpty())
            return usage(QCoreApplication::translate("Cli::AuditCommand", "audit export needs --output FILE."));
        std::optional<Reports::SpreadsheetWriter::Format> format = Reports::spreadsheetFormatOf(output);
        if (parser.isSet(QStringLiteral("format"))) {
            Reports::SpreadsheetWriter::Format chosen;
            const QString name = parser.value(QStringLiteral("format"));
            if (Reports::SpreadsheetWriter::formatFromName(name, &chosen))
                format = chosen;
            else if (name == QLatin1String("csv"))
                format.reset();
            else
                return usage(QCoreApplication::translate("Cli::AuditCommand", "--format is csv, xlsx or ods."));
        }
        auto written = Reports::writeTables(output, format, {Reports::auditTable(entries.value())},
                                            QCoreApplication::translate("Cli::AuditCommand", "Audit log"));
        if (!written.ok())
            return fail(written.error());
        if (parser.isSet(QStringLiteral("json")))
            printJson(QJsonObject{{QStringLiteral("file"), output},
                                  {QStringLiteral("rows"), qint64(entries.value().size())},
                                  {QStringLiteral("format"),
                                   format ? Reports::SpreadsheetWriter::suffix(*format) : QStringLiteral("csv")}});
        else
            printLine(QCoreApplication::translate("Cli::AuditCommand", "%n entry(ies) written to %1.", nullptr,
                                                  int(entries.value().size()))
                          .arg(output));
        return Success;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        // Oldest first, like the consent history.
        for (auto it = entries.value().crbegin(); it != entries.value().crend(); ++it)
            array.append(it->toJson());
        printJson(array);
        return Success;
    }
    for (auto it = entries.value().crbegin(); it != entries.value().crend(); ++it)
        printLine(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                      .arg(it->at.toUTC().toString(Qt::ISODate), it->actor, it->actionLabel(),
                           it->memberId ? QString::number(it->memberId) : QStringLiteral("-"), it->summary()));
    return Success;
}

} // namespace Cli
