// The consent service on a real SQLite file: recording, withdrawal, suppression, eligibility, access
// export, erasure, the audit log.
#include "TempDatabase.h"
#include "consent/ConsentService.h"
#include "consent/DemoConsent.h"
#include "consent/MemberPrivacy.h"
#include "storage/AuditLog.h"
#include "storage/DemoAssociation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Consent;

// QVERIFY2 evaluates its message even on success: only read the error when there is one.
#define VERIFY_OK(result) QVERIFY2((result).ok(), (result).ok() ? "" : qPrintable((result).error().message))

namespace {

GrantRequest express(const QString &purpose = QStringLiteral("newsletter"), QDate date = QDate(2026, 9, 12))
{
    GrantRequest r;
    r.purpose = purpose;
    r.basis = Basis::Express;
    r.date = date;
    r.source = QStringLiteral("paper form, general assembly 2026");
    r.wording = QStringLiteral("Je souhaite recevoir la lettre d'information (form v3)");
    r.recordedBy = QStringLiteral("Secrétaire");
    return r;
}

WithdrawRequest withdrawal(const QStringList &purposes = {QStringLiteral("newsletter")})
{
    WithdrawRequest r;
    r.purposes = purposes;
    r.source = QStringLiteral("email reply");
    return r;
}

Status statusOf(TempDatabase &db, qint64 id, const QString &purpose, QDate at = {})
{
    auto m = db.members().find(id);
    if (!m.ok())
        return {};
    auto all = db.context().consent().status(m.value(), at);
    if (!all.ok())
        return {};
    for (const auto &[p, s] : all.value()) {
        if (p.key == purpose)
            return s;
    }
    return {};
}

QStringList auditActions(TempDatabase &db)
{
    QStringList out;
    auto entries = db.context().audit().list();
    if (entries.ok()) {
        for (const Storage::AuditEntry &e : entries.value())
            out.prepend(e.action);
    }
    return out;
}

} // namespace

class TestConsentService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInPurposes();
    void addPurpose();
    void organisationProfile();
    void recordExpress();
    void recordRefusesBadRequests();
    void evidenceIsKeptWithItsHash();
    void withdrawOnePurpose();
    void withdrawEverythingSuppressesTheAddress();
    void suppressedAddressNeedsExplicitExpressConsent();
    void ledgerIsAppendOnly();
    void associationDefaultsToImpliedByMembership();
    void jurisdictionEuUsesLegitimateInterest();
    void eligibilityGroupsExclusions();
    void withdrawnMemberNeverEligibleWhateverTheSelection();
    void sidePanelSelections();
    void bulkRecording();
    void accessExport();
    void erasure();
    void everyTableIsListedForErasure();
    void deletingAMemberWhoWithdrewKeepsTheAddressSuppressed();
    void demoAssociationHasConsentToShow();
};

void TestConsentService::builtInPurposes()
{
    TempDatabase db;
    QVERIFY(db.ok());
    auto purposes = db.context().consent().purposes();
    QVERIFY(purposes.ok());
    QCOMPARE(purposes.value().size(), 2);
    QCOMPARE(purposes.value().at(0).key, QStringLiteral("association"));
    QCOMPARE(purposes.value().at(1).key, QStringLiteral("newsletter"));
    QVERIFY(purposes.value().at(0).builtin);
    QCOMPARE(purposes.value().at(0).defaultBasisCanada, Basis::ImpliedMembership);
    QCOMPARE(purposes.value().at(0).defaultBasisEu, Basis::LegitimateInterest);
    QCOMPARE(purposes.value().at(1).defaultBasisCanada, Basis::Express);
}

void TestConsentService::addPurpose()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    auto added = consent.addPurpose(QStringLiteral("events"), QStringLiteral("Événements"));
    VERIFY_OK(added);
    QCOMPARE(consent.purposes().value().size(), 3);
    QCOMPARE(consent.purposes().value().last().label, QStringLiteral("Événements"));
    QCOMPARE(consent.addPurpose(QStringLiteral("events"), QStringLiteral("Again")).error().code,
             Core::Error::Code::Conflict);
    QCOMPARE(consent.addPurpose(QStringLiteral("Bad Key"), QStringLiteral("x")).error().code,
             Core::Error::Code::Invalid);
    QCOMPARE(consent.addPurpose(QStringLiteral("x'); DROP TABLE members; --"), QStringLiteral("x")).error().code,
             Core::Error::Code::Invalid);
    QCOMPARE(consent.addPurpose(QStringLiteral("fundraising"), QStringLiteral("  ")).error().code,
             Core::Error::Code::Invalid);
    QCOMPARE(consent.purpose(QStringLiteral("nope")).error().code, Core::Error::Code::NotFound);
    QVERIFY(consent.purpose(QStringLiteral("nope")).error().message.contains(QStringLiteral("newsletter")));
}

