#include "SmtpAccount.h"

#include "core/EmailAddress.h"
#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

using Core::Error;
using Core::Result;

namespace Mail {

namespace {
const QString kKey = QStringLiteral("smtp.account");
}

QString SmtpAccount::securityKey(Smtp::Security security)
{
    switch (security) {
    case Smtp::Security::StartTls: return QStringLiteral("starttls");
    case Smtp::Security::Tls: return QStringLiteral("tls");
    case Smtp::Security::None: return QStringLiteral("none");
    }
    return {};
}

std::optional<Smtp::Security> SmtpAccount::securityFromKey(const QString &key)
{
    for (Smtp::Security s : {Smtp::Security::StartTls, Smtp::Security::Tls, Smtp::Security::None}) {
        if (securityKey(s) == key)
            return s;
    }
    return std::nullopt;
}

bool SmtpAccount::parseMailbox(const QString &text, Mailbox *mailbox)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*\"?([^\"<]*?)\"?\\s*<([^<>]+)>\\s*$"));
    const auto match = pattern.match(text);
    Mailbox m;
    if (match.hasMatch()) {
        m.name = match.captured(1).trimmed();
        m.address = match.captured(2).trimmed();
    } else {
        m.address = text.trimmed();
    }
    const Core::EmailCheck check = Core::EmailAddress::check(m.address, false);
    if (!check.valid)
        return false;
    m.address = check.normalized;
    *mailbox = m;
    return true;
}

QJsonObject SmtpAccount::toJson() const
{
    QString fromText = from.address;
    if (!from.name.isEmpty())
        fromText = QStringLiteral("%1 <%2>").arg(from.name, from.address);
    return QJsonObject{{QStringLiteral("host"), host},
                       {QStringLiteral("port"), port},
                       {QStringLiteral("security"), securityKey(security)},
                       {QStringLiteral("user"), user},
                       {QStringLiteral("from"), fromText},
                       {QStringLiteral("reply_to"), replyTo},
                       {QStringLiteral("per_minute"), limits.perMinute},
                       {QStringLiteral("per_hour"), limits.perHour},
                       {QStringLiteral("per_day"), limits.perDay},
                       {QStringLiteral("per_connection"), limits.perConnection},
                       {QStringLiteral("ca_file"), caFile},
                       {QStringLiteral("trust_fingerprint"), trustFingerprint},
                       {QStringLiteral("retry_seconds"), retrySeconds},
                       {QStringLiteral("helo"), heloName},
                       {QStringLiteral("timeout_seconds"), timeoutSeconds}};
}

Smtp::Settings SmtpAccount::sessionSettings(const QString &password) const
{
    Smtp::Settings s;
    s.host = host;
    s.port = port;
    s.security = security;
    s.user = user;
    s.password = password;
    s.heloName = heloName.isEmpty() ? from.address.section(QLatin1Char('@'), -1) : heloName;
    if (limits.perConnection > 0)
        s.maxMessagesPerConnection = limits.perConnection;
    if (timeoutSeconds > 0)
        s.greetingTimeoutMs = s.commandTimeoutMs = s.dataTimeoutMs = s.finalDotTimeoutMs = timeoutSeconds * 1000;
    return s;
}

Result<SmtpAccount> SmtpAccount::load(const Storage::SettingsRepository &settings)
{
    auto raw = settings.value(kKey);
    if (!raw.ok())
        return raw.error();
    SmtpAccount a;
    const QJsonObject o = QJsonDocument::fromJson(raw.value().toUtf8()).object();
    if (o.isEmpty())
        return a;
    a.host = o.value(QStringLiteral("host")).toString();
    a.port = quint16(o.value(QStringLiteral("port")).toInt(587));
    a.security = securityFromKey(o.value(QStringLiteral("security")).toString()).value_or(Smtp::Security::StartTls);
    a.user = o.value(QStringLiteral("user")).toString();
    parseMailbox(o.value(QStringLiteral("from")).toString(), &a.from);
    a.replyTo = o.value(QStringLiteral("reply_to")).toString();
    a.limits.perMinute = o.value(QStringLiteral("per_minute")).toInt();
    a.limits.perHour = o.value(QStringLiteral("per_hour")).toInt();
    a.limits.perDay = o.value(QStringLiteral("per_day")).toInt();
    a.limits.perConnection = o.value(QStringLiteral("per_connection")).toInt();
    a.caFile = o.value(QStringLiteral("ca_file")).toString();
    a.trustFingerprint = o.value(QStringLiteral("trust_fingerprint")).toString();
    a.retrySeconds = o.value(QStringLiteral("retry_seconds")).toInt(300);
    a.heloName = o.value(QStringLiteral("helo")).toString();
    a.timeoutSeconds = o.value(QStringLiteral("timeout_seconds")).toInt();
    return a;
}

Result<void> SmtpAccount::save(Storage::SettingsRepository &settings, const SmtpAccount &account)
{
    auto invalid = [](const QString &message, const QString &field) {
        return Error::make(Error::Code::Invalid, message, field);
    };
    if (account.host.trimmed().isEmpty() || account.host.contains(QLatin1Char(' ')))
        return invalid(
            QCoreApplication::translate("Mail::SmtpAccount", "The server needs a host name, such as smtp.example.org."),
            QStringLiteral("host"));
    if (account.port == 0)
        return invalid(QCoreApplication::translate("Mail::SmtpAccount", "The port is a number between 1 and 65535."),
                       QStringLiteral("port"));
    if (!Core::EmailAddress::check(account.from.address, false).valid)
        return invalid(QCoreApplication::translate("Mail::SmtpAccount", "The sender needs a valid address."),
                       QStringLiteral("from"));
    if (!account.replyTo.isEmpty() && !Core::EmailAddress::check(account.replyTo, false).valid)
        return invalid(QCoreApplication::translate("Mail::SmtpAccount", "The reply-to address is not valid."),
                       QStringLiteral("reply_to"));
    if (account.limits.perMinute < 0 || account.limits.perHour < 0 || account.limits.perDay < 0 ||
        account.limits.perConnection < 0 || account.retrySeconds < 1 || account.timeoutSeconds < 0)
        return invalid(QCoreApplication::translate("Mail::SmtpAccount", "Limits are zero (none) or positive numbers."),
                       QStringLiteral("limits"));
    return settings.setValue(kKey, QString::fromUtf8(QJsonDocument(account.toJson()).toJson(QJsonDocument::Compact)));
}

} // namespace Mail
