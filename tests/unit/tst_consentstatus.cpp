// The consent statuses kept beside the ledger (Consent::StatusStore) on a real SQLite file, and on the
// PostgreSQL server in the server run: after every kind of change — grants backdated and future-dated,
// withdrawals, membership changes, events removed, erasure, the jurisdiction — the stored status on any day
// is exactly what the rules compute from the ledger; a member changed behind Carnet's back is judged from
// the ledger until settled; `verify` finds and repairs what was tampered with; a file of the previous schema
// gets its statuses when first opened.
#include "TempDatabase.h"
#include "consent/ConsentRules.h"
#include "consent/ConsentService.h"
#include "consent/MemberPrivacy.h"
#include "storage/Migrations.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Consent;

#define VERIFY_OK(result) QVERIFY2((result).ok(), (result).ok() ? "" : qPrintable((result).error().message))

namespace {

const QStringList kPurposes = {QStringLiteral("association"), QStringLiteral("newsletter")};

bool sqlOk(TempDatabase &db, const QString &sql)
{
    QSqlQuery q(db.context().database().connection());
    if (!q.exec(sql)) {
        qWarning("%s", qPrintable(sql));
        return false;
    }
    return true;
}

} // namespace

class TestConsentStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedStatusesFollowTheLedger();
    void memberChangedOutsideCarnetIsJudgedFromTheLedger();
    void verifyFindsAndRepairs();
    void previousSchemaGetsItsStatuses();
};

