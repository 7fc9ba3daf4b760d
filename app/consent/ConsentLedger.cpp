#include "ConsentLedger.h"

#include "storage/Database.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

using Core::Result;
using Storage::exec;

namespace Consent {

namespace {

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant nullableDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

const QString kEventColumns = QStringLiteral(
    "id, member_id, purpose, action, basis, occurred_on, expires_on, recorded_at, source, wording, evidence_note, "
    "evidence_sha256, evidence_name, recorded_by, import_batch_id");

Event eventFromRow(const QSqlQuery &q)
{
    Event e;
    e.id = q.value(0).toLongLong();
    e.memberId = q.value(1).toLongLong();
    e.purpose = q.value(2).toString();
    e.action = q.value(3).toString() == QLatin1String("withdraw") ? Action::Withdraw : Action::Grant;
    e.basis = basisFromKey(q.value(4).toString());
    e.occurredOn = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    e.expiresOn = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    e.recordedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODate);
    e.source = q.value(8).toString();
    e.wording = q.value(9).toString();
    e.evidenceNote = q.value(10).toString();
    e.evidenceSha256 = q.value(11).toString();
    e.evidenceName = q.value(12).toString();
    e.recordedBy = q.value(13).toString();
    e.importBatchId = q.value(14).toLongLong();
    return e;
}

} // namespace

Result<QList<Purpose>> ConsentLedger::purposes() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT key, label, builtin, default_basis_ca, default_basis_eu FROM purposes "
                             "ORDER BY position, created_at, key"));
    if (auto r = exec(q, QStringLiteral("purposes")); !r.ok())
        return r.error();
    QList<Purpose> out;
    while (q.next()) {
        Purpose p;
        p.key = q.value(0).toString();
        p.label = q.value(1).toString();
        p.builtin = q.value(2).toBool();
        p.defaultBasisCanada = basisFromKey(q.value(3).toString()).value_or(Basis::Express);
        p.defaultBasisEu = basisFromKey(q.value(4).toString()).value_or(Basis::Express);
        out.append(p);
    }
    return out;
}

Result<void> ConsentLedger::addPurpose(const Purpose &purpose, const QDateTime &now)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO purposes (key, label, builtin, default_basis_ca, default_basis_eu, position, "
                             "created_at) VALUES (?, ?, 0, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM "
                             "purposes), ?)"));
    q.addBindValue(purpose.key);
    q.addBindValue(purpose.label);
    q.addBindValue(basisKey(purpose.defaultBasisCanada));
    q.addBindValue(basisKey(purpose.defaultBasisEu));
    q.addBindValue(now.toUTC().toString(Qt::ISODate));
    return exec(q, QStringLiteral("add purpose"));
}

