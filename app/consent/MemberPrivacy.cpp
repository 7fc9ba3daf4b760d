#include "MemberPrivacy.h"

#include "ConsentService.h"
#include "core/Clock.h"
#include "core/EmailAddress.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

using Core::Result;

namespace Consent {

MemberPrivacy::MemberPrivacy(Storage::Database &database, Storage::MemberRepository &members, Storage::AuditLog &audit,
                             ConsentService &consent, const Core::Clock &clock)
    : m_database(database), m_members(members), m_audit(audit), m_consent(consent), m_clock(clock)
{}

const QStringList &MemberPrivacy::memberDataTables()
{
    static const QStringList tables{
        QStringLiteral("members"),
        QStringLiteral("households"),
        QStringLiteral("consent_events"),
        QStringLiteral("consent_evidence"),
        QStringLiteral("consent_status"),
        QStringLiteral("consent_status_pending"),
        QStringLiteral("suppressions"),
        QStringLiteral("address_blocks"),
        QStringLiteral("import_changes"),
        QStringLiteral("deliveries"),
        QStringLiteral("campaign_exclusions"),
        QStringLiteral("invitation_answers"),
        QStringLiteral("unsubscribe_requests"),
        QStringLiteral("returned_messages"),
        QStringLiteral("undeliverable_addresses"),
        QStringLiteral("campaigns"),
        QStringLiteral("campaign_attachments"),
        QStringLiteral("mail_batches"),
        QStringLiteral("audit_log"),
    };
    return tables;
}

const QMap<QString, QString> &MemberPrivacy::tablesWithoutMemberData()
{
    static const QMap<QString, QString> tables{
        {QStringLiteral("settings"), QStringLiteral("the association's own settings")},
        {QStringLiteral("purposes"), QStringLiteral("the purposes of the association's messages")},
        {QStringLiteral("import_batches"),
         QStringLiteral("file names, column mappings and counts of each import; the members' values are in "
                        "import_changes")},
        {QStringLiteral("saved_reports"), QStringLiteral("report definitions: columns and conditions")},
        {QStringLiteral("carnet_schema"), QStringLiteral("the schema version (PostgreSQL only)")},
        {QStringLiteral("volunteers"),
         QStringLiteral("the board's logins, roles and sections (PostgreSQL only); no member's data")},
    };
    return tables;
}

Result<void> MemberPrivacy::removeMember(qint64 memberId, qint64 expectedVersion, Rewrite rewrite)
{
    auto removed = removeEverywhere(memberId, Mode::Delete, expectedVersion, rewrite);
    if (!removed.ok())
        return removed.error();
    return {};
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

    auto more = exportTables(member.value());
    if (!more.ok())
        return more.error();

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
    for (auto it = more.value().constBegin(); it != more.value().constEnd(); ++it)
        out.insert(it.key(), it.value());
    auto r = m_database.write(
        [&] {
            return m_audit.append(QStringLiteral("member.export"), memberId,
                                  {{QStringLiteral("destination"),
                                    destination.isEmpty() ? QStringLiteral("-") : QFileInfo(destination).fileName()},
                                   {QStringLiteral("consent_events"), history.size()}});
        },
        Storage::Database::WriteKind::AuditOnly);
    if (!r.ok())
        return r.error();
    return out;
}

Result<QJsonObject> MemberPrivacy::erase(qint64 memberId)
{
    return removeEverywhere(memberId, Mode::Erase);
}

namespace {

// Runs one statement with its bound values; returns the rows it changed.
Result<int> run(Storage::Database &database, const QString &sql, const QVariantList &values, const QString &context)
{
    QSqlQuery q(database.connection());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto r = Storage::exec(q, context); !r.ok())
        return r.error();
    return q.numRowsAffected();
}

// What an audit entry keeps of a member once they are erased: what was done, when, and the counts.
QJsonObject countsOnly(const QJsonObject &details)
{
    QJsonObject out;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        if (it.value().isDouble() || it.value().isBool())
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace

Result<QJsonObject> MemberPrivacy::exportTables(const Core::Member &member)
{
    const qint64 id = member.id;
    QJsonObject out;
    const auto orNull = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v); };
    QSqlQuery q(m_database.connection());
    const auto select = [&](const QString &sql, const QVariantList &values, const QString &context) -> Result<void> {
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return Storage::exec(q, context);
    };
    // households: the other members of the household are theirs, not this member's: only the link.
    QJsonValue household;
    if (member.householdId) {
        if (auto r = select(QStringLiteral("SELECT id, created_at, (SELECT count(*) FROM members WHERE household_id = "
                                           "households.id) FROM households WHERE id = ?"),
                            {member.householdId}, QStringLiteral("export household"));
            !r.ok())
            return r.error();
        if (q.next())
            household = QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                                    {QStringLiteral("created_at"), q.value(1).toString()},
                                    {QStringLiteral("members"), q.value(2).toInt()}};
    }
    out.insert(QStringLiteral("household"), household);
    // consent_evidence: the documents themselves (a scanned form, a saved email), as they were given.
    QJsonArray evidence;
    if (auto r =
            select(QStringLiteral("SELECT sha256, file_name, stored_at, content FROM consent_evidence WHERE sha256 "
                                  "IN (SELECT evidence_sha256 FROM consent_events WHERE member_id = ?) ORDER BY "
                                  "stored_at"),
                   {id}, QStringLiteral("export evidence"));
        !r.ok())
        return r.error();
    while (q.next())
        evidence.append(
            QJsonObject{{QStringLiteral("sha256"), q.value(0).toString()},
                        {QStringLiteral("file_name"), q.value(1).toString()},
                        {QStringLiteral("stored_at"), q.value(2).toString()},
                        {QStringLiteral("content_base64"), QString::fromLatin1(q.value(3).toByteArray().toBase64())}});
    out.insert(QStringLiteral("consent_evidence"), evidence);
    // suppressions: whether the address is on the list (the list holds a hash, not the address).
    const QByteArray hash = suppressionHash(member.email);
    QJsonValue suppression;
    if (!hash.isEmpty()) {
        if (auto r = select(QStringLiteral("SELECT reason, created_at FROM suppressions WHERE address_sha256 = ?"),
                            {QString::fromLatin1(hash)}, QStringLiteral("export suppression"));
            !r.ok())
            return r.error();
        if (q.next())
            suppression = QJsonObject{{QStringLiteral("reason"), q.value(0).toString()},
                                      {QStringLiteral("since"), q.value(1).toString()}};
    }
    out.insert(QStringLiteral("suppression"), suppression);
    // import_changes: the member as they were before each import that changed them (kept for undo).
    QJsonArray snapshots;
    if (auto r =
            select(QStringLiteral("SELECT batch_id, before FROM import_changes WHERE member_id = ? ORDER BY batch_id"),
                   {id}, QStringLiteral("export snapshots"));
        !r.ok())
        return r.error();
    while (q.next())
        snapshots.append(
            QJsonObject{{QStringLiteral("batch"), q.value(0).toLongLong()},
                        {QStringLiteral("before"), QJsonDocument::fromJson(q.value(1).toByteArray()).object()}});
    out.insert(QStringLiteral("import_snapshots"), snapshots);
    // campaign_exclusions: the campaigns that left the member out, and why.
    QJsonArray exclusions;
    if (auto r =
            select(QStringLiteral("SELECT c.name, e.reason, e.decided_at FROM campaign_exclusions e JOIN campaigns c "
                                  "ON c.id = e.campaign_id WHERE e.member_id = ? ORDER BY e.decided_at"),
                   {id}, QStringLiteral("export exclusions"));
        !r.ok())
        return r.error();
    while (q.next())
        exclusions.append(QJsonObject{{QStringLiteral("campaign"), q.value(0).toString()},
                                      {QStringLiteral("reason"), q.value(1).toString()},
                                      {QStringLiteral("decided_at"), q.value(2).toString()}});
    out.insert(QStringLiteral("campaign_exclusions"), exclusions);
    // returned_messages: what came back to the association's mailbox about the member, and what was done.
    QJsonArray returned;
    if (auto r = select(QStringLiteral("SELECT read_at, received_at, kind, category, address, status, diagnostic, "
                                       "action, undone_at FROM returned_messages WHERE member_id = ? ORDER BY id"),
                        {id}, QStringLiteral("export returned mail"));
        !r.ok())
        return r.error();
    while (q.next())
        returned.append(QJsonObject{{QStringLiteral("read_at"), q.value(0).toString()},
                                    {QStringLiteral("received_at"), q.value(1).toString()},
                                    {QStringLiteral("kind"), q.value(2).toString()},
                                    {QStringLiteral("category"), q.value(3).toString()},
                                    {QStringLiteral("address"), q.value(4).toString()},
                                    {QStringLiteral("status"), q.value(5).toString()},
                                    {QStringLiteral("diagnostic"), q.value(6).toString()},
                                    {QStringLiteral("action"), q.value(7).toString()},
                                    {QStringLiteral("undone_at"), q.value(8).toString()}});
    out.insert(QStringLiteral("returned_mail"), returned);
    // undeliverable_addresses
    QJsonValue undeliverable;
    if (auto r = select(QStringLiteral("SELECT category, since FROM undeliverable_addresses WHERE member_id = ?"), {id},
                        QStringLiteral("export undeliverable"));
        !r.ok())
        return r.error();
    if (q.next())
        undeliverable = QJsonObject{{QStringLiteral("category"), q.value(0).toString()},
                                    {QStringLiteral("since"), q.value(1).toString()}};
    out.insert(QStringLiteral("undeliverable"), undeliverable);
    // invitation_answers
    QJsonValue answer;
    if (auto r = select(QStringLiteral("SELECT a.answer, a.answered_at, c.name FROM invitation_answers a LEFT JOIN "
                                       "campaigns c ON c.id = a.campaign_id WHERE a.member_id = ?"),
                        {id}, QStringLiteral("export answer"));
        !r.ok())
        return r.error();
    if (q.next())
        answer = QJsonObject{{QStringLiteral("answer"), q.value(0).toString()},
                             {QStringLiteral("answered_at"), q.value(1).toString()},
                             {QStringLiteral("campaign"), orNull(q.value(2))}};
    out.insert(QStringLiteral("invitation_answer"), answer);
    // campaigns, campaign_attachments, mail_batches: messages written to this member alone.
    QJsonArray personal;
    if (auto r = select(
            QStringLiteral("SELECT c.id, c.name, c.subject, c.body, c.created_at, (SELECT %1 FROM "
                           "campaign_attachments WHERE campaign_id = c.id) FROM campaigns c WHERE c.audience = ? "
                           "ORDER BY c.id")
                .arg(Storage::Sql::joinText(m_database.engine(), QStringLiteral("file_name"), QStringLiteral("/"))),
            {QStringLiteral("member:%1").arg(id)}, QStringLiteral("export personal messages"));
        !r.ok())
        return r.error();
    while (q.next())
        personal.append(QJsonObject{
            {QStringLiteral("campaign"), q.value(0).toLongLong()},
            {QStringLiteral("name"), q.value(1).toString()},
            {QStringLiteral("subject"), q.value(2).toString()},
            {QStringLiteral("body"), q.value(3).toString()},
            {QStringLiteral("created_at"), q.value(4).toString()},
            {QStringLiteral("attachments"),
             QJsonArray::fromStringList(q.value(5).toString().split(QLatin1Char('/'), Qt::SkipEmptyParts))}});
    out.insert(QStringLiteral("personal_messages"), personal);
    // Which section holds each table's rows: the same tables erasure goes through.
    const QMap<QString, QString> sections{
        {QStringLiteral("members"), QStringLiteral("member")},
        {QStringLiteral("households"), QStringLiteral("household")},
        {QStringLiteral("consent_events"), QStringLiteral("consent_history")},
        {QStringLiteral("consent_evidence"), QStringLiteral("consent_evidence")},
        {QStringLiteral("suppressions"), QStringLiteral("suppression")},
        // Worked out from the ledger, the membership and the list: what "consent" and "suppression" say.
        {QStringLiteral("consent_status"), QStringLiteral("consent")},
        {QStringLiteral("consent_status_pending"), QStringLiteral("consent")},
        {QStringLiteral("address_blocks"), QStringLiteral("suppression")},
        {QStringLiteral("import_changes"), QStringLiteral("import_snapshots")},
        {QStringLiteral("deliveries"), QStringLiteral("messages")},
        {QStringLiteral("campaign_exclusions"), QStringLiteral("campaign_exclusions")},
        {QStringLiteral("invitation_answers"), QStringLiteral("invitation_answer")},
        {QStringLiteral("unsubscribe_requests"), QStringLiteral("unsubscribe_requests")},
        {QStringLiteral("returned_messages"), QStringLiteral("returned_mail")},
        {QStringLiteral("undeliverable_addresses"), QStringLiteral("undeliverable")},
        {QStringLiteral("campaigns"), QStringLiteral("personal_messages")},
        {QStringLiteral("campaign_attachments"), QStringLiteral("personal_messages")},
        {QStringLiteral("mail_batches"), QStringLiteral("personal_messages")},
        {QStringLiteral("audit_log"), QStringLiteral("audit")},
    };
    QJsonObject tables;
    for (const QString &table : memberDataTables())
        tables.insert(table, sections.value(table));
    out.insert(QStringLiteral("tables"), tables);
    return out;
}

