#include "CampaignService.h"

#include "MimeMessage.h"
#include "SmtpAccount.h"
#include "UnsubscribeToken.h"
#include "core/Clock.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

using Consent::Reason;
using Core::Error;
using Core::Result;

namespace Mail {

namespace {

constexpr Reason kExclusionReasons[] = {Reason::NoConsent,  Reason::Expired,       Reason::Withdrawn,
                                        Reason::Suppressed, Reason::Undeliverable, Reason::InvalidEmail,
                                        Reason::NoEmail};

Result<std::vector<qint64>> idsOf(QSqlQuery &q, const QString &what)
{
    if (auto e = Storage::exec(q, what); !e.ok())
        return e.error();
    std::vector<qint64> out;
    while (q.next())
        out.push_back(q.value(0).toLongLong());
    return out;
}

// A delivery of an invitation that counts as "invited": sent, or on its way (never invite twice).
const char *const kInvitedStates = "('sent', 'queued', 'sending', 'deferred', 'unknown')";

} // namespace

Result<void> recordExclusions(Storage::Database &database, qint64 campaignId, const CampaignPlan &plan,
                              const QDateTime &now)
{
    QSqlQuery q(database.connection());
    q.prepare(QStringLiteral("INSERT INTO campaign_exclusions (campaign_id, member_id, reason, decided_at) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (campaign_id, member_id) DO UPDATE SET "
                             "reason = excluded.reason, decided_at = excluded.decided_at"));
    for (auto it = plan.excluded.cbegin(); it != plan.excluded.cend(); ++it) {
        for (qint64 member : it.value()) {
            q.addBindValue(campaignId);
            q.addBindValue(member);
            q.addBindValue(Consent::reasonKey(it.key()));
            q.addBindValue(Storage::storedTime(now));
            if (auto e = Storage::exec(q, QStringLiteral("campaign exclusion")); !e.ok())
                return e;
        }
    }
    return {};
}

qint64 CampaignPlan::excludedTotal() const
{
    qint64 n = 0;
    for (const auto &ids : excluded)
        n += qint64(ids.size());
    return n;
}

QJsonObject CampaignPlan::excludedJson() const
{
    QJsonObject o;
    for (Reason r : kExclusionReasons)
        o.insert(Consent::reasonKey(r), excludedCount(r));
    return o;
}

QJsonObject CampaignStatus::toJson() const
{
    QJsonObject excludedObject;
    for (Reason r : kExclusionReasons)
        excludedObject.insert(Consent::reasonKey(r), excluded.value(Consent::reasonKey(r)));
    return {{QStringLiteral("recipients"), recipients},
            {QStringLiteral("excluded"), excludedObject},
            {QStringLiteral("queued"), value(QStringLiteral("queued"))},
            {QStringLiteral("sending"), value(QStringLiteral("sending"))},
            {QStringLiteral("sent"), value(QStringLiteral("sent"))},
            {QStringLiteral("deferred"), value(QStringLiteral("deferred"))},
            {QStringLiteral("failed"), value(QStringLiteral("failed"))},
            {QStringLiteral("unknown"), value(QStringLiteral("unknown"))},
            {QStringLiteral("cancelled"), value(QStringLiteral("cancelled"))},
            {QStringLiteral("bounced"), value(QStringLiteral("bounced"))},
            {QStringLiteral("batch"), batchId ? QJsonValue(batchId) : QJsonValue()}};
}

QDate businessDaysAfter(QDate from, int days)
{
    QDate d = from;
    while (days > 0) {
        d = d.addDays(1);
        if (d.dayOfWeek() <= 5)
            --days;
    }
    return d;
}

QDate UnsubscribeRequest::deadline() const
{
    return businessDaysAfter(receivedAt.toLocalTime().date(), 10);
}

QJsonObject UnsubscribeRequest::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("received_at"), Storage::storedTime(receivedAt)},
            {QStringLiteral("member"), memberId ? QJsonValue(memberId) : QJsonValue()},
            {QStringLiteral("name"), memberName.isEmpty() ? QJsonValue() : QJsonValue(memberName)},
            {QStringLiteral("purpose"), purpose.isEmpty() ? QJsonValue() : QJsonValue(purpose)},
            {QStringLiteral("source"), source},
            {QStringLiteral("action"), action.isEmpty() ? QJsonValue() : QJsonValue(action)},
            {QStringLiteral("processed_at"),
             processedAt.isValid() ? QJsonValue(Storage::storedTime(processedAt)) : QJsonValue()},
            {QStringLiteral("deadline"), deadline().toString(Qt::ISODate)}};
}

