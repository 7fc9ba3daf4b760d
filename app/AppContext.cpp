#include "AppContext.h"

#include "reports/Report.h"

Core::Result<std::unique_ptr<AppContext>> AppContext::open(const QString &databasePath,
                                                           std::unique_ptr<Core::Clock> clock,
                                                           std::unique_ptr<Settings::AppSettings> settings,
                                                           std::unique_ptr<Settings::CredentialStore> credentials)
{
    auto database = Storage::Database::open(databasePath);
    if (!database.ok())
        return database.error();
    std::unique_ptr<AppContext> context(new AppContext);
    context->m_clock = clock ? std::move(clock) : std::make_unique<Core::SystemClock>();
    context->m_settings = settings ? std::move(settings) : std::make_unique<Settings::AppSettings>();
    context->m_credentials = credentials ? std::move(credentials) : std::make_unique<Settings::MemoryCredentialStore>();
    context->m_database = std::move(database).value();
    context->m_members = std::make_unique<Storage::MemberRepository>(*context->m_database, *context->m_clock);
    context->m_audit = std::make_unique<Storage::AuditLog>(*context->m_database, *context->m_clock);
    context->m_databaseSettings = std::make_unique<Storage::SettingsRepository>(*context->m_database);
    context->m_consent = std::make_unique<Consent::ConsentService>(
        *context->m_database, *context->m_members, *context->m_audit, *context->m_databaseSettings, *context->m_clock);
    context->m_privacy = std::make_unique<Consent::MemberPrivacy>(
        *context->m_database, *context->m_members, *context->m_audit, *context->m_consent, *context->m_clock);
    // A saved report as a campaign's audience: the reports module answers, mail does not need to know it.
    AppContext *c = context.get();
    context->m_campaigns = std::make_unique<Mail::CampaignService>(
        *c->m_database, *c->m_members, *c->m_consent, *c->m_databaseSettings, *c->m_clock,
        [c](const QString &name) -> Core::Result<std::vector<qint64>> {
            auto report = Reports::ReportRepository(*c->m_database, *c->m_clock).find(name);
            if (!report.ok())
                return report.error();
            return Reports::ReportRunner(*c->m_database, *c->m_members, *c->m_consent, *c->m_clock)
                .ids(report.value(), {});
        });
    context->m_returned =
        std::make_unique<Mail::ReturnedMailService>(*c->m_database, *c->m_members, *c->m_consent, *c->m_campaigns,
                                                    *c->m_audit, *c->m_databaseSettings, *c->m_clock);
    // Statuses left to work out (a file just migrated, a copy made by `server copy-from`): settled now by anyone
    // who may write, so that the first count is quick; a reader's queries judge them from the ledger.
    if (c->m_database->access().canEdit()) {
        auto pending = c->m_consent->statuses().pending();
        if (!pending.ok())
            return pending.error();
        if (!pending.value().isEmpty()) {
            if (auto settled = c->m_consent->statuses().settle(); !settled.ok())
                return settled.error();
        }
    }
    return context;
}

AppContext::~AppContext()
{
    m_returned.reset();
    m_campaigns.reset();
    m_privacy.reset();
    m_consent.reset();
    m_databaseSettings.reset();
    m_audit.reset();
    m_members.reset();
    m_database.reset();
}