Result<qint64> ConsentLedger::append(const Event &e)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("INSERT INTO consent_events (member_id, purpose, action, basis, occurred_on, expires_on, "
                       "recorded_at, source, wording, evidence_note, evidence_sha256, evidence_name, "
                       "recorded_by, import_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(e.memberId);
    q.addBindValue(e.purpose);
    q.addBindValue(e.action == Action::Grant ? QStringLiteral("grant") : QStringLiteral("withdraw"));
    q.addBindValue(e.basis ? QVariant(basisKey(*e.basis)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(e.occurredOn.toString(Qt::ISODate));
    q.addBindValue(nullableDate(e.expiresOn));
    q.addBindValue(e.recordedAt.toUTC().toString(Qt::ISODate));
    q.addBindValue(e.source);
    q.addBindValue(nullable(e.wording));
    q.addBindValue(nullable(e.evidenceNote));
    q.addBindValue(nullable(e.evidenceSha256));
    q.addBindValue(nullable(e.evidenceName));
    q.addBindValue(nullable(e.recordedBy));
    q.addBindValue(e.importBatchId ? QVariant(e.importBatchId) : QVariant(QMetaType(QMetaType::LongLong)));
    if (auto r = exec(q, QStringLiteral("consent event")); !r.ok())
        return r.error();
    return Storage::returnedId(q);
}

Result<QList<Event>> ConsentLedger::events(qint64 memberId) const
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(QStringLiteral("SELECT %1 FROM consent_events WHERE member_id = ? ORDER BY id").arg(kEventColumns));
    q.addBindValue(memberId);
    if (auto r = exec(q, QStringLiteral("consent history")); !r.ok())
        return r.error();
    QList<Event> out;
    while (q.next())
        out.append(eventFromRow(q));
    return out;
}

Result<QHash<qint64, QList<Event>>> ConsentLedger::eventsByMember(const QString &purpose,
                                                                  const QList<qint64> &memberIds) const
{
    QHash<qint64, QList<Event>> out;
    if (memberIds.isEmpty()) {
        auto r = forEachEvent(purpose, [&out](const Event &e) { out[e.memberId].append(e); });
        if (!r.ok())
            return r.error();
        return out;
    }
    // Ids are integers: a literal list is safe and lets SQLite use the index.
    constexpr qsizetype kChunk = 500;
    for (qsizetype start = 0; start < memberIds.size(); start += kChunk) {
        QStringList ids;
        for (qint64 id : memberIds.mid(start, kChunk))
            ids.append(QString::number(id));
        QSqlQuery q(m_database.connection());
        Storage::streamRows(q);
        q.prepare(QStringLiteral("SELECT %1 FROM consent_events WHERE %2 member_id IN (%3) ORDER BY id")
                      .arg(kEventColumns, purpose.isEmpty() ? QString() : QStringLiteral("purpose = ? AND"),
                           ids.join(QLatin1Char(','))));
        if (!purpose.isEmpty())
            q.addBindValue(purpose);
        if (auto r = exec(q, QStringLiteral("consent events")); !r.ok())
            return r.error();
        while (q.next()) {
            Event e = eventFromRow(q);
            out[e.memberId].append(std::move(e));
        }
    }
    return out;
}

Result<void> ConsentLedger::forEachEvent(const QString &purpose, const std::function<void(const Event &)> &visit) const
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(
        QStringLiteral("SELECT %1 FROM consent_events WHERE purpose = ? ORDER BY member_id, id").arg(kEventColumns));
    q.addBindValue(purpose);
    if (auto r = exec(q, QStringLiteral("consent events")); !r.ok())
        return r;
    while (q.next())
        visit(eventFromRow(q));
    return {};
}

struct ConsentLedger::Stream::Private
{
    QSqlQuery query;
    QString purpose;
    bool pending = false; // query holds a row not yet handed out
};

ConsentLedger::Stream::Stream(const ConsentLedger &ledger, const QString &purpose) : d(std::make_unique<Private>())
{
    d->query = QSqlQuery(ledger.m_database.connection());
    Storage::streamRows(d->query);
    d->purpose = purpose;
}

ConsentLedger::Stream::~Stream() = default;

Result<void> ConsentLedger::Stream::start()
{
    d->query.prepare(
        QStringLiteral("SELECT %1 FROM consent_events WHERE purpose = ? ORDER BY member_id, id").arg(kEventColumns));
    d->query.addBindValue(d->purpose);
    if (auto r = exec(d->query, QStringLiteral("consent events")); !r.ok())
        return r;
    d->pending = d->query.next();
    return {};
}

QList<Event> ConsentLedger::Stream::takeFor(qint64 memberId)
{
    QList<Event> out;
    while (d->pending) {
        const qint64 id = d->query.value(1).toLongLong();
        if (id > memberId)
            break;
        if (id == memberId)
            out.append(eventFromRow(d->query));
        d->pending = d->query.next();
    }
    return out;
}

Result<int> ConsentLedger::removeBatchEvents(qint64 batchId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM consent_events WHERE import_batch_id = ?"));
    q.addBindValue(batchId);
    if (auto r = exec(q, QStringLiteral("undo consent events")); !r.ok())
        return r.error();
    return q.numRowsAffected();
}

