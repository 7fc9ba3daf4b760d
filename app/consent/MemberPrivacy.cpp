#include "MemberPrivacy.h"

#include "ConsentService.h"
#include "core/Clock.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

using Core::Result;

namespace Consent {

MemberPrivacy::MemberPrivacy(Storage::Database &database, Storage::MemberRepository &members, Storage::AuditLog &audit,
                             ConsentService &consent, const Core::Clock &clock)
    : m_database(database), m_members(members), m_audit(audit), m_consent(consent), m_clock(clock)
{}

Result<void> MemberPrivacy::removeMember(qint64 memberId)
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    auto events = m_consent.ledger().events(memberId);
    if (!events.ok())
        return events.error();
    const bool withdrew = std::any_of(events.value().cbegin(), events.value().cend(),
                                      [](const Event &e) { return e.action == Action::Withdraw; });
    return m_database.write([&]() -> Result<void> {
        const QByteArray hash = suppressionHash(member.value().email);
        if (withdrew && !hash.isEmpty()) {
            if (auto s = m_consent.ledger().suppress(hash, QStringLiteral("withdrawn"), m_clock.now()); !s.ok())
                return s;
        }
        return m_members.remove(memberId);
    });
}

Result<QJsonObject> MemberPrivacy::exportMember(qint64 memberId, const QString &destination)
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    auto events = m_consent.history(memberId);
    auto statuses = m_consent.status(member.value());
    auto org = m_consent.organisation();
    if (!events.ok() || !statuses.ok() || !org.ok())
        return !events.ok() ? events.error() : !statuses.ok() ? statuses.error() : org.error();

    QJsonObject consent;
    for (const auto &[p, s] : statuses.value()) {
        QJsonObject o = s.toJson();
        o.insert(QStringLiteral("label"), p.displayLabel());
        o.insert(QStringLiteral("explanation"), s.explanation());
        consent.insert(p.key, o);
    }
    QJsonArray history;
    for (const Event &e : events.value())
        history.append(e.toJson());

    // Imports that created or changed the member.
    QJsonArray imports;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT id, file_name, imported_at, undone_at, CASE WHEN ? BETWEEN first_member_id AND last_member_id "
        "THEN 'created' ELSE 'updated' END FROM import_batches WHERE ? BETWEEN first_member_id AND last_member_id "
        "OR id IN (SELECT batch_id FROM import_changes WHERE member_id = ?) "
        "OR id IN (SELECT import_batch_id FROM consent_events WHERE member_id = ?) ORDER BY id"));
    for (int i = 0; i < 4; ++i)
        q.addBindValue(memberId);
    if (auto r = Storage::exec(q, QStringLiteral("member imports")); !r.ok())
        return r.error();
    while (q.next())
        imports.append(QJsonObject{
            {QStringLiteral("batch"), q.value(0).toLongLong()},
            {QStringLiteral("file_name"), q.value(1).toString()},
            {QStringLiteral("imported_at"), q.value(2).toString()},
            {QStringLiteral("undone_at"), q.value(3).isNull() ? QJsonValue() : QJsonValue(q.value(3).toString())},
            {QStringLiteral("action"), q.value(4).toString()}});
    // Every message queued for the member (campaigns and invitations included), and their unsubscribe requests.
    QJsonArray messages;
    QSqlQuery m(m_database.connection());
    m.prepare(QStringLiteral(
        "SELECT b.subject, c.name, c.kind, d.address, d.state, d.created_at, d.sent_at, d.reply_code, d.reply_text, "
        "d.message_id FROM deliveries d JOIN mail_batches b ON b.id = d.batch_id LEFT JOIN campaigns c ON "
        "c.batch_id = d.batch_id WHERE d.member_id = ? ORDER BY d.id"));
    m.addBindValue(memberId);
    if (auto r = Storage::exec(m, QStringLiteral("member messages")); !r.ok())
        return r.error();
    const auto orNull = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v); };
    while (m.next())
        messages.append(QJsonObject{{QStringLiteral("subject"), m.value(0).toString()},
                                    {QStringLiteral("campaign"), orNull(m.value(1))},
                                    {QStringLiteral("kind"), orNull(m.value(2))},
                                    {QStringLiteral("address"), m.value(3).toString()},
                                    {QStringLiteral("state"), m.value(4).toString()},
                                    {QStringLiteral("queued_at"), m.value(5).toString()},
                                    {QStringLiteral("sent_at"), orNull(m.value(6))},
                                    {QStringLiteral("reply_code"), orNull(m.value(7))},
                                    {QStringLiteral("reply"), orNull(m.value(8))},
                                    {QStringLiteral("message_id"), m.value(9).toString()}});
    QJsonArray requests;
    QSqlQuery u(m_database.connection());
    u.prepare(QStringLiteral("SELECT received_at, purpose, source, action, processed_at FROM unsubscribe_requests "
                             "WHERE member_id = ? ORDER BY id"));
    u.addBindValue(memberId);
    if (auto r = Storage::exec(u, QStringLiteral("member unsubscribe requests")); !r.ok())
        return r.error();
    while (u.next())
        requests.append(QJsonObject{{QStringLiteral("received_at"), u.value(0).toString()},
                                    {QStringLiteral("purpose"), orNull(u.value(1))},
                                    {QStringLiteral("source"), u.value(2).toString()},
                                    {QStringLiteral("action"), orNull(u.value(3))},
                                    {QStringLiteral("processed_at"), orNull(u.value(4))}});
    auto audit = m_audit.list(memberId);
    if (!audit.ok())
        return audit.error();
    QJsonArray auditJson;
    for (const Storage::AuditEntry &a : audit.value())
        auditJson.append(a.toJson());

    QJsonObject out{
        {QStringLiteral("format"), QStringLiteral("carnet-member-export")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("exported_at"), m_clock.now().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("controller"), org.value().toJson()},
        {QStringLiteral("member"), member.value().toJson()},
        {QStringLiteral("consent"), consent},
        {QStringLiteral("consent_history"), history},
        {QStringLiteral("imports"), imports},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("unsubscribe_requests"), requests},
        {QStringLiteral("audit"), auditJson},
    };
    auto r = m_database.write([&] {
        return m_audit.append(QStringLiteral("member.export"), memberId,
                              {{QStringLiteral("destination"),
                                destination.isEmpty() ? QStringLiteral("-") : QFileInfo(destination).fileName()},
                               {QStringLiteral("consent_events"), history.size()}});
    });
    if (!r.ok())
        return r.error();
    return out;
}

