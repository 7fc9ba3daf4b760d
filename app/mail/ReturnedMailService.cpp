#include "mail/ReturnedMailService.h"

#include "consent/ConsentService.h"
#include "core/Clock.h"
#include "core/EmailAddress.h"
#include "mail/CampaignService.h"
#include "mail/Outbox.h"
#include "mail/UnsubscribeToken.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/PreparedQueries.h"
#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using Core::Error;
using Core::Result;
using Mail::Inbound::ReturnCategory;
using Mail::Inbound::ReturnKind;

namespace Mail {

namespace {

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

Result<QSqlQuery> run(Storage::Database &db, const QString &sql, const QVariantList &values, const QString &context)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto r = Storage::exec(q, context); !r.ok())
        return r.error();
    return q;
}

ReturnKind kindFromKey(const QString &key)
{
    for (ReturnKind k : {ReturnKind::Bounce, ReturnKind::Complaint, ReturnKind::AutoReply, ReturnKind::Unsubscribe})
        if (Inbound::kindKey(k) == key)
            return k;
    return ReturnKind::Other;
}

ReturnAction actionFromKey(const QString &key)
{
    for (ReturnAction a :
         {ReturnAction::MarkedUndeliverable, ReturnAction::Counted, ReturnAction::Policy, ReturnAction::CampaignFlagged,
          ReturnAction::Withdrawn, ReturnAction::Away, ReturnAction::Unsubscribed, ReturnAction::None})
        if (actionKey(a) == key)
            return a;
    return ReturnAction::Left;
}

const QString kColumns = QStringLiteral(
    "r.id, r.folder, r.uid_validity, r.uid, r.message_id, r.received_at, r.read_at, r.kind, r.category, r.address, "
    "r.status, r.diagnostic, r.member_id, r.delivery_id, r.action, r.moved_to, r.moved_uid, r.undone_at, d.batch_id, "
    "b.subject, m.first_name, m.last_name");
// The delivery, its message's subject and the member, when known (and, on a server, when the volunteer may see them).
const QString kFrom = QStringLiteral(
    "returned_messages r LEFT JOIN deliveries d ON d.id = r.delivery_id LEFT JOIN mail_batches b ON b.id = d.batch_id "
    "LEFT JOIN members m ON m.id = r.member_id");

ReturnRecord fromRow(const QSqlQuery &q)
{
    ReturnRecord r;
    r.id = q.value(0).toLongLong();
    r.place = {q.value(1).toString(), quint32(q.value(2).toLongLong()), quint32(q.value(3).toLongLong())};
    r.messageId = q.value(4).toString();
    r.receivedAt = Storage::storedTimeFrom(q.value(5));
    r.readAt = Storage::storedTimeFrom(q.value(6));
    r.kind = kindFromKey(q.value(7).toString());
    r.category = q.value(8).toString();
    r.address = q.value(9).toString();
    r.status = q.value(10).toString();
    r.diagnostic = q.value(11).toString();
    r.memberId = q.value(12).toLongLong();
    r.deliveryId = q.value(13).toLongLong();
    r.action = actionFromKey(q.value(14).toString());
    r.movedTo = q.value(15).toString();
    r.movedUid = quint32(q.value(16).toLongLong());
    r.undoneAt = Storage::storedTimeFrom(q.value(17));
    r.batchId = q.value(18).toLongLong();
    r.subject = q.value(19).toString();
    r.memberName = QStringList{q.value(20).toString(), q.value(21).toString()}.join(QLatin1Char(' ')).trimmed();
    return r;
}

// A delivery as match() reads it: id, member_id, batch_id, address.
Delivery deliveryFrom(const QSqlQuery &q)
{
    Delivery d;
    d.id = q.value(0).toLongLong();
    d.memberId = q.value(1).toLongLong();
    d.batchId = q.value(2).toLongLong();
    d.address = q.value(3).toString();
    return d;
}

} // namespace

