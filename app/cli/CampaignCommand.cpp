#include "CampaignCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "consent/ConsentService.h"
#include "mail/Campaign.h"
#include "mail/CampaignComposer.h"
#include "mail/SmtpAccount.h"
#include "mail/UnsubscribeToken.h"
#include "reports/Report.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

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

QString problemList(const QList<Templates::MergeProblem> &problems)
{
    QStringList names;
    for (const Templates::MergeProblem &p : problems)
        names.append(QStringLiteral("{{%1}}").arg(p.field));
    names.removeDuplicates();
    return names.join(QStringLiteral(", "));
}

// What every message of a campaign shares: the organisation, the sender, the token secret, the
// unsubscribe page and the purpose's label.
Core::Result<Mail::CampaignComposer> composerFor(AppContext &context, const QString &purposeKey)
{
    Mail::CampaignComposer::Context c;
    auto organisation = Consent::Organisation::load(context.databaseSettings());
    if (!organisation.ok())
        return organisation.error();
    c.organisation = organisation.value();
    auto account = Mail::SmtpAccount::load(context.databaseSettings());
    c.sender = account.ok() && !account.value().from.address.isEmpty()
                   ? account.value().from
                   : Mail::Mailbox{c.organisation.name, c.organisation.email};
    auto secret = Mail::UnsubscribeToken::secret(context.databaseSettings());
    if (!secret.ok())
        return secret.error();
    c.tokenSecret = secret.value();
    auto url = context.databaseSettings().value(QStringLiteral("unsubscribe.url"));
    c.unsubscribeUrl = url.ok() ? url.value() : QString();
    auto purpose = context.consent().purpose(purposeKey);
    c.purposeLabel = purpose.ok() ? purpose.value().displayLabel() : purposeKey;
    return Mail::CampaignComposer(c);
}

} // namespace

QString CampaignCommand::help()
{
    return QCoreApplication::translate(
        "Cli::CampaignCommand",
        "campaign create --name N --kind invitation|newsletter --purpose P --subject S --body FILE.md [--html FILE]\n"
        "  [--attach FILE]… [--from \"Name <address>\"] --audience all|never-invited|invited-no-answer|report:NAME "
        "[--json]\n"
        "campaign preview ID --member ID|EMAIL\n"
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
    return usage(QCoreApplication::translate("Cli::CampaignCommand",
                                             "Unknown campaign command \"%1\". Commands: create, preview, list.")
                     .arg(action));
}

int CampaignCommand::create(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name : {"name", "kind", "purpose", "subject", "body", "html", "attach", "audience", "from"})
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
        if (auto r = Reports::ReportRepository(m_context.database(), m_context.clock()).find(c.audience.mid(7));
            !r.ok())
            return usage(r.error().message);
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
                       .arg(problemList(unknown)));
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
    auto composer = composerFor(m_context, campaign.value().purpose);
    if (!composer.ok())
        return fail(composer.error());
    QList<Templates::MergeProblem> problems;
    auto message = composer.value().compose(campaign.value(), member.value(), &problems);
    if (!message.ok())
        return usage(message.error().message);
    auto built = Mail::Mime::build(message.value());
    if (!built.ok())
        return usage(built.error().message);
    std::fwrite(built.value().bytes.constData(), 1, size_t(built.value().bytes.size()), stdout);
    std::fflush(stdout);
    if (!problems.isEmpty())
        printError(QCoreApplication::translate("Cli::CampaignCommand", "Left empty for this member: %1")
                       .arg(problemList(problems)));
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

} // namespace Cli