CampaignService::CampaignService(Storage::Database &database, Storage::MemberRepository &members,
                                 Consent::ConsentService &consent, Storage::SettingsRepository &settings,
                                 const Core::Clock &clock, ReportMembers reportMembers)
    : m_database(database), m_members(members), m_consent(consent), m_settings(settings), m_clock(clock),
      m_reportMembers(std::move(reportMembers)), m_campaigns(database, clock)
{}

Result<CampaignComposer> CampaignService::composer(const QString &purposeKey) const
{
    CampaignComposer::Context c;
    auto organisation = Consent::Organisation::load(m_settings);
    if (!organisation.ok())
        return organisation.error();
    c.organisation = organisation.value();
    auto account = SmtpAccount::load(m_settings);
    c.sender = account.ok() && !account.value().from.address.isEmpty()
                   ? account.value().from
                   : Mailbox{c.organisation.name, c.organisation.email};
    auto secret = UnsubscribeToken::secret(m_settings);
    if (!secret.ok())
        return secret.error();
    c.tokenSecret = secret.value();
    c.unsubscribeUrl = c.organisation.unsubscribeUrl;
    auto purpose = m_consent.purpose(purposeKey);
    c.purposeLabel = purpose.ok() ? purpose.value().displayLabel() : purposeKey;
    return CampaignComposer(c);
}

Result<Campaign::Text> CampaignService::defaultText(Campaign::Kind kind, const QString &language,
                                                    const QString &purposeKey) const
{
    const QString lang = language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("fr");
    QFile f(QStringLiteral(":/templates/%1.%2.md").arg(Campaign::kindKey(kind), lang));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Storage,
                           QCoreApplication::translate("Mail::CampaignService",
                                                       "The default message is missing from this installation."));
    const QString all = QString::fromUtf8(f.readAll());
    auto organisation = Consent::Organisation::load(m_settings);
    if (!organisation.ok())
        return organisation.error();
    auto purpose = m_consent.purpose(purposeKey);
    if (!purpose.ok())
        return purpose.error();
    // The purpose's label in the message's language, not the window's.
    QString label = purpose.value().label;
    if (purpose.value().builtin && lang == QLatin1String("fr"))
        label = purpose.value().key == QLatin1String("newsletter") ? QStringLiteral("notre lettre d'information")
                                                                   : QStringLiteral("la vie de l'association");
    else if (purpose.value().builtin)
        label = purpose.value().key == QLatin1String("newsletter") ? QStringLiteral("our newsletter")
                                                                   : QStringLiteral("the association's life");
    QString text = all;
    // Until the association's profile is filled in, a visible gap to fill rather than "de  " or "****".
    QString name = organisation.value().name;
    if (name.isEmpty())
        name = lang == QLatin1String("fr") ? QStringLiteral("[nom de l’association]")
                                           : QStringLiteral("[association name]");
    text.replace(QLatin1String("[[organisation]]"), name);
    text.replace(QLatin1String("[[purpose]]"), label);
    text.replace(QLatin1String("[[contact]]"), organisation.value().email);
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    Campaign::Text out;
    out.subject = text.left(end).section(QLatin1Char(':'), 1).trimmed();
    out.body = text.mid(end + 1).trimmed() + QLatin1Char('\n');
    return out;
}