QString actionKey(ReturnAction action)
{
    switch (action) {
    case ReturnAction::MarkedUndeliverable: return QStringLiteral("marked_undeliverable");
    case ReturnAction::Counted: return QStringLiteral("counted");
    case ReturnAction::Policy: return QStringLiteral("policy");
    case ReturnAction::CampaignFlagged: return QStringLiteral("campaign_flagged");
    case ReturnAction::Withdrawn: return QStringLiteral("withdrawn");
    case ReturnAction::Away: return QStringLiteral("away");
    case ReturnAction::Unsubscribed: return QStringLiteral("unsubscribed");
    case ReturnAction::None: return QStringLiteral("none");
    case ReturnAction::Left: break;
    }
    return QStringLiteral("left");
}

QString actionText(ReturnAction action)
{
    switch (action) {
    case ReturnAction::MarkedUndeliverable:
        return QCoreApplication::translate("Mail::ReturnedMailService", "Address marked undeliverable");
    case ReturnAction::Counted:
        return QCoreApplication::translate("Mail::ReturnedMailService", "Temporary failure counted");
    case ReturnAction::Policy:
        return QCoreApplication::translate("Mail::ReturnedMailService",
                                           "Nothing done to the member; the sending account is warned");
    case ReturnAction::CampaignFlagged:
        return QCoreApplication::translate("Mail::ReturnedMailService", "Campaign flagged: message too large");
    case ReturnAction::Withdrawn:
        return QCoreApplication::translate("Mail::ReturnedMailService", "Consent withdrawn, address suppressed");
    case ReturnAction::Away: return QCoreApplication::translate("Mail::ReturnedMailService", "Member shown as away");
    case ReturnAction::Unsubscribed: return QCoreApplication::translate("Mail::ReturnedMailService", "Unsubscribed");
    case ReturnAction::None: return QCoreApplication::translate("Mail::ReturnedMailService", "Nothing to do");
    case ReturnAction::Left: break;
    }
    return QCoreApplication::translate("Mail::ReturnedMailService", "Left in the mailbox for a person");
}

QJsonObject ReturnRecord::toJson() const
{
    auto idOrNullJson = [](qint64 id) { return id > 0 ? QJsonValue(id) : QJsonValue(); };
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("folder"), place.folder},
        {QStringLiteral("uid"), qint64(place.uid)},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("received_at"), Storage::storedTime(receivedAt)},
        {QStringLiteral("read_at"), Storage::storedTime(readAt)},
        {QStringLiteral("kind"), Inbound::kindKey(kind)},
        {QStringLiteral("category"), category.isEmpty() ? QJsonValue() : QJsonValue(category)},
        {QStringLiteral("address"), address},
        {QStringLiteral("status"), status},
        {QStringLiteral("diagnostic"), diagnostic},
        {QStringLiteral("member"), idOrNullJson(memberId)},
        {QStringLiteral("delivery"), idOrNullJson(deliveryId)},
        {QStringLiteral("subject"), subject.isEmpty() ? QJsonValue() : QJsonValue(subject)},
        {QStringLiteral("action"), actionKey(action)},
        {QStringLiteral("moved_to"), movedTo.isEmpty() ? QJsonValue() : QJsonValue(movedTo)},
        {QStringLiteral("undone_at"), undoneAt.isValid() ? QJsonValue(Storage::storedTime(undoneAt)) : QJsonValue()}};
}

struct ReturnedMailService::Match
{
    qint64 deliveryId = 0;
    qint64 memberId = 0;
    qint64 batchId = 0;
    QString purpose;
    QString address; // the member's (or the delivery's) address
};

ReturnedMailService::ReturnedMailService(Storage::Database &database, Storage::MemberRepository &members,
                                         Consent::ConsentService &consent, CampaignService &campaigns,
                                         Storage::AuditLog &audit, Storage::SettingsRepository &settings,
                                         const Core::Clock &clock)
    : m_database(database), m_members(members), m_consent(consent), m_campaigns(campaigns), m_audit(audit),
      m_settings(settings), m_clock(clock), m_undeliverable(database, members, audit, clock)
{}