void TestConsentService::organisationProfile()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    QVERIFY(!consent.organisation().value().isComplete());
    QCOMPARE(consent.organisation().value().jurisdiction, Jurisdiction::Both); // the stricter rules until told

    Organisation o;
    o.name = QStringLiteral("Les Amis du Parc");
    o.email = QStringLiteral("bureau@amisduparc.example.org");
    QCOMPARE(consent.setOrganisation(o).error().field, QStringLiteral("address")); // CASL: a mailing address
    o.address = QStringLiteral("12 rue des Lilas\n69001 Lyon");
    o.email = QStringLiteral("not an address");
    QCOMPARE(consent.setOrganisation(o).error().field, QStringLiteral("email"));
    o.email = QStringLiteral(" Bureau@AmisDuParc.Example.org ");
    o.jurisdiction = Jurisdiction::Eu;
    QVERIFY(consent.setOrganisation(o).ok());
    QVERIFY(db.reopen());
    const Organisation stored = db.context().consent().organisation().value();
    QCOMPARE(stored.name, QStringLiteral("Les Amis du Parc"));
    QCOMPARE(stored.address, QStringLiteral("12 rue des Lilas\n69001 Lyon"));
    QCOMPARE(stored.email, QStringLiteral("Bureau@amisduparc.example.org"));
    QCOMPARE(stored.jurisdiction, Jurisdiction::Eu);
}

void TestConsentService::recordExpress()
{
    TempDatabase db;
    const Core::Member m =
        db.add(QStringLiteral("Hélène"), QStringLiteral("Côté"), QStringLiteral("helene@example.org"));
    QCOMPARE(statusOf(db, m.id, QStringLiteral("newsletter")).reason, Reason::NoConsent);

    auto e = db.context().consent().record(m.id, express());
    VERIFY_OK(e);
    const Status s = statusOf(db, m.id, QStringLiteral("newsletter"));
    QVERIFY(s.eligible);
    QCOMPARE(s.reason, Reason::Express);
    QCOMPARE(s.since, QDate(2026, 9, 12));
    QVERIFY(!s.validUntil.isValid());
    // Before the form was signed, there was no consent.
    QVERIFY(!statusOf(db, m.id, QStringLiteral("newsletter"), QDate(2026, 9, 11)).eligible);

    auto history = db.context().consent().history(m.id);
    QVERIFY(history.ok());
    QCOMPARE(history.value().size(), 1);
    const Event stored = history.value().first();
    QCOMPARE(stored.source, QStringLiteral("paper form, general assembly 2026"));
    QCOMPARE(stored.wording, QStringLiteral("Je souhaite recevoir la lettre d'information (form v3)"));
    QCOMPARE(stored.recordedBy, QStringLiteral("Secrétaire"));
    QCOMPARE(stored.recordedAt, db.clock().now());
    QCOMPARE(auditActions(db), QStringList{QStringLiteral("consent.grant")});
    // The audit entry holds no personal data.
    const auto entry = db.context().audit().list().value().first();
    QVERIFY(!entry.details.contains(QStringLiteral("email")));
    QCOMPARE(entry.memberId, m.id);
    QCOMPARE(entry.actor, QStringLiteral("Secrétaire"));
}

