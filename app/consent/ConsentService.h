#pragma once

#include "Consent.h"
#include "ConsentLedger.h"
#include "Organisation.h"
#include "StatusStore.h"
#include "core/Member.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>

#include <functional>
#include <optional>
#include <vector>

namespace Core {
class Clock;
}

namespace Storage {
class AuditLog;
class Database;
class MemberRepository;
class SettingsRepository;
} // namespace Storage

namespace Consent {

// What stands between an address and any mailing, whatever the consent: the suppression list (hashed)
// and the addresses the mailbox found undeliverable (by address key).
struct AddressBlocks
{
    QSet<QByteArray> suppressed;
    QSet<QString> undeliverable;
};

// "I record that this member agreed": what the Record consent dialog, the CLI and the importer fill in.
struct GrantRequest
{
    QString purpose;
    Basis basis = Basis::Express;
    QDate date;    // the date on the form; null: today
    QDate expires; // Basis::Implied only, required there
    QString source;
    QString wording;
    QString evidenceNote;
    QString evidenceFile; // a scan or an email to keep with the event
    QString recordedBy;   // empty: the operating-system user
    qint64 importBatchId = 0;
    QString importSource; // set by the importer: a file never lifts a suppression
};

struct WithdrawRequest
{
    QStringList purposes; // empty: every purpose (the address goes on the suppression list)
    QDate date;           // null: today
    QString source;
    QString wording;
    QString evidenceNote;
    QString recordedBy;
    qint64 importBatchId = 0;
};

// Who may receive a message for a purpose, out of a set of members, now.
struct Eligibility
{
    std::vector<qint64> eligible;
    QMap<Reason, std::vector<qint64>> excluded; // by reason: no consent, expired, withdrawn, suppressed…
    qint64 excludedCount(Reason reason) const { return qint64(excluded.value(reason).size()); }
    QJsonObject excludedJson() const; // every reason key with its count
};

// The three selections of the side panel, per purpose.
enum class ConsentSelection { Missing, Expiring, Withdrawn };

// Counts of the side panel's selections for one purpose.
struct SelectionTally
{
    qint64 missing = 0;
    qint64 expiring = 0;
    qint64 withdrawn = 0;
};

// One purpose's bar of the consent coverage chart: how many may receive its messages, how many may not and why.
struct PurposeCoverage
{
    Purpose purpose;
    qint64 eligible = 0;
    QMap<Reason, qint64> excluded;
};

// A consent state as a condition on the `members` table (named so: no alias), for a query to add to its
// own: the text holds only placeholders for the bound values.
struct SqlCondition
{
    QString sql;
    QVariantList bindings;
};

struct BulkResult
{
    int recorded = 0;
    int suppressed = 0; // skipped: on the suppression list and the grant is not express
};

// The consent rules applied to the database: recording, withdrawal, status, eligibility (the access
// export and erasure are MemberPrivacy's). The only road to a recipient: every list of addresses for mailing is asked
// here.
class ConsentService
{
public:
    static constexpr int kExpiringDays = 60;
    static constexpr qint64 kMaxEvidenceBytes = 25 * 1024 * 1024;

    ConsentService(Storage::Database &database, Storage::MemberRepository &members, Storage::AuditLog &audit,
                   Storage::SettingsRepository &settings, const Core::Clock &clock);

    Core::Result<QList<Purpose>> purposes() const;
    Core::Result<Purpose> purpose(const QString &key) const; // NotFound names the known keys
    Core::Result<Purpose> addPurpose(const QString &key, const QString &label, Basis basisCanada = Basis::Express,
                                     Basis basisEu = Basis::Express);

    Core::Result<Organisation> organisation() const;
    Core::Result<void> setOrganisation(const Organisation &organisation);

    Core::Result<Event> record(qint64 memberId, const GrantRequest &request);
    Core::Result<BulkResult> recordMany(const std::vector<qint64> &memberIds, const GrantRequest &request,
                                        const std::function<bool(int done)> &progress = {});
    Core::Result<QList<Event>> withdraw(qint64 memberId, const WithdrawRequest &request);
    Core::Result<QList<Event>> history(qint64 memberId) const;

