#include "mail/MailboxAccount.h"

#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>

using Core::Error;
using Core::Result;

namespace Mail {

namespace {
const QString kKey = QStringLiteral("mailbox.account");
} // namespace

QString MailboxAccount::securityKey(Imap::Security security)
{
    return security == Imap::Security::Tls ? QStringLiteral("tls") : QStringLiteral("starttls");
}

std::optional<Imap::Security> MailboxAccount::securityFromKey(const QString &key)
{
    if (key == QLatin1String("tls"))
        return Imap::Security::Tls;
    if (key == QLatin1String("starttls"))
        return Imap::Security::StartTls;
    return std::nullopt;
}

QJsonObject MailboxAccount::toJson() const
{
    return QJsonObject{{QStringLiteral("host"), host},
                       {QStringLiteral("port"), port},
                       {QStringLiteral("security"), securityKey(security)},
                       {QStringLiteral("user"), user},
                       {QStringLiteral("folder"), folder},
                       {QStringLiteral("processed_folder"), processedFolder},
                       {QStringLiteral("every_minutes"), everyMinutes},
                       {QStringLiteral("ca_file"), caFile},
                       {QStringLiteral("trust_fingerprint"), trustFingerprint}};
}

QString MailboxAccount::credentialKey() const
{
    return QStringLiteral("imap:%1@%2").arg(user, host);
}

Imap::Settings MailboxAccount::sessionSettings(const QString &password) const
{
    Imap::Settings s;
    s.host = host;
    s.port = port;
    s.security = security;
    s.user = user;
    s.password = password;
    return s;
}

Result<MailboxAccount> MailboxAccount::load(const Storage::SettingsRepository &settings)
{
    auto raw = settings.value(kKey);
    if (!raw.ok())
        return raw.error();
    MailboxAccount a;
    if (raw.value().isEmpty())
        return a;
    const QJsonObject o = QJsonDocument::fromJson(raw.value().toUtf8()).object();
    a.host = o.value(QStringLiteral("host")).toString();
    a.port = quint16(o.value(QStringLiteral("port")).toInt(993));
    a.security = securityFromKey(o.value(QStringLiteral("security")).toString()).value_or(Imap::Security::Tls);
    a.user = o.value(QStringLiteral("user")).toString();
    a.folder = o.value(QStringLiteral("folder")).toString(QStringLiteral("INBOX"));
    a.processedFolder = o.value(QStringLiteral("processed_folder")).toString(a.processedFolder);
    a.everyMinutes = o.value(QStringLiteral("every_minutes")).toInt(15);
    a.caFile = o.value(QStringLiteral("ca_file")).toString();
    a.trustFingerprint = o.value(QStringLiteral("trust_fingerprint")).toString();
    return a;
}

Result<void> MailboxAccount::save(Storage::SettingsRepository &settings, const MailboxAccount &account)
{
    auto invalid = [](const QString &message, const QString &field) {
        return Error::make(Error::Code::Invalid, message, field);
    };
    if (account.host.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("Mail::MailboxAccount",
                                                   "The mailbox needs a server name, such as imap.example.org."),
                       QStringLiteral("host"));
    if (account.user.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("Mail::MailboxAccount",
                                                   "The mailbox needs the user name it logs in with (usually the "
                                                   "address)."),
                       QStringLiteral("user"));
    if (account.port == 0)
        return invalid(QCoreApplication::translate("Mail::MailboxAccount", "The port must be between 1 and 65535."),
                       QStringLiteral("port"));
    if (account.folder.trimmed().isEmpty() || account.processedFolder.trimmed().isEmpty() ||
        account.folder.trimmed() == account.processedFolder.trimmed())
        return invalid(QCoreApplication::translate("Mail::MailboxAccount",
                                                   "The folder read and the folder for processed messages must be "
                                                   "named, and differ."),
                       QStringLiteral("processed_folder"));
    if (account.everyMinutes < 0 || account.everyMinutes > 24 * 60)
        return invalid(QCoreApplication::translate("Mail::MailboxAccount",
                                                   "Check the mailbox every 0 (never by itself) to 1440 minutes."),
                       QStringLiteral("every_minutes"));
    return settings.setValue(kKey, QString::fromUtf8(QJsonDocument(account.toJson()).toJson(QJsonDocument::Compact)));
}

const QList<MailboxPreset> &mailboxPresets()
{
    static const QList<MailboxPreset> presets{
        {QStringLiteral("gmail"), QStringLiteral("Gmail"), QStringLiteral("imap.gmail.com")},
        {QStringLiteral("google-workspace"), QStringLiteral("Google Workspace"), QStringLiteral("imap.gmail.com")},
        {QStringLiteral("outlook"), QStringLiteral("Outlook.com"), QStringLiteral("outlook.office365.com")},
        {QStringLiteral("microsoft365"), QStringLiteral("Microsoft 365"), QStringLiteral("outlook.office365.com")},
        {QStringLiteral("ovh"), QStringLiteral("OVHcloud"), QStringLiteral("ssl0.ovh.net")},
        {QStringLiteral("gandi"), QStringLiteral("Gandi"), QStringLiteral("mail.gandi.net")},
        {QStringLiteral("infomaniak"), QStringLiteral("Infomaniak"), QStringLiteral("mail.infomaniak.com")},
        {QStringLiteral("orange"), QStringLiteral("Orange"), QStringLiteral("imap.orange.fr")},
        {QStringLiteral("free"), QStringLiteral("Free"), QStringLiteral("imap.free.fr")},
        {QStringLiteral("videotron"), QStringLiteral("Vidéotron"), QStringLiteral("imap.videotron.ca")},
        {QStringLiteral("bell"), QStringLiteral("Bell"), QStringLiteral("imap.bell.net")},
    };
    return presets;
}

const MailboxPreset *mailboxPreset(const QString &key)
{
    for (const MailboxPreset &p : mailboxPresets()) {
        if (p.key == key)
            return &p;
    }
    return nullptr;
}

QString mailboxPresetNote(const QString &key)
{
    if (key == QLatin1String("gmail") || key == QLatin1String("google-workspace"))
        return QCoreApplication::translate(
            "Mail::MailboxAccount",
            "Gmail needs IMAP turned on (Settings › Forwarding and POP/IMAP) and an app password (Google Account › "
            "Security › App passwords), typed as the password.");
    if (key == QLatin1String("outlook") || key == QLatin1String("microsoft365"))
        return QCoreApplication::translate(
            "Mail::MailboxAccount",
            "Microsoft is turning off password sign-in for IMAP: use an app password if the account offers one; "
            "for Microsoft 365 the administrator must allow IMAP for this mailbox.");
    if (key == QLatin1String("free"))
        return QCoreApplication::translate("Mail::MailboxAccount",
                                           "Free needs IMAP access turned on in the subscriber area first.");
    return {};
}

} // namespace Mail