Result<std::vector<qint64>> CampaignService::audience(const Campaign &campaign) const
{
    const QString &a = campaign.audience;
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    if (a == QLatin1String("all")) {
        q.prepare(QStringLiteral("SELECT id FROM members ORDER BY id"));
        return idsOf(q, QStringLiteral("audience"));
    }
    if (a == QLatin1String("never-invited")) {
        q.prepare(QStringLiteral("SELECT id FROM members m WHERE NOT EXISTS (SELECT 1 FROM deliveries d JOIN campaigns "
                                 "c ON c.batch_id = d.batch_id WHERE c.kind = 'invitation' AND d.member_id = m.id "
                                 "AND d.state IN %1) ORDER BY id")
                      .arg(QLatin1String(kInvitedStates)));
        return idsOf(q, QStringLiteral("audience"));
    }
    if (a == QLatin1String("invited-no-answer") || a.startsWith(QLatin1String("invited-no-answer:"))) {
        // A reminder: invited at least N days ago (0: any time), no answer recorded.
        const int days = a.section(QLatin1Char(':'), 1).toInt();
        q.prepare(QStringLiteral("SELECT d.member_id FROM deliveries d JOIN campaigns c ON c.batch_id = d.batch_id "
                                 "WHERE c.kind = 'invitation' AND d.state = 'sent' AND d.member_id IS NOT NULL AND "
                                 "NOT EXISTS (SELECT 1 FROM invitation_answers x WHERE x.member_id = d.member_id) "
                                 "GROUP BY d.member_id HAVING ? = 0 OR max(d.sent_at) <= ? ORDER BY d.member_id"));
        q.addBindValue(days);
        q.addBindValue(m_clock.now().addDays(-days).toUTC().toString(Qt::ISODateWithMs));
        return idsOf(q, QStringLiteral("audience"));
    }
    if (a.startsWith(QLatin1String("report:"))) {
        if (!m_reportMembers)
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate("Mail::CampaignService",
                                                           "Saved reports cannot be used as an audience here."));
        return m_reportMembers(a.mid(7));
    }
    if (a.startsWith(QLatin1String("member:"))) {
        auto member = m_members.find(a.mid(7).toLongLong());
        if (!member.ok())
            return member.error();
        return std::vector<qint64>{member.value().id};
    }
    return Error::make(
        Error::Code::Invalid,
        QCoreApplication::translate("Mail::CampaignService", "Unknown audience \"%1\".").arg(a.left(60)));
}

