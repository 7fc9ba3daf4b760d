#include "Outbox.h"

#include "core/Clock.h"
#include "storage/Database.h"
#include "storage/Engine.h"

#include <QCoreApplication>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>

using Core::Error;
using Core::Result;
using Storage::exec;

namespace Mail {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

const QString kColumns = QStringLiteral(
    "id, batch_id, member_id, address, envelope_from, smtp_utf8, message_id, state, attempts, next_attempt_at, "
    "reply_code, reply_enhanced, reply_text, created_at, sent_at, claimed_by");

Delivery fromRow(const QSqlQuery &q, bool withMessage)
{
    Delivery d;
    d.id = q.value(0).toLongLong();
    d.batchId = q.value(1).toLongLong();
    d.memberId = q.value(2).toLongLong();
    d.address = q.value(3).toString();
    d.envelopeFrom = q.value(4).toString();
    d.smtpUtf8 = q.value(5).toBool();
    d.messageId = q.value(6).toString();
    d.state = stateFromKey(q.value(7).toString());
    d.attempts = q.value(8).toInt();
    d.nextAttemptAt = fromIso(q.value(9));
    d.replyCode = q.value(10).toInt();
    d.replyEnhanced = q.value(11).toString();
    d.replyText = q.value(12).toString();
    d.createdAt = fromIso(q.value(13));
    d.sentAt = fromIso(q.value(14));
    d.claimedBy = q.value(15).toString().section(QLatin1Char('#'), 0, 0); // without the session tag
    if (withMessage)
        d.message = q.value(16).toByteArray();
    return d;
}

} // namespace

QString stateKey(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Queued: return QStringLiteral("queued");
    case DeliveryState::Sending: return QStringLiteral("sending");
    case DeliveryState::Sent: return QStringLiteral("sent");
    case DeliveryState::Deferred: return QStringLiteral("deferred");
    case DeliveryState::Failed: return QStringLiteral("failed");
    case DeliveryState::Cancelled: return QStringLiteral("cancelled");
    case DeliveryState::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

DeliveryState stateFromKey(const QString &key)
{
    for (DeliveryState s : {DeliveryState::Queued, DeliveryState::Sending, DeliveryState::Sent, DeliveryState::Deferred,
                            DeliveryState::Failed, DeliveryState::Cancelled, DeliveryState::Unknown}) {
        if (stateKey(s) == key)
            return s;
    }
    return DeliveryState::Unknown;
}

QJsonObject Delivery::toJson() const
{
    QString reply;
    if (replyCode) {
        reply = QString::number(replyCode);
        if (!replyEnhanced.isEmpty())
            reply += QLatin1Char(' ') + replyEnhanced;
        if (!replyText.isEmpty())
            reply += QLatin1Char(' ') + replyText;
    } else {
        reply = replyText; // Carnet's own words (an interrupted run), no server reply
    }
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("batch"), batchId},
                       {QStringLiteral("member"), memberId ? QJsonValue(memberId) : QJsonValue()},
                       {QStringLiteral("address"), address},
                       {QStringLiteral("state"), stateKey(state)},
                       {QStringLiteral("attempts"), attempts},
                       {QStringLiteral("reply"), reply.isEmpty() ? QJsonValue() : QJsonValue(reply)},
                       {QStringLiteral("message_id"), messageId},
                       {QStringLiteral("claimed_by"), claimedBy.isEmpty() ? QJsonValue() : QJsonValue(claimedBy)},
                       {QStringLiteral("next_attempt_at"), nextAttemptAt.isValid()
                                                               ? QJsonValue(nextAttemptAt.toUTC().toString(Qt::ISODate))
                                                               : QJsonValue()},
                       {QStringLiteral("sent_at"),
                        sentAt.isValid() ? QJsonValue(sentAt.toUTC().toString(Qt::ISODate)) : QJsonValue()}};
}

namespace {
// The outboxes of this process that may hold claims: a claim made from this process by an outbox that is gone
// (a run that stopped without writing its result) was interrupted, though the process lives on.
QMutex s_liveMutex;
QSet<QString> s_live;
} // namespace

