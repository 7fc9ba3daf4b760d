#include "ConsentService.h"

#include "ConsentRules.h"
#include "core/Clock.h"
#include "core/EmailAddress.h"
#include "storage/AuditLog.h"
#include "storage/BulkRows.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

using Core::Error;
using Core::Member;
using Core::Result;

namespace Consent {

namespace {

Error invalid(const QString &message, const QString &field = {})
{
    return Error::make(Error::Code::Invalid, message, field);
}

} // namespace

QString suppressionKey(const QString &email)
{
    const Core::EmailCheck check = Core::EmailAddress::check(email, false);
    if (!check.valid)
        return {};
    return Core::EmailAddress::key(check.normalized);
}

QByteArray suppressionHash(const QString &email)
{
    const QString key = suppressionKey(email);
    return key.isEmpty() ? QByteArray() : ConsentLedger::addressHash(key);
}

ConsentService::ConsentService(Storage::Database &database, Storage::MemberRepository &members,
                               Storage::AuditLog &audit, Storage::SettingsRepository &settings,
                               const Core::Clock &clock)
    : m_database(database), m_members(members), m_audit(audit), m_settings(settings), m_clock(clock),
      m_ledger(database), m_statuses(database)
{}

Result<QList<Purpose>> ConsentService::purposes() const
{
    return m_ledger.purposes();
}

Result<Purpose> ConsentService::purpose(const QString &key) const
{
    auto all = m_ledger.purposes();
    if (!all.ok())
        return all.error();
    QStringList keys;
    for (const Purpose &p : all.value()) {
        if (p.key == key)
            return p;
        keys.append(p.key);
    }
    return Error::make(
        Error::Code::NotFound,
        QCoreApplication::translate("Consent::ConsentService", "There is no purpose \"%1\". Purposes: %2.")
            .arg(key, keys.join(QStringLiteral(", "))),
        QStringLiteral("purpose"));
}

Result<Purpose> ConsentService::addPurpose(const QString &key, const QString &label, Basis basisCanada, Basis basisEu)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_-]{0,39}$"));
    if (!pattern.match(key).hasMatch())
        return invalid(QCoreApplication::translate(
                           "Consent::ConsentService",
                           "A purpose key is made of lower-case letters, digits, \"-\" and \"_\", starting with a "
                           "letter (for example \"events\")."),
                       QStringLiteral("key"));
    if (label.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("Consent::ConsentService", "The purpose needs a label."),
                       QStringLiteral("label"));
    if (basisCanada == Basis::Implied || basisEu == Basis::Implied)
        return invalid(
            QCoreApplication::translate("Consent::ConsentService",
                                        "A default basis cannot be implied with an expiry date: it has no date."),
            QStringLiteral("basis"));
    if (purpose(key).ok())
        return Error::make(
            Error::Code::Conflict,
            QCoreApplication::translate("Consent::ConsentService", "The purpose \"%1\" already exists.").arg(key),
            QStringLiteral("key"));
    Purpose p{key, label.trimmed(), false, basisCanada, basisEu};
    if (auto r = m_database.write([&] { return m_ledger.addPurpose(p, m_clock.now()); }); !r.ok())
        return r.error();
    return p;
}

Result<Organisation> ConsentService::organisation() const
{
    return Organisation::load(m_settings);
}

Result<void> ConsentService::setOrganisation(const Organisation &organisation)
{
    if (auto r = Organisation::validate(organisation); !r.ok())
        return r;
    return m_database.write([&] { return Organisation::save(m_settings, organisation); });
}

Result<Jurisdiction> ConsentService::jurisdiction() const
{
    auto o = organisation();
    if (!o.ok())
        return o.error();
    return o.value().jurisdiction;
}