Result<QPair<qint64, qint64>> CampaignService::invitationCounts(Storage::Database &database, qint64 memberCount)
{
    // Counted, not listed: the members table is counted once (or the caller knows the count: on a server a
    // million members take a noticeable fraction of a second to count), the invited are few. The deliveries
    // are reached through the invitations' batches (an index): a newsletter to a million members is not read.
    const QString invitations = QStringLiteral(
        "d.batch_id IN (SELECT c.batch_id FROM campaigns c WHERE c.kind = 'invitation' AND c.batch_id IS NOT NULL)");
    QSqlQuery q(database.connection());
    q.prepare(
        QStringLiteral("SELECT %2 - (SELECT count(DISTINCT d.member_id) FROM deliveries d WHERE %3 AND "
                       "d.member_id IS NOT NULL AND d.state IN %1), (SELECT count(DISTINCT d.member_id) FROM "
                       "deliveries d WHERE %3 AND d.state = 'sent' AND d.member_id IS NOT NULL AND NOT EXISTS "
                       "(SELECT 1 FROM invitation_answers x WHERE x.member_id = d.member_id))")
            .arg(QLatin1String(kInvitedStates),
                 memberCount >= 0 ? QString::number(memberCount) : QStringLiteral("(SELECT count(*) FROM members)"),
                 invitations));
    if (auto e = Storage::exec(q, QStringLiteral("invitation counts")); !e.ok())
        return e.error();
    q.next();
    return QPair<qint64, qint64>{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

Result<CampaignPlan> CampaignService::eligibility(const Consent::ConsentService &consent, const Campaign &campaign,
                                                  const std::vector<qint64> &members)
{
    CampaignPlan plan;
    if (members.empty())
        return plan;
    if (campaign.kind == Campaign::Kind::Newsletter || campaign.purpose == QLatin1String("association")) {
        auto e = consent.eligible(campaign.purpose, members);
        if (!e.ok())
            return e.error();
        plan.recipients = std::move(e.value().eligible);
        plan.excluded = std::move(e.value().excluded);
        return plan;
    }
    // An invitation asks for the purpose's consent: it is a message about association life, sent under
    // that purpose's basis (membership, legitimate interest), and never to someone who said no.
    auto life = consent.eligible(QStringLiteral("association"), members);
    if (!life.ok())
        return life.error();
    plan.excluded = std::move(life.value().excluded);
    if (life.value().eligible.empty())
        return plan;
    auto asked = consent.eligible(campaign.purpose, life.value().eligible);
    if (!asked.ok())
        return asked.error();
    const auto refused = [&](Reason r) { return asked.value().excluded.value(r); };
    std::vector<qint64> no = refused(Reason::Withdrawn);
    const std::vector<qint64> suppressed = refused(Reason::Suppressed);
    const std::vector<qint64> undeliverable = refused(Reason::Undeliverable);
    for (qint64 id : no)
        plan.excluded[Reason::Withdrawn].push_back(id);
    for (qint64 id : suppressed)
        plan.excluded[Reason::Suppressed].push_back(id);
    for (qint64 id : undeliverable)
        plan.excluded[Reason::Undeliverable].push_back(id);
    no.insert(no.end(), suppressed.begin(), suppressed.end());
    no.insert(no.end(), undeliverable.begin(), undeliverable.end());
    std::sort(no.begin(), no.end());
    for (qint64 id : life.value().eligible)
        if (!std::binary_search(no.begin(), no.end(), id))
            plan.recipients.push_back(id);
    return plan;
}

Result<CampaignPlan> CampaignService::plan(const Campaign &campaign) const
{
    auto members = audience(campaign);
    if (!members.ok())
        return members.error();
    return eligibility(m_consent, campaign, members.value());
}

Result<CampaignStatus> CampaignService::queue(qint64 campaignId, const Progress &progress)
{
    auto found = m_campaigns.find(campaignId);
    if (!found.ok())
        return found.error();
    const Campaign campaign = found.value();
    if (campaign.queuedAt.isValid())
        return status(campaignId);
    auto planned = plan(campaign);
    if (!planned.ok())
        return planned.error();
    const CampaignPlan p = planned.value();
    auto composer = this->composer(campaign.purpose);
    if (!composer.ok())
        return composer.error();
    // The whole queue is one transaction: stopped or failed half-way, nothing is queued and the campaign
    // can be sent again from the start.
    auto written = m_database.write([&]() -> Result<void> {
        Outbox outbox(m_database, m_clock);
        auto batch = outbox.createBatch(campaign.subject, campaign.purpose);
        if (!batch.ok())
            return batch.error();
        if (auto e = recordExclusions(m_database, campaign.id, p, m_clock.now()); !e.ok())
            return e;
        QList<OutgoingItem> chunk;
        const int total = int(p.recipients.size());
        int done = 0;
        for (qint64 id : p.recipients) {
            auto member = m_members.find(id);
            if (!member.ok())
                return member.error();
            auto message = composer.value().compose(campaign, member.value());
            if (!message.ok())
                return message.error();
            auto built = Mime::build(message.value());
            if (!built.ok()) {
                // An address the MIME layer refuses (the consent check let it through): left out, said why.
                CampaignPlan bad;
                bad.excluded[Reason::InvalidEmail].push_back(id);
                if (auto e = recordExclusions(m_database, campaign.id, bad, m_clock.now()); !e.ok())
                    return e;
                continue;
            }
            chunk.append({built.value().envelopeTo.value(0), built.value().envelopeFrom, built.value().needsSmtpUtf8,
                          built.value().bytes, built.value().messageId, id});
            if (chunk.size() >= 200) {
                if (auto added = outbox.append(batch.value(), chunk); !added.ok())
                    return added.error();
                chunk.clear();
            }
            ++done;
            if (progress && done % 50 == 0 && !progress(done, total))
                return Error::make(Error::Code::Cancelled, QCoreApplication::translate("Mail::CampaignService",
                                                                                       "Stopped: nothing was queued."));
        }
        if (auto added = outbox.append(batch.value(), chunk); !added.ok())
            return added.error();
        return m_campaigns.setQueued(campaign.id, batch.value());
    });
    if (!written.ok())
        return written.error();
    return status(campaignId);
}

Result<CampaignStatus> CampaignService::status(qint64 campaignId) const
{
    auto found = m_campaigns.find(campaignId, CampaignRepository::Parts::WithoutAttachments);
    if (!found.ok())
        return found.error();
    const Campaign &campaign = found.value();
    CampaignStatus s;
    for (Reason r : kExclusionReasons)
        s.excluded.insert(Consent::reasonKey(r), 0);
    for (DeliveryState state :
         {DeliveryState::Queued, DeliveryState::Sending, DeliveryState::Sent, DeliveryState::Deferred,
          DeliveryState::Failed, DeliveryState::Cancelled, DeliveryState::Unknown})
        s.outbox.insert(stateKey(state), 0);
    if (!campaign.queuedAt.isValid()) {
        // Not sent yet: what sending now would do.
        auto p = plan(campaign);
        if (!p.ok())
            return p.error();
        s.recipients = qint64(p.value().recipients.size());
        for (Reason r : kExclusionReasons)
            s.excluded.insert(Consent::reasonKey(r), p.value().excludedCount(r));
        return s;
    }
    s.queued = true;
    s.batchId = campaign.batchId;
    auto counts = Outbox(m_database, m_clock).counts(campaign.batchId);
    if (!counts.ok())
        return counts.error();
    for (auto it = counts.value().cbegin(); it != counts.value().cend(); ++it)
        s.outbox.insert(it.key(), it.value());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT reason, count(*) FROM campaign_exclusions WHERE campaign_id = ? GROUP BY reason"));
    q.addBindValue(campaignId);
    if (auto e = Storage::exec(q, QStringLiteral("campaign exclusions")); !e.ok())
        return e.error();
    while (q.next())
        s.excluded.insert(q.value(0).toString(), q.value(1).toLongLong());
    // The members it was queued for, less those stopped just before sending (they count as excluded).
    qint64 all = 0;
    for (qint64 n : counts.value())
        all += n;
    s.recipients = all - s.value(QStringLiteral("cancelled"));
    return s;
}

Result<int> CampaignService::retry(qint64 campaignId)
{
    auto found = m_campaigns.find(campaignId, CampaignRepository::Parts::WithoutAttachments);
    if (!found.ok())
        return found.error();
    if (!found.value().queuedAt.isValid())
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Mail::CampaignService", "Campaign %1 has not been sent yet.").arg(campaignId));
    return Outbox(m_database, m_clock).retry(found.value().batchId);
}

Result<QList<Delivery>> CampaignService::deliveries(qint64 campaignId) const
{
    auto found = m_campaigns.find(campaignId, CampaignRepository::Parts::WithoutAttachments);
    if (!found.ok())
        return found.error();
    if (!found.value().queuedAt.isValid())
        return QList<Delivery>();
    return Outbox(m_database, m_clock).deliveries(found.value().batchId);
}

Result<QList<QPair<QDateTime, qint64>>> CampaignService::progressOverTime(qint64 campaignId) const
{
    auto found = m_campaigns.find(campaignId, CampaignRepository::Parts::WithoutAttachments);
    if (!found.ok())
        return found.error();
    QList<QPair<QDateTime, qint64>> out;
    if (!found.value().queuedAt.isValid())
        return out;
    // Every message's moment of acceptance, thinned to about 500 points for a large campaign: counted, then read
    // in order — both from the index on batch, state and time; only the points kept are read as dates.
    const QString sent =
        QStringLiteral("FROM deliveries WHERE batch_id = ? AND state = 'sent' AND sent_at IS NOT NULL");
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT count(*) ") + sent);
    q.addBindValue(found.value().batchId);
    if (auto e = Storage::exec(q, QStringLiteral("campaign progress")); !e.ok())
        return e.error();
    const qint64 step = std::max<qint64>(1, (q.next() ? q.value(0).toLongLong() : 0) / 500);
    Storage::streamRows(q);
    q.prepare(QStringLiteral("SELECT sent_at ") + sent + QStringLiteral(" ORDER BY sent_at"));
    q.addBindValue(found.value().batchId);
    if (auto e = Storage::exec(q, QStringLiteral("campaign progress")); !e.ok())
        return e.error();
    qint64 total = 0;
    out.append({found.value().queuedAt, 0});
    QString lastText;
    while (q.next()) {
        ++total;
        lastText = q.value(0).toString();
        if (total % step == 0)
            out.append({QDateTime::fromString(lastText, Qt::ISODateWithMs), total});
    }
    if (total % step != 0)
        out.append({QDateTime::fromString(lastText, Qt::ISODateWithMs), total});
    return out;
}

Result<Message> CampaignService::messageFor(const Campaign &campaign, qint64 memberId,
                                            QList<Templates::MergeProblem> *problems) const
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    auto composer = this->composer(campaign.purpose);
    if (!composer.ok())
        return composer.error();
    return composer.value().compose(campaign, member.value(), problems);
}

Result<qint64> CampaignService::queueTest(const Campaign &campaign, qint64 sampleMemberId, const Mailbox &to)
{
    auto message = messageFor(campaign, sampleMemberId);
    if (!message.ok())
        return message.error();
    Message m = message.value();
    m.to = {to};
    m.subject = QCoreApplication::translate("Mail::CampaignService", "[Test] %1").arg(m.subject);
    auto built = Mime::build(m);
    if (!built.ok())
        return built.error();
    // Its own batch, with no member and no purpose: a test never counts as the member's message.
    return Outbox(m_database, m_clock)
        .queue(m.subject, QString(),
               {{built.value().envelopeTo.value(0), built.value().envelopeFrom, built.value().needsSmtpUtf8,
                 built.value().bytes, built.value().messageId, 0}});
}

Result<InvitationInfo> CampaignService::invitation(qint64 memberId) const
{
    InvitationInfo info;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT d.sent_at, c.id, c.name FROM deliveries d JOIN campaigns c ON c.batch_id = "
                             "d.batch_id WHERE c.kind = 'invitation' AND d.state = 'sent' AND d.member_id = ? ORDER "
                             "BY d.sent_at"));
    q.addBindValue(memberId);
    if (auto e = Storage::exec(q, QStringLiteral("invitations")); !e.ok())
        return e.error();
    while (q.next()) {
        ++info.count;
        info.invitedAt = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
        info.lastCampaign = q.value(1).toLongLong();
        info.lastCampaignName = q.value(2).toString();
    }
    QSqlQuery a(m_database.connection());
    a.prepare(QStringLiteral("SELECT answer, answered_at FROM invitation_answers WHERE member_id = ?"));
    a.addBindValue(memberId);
    if (auto e = Storage::exec(a, QStringLiteral("invitation answer")); !e.ok())
        return e.error();
    if (a.next()) {
        info.answer = a.value(0).toString();
        info.answeredAt = Storage::storedTimeFrom(a.value(1));
    }
    return info;
}

