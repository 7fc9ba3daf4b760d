#pragma once

#include "Outbox.h"
#include "core/Result.h"
#include "mail/MimeMessage.h"
#include "mail/smtp/SmtpSession.h"

#include <QJsonObject>

namespace Storage {
class SettingsRepository;
}

namespace Mail {

// The sending account, kept in the database's settings (every computer sharing the file sends the
// same way). The password is not kept here: it comes from the keychain, CARNET_SMTP_PASSWORD or a file.
struct SmtpAccount
{
    QString host;
    quint16 port = 587;
    Smtp::Security security = Smtp::Security::StartTls;
    QString user;
    Mailbox from;
    QString replyTo;
    Limits limits;
    QString caFile;           // extra CA certificates (PEM), e.g. a local relay's own CA
    QString trustFingerprint; // SHA-256 of the one certificate the user chose to trust
    int retrySeconds = 300;   // first retry after a "later" reply; doubles each time
    QString heloName;
    int timeoutSeconds = 0; // 0: RFC 5321's per-command timeouts (minutes); otherwise one figure for all

    bool isConfigured() const { return !host.isEmpty() && !from.address.isEmpty(); }
    QJsonObject toJson() const; // no password
    Smtp::Settings sessionSettings(const QString &password) const;

    static Core::Result<SmtpAccount> load(const Storage::SettingsRepository &settings);
    static Core::Result<void> save(Storage::SettingsRepository &settings, const SmtpAccount &account);
    static QString securityKey(Smtp::Security security); // "starttls", "tls", "none"
    static std::optional<Smtp::Security> securityFromKey(const QString &key);
    static bool parseMailbox(const QString &text, Mailbox *mailbox); // "Name <addr>" or "addr"
};

} // namespace Mail
