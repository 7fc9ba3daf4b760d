#include "AuditCommand.h"

#include "AppContext.h"
#include "CliOutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>

namespace Cli {

QString AuditCommand::help()
{
    return QCoreApplication::translate("Cli::AuditCommand", "audit list [--member ID|EMAIL] [--actor LOGIN] [--json]");
}

int AuditCommand::run(const QStringList &arguments)
{
    if (arguments.value(0) != QLatin1String("list"))
        return usage(QCoreApplication::translate("Cli::AuditCommand", "Unknown audit command \"%1\". Commands: list.")
                         .arg(arguments.value(0)));
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
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