void TestConsentService::recordRefusesBadRequests()
{
    TempDatabase db;
    const Core::Member m = db.add(QStringLiteral("Luc"), QStringLiteral("Roy"), QStringLiteral("luc@example.org"));
    auto &consent = db.context().consent();

    GrantRequest future = express(QStringLiteral("newsletter"), db.clock().today().addDays(1));
    QCOMPARE(consent.record(m.id, future).error().field, QStringLiteral("date"));
    GrantRequest noSource = express();
    noSource.source = QStringLiteral("   ");
    QCOMPARE(consent.record(m.id, noSource).error().field, QStringLiteral("source"));
    GrantRequest implied = express();
    implied.basis = Basis::Implied;
    QCOMPARE(consent.record(m.id, implied).error().field, QStringLiteral("expires"));
    implied.expires = QDate(2026, 1, 1); // before the consent date
    QCOMPARE(consent.record(m.id, implied).error().field, QStringLiteral("expires"));
    GrantRequest expressWithExpiry = express();
    expressWithExpiry.expires = QDate(2027, 1, 1);
    QCOMPARE(consent.record(m.id, expressWithExpiry).error().field, QStringLiteral("expires"));
    QCOMPARE(consent.record(m.id, express(QStringLiteral("unknown"))).error().code, Core::Error::Code::NotFound);
    QCOMPARE(consent.record(999999, express()).error().code, Core::Error::Code::NotFound);
    GrantRequest missingEvidence = express();
    missingEvidence.evidenceFile = db.dir() + QStringLiteral("/missing.pdf");
    QCOMPARE(consent.record(m.id, missingEvidence).error().field, QStringLiteral("evidence"));

    // Nothing was written by any of them.
    QCOMPARE(consent.history(m.id).value().size(), 0);
    QVERIFY(auditActions(db).isEmpty());
}

void TestConsentService::evidenceIsKeptWithItsHash()
{
    TempDatabase db;
    const Core::Member m = db.add(QStringLiteral("Luc"), QStringLiteral("Roy"), QStringLiteral("luc@example.org"));
    const QString path = db.dir() + QStringLiteral("/formulaire signé.pdf");
    QByteArray content("%PDF-1.4 scanned form\n");
    content.append('\0');
    content.append("binary tail");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    GrantRequest r = express();
    r.evidenceFile = path;
    r.evidenceNote = QStringLiteral("Signed at the stall");
    auto e = db.context().consent().record(m.id, r);
    VERIFY_OK(e);
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QCOMPARE(e.value().evidenceSha256, sha);
    QCOMPARE(e.value().evidenceName, QStringLiteral("formulaire signé.pdf"));
    QCOMPARE(db.context().consent().evidence(sha).value(), content);
    QCOMPARE(db.context().consent().history(m.id).value().first().evidenceNote, QStringLiteral("Signed at the stall"));
}

void TestConsentService::withdrawOnePurpose()
{
    TempDatabase db;
    const Core::Member m = db.add(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("ana@example.org"));
    auto &consent = db.context().consent();
    QVERIFY(consent.record(m.id, express()).ok());
    auto w = consent.withdraw(m.id, withdrawal());
    VERIFY_OK(w);
    QCOMPARE(w.value().size(), 1);
    const Status s = statusOf(db, m.id, QStringLiteral("newsletter"));
    QVERIFY(!s.eligible);
    QCOMPARE(s.reason, Reason::Withdrawn);
    QCOMPARE(s.since, db.clock().today());
    // Association life is untouched; the address is not suppressed.
    QVERIFY(statusOf(db, m.id, QStringLiteral("association")).eligible);
    QVERIFY(!consent.isSuppressed(QStringLiteral("ana@example.org")).value());
    QCOMPARE(auditActions(db), (QStringList{QStringLiteral("consent.grant"), QStringLiteral("consent.withdraw")}));
    QCOMPARE(consent.withdraw(m.id, withdrawal({QStringLiteral("nope")})).error().code, Core::Error::Code::NotFound);
    WithdrawRequest noSource = withdrawal();
    noSource.source.clear();
    QCOMPARE(consent.withdraw(m.id, noSource).error().field, QStringLiteral("source"));
}

