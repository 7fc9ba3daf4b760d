#include "CampaignCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "MailCommand.h"
#include "consent/ConsentService.h"
#include "mail/Campaign.h"
#include "mail/SmtpAccount.h"
#include "reports/FilterSpec.h"
#include "reports/Report.h"
#include "storage/MemberRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>

#include <cstdio>

namespace Cli {

namespace {

constexpr qint64 kMaxAttachments = 10 * 1024 * 1024; // what most providers accept, encoded: ~13.7 MB

} // namespace

QString CampaignCommand::help()
{
    return QCoreApplication::translate(
        "Cli::CampaignCommand",
        "campaign create --name N --kind invitation|newsletter --purpose P --subject S --body FILE.md [--html FILE]\n"
        "  [--attach FILE]… [--from \"Name <address>\"] --audience all|never-invited|invited-no-answer|report:NAME "
        "[--json]\n"
        "  [--subject-en S --body-en FILE.md]\n"
        "campaign preview ID --member ID|EMAIL\n"
        "campaign send ID [--until-empty] [--password-file F] [--json]\n"
        "campaign status ID [--details] [--json]\n"
        "campaign retry ID [--until-empty] [--password-file F] [--json]\n"
        "campaign list [--json]");
}

int CampaignCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("create"))
        return create(rest);
    if (action == QLatin1String("preview"))
        return preview(rest);
    if (action == QLatin1String("list"))
        return list(rest);
    if (action == QLatin1String("send"))
        return send(rest, false);
    if (action == QLatin1String("retry"))
        return send(rest, true);
    if (action == QLatin1String("status"))
        return status(rest);
    return usage(QCoreApplication::translate(
                     "Cli::CampaignCommand",
                     "Unknown campaign command \"%1\". Commands: create, preview, send, status, retry, list.")
                     .arg(action));
}

int CampaignCommand::create(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name : {"name", "kind", "purpose", "subject", "body", "html", "attach", "audience", "from",
                             "subject-en", "body-en", "subject-fr", "body-fr"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    for (const char *required : {"name", "kind", "purpose", "subject", "body", "audience"})
        if (!parser.isSet(QString::fromLatin1(required)))
            return usage(QCoreApplication::translate("Cli::CampaignCommand", "campaign create needs --%1.")
                             .arg(QString::fromLatin1(required)));
    Mail::Campaign c;
    c.name = parser.value(QStringLiteral("name"));
    const auto kind = Mail::Campaign::kindFromKey(parser.value(QStringLiteral("kind")));
    if (!kind)
        return usage(QCoreApplication::translate("Cli::CampaignCommand", "--kind is invitation or newsletter."));
    c.kind = *kind;
    c.purpose = parser.value(QStringLiteral("purpose"));
    if (auto purpose = m_context.consent().purpose(c.purpose); !purpose.ok())
        return usage(purpose.error().message);
    c.subject = parser.value(QStringLiteral("subject"));
    c.audience = parser.value(QStringLiteral("audience"));
    if (c.audience.startsWith(QLatin1String("report:"))) {
        // A report that asks questions when run cannot be a campaign's audience: nobody would answer them.
        auto r = Reports::ReportRepository(m_context.database(), m_context.clock()).find(c.audience.mid(7));
        if (!r.ok())
            return usage(r.error().message);
        if (auto spec = Reports::FilterSpec::fromJson(r.value().filter);
            spec.ok() && !spec.value().parameters().isEmpty())
            return usage(QCoreApplication::translate("Cli::CampaignCommand",
                                                     "The report \"%1\" asks questions when it is run; a campaign's "
                                                     "audience must be a report without questions.")
                             .arg(r.value().name));
    }
    if (!readTextFile(parser.value(QStringLiteral("body")), &c.body))
        return BadUsage;
    if (parser.isSet(QStringLiteral("html")) && !readTextFile(parser.value(QStringLiteral("html")), &c.html))
        return BadUsage;
    if (parser.isSet(QStringLiteral("from")) &&
        !Mail::SmtpAccount::parseMailbox(parser.value(QStringLiteral("from")), &c.from))
        return usage(
            QCoreApplication::translate("Cli::CampaignCommand", "--from is \"Name <address>\" or an address."));
    qint64 total = 0;
    for (const QString &path : parser.values(QStringLiteral("attach"))) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return usage(
                QCoreApplication::translate("Cli::CampaignCommand", "Cannot read %1: %2").arg(path, f.errorString()));
        Mail::Attachment a;
        a.fileName = QFileInfo(path).fileName();
        a.data = f.readAll();
        a.contentType = QMimeDatabase().mimeTypeForFileNameAndData(a.fileName, a.data).name().toLatin1();
        total += a.data.size();
        if (total > kMaxAttachments)
            return usage(QCoreApplication::translate("Cli::CampaignCommand",
                                                     "The attachments pass 10 MB: most mail providers refuse such "
                                                     "messages. Share large files by a link instead."));
        c.attachments.append(a);
    }
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
        const QString subjectOption = QStringLiteral("subject-") + language;
        const QString bodyOption = QStringLiteral("body-") + language;
        if (parser.isSet(subjectOption) != parser.isSet(bodyOption))
            return usage(QCoreApplication::translate("Cli::CampaignCommand", "--%1 goes with --%2.")
                             .arg(subjectOption, bodyOption));
        if (!parser.isSet(bodyOption))
            continue;
        Mail::Campaign::Text text{parser.value(subjectOption), {}};
        if (!readTextFile(parser.value(bodyOption), &text.body))
            return BadUsage;
        c.translations.insert(language, text);
    }
    // Fields that mean nothing whatever the member are flagged now, not discovered in members' mailboxes.
    auto names = m_context.members().attributeNames();
    const auto unknown = Templates::MergeFields::unknownFields(c.subject + QLatin1Char('\n') + c.body + c.html,
                                                               names.ok() ? names.value() : QStringList());
    auto id = Mail::CampaignRepository(m_context.database(), m_context.clock()).create(c);
    if (!id.ok()) {
        if (id.error().code == Core::Error::Code::Invalid)
            return usage(id.error().message);
        return fail(id.error());
    }
    if (!unknown.isEmpty())
        printError(QCoreApplication::translate("Cli::CampaignCommand",
                                               "Warning: these merge fields match no member field or attribute and "
                                               "will be left empty: %1")
                       .arg(Templates::MergeFields::fieldList(unknown)));
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("id"), id.value()}});
    else
        printLine(QCoreApplication::translate("Cli::CampaignCommand", "Campaign %1 created.").arg(id.value()));
    return Success;
}

