#pragma once

#include "core/Result.h"
#include "mail/imap/ImapSession.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Storage {
class SettingsRepository;
}

namespace Mail {

// The association's mailbox where bounces and replies arrive, kept in the database's settings (every
// computer sharing the file reads the same mailbox). The password is not kept here: the keychain,
// CARNET_IMAP_PASSWORD or a file.
struct MailboxAccount
{
    QString host;
    quint16 port = 993;
    Imap::Security security = Imap::Security::Tls;
    QString user;
    QString folder = QStringLiteral("INBOX");
    // Where processed messages go, with "/" between levels (the server's own delimiter is used).
    QString processedFolder = QStringLiteral("Carnet/Traités");
    int everyMinutes = 15; // in the window, while it is open; 0: only on "Check now"
    QString caFile;
    QString trustFingerprint;

    bool isConfigured() const { return !host.isEmpty() && !user.isEmpty(); }
    QJsonObject toJson() const; // no password
    Imap::Settings sessionSettings(const QString &password) const;
    QString credentialKey() const; // "imap:user@host"
    static Core::Result<MailboxAccount> load(const Storage::SettingsRepository &settings);
    static Core::Result<void> save(Storage::SettingsRepository &settings, const MailboxAccount &account);
    static QString securityKey(Imap::Security security); // "tls", "starttls"
    static std::optional<Imap::Security> securityFromKey(const QString &key);
};

// The same providers as for sending, with their IMAP server.
struct MailboxPreset
{
    QString key;
    QString name;
    QString host;
    quint16 port = 993;
    Imap::Security security = Imap::Security::Tls;
};
const QList<MailboxPreset> &mailboxPresets();
const MailboxPreset *mailboxPreset(const QString &key);
QString mailboxPresetNote(const QString &key); // app passwords and the like, translated; or empty

} // namespace Mail