void TestConsentService::withdrawEverythingSuppressesTheAddress()
{
    TempDatabase db;
    const Core::Member m = db.add(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("Ana@Example.org"));
    auto &consent = db.context().consent();
    QVERIFY(consent.record(m.id, express()).ok());
    auto w = consent.withdraw(m.id, withdrawal({}));
    QVERIFY(w.ok());
    QCOMPARE(w.value().size(), 2);                                            // association and newsletter
    QVERIFY(consent.isSuppressed(QStringLiteral("ana@example.org")).value()); // case-insensitive
    QVERIFY(consent.isSuppressed(QStringLiteral(" ANA@EXAMPLE.ORG")).value());
    // Only a hash is kept.
    QSqlQuery q(db.context().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT address_sha256 FROM suppressions")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString().size(), 64);
    QVERIFY(!q.value(0).toString().contains(QStringLiteral("ana")));
}

void TestConsentService::suppressedAddressNeedsExplicitExpressConsent()
{
    TempDatabase db;
    const Core::Member m = db.add(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("ana@example.org"));
    auto &consent = db.context().consent();
    QVERIFY(consent.withdraw(m.id, withdrawal({})).ok());
    QCOMPARE(statusOf(db, m.id, QStringLiteral("newsletter")).reason, Reason::Suppressed);

    GrantRequest implied = express();
    implied.basis = Basis::LegitimateInterest;
    QCOMPARE(consent.record(m.id, implied).error().code, Core::Error::Code::Conflict);
    GrantRequest fromImport = express();
    fromImport.importSource = QStringLiteral("mailchimp.csv");
    QCOMPARE(consent.record(m.id, fromImport).error().code, Core::Error::Code::Conflict);
    QVERIFY(consent.isSuppressed(QStringLiteral("ana@example.org")).value());

    GrantRequest later = express(QStringLiteral("newsletter"), db.clock().today());
    QVERIFY(consent.record(m.id, later).ok());
    QVERIFY(!consent.isSuppressed(QStringLiteral("ana@example.org")).value());
    QVERIFY(statusOf(db, m.id, QStringLiteral("newsletter")).eligible);
    QVERIFY(!statusOf(db, m.id, QStringLiteral("association")).eligible); // still withdrawn there
    QVERIFY(auditActions(db).contains(QStringLiteral("suppression.lift")));
}

void TestConsentService::ledgerIsAppendOnly()
{
    TempDatabase db;
    const Core::Member m = db.add(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("ana@example.org"));
    QVERIFY(db.context().consent().record(m.id, express()).ok());
    QSqlQuery q(db.context().database().connection());
    QVERIFY(!q.exec(QStringLiteral("UPDATE consent_events SET basis = 'legitimate-interest'")));
    QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO consent_events (member_id, purpose, action, basis, occurred_on, "
                                   "recorded_at, source) VALUES (%1, 'newsletter', 'grant', NULL, '2026-01-01', "
                                   "'2026-01-01T00:00:00Z', 'x')")
                        .arg(m.id))); // a grant needs its basis
    QCOMPARE(db.context().consent().history(m.id).value().first().basis, Basis::Express);
}

void TestConsentService::associationDefaultsToImpliedByMembership()
{
    TempDatabase db; // jurisdiction "both" by default: implied by membership (CASL) is the stricter
    Core::Member ongoing = db.add(QStringLiteral("A"), QStringLiteral("Ongoing"), QStringLiteral("a@example.org"));
    Core::Member ended = db.add(QStringLiteral("B"), QStringLiteral("Ended"), QStringLiteral("b@example.org"));
    ended.membershipEnd = QDate(2023, 12, 31);
    QVERIFY(db.members().save(ended).ok());
    Core::Member recent = db.add(QStringLiteral("C"), QStringLiteral("Recent"), QStringLiteral("c@example.org"));
    recent.membershipEnd = QDate(2025, 12, 31);
    QVERIFY(db.members().save(recent).ok());

    const Status a = statusOf(db, ongoing.id, QStringLiteral("association"));
    QVERIFY(a.eligible);
    QVERIFY(a.byDefault);
    QCOMPARE(a.reason, Reason::ImpliedMembership);
    QCOMPARE(statusOf(db, ended.id, QStringLiteral("association")).reason, Reason::Expired);
    QCOMPARE(statusOf(db, recent.id, QStringLiteral("association")).validUntil, QDate(2027, 12, 31));
    // The newsletter needs express consent: nobody has it by default.
    QCOMPARE(statusOf(db, ongoing.id, QStringLiteral("newsletter")).reason, Reason::NoConsent);
}

void TestConsentService::jurisdictionEuUsesLegitimateInterest()
{
    TempDatabase db;
    Core::Member ended = db.add(QStringLiteral("B"), QStringLiteral("Ended"), QStringLiteral("b@example.org"));
    ended.membershipEnd = QDate(2020, 12, 31);
    QVERIFY(db.members().save(ended).ok());
    Organisation o;
    o.name = QStringLiteral("Asso");
    o.address = QStringLiteral("1 place X, Paris");
    o.email = QStringLiteral("contact@asso.example.org");
    o.jurisdiction = Jurisdiction::Eu;
    QVERIFY(db.context().consent().setOrganisation(o).ok());
    const Status s = statusOf(db, ended.id, QStringLiteral("association"));
    QVERIFY(s.eligible);
    QCOMPARE(s.reason, Reason::LegitimateInterest);
}