int CampaignCommand::preview(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("member"), QString(), QStringLiteral("value")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::CampaignCommand", "campaign preview needs a campaign id.")))
        return BadUsage;
    bool isNumber = false;
    const qint64 id = parser.positionalArguments().first().toLongLong(&isNumber);
    if (!isNumber || !parser.isSet(QStringLiteral("member")))
        return usage(QCoreApplication::translate("Cli::CampaignCommand",
                                                 "campaign preview takes a campaign id and --member ID|EMAIL."));
    auto campaign = Mail::CampaignRepository(m_context.database(), m_context.clock()).find(id);
    if (!campaign.ok())
        return fail(campaign.error());
    auto member = m_context.members().findByReference(parser.value(QStringLiteral("member")));
    if (!member.ok())
        return fail(member.error());
    QList<Templates::MergeProblem> problems;
    auto message = m_context.campaigns().messageFor(campaign.value(), member.value().id, &problems);
    if (!message.ok())
        return message.error().code == Core::Error::Code::Invalid ? usage(message.error().message)
                                                                  : fail(message.error());
    auto built = Mail::Mime::build(message.value());
    if (!built.ok())
        return usage(built.error().message);
    std::fwrite(built.value().bytes.constData(), 1, size_t(built.value().bytes.size()), stdout);
    std::fflush(stdout);
    if (!problems.isEmpty())
        printError(QCoreApplication::translate("Cli::CampaignCommand", "Left empty for this member: %1")
                       .arg(Templates::MergeFields::fieldList(problems)));
    return Success;
}

int CampaignCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    auto campaigns = Mail::CampaignRepository(m_context.database(), m_context.clock()).list();
    if (!campaigns.ok())
        return fail(campaigns.error());
    QJsonArray array;
    for (const Mail::Campaign &c : campaigns.value()) {
        if (parser.isSet(QStringLiteral("json")))
            array.append(c.toJson());
        else
            printLine(
                QStringLiteral("%1\t%2\t%3\t%4").arg(c.id).arg(Mail::Campaign::kindKey(c.kind), c.purpose, c.name));
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(array);
    return Success;
}

namespace {

qint64 campaignId(const QCommandLineParser &parser, const QString &what)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || id <= 0) {
        usage(what);
        return 0;
    }
    return id;
}

void printStatus(const Mail::CampaignStatus &s)
{
    printLine(QCoreApplication::translate("Cli::CampaignCommand", "%n recipient(s)", nullptr, int(s.recipients)));
    QStringList left;
    for (auto it = s.excluded.cbegin(); it != s.excluded.cend(); ++it)
        if (it.value())
            left.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    if (!left.isEmpty())
        printLine(
            QCoreApplication::translate("Cli::CampaignCommand", "Left out: %1").arg(left.join(QStringLiteral(", "))));
    if (s.queued)
        printLine(QCoreApplication::translate("Cli::CampaignCommand",
                                              "%1 sent, %2 waiting, %3 deferred, %4 failed, %5 unknown.")
                      .arg(s.value(QStringLiteral("sent")))
                      .arg(s.value(QStringLiteral("queued")))
                      .arg(s.value(QStringLiteral("deferred")))
                      .arg(s.value(QStringLiteral("failed")))
                      .arg(s.value(QStringLiteral("unknown"))));
    else
        printLine(QCoreApplication::translate("Cli::CampaignCommand", "Not sent yet."));
}

} // namespace