Result<qint64> ReturnedMailService::known(Storage::PreparedQueries &sql, const MailboxPlace &place,
                                          const QString &messageId) const
{
    // Two indexed lookups (an OR of both would scan the table, messages and all).
    auto q =
        sql.run(QStringLiteral("SELECT id FROM returned_messages WHERE folder = ? AND uid_validity = ? AND uid = ?"),
                {place.folder, qint64(place.uidValidity), qint64(place.uid)}, QStringLiteral("returned known"));
    if (!q.ok())
        return q.error();
    if (q.value()->next())
        return q.value()->value(0).toLongLong();
    if (messageId.isEmpty())
        return 0;
    q = sql.run(QStringLiteral("SELECT id FROM returned_messages WHERE message_id = ? ORDER BY id LIMIT 1"),
                {messageId}, QStringLiteral("returned known by id"));
    if (!q.ok())
        return q.error();
    return q.value()->next() ? q.value()->value(0).toLongLong() : 0;
}

Result<ReturnedMailService::Match> ReturnedMailService::match(Storage::PreparedQueries &sql,
                                                              const Inbound::ReturnedMail &mail,
                                                              const Inbound::ReturnedRecipient *recipient) const
{
    Match out;
    Delivery d;
    // The Message-IDs the report quotes, then the envelope id Carnet sent (RFC 3461 ENVID: the same id).
    QStringList ids = mail.originalMessageIds;
    if (!mail.envelopeId.isEmpty())
        ids.append(mail.envelopeId);
    for (const QString &id : std::as_const(ids)) {
        if (id.isEmpty() || id.size() > 998)
            continue;
        auto q = sql.run(QStringLiteral("SELECT id, member_id, batch_id, address FROM deliveries WHERE message_id = ? "
                                        "ORDER BY id LIMIT 1"),
                         {id}, QStringLiteral("match returned"));
        if (!q.ok())
            return q.error();
        if (q.value()->next()) {
            d = deliveryFrom(*q.value());
            break;
        }
    }
    // A report on several recipients: the Message-ID names the message, the address the delivery.
    if (d.id && recipient && !recipient->address.isEmpty() &&
        Core::EmailAddress::key(d.address) != Core::EmailAddress::key(recipient->address))
        d = Delivery{};
    if (!d.id && recipient && !recipient->address.isEmpty()) {
        // Then by the address, among the last 60 days' deliveries.
        auto q =
            sql.run(QStringLiteral("SELECT id, member_id, batch_id, address FROM deliveries WHERE lower(address) = ? "
                                   "AND sent_at IS NOT NULL AND sent_at >= ? ORDER BY sent_at DESC LIMIT 1"),
                    {recipient->address.toLower(), Storage::storedTime(m_clock.now().addDays(-60))},
                    QStringLiteral("match address"));
        if (!q.ok())
            return q.error();
        if (q.value()->next())
            d = deliveryFrom(*q.value());
    }
    out.deliveryId = d.id;
    out.memberId = d.memberId;
    out.batchId = d.batchId;
    out.address = d.address;
    if (d.batchId) {
        auto q = sql.run(QStringLiteral("SELECT purpose FROM mail_batches WHERE id = ?"), {d.batchId},
                         QStringLiteral("batch purpose"));
        if (!q.ok())
            return q.error();
        if (q.value()->next())
            out.purpose = q.value()->value(0).toString();
    }
    const QString address = recipient && !recipient->address.isEmpty() ? recipient->address : out.address;
    if (!out.memberId && !address.isEmpty()) {
        if (auto m = m_members.findByEmail(address); m.ok())
            out.memberId = m.value().id;
    }
    if (out.address.isEmpty())
        out.address = address;
    return out;
}

Result<QByteArray> ReturnedMailService::unsubscribeSecret()
{
    if (m_secret.isEmpty()) {
        auto secret = UnsubscribeToken::secret(m_settings);
        if (!secret.ok())
            return secret.error();
        m_secret = secret.value();
    }
    return m_secret;
}