void TestConsentService::eligibilityGroupsExclusions()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    const Core::Member yes = db.add(QStringLiteral("Y"), QStringLiteral("Yes"), QStringLiteral("yes@example.org"));
    const Core::Member none = db.add(QStringLiteral("N"), QStringLiteral("None"), QStringLiteral("none@example.org"));
    const Core::Member noEmail = db.add(QStringLiteral("E"), QStringLiteral("NoEmail"), QString());
    const Core::Member gone = db.add(QStringLiteral("W"), QStringLiteral("Withdrawn"), QStringLiteral("w@example.org"));
    const Core::Member suppressed =
        db.add(QStringLiteral("S"), QStringLiteral("Supp"), QStringLiteral("s@example.org"));
    const Core::Member expired =
        db.add(QStringLiteral("X"), QStringLiteral("Expired"), QStringLiteral("x@example.org"));
    const Core::Member invalid =
        db.add(QStringLiteral("I"), QStringLiteral("Invalid"), QStringLiteral("i@example.org"));
    for (const Core::Member &m : {yes, noEmail, gone, suppressed, invalid})
        QVERIFY(consent.record(m.id, express()).ok());
    GrantRequest implied = express();
    implied.basis = Basis::Implied;
    implied.date = QDate(2024, 1, 1);
    implied.expires = QDate(2025, 1, 1);
    QVERIFY(consent.record(expired.id, implied).ok());
    QVERIFY(consent.withdraw(gone.id, withdrawal()).ok());
    QVERIFY(consent.withdraw(suppressed.id, withdrawal({})).ok());
    // An address another program wrote that cannot be mailed.
    QSqlQuery q(db.context().database().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE members SET email = 'i@@example' WHERE id = %1").arg(invalid.id)));

    auto result = consent.eligible(QStringLiteral("newsletter"));
    QVERIFY(result.ok());
    QCOMPARE(result.value().eligible, std::vector<qint64>{yes.id});
    const QJsonObject excluded = result.value().excludedJson();
    QCOMPARE(excluded.value(QStringLiteral("no_consent")).toInt(), 1);
    QCOMPARE(excluded.value(QStringLiteral("expired")).toInt(), 1);
    QCOMPARE(excluded.value(QStringLiteral("withdrawn")).toInt(), 1);
    QCOMPARE(excluded.value(QStringLiteral("suppressed")).toInt(), 1);
    QCOMPARE(excluded.value(QStringLiteral("invalid_email")).toInt(), 1);
    QCOMPARE(excluded.value(QStringLiteral("no_email")).toInt(), 1);
    QCOMPARE(result.value().excluded.value(Reason::NoConsent), std::vector<qint64>{none.id});

    // Out of a selection.
    auto some = consent.eligible(QStringLiteral("newsletter"), {yes.id, gone.id});
    QCOMPARE(some.value().eligible, std::vector<qint64>{yes.id});
    QCOMPARE(some.value().excludedCount(Reason::Withdrawn), 1);
    QCOMPARE(some.value().excludedCount(Reason::NoConsent), 0);
    QCOMPARE(consent.eligible(QStringLiteral("nope")).error().code, Core::Error::Code::NotFound);
}