Outbox::Outbox(Storage::Database &database, const Core::Clock &clock)
    : m_database(database), m_clock(clock), m_nonce(QString::number(QRandomGenerator::global()->generate64(), 36))
{
    const QMutexLocker lock(&s_liveMutex);
    s_live.insert(m_nonce);
}

Outbox::~Outbox()
{
    const QMutexLocker lock(&s_liveMutex);
    s_live.remove(m_nonce);
}

Result<qint64> Outbox::queue(const QString &subject, const QString &purpose, const QList<OutgoingItem> &items)
{
    qint64 batchId = 0;
    auto r = m_database.write([&]() -> Result<void> {
        auto created = createBatch(subject, purpose);
        if (!created.ok())
            return created.error();
        batchId = created.value();
        auto added = append(batchId, items);
        if (!added.ok())
            return added.error();
        return {};
    });
    if (!r.ok())
        return r.error();
    return batchId;
}

Result<qint64> Outbox::createBatch(const QString &subject, const QString &purpose)
{
    qint64 batchId = 0;
    auto r = m_database.write([&]() -> Result<void> {
        QSqlQuery b(m_database.connection());
        b.prepare(
            QStringLiteral("INSERT INTO mail_batches (subject, purpose, created_at) VALUES (?, ?, ?) RETURNING id"));
        b.addBindValue(subject);
        b.addBindValue(purpose.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(purpose));
        b.addBindValue(iso(m_clock.now()));
        if (auto e = exec(b, QStringLiteral("mail batch")); !e.ok())
            return e;
        batchId = Storage::returnedId(b);
        return {};
    });
    if (!r.ok())
        return r.error();
    return batchId;
}

Result<int> Outbox::append(qint64 batchId, const QList<OutgoingItem> &items)
{
    int added = 0;
    auto r = m_database.write([&]() -> Result<void> {
        const QString now = iso(m_clock.now());
        // DO NOTHING: the unique (batch, member) index turns a second message to a member into nothing.
        QSqlQuery q(m_database.connection());
        q.prepare(
            QStringLiteral("INSERT INTO deliveries (batch_id, member_id, address, envelope_from, smtp_utf8, message, "
                           "message_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) "
                           "ON CONFLICT DO NOTHING"));
        for (const OutgoingItem &item : items) {
            q.addBindValue(batchId);
            q.addBindValue(item.memberId ? QVariant(item.memberId) : QVariant(QMetaType(QMetaType::LongLong)));
            q.addBindValue(item.address);
            q.addBindValue(item.envelopeFrom);
            q.addBindValue(int(item.smtpUtf8));
            q.addBindValue(item.message);
            q.addBindValue(item.messageId);
            q.addBindValue(now);
            q.addBindValue(now);
            if (auto e = exec(q, QStringLiteral("queue message")); !e.ok())
                return e;
            added += q.numRowsAffected();
        }
        return {};
    });
    if (!r.ok())
        return r.error();
    return added;
}

Result<int> Outbox::recoverInterrupted()
{
    int changed = 0;
    auto r = m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT id, claimed_by FROM deliveries WHERE state = 'sending'"));
        if (auto e = exec(q, QStringLiteral("recover outbox")); !e.ok())
            return e;
        QList<qint64> gone;
        const QString ownProcess = QStringLiteral("p%1").arg(QCoreApplication::applicationPid());
        while (q.next()) {
            // "login@computer#session#outbox": gone when its session is, or, from this very process, when
            // that outbox is.
            const QString claim = q.value(1).toString();
            const QString tag = claim.section(QLatin1Char('#'), 1, 1);
            bool alive = !tag.isEmpty() && m_database.isSessionAlive(tag);
            if (alive && tag == ownProcess) {
                const QMutexLocker lock(&s_liveMutex);
                alive = s_live.contains(claim.section(QLatin1Char('#'), 2, 2));
            }
            if (!alive)
                gone.append(q.value(0).toLongLong());
        }
        q.finish();
        q.prepare(QStringLiteral("UPDATE deliveries SET state = 'unknown', updated_at = ?, reply_code = NULL, "
                                 "reply_enhanced = NULL, reply_text = ? WHERE id = ? AND state = 'sending'"));
        for (qint64 id : std::as_const(gone)) {
            q.bindValue(0, iso(m_clock.now()));
            q.bindValue(1, QCoreApplication::translate("Mail::Outbox",
                                                       "Interrupted while sending: it may or may not have gone."));
            q.bindValue(2, id);
            if (auto e = exec(q, QStringLiteral("recover outbox")); !e.ok())
                return e;
            changed += q.numRowsAffected();
        }
        return {};
    });
    if (!r.ok())
        return r.error();
    return changed;
}

