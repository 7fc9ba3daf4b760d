#pragma once

#include "core/Result.h"
#include "mail/smtp/SmtpSession.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

class QSqlQuery;

namespace Core {
class Clock;
}
namespace Storage {
class Database;
}

namespace Mail {

enum class DeliveryState { Queued, Sending, Sent, Deferred, Failed, Cancelled, Unknown };
QString stateKey(DeliveryState state); // "queued", "sending", …
DeliveryState stateFromKey(const QString &key);

struct Delivery
{
    qint64 id = 0;
    qint64 batchId = 0;
    qint64 memberId = 0;
    QString address;
    QString envelopeFrom;
    bool smtpUtf8 = false;
    QByteArray message;
    QString messageId;
    DeliveryState state = DeliveryState::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    int replyCode = 0;
    QString replyEnhanced;
    QString replyText;
    QDateTime createdAt;
    QDateTime sentAt;
    QString claimedBy; // who is sending (or sent) it: "login@computer"

    QJsonObject toJson() const; // {"id", "address", "state", "attempts", "reply", "message_id", …}
};

// One recipient's message, ready to queue.
struct OutgoingItem
{
    QString address;
    QString envelopeFrom;
    bool smtpUtf8 = false;
    QByteArray message;
    QString messageId;
    qint64 memberId = 0;
};

// Provider limits; 0: none.
struct Limits
{
    int perMinute = 0;
    int perHour = 0;
    int perDay = 0;
    int perConnection = 0;
};

// The persistent per-recipient queue. Each state change is committed before the SMTP step it
// announces: `sending` before MAIL FROM, `sent` after the server's 250 to the final dot. A row found in
// `sending` when a run starts was interrupted (crash, kill) and becomes `unknown`: never re-sent
// without the user's decision.
class Outbox
{
public:
    static constexpr int kMaxAttempts = 8;
    static constexpr int kGiveUpDays = 5;

    Outbox(Storage::Database &database, const Core::Clock &clock);
    ~Outbox();

    Core::Result<qint64> queue(const QString &subject, const QString &purpose, const QList<OutgoingItem> &items);
    // The same in two steps (a campaign's batch grows as its messages are composed). append() skips a member
    // the batch already holds and returns how many were added.
    Core::Result<qint64> createBatch(const QString &subject, const QString &purpose);
    Core::Result<int> append(qint64 batchId, const QList<OutgoingItem> &items);
    // Rows left `sending` by a sender that is gone (its process or its server connection ended) become
    // `unknown`: they may or may not have gone, a person decides. Another computer's run in progress keeps its own.
    Core::Result<int> recoverInterrupted();
    // Queued rows and deferred rows whose time has come, oldest first; `batchId` 0: every batch.
    Core::Result<QList<Delivery>> due(qint64 batchId, int limit);
    // Claims one message for this sender (state `sending`, claimed by this login, computer and session), so
    // that no other computer sends it: Conflict when another took it first. With `limits`, the claim counts
    // against the per-minute/hour/day limits of every sender together (Busy when they are reached).
    Core::Result<void> markSending(qint64 id, const Limits *limits = nullptr);
    Core::Result<void> markResult(qint64 id, Smtp::Outcome outcome, const Smtp::Reply &reply, int retryBaseSeconds);
    // The same, when the caller knows the row (the runner): no read before the write.
    Core::Result<void> markResult(const Delivery &delivery, Smtp::Outcome outcome, const Smtp::Reply &reply,
                                  int retryBaseSeconds);

    // How many messages the limits allow now (-1: no limit), and when the next one will be allowed.
    Core::Result<int> allowance(const Limits &limits) const;
    Core::Result<QDateTime> nextAllowedAt(const Limits &limits) const;
    Core::Result<QDateTime> nextDueAt(qint64 batchId) const; // earliest deferred retry; null: none

    Core::Result<QMap<QString, qint64>> counts(qint64 batchId) const;     // every state, 0 included
    Core::Result<QList<QPair<qint64, QString>>> batches(int limit) const; // id and subject, newest first
    // Without the message bytes, in the order they were queued; `limit` rows at most (-1: all).
    Core::Result<QList<Delivery>> deliveries(qint64 batchId, int limit = -1) const;
    Core::Result<void> resolve(qint64 deliveryId, bool asSent); // an `unknown` row only
    // The delivery a returned message is about, by the Message-IDs it quotes (without <>), first found
    // first; a Delivery with id 0 when none is ours.
    Core::Result<Delivery> matchReturned(const QStringList &messageIds) const;
    Core::Result<int> cancel(qint64 batchId); // queued and deferred rows
    // One waiting message that must not go (the member withdrew meanwhile), with Carnet's reason.
    Core::Result<void> cancelOne(qint64 deliveryId, const QString &why);
    // Failed and deferred rows of a batch waiting again, now, with a fresh count of attempts; never a
    // row that was sent or whose fate is unknown.
    Core::Result<int> retry(qint64 batchId);

private:
    Core::Result<qint64> attemptsSince(const QDateTime &since) const;

    Storage::Database &m_database;
    const Core::Clock &m_clock;
    std::unique_ptr<QSqlQuery> m_sending;      // prepared once: a run writes two statements a message
    QString m_sendingSession;                  // the database session it was prepared in
    std::unique_ptr<QSqlQuery> m_staleSending; // one from a session gone, released after the transaction
    QString m_nonce;                           // this outbox, among the process's
    QString m_claimant;                        // "login@computer#session#outbox", written with each claim
    std::unique_ptr<QSqlQuery> m_result;
};

} // namespace Mail