int CampaignCommand::send(const QStringList &arguments, bool retry)
{
    QCommandLineParser parser;
    OutboxCommand::addSendOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    const QString need =
        retry ? QCoreApplication::translate("Cli::CampaignCommand", "campaign retry needs a campaign id.")
              : QCoreApplication::translate("Cli::CampaignCommand", "campaign send needs a campaign id.");
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 1, need))
        return BadUsage;
    const qint64 id = campaignId(parser, need);
    if (!id)
        return BadUsage;
    return sendCampaign(m_context, parser, id, retry);
}

int CampaignCommand::sendCampaign(AppContext &context, const QCommandLineParser &parser, qint64 id, bool retry)
{
    Mail::CampaignService &campaigns = context.campaigns();
    if (retry) {
        auto again = campaigns.retry(id);
        if (!again.ok())
            return again.error().code == Core::Error::Code::Invalid ? usage(again.error().message)
                                                                    : fail(again.error());
        printError(
            QCoreApplication::translate("Cli::CampaignCommand", "%n message(s) to try again.", nullptr, again.value()));
    }
    auto queued = campaigns.queue(id);
    if (!queued.ok())
        return queued.error().code == Core::Error::Code::Invalid ? usage(queued.error().message) : fail(queued.error());
    OutboxCommand::Drained drained;
    int exitCode = Success;
    if (queued.value().recipients > 0 &&
        !OutboxCommand(context).drain(parser, queued.value().batchId, parser.isSet(QStringLiteral("until-empty")),
                                      &drained, &exitCode))
        return exitCode;
    auto after = campaigns.status(id);
    if (!after.ok())
        return fail(after.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = after.value().toJson();
        o.insert(
            QStringLiteral("run"),
            QJsonObject{
                {QStringLiteral("sent"), drained.total.sent},
                {QStringLiteral("deferred"), drained.total.deferred},
                {QStringLiteral("failed"), drained.total.failed},
                {QStringLiteral("unknown"), drained.total.unknown},
                {QStringLiteral("cancelled"), drained.total.cancelled},
                {QStringLiteral("limited"), drained.total.limited},
                {QStringLiteral("resume_at"), drained.total.limited && drained.total.resumeAt.isValid()
                                                  ? QJsonValue(drained.total.resumeAt.toUTC().toString(Qt::ISODate))
                                                  : QJsonValue()},
                {QStringLiteral("error"), drained.error.isEmpty() ? QJsonValue() : QJsonValue(drained.error)}});
        printJson(o);
    } else {
        printStatus(after.value());
        if (drained.total.limited)
            printLine(QCoreApplication::translate("Cli::CampaignCommand",
                                                  "The account's limits are reached; the rest can go from %1.")
                          .arg(drained.total.resumeAt.toLocalTime().toString(Qt::ISODate)));
        if (!drained.error.isEmpty()) {
            printError(drained.error);
            for (const QString &line : std::as_const(drained.log))
                printError(QStringLiteral("  ") + line);
        }
    }
    return exitCode;
}

int CampaignCommand::status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("details")));
    const QString need = QCoreApplication::translate("Cli::CampaignCommand", "campaign status needs a campaign id.");
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 1, need))
        return BadUsage;
    const qint64 id = campaignId(parser, need);
    if (!id)
        return BadUsage;
    auto s = m_context.campaigns().status(id);
    if (!s.ok())
        return fail(s.error());
    QList<Mail::Delivery> rows;
    if (parser.isSet(QStringLiteral("details"))) {
        auto deliveries = m_context.campaigns().deliveries(id);
        if (!deliveries.ok())
            return fail(deliveries.error());
        rows = deliveries.value();
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = s.value().toJson();
        if (parser.isSet(QStringLiteral("details"))) {
            QJsonArray list;
            for (const Mail::Delivery &d : std::as_const(rows))
                list.append(d.toJson());
            o.insert(QStringLiteral("deliveries"), list);
        }
        printJson(o);
        return Success;
    }
    printStatus(s.value());
    for (const Mail::Delivery &d : std::as_const(rows))
        printLine(QStringLiteral("%1\t%2\t%3")
                      .arg(d.address, Mail::stateKey(d.state), d.toJson().value(QStringLiteral("reply")).toString()));
    return Success;
}

} // namespace Cli
