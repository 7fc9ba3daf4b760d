// The consent service's answers: a member's status, who may receive a purpose's messages, the side panel's
// selections, a report's consent condition — read from the statuses kept beside the ledger (StatusStore), a
// member whose statuses are still to be worked out judged from the ledger itself.
#include "ConsentService.h"

#include "ConsentRules.h"
#include "core/Clock.h"
#include "core/EmailAddress.h"
#include "storage/AuditLog.h"
#include "storage/BulkRows.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"
#include "storage/SplitCount.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <array>

using Core::Error;
using Core::Member;
using Core::Result;

namespace Consent {

namespace {

struct MemberFacts
{
    qint64 id = 0;
    QString email;
    QString emailKey;
    Membership membership;
};

// The address checks that come before the ledger: no address, an address that cannot be mailed, an
// address on the suppression list.
std::optional<Reason> addressReason(const MemberFacts &m, const AddressBlocks &blocks)
{
    const QSet<QByteArray> &suppressed = blocks.suppressed;
    if (m.email.trimmed().isEmpty())
        return Reason::NoEmail;
    if (!Core::EmailAddress::check(m.email, false).valid)
        return Reason::InvalidEmail;
    if (!suppressed.isEmpty()) {
        const QString key = m.emailKey.isEmpty() ? Core::EmailAddress::key(m.email) : m.emailKey;
        if (suppressed.contains(ConsentLedger::addressHash(key)))
            return Reason::Suppressed;
    }
    if (!blocks.undeliverable.isEmpty()) {
        const QString key = m.emailKey.isEmpty() ? Core::EmailAddress::key(m.email) : m.emailKey;
        if (blocks.undeliverable.contains(key))
            return Reason::Undeliverable;
    }
    return std::nullopt;
}

// The address comes first, as in eligible(): no address, an unusable one, a suppressed one. The
// ledger's basis, dates and validity stay in the status for whoever reads the details.
void applyAddress(Status &s, std::optional<Reason> address)
{
    if (address) {
        s.eligible = false;
        s.reason = *address;
    }
}

// 20260912 for "2026-09-12", 0 for no date, -1 for text that is not an ISO date: a key for the date.
qint64 isoDateNumber(QByteArrayView text)
{
    if (text.isEmpty())
        return 0;
    if (text.size() != 10 || text.at(4) != '-' || text.at(7) != '-')
        return -1;
    qint64 n = 0;
    for (int i = 0; i < 10; ++i) {
        if (i == 4 || i == 7)
            continue;
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

MemberFacts factsOf(const Member &m)
{
    return MemberFacts{m.id, m.email, Core::EmailAddress::key(Core::EmailAddress::check(m.email, false).normalized),
                       Membership{m.membershipStart, m.membershipEnd}};
}

} // namespace

QJsonObject Eligibility::excludedJson() const
{
    QJsonObject out;
    for (Reason r : {Reason::NoConsent, Reason::Expired, Reason::Withdrawn, Reason::Suppressed, Reason::Undeliverable,
                     Reason::InvalidEmail, Reason::NoEmail})
        out.insert(reasonKey(r), excludedCount(r));
    return out;
}

Result<QList<QPair<Purpose, Status>>> ConsentService::status(const Member &member, QDate at) const
{
    if (!at.isValid())
        at = m_clock.today();
    auto all = purposes();
    auto j = jurisdiction();
    auto events = m_ledger.events(member.id);
    auto suppressed = addressBlocks();
    if (!all.ok() || !j.ok() || !events.ok() || !suppressed.ok())
        return !all.ok() ? all.error() : !j.ok() ? j.error() : !events.ok() ? events.error() : suppressed.error();
    const MemberFacts facts = factsOf(member);
    const std::optional<Reason> address = addressReason(facts, suppressed.value());
    QList<QPair<Purpose, Status>> out;
    for (const Purpose &p : all.value()) {
        QList<Event> mine;
        for (const Event &e : events.value()) {
            if (e.purpose == p.key)
                mine.append(e);
        }
        Status s = evaluate(mine, facts.membership, p.defaultBasis(j.value()), at);
        applyAddress(s, address);
        out.append({p, s});
    }
    return out;
}

Result<QHash<qint64, Status>> ConsentService::statuses(const QList<Member> &members, const Purpose &purpose,
                                                       QDate at) const
{
    if (!at.isValid())
        at = m_clock.today();
    auto j = jurisdiction();
    if (!j.ok())
        return j.error();
    auto suppressed = addressBlocks();
    if (!suppressed.ok())
        return suppressed.error();
    QList<qint64> ids;
    for (const Member &m : members)
        ids.append(m.id);
    auto stored = m_statuses.on(purpose.key, at, ids);
    if (!stored.ok())
        return stored.error();
    auto marked = m_statuses.pending();
    if (!marked.ok())
        return marked.error();
    QList<qint64> pending;
    for (qint64 id : std::as_const(ids)) {
        if (marked.value().contains(id))
            pending.append(id);
    }
    QHash<qint64, QList<Event>> events;
    if (!pending.isEmpty()) {
        auto read = m_ledger.eventsByMember(purpose.key, pending);
        if (!read.ok())
            return read.error();
        events = std::move(read).value();
    }
    const std::optional<Basis> defaultBasis = purpose.defaultBasis(j.value());
    QHash<qint64, Status> out;
    for (const Member &m : members) {
        const MemberFacts facts = factsOf(m);
        const auto found = stored.value().constFind(m.id);
        Status s = pending.contains(m.id) || found == stored.value().cend()
                       ? evaluate(events.value(m.id), facts.membership, defaultBasis, at)
                       : found.value();
        applyAddress(s, addressReason(facts, suppressed.value()));
        out.insert(m.id, s);
    }
    return out;
}

Result<void> ConsentService::scan(const Purpose &purpose, QDate at, const std::vector<qint64> &among,
                                  const std::function<void(qint64, Reason, const Status &)> &visit,
                                  StatusDetail detail) const
{
    return scan(
        QList<Purpose>{purpose}, at, among,
        [&visit](int, qint64 id, Reason reason, const Status &s) { visit(id, reason, s); }, {}, detail);
}

Result<void> ConsentService::scan(const QList<Purpose> &purposes, QDate at, const std::vector<qint64> &among,
                                  const std::function<void(int, qint64, Reason, const Status &)> &visit, IdRange range,
                                  StatusDetail detail) const
{
    auto j = jurisdiction();
    if (!j.ok())
        return j.error();
    auto suppressed = addressBlocks();
    if (!suppressed.ok())
        return suppressed.error();

    // The stored statuses answer for members with events; a member still pending (its statuses not yet
    // worked out again) is judged from the ledger; a member with no event by the default basis alone.
    auto marked = m_statuses.pending();
    if (!marked.ok())
        return marked.error();
    const QSet<qint64> &pending = marked.value();
    constexpr qint64 kJudgedSlots = 8191;
    struct PerPurpose
    {
        std::optional<Basis> defaultBasis;
        QHash<qint64, QList<Event>> pendingEvents;
        std::vector<std::pair<qint64, Status>> stored; // the whole pass only, in member order
        std::vector<std::pair<qint64, Status>>::const_iterator next;
        // A member with no event is judged by the default basis alone: how long it holds depends on the
        // membership's end only (the start is the grant's "since"), so a million members share the judgements
        // of a few thousand end dates.
        struct Judged
        {
            qint64 end = -1;
            Status status;
        };
        std::vector<Judged> judgedByEnd = std::vector<Judged>(size_t(kJudgedSlots));
        Status current;
        const Status &byDefault(QByteArrayView start, QByteArrayView end, const QDate &at)
        {
            const qint64 e = isoDateNumber(end);
            if (e < 0) { // not written as an ISO date: judged as it is
                current = evaluate({}, Membership{isoDate(start), isoDate(end)}, defaultBasis, at);
                return current;
            }
            // A slot per end date (yyyymmdd modulo a prime: the few thousand dates of a file rarely meet), the
            // judgement made again when another date took the slot.
            Judged &slot = judgedByEnd[size_t(e % kJudgedSlots)];
            if (slot.end != e) {
                slot.end = e;
                slot.status = evaluate({}, Membership{QDate(), isoDate(end)}, defaultBasis, at);
            }
            current = slot.status;
            if (!start.isNull())
                current.since = isoDate(start);
            return current;
        }
    };
    std::vector<PerPurpose> per(size_t(purposes.size()));
    for (qsizetype i = 0; i < purposes.size(); ++i) {
        per[size_t(i)].defaultBasis = purposes[i].defaultBasis(j.value());
        if (!pending.isEmpty()) {
            auto events = m_ledger.eventsByMember(purposes[i].key, QList<qint64>(pending.begin(), pending.end()));
            if (!events.ok())
                return events.error();
            per[size_t(i)].pendingEvents = std::move(events).value();
        }
    }
    auto judge = [&](int i, const MemberFacts &facts, const Status *stored, const std::optional<Reason> &address) {
        const PerPurpose &p = per[size_t(i)];
        Status s;
        if (pending.contains(facts.id))
            s = evaluate(p.pendingEvents.value(facts.id), facts.membership, p.defaultBasis, at);
        else if (stored)
            s = *stored;
        else
            s = evaluate({}, facts.membership, p.defaultBasis, at);
        visit(i, facts.id, address ? *address : s.reason, s);
    };

    // A few members: fetched by id. Everyone (or most): one pass over the table, merged with the
    // purposes' stored statuses read in member order.
    if (!among.empty() && among.size() < 20000) {
        std::vector<qint64> ids = among;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return m_members.fetchInChunks(ids, [&](const std::vector<qint64> &chunk, const QList<Member> &members) {
            for (int i = 0; i < int(purposes.size()); ++i) {
                auto stored = m_statuses.on(purposes[i].key, at, QList<qint64>(chunk.begin(), chunk.end()));
                if (!stored.ok())
                    return Result<void>(stored.error());
                for (const Member &m : members) {
                    const MemberFacts facts = factsOf(m);
                    const auto found = stored.value().constFind(m.id);
                    judge(i, facts, found == stored.value().cend() ? nullptr : &found.value(),
                          addressReason(facts, suppressed.value()));
                }
            }
            return Result<void>();
        });
    }

    std::vector<qint64> wanted = among;
    std::sort(wanted.begin(), wanted.end());
    // Read before the members: on the server nothing else may run on the connection while rows stream.
    for (qsizetype i = 0; i < purposes.size(); ++i) {
        PerPurpose &p = per[size_t(i)];
        if (auto r = m_statuses.forEachOn(
                purposes[i].key, at, [&p](qint64 id, const Status &s) { p.stored.emplace_back(id, s); }, range, detail);
            !r.ok())
            return r;
        p.next = p.stored.cbegin();
    }
    auto blocks = m_statuses.addressBlocks();
    if (!blocks.ok())
        return blocks.error();
    const auto byId = [](const std::pair<qint64, Reason> &a, qint64 b) { return a.first < b; };
    QSet<QByteArray> undeliverable;
    for (const QString &key : std::as_const(suppressed.value().undeliverable))
        undeliverable.insert(key.toUtf8());
    // A member with no event and no default basis: no consent, whatever the day.
    const Status noConsent;
    // Only the columns this pass reads (SQLite decodes each row's record up to the last one asked for): the
    // address key when an address is marked undeliverable, the membership's dates when a purpose's default
    // basis is the membership (its start only when the whole status is asked), all of them for a member
    // judged from the ledger.
    bool membershipNeeded = !pending.isEmpty();
    for (const PerPurpose &p : per)
        membershipNeeded = membershipNeeded || p.defaultBasis == Basis::ImpliedMembership;
    const bool keyNeeded = !pending.isEmpty() || !undeliverable.isEmpty();
    const bool startNeeded = membershipNeeded && (detail == StatusDetail::Whole || !pending.isEmpty());
    auto rows = Storage::RowStream::open(
        m_database.connection(),
        QStringLiteral("SELECT id, email, %1, %2, %3 FROM members WHERE id BETWEEN ? AND ? ORDER BY id")
            .arg(keyNeeded ? QStringLiteral("email_key") : QStringLiteral("NULL"),
                 startNeeded ? QStringLiteral("membership_start") : QStringLiteral("NULL"),
                 membershipNeeded ? QStringLiteral("membership_end") : QStringLiteral("NULL")),
        {range.first, range.last});
    if (!rows.ok())
        return rows.error();
    auto block = blocks.value().cbegin();
    return rows.value()->each([&](const Storage::RowStream &row) {
        const qint64 id = row.integer(0);
        for (PerPurpose &p : per) {
            while (p.next != p.stored.cend() && p.next->first < id)
                ++p.next;
        }
        if (!wanted.empty() && !std::binary_search(wanted.begin(), wanted.end(), id))
            return;
        if (pending.contains(id)) { // judged from the ledger, its address too
            MemberFacts f;
            f.id = id;
            f.email = row.text(1);
            f.emailKey = row.text(2);
            f.membership.start = QDate::fromString(row.text(3), Qt::ISODate);
            f.membership.end = QDate::fromString(row.text(4), Qt::ISODate);
            const std::optional<Reason> address = addressReason(f, suppressed.value());
            for (int i = 0; i < int(per.size()); ++i)
                judge(i, f, nullptr, address);
            return;
        }
        // The address as kept: the status store lists the members whose address is not one or is suppressed.
        std::optional<Reason> address;
        const QByteArrayView key = row.utf8(2);
        block = std::lower_bound(block, blocks.value().cend(), id, byId); // ids come in order
        if (row.utf8(1).trimmed().isEmpty())
            address = Reason::NoEmail;
        else if (block != blocks.value().cend() && block->first == id)
            address = block->second;
        else if (!undeliverable.isEmpty() && undeliverable.contains(key.toByteArray()))
            address = Reason::Undeliverable;
        for (int i = 0; i < int(per.size()); ++i) {
            PerPurpose &p = per[size_t(i)];
            const Status *status = p.next != p.stored.cend() && p.next->first == id ? &p.next->second : nullptr;
            if (!status && !p.defaultBasis)
                status = &noConsent;
            else if (!status)
                status = &p.byDefault(*p.defaultBasis == Basis::ImpliedMembership ? row.utf8(3) : QByteArrayView(),
                                      *p.defaultBasis == Basis::ImpliedMembership ? row.utf8(4) : QByteArrayView(), at);
            visit(i, id, address ? *address : status->reason, *status);
        }
    });
}

Result<AddressBlocks> ConsentService::addressBlocks() const
{
    auto suppressed = m_ledger.suppressedHashes();
    if (!suppressed.ok())
        return suppressed.error();
    AddressBlocks blocks;
    blocks.suppressed = std::move(suppressed).value();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT address_key FROM undeliverable_addresses"));
    if (auto r = Storage::exec(q, QStringLiteral("undeliverable addresses")); !r.ok())
        return r.error();
    while (q.next())
        blocks.undeliverable.insert(q.value(0).toString());
    return blocks;
}

Result<Purpose> ConsentService::purposeOn(const QString &purposeKey, QDate *at) const
{
    if (!at->isValid())
        *at = m_clock.today();
    return purpose(purposeKey);
}

namespace {
// Whether a member judged so may receive the purpose's messages (the address, then the consent).
bool mayReceive(Reason reason, const Status &s)
{
    return s.eligible && (reason == Reason::Express || reason == Reason::ImpliedMembership ||
                          reason == Reason::Implied || reason == Reason::LegitimateInterest);
}
} // namespace

Result<Eligibility> ConsentService::eligible(const QString &purposeKey, const std::vector<qint64> &among,
                                             QDate at) const
{
    auto p = purposeOn(purposeKey, &at);
    if (!p.ok())
        return p.error();
    Eligibility out;
    auto r = scan(
        p.value(), at, among,
        [&out](qint64 id, Reason reason, const Status &s) {
            if (mayReceive(reason, s))
                out.eligible.push_back(id);
            else
                out.excluded[reason].push_back(id);
        },
        StatusDetail::Verdict);
    if (!r.ok())
        return r.error();
    return out;
}

Result<QList<PurposeCoverage>> ConsentService::coverage(QDate at) const
{
    if (!at.isValid())
        at = m_clock.today();
    if (auto split = coverageInHalves(at, Storage::kSplitCountFrom))
        return std::move(*split);
    return coverageOf(at, {});
}

std::optional<Result<QList<PurposeCoverage>>> ConsentService::coverageInHalves(QDate at, qint64 splitFrom) const
{
    if (m_database.engine() != Storage::Engine::Sqlite || m_database.isWriting())
        return std::nullopt;
    const QSqlDatabase connection = m_database.connection();
    QSqlQuery q(connection);
    if (!q.exec(QStringLiteral("SELECT (SELECT min(id) FROM members), (SELECT max(id) FROM members)")) || !q.next() ||
        q.isNull(0))
        return std::nullopt;
    const qint64 first = q.value(0).toLongLong();
    const qint64 last = q.value(1).toLongLong();
    if (last - first < splitFrom)
        return std::nullopt;
    const qint64 middle = first + (last - first) / 2;
    // Both halves must read the same file: no commit between the start of one and the end of the other.
    auto dataVersion = [&]() -> std::optional<qint64> {
        if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
            return std::nullopt;
        return q.value(0).toLongLong();
    };
    const std::optional<qint64> before = dataVersion();
    if (!before)
        return std::nullopt;
    std::optional<Result<QList<PurposeCoverage>>> upper;
    // The second connection is closed only once the version has been read again: closing runs PRAGMA
    // optimize, whose statistics, when it writes them, are a commit of their own.
    QSemaphore counted;
    QSemaphore mayClose;
    std::unique_ptr<QThread> helper(QThread::create([&, path = m_database.connectPath()] {
        auto database = Storage::Database::open(path);
        if (!database.ok()) {
            counted.release();
            return;
        }
        Storage::MemberRepository members(*database.value(), m_clock);
        Storage::AuditLog audit(*database.value(), m_clock);
        Storage::SettingsRepository settings(*database.value());
        ConsentService other(*database.value(), members, audit, settings, m_clock);
        upper = other.coverageOf(at, {middle + 1, last});
        counted.release();
        mayClose.acquire();
    }));
    helper->setObjectName(QStringLiteral("carnet-coverage"));
    helper->start();
    Result<QList<PurposeCoverage>> lower = coverageOf(at, {first, middle});
    counted.acquire();
    const std::optional<qint64> after = dataVersion();
    mayClose.release();
    helper->wait();
    if (!lower.ok())
        return lower; // this connection's own error: the caller would meet it again
    if (!upper || !upper->ok() || after != before || upper->value().size() != lower.value().size())
        return std::nullopt;
    QList<PurposeCoverage> out = lower.value();
    for (qsizetype p = 0; p < out.size(); ++p) {
        const PurposeCoverage &other = upper->value()[p];
        if (other.purpose.key != out[p].purpose.key)
            return std::nullopt;
        out[p].eligible += other.eligible;
        for (auto it = other.excluded.cbegin(); it != other.excluded.cend(); ++it)
            out[p].excluded[it.key()] += it.value();
    }
    return Result<QList<PurposeCoverage>>(out);
}

Result<QList<PurposeCoverage>> ConsentService::coverageOf(QDate at, IdRange range) const
{
    auto all = purposes();
    if (!all.ok())
        return all.error();
    // Every purpose counted in one pass over the members, in arrays rather than lists of ids: a million
    // members are a few counters.
    static_assert(size_t(Reason::NoEmail) < 16, "a counter for every reason");
    std::vector<std::array<qint64, 16>> byReason(size_t(all.value().size()));
    std::vector<qint64> eligible(size_t(all.value().size()), 0);
    auto r = scan(
        all.value(), at, {},
        [&](int i, qint64, Reason reason, const Status &s) {
            if (mayReceive(reason, s))
                ++eligible[size_t(i)];
            else
                ++byReason[size_t(i)][size_t(reason)];
        },
        range, StatusDetail::Verdict);
    if (!r.ok())
        return r.error();
    QList<PurposeCoverage> out;
    for (qsizetype p = 0; p < all.value().size(); ++p) {
        PurposeCoverage c;
        c.purpose = all.value()[p];
        c.eligible = eligible[size_t(p)];
        for (size_t i = 0; i < 16; ++i) {
            if (byReason[size_t(p)][i] > 0)
                c.excluded.insert(Reason(i), byReason[size_t(p)][i]);
        }
        out.append(c);
    }
    return out;
}

namespace {

bool inSelection(ConsentSelection selection, const Status &s, const QDate &horizon)
{
    switch (selection) {
    case ConsentSelection::Missing:
        return !s.eligible && (s.reason == Reason::NoConsent || s.reason == Reason::Expired);
    case ConsentSelection::Expiring: return s.eligible && s.validUntil.isValid() && s.validUntil <= horizon;
    case ConsentSelection::Withdrawn: return s.reason == Reason::Withdrawn;
    }
    return false;
}

} // namespace

namespace {

// The first membership end whose implied consent (end + 2 years, 29 February on 28 February) still holds on
// `day`, and the last one whose ends by `day`: membership_end compares with them as ISO text.
QDate firstEndHolding(const QDate &day)
{
    QDate end = day.addYears(-2).addDays(-3);
    while (impliedMembershipEnd(end) < day)
        end = end.addDays(1);
    return end;
}

QDate lastEndEndingBy(const QDate &day)
{
    QDate end = day.addYears(-2).addDays(3);
    while (impliedMembershipEnd(end) > day)
        end = end.addDays(-1);
    return end;
}

} // namespace

Result<std::optional<SqlCondition>> ConsentService::condition(const QString &purposeKey, const QString &state,
                                                              QDate at) const
{
    auto p = purposeOn(purposeKey, &at);
    if (!p.ok())
        return p.error();
    auto j = jurisdiction();
    if (!j.ok())
        return j.error();
    auto marked = m_statuses.pending();
    if (!marked.ok())
        return marked.error();
    if (!marked.value().isEmpty())
        return std::optional<SqlCondition>();
    const std::optional<Basis> byDefault = p.value().defaultBasis(j.value());
    const QString day = at.toString(Qt::ISODate);
    SqlCondition c;
    // The stored statuses of the purpose on the day; a member without any is covered by the default basis.
    const QString stored = QStringLiteral("SELECT s.member_id FROM consent_status s WHERE s.purpose = ? AND "
                                          "s.valid_from <= ? AND s.valid_to >= ? AND %1");
    const QString unledgered =
        QStringLiteral("members.id NOT IN (SELECT s.member_id FROM consent_status s WHERE s.purpose = ?)");
    auto storedWhere = [&](const QString &test, const QVariantList &more = {}) {
        c.bindings << p.value().key << day << day << more;
        return stored.arg(test);
    };
    // The default basis on the day for a member with no event: implied by membership while the membership
    // (end + 2 years) lasts, legitimate interest always.
    auto defaultHolds = [&]() -> QString {
        if (!byDefault)
            return {};
        if (*byDefault == Basis::LegitimateInterest)
            return QStringLiteral("1 = 1");
        c.bindings << firstEndHolding(at).toString(Qt::ISODate);
        return QStringLiteral("(members.membership_end IS NULL OR members.membership_end = '' OR "
                              "members.membership_end >= ?)");
    };
    if (state == QLatin1String("eligible") || state == QLatin1String("not_eligible")) {
        // The consent, then the address (eligible() looks at the address first; the answer is the same, and
        // the members without consent — most of them, for most purposes — are then not asked about their
        // address): one, not blocked, not found undeliverable.
        QString sql = QStringLiteral("((members.id IN (%1)").arg(storedWhere(QStringLiteral("s.eligible = 1")));
        if (const QString holds = defaultHolds(); !holds.isEmpty()) {
            sql += QStringLiteral(" OR (%1 AND %2)").arg(holds, unledgered);
            c.bindings << p.value().key;
        }
        sql += QStringLiteral(
            ") AND coalesce(trim(members.email), '') <> '' AND members.id NOT IN (SELECT b.member_id FROM "
            "address_blocks b) AND (members.email_key IS NULL OR members.email_key NOT IN (SELECT u.address_key FROM "
            "undeliverable_addresses u)))");
        c.sql = state == QLatin1String("eligible") ? sql : QStringLiteral("NOT ") + sql;
        return std::optional<SqlCondition>(c);
    }
    if (state == QLatin1String("withdrawn")) {
        c.sql = QStringLiteral("members.id IN (%1)").arg(storedWhere(QStringLiteral("s.reason = 'withdrawn'")));
        return std::optional<SqlCondition>(c);
    }
    if (state == QLatin1String("expiring")) {
        const QString horizon = at.addDays(kExpiringDays).toString(Qt::ISODate);
        QString sql = QStringLiteral("(members.id IN (%1)")
                          .arg(storedWhere(QStringLiteral("s.eligible = 1 AND s.valid_until IS NOT NULL AND "
                                                          "s.valid_until <= ?"),
                                           {horizon}));
        if (byDefault == Basis::ImpliedMembership) {
            sql += QStringLiteral(" OR (members.membership_end IS NOT NULL AND members.membership_end >= ? AND "
                                  "members.membership_end <= ? AND %1)")
                       .arg(unledgered);
            c.bindings << firstEndHolding(at).toString(Qt::ISODate)
                       << lastEndEndingBy(at.addDays(kExpiringDays)).toString(Qt::ISODate) << p.value().key;
        }
        c.sql = sql + QLatin1Char(')');
        return std::optional<SqlCondition>(c);
    }
    return Error::make(Error::Code::Invalid,
                       QCoreApplication::translate("Consent::ConsentService",
                                                   "A consent condition is eligible, not_eligible, withdrawn or "
                                                   "expiring, not \"%1\".")
                           .arg(state.left(40)));
}

Result<SelectionTally> ConsentService::tally(const QString &purposeKey, QDate at) const
{
    auto p = purposeOn(purposeKey, &at);
    if (!p.ok())
        return p.error();
    SelectionTally t;
    const QDate horizon = at.addDays(kExpiringDays);
    auto r = scan(p.value(), at, {}, [&](qint64, Reason, const Status &s) {
        t.missing += inSelection(ConsentSelection::Missing, s, horizon);
        t.expiring += inSelection(ConsentSelection::Expiring, s, horizon);
        t.withdrawn += inSelection(ConsentSelection::Withdrawn, s, horizon);
    });
    if (!r.ok())
        return r.error();
    return t;
}

Result<std::vector<qint64>> ConsentService::select(const QString &purposeKey, ConsentSelection selection,
                                                   QDate at) const
{
    auto p = purposeOn(purposeKey, &at);
    if (!p.ok())
        return p.error();
    std::vector<qint64> out;
    const QDate horizon = at.addDays(kExpiringDays);
    auto r = scan(p.value(), at, {}, [&](qint64 id, Reason, const Status &s) {
        if (inSelection(selection, s, horizon))
            out.push_back(id);
    });
    if (!r.ok())
        return r.error();
    return out;
}

Result<bool> ConsentService::isSuppressed(const QString &email) const
{
    const QByteArray hash = suppressionHash(email);
    if (hash.isEmpty())
        return false;
    return m_ledger.isSuppressed(hash);
}

} // namespace Consent