Result<QList<ProcessedReturn>>
ReturnedMailService::processBatch(const QList<std::pair<QByteArray, MailboxPlace>> &messages)
{
    QList<ProcessedReturn> out;
    // The chunk's statements prepared once (ten a message, a hundred messages).
    Storage::PreparedQueries statements(m_database);
    auto r = m_database.write([&]() -> Result<void> {
        // A larger page cache for the chunk (the stored messages would push the indexes out of SQLite's
        // default 2 MB); on a server, the table locked: two computers reading the mailbox at once take
        // turns, and the second finds the messages known.
        if (auto lock = m_database.lockForBulkInsert(QStringLiteral("returned_messages")); !lock.ok())
            return lock;
        for (const auto &[raw, place] : messages) {
            auto one = process(statements, raw, place);
            if (!one.ok()) {
                // The database itself failing stops the run (nothing of the chunk is kept). A message whose
                // action is refused (its member erased since, a purpose removed…) is left for a person, with
                // why, instead of stopping every run at it.
                const Error::Code code = one.error().code;
                if (code == Error::Code::Storage || code == Error::Code::Busy || code == Error::Code::Connection ||
                    code == Error::Code::ReadOnly || code == Error::Code::Forbidden || code == Error::Code::Corrupt)
                    return one.error();
                one = recordLeft(statements, raw, place, one.error().message);
                if (!one.ok())
                    return one.error();
            }
            out.append(one.value());
        }
        return m_database.endBulkInsert();
    });
    if (!r.ok())
        return r.error();
    return out;
}

Result<ProcessedReturn> ReturnedMailService::recordLeft(Storage::PreparedQueries &sql, const QByteArray &raw,
                                                        const MailboxPlace &place, const QString &why)
{
    auto secret = unsubscribeSecret();
    if (!secret.ok())
        return secret.error();
    const Inbound::ReturnedMail mail = Inbound::ReturnedMail::read(raw, secret.value());
    ProcessedReturn out;
    ReturnRecord &rec = out.record;
    rec.place = place;
    rec.messageId = mail.messageId;
    rec.receivedAt = mail.date;
    rec.readAt = m_clock.now();
    rec.kind = mail.kind;
    rec.address = mail.from;
    rec.diagnostic = why.left(2000);
    rec.action = ReturnAction::Left;
    auto inserted =
        sql.run(QStringLiteral("INSERT INTO returned_messages (folder, uid_validity, uid, message_id, received_at, "
                               "read_at, kind, address, diagnostic, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "'left') RETURNING id"),
                {place.folder, qint64(place.uidValidity), qint64(place.uid), textOrNull(mail.messageId),
                 textOrNull(Storage::storedTime(mail.date)), Storage::storedTime(rec.readAt),
                 Inbound::kindKey(mail.kind), textOrNull(rec.address), rec.diagnostic},
                QStringLiteral("record left"));
    if (!inserted.ok())
        return inserted.error();
    rec.id = Storage::returnedId(*inserted.value());
    return out;
}

Result<ProcessedReturn> ReturnedMailService::process(const QByteArray &raw, const MailboxPlace &place)
{
    Storage::PreparedQueries statements(m_database);
    return process(statements, raw, place);
}