Result<void> CampaignService::recordAnswer(qint64 memberId, bool accepted, const QString &recordedBy)
{
    auto info = invitation(memberId);
    if (!info.ok())
        return info.error();
    if (info.value().count == 0)
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Mail::CampaignService", "This member has not been sent an invitation."));
    auto campaign = m_campaigns.find(info.value().lastCampaign, CampaignRepository::Parts::WithoutAttachments);
    if (!campaign.ok())
        return campaign.error();
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("INSERT INTO invitation_answers (member_id, campaign_id, answer, answered_at) VALUES "
                                 "(?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET campaign_id = "
                                 "excluded.campaign_id, answer = excluded.answer, answered_at = excluded.answered_at"));
        q.addBindValue(memberId);
        q.addBindValue(campaign.value().id);
        q.addBindValue(accepted ? QStringLiteral("accepted") : QStringLiteral("declined"));
        q.addBindValue(Storage::storedTime(m_clock.now()));
        if (auto e = Storage::exec(q, QStringLiteral("invitation answer")); !e.ok())
            return e;
        if (!accepted)
            return {};
        Consent::GrantRequest grant;
        grant.purpose = campaign.value().purpose;
        grant.basis = Consent::Basis::Express;
        grant.source =
            QCoreApplication::translate("Mail::CampaignService", "Invitation \"%1\" sent on %2: accepted")
                .arg(campaign.value().name, info.value().invitedAt.toLocalTime().date().toString(Qt::ISODate));
        grant.wording = campaign.value().subject + QStringLiteral("\n\n") + campaign.value().body.trimmed();
        grant.recordedBy = recordedBy;
        auto event = m_consent.record(memberId, grant);
        if (!event.ok())
            return event.error();
        return {};
    });
}

