#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Core {
class Clock;
}
namespace Storage {
class AuditLog;
class Database;
class MemberRepository;
class PreparedQueries;
} // namespace Storage

namespace Mail {

// An address the mailbox found dead, as the window and the CLI show it.
struct UndeliverableMark
{
    QString category; // ReturnCategory key: address_unknown, domain_unknown, account_closed, mailbox_full…
    QDateTime since;
    qint64 returnedId = 0; // the returned message that made the mark (0: unknown, or since erased)
};

// The addresses found undeliverable (README, "The mailbox"): kept by address key, so that the mark holds
// while the member's address is the one found dead and correcting the address clears it. Excluded from
// every mailing by the consent service (Reason::Undeliverable); marked by ReturnedMailService, inside its
// transaction; cleared by "Mark as deliverable again" (audited).
class UndeliverableAddresses
{
public:
    static constexpr int kSoftFailuresToMark = 3;   // temporary failures on different days…
    static constexpr int kSoftFailureSpanDays = 14; // …over at least this many days

    UndeliverableAddresses(Storage::Database &database, Storage::MemberRepository &members, Storage::AuditLog &audit,
                           const Core::Clock &clock);

    // The members whose current address is marked.
    Core::Result<QSet<qint64>> members() const;
    // The marks of these members' current addresses (a page of the member table).
    Core::Result<QHash<qint64, UndeliverableMark>> among(const QList<qint64> &memberIds) const;
    // This member's mark, or nullopt-like (category empty) when the address is deliverable.
    Core::Result<UndeliverableMark> of(qint64 memberId) const;
    Core::Result<void> markDeliverable(qint64 memberId, const QString &who = {});

    // Inside the caller's transaction, with its prepared statements (a mailbox run's chunk): marks the address
    // (false when it already was).
    Core::Result<bool> mark(Storage::PreparedQueries &sql, const QString &address, qint64 memberId,
                            const QString &category, qint64 returnedId);
    // Whether the address's temporary failures since its last good delivery now make it undeliverable.
    Core::Result<bool> softLimitReached(Storage::PreparedQueries &sql, const QString &address) const;

private:
    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    Storage::AuditLog &m_audit;
    const Core::Clock &m_clock;
};

} // namespace Mail
