#include "mail/UndeliverableAddresses.h"

#include "core/Clock.h"
#include "core/EmailAddress.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/PreparedQueries.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using Core::Error;
using Core::Result;

namespace Mail {

namespace {

QString keyOf(const QString &address)
{
    return Core::EmailAddress::key(Core::EmailAddress::check(address, false).normalized);
}

} // namespace

UndeliverableAddresses::UndeliverableAddresses(Storage::Database &database, Storage::MemberRepository &members,
                                               Storage::AuditLog &audit, const Core::Clock &clock)
    : m_database(database), m_members(members), m_audit(audit), m_clock(clock)
{}

Result<QSet<qint64>> UndeliverableAddresses::members() const
{
    // The mark holds while the member's address is the one found dead.
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("SELECT m.id FROM undeliverable_addresses u JOIN members m ON m.email_key = u.address_key"));
    if (auto r = Storage::exec(q, QStringLiteral("undeliverable members")); !r.ok())
        return r.error();
    QSet<qint64> out;
    while (q.next())
        out.insert(q.value(0).toLongLong());
    return out;
}

Result<QHash<qint64, UndeliverableMark>> UndeliverableAddresses::among(const QList<qint64> &memberIds) const
{
    QHash<qint64, UndeliverableMark> out;
    if (memberIds.isEmpty())
        return out;
    QStringList marks;
    marks.reserve(memberIds.size());
    for (qsizetype i = 0; i < memberIds.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT m.id, u.category, u.since, u.returned_id FROM members m JOIN "
                             "undeliverable_addresses u ON u.address_key = m.email_key WHERE m.id IN (%1)")
                  .arg(marks.join(QLatin1Char(','))));
    for (qint64 id : memberIds)
        q.addBindValue(id);
    if (auto r = Storage::exec(q, QStringLiteral("undeliverable among")); !r.ok())
        return r.error();
    while (q.next())
        out.insert(q.value(0).toLongLong(),
                   {q.value(1).toString(), Storage::storedTimeFrom(q.value(2)), q.value(3).toLongLong()});
    return out;
}

Result<UndeliverableMark> UndeliverableAddresses::of(qint64 memberId) const
{
    auto marks = among({memberId});
    if (!marks.ok())
        return marks.error();
    return marks.value().value(memberId);
}

Result<void> UndeliverableAddresses::markDeliverable(qint64 memberId, const QString &who)
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    const QString key = keyOf(member.value().email);
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM undeliverable_addresses WHERE address_key = ?"));
        q.addBindValue(key);
        if (auto r = Storage::exec(q, QStringLiteral("mark deliverable")); !r.ok())
            return r;
        if (q.numRowsAffected() == 0)
            return Error::make(Error::Code::NotFound,
                               QCoreApplication::translate("Mail::ReturnedMailService",
                                                           "This member's address is not marked undeliverable."));
        return m_audit.append(QStringLiteral("mailbox.deliverable"), memberId, {}, who);
    });
}

Result<bool> UndeliverableAddresses::mark(Storage::PreparedQueries &sql, const QString &address, qint64 memberId,
                                          const QString &category, qint64 returnedId)
{
    const QString key = keyOf(address);
    if (key.isEmpty())
        return false;
    auto exists = sql.run(QStringLiteral("SELECT 1 FROM undeliverable_addresses WHERE address_key = ?"), {key},
                          QStringLiteral("undeliverable exists"));
    if (!exists.ok())
        return exists.error();
    if (exists.value()->next())
        return false;
    auto inserted =
        sql.run(QStringLiteral("INSERT INTO undeliverable_addresses (address_key, member_id, category, since, "
                               "returned_id) VALUES (?, ?, ?, ?, ?)"),
                {key, memberId > 0 ? QVariant(memberId) : QVariant(QMetaType(QMetaType::LongLong)), category,
                 Storage::storedTime(m_clock.now()), returnedId},
                QStringLiteral("mark undeliverable"));
    if (!inserted.ok())
        return inserted.error();
    return true;
}

Result<bool> UndeliverableAddresses::softLimitReached(Storage::PreparedQueries &sql, const QString &address) const
{
    // Temporary failures of this address since its last delivery that went through (sent, no bounce, old
    // enough for a bounce to have come back): three on different days, the first and last two weeks apart.
    // A bounce's address is kept lower-case, so that this reads the (address, kind) index.
    auto last = sql.run(
        QStringLiteral("SELECT max(sent_at) FROM deliveries WHERE lower(address) = ? AND state = 'sent' AND "
                       "bounce_category IS NULL AND sent_at <= ?"),
        {address.toLower(), Storage::storedTime(m_clock.now().addDays(-3))}, QStringLiteral("last good delivery"));
    if (!last.ok())
        return last.error();
    const QString since = last.value()->next() ? last.value()->value(0).toString() : QString();
    auto q = sql.run(QStringLiteral("SELECT received_at, read_at FROM returned_messages WHERE address = ? AND "
                                    "kind = 'bounce' AND action = 'counted' AND undone_at IS NULL"),
                     {address.toLower()}, QStringLiteral("soft failures"));
    if (!q.ok())
        return q.error();
    QSet<QDate> days;
    while (q.value()->next()) {
        QDateTime when = Storage::storedTimeFrom(q.value()->value(0));
        if (!when.isValid())
            when = Storage::storedTimeFrom(q.value()->value(1));
        if (!since.isEmpty() && Storage::storedTime(when) <= since)
            continue;
        days.insert(when.toUTC().date());
    }
    if (days.size() < kSoftFailuresToMark)
        return false;
    const auto [first, lastDay] = std::minmax_element(days.begin(), days.end());
    return first->daysTo(*lastDay) >= kSoftFailureSpanDays;
}

} // namespace Mail