Result<QList<Delivery>> Outbox::due(qint64 batchId, int limit)
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(
        QStringLiteral("SELECT %1, message FROM deliveries d WHERE (state = 'queued' OR (state = 'deferred' AND "
                       "next_attempt_at <= ?)) AND (? = 0 OR batch_id = ?) AND NOT EXISTS (SELECT 1 FROM "
                       "mail_batches b WHERE b.id = d.batch_id AND b.cancelled_at IS NOT NULL) ORDER BY id LIMIT ?")
            .arg(kColumns));
    q.addBindValue(iso(m_clock.now()));
    q.addBindValue(batchId);
    q.addBindValue(batchId);
    q.addBindValue(limit);
    if (auto e = exec(q, QStringLiteral("due messages")); !e.ok())
        return e.error();
    QList<Delivery> out;
    while (q.next())
        out.append(fromRow(q, true));
    return out;
}

Result<void> Outbox::markSending(qint64 id, const Limits *limits)
{
    auto written = m_database.write([&]() -> Result<void> {
        if (limits && (limits->perMinute > 0 || limits->perHour > 0 || limits->perDay > 0)) {
            // One claim at a time across every computer, so that the limits count every sender's messages.
            if (auto locked = m_database.lockForSending(); !locked.ok())
                return locked;
            auto allowed = allowance(*limits);
            if (!allowed.ok())
                return allowed.error();
            if (allowed.value() == 0)
                return Error::make(
                    Error::Code::Busy,
                    QCoreApplication::translate("Mail::Outbox", "The sending account's limits are reached."),
                    QStringLiteral("limits"));
        }
        // Prepared once per server session: after a reconnection the old session's statement is gone with it.
        // The old query is let go after the transaction: its driver would deallocate the statement in this
        // session, fail, and so abort the transaction.
        if (!m_sending || m_sendingSession != m_database.sessionTag()) {
            m_staleSending = std::move(m_sending);
            m_sendingSession = m_database.sessionTag();
            m_sending = std::make_unique<QSqlQuery>(m_database.connection());
            // On the server a row another computer is claiming right now is skipped, not waited for: that
            // computer will have it, and this one goes on with another message.
            m_sending->prepare(
                m_database.engine() == Storage::Engine::Postgres
                    ? QStringLiteral(
                          "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?, "
                          "sent_at = ?, claimed_by = ?, claimed_at = ? WHERE id = (SELECT id FROM deliveries "
                          "WHERE id = ? AND state IN ('queued', 'deferred') FOR UPDATE SKIP LOCKED)")
                    : QStringLiteral(
                          "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?, "
                          "sent_at = ?, claimed_by = ?, claimed_at = ? WHERE id = ? AND state IN ('queued', "
                          "'deferred')"));
        }
        if (m_claimant.isEmpty() || m_database.sessionTag() != m_claimant.section(QLatin1Char('#'), 1, 1))
            m_claimant = m_database.access().login + QLatin1Char('@') + QSysInfo::machineHostName() + QLatin1Char('#') +
                         m_database.sessionTag() + QLatin1Char('#') + m_nonce;
        QSqlQuery &q = *m_sending;
        const QString now = iso(m_clock.now());
        q.bindValue(0, now);
        q.bindValue(1, now); // when it was tried: throttling counts attempts, not only successes
        q.bindValue(2, m_claimant);
        q.bindValue(3, now);
        q.bindValue(4, id);
        if (!q.exec())
            return Storage::Database::errorFrom(q.lastError(), QStringLiteral("mark sending"));
        if (q.numRowsAffected() != 1)
            return Error::make(
                Error::Code::Conflict,
                QCoreApplication::translate("Mail::Outbox", "Message %1 is no longer waiting to be sent.").arg(id));
        return {};
    });
    m_staleSending.reset();
    return written;
}