    // Status of one member for every purpose (in the purposes' order), at `at` (null: today).
    Core::Result<QList<QPair<Purpose, Status>>> status(const Core::Member &member, QDate at = {}) const;
    // Statuses of many members for one purpose (the table's consent columns, a page at a time).
    Core::Result<QHash<qint64, Status>> statuses(const QList<Core::Member> &members, const Purpose &purpose,
                                                 QDate at = {}) const;
    // Out of `among` (empty: every member), who may receive a message for `purpose` at `at`.
    Core::Result<Eligibility> eligible(const QString &purpose, const std::vector<qint64> &among = {},
                                       QDate at = {}) const;
    // Members of a side-panel selection, in id order.
    Core::Result<std::vector<qint64>> select(const QString &purpose, ConsentSelection selection, QDate at = {}) const;

    // The members in a consent state on `at` — "eligible", "not_eligible", "withdrawn" (the ledger's word,
    // whatever the address) or "expiring" (eligible by the ledger, ending within kExpiringDays) — as an SQL
    // condition read from the stored statuses (a report's filter, its live count); nullopt while some members'
    // statuses are still to be worked out (the caller then asks eligible() or select()). The condition is never
    // NULL: NOT gives its complement.
    Core::Result<std::optional<SqlCondition>> condition(const QString &purpose, const QString &state,
                                                        QDate at = {}) const;

    // The three counts in one pass over the members (for the side panel, on a worker thread).
    Core::Result<SelectionTally> tally(const QString &purpose, QDate at = {}) const;
    // Every purpose's coverage, counted as eligible() decides (for the chart, on a worker thread).
    Core::Result<QList<PurposeCoverage>> coverage(QDate at = {}) const;
    // The same in two halves of the members at once, the upper one on a connection and thread of its own
    // (coverage() does so from Storage::kSplitCountFrom ids); nullopt when the file has fewer ids than
    // `splitFrom`, is a server, is inside a write, or changed meanwhile (PRAGMA data_version read before and
    // after): then one pass.
    std::optional<Core::Result<QList<PurposeCoverage>>> coverageInHalves(QDate at, qint64 splitFrom) const;

    Core::Result<QByteArray> evidence(const QString &sha256) const { return m_ledger.evidence(sha256); }
    Core::Result<bool> isSuppressed(const QString &email) const;
    // The address on the suppression list (a complaint; `reason` as the list allows: "withdrawn"); false when it
    // was there already.
    Core::Result<bool> suppressAddress(const QString &email, const QString &reason, qint64 memberId);
    // The undo of what the mailbox did: these events out of the ledger, the address off the list
    // (when `unsuppress`), audited.
    Core::Result<void> undoMailboxAction(qint64 memberId, const QList<qint64> &eventIds, const QString &email,
                                         bool unsuppress, const QString &who);

    ConsentLedger &ledger() { return m_ledger; }
    // The statuses kept beside the ledger: settled at each commit of this service's database.
    StatusStore &statuses() { return m_statuses; }
    // Every stored status recomputed from the ledger and compared (`consent verify`); `repair` writes the
    // members that differ again, audited.
    Core::Result<StatusStore::Verification> verifyStatuses(bool repair);

private:
    // The purpose asked about, and `at` made today when it was not given (every answer's first step).
    Core::Result<Purpose> purposeOn(const QString &purposeKey, QDate *at) const;
    Core::Result<Jurisdiction> jurisdiction() const;
    Core::Result<AddressBlocks> addressBlocks() const;
    Core::Result<Event> prepareGrant(const GrantRequest &request, const Purpose &purpose) const;
    // With StatusDetail::Verdict the status visited holds eligible and reason only (no dates, no basis).
    Core::Result<void> scan(const Purpose &purpose, QDate at, const std::vector<qint64> &among,
                            const std::function<void(qint64, Reason, const Status &)> &visit,
                            StatusDetail detail = StatusDetail::Whole) const;
    // The same for several purposes in one pass over the members: visit(purpose's index, id, reason, status).
    Core::Result<void> scan(const QList<Purpose> &purposes, QDate at, const std::vector<qint64> &among,
                            const std::function<void(int, qint64, Reason, const Status &)> &visit, IdRange range = {},
                            StatusDetail detail = StatusDetail::Whole) const;
    // The chart's counts for the members of `range`.
    Core::Result<QList<PurposeCoverage>> coverageOf(QDate at, IdRange range) const;

    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    Storage::AuditLog &m_audit;
    Storage::SettingsRepository &m_settings;
    const Core::Clock &m_clock;
    ConsentLedger m_ledger;
    StatusStore m_statuses;
};

// The service's view of an address: its key on the suppression list, its hash there; empty when there is no
// usable address.
QString suppressionKey(const QString &email);
QByteArray suppressionHash(const QString &email);

} // namespace Consent