void TestConsentStatus::storedStatusesFollowTheLedger()
{
    TempDatabase db;
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    auto &consent = db.context().consent();
    QRandomGenerator random(1789);
    QList<Core::Member> members;
    for (int i = 0; i < 10; ++i) {
        Core::Member m = db.add(QStringLiteral("Prénom%1").arg(i), QStringLiteral("Nom%1").arg(i),
                                QStringLiteral("membre%1@example.org").arg(i));
        QVERIFY(m.id);
        m.membershipStart = QDate(2020, 1, 1).addDays(random.bounded(0, 1500));
        if (random.bounded(0, 3) != 0)
            m.membershipEnd = m.membershipStart.addDays(random.bounded(0, 1200));
        auto saved = db.members().save(m);
        VERIFY_OK(saved);
        members.append(saved.value());
    }
    Organisation organisation;
    organisation.name = QStringLiteral("Les Amis du Parc");
    organisation.address = QStringLiteral("12 rue des Lilas, 69001 Lyon");
    organisation.email = QStringLiteral("bureau@amisduparc.example.org");

    const QList<Basis> bases = {Basis::Express, Basis::ImpliedMembership, Basis::Implied, Basis::LegitimateInterest};
    QStringList done;
    int conditionsChecked = 0;
    for (int step = 0; step < 160; ++step) {
        const int who = random.bounded(0, int(members.size()));
        Core::Member &m = members[who];
        const QString purpose = kPurposes.at(random.bounded(0, 2));
        // The clock wanders, so that what was "today" becomes the past and the future.
        db.clock().set(QDateTime(QDate(2023, 1, 1).addDays(random.bounded(0, 1800)), QTime(10, 0), Qt::UTC));
        const QDate today = db.clock().today();
        switch (random.bounded(0, 9)) {
        case 0:
        case 1: { // a grant, backdated up to three years
            GrantRequest g;
            g.purpose = purpose;
            g.basis = bases.at(random.bounded(0, 4));
            if (consent.isSuppressed(m.email).value()) // only an express consent may allow the address again
                g.basis = Basis::Express;
            g.date = today.addDays(-random.bounded(0, 1100));
            if (g.basis == Basis::Implied)
                g.expires = g.date.addDays(random.bounded(0, 800));
            g.source = QStringLiteral("formulaire papier");
            VERIFY_OK(consent.record(m.id, g));
            done << QStringLiteral("grant");
            break;
        }
        case 2: { // a withdrawal of one purpose, or of everything
            WithdrawRequest w;
            if (random.bounded(0, 3) != 0)
                w.purposes = {purpose};
            w.date = today.addDays(-random.bounded(0, 400));
            w.source = QStringLiteral("courriel");
            VERIFY_OK(consent.withdraw(m.id, w));
            done << QStringLiteral("withdraw");
            break;
        }
        case 3: { // an event dated in the future, written by the ledger itself
            Event e;
            e.memberId = m.id;
            e.purpose = purpose;
            e.action = random.bounded(0, 3) == 0 ? Action::Withdraw : Action::Grant;
            if (e.action == Action::Grant)
                e.basis = Basis::Express;
            e.occurredOn = today.addDays(random.bounded(1, 700));
            e.recordedAt = db.clock().now();
            e.source = QStringLiteral("formulaire daté d'avance");
            VERIFY_OK(db.context().database().write([&] {
                auto id = consent.ledger().append(e);
                return id.ok() ? Core::Result<void>() : Core::Result<void>(id.error());
            }));
            done << QStringLiteral("future");
            break;
        }
        case 4: { // the membership renewed, ended or made open-ended
            const int choice = random.bounded(0, 3);
            m.membershipEnd = choice == 0 ? QDate() : today.addDays(random.bounded(-900, 700));
            if (choice == 2)
                m.membershipStart = today.addDays(-random.bounded(0, 2000));
            if (m.membershipEnd.isValid() && m.membershipStart > m.membershipEnd)
                m.membershipStart = m.membershipEnd.addDays(-random.bounded(0, 1000));
            // And sometimes the address: a new one, or the one another member uses (perhaps withdrawn from
            // everything, hence suppressed) — one mailbox for a household.
            qint64 household = 0;
            if (random.bounded(0, 3) == 0) {
                const Core::Member &other = members.at(random.bounded(0, int(members.size())));
                if (other.id != m.id && random.bounded(0, 2) == 0) {
                    m.email = other.email;
                    household = other.id;
                } else {
                    m.email = QStringLiteral("autre%1@example.org").arg(step);
                }
            }
            auto saved = db.members().save(m, household);
            VERIFY_OK(saved);
            m = saved.value();
            done << QStringLiteral("membership");
            break;
        }
        case 5: { // one event taken out (the undo of what the mailbox did)
            auto history = consent.history(m.id);
            VERIFY_OK(history);
            if (history.value().isEmpty())
                continue;
            const Event &gone = history.value().at(random.bounded(0, int(history.value().size())));
            VERIFY_OK(consent.undoMailboxAction(m.id, {gone.id}, m.email, false, QStringLiteral("test")));
            done << QStringLiteral("remove");
            break;
        }
        case 6: { // the jurisdiction, which decides who is covered by default
            organisation.jurisdiction =
                QList<Jurisdiction>{Jurisdiction::Canada, Jurisdiction::Eu, Jurisdiction::Both}.at(
                    random.bounded(0, 3));
            VERIFY_OK(consent.setOrganisation(organisation));
            done << QStringLiteral("jurisdiction");
            break;
        }
        case 7: { // rarely, an erasure; a new member takes the place
            if (random.bounded(0, 4) != 0)
                continue;
            VERIFY_OK(db.context().privacy().erase(m.id));
            // Sometimes the person comes back with the same address: it stays suppressed.
            const bool shared = std::count_if(members.cbegin(), members.cend(),
                                              [&m](const Core::Member &o) { return o.email == m.email; }) > 1;
            const QString address =
                random.bounded(0, 2) == 0 && !shared ? m.email : QStringLiteral("nouveau%1@example.org").arg(step);
            Core::Member fresh = db.add(QStringLiteral("Nouveau%1").arg(step), QStringLiteral("Membre"), address);
            QVERIFY(fresh.id);
            m = fresh;
            done << QStringLiteral("erase");
            break;
        }
        case 8: { // the address marked undeliverable by the mailbox, or marked deliverable again
            QSqlQuery q(db.context().database().connection());
            q.prepare(QStringLiteral("SELECT email_key FROM members WHERE id = ?"));
            q.addBindValue(m.id);
            QVERIFY(q.exec() && q.next());
            const QString key = q.value(0).toString();
            if (key.isEmpty())
                continue;
            q.prepare(QStringLiteral("DELETE FROM undeliverable_addresses WHERE address_key = ?"));
            q.addBindValue(key);
            QVERIFY(q.exec());
            if (q.numRowsAffected() == 0) {
                q.prepare(QStringLiteral("INSERT INTO undeliverable_addresses (address_key, member_id, category, "
                                         "since) VALUES (?, ?, 'address_unknown', '2024-01-01T00:00:00Z')"));
                q.addBindValue(key);
                q.addBindValue(m.id);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            done << QStringLiteral("undeliverable");
            break;
        }
        }
        for (Core::Member &each : members) { // as stored now (a household joined changes the other member too)
            auto again = db.members().find(each.id);
            VERIFY_OK(again);
            each = again.value();
        }
        // Every few steps, the report's SQL conditions name exactly the members the service names one by one.
        if (step % 8 == 0) {
            for (const QString &p : kPurposes) {
                const QDate day = QDate(2022, 1, 1).addDays(random.bounded(0, 2500));
                for (const QString &state : {QStringLiteral("eligible"), QStringLiteral("not_eligible"),
                                             QStringLiteral("withdrawn"), QStringLiteral("expiring")}) {
                    auto condition = consent.condition(p, state, day);
                    VERIFY_OK(condition);
                    QVERIFY(condition.value().has_value());
                    QSqlQuery q(db.context().database().connection());
                    q.prepare(
                        QStringLiteral("SELECT id FROM members WHERE %1 ORDER BY id").arg(condition.value()->sql));
                    for (const QVariant &v : condition.value()->bindings)
                        q.addBindValue(v);
                    QVERIFY2(q.exec(), qPrintable(condition.value()->sql));
                    std::vector<qint64> bySql;
                    while (q.next())
                        bySql.push_back(q.value(0).toLongLong());
                    // Never NULL: its negation names every other member.
                    QSqlQuery others(db.context().database().connection());
                    others.prepare(
                        QStringLiteral("SELECT count(*) FROM members WHERE NOT %1").arg(condition.value()->sql));
                    for (const QVariant &v : condition.value()->bindings)
                        others.addBindValue(v);
                    QVERIFY(others.exec() && others.next());
                    QCOMPARE(others.value(0).toLongLong() + qint64(bySql.size()), qint64(db.members().count().value()));
                    std::vector<qint64> byService;
                    if (state == QLatin1String("withdrawn") || state == QLatin1String("expiring")) {
                        auto ids = consent.select(p,
                                                  state == QLatin1String("withdrawn") ? ConsentSelection::Withdrawn
                                                                                      : ConsentSelection::Expiring,
                                                  day);
                        VERIFY_OK(ids);
                        byService = ids.value();
                    } else {
                        auto e = consent.eligible(p, {}, day);
                        VERIFY_OK(e);
                        if (state == QLatin1String("eligible")) {
                            byService = e.value().eligible;
                        } else {
                            for (const auto &ids : e.value().excluded)
                                byService.insert(byService.end(), ids.begin(), ids.end());
                            std::sort(byService.begin(), byService.end());
                        }
                    }
                    QVERIFY2(
                        bySql == byService,
                        qPrintable(
                            QStringLiteral("step %1, %2 %3 on %4").arg(step).arg(p, state, day.toString(Qt::ISODate))));
                    ++conditionsChecked;
                }
            }
        }
        // Settled in the same transaction: nothing left to work out.
        auto pending = consent.statuses().pending();
        VERIFY_OK(pending);
        QVERIFY(pending.value().isEmpty());
        // On any day, for everyone, the stored status is the ledger's.
        QList<QDate> days = {today, today.addDays(-1), today.addDays(1), QDate(2000, 1, 1), QDate(2040, 1, 1)};
        for (int i = 0; i < 4; ++i)
            days << QDate(2019, 1, 1).addDays(random.bounded(0, 4000));
        QList<qint64> ids;
        for (const Core::Member &each : std::as_const(members))
            ids << each.id;
        auto o = consent.organisation();
        VERIFY_OK(o);
        for (const QString &p : kPurposes) {
            // The ledger read once a step, the rules applied here.
            auto events = consent.ledger().eventsByMember(p, ids);
            VERIFY_OK(events);
            const std::optional<Basis> byDefault = consent.purpose(p).value().defaultBasis(o.value().jurisdiction);
            auto expect = [&](const Core::Member &each, const QDate &day) {
                return evaluate(events.value().value(each.id), Membership{each.membershipStart, each.membershipEnd},
                                byDefault, day);
            };
            for (const QDate &day : std::as_const(days)) {
                auto stored = consent.statuses().on(p, day, ids);
                VERIFY_OK(stored);
                for (const Core::Member &each : std::as_const(members)) {
                    const Status expected = expect(each, day);
                    // A member with no event has no stored status: the default basis answers.
                    if (events.value().value(each.id).isEmpty()) {
                        QVERIFY(!stored.value().contains(each.id));
                        continue;
                    }
                    QVERIFY2(stored.value().contains(each.id),
                             qPrintable(QStringLiteral("step %1 (%2): member %3 has events but no status for %4")
                                            .arg(step)
                                            .arg(done.last())
                                            .arg(each.id)
                                            .arg(p)));
                    if (!(stored.value().value(each.id) == expected))
                        QFAIL(qPrintable(QStringLiteral("step %1 (%2), member %3, %4 on %5: stored %6, ledger %7")
                                             .arg(step)
                                             .arg(done.last())
                                             .arg(each.id)
                                             .arg(p, day.toString(Qt::ISODate),
                                                  reasonKey(stored.value().value(each.id).reason),
                                                  reasonKey(expected.reason))));
                }
            }
            // The bulk answer (one pass over the members) agrees with the rules member by member.
            const QDate day = days.at(random.bounded(0, int(days.size())));
            auto eligible = consent.eligible(p, {}, day);
            VERIFY_OK(eligible);
            auto statuses = consent.statuses(QList<Core::Member>(members.cbegin(), members.cend()),
                                             consent.purpose(p).value(), day);
            VERIFY_OK(statuses);
            QSet<qint64> undeliverable;
            QSqlQuery marked(db.context().database().connection());
            QVERIFY(marked.exec(QStringLiteral("SELECT id FROM members WHERE email_key IN (SELECT address_key FROM "
                                               "undeliverable_addresses)")));
            while (marked.next())
                undeliverable.insert(marked.value(0).toLongLong());
            for (const Core::Member &each : std::as_const(members)) {
                const bool listed = std::find(eligible.value().eligible.cbegin(), eligible.value().eligible.cend(),
                                              each.id) != eligible.value().eligible.cend();
                auto suppressed = consent.isSuppressed(each.email);
                VERIFY_OK(suppressed);
                const bool expected =
                    expect(each, day).eligible && !suppressed.value() && !undeliverable.contains(each.id);
                QCOMPARE(listed, expected);
                QCOMPARE(statuses.value().value(each.id).eligible, expected);
            }
            // The coverage chart's counts are eligible()'s, reason by reason, and cover every member.
            auto coverage = consent.coverage(day);
            VERIFY_OK(coverage);
            const auto bar = std::find_if(coverage.value().cbegin(), coverage.value().cend(),
                                          [&p](const Consent::PurposeCoverage &c) { return c.purpose.key == p; });
            QVERIFY(bar != coverage.value().cend());
            QCOMPARE(bar->eligible, qint64(eligible.value().eligible.size()));
            qint64 counted = bar->eligible;
            for (auto it = bar->excluded.cbegin(); it != bar->excluded.cend(); ++it) {
                QCOMPARE(it.value(), eligible.value().excludedCount(it.key()));
                counted += it.value();
            }
            for (auto it = eligible.value().excluded.cbegin(); it != eligible.value().excluded.cend(); ++it)
                QCOMPARE(bar->excluded.value(it.key()), qint64(it.value().size()));
            QCOMPARE(counted, qint64(members.size()));
            // Counted in two halves at once (a file of a million members is): the same bars.
            if (db.context().database().engine() == Storage::Engine::Sqlite) {
                auto halves = consent.coverageInHalves(day, 2);
                QVERIFY(halves.has_value());
                VERIFY_OK((*halves));
                QCOMPARE(halves->value().size(), coverage.value().size());
                for (qsizetype i = 0; i < coverage.value().size(); ++i) {
                    QCOMPARE(halves->value()[i].purpose.key, coverage.value()[i].purpose.key);
                    QCOMPARE(halves->value()[i].eligible, coverage.value()[i].eligible);
                    QVERIFY(halves->value()[i].excluded == coverage.value()[i].excluded);
                }
            }
        }
    }
    QVERIFY(conditionsChecked > 0);
    QVERIFY(done.contains(QStringLiteral("grant")) && done.contains(QStringLiteral("withdraw")) &&
            done.contains(QStringLiteral("future")) && done.contains(QStringLiteral("membership")) &&
            done.contains(QStringLiteral("remove")) && done.contains(QStringLiteral("jurisdiction")) &&
            done.contains(QStringLiteral("erase")) && done.contains(QStringLiteral("undeliverable")));
    auto verified = consent.verifyStatuses(false);
    VERIFY_OK(verified);
    QCOMPARE(verified.value().different, 0);
    QVERIFY(verified.value().members > 0);
}

void TestConsentStatus::memberChangedOutsideCarnetIsJudgedFromTheLedger()
{
    TempDatabase db;
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    auto &consent = db.context().consent();
    const Core::Member m =
        db.add(QStringLiteral("Hélène"), QStringLiteral("Côté"), QStringLiteral("helene@example.org"));
    QVERIFY(m.id);
    // A grant typed in psql or the sqlite3 shell: the trigger marks the member, nothing settles it.
    QVERIFY(sqlOk(db, QStringLiteral("INSERT INTO consent_events (member_id, purpose, action, basis, occurred_on, "
                                     "recorded_at, source) VALUES (%1, 'newsletter', 'grant', 'express', "
                                     "'2026-10-01', '2026-10-01T10:00:00Z', 'saisie manuelle')")
                          .arg(m.id)));
    auto pending = consent.statuses().pending();
    VERIFY_OK(pending);
    QCOMPARE(pending.value(), QSet<qint64>{m.id});
    // Still answered from the ledger, in bulk and page by page.
    auto eligible = consent.eligible(QStringLiteral("newsletter"));
    VERIFY_OK(eligible);
    QCOMPARE(eligible.value().eligible, std::vector<qint64>{m.id});
    auto among = consent.eligible(QStringLiteral("newsletter"), {m.id});
    VERIFY_OK(among);
    QCOMPARE(among.value().eligible, std::vector<qint64>{m.id});
    auto page = consent.statuses({m}, consent.purpose(QStringLiteral("newsletter")).value());
    VERIFY_OK(page);
    QCOMPARE(page.value().value(m.id).reason, Reason::Express);
    auto checked = consent.verifyStatuses(false);
    VERIFY_OK(checked);
    QCOMPARE(checked.value().pending, 1);
    // A report's condition is not read from statuses that may be stale: the runner asks for the ids instead.
    auto condition = consent.condition(QStringLiteral("newsletter"), QStringLiteral("eligible"));
    VERIFY_OK(condition);
    QVERIFY(!condition.value().has_value());
    // The next change made through Carnet settles it with its own.
    Core::Member other = db.add(QStringLiteral("Luc"), QStringLiteral("Roy"), QStringLiteral("luc@example.org"));
    QVERIFY(other.id);
    pending = consent.statuses().pending();
    VERIFY_OK(pending);
    QVERIFY(pending.value().isEmpty());
    auto stored = consent.statuses().on(QStringLiteral("newsletter"), QDate(2026, 11, 1), {m.id});
    VERIFY_OK(stored);
    QCOMPARE(stored.value().value(m.id).reason, Reason::Express);
    QCOMPARE(stored.value().value(m.id).since, QDate(2026, 10, 1));
    // So does reopening the file.
    QVERIFY(sqlOk(db, QStringLiteral("INSERT INTO consent_events (member_id, purpose, action, occurred_on, "
                                     "recorded_at, source) VALUES (%1, 'newsletter', 'withdraw', '2026-11-02', "
                                     "'2026-11-02T10:00:00Z', 'saisie manuelle')")
                          .arg(m.id)));
    QVERIFY(db.reopen());
    pending = db.context().consent().statuses().pending();
    VERIFY_OK(pending);
    QVERIFY(pending.value().isEmpty());
    stored = db.context().consent().statuses().on(QStringLiteral("newsletter"), QDate(2026, 11, 21), {m.id});
    VERIFY_OK(stored);
    QCOMPARE(stored.value().value(m.id).reason, Reason::Withdrawn);
}

void TestConsentStatus::verifyFindsAndRepairs()
{
    TempDatabase db;
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    auto &consent = db.context().consent();
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i) {
        const Core::Member m =
            db.add(QStringLiteral("Prénom%1").arg(i), QStringLiteral("Nom"), QStringLiteral("p%1@example.org").arg(i));
        QVERIFY(m.id);
        ids << m.id;
        GrantRequest g;
        g.purpose = QStringLiteral("newsletter");
        g.date = QDate(2026, 3, 1);
        g.source = QStringLiteral("formulaire");
        VERIFY_OK(consent.record(m.id, g));
    }
    auto clean = consent.verifyStatuses(false);
    VERIFY_OK(clean);
    QCOMPARE(clean.value().members, 4);
    QCOMPARE(clean.value().different, 0);

    // Tampered with: a status gone, one changed, one for a member who never had an event.
    QVERIFY(sqlOk(db, QStringLiteral("DELETE FROM consent_status WHERE member_id = %1").arg(ids.at(0))));
    QVERIFY(
        sqlOk(db, QStringLiteral("UPDATE consent_status SET eligible = 0, reason = 'withdrawn' WHERE member_id = %1 "
                                 "AND valid_from = '2026-03-01'")
                      .arg(ids.at(1))));
    const Core::Member stranger = db.add(QStringLiteral("Sans"), QStringLiteral("Événement"), QString());
    QVERIFY(sqlOk(db, QStringLiteral("INSERT INTO consent_status (member_id, purpose, valid_from, valid_to, eligible, "
                                     "reason) VALUES (%1, 'newsletter', '0000-01-01', '9999-12-31', 1, 'express')")
                          .arg(stranger.id)));
    auto found = consent.verifyStatuses(false);
    VERIFY_OK(found);
    QCOMPARE(found.value().different, 3);
    QCOMPARE(found.value().examples, (QList<qint64>{ids.at(0), ids.at(1), stranger.id}));
    QVERIFY(found.value().missingRows >= 2);
    QVERIFY(found.value().extraRows >= 2);
    QCOMPARE(found.value().repaired, 0);
    // Nothing was changed by looking.
    auto again = consent.verifyStatuses(false);
    VERIFY_OK(again);
    QCOMPARE(again.value().different, 3);

    auto repaired = consent.verifyStatuses(true);
    VERIFY_OK(repaired);
    QCOMPARE(repaired.value().repaired, 3);
    auto after = consent.verifyStatuses(false);
    VERIFY_OK(after);
    QCOMPARE(after.value().different, 0);
    auto eligible = consent.eligible(QStringLiteral("newsletter"));
    VERIFY_OK(eligible);
    QCOMPARE(eligible.value().eligible, std::vector<qint64>(ids.cbegin(), ids.cend()));
    // The repair is in the audit log, with counts only.
    auto audit = db.context().audit().list();
    VERIFY_OK(audit);
    QCOMPARE(audit.value().first().action, QStringLiteral("consent.status_repair"));
    QCOMPARE(audit.value().first().details.value(QStringLiteral("members")).toInt(), 3);
}