Result<Event> ConsentService::prepareGrant(const GrantRequest &request, const Purpose &purpose) const
{
    const QDate today = m_clock.today();
    Event e;
    e.purpose = purpose.key;
    e.action = Action::Grant;
    e.basis = request.basis;
    e.occurredOn = request.date.isValid() ? request.date : today;
    if (e.occurredOn > today)
        return invalid(
            QCoreApplication::translate("Consent::ConsentService", "The date of the consent cannot be in the future."),
            QStringLiteral("date"));
    if (request.basis == Basis::Implied) {
        if (!request.expires.isValid())
            return invalid(
                QCoreApplication::translate("Consent::ConsentService", "Implied consent needs its expiry date."),
                QStringLiteral("expires"));
        if (request.expires < e.occurredOn)
            return invalid(QCoreApplication::translate("Consent::ConsentService",
                                                       "The expiry date comes before the date of the consent."),
                           QStringLiteral("expires"));
        e.expiresOn = request.expires;
    } else if (request.expires.isValid()) {
        return invalid(QCoreApplication::translate(
                           "Consent::ConsentService",
                           "Only implied consent has an expiry date; express consent lasts until withdrawn."),
                       QStringLiteral("expires"));
    }
    e.source = request.source.trimmed();
    if (e.source.isEmpty())
        return invalid(
            QCoreApplication::translate("Consent::ConsentService",
                                        "Say where the consent comes from (paper form, general assembly, phone…)."),
            QStringLiteral("source"));
    e.wording = request.wording.trimmed();
    e.evidenceNote = request.evidenceNote.trimmed();
    e.recordedBy = request.recordedBy.trimmed().isEmpty() ? m_database.access().login : request.recordedBy.trimmed();
    e.recordedAt = m_clock.now();
    e.importBatchId = request.importBatchId;
    return e;
}

namespace {

// Reads an evidence file, refusing what cannot be kept.
Result<QByteArray> readEvidence(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Consent::ConsentService", "Cannot read the evidence file %1.").arg(path),
            QStringLiteral("evidence"));
    if (file.size() > ConsentService::kMaxEvidenceBytes)
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Consent::ConsentService",
                                        "The evidence file %1 is larger than 25 MB; keep a smaller scan.")
                .arg(info.fileName()),
            QStringLiteral("evidence"));
    return file.readAll();
}

} // namespace

Result<Event> ConsentService::record(qint64 memberId, const GrantRequest &request)
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    auto p = purpose(request.purpose);
    if (!p.ok())
        return p.error();
    auto prepared = prepareGrant(request, p.value());
    if (!prepared.ok())
        return prepared.error();
    Event e = std::move(prepared).value();
    e.memberId = memberId;
    QByteArray evidence;
    if (!request.evidenceFile.isEmpty()) {
        auto read = readEvidence(request.evidenceFile);
        if (!read.ok())
            return read.error();
        evidence = std::move(read).value();
        e.evidenceName = QFileInfo(request.evidenceFile).fileName();
    }

    const QByteArray hash = suppressionHash(member.value().email);
    auto suppressed = hash.isEmpty() ? Result<bool>(false) : m_ledger.isSuppressed(hash);
    if (!suppressed.ok())
        return suppressed.error();
    const bool explicitExpress = e.basis == Basis::Express && request.importSource.isEmpty();
    if (suppressed.value() && !explicitExpress)
        return Error::make(
            Error::Code::Conflict,
            QCoreApplication::translate("Consent::ConsentService",
                                        "%1's address is on the suppression list: only a new express consent, recorded "
                                        "explicitly, can allow it again.")
                .arg(member.value().displayName()),
            QStringLiteral("email"));

    auto r = m_database.write([&]() -> Result<void> {
        if (!evidence.isEmpty() || !e.evidenceName.isEmpty()) {
            auto sha = m_ledger.storeEvidence(e.evidenceName, evidence, m_clock.now());
            if (!sha.ok())
                return sha.error();
            e.evidenceSha256 = sha.value();
        }
        auto id = m_ledger.append(e);
        if (!id.ok())
            return id.error();
        e.id = id.value();
        if (suppressed.value()) {
            if (auto lifted = m_ledger.unsuppress(suppressionKey(member.value().email)); !lifted.ok())
                return lifted.error();
            if (auto a = m_audit.append(QStringLiteral("suppression.lift"), memberId,
                                        {{QStringLiteral("event"), e.id}, {QStringLiteral("purpose"), e.purpose}},
                                        e.recordedBy);
                !a.ok())
                return a;
        }
        return m_audit.append(QStringLiteral("consent.grant"), memberId,
                              {{QStringLiteral("event"), e.id},
                               {QStringLiteral("purpose"), e.purpose},
                               {QStringLiteral("basis"), basisKey(*e.basis)},
                               {QStringLiteral("source"), e.source}},
                              e.recordedBy);
    });
    if (!r.ok())
        return r.error();
    return e;
}

