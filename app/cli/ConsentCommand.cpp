#include "ConsentCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "storage/Selection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

using Consent::Basis;

namespace Cli {

namespace {

QCommandLineOption valueOption(const char *name)
{
    return QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value"));
}

} // namespace

QString ConsentCommand::help()
{
    return QCoreApplication::translate(
        "Cli::ConsentCommand",
        "consent record ID|EMAIL --purpose P --basis express|implied-membership|implied|legitimate-interest\n"
        "  --source TEXT [--date YYYY-MM-DD] [--expires YYYY-MM-DD] [--wording TEXT] [--evidence FILE]\n"
        "  [--note TEXT] [--recorded-by NAME] [--json]\n"
        "consent withdraw ID|EMAIL (--purpose P | --all) --source TEXT [--date YYYY-MM-DD] [--recorded-by NAME] "
        "[--json]\n"
        "consent status ID|EMAIL [--at YYYY-MM-DD] [--json]\n"
        "consent history ID|EMAIL [--json]\n"
        "consent eligible --purpose P [--selection KEY] [--at YYYY-MM-DD] [--json]\n"
        "consent verify [--repair] [--json]");
}

int ConsentCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("record"))
        return record(rest);
    if (action == QLatin1String("withdraw"))
        return withdraw(rest);
    if (action == QLatin1String("status"))
        return status(rest);
    if (action == QLatin1String("history"))
        return history(rest);
    if (action == QLatin1String("eligible"))
        return eligible(rest);
    if (action == QLatin1String("verify"))
        return verify(rest);
    return usage(QCoreApplication::translate(
                     "Cli::ConsentCommand",
                     "Unknown consent command \"%1\". Commands: record, withdraw, status, history, eligible, verify.")
                     .arg(action));
}

int ConsentCommand::record(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name :
         {"purpose", "basis", "source", "date", "expires", "wording", "evidence", "note", "recorded-by"})
        parser.addOption(valueOption(name));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ConsentCommand",
                                                      "consent record needs one member: an id or an email address.")))
        return BadUsage;
    for (const char *required : {"purpose", "basis", "source"}) {
        if (!parser.isSet(QString::fromLatin1(required)))
            return usage(QCoreApplication::translate("Cli::ConsentCommand", "consent record needs --%1.")
                             .arg(QString::fromLatin1(required)));
    }
    Consent::GrantRequest request;
    request.purpose = parser.value(QStringLiteral("purpose"));
    const auto basis = Consent::basisFromKey(parser.value(QStringLiteral("basis")));
    if (!basis)
        return usage(QCoreApplication::translate(
                         "Cli::ConsentCommand",
                         "--basis is one of express, implied-membership, implied, legitimate-interest; not \"%1\".")
                         .arg(parser.value(QStringLiteral("basis"))));
    request.basis = *basis;
    if (!dateOption(parser, QStringLiteral("date"), &request.date) ||
        !dateOption(parser, QStringLiteral("expires"), &request.expires))
        return BadUsage;
    request.source = parser.value(QStringLiteral("source"));
    request.wording = parser.value(QStringLiteral("wording"));
    request.evidenceFile = parser.value(QStringLiteral("evidence"));
    request.evidenceNote = parser.value(QStringLiteral("note"));
    request.recordedBy = parser.value(QStringLiteral("recorded-by"));

    auto member = m_context.members().findByReference(parser.positionalArguments().first());
    if (!member.ok())
        return fail(member.error());
    auto event = m_context.consent().record(member.value().id, request);
    if (!event.ok())
        return fail(event.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(event.value().toJson());
    else
        printLine(QCoreApplication::translate("Cli::ConsentCommand", "Consent recorded for %1: %2, %3.")
                      .arg(member.value().displayName(), request.purpose, Consent::basisLabel(request.basis)));
    return Success;
}