void TestConsentStatus::previousSchemaGetsItsStatuses()
{
    // A member file written by the previous Carnet (schema 10), with a ledger.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("previous.carnet"));
    {
        QList<Storage::Migration> previous;
        for (const Storage::Migration &m : Storage::Migrations::all(Storage::Engine::Sqlite)) {
            if (m.version <= 10)
                previous.append(m);
        }
        auto old = Storage::Database::open(path, previous);
        VERIFY_OK(old);
        QCOMPARE(old.value()->schemaVersion(), 10);
        QSqlQuery q(old.value()->connection());
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(q.exec(QStringLiteral("INSERT INTO members (id, first_name, last_name, email, email_key, "
                                          "membership_end, created_at, updated_at) VALUES (%1, 'A', 'B', "
                                          "'m%1@example.org', 'm%1@example.org', '2025-12-31', '2026-01-01T00:00:00Z', "
                                          "'2026-01-01T00:00:00Z')")
                               .arg(i)));
        }
        QVERIFY(q.exec(QStringLiteral("INSERT INTO consent_events (member_id, purpose, action, basis, occurred_on, "
                                      "recorded_at, source) VALUES (1, 'newsletter', 'grant', 'express', '2026-02-01', "
                                      "'2026-02-01T00:00:00Z', 'form'), (2, 'newsletter', 'grant', 'express', "
                                      "'2026-02-01', '2026-02-01T00:00:00Z', 'form'), (2, 'newsletter', 'withdraw', "
                                      "NULL, '2026-05-01', '2026-05-01T00:00:00Z', 'reply')")));
    }
    auto context = AppContext::open(path, std::make_unique<FixedClock>());
    VERIFY_OK(context);
    auto &consent = context.value()->consent();
    QCOMPARE(context.value()->database().schemaVersion(), Storage::Migrations::latestVersion(Storage::Engine::Sqlite));
    auto pending = consent.statuses().pending();
    VERIFY_OK(pending);
    QVERIFY(pending.value().isEmpty());
    auto stored = consent.statuses().on(QStringLiteral("newsletter"), QDate(2026, 11, 21), {1, 2, 3});
    VERIFY_OK(stored);
    QCOMPARE(stored.value().size(), 2); // member 3 has no event: no row
    QCOMPARE(stored.value().value(1).reason, Reason::Express);
    QCOMPARE(stored.value().value(2).reason, Reason::Withdrawn);
    auto verified = consent.verifyStatuses(false);
    VERIFY_OK(verified);
    QCOMPARE(verified.value().members, 2);
    QCOMPARE(verified.value().different, 0);
    auto eligible = consent.eligible(QStringLiteral("newsletter"));
    VERIFY_OK(eligible);
    QCOMPARE(eligible.value().eligible, std::vector<qint64>{1});
}

QTEST_GUILESS_MAIN(TestConsentStatus)
#include "tst_consentstatus.moc"