void TestConsentService::withdrawnMemberNeverEligibleWhateverTheSelection()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    std::vector<qint64> all;
    std::vector<qint64> withdrawn;
    for (int i = 0; i < 60; ++i) {
        const Core::Member m =
            db.add(QStringLiteral("P%1").arg(i), QStringLiteral("Member"), QStringLiteral("p%1@example.org").arg(i),
                   i % 2 ? QStringLiteral("A") : QString());
        all.push_back(m.id);
        QVERIFY(consent.record(m.id, express()).ok());
        if (i % 3 == 0) {
            QVERIFY(
                consent.withdraw(m.id, withdrawal(i % 2 ? QStringList{} : QStringList{QStringLiteral("newsletter")}))
                    .ok());
            withdrawn.push_back(m.id);
        }
    }
    QRandomGenerator random(20261121);
    for (int round = 0; round < 50; ++round) {
        std::vector<qint64> selection;
        for (qint64 id : all) {
            if (random.bounded(2))
                selection.push_back(id);
        }
        selection.push_back(withdrawn[random.bounded(int(withdrawn.size()))]);
        selection.push_back(selection.front()); // a duplicate does not make anyone count twice
        for (const QString &purpose : {QStringLiteral("newsletter"), QStringLiteral("association")}) {
            auto result = consent.eligible(purpose, selection);
            QVERIFY(result.ok());
            for (qint64 id : result.value().eligible) {
                if (purpose == QLatin1String("newsletter") ||
                    std::find(withdrawn.begin(), withdrawn.end(), id) != withdrawn.end()) {
                    QVERIFY2(std::find(withdrawn.begin(), withdrawn.end(), id) == withdrawn.end() ||
                                 purpose == QLatin1String("association"),
                             qPrintable(QStringLiteral("withdrawn member %1 is eligible").arg(id)));
                }
            }
            if (purpose == QLatin1String("newsletter")) {
                for (qint64 id : withdrawn)
                    QVERIFY(std::find(result.value().eligible.begin(), result.value().eligible.end(), id) ==
                            result.value().eligible.end());
            }
        }
    }
    // The whole list too.
    auto everyone = consent.eligible(QStringLiteral("newsletter"));
    QCOMPARE(qint64(everyone.value().eligible.size()), qint64(all.size() - withdrawn.size()));
}

void TestConsentService::sidePanelSelections()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    const Core::Member missing =
        db.add(QStringLiteral("M"), QStringLiteral("Missing"), QStringLiteral("m@example.org"));
    const Core::Member soon = db.add(QStringLiteral("S"), QStringLiteral("Soon"), QStringLiteral("s@example.org"));
    const Core::Member later = db.add(QStringLiteral("L"), QStringLiteral("Later"), QStringLiteral("l@example.org"));
    const Core::Member gone = db.add(QStringLiteral("W"), QStringLiteral("Gone"), QStringLiteral("w@example.org"));
    GrantRequest implied = express();
    implied.basis = Basis::Implied;
    implied.expires = db.clock().today().addDays(ConsentService::kExpiringDays);
    QVERIFY(consent.record(soon.id, implied).ok());
    implied.expires = db.clock().today().addDays(ConsentService::kExpiringDays + 1);
    QVERIFY(consent.record(later.id, implied).ok());
    QVERIFY(consent.record(gone.id, express()).ok());
    QVERIFY(consent.withdraw(gone.id, withdrawal()).ok());
    QCOMPARE(consent.select(QStringLiteral("newsletter"), ConsentSelection::Missing).value(),
             std::vector<qint64>{missing.id});
    QCOMPARE(consent.select(QStringLiteral("newsletter"), ConsentSelection::Expiring).value(),
             std::vector<qint64>{soon.id});
    QCOMPARE(consent.select(QStringLiteral("newsletter"), ConsentSelection::Withdrawn).value(),
             std::vector<qint64>{gone.id});
}