Result<BulkResult> ConsentService::recordMany(const std::vector<qint64> &memberIds, const GrantRequest &request,
                                              const std::function<bool(int)> &progress)
{
    auto p = purpose(request.purpose);
    if (!p.ok())
        return p.error();
    auto prepared = prepareGrant(request, p.value());
    if (!prepared.ok())
        return prepared.error();
    const Event templateEvent = std::move(prepared).value();
    QByteArray evidence;
    QString evidenceName;
    if (!request.evidenceFile.isEmpty()) {
        auto read = readEvidence(request.evidenceFile);
        if (!read.ok())
            return read.error();
        evidence = std::move(read).value();
        evidenceName = QFileInfo(request.evidenceFile).fileName();
    }
    auto suppressedSet = m_ledger.suppressedHashes();
    if (!suppressedSet.ok())
        return suppressedSet.error();

    BulkResult result;
    auto r = m_database.write([&]() -> Result<void> {
        QString sha;
        if (!evidenceName.isEmpty()) {
            auto stored = m_ledger.storeEvidence(evidenceName, evidence, m_clock.now());
            if (!stored.ok())
                return stored.error();
            sha = stored.value();
        }
        size_t done = 0;
        auto added = m_members.fetchInChunks(
            memberIds, [&](const std::vector<qint64> &chunk, const QList<Member> &members) -> Result<void> {
                for (const Member &m : members) {
                    // In bulk, a suppressed address is skipped: lifting a suppression is a decision per person.
                    const QByteArray hash = suppressionHash(m.email);
                    if (!hash.isEmpty() && suppressedSet.value().contains(hash)) {
                        ++result.suppressed;
                        continue;
                    }
                    Event e = templateEvent;
                    e.memberId = m.id;
                    e.evidenceName = evidenceName;
                    e.evidenceSha256 = sha;
                    if (auto id = m_ledger.append(e); !id.ok())
                        return id.error();
                    ++result.recorded;
                }
                done += chunk.size();
                if (progress && !progress(int(done)))
                    return Error::make(
                        Error::Code::Cancelled,
                        QCoreApplication::translate("Consent::ConsentService", "Cancelled: nothing was recorded."));
                return {};
            });
        if (!added.ok())
            return added;
        return m_audit.append(QStringLiteral("consent.bulk-grant"), 0,
                              {{QStringLiteral("purpose"), templateEvent.purpose},
                               {QStringLiteral("basis"), basisKey(*templateEvent.basis)},
                               {QStringLiteral("source"), templateEvent.source},
                               {QStringLiteral("members"), result.recorded},
                               {QStringLiteral("skipped_suppressed"), result.suppressed}},
                              templateEvent.recordedBy);
    });
    if (!r.ok())
        return r.error();
    return result;
}

