#pragma once

#include "Campaign.h"
#include "CampaignComposer.h"
#include "Outbox.h"
#include "consent/ConsentService.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <functional>
#include <memory>
#include <vector>

namespace Core {
class Clock;
}
namespace Storage {
class AuditLog;
class Database;
class MemberRepository;
class SettingsRepository;
} // namespace Storage

namespace Mail {

// Who a campaign reaches and who it leaves out, by reason.
struct CampaignPlan
{
    std::vector<qint64> recipients;
    QMap<Consent::Reason, std::vector<qint64>> excluded;
    qint64 excludedCount(Consent::Reason reason) const { return qint64(excluded.value(reason).size()); }
    qint64 excludedTotal() const;
    QJsonObject excludedJson() const; // the six reasons of `campaign status`, 0 included
};

// Where a campaign stands: `recipients` are the members it was queued for (or would be, before sending),
// `excluded` who it leaves out by reason (those stopped just before sending included), `outbox` every
// delivery state of its batch.
struct CampaignStatus
{
    bool queued = false;
    qint64 batchId = 0;
    qint64 recipients = 0;
    QMap<QString, qint64> excluded;
    QMap<QString, qint64> outbox;
    qint64 value(const QString &state) const { return outbox.value(state); }
    QJsonObject toJson() const; // the CLI's contract keys, plus "cancelled", "sending" and "batch"
};

// A member's invitations: when, how many, the last campaign and the answer.
struct InvitationInfo
{
    QDateTime invitedAt; // the last invitation sent; null: never invited
    int count = 0;
    qint64 lastCampaign = 0;
    QString lastCampaignName;
    QString answer; // "accepted", "declined" or empty
    QDateTime answeredAt;
};

// One unsubscribe request and what was done with it (CASL: honoured within 10 business days, kept).
struct UnsubscribeRequest
{
    qint64 id = 0;
    QDateTime receivedAt;
    qint64 memberId = 0;
    QString memberName;
    QString purpose; // empty: not known (a reply without a token)
    QString source;
    QString action; // empty until processed
    QDateTime processedAt;
    QDate deadline() const; // received + 10 business days
    bool processed() const { return processedAt.isValid(); }
    QJsonObject toJson() const;
};

// Writes who a campaign left out and why (an existing decision for a member is replaced).
Core::Result<void> recordExclusions(Storage::Database &database, qint64 campaignId, const CampaignPlan &plan,
                                    const QDateTime &now);

// Counts the ten business days (Monday to Friday) CASL gives to honour an unsubscribe request.
QDate businessDaysAfter(QDate from, int days);

// Campaigns from audience to outbox: resolves the audience (everyone, a saved report, never invited,
// invited without an answer, one member), asks the consent service who may receive it, queues one message
// per recipient into the campaign's own outbox batch (a member at most once, ever), and reports where it
// stands. Also the invitations' answers and the unsubscribe requests.
class CampaignService
{
public:
    // The members of a saved report (the reports module is not mail's to know; AppContext gives this).
    using ReportMembers = std::function<Core::Result<std::vector<qint64>>(const QString &reportName)>;
    using Progress = std::function<bool(int done, int total)>; // false: stop

    CampaignService(Storage::Database &database, Storage::MemberRepository &members, Consent::ConsentService &consent,
                    Storage::SettingsRepository &settings, const Core::Clock &clock, ReportMembers reportMembers = {});

    CampaignRepository &campaigns() { return m_campaigns; }

    // What every message of a campaign for this purpose shares: organisation, sender, token secret, page.
    Core::Result<CampaignComposer> composer(const QString &purpose) const;
    // One member's message of a campaign, as it will arrive, and the fields left empty for them.
    Core::Result<Message> messageFor(const Campaign &campaign, qint64 memberId,
                                     QList<Templates::MergeProblem> *problems = nullptr) const;
    // The default invitation or newsletter text in "fr" or "en", for the organisation and a purpose.
    Core::Result<Campaign::Text> defaultText(Campaign::Kind kind, const QString &language,
                                             const QString &purpose) const;

    Core::Result<std::vector<qint64>> audience(const Campaign &campaign) const;
    // How many members are never invited, and invited without an answer (the side panel's counts; static: a
    // worker's connection is enough).
    static Core::Result<QPair<qint64, qint64>> invitationCounts(Storage::Database &database, qint64 memberCount = -1);
    Core::Result<QPair<qint64, qint64>> invitationCounts(qint64 memberCount = -1) const
    {
        return invitationCounts(m_database, memberCount);
    }
    Core::Result<CampaignPlan> plan(const Campaign &campaign) const;
    // The verdict for some members: a newsletter needs the purpose's consent; an invitation (it asks for
    // that consent) goes under the association's own purpose, never to who withdrew or is suppressed.
    static Core::Result<CampaignPlan> eligibility(const Consent::ConsentService &consent, const Campaign &campaign,
                                                  const std::vector<qint64> &members);

    // Resolves the audience and queues the messages, once: a campaign already queued keeps its batch and
    // its recipients (a member is never queued twice). Returns the campaign's status.
    Core::Result<CampaignStatus> queue(qint64 campaignId, const Progress &progress = {});
    Core::Result<CampaignStatus> status(qint64 campaignId) const;
    // Failed and deferred messages waiting again; sent and unknown ones never.
    Core::Result<int> retry(qint64 campaignId);
    Core::Result<QList<Delivery>> deliveries(qint64 campaignId) const;
    // Deliveries sent per hour since the campaign was queued: (time, total sent so far).
    Core::Result<QList<QPair<QDateTime, qint64>>> progressOverTime(qint64 campaignId) const;

    // The campaign's message for one member, to `to` instead, marked as a test, in a batch of its own.
    Core::Result<qint64> queueTest(const Campaign &campaign, qint64 sampleMemberId, const Mailbox &to);

    // Invitations.
    Core::Result<InvitationInfo> invitation(qint64 memberId) const;
    // Accepted: an express consent event for the invitation's purpose, its source naming the invitation.
    Core::Result<void> recordAnswer(qint64 memberId, bool accepted, const QString &recordedBy = {});
    // A `mailto:` with the personal invitation's subject and body, for the user's own mail program.
    Core::Result<QString> personalMailto(const Campaign &campaign, qint64 memberId) const;

    // Unsubscribe requests. A valid token withdraws the member's consent for its purpose at once; a message
    // without one is recorded for the user to decide (it names the member when its From is known).
    Core::Result<UnsubscribeRequest> unsubscribeToken(const QString &token, const QString &source,
                                                      const QDateTime &receivedAt = {});
    Core::Result<UnsubscribeRequest> unsubscribeMessage(const QByteArray &message, const QString &source);
    // Processes a pending request: withdraws these purposes (empty: every purpose).
    Core::Result<UnsubscribeRequest> processRequest(qint64 requestId, const QStringList &purposes);
    Core::Result<QList<UnsubscribeRequest>> unsubscribeRequests() const;

private:
    Core::Result<UnsubscribeRequest> request(qint64 id) const;
    Core::Result<qint64> addRequest(const QDateTime &receivedAt, qint64 memberId, const QString &purpose,
                                    const QString &source);
    Core::Result<UnsubscribeRequest> withdrawFor(qint64 requestId, qint64 memberId, const QStringList &purposes,
                                                 const QString &source);

    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    Consent::ConsentService &m_consent;
    Storage::SettingsRepository &m_settings;
    const Core::Clock &m_clock;
    ReportMembers m_reportMembers;
    CampaignRepository m_campaigns;
};

} // namespace Mail
