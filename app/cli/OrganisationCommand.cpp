#include "OrganisationCommand.h"

#include "AppContext.h"
#include "CliOutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Cli {

QString OrganisationCommand::help()
{
    return QCoreApplication::translate("Cli::OrganisationCommand",
                                       "organisation set --name N --address A --email E [--phone P] [--website W] "
                                       "[--unsubscribe-url https://…] --jurisdiction ca|eu|both [--json]\n"
                                       "organisation show [--json]");
}

int OrganisationCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    const QStringList fields = {QStringLiteral("name"),           QStringLiteral("address"),
                                QStringLiteral("email"),          QStringLiteral("phone"),
                                QStringLiteral("website"),        QStringLiteral("jurisdiction"),
                                QStringLiteral("unsubscribe-url")};
    if (action == QLatin1String("set")) {
        for (const QString &f : fields)
            parser.addOption(QCommandLineOption(f, QString(), QStringLiteral("value")));
    } else if (action != QLatin1String("show")) {
        return usage(QCoreApplication::translate("Cli::OrganisationCommand",
                                                 "Unknown organisation command \"%1\". Commands: set, show.")
                         .arg(action));
    }
    if (!parseArguments(parser, arguments.mid(1)) || !expectPositional(parser, 0, QString()))
        return BadUsage;

    auto current = m_context.consent().organisation();
    if (!current.ok())
        return fail(current.error());
    Consent::Organisation o = current.value();
    if (action == QLatin1String("set")) {
        // Options given replace the stored values; the others stay (so a later call can change one).
        if (parser.isSet(QStringLiteral("name")))
            o.name = parser.value(QStringLiteral("name"));
        if (parser.isSet(QStringLiteral("address")))
            o.address = parser.value(QStringLiteral("address"));
        if (parser.isSet(QStringLiteral("email")))
            o.email = parser.value(QStringLiteral("email"));
        if (parser.isSet(QStringLiteral("phone")))
            o.phone = parser.value(QStringLiteral("phone"));
        if (parser.isSet(QStringLiteral("website")))
            o.website = parser.value(QStringLiteral("website"));
        if (parser.isSet(QStringLiteral("unsubscribe-url")))
            o.unsubscribeUrl = parser.value(QStringLiteral("unsubscribe-url"));
        if (parser.isSet(QStringLiteral("jurisdiction"))) {
            const auto j = Consent::jurisdictionFromKey(parser.value(QStringLiteral("jurisdiction")));
            if (!j)
                return usage(QCoreApplication::translate("Cli::OrganisationCommand",
                                                         "--jurisdiction is one of ca, eu, both; not \"%1\".")
                                 .arg(parser.value(QStringLiteral("jurisdiction"))));
            o.jurisdiction = *j;
        } else if (!current.value().isComplete()) {
            return usage(QCoreApplication::translate("Cli::OrganisationCommand",
                                                     "organisation set needs --jurisdiction ca, eu or both."));
        }
        if (auto r = m_context.consent().setOrganisation(o); !r.ok())
            return fail(r.error());
        auto stored = m_context.consent().organisation();
        if (!stored.ok())
            return fail(stored.error());
        o = stored.value();
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(o.toJson());
        return Success;
    }
    printLine(o.name);
    printLine(o.address);
    for (const QString &line : {o.email, o.phone, o.website, o.unsubscribeUrl}) {
        if (!line.isEmpty())
            printLine(line);
    }
    printLine(Consent::jurisdictionLabel(o.jurisdiction));
    return Success;
}

} // namespace Cli
