#pragma once

#include "consent/ConsentService.h"
#include "consent/MemberPrivacy.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "mail/CampaignService.h"
#include "mail/ReturnedMailService.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

#include <memory>

// The composition root: owns the database, the repositories and the services, and hands them to
// the windows and CLI commands through their constructors. No singletons.
class AppContext
{
public:
    // `clock` and `settings` default to the system clock and the user's settings (tests inject theirs).
    static Core::Result<std::unique_ptr<AppContext>>
    open(const QString &databasePath, std::unique_ptr<Core::Clock> clock = nullptr,
         std::unique_ptr<Settings::AppSettings> settings = nullptr,
         std::unique_ptr<Settings::CredentialStore> credentials = nullptr);
    ~AppContext();

    Storage::Database &database() { return *m_database; }
    Storage::MemberRepository &members() { return *m_members; }
    Storage::AuditLog &audit() { return *m_audit; }
    Storage::SettingsRepository &databaseSettings() { return *m_databaseSettings; }
    Consent::ConsentService &consent() { return *m_consent; }
    Consent::MemberPrivacy &privacy() { return *m_privacy; }
    Mail::CampaignService &campaigns() { return *m_campaigns; }
    Mail::ReturnedMailService &returnedMail() { return *m_returned; }
    // The SMTP password typed in the window: for this session only, never written anywhere.
    QString sessionSmtpPassword() const { return m_sessionSmtpPassword; }
    void setSessionSmtpPassword(const QString &password) { m_sessionSmtpPassword = password; }
    // The same for the association's mailbox (IMAP).
    QString sessionMailboxPassword() const { return m_sessionMailboxPassword; }
    void setSessionMailboxPassword(const QString &password) { m_sessionMailboxPassword = password; }
    const Core::Clock &clock() const { return *m_clock; }
    Settings::AppSettings &settings() { return *m_settings; }
    // The keychain (given by the executables) or, by default, this session's memory.
    Settings::CredentialStore &credentials() { return *m_credentials; }

private:
    AppContext() = default;

    std::unique_ptr<Core::Clock> m_clock;
    std::unique_ptr<Settings::AppSettings> m_settings;
    std::unique_ptr<Settings::CredentialStore> m_credentials;
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Storage::MemberRepository> m_members;
    std::unique_ptr<Storage::AuditLog> m_audit;
    std::unique_ptr<Storage::SettingsRepository> m_databaseSettings;
    std::unique_ptr<Consent::ConsentService> m_consent;
    std::unique_ptr<Consent::MemberPrivacy> m_privacy;
    std::unique_ptr<Mail::CampaignService> m_campaigns;
    std::unique_ptr<Mail::ReturnedMailService> m_returned;
    QString m_sessionSmtpPassword;
    QString m_sessionMailboxPassword;
};