Result<void> Outbox::markResult(qint64 id, Smtp::Outcome outcome, const Smtp::Reply &reply, int retryBaseSeconds)
{
    QSqlQuery read(m_database.connection());
    read.prepare(QStringLiteral("SELECT attempts, created_at FROM deliveries WHERE id = ?"));
    read.addBindValue(id);
    if (auto e = exec(read, QStringLiteral("delivery")); !e.ok())
        return e;
    if (!read.next())
        return Error::make(Error::Code::NotFound, QStringLiteral("delivery %1").arg(id));
    Delivery d;
    d.id = id;
    d.attempts = read.value(0).toInt();
    d.createdAt = fromIso(read.value(1));
    return markResult(d, outcome, reply, retryBaseSeconds);
}

Result<void> Outbox::markResult(const Delivery &delivery, Smtp::Outcome outcome, const Smtp::Reply &reply,
                                int retryBaseSeconds)
{
    return m_database.write([&]() -> Result<void> {
        const int attempts = delivery.attempts;
        const QDateTime created = delivery.createdAt;
        const QDateTime now = m_clock.now();
        QString state = QStringLiteral("unknown");
        QVariant next{QMetaType(QMetaType::QString)};
        QString text = reply.text();
        switch (outcome) {
        case Smtp::Outcome::Sent: state = QStringLiteral("sent"); break;
        case Smtp::Outcome::Failed: state = QStringLiteral("failed"); break;
        case Smtp::Outcome::Unknown: state = QStringLiteral("unknown"); break;
        case Smtp::Outcome::Deferred:
            if (attempts >= kMaxAttempts || (created.isValid() && created.daysTo(now) >= kGiveUpDays)) {
                state = QStringLiteral("failed");
                text = QCoreApplication::translate("Mail::Outbox", "Gave up after %1 attempts; last reply: %2")
                           .arg(attempts)
                           .arg(reply.toString());
            } else {
                state = QStringLiteral("deferred");
                // Exponential backoff: base, 2×, 4×… capped at 12 hours.
                const qint64 delay = std::min<qint64>(
                    qint64(std::max(1, retryBaseSeconds)) << std::min(std::max(attempts, 1) - 1, 20), 12 * 3600);
                next = iso(now.addSecs(delay));
            }
            break;
        }
        if (!m_result) {
            m_result = std::make_unique<QSqlQuery>(m_database.connection());
            m_result->prepare(QStringLiteral(
                "UPDATE deliveries SET state = ?, next_attempt_at = ?, reply_code = ?, reply_enhanced = ?, "
                "reply_text = ?, updated_at = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?"));
        }
        QSqlQuery &q = *m_result;
        q.bindValue(0, state);
        q.bindValue(1, next);
        q.bindValue(2, reply.code ? QVariant(reply.code) : QVariant(QMetaType(QMetaType::Int)));
        q.bindValue(3, reply.enhanced.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reply.enhanced));
        q.bindValue(4, text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text));
        q.bindValue(5, iso(now));
        q.bindValue(6, state);
        q.bindValue(7, iso(now));
        q.bindValue(8, delivery.id);
        if (!q.exec())
            return Storage::Database::errorFrom(q.lastError(), QStringLiteral("delivery result"));
        return {};
    });
}

Result<qint64> Outbox::attemptsSince(const QDateTime &since) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(Storage::Sql::attemptsSince(m_database.engine()));
    q.addBindValue(iso(since));
    if (auto e = exec(q, QStringLiteral("sent recently")); !e.ok())
        return e.error();
    q.next();
    return q.value(0).toLongLong();
}

