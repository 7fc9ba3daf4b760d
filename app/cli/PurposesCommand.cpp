#include "PurposesCommand.h"

#include "AppContext.h"
#include "CliOutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>

namespace Cli {

QString PurposesCommand::help()
{
    return QCoreApplication::translate("Cli::PurposesCommand",
                                       "purposes list [--json]\n"
                                       "purposes add KEY --label L [--basis-ca "
                                       "express|implied-membership|legitimate-interest] [--basis-eu …] [--json]");
}

int PurposesCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (action == QLatin1String("add")) {
        parser.addOption(QCommandLineOption(QStringLiteral("label"), QString(), QStringLiteral("label")));
        parser.addOption(QCommandLineOption(QStringLiteral("basis-ca"), QString(), QStringLiteral("basis")));
        parser.addOption(QCommandLineOption(QStringLiteral("basis-eu"), QString(), QStringLiteral("basis")));
    } else if (action != QLatin1String("list")) {
        return usage(
            QCoreApplication::translate("Cli::PurposesCommand", "Unknown purposes command \"%1\". Commands: list, add.")
                .arg(action));
    }
    if (!parseArguments(parser, arguments.mid(1)))
        return BadUsage;
    const bool json = parser.isSet(QStringLiteral("json"));

    if (action == QLatin1String("list")) {
        if (!expectPositional(parser, 0, QString()))
            return BadUsage;
        auto purposes = m_context.consent().purposes();
        if (!purposes.ok())
            return fail(purposes.error());
        QJsonArray array;
        for (const Consent::Purpose &p : purposes.value()) {
            if (json)
                array.append(p.toJson());
            else
                printLine(QStringLiteral("%1\t%2\tCASL: %3\tGDPR: %4")
                              .arg(p.key, p.displayLabel(), Consent::basisKey(p.defaultBasisCanada),
                                   Consent::basisKey(p.defaultBasisEu)));
        }
        if (json)
            printJson(array);
        return Success;
    }

    if (!expectPositional(
            parser, 1,
            QCoreApplication::translate("Cli::PurposesCommand", "purposes add needs a KEY, such as events.")))
        return BadUsage;
    if (!parser.isSet(QStringLiteral("label")))
        return usage(QCoreApplication::translate("Cli::PurposesCommand", "purposes add needs --label."));
    Consent::Basis bases[2] = {Consent::Basis::Express, Consent::Basis::Express};
    const QString names[2] = {QStringLiteral("basis-ca"), QStringLiteral("basis-eu")};
    for (int i = 0; i < 2; ++i) {
        if (!parser.isSet(names[i]))
            continue;
        const auto b = Consent::basisFromKey(parser.value(names[i]));
        if (!b || *b == Consent::Basis::Implied)
            return usage(QCoreApplication::translate("Cli::PurposesCommand",
                                                     "--%1 is one of express, implied-membership, legitimate-interest.")
                             .arg(names[i]));
        bases[i] = *b;
    }
    auto added = m_context.consent().addPurpose(parser.positionalArguments().first(),
                                                parser.value(QStringLiteral("label")), bases[0], bases[1]);
    if (!added.ok())
        return fail(added.error());
    if (json)
        printJson(added.value().toJson());
    else
        printLine(QCoreApplication::translate("Cli::PurposesCommand", "Purpose added: %1 (%2).")
                      .arg(added.value().key, added.value().displayLabel()));
    return Success;
}

} // namespace Cli
