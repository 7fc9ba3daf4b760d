#include "MailboxCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "mail/Outbox.h"
#include "mail/UnsubscribeToken.h"
#include "mail/inbound/ReturnedMail.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Cli {

namespace {
// A saved message larger than this is not a report (they are a few kilobytes; with the returned
// message attached, rarely more than a few megabytes).
constexpr qint64 kMaxMessageBytes = 32 * 1024 * 1024;
} // namespace

QString MailboxCommand::help()
{
    return QCoreApplication::translate("Cli::MailboxCommand",
                                       "mailbox read FILE.eml [--json]   (what Carnet understands in a saved message, "
                                       "without acting on it)");
}

int MailboxCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("read"))
        return read(arguments.mid(1));
    return usage(QCoreApplication::translate("Cli::MailboxCommand", "Unknown mailbox command \"%1\". Commands: read.")
                     .arg(action));
}

int MailboxCommand::read(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments) ||
        !expectPositional(parser, 1, QCoreApplication::translate("Cli::MailboxCommand", "a message file (.eml)")))
        return BadUsage;
    if (parser.positionalArguments().isEmpty())
        return usage(QCoreApplication::translate("Cli::MailboxCommand", "mailbox read needs a message file (.eml)."));
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return usage(
            QCoreApplication::translate("Cli::MailboxCommand", "Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxMessageBytes)
        return usage(
            QCoreApplication::translate("Cli::MailboxCommand", "%1 is too large to be a returned message.").arg(path));
    auto secret = Mail::UnsubscribeToken::secret(m_context.databaseSettings());
    if (!secret.ok())
        return fail(secret.error());
    const QByteArray raw = file.readAll();
    const Mail::Inbound::ReturnedMail mail = Mail::Inbound::ReturnedMail::read(raw, secret.value());

    Mail::Outbox outbox(m_context.database(), m_context.clock());
    auto match = outbox.matchReturned(mail.originalMessageIds);
    if (!match.ok())
        return fail(match.error());
    qint64 deliveryId = match.value().id;
    qint64 memberId = match.value().memberId;
    if (memberId == 0) {
        // Not one of our deliveries (or the report kept nothing of it): the member by address.
        for (const auto &r : mail.recipients) {
            auto member = m_context.members().findByReference(r.address);
            if (member.ok()) {
                memberId = member.value().id;
                break;
            }
        }
    }
    if (mail.kind == Mail::Inbound::ReturnKind::Unsubscribe && memberId == 0) {
        auto token = Mail::UnsubscribeToken::verify(mail.unsubscribeToken, secret.value());
        if (token.ok())
            memberId = token.value().memberId;
    }

    QJsonArray recipients;
    for (const auto &r : mail.recipients)
        recipients.append(QJsonObject{{QStringLiteral("address"), r.address},
                                      {QStringLiteral("action"), r.action},
                                      {QStringLiteral("status"), r.status},
                                      {QStringLiteral("reply"), r.reply},
                                      {QStringLiteral("diagnostic"), r.diagnostic},
                                      {QStringLiteral("category"), Mail::Inbound::categoryKey(r.category)},
                                      {QStringLiteral("permanent"), r.permanent}});
    QJsonObject out{{QStringLiteral("kind"), Mail::Inbound::kindKey(mail.kind)},
                    {QStringLiteral("recipients"), recipients},
                    {QStringLiteral("delivery"), deliveryId ? QJsonValue(deliveryId) : QJsonValue()},
                    {QStringLiteral("member"), memberId ? QJsonValue(memberId) : QJsonValue()},
                    {QStringLiteral("from"), mail.from},
                    {QStringLiteral("subject"), mail.subject},
                    {QStringLiteral("message_ids"), QJsonArray::fromStringList(mail.originalMessageIds)}};
    if (!mail.feedbackType.isEmpty())
        out.insert(QStringLiteral("feedback_type"), mail.feedbackType);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(out);
        return Success;
    }
    printLine(QCoreApplication::translate("Cli::MailboxCommand", "Kind: %1").arg(Mail::Inbound::kindText(mail.kind)));
    for (const auto &r : mail.recipients) {
        printLine(QStringLiteral("  %1 — %2%3")
                      .arg(r.address, Mail::Inbound::categoryText(r.category),
                           r.diagnostic.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.diagnostic)));
    }
    if (deliveryId)
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "Delivery: %1").arg(deliveryId));
    if (memberId)
        printLine(QCoreApplication::translate("Cli::MailboxCommand", "Member: %1").arg(memberId));
    return Success;
}

} // namespace Cli