int ConsentCommand::withdraw(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name : {"purpose", "source", "date", "recorded-by", "wording", "note"})
        parser.addOption(valueOption(name));
    parser.addOption(QCommandLineOption(QStringLiteral("all")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ConsentCommand",
                                                      "consent withdraw needs one member: an id or an email address.")))
        return BadUsage;
    const bool all = parser.isSet(QStringLiteral("all"));
    if (all == parser.isSet(QStringLiteral("purpose")))
        return usage(
            QCoreApplication::translate("Cli::ConsentCommand", "consent withdraw needs either --purpose P or --all."));
    if (!parser.isSet(QStringLiteral("source")))
        return usage(QCoreApplication::translate("Cli::ConsentCommand",
                                                 "consent withdraw needs --source (how the request came)."));
    Consent::WithdrawRequest request;
    request.purposes = all ? QStringList() : parser.values(QStringLiteral("purpose"));
    if (!dateOption(parser, QStringLiteral("date"), &request.date))
        return BadUsage;
    request.source = parser.value(QStringLiteral("source"));
    request.recordedBy = parser.value(QStringLiteral("recorded-by"));
    request.wording = parser.value(QStringLiteral("wording"));
    request.evidenceNote = parser.value(QStringLiteral("note"));

    auto member = m_context.members().findByReference(parser.positionalArguments().first());
    if (!member.ok())
        return fail(member.error());
    auto events = m_context.consent().withdraw(member.value().id, request);
    if (!events.ok())
        return fail(events.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Consent::Event &e : events.value())
            array.append(e.toJson());
        printJson(array);
    } else {
        QStringList keys;
        for (const Consent::Event &e : events.value())
            keys.append(e.purpose);
        printLine(QCoreApplication::translate("Cli::ConsentCommand", "Withdrawal recorded for %1: %2.")
                      .arg(member.value().displayName(), keys.join(QStringLiteral(", "))));
        if (all)
            printLine(QCoreApplication::translate(
                "Cli::ConsentCommand", "The address is on the suppression list: it will not be mailed again."));
    }
    return Success;
}

int ConsentCommand::status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(valueOption("at"));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ConsentCommand",
                                                      "consent status needs one member: an id or an email address.")))
        return BadUsage;
    QDate at;
    if (!dateOption(parser, QStringLiteral("at"), &at))
        return BadUsage;
    auto member = m_context.members().findByReference(parser.positionalArguments().first());
    if (!member.ok())
        return fail(member.error());
    auto statuses = m_context.consent().status(member.value(), at);
    if (!statuses.ok())
        return fail(statuses.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject purposes;
        for (const auto &[purpose, s] : statuses.value())
            purposes.insert(purpose.key, s.toJson());
        printJson(QJsonObject{{QStringLiteral("member"), member.value().id}, {QStringLiteral("purposes"), purposes}});
        return Success;
    }
    printLine(member.value().displayName());
    for (const auto &[purpose, s] : statuses.value())
        printLine(QStringLiteral("  %1: %2").arg(purpose.displayLabel(), s.explanation()));
    return Success;
}

int ConsentCommand::history(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::ConsentCommand",
                                                      "consent history needs one member: an id or an email address.")))
        return BadUsage;
    auto member = m_context.members().findByReference(parser.positionalArguments().first());
    if (!member.ok())
        return fail(member.error());
    auto events = m_context.consent().history(member.value().id);
    if (!events.ok())
        return fail(events.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Consent::Event &e : events.value())
            array.append(e.toJson());
        printJson(array);
        return Success;
    }
    for (const Consent::Event &e : events.value()) {
        const QString what = e.action == Consent::Action::Withdraw
                                 ? QCoreApplication::translate("Cli::ConsentCommand", "withdrawal")
                                 : Consent::basisLabel(*e.basis);
        printLine(QStringLiteral("%1\t%2\t%3\t%4").arg(e.occurredOn.toString(Qt::ISODate), e.purpose, what, e.source));
    }
    return Success;
}