Result<QJsonObject> MemberPrivacy::removeEverywhere(qint64 memberId, Mode mode, qint64 expectedVersion, Rewrite rewrite)
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    const Core::Member &m = member.value();
    auto events = m_consent.ledger().events(memberId);
    if (!events.ok())
        return events.error();
    const bool withdrew = std::any_of(events.value().cbegin(), events.value().cend(),
                                      [](const Event &e) { return e.action == Action::Withdraw; });
    const bool erase = mode == Mode::Erase;
    const QString now = m_clock.now().toUTC().toString(Qt::ISODate);
    const QString personal = QStringLiteral("member:%1").arg(memberId);
    QJsonObject tables;
    QJsonObject counts;
    auto r = m_database.write([&]() -> Result<void> {
        const auto step = [&](const QString &table, const QString &sql, const QVariantList &values) -> Result<void> {
            auto changed = run(m_database, sql, values, QStringLiteral("erase ") + table);
            if (!changed.ok())
                return changed.error();
            tables.insert(table, tables.value(table).toInt() + changed.value());
            return {};
        };
        // suppressions: the address as a hash, so that a later import cannot bring the person back.
        const QByteArray hash = suppressionHash(m.email);
        tables.insert(QStringLiteral("suppressions"), 0);
        if ((erase || withdrew) && !hash.isEmpty()) {
            if (auto s = m_consent.ledger().suppress(suppressionKey(m.email),
                                                     erase ? QStringLiteral("erased") : QStringLiteral("withdrawn"),
                                                     m_clock.now());
                !s.ok())
                return s;
            tables.insert(QStringLiteral("suppressions"), 1);
        }
        // consent_events, then the evidence documents no other member's consent points to.
        QStringList evidence;
        for (const Event &e : events.value()) {
            if (!e.evidenceSha256.isEmpty() && !evidence.contains(e.evidenceSha256))
                evidence.append(e.evidenceSha256);
        }
        auto removed = m_consent.ledger().removeMemberEvents(memberId);
        if (!removed.ok())
            return removed.error();
        tables.insert(QStringLiteral("consent_events"), removed.value());
        tables.insert(QStringLiteral("consent_evidence"), 0);
        for (const QString &sha : std::as_const(evidence)) {
            if (auto s = step(QStringLiteral("consent_evidence"),
                              QStringLiteral("DELETE FROM consent_evidence WHERE sha256 = ? AND NOT EXISTS (SELECT 1 "
                                             "FROM consent_events WHERE evidence_sha256 = ?)"),
                              {sha, sha});
                !s.ok())
                return s;
        }
        // import_changes: the snapshots an import kept to be undone.
        if (auto s = step(QStringLiteral("import_changes"),
                          QStringLiteral("DELETE FROM import_changes WHERE member_id = ?"), {memberId});
            !s.ok())
            return s;
        // deliveries: a message still waiting never goes; every message keeps only what the statistics need
        // (its campaign, state, dates and reply code) — no address, no bytes, no server text quoting the address.
        // On erasure, messages to the address typed by hand (no member) go the same way.
        // The address only when erasing (each side of the OR then reads its own index; a condition that is
        // false at run time would still make the database read the whole table, once per member deleted).
        const bool byAddress = erase && !m.email.isEmpty();
        const QString whose =
            byAddress ? QStringLiteral("member_id = ? OR lower(address) = lower(?)") : QStringLiteral("member_id = ?");
        const QVariantList whoseValues = byAddress ? QVariantList{memberId, m.email} : QVariantList{memberId};
        if (auto s =
                step(QStringLiteral("deliveries"),
                     QStringLiteral(
                         "UPDATE deliveries SET state = CASE WHEN state IN ('queued', 'deferred') THEN "
                         "'cancelled' ELSE state END, address = '', message = substr(message, 1, 0), message_id = '', "
                         "reply_text = NULL, bounce_text = NULL, next_attempt_at = NULL, member_id = NULL, "
                         "updated_at = ? WHERE ") +
                         whose,
                     QVariantList{now} + whoseValues);
            !s.ok())
            return s;
        // returned_messages (the message itself quotes the address), undeliverable_addresses: gone, and on
        // erasure those about the address with no member too.
        if (auto s = step(QStringLiteral("returned_messages"),
                          QStringLiteral("DELETE FROM returned_messages WHERE ") + whose, whoseValues);
            !s.ok())
            return s;
        if (auto s = step(QStringLiteral("undeliverable_addresses"),
                          QStringLiteral("DELETE FROM undeliverable_addresses WHERE member_id = ? OR address_key = ?"),
                          {memberId, Core::EmailAddress::key(Core::EmailAddress::check(m.email, false).normalized)});
            !s.ok())
            return s;
        for (const QString &table : {QStringLiteral("campaign_exclusions"), QStringLiteral("invitation_answers"),
                                     QStringLiteral("unsubscribe_requests")}) {
            if (auto s = step(table, QStringLiteral("DELETE FROM %1 WHERE member_id = ?").arg(table), {memberId});
                !s.ok())
                return s;
        }
        // campaigns, campaign_attachments, mail_batches: a message written to this member alone loses its text.
        if (auto s = step(QStringLiteral("campaign_attachments"),
                          QStringLiteral("DELETE FROM campaign_attachments WHERE campaign_id IN (SELECT id FROM "
                                         "campaigns WHERE audience = ?)"),
                          {personal});
            !s.ok())
            return s;
        if (auto s = step(QStringLiteral("mail_batches"),
                          QStringLiteral("UPDATE mail_batches SET subject = '' WHERE id IN (SELECT batch_id FROM "
                                         "campaigns WHERE audience = ?)"),
                          {personal});
            !s.ok())
            return s;
        if (auto s = step(QStringLiteral("campaigns"),
                          QStringLiteral("UPDATE campaigns SET name = ?, subject = '', body = '', html = NULL, "
                                         "translations = NULL, audience = 'member:0' WHERE audience = ?"),
                          {QStringLiteral("-"), personal});
            !s.ok())
            return s;
        // audit_log: earlier entries keep what was done and when, with their counts, not their text.
        QSqlQuery audit(m_database.connection());
        audit.prepare(QStringLiteral("SELECT id, details FROM audit_log WHERE member_id = ?"));
        audit.addBindValue(memberId);
        if (auto a = Storage::exec(audit, QStringLiteral("erase audit text")); !a.ok())
            return a;
        QList<QPair<qint64, QByteArray>> reduced;
        while (audit.next())
            reduced.append({audit.value(0).toLongLong(),
                            QJsonDocument(countsOnly(QJsonDocument::fromJson(audit.value(1).toByteArray()).object()))
                                .toJson(QJsonDocument::Compact)});
        audit.finish();
        for (const auto &[id, details] : std::as_const(reduced)) {
            if (auto s =
                    step(QStringLiteral("audit_log"), QStringLiteral("UPDATE audit_log SET details = ? WHERE id = ?"),
                         {QString::fromUtf8(details), id});
                !s.ok())
                return s;
        }
        tables.insert(QStringLiteral("audit_log"), int(reduced.size()));
        // What was worked out from the member's ledger and address goes with them.
        for (const QString &table : {QStringLiteral("consent_status"), QStringLiteral("consent_status_pending"),
                                     QStringLiteral("address_blocks")}) {
            if (auto s = step(table, QStringLiteral("DELETE FROM %1 WHERE member_id = ?").arg(table), {memberId});
                !s.ok())
                return s;
        }
        // members; the repository dissolves a household left with fewer than two members.
        // Last, with the version the person saw: changed meanwhile, everything above is rolled back.
        if (auto removedMember = m_members.remove(memberId, expectedVersion); !removedMember.ok())
            return removedMember;
        tables.insert(QStringLiteral("members"), 1);
        tables.insert(QStringLiteral("households"), m.householdId ? 1 : 0);
        counts = QJsonObject{{QStringLiteral("consent_events"), removed.value()},
                             {QStringLiteral("import_snapshots"), tables.value(QStringLiteral("import_changes"))},
                             {QStringLiteral("suppressed"), !hash.isEmpty() && (erase || withdrew)}};
        QJsonObject logged = counts;
        for (auto it = tables.constBegin(); it != tables.constEnd(); ++it)
            logged.insert(QStringLiteral("rows_") + it.key(), it.value());
        return m_audit.append(erase ? QStringLiteral("member.erase") : QStringLiteral("member.delete"), memberId,
                              logged);
    });
    if (!r.ok())
        return r.error();
    counts.insert(QStringLiteral("tables"), tables);
    // Deleted content is overwritten as it is freed (secure_delete, on every connection); a file from before
    // that was switched on is rebuilt once; and the write-ahead log, which still holds the old pages, is
    // emptied. Another program reading at this very moment can keep it alive: said, not hidden.
    // "rewritten": false when the rewrite could not run (on a server, a volunteer's login is not the owner).
    if (rewrite == Rewrite::Later)
        return counts;
    bool rewritten = true;
    if (m_database.needsVacuumForErasure())
        rewritten = m_database.vacuum().ok();
    counts.insert(QStringLiteral("rewritten"), rewritten);
    counts.insert(QStringLiteral("wal_cleared"), m_database.clearWriteAheadLog());
    return counts;
}

Result<void> MemberPrivacy::rewriteAfterRemovals(bool *rewritten)
{
    bool done = true;
    if (m_database.needsVacuumForErasure())
        done = m_database.vacuum().ok();
    if (rewritten)
        *rewritten = done;
    m_database.clearWriteAheadLog();
    return {};
}

} // namespace Consent