Result<ProcessedReturn> ReturnedMailService::process(Storage::PreparedQueries &sql, const QByteArray &raw,
                                                     const MailboxPlace &place)
{
    auto secret = unsubscribeSecret();
    if (!secret.ok())
        return secret.error();
    const Inbound::ReturnedMail mail = Inbound::ReturnedMail::read(raw, secret.value());
    ProcessedReturn out;
    auto already = known(sql, place, mail.messageId);
    if (!already.ok())
        return already.error();
    if (already.value()) {
        auto r = record(already.value());
        if (!r.ok())
            return r.error();
        out.record = r.value();
        out.alreadyKnown = true;
        return out;
    }

    // The recipient acted on: the first that failed (a report), or the first named.
    const Inbound::ReturnedRecipient *recipient = nullptr;
    for (const auto &r : mail.recipients) {
        if (r.failed()) {
            recipient = &r;
            break;
        }
    }
    if (!recipient && !mail.recipients.isEmpty())
        recipient = &mail.recipients.first();

    ReturnRecord rec;
    rec.place = place;
    rec.messageId = mail.messageId;
    rec.receivedAt = mail.date;
    rec.readAt = m_clock.now();
    rec.kind = mail.kind;
    if (recipient) {
        rec.category = Inbound::categoryKey(recipient->category);
        rec.address = recipient->address.toLower(); // compared as written here (the index)
        rec.status = recipient->status;
        rec.diagnostic = recipient->diagnostic.left(2000);
    }
    QJsonObject details;
    const QString who = m_database.access().login;

    auto r = m_database.write([&]() -> Result<void> {
        Match m;
        if (mail.kind != ReturnKind::Other) {
            auto found = match(sql, mail, recipient);
            if (!found.ok())
                return found.error();
            m = found.value();
        }
        if (mail.kind == ReturnKind::Unsubscribe && !m.memberId) {
            // The token names the member (when it is still in the member file).
            if (auto t = UnsubscribeToken::verify(mail.unsubscribeToken, secret.value());
                t.ok() && m_members.find(t.value().memberId).ok())
                m.memberId = t.value().memberId;
        }
        rec.memberId = m.memberId;
        rec.deliveryId = m.deliveryId;
        rec.batchId = m.batchId;

        switch (mail.kind) {
        case ReturnKind::Bounce:
            if (!recipient || !recipient->failed())
                rec.action = ReturnAction::None; // a delay notice or a success report
            else if (recipient->permanent)
                rec.action = ReturnAction::MarkedUndeliverable;
            else if (recipient->category == ReturnCategory::Policy)
                rec.action = ReturnAction::Policy;
            else if (recipient->category == ReturnCategory::TooLarge)
                rec.action = ReturnAction::CampaignFlagged;
            else
                rec.action = ReturnAction::Counted;
            break;
        case ReturnKind::Complaint: rec.action = m.memberId ? ReturnAction::Withdrawn : ReturnAction::None; break;
        case ReturnKind::AutoReply: rec.action = m.memberId ? ReturnAction::Away : ReturnAction::None; break;
        case ReturnKind::Unsubscribe: rec.action = ReturnAction::Unsubscribed; break;
        case ReturnKind::Other: rec.action = ReturnAction::Left; break;
        }
        if (mail.kind == ReturnKind::Other) {
            // Kept for the list of messages left for a person: who and what, not the message.
            rec.address = mail.from;
            rec.diagnostic = mail.subject.left(500);
        }

        // The record first: its id is what the mark and the details point to.
        auto inserted = sql.run(
            QStringLiteral(
                "INSERT INTO returned_messages (folder, uid_validity, uid, message_id, received_at, read_at, "
                "kind, category, address, status, diagnostic, member_id, delivery_id, action, raw) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {place.folder, qint64(place.uidValidity), qint64(place.uid), textOrNull(mail.messageId),
             textOrNull(Storage::storedTime(mail.date)), Storage::storedTime(rec.readAt), Inbound::kindKey(mail.kind),
             textOrNull(rec.category), textOrNull(rec.address), textOrNull(rec.status), textOrNull(rec.diagnostic),
             idOrNull(rec.memberId), idOrNull(rec.deliveryId), actionKey(rec.action),
             mail.kind == ReturnKind::Other ? QVariant(QMetaType(QMetaType::QByteArray))
                                            : QVariant(raw.left(kMaxStoredBytes))},
            QStringLiteral("record returned"));
        if (!inserted.ok())
            return inserted.error();
        rec.id = Storage::returnedId(*inserted.value());

        if (mail.kind == ReturnKind::Bounce && recipient && recipient->failed() && rec.deliveryId) {
            auto before = sql.run(QStringLiteral("SELECT bounce_category, bounce_status, bounce_text, bounced_at FROM "
                                                 "deliveries WHERE id = ?"),
                                  {rec.deliveryId}, QStringLiteral("delivery bounce before"));
            if (!before.ok())
                return before.error();
            if (before.value()->next())
                details.insert(QStringLiteral("delivery_before"),
                               QJsonArray{before.value()->value(0).toString(), before.value()->value(1).toString(),
                                          before.value()->value(2).toString(), before.value()->value(3).toString()});
            if (auto u =
                    sql.run(QStringLiteral("UPDATE deliveries SET bounce_category = ?, bounce_status = ?, bounce_text "
                                           "= ?, bounced_at = ? WHERE id = ?"),
                            {rec.category, textOrNull(rec.status), textOrNull(rec.diagnostic),
                             Storage::storedTime(mail.date.isValid() ? mail.date : rec.readAt), rec.deliveryId},
                            QStringLiteral("delivery bounce"));
                !u.ok())
                return u.error();
        }

        switch (rec.action) {
        case ReturnAction::MarkedUndeliverable: {
            auto marked = m_undeliverable.mark(sql, rec.address, rec.memberId, rec.category, rec.id);
            if (!marked.ok())
                return marked.error();
            details.insert(QStringLiteral("marked"), marked.value());
            break;
        }
        case ReturnAction::Counted: {
            // Recorded above; the third on different days over two weeks marks the address.
            auto reached = m_undeliverable.softLimitReached(sql, rec.address);
            if (!reached.ok())
                return reached.error();
            if (reached.value()) {
                auto marked = m_undeliverable.mark(sql, rec.address, rec.memberId, rec.category, rec.id);
                if (!marked.ok())
                    return marked.error();
                details.insert(QStringLiteral("marked"), marked.value());
                if (marked.value())
                    rec.action = ReturnAction::MarkedUndeliverable;
            }
            break;
        }
        case ReturnAction::Policy: break; // the record is the warning (policyWarning())
        case ReturnAction::Withdrawn: {
            Consent::WithdrawRequest w;
            if (!m.purpose.isEmpty())
                w.purposes = {m.purpose};
            w.date = (mail.date.isValid() ? mail.date : rec.readAt).date();
            if (w.date > m_clock.today())
                w.date = m_clock.today();
            w.source = QCoreApplication::translate("Mail::ReturnedMailService", "Spam complaint (%1)")
                           .arg(mail.feedbackType.isEmpty() ? QStringLiteral("ARF") : mail.feedbackType);
            w.evidenceNote = QCoreApplication::translate("Mail::ReturnedMailService",
                                                         "Complaint report read from the mailbox, message %1")
                                 .arg(rec.id);
            w.recordedBy = who;
            auto events = m_consent.withdraw(rec.memberId, w);
            if (!events.ok())
                return events.error();
            QJsonArray ids;
            for (const auto &e : events.value())
                ids.append(e.id);
            details.insert(QStringLiteral("events"), ids);
            auto member = m_members.find(rec.memberId);
            if (!member.ok())
                return member.error();
            details.insert(QStringLiteral("email"), member.value().email);
            // Withdrawing every purpose suppresses the address already; one purpose: suppressed here.
            auto suppressed =
                m_consent.suppressAddress(member.value().email, QStringLiteral("withdrawn"), rec.memberId);
            if (!suppressed.ok())
                return suppressed.error();
            details.insert(QStringLiteral("suppressed"), suppressed.value() || w.purposes.isEmpty());
            break;
        }
        case ReturnAction::Unsubscribed: {
            auto request = m_campaigns.unsubscribeToken(mail.unsubscribeToken, QStringLiteral("reply"),
                                                        mail.date.isValid() ? mail.date : rec.readAt);
            if (!request.ok())
                return request.error();
            rec.memberId = request.value().memberId;
            break;
        }
        case ReturnAction::CampaignFlagged:
        case ReturnAction::Away:
        case ReturnAction::None:
        case ReturnAction::Left: break;
        }
        if (auto u = sql.run(
                QStringLiteral("UPDATE returned_messages SET action = ?, member_id = ?, details = ? WHERE id = ?"),
                {actionKey(rec.action), idOrNull(rec.memberId),
                 QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)), rec.id},
                QStringLiteral("returned action"));
            !u.ok())
            return u.error();
        if (rec.action == ReturnAction::Left || rec.action == ReturnAction::None)
            return {};
        return m_audit.append(QStringLiteral("mailbox.") + actionKey(rec.action), rec.memberId,
                              {{QStringLiteral("returned"), rec.id},
                               {QStringLiteral("kind"), Inbound::kindKey(mail.kind)},
                               {QStringLiteral("category"), rec.category},
                               {QStringLiteral("status"), rec.status}},
                              who);
    });
    if (!r.ok())
        return r.error();
    out.record = rec;
    return out;
}