Result<QString> CampaignService::personalMailto(const Campaign &campaign, qint64 memberId) const
{
    auto message = messageFor(campaign, memberId);
    if (!message.ok())
        return message.error();
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(message.value().to.value(0).address);
    QUrlQuery query;
    // RFC 6068: every character that is not plain goes percent-encoded, line ends as %0D%0A.
    const auto encoded = [](const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); };
    QString body = message.value().text;
    body.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    query.addQueryItem(QStringLiteral("subject"), encoded(message.value().subject));
    query.addQueryItem(QStringLiteral("body"), encoded(body));
    url.setQuery(query);
    return QString::fromLatin1(url.toEncoded());
}

Result<qint64> CampaignService::addRequest(const QDateTime &receivedAt, qint64 memberId, const QString &purpose,
                                           const QString &source)
{
    qint64 id = 0;
    auto r = m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("INSERT INTO unsubscribe_requests (received_at, member_id, purpose, source) VALUES "
                                 "(?, ?, ?, ?) RETURNING id"));
        q.addBindValue(Storage::storedTime(receivedAt.isValid() ? receivedAt : m_clock.now()));
        q.addBindValue(memberId ? QVariant(memberId) : QVariant(QMetaType(QMetaType::LongLong)));
        q.addBindValue(purpose.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(purpose));
        q.addBindValue(source);
        if (auto e = Storage::exec(q, QStringLiteral("unsubscribe request")); !e.ok())
            return e;
        id = Storage::returnedId(q);
        return {};
    });
    if (!r.ok())
        return r.error();
    return id;
}