Result<int> ConsentLedger::removeMemberEvents(qint64 memberId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM consent_events WHERE member_id = ?"));
    q.addBindValue(memberId);
    if (auto r = exec(q, QStringLiteral("erase consent events")); !r.ok())
        return r.error();
    return q.numRowsAffected();
}

Result<int> ConsentLedger::removeEvent(qint64 eventId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM consent_events WHERE id = ?"));
    q.addBindValue(eventId);
    if (auto r = exec(q, QStringLiteral("undo consent event")); !r.ok())
        return r.error();
    return q.numRowsAffected();
}

Result<QString> ConsentLedger::storeEvidence(const QString &fileName, const QByteArray &content, const QDateTime &now)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO consent_evidence (sha256, file_name, content, stored_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (sha256) DO NOTHING"));
    q.addBindValue(sha);
    q.addBindValue(fileName);
    q.addBindValue(content);
    q.addBindValue(now.toUTC().toString(Qt::ISODate));
    if (auto r = exec(q, QStringLiteral("store evidence")); !r.ok())
        return r.error();
    return sha;
}

Result<QByteArray> ConsentLedger::evidence(const QString &sha256) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT content FROM consent_evidence WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (auto r = exec(q, QStringLiteral("evidence")); !r.ok())
        return r.error();
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

QByteArray ConsentLedger::addressHash(const QString &emailKey)
{
    return QCryptographicHash::hash(emailKey.toUtf8(), QCryptographicHash::Sha256).toHex();
}

Result<bool> ConsentLedger::isSuppressed(const QByteArray &hash) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM suppressions WHERE address_sha256 = ?"));
    q.addBindValue(QString::fromLatin1(hash));
    if (auto r = exec(q, QStringLiteral("suppression")); !r.ok())
        return r.error();
    return q.next();
}

Result<QSet<QByteArray>> ConsentLedger::suppressedHashes() const
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(QStringLiteral("SELECT address_sha256 FROM suppressions"));
    if (auto r = exec(q, QStringLiteral("suppressions")); !r.ok())
        return r.error();
    QSet<QByteArray> out;
    while (q.next())
        out.insert(q.value(0).toString().toLatin1());
    return out;
}

Result<void> ConsentLedger::suppress(const QString &emailKey, const QString &reason, const QDateTime &now)
{
    if (emailKey.isEmpty())
        return {};
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO suppressions (address_sha256, reason, created_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (address_sha256) DO NOTHING"));
    q.addBindValue(QString::fromLatin1(addressHash(emailKey)));
    q.addBindValue(reason);
    q.addBindValue(now.toUTC().toString(Qt::ISODate));
    if (auto r = exec(q, QStringLiteral("suppress")); !r.ok())
        return r;
    return markAddress(emailKey);
}

Result<bool> ConsentLedger::unsuppress(const QString &emailKey)
{
    if (emailKey.isEmpty())
        return false;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM suppressions WHERE address_sha256 = ?"));
    q.addBindValue(QString::fromLatin1(addressHash(emailKey)));
    if (auto r = exec(q, QStringLiteral("lift suppression")); !r.ok())
        return r.error();
    const bool lifted = q.numRowsAffected() > 0;
    if (auto r = markAddress(emailKey); !r.ok())
        return r.error();
    return lifted;
}

// The list holds digests: the members who have the address are found by its key and marked, for the status
// store to work out whether they are suppressed (in the same transaction).
Result<void> ConsentLedger::markAddress(const QString &emailKey)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("INSERT INTO consent_status_pending (member_id) SELECT id FROM members WHERE email_key = ? "
                       "ON CONFLICT (member_id) DO NOTHING"));
    q.addBindValue(emailKey);
    return exec(q, QStringLiteral("suppress"));
}

} // namespace Consent