Result<void> ReturnedMailService::markMoved(const QList<std::pair<qint64, quint32>> &moved, const QString &folder)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE returned_messages SET moved_to = ?, moved_uid = ? WHERE id = ?"));
        for (const auto &[id, uid] : moved) {
            q.addBindValue(folder);
            q.addBindValue(uid ? QVariant(qint64(uid)) : QVariant(QMetaType(QMetaType::LongLong)));
            q.addBindValue(id);
            if (auto r = Storage::exec(q, QStringLiteral("returned moved")); !r.ok())
                return r;
        }
        return {};
    });
}

Result<ReturnRecord> ReturnedMailService::record(qint64 id) const
{
    auto q = run(m_database, QStringLiteral("SELECT %1 FROM %2 WHERE r.id = ?").arg(kColumns, kFrom), {id},
                 QStringLiteral("returned record"));
    if (!q.ok())
        return q.error();
    if (!q.value().next())
        return Error::make(Error::Code::NotFound,
                           QCoreApplication::translate("Mail::ReturnedMailService", "There is no message %1 read from "
                                                                                    "the mailbox.")
                               .arg(id));
    return fromRow(q.value());
}

Result<QByteArray> ReturnedMailService::message(qint64 id) const
{
    auto q = run(m_database, QStringLiteral("SELECT raw FROM returned_messages WHERE id = ?"), {id},
                 QStringLiteral("returned raw"));
    if (!q.ok())
        return q.error();
    return q.value().next() ? q.value().value(0).toByteArray() : QByteArray();
}

