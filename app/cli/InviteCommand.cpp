#include "InviteCommand.h"

#include "AppContext.h"
#include "CampaignCommand.h"
#include "CliOutput.h"
#include "MailCommand.h"
#include "mail/CampaignService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Cli {

QString InviteCommand::help()
{
    return QCoreApplication::translate(
        "Cli::InviteCommand", "invite --never-invited [--purpose P] [--until-empty] [--password-file F] [--json]\n"
                              "invite --reminder DAYS [--purpose P] [--until-empty] [--password-file F] [--json]\n"
                              "invite --answer accepted|declined --member ID|EMAIL\n"
                              "invite --status --member ID|EMAIL [--json]");
}

int InviteCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    OutboxCommand::addSendOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("never-invited")));
    parser.addOption(QCommandLineOption(QStringLiteral("status")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    for (const char *name : {"reminder", "purpose", "answer", "member"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    if (parser.isSet(QStringLiteral("answer")))
        return answer(parser.value(QStringLiteral("answer")), parser.value(QStringLiteral("member")));
    if (parser.isSet(QStringLiteral("status")))
        return status(parser.value(QStringLiteral("member")), parser.isSet(QStringLiteral("json")));
    const bool reminder = parser.isSet(QStringLiteral("reminder"));
    if (reminder == parser.isSet(QStringLiteral("never-invited")))
        return usage(QCoreApplication::translate("Cli::InviteCommand",
                                                 "invite needs one of --never-invited, --reminder DAYS or --answer."));
    bool ok = true;
    const int days = reminder ? parser.value(QStringLiteral("reminder")).toInt(&ok) : 0;
    if (!ok || days < 0)
        return usage(QCoreApplication::translate("Cli::InviteCommand", "--reminder takes a number of days."));

    // The default invitation, in French with its English version for members whose language is English.
    Mail::CampaignService &campaigns = m_context.campaigns();
    Mail::Campaign c;
    c.kind = Mail::Campaign::Kind::Invitation;
    c.purpose = parser.isSet(QStringLiteral("purpose")) ? parser.value(QStringLiteral("purpose"))
                                                        : QStringLiteral("newsletter");
    if (auto purpose = m_context.consent().purpose(c.purpose); !purpose.ok())
        return usage(purpose.error().message);
    auto fr = campaigns.defaultText(c.kind, QStringLiteral("fr"), c.purpose);
    auto en = campaigns.defaultText(c.kind, QStringLiteral("en"), c.purpose);
    if (!fr.ok())
        return usage(fr.error().message);
    if (!en.ok())
        return usage(en.error().message);
    c.subject = fr.value().subject;
    c.body = fr.value().body;
    c.translations.insert(QStringLiteral("en"), en.value());
    const QString today = m_context.clock().today().toString(Qt::ISODate);
    if (reminder) {
        c.audience = QStringLiteral("invited-no-answer:%1").arg(days);
        c.name = campaigns.campaigns().freeName(
            QCoreApplication::translate("Cli::InviteCommand", "Invitation reminder %1").arg(today));
        c.subject = QStringLiteral("Rappel : ") + c.subject;
        c.translations[QStringLiteral("en")].subject.prepend(QStringLiteral("Reminder: "));
    } else {
        c.audience = QStringLiteral("never-invited");
        c.name = campaigns.campaigns().freeName(
            QCoreApplication::translate("Cli::InviteCommand", "Invitations %1").arg(today));
    }
    auto id = campaigns.campaigns().create(c);
    if (!id.ok())
        return fail(id.error());
    if (!parser.isSet(QStringLiteral("json")))
        printLine(QCoreApplication::translate("Cli::InviteCommand", "Campaign %1: %2").arg(id.value()).arg(c.name));
    return CampaignCommand::sendCampaign(m_context, parser, id.value(), false);
}

int InviteCommand::answer(const QString &answer, const QString &member)
{
    if (answer != QLatin1String("accepted") && answer != QLatin1String("declined"))
        return usage(QCoreApplication::translate("Cli::InviteCommand", "--answer is accepted or declined."));
    if (member.isEmpty())
        return usage(QCoreApplication::translate("Cli::InviteCommand", "--answer needs --member ID|EMAIL."));
    auto found = m_context.members().findByReference(member);
    if (!found.ok())
        return fail(found.error());
    auto r = m_context.campaigns().recordAnswer(found.value().id, answer == QLatin1String("accepted"));
    if (!r.ok())
        return r.error().code == Core::Error::Code::Invalid ? usage(r.error().message) : fail(r.error());
    printLine(answer == QLatin1String("accepted")
                  ? QCoreApplication::translate("Cli::InviteCommand", "Recorded: %1 accepted (express consent).")
                        .arg(found.value().displayName())
                  : QCoreApplication::translate("Cli::InviteCommand", "Recorded: %1 declined.")
                        .arg(found.value().displayName()));
    return Success;
}

int InviteCommand::status(const QString &member, bool json)
{
    if (member.isEmpty())
        return usage(QCoreApplication::translate("Cli::InviteCommand", "--status needs --member ID|EMAIL."));
    auto found = m_context.members().findByReference(member);
    if (!found.ok())
        return fail(found.error());
    auto info = m_context.campaigns().invitation(found.value().id);
    if (!info.ok())
        return fail(info.error());
    const Mail::InvitationInfo &i = info.value();
    const auto when = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
    };
    if (json) {
        printJson(
            QJsonObject{{QStringLiteral("invited_at"), when(i.invitedAt)},
                        {QStringLiteral("count"), i.count},
                        {QStringLiteral("last_campaign"), i.lastCampaign ? QJsonValue(i.lastCampaign) : QJsonValue()},
                        {QStringLiteral("answer"), i.answer.isEmpty() ? QJsonValue() : QJsonValue(i.answer)},
                        {QStringLiteral("answered_at"), when(i.answeredAt)}});
        return Success;
    }
    printLine(i.count == 0 ? QCoreApplication::translate("Cli::InviteCommand", "Never invited.")
                           : QCoreApplication::translate("Cli::InviteCommand",
                                                         "Invited %1 time(s), last on %2 (%3); answer: %4.")
                                 .arg(i.count)
                                 .arg(i.invitedAt.toLocalTime().toString(Qt::ISODate), i.lastCampaignName,
                                      i.answer.isEmpty() ? QStringLiteral("-") : i.answer));
    return Success;
}

QString UnsubscribeCommand::help()
{
    return QCoreApplication::translate("Cli::UnsubscribeCommand",
                                       "unsubscribe (--token T | --message FILE.eml) [--json]\n"
                                       "unsubscribe --list [--json]\n"
                                       "unsubscribe --process ID [--purpose P]… (none: every purpose)");
}

int UnsubscribeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const char *name : {"token", "message", "process", "purpose"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("list")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) || !expectPositional(parser, 0, QString()))
        return BadUsage;
    const bool json = parser.isSet(QStringLiteral("json"));
    Mail::CampaignService &campaigns = m_context.campaigns();
    if (parser.isSet(QStringLiteral("list"))) {
        auto requests = campaigns.unsubscribeRequests();
        if (!requests.ok())
            return fail(requests.error());
        QJsonArray array;
        for (const Mail::UnsubscribeRequest &r : requests.value()) {
            if (json)
                array.append(r.toJson());
            else
                printLine(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                              .arg(r.id)
                              .arg(r.receivedAt.toLocalTime().toString(Qt::ISODate), r.memberName,
                                   r.processed()
                                       ? r.action
                                       : QCoreApplication::translate("Cli::UnsubscribeCommand", "to process by %1")
                                             .arg(r.deadline().toString(Qt::ISODate)),
                                   r.source));
        }
        if (json)
            printJson(array);
        return Success;
    }
    Core::Result<Mail::UnsubscribeRequest> done = Core::Error();
    if (parser.isSet(QStringLiteral("process"))) {
        bool ok = false;
        const qint64 id = parser.value(QStringLiteral("process")).toLongLong(&ok);
        if (!ok)
            return usage(QCoreApplication::translate("Cli::UnsubscribeCommand", "--process takes a request number."));
        done = campaigns.processRequest(id, parser.values(QStringLiteral("purpose")));
    } else if (parser.isSet(QStringLiteral("token")) == parser.isSet(QStringLiteral("message"))) {
        return usage(QCoreApplication::translate("Cli::UnsubscribeCommand",
                                                 "unsubscribe needs --token T or --message FILE.eml."));
    } else if (parser.isSet(QStringLiteral("token"))) {
        done = campaigns.unsubscribeToken(parser.value(QStringLiteral("token")),
                                          QCoreApplication::translate("Cli::UnsubscribeCommand", "token (carnet-cli)"));
    } else {
        const QString path = parser.value(QStringLiteral("message"));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return usage(QCoreApplication::translate("Cli::UnsubscribeCommand", "Cannot read %1: %2")
                             .arg(path, f.errorString()));
        if (f.size() > 50 * 1024 * 1024)
            return usage(
                QCoreApplication::translate("Cli::UnsubscribeCommand", "%1 is too large to be an unsubscribe reply.")
                    .arg(path));
        done = campaigns.unsubscribeMessage(
            f.readAll(),
            QCoreApplication::translate("Cli::UnsubscribeCommand", "message %1").arg(QFileInfo(path).fileName()));
    }
    if (!done.ok())
        return done.error().code == Core::Error::Code::Invalid ? usage(done.error().message) : fail(done.error());
    const Mail::UnsubscribeRequest &r = done.value();
    if (json)
        printJson(r.toJson());
    else if (r.processed())
        printLine(QCoreApplication::translate("Cli::UnsubscribeCommand", "%1: %2.").arg(r.memberName, r.action));
    else
        printLine(QCoreApplication::translate("Cli::UnsubscribeCommand",
                                              "No valid token in it: recorded as request %1 (%2), to process by %3.")
                      .arg(r.id)
                      .arg(r.memberName.isEmpty()
                               ? QCoreApplication::translate("Cli::UnsubscribeCommand", "sender not in the member file")
                               : r.memberName)
                      .arg(r.deadline().toString(Qt::ISODate)));
    return Success;
}

} // namespace Cli
