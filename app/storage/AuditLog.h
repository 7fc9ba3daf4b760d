#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Core {
class Clock;
}

namespace Storage {

class Database;

// What was done with personal data: consent changes, exports, erasures. Entries hold ids and counts,
// never names or addresses, so an erasure leaves nothing personal behind. Written inside the
// transaction of the change it records.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;       // who did it: the operating-system user, or --recorded-by
    QString action;      // "consent.grant", "consent.withdraw", "member.export", "member.erase", …
    qint64 memberId = 0; // 0: not about one member
    QJsonObject details;

    QJsonObject toJson() const;
    QString actionLabel() const; // translated
    QString summary() const;     // translated, one line from the details
};

class AuditLog
{
public:
    AuditLog(Database &database, const Core::Clock &clock) : m_database(database), m_clock(clock) {}

    // Call inside Database::write() so the entry commits with the change.
    Core::Result<void> append(const QString &action, qint64 memberId, const QJsonObject &details,
                              const QString &actor = {});
    // Newest first; memberId 0: every member; an empty actor: whoever acted.
    Core::Result<QList<AuditEntry>> list(qint64 memberId = 0, const QString &actor = {}) const;
    // Who appears in the log (for a filter by volunteer), sorted.
    Core::Result<QStringList> actors() const;

    // The person at the keyboard, for "who recorded it".
    static QString currentUser();

private:
    Database &m_database;
    const Core::Clock &m_clock;
};

} // namespace Storage