Result<QList<ReturnRecord>> ReturnedMailService::list(int limit) const
{
    auto q = run(m_database, QStringLiteral("SELECT %1 FROM %2 ORDER BY r.id DESC LIMIT ?").arg(kColumns, kFrom),
                 {limit}, QStringLiteral("returned list"));
    if (!q.ok())
        return q.error();
    QList<ReturnRecord> out;
    while (q.value().next())
        out.append(fromRow(q.value()));
    return out;
}

Result<ReturnRecord> ReturnedMailService::undo(qint64 id, const QString &who)
{
    auto found = record(id);
    if (!found.ok())
        return found.error();
    ReturnRecord rec = found.value();
    if (rec.undoneAt.isValid())
        return Error::make(Error::Code::Invalid, QCoreApplication::translate("Mail::ReturnedMailService",
                                                                             "This message was already undone."));
    if (rec.action == ReturnAction::Unsubscribed)
        return Error::make(Error::Code::Invalid, QCoreApplication::translate(
                                                     "Mail::ReturnedMailService",
                                                     "An unsubscribe request carrying the member's own link is theirs: "
                                                     "it cannot be undone here. Record a new consent if they ask."));
    auto detailsQuery = run(m_database, QStringLiteral("SELECT details FROM returned_messages WHERE id = ?"), {id},
                            QStringLiteral("returned details"));
    if (!detailsQuery.ok())
        return detailsQuery.error();
    const QJsonObject details = detailsQuery.value().next()
                                    ? QJsonDocument::fromJson(detailsQuery.value().value(0).toByteArray()).object()
                                    : QJsonObject();
    const QString actor = who.isEmpty() ? m_database.access().login : who;
    auto r = m_database.write([&]() -> Result<void> {
        if (details.value(QStringLiteral("marked")).toBool()) {
            if (auto q = run(m_database, QStringLiteral("DELETE FROM undeliverable_addresses WHERE returned_id = ?"),
                             {id}, QStringLiteral("undo mark"));
                !q.ok())
                return q.error();
        }
        if (details.contains(QStringLiteral("delivery_before")) && rec.deliveryId) {
            const QJsonArray b = details.value(QStringLiteral("delivery_before")).toArray();
            auto nullable = [](const QString &s) { return textOrNull(s); };
            if (auto q =
                    run(m_database,
                        QStringLiteral("UPDATE deliveries SET bounce_category = ?, bounce_status = ?, bounce_text = "
                                       "?, bounced_at = ? WHERE id = ?"),
                        {nullable(b.at(0).toString()), nullable(b.at(1).toString()), nullable(b.at(2).toString()),
                         nullable(b.at(3).toString()), rec.deliveryId},
                        QStringLiteral("undo delivery bounce"));
                !q.ok())
                return q.error();
        }
        if (rec.action == ReturnAction::Withdrawn) {
            QList<qint64> events;
            for (const QJsonValue &v : details.value(QStringLiteral("events")).toArray())
                events.append(v.toInteger());
            if (auto u =
                    m_consent.undoMailboxAction(rec.memberId, events, details.value(QStringLiteral("email")).toString(),
                                                details.value(QStringLiteral("suppressed")).toBool(), actor);
                !u.ok())
                return u;
        }
        if (auto q = run(m_database,
                         QStringLiteral("UPDATE returned_messages SET undone_at = ?, undone_by = ? WHERE id = ?"),
                         {Storage::storedTime(m_clock.now()), actor, id}, QStringLiteral("undo returned"));
            !q.ok())
            return q.error();
        return m_audit.append(QStringLiteral("mailbox.undo"), rec.memberId,
                              {{QStringLiteral("returned"), id}, {QStringLiteral("action"), actionKey(rec.action)}},
                              actor);
    });
    if (!r.ok())
        return r.error();
    rec.undoneAt = m_clock.now();
    return rec;
}