Result<UnsubscribeRequest> CampaignService::withdrawFor(qint64 requestId, qint64 memberId, const QStringList &purposes,
                                                        const QString &source)
{
    auto r = m_database.write([&]() -> Result<void> {
        auto current = request(requestId);
        if (!current.ok())
            return current.error();
        Consent::WithdrawRequest w;
        w.purposes = purposes;
        w.source = source;
        // The withdrawal counts from the day it was asked (never a day to come: a wrong Date header).
        w.date = std::min(current.value().receivedAt.toLocalTime().date(), m_clock.today());
        auto events = m_consent.withdraw(memberId, w);
        if (!events.ok())
            return events.error();
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE unsubscribe_requests SET action = ?, processed_at = ?, member_id = ? WHERE "
                                 "id = ?"));
        QStringList labels;
        for (const QString &key : purposes) {
            auto purpose = m_consent.purpose(key);
            labels.append(purpose.ok() ? purpose.value().displayLabel() : key);
        }
        q.addBindValue(purposes.isEmpty()
                           ? QCoreApplication::translate("Mail::CampaignService",
                                                         "Consent withdrawn for every purpose (suppression list)")
                           : QCoreApplication::translate("Mail::CampaignService", "Consent withdrawn: %1")
                                 .arg(labels.join(QStringLiteral(", "))));
        q.addBindValue(Storage::storedTime(m_clock.now()));
        q.addBindValue(memberId);
        q.addBindValue(requestId);
        return Storage::exec(q, QStringLiteral("unsubscribe processed"));
    });
    if (!r.ok())
        return r.error();
    return request(requestId);
}