int ConsentCommand::eligible(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(valueOption("purpose"));
    parser.addOption(valueOption("selection"));
    parser.addOption(valueOption("at"));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 0, QString()))
        return BadUsage;
    if (!parser.isSet(QStringLiteral("purpose")))
        return usage(QCoreApplication::translate("Cli::ConsentCommand", "consent eligible needs --purpose."));
    QDate at;
    if (!dateOption(parser, QStringLiteral("at"), &at))
        return BadUsage;
    std::vector<qint64> among;
    if (parser.isSet(QStringLiteral("selection"))) {
        const Storage::Selection selection = Storage::Selection::fromKey(parser.value(QStringLiteral("selection")));
        if (selection.key() != parser.value(QStringLiteral("selection")))
            return usage(QCoreApplication::translate(
                             "Cli::ConsentCommand",
                             "Unknown selection \"%1\" (for example: all, no-email, section:NAME, category:NAME).")
                             .arg(parser.value(QStringLiteral("selection"))));
        Storage::MemberQuery query;
        query.selection = selection;
        query.sortField = Core::MemberField::Id;
        query.today = m_context.clock().today();
        auto ids = m_context.members().ids(query);
        if (!ids.ok())
            return fail(ids.error());
        among = std::move(ids).value();
        if (among.empty()) {
            if (parser.isSet(QStringLiteral("json")))
                printJson(QJsonObject{{QStringLiteral("eligible"), QJsonArray()},
                                      {QStringLiteral("excluded"), Consent::Eligibility().excludedJson()}});
            else
                printLine(QCoreApplication::translate("Cli::ConsentCommand", "The selection is empty."));
            return Success;
        }
    }
    auto result = m_context.consent().eligible(parser.value(QStringLiteral("purpose")), among, at);
    if (!result.ok())
        return fail(result.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray ids;
        for (qint64 id : result.value().eligible)
            ids.append(id);
        printJson(QJsonObject{{QStringLiteral("eligible"), ids},
                              {QStringLiteral("excluded"), result.value().excludedJson()}});
        return Success;
    }
    const int count = int(result.value().eligible.size());
    printLine(QCoreApplication::translate("Cli::ConsentCommand", "%n member(s) may receive messages for this purpose.",
                                          nullptr, count));
    for (auto it = result.value().excluded.cbegin(); it != result.value().excluded.cend(); ++it) {
        const int excluded = int(it.value().size());
        printLine(QStringLiteral("  %1: %2").arg(Consent::reasonLabel(it.key())).arg(excluded));
    }
    return Success;
}

// Every stored status worked out again from the ledger and compared; the exit code says whether they all
// agree (or were repaired): 0, or 1 when some differ and were left as they are.
int ConsentCommand::verify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("repair")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 0, QString()))
        return BadUsage;
    const bool repair = parser.isSet(QStringLiteral("repair"));
    auto result = m_context.consent().verifyStatuses(repair);
    if (!result.ok())
        return fail(result.error());
    const Consent::StatusStore::Verification &v = result.value();
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(v.toJson());
    } else {
        printLine(QCoreApplication::translate(
            "Cli::ConsentCommand", "%n member(s) with consent events or statuses checked.", nullptr, int(v.members)));
        if (v.different == 0) {
            printLine(QCoreApplication::translate("Cli::ConsentCommand",
                                                  "Every stored consent status agrees with the ledger."));
        } else {
            QStringList examples;
            for (qint64 id : v.examples)
                examples.append(QString::number(id));
            printLine(QCoreApplication::translate(
                          "Cli::ConsentCommand",
                          "%n member(s) have stored statuses that differ from the ledger (for example: %1); "
                          "%2 segment(s) missing, %3 too many.",
                          nullptr, int(v.different))
                          .arg(examples.join(QStringLiteral(", ")))
                          .arg(v.missingRows)
                          .arg(v.extraRows));
            printLine(repair ? QCoreApplication::translate("Cli::ConsentCommand",
                                                           "They were worked out again from the ledger.")
                             : QCoreApplication::translate("Cli::ConsentCommand",
                                                           "Run consent verify --repair to work them out again "
                                                           "from the ledger."));
        }
    }
    return v.different > 0 && !repair ? JobFailed : Success;
}

} // namespace Cli