void TestConsentService::bulkRecording()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    std::vector<qint64> ids;
    for (int i = 0; i < 1200; ++i)
        ids.push_back(
            db.add(QStringLiteral("P%1").arg(i), QStringLiteral("Bulk"), QStringLiteral("b%1@example.org").arg(i)).id);
    QVERIFY(consent.withdraw(ids[7], withdrawal({})).ok()); // suppressed: skipped in bulk
    int calls = 0;
    auto r = consent.recordMany(ids, express(), [&calls](int) { return ++calls > 0; });
    VERIFY_OK(r);
    QCOMPARE(r.value().recorded, 1199);
    QCOMPARE(r.value().suppressed, 1);
    QCOMPARE(calls, 3);
    QCOMPARE(qint64(consent.eligible(QStringLiteral("newsletter")).value().eligible.size()), 1199);
    QVERIFY(auditActions(db).contains(QStringLiteral("consent.bulk-grant")));

    // Cancelled: nothing recorded at all.
    GrantRequest other = express(QStringLiteral("association"));
    auto cancelled = consent.recordMany(ids, other, [](int done) { return done < 1000; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, Core::Error::Code::Cancelled); // said as a stop, not as a mistake
    QSqlQuery q(db.context().database().connection());
    QVERIFY(q.exec(
        QStringLiteral("SELECT count(*) FROM consent_events WHERE purpose = 'association' AND action = 'grant'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestConsentService::accessExport()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    const Core::Member m =
        db.add(QStringLiteral("Hélène"), QStringLiteral("Côté"), QStringLiteral("helene@example.org"));
    QVERIFY(consent.record(m.id, express()).ok());
    QVERIFY(consent.withdraw(m.id, withdrawal()).ok());
    auto json = db.context().privacy().exportMember(m.id, QStringLiteral("/home/x/helene.json"));
    VERIFY_OK(json);
    const QJsonObject o = json.value();
    QCOMPARE(o.value(QStringLiteral("member")).toObject().value(QStringLiteral("email")).toString(),
             QStringLiteral("helene@example.org"));
    QCOMPARE(o.value(QStringLiteral("consent_history")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("consent"))
                 .toObject()
                 .value(QStringLiteral("newsletter"))
                 .toObject()
                 .value(QStringLiteral("reason"))
                 .toString(),
             QStringLiteral("withdrawn"));
    QVERIFY(o.value(QStringLiteral("imports")).isArray());
    QVERIFY(o.value(QStringLiteral("messages")).isArray());
    QCOMPARE(o.value(QStringLiteral("audit")).toArray().size(), 2);
    QCOMPARE(auditActions(db).last(), QStringLiteral("member.export"));
    const auto entry = db.context().audit().list().value().first();
    QCOMPARE(entry.details.value(QStringLiteral("destination")).toString(), QStringLiteral("helene.json"));
}

void TestConsentService::erasure()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    const Core::Member m =
        db.add(QStringLiteral("Hélène"), QStringLiteral("Côté"), QStringLiteral("helene@example.org"));
    const Core::Member other =
        db.add(QStringLiteral("Other"), QStringLiteral("Member"), QStringLiteral("o@example.org"));
    QVERIFY(consent.record(m.id, express()).ok());
    QVERIFY(consent.record(other.id, express()).ok());
    auto erased = db.context().privacy().erase(m.id);
    VERIFY_OK(erased);
    QCOMPARE(erased.value().value(QStringLiteral("consent_events")).toInt(), 1);
    QCOMPARE(db.members().find(m.id).error().code, Core::Error::Code::NotFound);
    QVERIFY(consent.isSuppressed(QStringLiteral("helene@example.org")).value());
    QCOMPARE(consent.history(other.id).value().size(), 1);

    // Nothing personal remains anywhere in the file's tables.
    QSqlQuery q(db.context().database().connection());
    for (const QString &table :
         {QStringLiteral("members"), QStringLiteral("consent_events"), QStringLiteral("audit_log"),
          QStringLiteral("import_changes"), QStringLiteral("suppressions")}) {
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM %1").arg(table)));
        while (q.next()) {
            for (int c = 0; c < q.record().count(); ++c) {
                const QString v = q.value(c).toString();
                QVERIFY2(!v.contains(QStringLiteral("helene")) && !v.contains(QStringLiteral("Côté")),
                         qPrintable(table + QStringLiteral(": ") + v));
            }
        }
    }
    QCOMPARE(auditActions(db).last(), QStringLiteral("member.erase"));

    // The person comes back in a later file: the address stays suppressed until a new express consent.
    const Core::Member back =
        db.add(QStringLiteral("Hélène"), QStringLiteral("Côté"), QStringLiteral("Helene@example.org"));
    QCOMPARE(statusOf(db, back.id, QStringLiteral("newsletter")).reason, Reason::Suppressed);
    QCOMPARE(statusOf(db, back.id, QStringLiteral("association")).reason, Reason::Suppressed);
    QCOMPARE(db.context().privacy().erase(m.id).error().code, Core::Error::Code::NotFound);
}

void TestConsentService::deletingAMemberWhoWithdrewKeepsTheAddressSuppressed()
{
    TempDatabase db;
    auto &consent = db.context().consent();
    const Core::Member gone = db.add(QStringLiteral("A"), QStringLiteral("Gone"), QStringLiteral("gone@example.org"));
    const Core::Member plain =
        db.add(QStringLiteral("B"), QStringLiteral("Plain"), QStringLiteral("plain@example.org"));
    QVERIFY(consent.record(gone.id, express()).ok());
    QVERIFY(consent.withdraw(gone.id, withdrawal()).ok()); // the newsletter only
    QVERIFY(db.context().privacy().removeMember(gone.id).ok());
    QVERIFY(db.context().privacy().removeMember(plain.id).ok());
    QCOMPARE(db.members().count().value(), 0);
    QVERIFY(consent.isSuppressed(QStringLiteral("gone@example.org")).value());
    QVERIFY(!consent.isSuppressed(QStringLiteral("plain@example.org")).value());
    QCOMPARE(db.context().privacy().removeMember(gone.id).error().code, Core::Error::Code::NotFound);
}

void TestConsentService::demoAssociationHasConsentToShow()
{
    TempDatabase db;
    QVERIFY(Storage::DemoAssociation::populate(db.members(), db.clock()).ok());
    auto events = Consent::DemoConsent::populate(db.context().consent(), db.clock());
    QVERIFY(events.ok());
    QVERIFY(events.value() > 100);
    auto newsletter = db.context().consent().eligible(QStringLiteral("newsletter"));
    QVERIFY(newsletter.value().eligible.size() > 100);
    QVERIFY(newsletter.value().excludedCount(Reason::Withdrawn) +
                newsletter.value().excludedCount(Reason::Suppressed) >=
            3);
    QVERIFY(newsletter.value().excludedCount(Reason::NoConsent) > 50);
}

namespace {
// Tables of the schema that neither list names, and tables holding a member reference (a member_id column
// or a foreign key to members) that are not in the member data list.
QStringList unlistedTables(QSqlDatabase connection)
{
    const QStringList member = Consent::MemberPrivacy::memberDataTables();
    const auto without = Consent::MemberPrivacy::tablesWithoutMemberData();
    const bool sqlite = connection.driver()->dbmsType() == QSqlDriver::SQLite;
    QStringList out;
    QSqlQuery q(connection);
    q.exec(sqlite ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                   "ORDER BY name")
                  : QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                   "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"));
    QStringList tables;
    while (q.next())
        tables.append(q.value(0).toString());
    for (const QString &table : std::as_const(tables)) {
        bool refersToMembers = false;
        QSqlQuery c(connection);
        c.exec((sqlite ? QStringLiteral("SELECT name FROM pragma_table_info('%1')")
                       : QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                        "current_schema() AND table_name = '%1'"))
                   .arg(table));
        while (c.next())
            refersToMembers = refersToMembers || c.value(0).toString() == QLatin1String("member_id");
        c.exec((sqlite ? QStringLiteral("SELECT \"table\" FROM pragma_foreign_key_list('%1')")
                       : QStringLiteral("SELECT confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND "
                                        "conrelid = '%1'::regclass"))
                   .arg(table));
        while (c.next())
            refersToMembers = refersToMembers || c.value(0).toString() == QLatin1String("members");
        if (member.contains(table))
            continue;
        if (refersToMembers || !without.contains(table))
            out.append(table);
    }
    return out;
}
} // namespace