Result<UnsubscribeRequest> CampaignService::unsubscribeToken(const QString &token, const QString &source,
                                                             const QDateTime &receivedAt)
{
    auto secret = UnsubscribeToken::secret(m_settings);
    if (!secret.ok())
        return secret.error();
    auto verified = UnsubscribeToken::verify(token, secret.value());
    if (!verified.ok())
        return verified.error();
    const UnsubscribeToken t = verified.value();
    auto member = m_members.find(t.memberId);
    if (!member.ok())
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("Mail::CampaignService",
                                        "The token is valid but its member is no longer in the member file (erased)."));
    if (auto purpose = m_consent.purpose(t.purpose); !purpose.ok())
        return purpose.error();
    UnsubscribeRequest out;
    auto r = m_database.write([&]() -> Result<void> {
        auto id = addRequest(receivedAt, t.memberId, t.purpose, source);
        if (!id.ok())
            return id.error();
        auto done = withdrawFor(id.value(), t.memberId, {t.purpose}, source);
        if (!done.ok())
            return done.error();
        out = done.value();
        return {};
    });
    if (!r.ok())
        return r.error();
    return out;
}

Result<UnsubscribeRequest> CampaignService::unsubscribeMessage(const QByteArray &message, const QString &source)
{
    auto secret = UnsubscribeToken::secret(m_settings);
    if (!secret.ok())
        return secret.error();
    QString from;
    QDateTime date;
    const QString token = UnsubscribeToken::findIn(message, secret.value(), &from, &date);
    if (!token.isEmpty())
        return unsubscribeToken(token, source, date);
    // No token: the sender's address names the member, if it is one; the user decides what to withdraw.
    static const QRegularExpression angle(QStringLiteral("<([^<>@\\s]+@[^<>\\s]+)>"));
    const auto m = angle.match(from);
    const QString address = m.hasMatch() ? m.captured(1) : from.section(QLatin1Char(' '), -1);
    qint64 memberId = 0;
    if (auto member = m_members.findByEmail(address); member.ok())
        memberId = member.value().id;
    auto id = addRequest(date, memberId, QString(), source);
    if (!id.ok())
        return id.error();
    return request(id.value());
}

Result<UnsubscribeRequest> CampaignService::processRequest(qint64 requestId, const QStringList &purposes)
{
    auto found = request(requestId);
    if (!found.ok())
        return found.error();
    if (found.value().processed())
        return Error::make(
            Error::Code::Conflict,
            QCoreApplication::translate("Mail::CampaignService", "Request %1 was already processed.").arg(requestId));
    if (!found.value().memberId)
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "Mail::CampaignService",
                               "Request %1 names no member: find the member and record the withdrawal on their "
                               "record.")
                               .arg(requestId));
    for (const QString &p : purposes)
        if (auto purpose = m_consent.purpose(p); !purpose.ok())
            return purpose.error();
    return withdrawFor(requestId, found.value().memberId, purposes, found.value().source);
}

Result<UnsubscribeRequest> CampaignService::request(qint64 id) const
{
    auto all = unsubscribeRequests();
    if (!all.ok())
        return all.error();
    for (const UnsubscribeRequest &r : all.value())
        if (r.id == id)
            return r;
    return Error::make(
        Error::Code::NotFound,
        QCoreApplication::translate("Mail::CampaignService", "There is no unsubscribe request %1.").arg(id));
}

Result<QList<UnsubscribeRequest>> CampaignService::unsubscribeRequests() const
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    if (!q.exec(
            QStringLiteral("SELECT u.id, u.received_at, u.member_id, m.first_name, m.last_name, u.purpose, "
                           "u.source, u.action, u.processed_at FROM unsubscribe_requests u LEFT JOIN members m ON "
                           "m.id = u.member_id ORDER BY u.processed_at IS NOT NULL, u.received_at DESC, u.id DESC")))
        return Storage::Database::errorFrom(q.lastError(), QStringLiteral("unsubscribe requests"));
    QList<UnsubscribeRequest> out;
    while (q.next()) {
        UnsubscribeRequest r;
        r.id = q.value(0).toLongLong();
        r.receivedAt = Storage::storedTimeFrom(q.value(1));
        r.memberId = q.value(2).toLongLong();
        r.memberName = QString(q.value(3).toString() + QLatin1Char(' ') + q.value(4).toString()).trimmed();
        r.purpose = q.value(5).toString();
        r.source = q.value(6).toString();
        r.action = q.value(7).toString();
        r.processedAt = Storage::storedTimeFrom(q.value(8));
        out.append(r);
    }
    return out;
}

} // namespace Mail