Result<int> Outbox::allowance(const Limits &limits) const
{
    const QDateTime now = m_clock.now();
    qint64 allowed = -1;
    for (auto [limit, seconds] :
         {std::pair{limits.perMinute, 60}, std::pair{limits.perHour, 3600}, std::pair{limits.perDay, 86400}}) {
        if (limit <= 0)
            continue;
        auto used = attemptsSince(now.addSecs(-seconds));
        if (!used.ok())
            return used.error();
        const qint64 left = std::max<qint64>(0, limit - used.value());
        allowed = allowed < 0 ? left : std::min(allowed, left);
    }
    return int(allowed);
}

Result<QDateTime> Outbox::nextAllowedAt(const Limits &limits) const
{
    // The moment the oldest attempt inside a full window leaves it.
    const QDateTime now = m_clock.now();
    QDateTime when = now;
    for (auto [limit, seconds] :
         {std::pair{limits.perMinute, 60}, std::pair{limits.perHour, 3600}, std::pair{limits.perDay, 86400}}) {
        if (limit <= 0)
            continue;
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT sent_at FROM deliveries WHERE sent_at IS NOT NULL AND sent_at > ? "
                                 "ORDER BY sent_at DESC LIMIT 1 OFFSET ?"));
        q.addBindValue(iso(now.addSecs(-seconds)));
        q.addBindValue(limit - 1);
        if (auto e = exec(q, QStringLiteral("throttle")); !e.ok())
            return e.error();
        if (q.next())
            when = std::max(when, fromIso(q.value(0)).addSecs(seconds));
    }
    return when;
}

Result<QDateTime> Outbox::nextDueAt(qint64 batchId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT min(next_attempt_at) FROM deliveries WHERE state = 'deferred' AND "
                             "(? = 0 OR batch_id = ?)"));
    q.addBindValue(batchId);
    q.addBindValue(batchId);
    if (auto e = exec(q, QStringLiteral("next retry")); !e.ok())
        return e.error();
    q.next();
    return fromIso(q.value(0));
}

Result<QMap<QString, qint64>> Outbox::counts(qint64 batchId) const
{
    QMap<QString, qint64> out;
    for (DeliveryState s : {DeliveryState::Queued, DeliveryState::Sending, DeliveryState::Sent, DeliveryState::Deferred,
                            DeliveryState::Failed, DeliveryState::Cancelled, DeliveryState::Unknown})
        out.insert(stateKey(s), 0);
    // One batch or every one, each written so that an index answers (batch and state; state; the returned
    // ones): the rows themselves hold every message's bytes.
    const QString ofBatch = batchId == 0 ? QString() : QStringLiteral(" WHERE batch_id = ?");
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT state, count(*) FROM deliveries%1 GROUP BY state").arg(ofBatch));
    if (batchId != 0)
        q.addBindValue(batchId);
    if (auto e = exec(q, QStringLiteral("outbox counts")); !e.ok())
        return e.error();
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    // Sent, and come back as a failure (a bounce read from the mailbox): a count beside the states.
    q.prepare(batchId == 0 ? QStringLiteral("SELECT count(*) FROM deliveries WHERE bounce_category IS NOT NULL")
                           : QStringLiteral(
                                 "SELECT count(*) FROM deliveries WHERE batch_id = ? AND bounce_category IS NOT NULL"));
    if (batchId != 0)
        q.addBindValue(batchId);
    if (auto e = exec(q, QStringLiteral("outbox bounced")); !e.ok())
        return e.error();
    out.insert(QStringLiteral("bounced"), q.next() ? q.value(0).toLongLong() : 0);
    return out;
}

Result<QList<QPair<qint64, QString>>> Outbox::batches(int limit) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, subject FROM mail_batches ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (auto e = exec(q, QStringLiteral("mail batches")); !e.ok())
        return e.error();
    QList<QPair<qint64, QString>> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