Result<QList<Event>> ConsentService::withdraw(qint64 memberId, const WithdrawRequest &request)
{
    auto member = m_members.find(memberId);
    if (!member.ok())
        return member.error();
    auto all = purposes();
    if (!all.ok())
        return all.error();
    QStringList keys = request.purposes;
    const bool everything = keys.isEmpty();
    if (everything) {
        for (const Purpose &p : all.value())
            keys.append(p.key);
    } else {
        for (const QString &key : std::as_const(keys)) {
            if (auto p = purpose(key); !p.ok())
                return p.error();
        }
    }
    const QDate today = m_clock.today();
    const QDate date = request.date.isValid() ? request.date : today;
    if (date > today)
        return invalid(QCoreApplication::translate("Consent::ConsentService",
                                                   "The date of the withdrawal cannot be in the future."),
                       QStringLiteral("date"));
    if (request.source.trimmed().isEmpty())
        return invalid(
            QCoreApplication::translate("Consent::ConsentService",
                                        "Say how the withdrawal came (unsubscribe link, email reply, phone, letter…)."),
            QStringLiteral("source"));
    const QString recordedBy =
        request.recordedBy.trimmed().isEmpty() ? m_database.access().login : request.recordedBy.trimmed();

    QList<Event> written;
    auto r = m_database.write([&]() -> Result<void> {
        for (const QString &key : std::as_const(keys)) {
            Event e;
            e.memberId = memberId;
            e.purpose = key;
            e.action = Action::Withdraw;
            e.occurredOn = date;
            e.recordedAt = m_clock.now();
            e.source = request.source.trimmed();
            e.wording = request.wording.trimmed();
            e.evidenceNote = request.evidenceNote.trimmed();
            e.recordedBy = recordedBy;
            e.importBatchId = request.importBatchId;
            auto id = m_ledger.append(e);
            if (!id.ok())
                return id.error();
            e.id = id.value();
            written.append(e);
        }
        if (everything) {
            if (auto s =
                    m_ledger.suppress(suppressionKey(member.value().email), QStringLiteral("withdrawn"), m_clock.now());
                !s.ok())
                return s;
        }
        return m_audit.append(QStringLiteral("consent.withdraw"), memberId,
                              {{QStringLiteral("purposes"), QJsonArray::fromStringList(keys)},
                               {QStringLiteral("all"), everything},
                               {QStringLiteral("source"), request.source.trimmed()}},
                              recordedBy);
    });
    if (!r.ok())
        return r.error();
    return written;
}

Result<bool> ConsentService::suppressAddress(const QString &email, const QString &reason, qint64 memberId)
{
    const QByteArray hash = suppressionHash(email);
    if (hash.isEmpty())
        return false;
    auto already = m_ledger.isSuppressed(hash);
    if (!already.ok())
        return already.error();
    if (already.value())
        return false;
    auto r = m_database.write([&]() -> Result<void> {
        if (auto s = m_ledger.suppress(suppressionKey(email), reason, m_clock.now()); !s.ok())
            return s;
        return m_audit.append(QStringLiteral("consent.suppress"), memberId, {{QStringLiteral("reason"), reason}});
    });
    if (!r.ok())
        return r.error();
    return true;
}

Result<void> ConsentService::undoMailboxAction(qint64 memberId, const QList<qint64> &eventIds, const QString &email,
                                               bool unsuppress, const QString &who)
{
    return m_database.write([&]() -> Result<void> {
        for (qint64 id : eventIds) {
            if (auto r = m_ledger.removeEvent(id); !r.ok())
                return r.error();
        }
        if (unsuppress) {
            if (auto r = m_ledger.unsuppress(suppressionKey(email)); !r.ok())
                return r.error();
        }
        return m_audit.append(
            QStringLiteral("consent.undo_mailbox"), memberId,
            {{QStringLiteral("events"), qint64(eventIds.size())}, {QStringLiteral("unsuppressed"), unsuppress}}, who);
    });
}

Result<QList<Event>> ConsentService::history(qint64 memberId) const
{
    if (auto m = m_members.find(memberId); !m.ok())
        return m.error();
    auto events = m_ledger.events(memberId);
    if (!events.ok())
        return events.error();
    QList<Event> sorted = std::move(events).value();
    std::stable_sort(sorted.begin(), sorted.end(), [](const Event &a, const Event &b) {
        if (a.occurredOn != b.occurredOn)
            return a.occurredOn < b.occurredOn;
        return a.id < b.id;
    });
    return sorted;
}

Result<StatusStore::Verification> ConsentService::verifyStatuses(bool repair)
{
    if (!repair)
        return m_statuses.verify(false);
    StatusStore::Verification checked;
    auto r = m_database.write([&]() -> Result<void> {
        auto v = m_statuses.verify(true);
        if (!v.ok())
            return v.error();
        checked = v.value();
        if (checked.repaired == 0)
            return {};
        return m_audit.append(QStringLiteral("consent.status_repair"), 0,
                              {{QStringLiteral("members"), checked.repaired},
                               {QStringLiteral("missing_rows"), checked.missingRows},
                               {QStringLiteral("extra_rows"), checked.extraRows}});
    });
    if (!r.ok())
        return r.error();
    return checked;
}

} // namespace Consent