Result<QJsonObject> MemberPrivacy::erase(qint64 memberId)
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    QJsonObject counts;
    // Deleted rows must not linger in free pages or in the write-ahead log.
    QSqlQuery pragma(m_database.connection());
    pragma.exec(QStringLiteral("PRAGMA secure_delete = ON"));
    auto r = m_database.write([&]() -> Result<void> {
        const QByteArray hash = suppressionHash(member.value().email);
        if (!hash.isEmpty()) {
            if (auto s = m_consent.ledger().suppress(hash, QStringLiteral("erased"), m_clock.now()); !s.ok())
                return s;
        }
        auto events = m_consent.ledger().removeMemberEvents(memberId);
        if (!events.ok())
            return events.error();
        // The snapshots an import kept to be undone hold the member's data too.
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM import_changes WHERE member_id = ?"));
        q.addBindValue(memberId);
        if (auto d = Storage::exec(q, QStringLiteral("erase import snapshots")); !d.ok())
            return d;
        const int snapshots = q.numRowsAffected();
        // Earlier audit entries keep what was done and when, not the free text that came with it.
        QSqlQuery audit(m_database.connection());
        audit.prepare(
            QStringLiteral("UPDATE audit_log SET details = json_remove(details, '$.source') WHERE member_id = ?"));
        audit.addBindValue(memberId);
        if (auto d = Storage::exec(audit, QStringLiteral("erase audit text")); !d.ok())
            return d;
        if (auto removed = m_members.remove(memberId); !removed.ok())
            return removed;
        counts = QJsonObject{{QStringLiteral("consent_events"), events.value()},
                             {QStringLiteral("import_snapshots"), snapshots},
                             {QStringLiteral("suppressed"), !hash.isEmpty()}};
        return m_audit.append(QStringLiteral("member.erase"), memberId, counts);
    });
    pragma.exec(QStringLiteral("PRAGMA secure_delete = OFF"));
    if (!r.ok())
        return r.error();
    // Best effort: another connection reading may keep the log alive until it closes.
    pragma.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return counts;
}

} // namespace Consent
