#pragma once

#include "core/Result.h"
#include "mail/UndeliverableAddresses.h"
#include "mail/inbound/ReturnedMail.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace Core {
class Clock;
}
namespace Storage {
class AuditLog;
class PreparedQueries;
class Database;
class MemberRepository;
class SettingsRepository;
} // namespace Storage
namespace Consent {
class ConsentService;
}

namespace Mail {

class CampaignService;

// Where a message was found in the association's mailbox.
struct MailboxPlace
{
    QString folder;
    quint32 uidValidity = 0;
    quint32 uid = 0;
};

// What Carnet did with a message that came back (the CLI's keys in actionKey()).
enum class ReturnAction {
    MarkedUndeliverable, // a permanent failure, or the third temporary one over two weeks
    Counted,             // a temporary failure, counted
    Policy,              // refused by the receiving server's policy: nothing done to the member
    CampaignFlagged,     // the message was too large for the receiving server
    Withdrawn,           // a complaint: consent withdrawn for the campaign's purpose, address suppressed
    Away,                // an auto-reply
    Unsubscribed,        // an unsubscribe reply with a valid token
    None,                // understood, nothing to do (a delay notice, a success report, no delivery of ours)
    Left,                // not understood: left in place, unread, for a person
};
QString actionKey(ReturnAction action);
QString actionText(ReturnAction action); // translated

// One message read from the mailbox, as the window lists it.
struct ReturnRecord
{
    qint64 id = 0;
    MailboxPlace place;
    QString messageId;
    QDateTime receivedAt;
    QDateTime readAt;
    Inbound::ReturnKind kind = Inbound::ReturnKind::Other;
    QString category; // ReturnCategory key
    QString address;
    QString status;
    QString diagnostic;
    qint64 memberId = 0;
    qint64 deliveryId = 0;
    qint64 batchId = 0;
    QString subject;    // of the message that came back (its outbox batch), when known
    QString memberName; // when the volunteer may see the member
    ReturnAction action = ReturnAction::Left;
    QString movedTo;
    quint32 movedUid = 0;
    QDateTime undoneAt;
    QJsonObject toJson() const;
};

struct ProcessedReturn
{
    ReturnRecord record;
    bool alreadyKnown = false; // read before (same place or same Message-ID): nothing done again
};

// What comes back to the association's mailbox, acted on (README, "Bounces and replies"): each message is
// understood (Inbound::ReturnedMail), matched to the delivery it is about (by the Message-ID Carnet gave
// it, then by the address among recent deliveries), acted on and recorded — all in one transaction, so an
// interrupted run acts on nothing twice. Undo restores the member's state and the ledger.
class ReturnedMailService
{
public:
    static constexpr qint64 kMaxStoredBytes = 1024 * 1024;

    ReturnedMailService(Storage::Database &database, Storage::MemberRepository &members,
                        Consent::ConsentService &consent, CampaignService &campaigns, Storage::AuditLog &audit,
                        Storage::SettingsRepository &settings, const Core::Clock &clock);

    // Understands and acts on one message found at `place`; a message read before is not acted on again.
    Core::Result<ProcessedReturn> process(const QByteArray &raw, const MailboxPlace &place);
    // The same for a run's chunk of messages, in one transaction (a savepoint each): a hundred messages
    // commit once. All or nothing: on an error nothing of the chunk is recorded.
    Core::Result<QList<ProcessedReturn>> processBatch(const QList<std::pair<QByteArray, MailboxPlace>> &messages);
    // The messages (record id → their UID there, 0 when the server did not say) now sit in the processed
    // folder; one transaction.
    Core::Result<void> markMoved(const QList<std::pair<qint64, quint32>> &moved, const QString &folder);
    // Puts things back as they were before the message was read: the undeliverable mark it made, the ledger
    // events it added and the suppression; the delivery's bounce. The record says where the message is,
    // for the caller to move it back. An unsubscribe request with a valid token is the member's own and
    // cannot be undone here.
    Core::Result<ReturnRecord> undo(qint64 id, const QString &who = {});
    Core::Result<ReturnRecord> record(qint64 id) const;
    Core::Result<QByteArray> message(qint64 id) const; // the stored original (empty for mail left alone)
    Core::Result<QList<ReturnRecord>> list(int limit = 500) const;
    // What was already read in this folder (by UID), so that a run fetches only what is new.
    Core::Result<QHash<quint32, ReturnRecord>> knownIn(const QString &folder, quint32 uidValidity) const;
    // The latest refusal by a receiving server's policy in the last 30 days ({} when none): the sending
    // account's warning.
    Core::Result<QJsonObject> policyWarning() const;
    // Of these members, those whose automatic reply ("away") was read since `since` (not undone): when the
    // latest one was read. The member table shows them as away.
    static constexpr int kAwayDays = 30;
    Core::Result<QHash<qint64, QDateTime>> awayAmong(const QList<qint64> &memberIds, const QDateTime &since) const;

    // The addresses found undeliverable: marked here, listed and cleared there.
    UndeliverableAddresses &undeliverable() { return m_undeliverable; }
    const UndeliverableAddresses &undeliverable() const { return m_undeliverable; }

private:
    struct Match;
    // `sql`: the statements of the chunk being processed (prepared once for a hundred messages), or of one.
    Core::Result<ProcessedReturn> process(Storage::PreparedQueries &sql, const QByteArray &raw,
                                          const MailboxPlace &place);
    Core::Result<Match> match(Storage::PreparedQueries &sql, const Inbound::ReturnedMail &mail,
                              const Inbound::ReturnedRecipient *recipient) const;
    Core::Result<qint64> known(Storage::PreparedQueries &sql, const MailboxPlace &place,
                               const QString &messageId) const;
    Core::Result<QByteArray> unsubscribeSecret();
    Core::Result<ProcessedReturn> recordLeft(Storage::PreparedQueries &sql, const QByteArray &raw,
                                             const MailboxPlace &place, const QString &why);

    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    Consent::ConsentService &m_consent;
    CampaignService &m_campaigns;
    Storage::AuditLog &m_audit;
    Storage::SettingsRepository &m_settings;
    const Core::Clock &m_clock;
    QByteArray m_secret; // the member file's unsubscribe secret, read once
    UndeliverableAddresses m_undeliverable;
};

} // namespace Mail