// Erasure and the access export go through one list of tables: every table of the schema is either in it or
// named as holding no member data, and any table referring to members must be in it. A later migration that
// adds a table fails here until erasure handles it.
void TestConsentService::everyTableIsListedForErasure()
{
    TempDatabase db;
    QSqlDatabase connection = db.context().database().connection();
    QCOMPARE(unlistedTables(connection), QStringList());
    // Each listed table exists, and none is in both lists.
    QSqlQuery q(connection);
    for (const QString &table : Consent::MemberPrivacy::memberDataTables()) {
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)), qPrintable(table));
        QVERIFY(!Consent::MemberPrivacy::tablesWithoutMemberData().contains(table));
    }
    // The access export lists the same tables.
    const Core::Member m = db.add(QStringLiteral("Ana"), QStringLiteral("Lune"), QStringLiteral("ana@example.org"));
    auto exported = db.context().privacy().exportMember(m.id, {});
    VERIFY_OK(exported);
    QStringList expected = Consent::MemberPrivacy::memberDataTables();
    expected.sort();
    QCOMPARE(exported.value().value(QStringLiteral("tables")).toObject().keys(), expected);
    auto erased = db.context().privacy().erase(m.id);
    VERIFY_OK(erased);
    QCOMPARE(erased.value().value(QStringLiteral("tables")).toObject().keys(), expected);
    // A table a later schema might add, with a member reference, is caught.
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE loyalty_points (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES "
                                  "members (id), points INTEGER)")));
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, member_id INTEGER, text TEXT)")));
    QCOMPARE(unlistedTables(connection), (QStringList{QStringLiteral("loyalty_points"), QStringLiteral("notes")}));
}

QTEST_GUILESS_MAIN(TestConsentService)
#include "tst_consentservice.moc"
