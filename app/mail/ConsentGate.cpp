#include "ConsentGate.h"

#include "CampaignService.h"
#include "core/Clock.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QSqlQuery>

using Consent::Reason;

namespace Mail {

ConsentGate::ConsentGate(Storage::Database &database, const Core::Clock &clock)
    : m_database(database), m_clock(clock), m_members(std::make_unique<Storage::MemberRepository>(database, clock)),
      m_audit(std::make_unique<Storage::AuditLog>(database, clock)),
      m_settings(std::make_unique<Storage::SettingsRepository>(database)),
      m_consent(std::make_unique<Consent::ConsentService>(database, *m_members, *m_audit, *m_settings, clock))
{}

ConsentGate::~ConsentGate() = default;

Core::Result<QString> ConsentGate::check(const Delivery &delivery)
{
    // An address on the suppression list (an erased member's, one who withdrew from everything) is never
    // mailed, whatever row survived to ask for it; nor a message erasure emptied.
    if (delivery.address.isEmpty())
        return QCoreApplication::translate("Mail::ConsentGate", "Not sent: the member's data was erased.");
    auto suppressed = m_consent->isSuppressed(delivery.address);
    if (!suppressed.ok())
        return suppressed.error(); // the database cannot answer now: left queued, never cancelled for that
    if (suppressed.value())
        return QCoreApplication::translate("Mail::ConsentGate", "Not sent: the address is on the suppression list.");
    if (!delivery.memberId)
        return QString(); // a message to an address typed by the user (mail send, a test): no member to ask about
    BatchInfo &info = m_batches[delivery.batchId];
    if (!info.loaded) {
        info.loaded = true;
        CampaignRepository campaigns(m_database, m_clock);
        if (auto id = campaigns.idForBatch(delivery.batchId); id.ok() && id.value()) {
            if (auto c = campaigns.find(id.value(), CampaignRepository::Parts::WithoutAttachments); c.ok())
                info.campaign = c.value();
        }
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT purpose FROM mail_batches WHERE id = ?"));
        q.addBindValue(delivery.batchId);
        if (Storage::exec(q, QStringLiteral("batch purpose")).ok() && q.next())
            info.purpose = q.value(0).toString();
    }
    CampaignPlan verdict;
    if (info.campaign.id) {
        auto v = CampaignService::eligibility(*m_consent, info.campaign, {delivery.memberId});
        if (!v.ok())
            return v.error(); // cannot tell: not sent now, not cancelled either
        verdict = v.value();
    } else if (!info.purpose.isEmpty()) {
        auto e = m_consent->eligible(info.purpose, {delivery.memberId});
        if (!e.ok())
            return e.error();
        verdict.recipients = e.value().eligible;
        verdict.excluded = e.value().excluded;
    } else {
        return QString();
    }
    if (!verdict.recipients.empty())
        return QString();
    const Reason reason = verdict.excluded.isEmpty() ? Reason::NoConsent : verdict.excluded.firstKey();
    if (info.campaign.id)
        (void)m_database.write([&] { return recordExclusions(m_database, info.campaign.id, verdict, m_clock.now()); });
    return QCoreApplication::translate("Mail::ConsentGate", "Not sent: %1 (checked just before sending).")
        .arg(Consent::reasonLabel(reason));
}

} // namespace Mail