Result<QHash<qint64, QDateTime>> ReturnedMailService::awayAmong(const QList<qint64> &memberIds,
                                                                const QDateTime &since) const
{
    QHash<qint64, QDateTime> out;
    if (memberIds.isEmpty())
        return out;
    QStringList marks;
    QVariantList values{Storage::storedTime(since)};
    for (qint64 id : memberIds) {
        marks.append(QStringLiteral("?"));
        values.append(id);
    }
    auto q = run(m_database,
                 QStringLiteral("SELECT member_id, max(read_at) FROM returned_messages WHERE action = 'away' AND "
                                "undone_at IS NULL AND read_at >= ? AND member_id IN (%1) GROUP BY member_id")
                     .arg(marks.join(QLatin1Char(','))),
                 values, QStringLiteral("away members"));
    if (!q.ok())
        return q.error();
    while (q.value().next())
        out.insert(q.value().value(0).toLongLong(), Storage::storedTimeFrom(q.value().value(1)));
    return out;
}

Result<QJsonObject> ReturnedMailService::policyWarning() const
{
    auto q = run(m_database,
                 QStringLiteral("SELECT read_at, address, status, diagnostic FROM returned_messages WHERE action = "
                                "'policy' AND undone_at IS NULL AND read_at >= ? ORDER BY id DESC LIMIT 1"),
                 {Storage::storedTime(m_clock.now().addDays(-30))}, QStringLiteral("policy warning"));
    if (!q.ok())
        return q.error();
    if (!q.value().next())
        return QJsonObject();
    return QJsonObject{{QStringLiteral("at"), q.value().value(0).toString()},
                       {QStringLiteral("address"), q.value().value(1).toString()},
                       {QStringLiteral("status"), q.value().value(2).toString()},
                       {QStringLiteral("diagnostic"), q.value().value(3).toString()}};
}

Result<QHash<quint32, ReturnRecord>> ReturnedMailService::knownIn(const QString &folder, quint32 uidValidity) const
{
    auto q = run(m_database,
                 QStringLiteral("SELECT %1 FROM %2 WHERE r.folder = ? AND r.uid_validity = ?").arg(kColumns, kFrom),
                 {folder, qint64(uidValidity)}, QStringLiteral("returned known in folder"));
    if (!q.ok())
        return q.error();
    QHash<quint32, ReturnRecord> out;
    while (q.value().next()) {
        const ReturnRecord r = fromRow(q.value());
        out.insert(r.place.uid, r);
    }
    return out;
}

} // namespace Mail