Result<QList<Delivery>> Outbox::deliveries(qint64 batchId, int limit) const
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(QStringLiteral("SELECT %1 FROM deliveries%2 ORDER BY id%3")
                  .arg(kColumns, batchId == 0 ? QString() : QStringLiteral(" WHERE batch_id = ?"),
                       limit < 0 ? QString() : QStringLiteral(" LIMIT %1").arg(limit)));
    if (batchId != 0)
        q.addBindValue(batchId);
    if (auto e = exec(q, QStringLiteral("deliveries")); !e.ok())
        return e.error();
    QList<Delivery> out;
    while (q.next())
        out.append(fromRow(q, false));
    return out;
}

Result<Delivery> Outbox::matchReturned(const QStringList &messageIds) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM deliveries WHERE message_id = ? ORDER BY id LIMIT 1").arg(kColumns));
    for (const QString &id : messageIds) {
        if (id.isEmpty() || id.size() > 998)
            continue;
        q.addBindValue(id);
        if (auto e = exec(q, QStringLiteral("match returned")); !e.ok())
            return e.error();
        if (q.next())
            return fromRow(q, false);
    }
    return Delivery{};
}

Result<void> Outbox::resolve(qint64 deliveryId, bool asSent)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE deliveries SET state = ?, updated_at = ?, next_attempt_at = NULL WHERE id = ? "
                                 "AND state = 'unknown'"));
        q.addBindValue(asSent ? QStringLiteral("sent") : QStringLiteral("queued"));
        q.addBindValue(iso(m_clock.now()));
        q.addBindValue(deliveryId);
        if (auto e = exec(q, QStringLiteral("resolve")); !e.ok())
            return e;
        if (q.numRowsAffected() != 1)
            return Error::make(
                Error::Code::NotFound,
                QCoreApplication::translate("Mail::Outbox", "There is no message %1 in the unknown state.")
                    .arg(deliveryId));
        return {};
    });
}

Result<int> Outbox::cancel(qint64 batchId)
{
    int cancelled = 0;
    auto r = m_database.write([&]() -> Result<void> {
        QSqlQuery b(m_database.connection());
        b.prepare(QStringLiteral("UPDATE mail_batches SET cancelled_at = ? WHERE id = ?"));
        b.addBindValue(iso(m_clock.now()));
        b.addBindValue(batchId);
        if (auto e = exec(b, QStringLiteral("cancel batch")); !e.ok())
            return e;
        if (b.numRowsAffected() != 1)
            return Error::make(Error::Code::NotFound,
                               QCoreApplication::translate("Mail::Outbox", "There is no batch %1.").arg(batchId));
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE deliveries SET state = 'cancelled', updated_at = ? WHERE batch_id = ? AND "
                                 "state IN ('queued', 'deferred')"));
        q.addBindValue(iso(m_clock.now()));
        q.addBindValue(batchId);
        if (auto e = exec(q, QStringLiteral("cancel deliveries")); !e.ok())
            return e;
        cancelled = q.numRowsAffected();
        return {};
    });
    if (!r.ok())
        return r.error();
    return cancelled;
}

Result<void> Outbox::cancelOne(qint64 deliveryId, const QString &why)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE deliveries SET state = 'cancelled', reply_code = NULL, reply_enhanced = NULL, "
                                 "reply_text = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state IN "
                                 "('queued', 'deferred')"));
        q.addBindValue(why);
        q.addBindValue(iso(m_clock.now()));
        q.addBindValue(deliveryId);
        return exec(q, QStringLiteral("cancel message"));
    });
}

Result<int> Outbox::retry(qint64 batchId)
{
    int changed = 0;
    auto r = m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE deliveries SET state = 'queued', attempts = 0, next_attempt_at = NULL, "
                                 "updated_at = ? WHERE batch_id = ? AND state IN ('failed', 'deferred')"));
        q.addBindValue(iso(m_clock.now()));
        q.addBindValue(batchId);
        if (auto e = exec(q, QStringLiteral("retry")); !e.ok())
            return e;
        changed = q.numRowsAffected();
        return {};
    });
    if (!r.ok())
        return r.error();
    return changed;
}

} // namespace Mail
