// The consent rules as a pure function: each rule and its edges, data-driven.
#include "consent/ConsentRules.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Consent;

Q_DECLARE_METATYPE(Consent::Reason)

namespace {

const QDate kToday(2026, 11, 21);

Event grant(const QDate &on, Basis basis, const QDate &expires = {}, qint64 id = 0)
{
    Event e;
    e.id = id;
    e.purpose = QStringLiteral("newsletter");
    e.action = Action::Grant;
    e.basis = basis;
    e.occurredOn = on;
    e.expiresOn = expires;
    e.recordedAt = QDateTime(on, QTime(12, 0), Qt::UTC);
    e.source = QStringLiteral("paper form");
    return e;
}

Event withdrawal(const QDate &on, qint64 id = 0)
{
    Event e;
    e.id = id;
    e.purpose = QStringLiteral("newsletter");
    e.action = Action::Withdraw;
    e.occurredOn = on;
    e.recordedAt = QDateTime(on, QTime(12, 0), Qt::UTC);
    e.source = QStringLiteral("email reply");
    return e;
}

} // namespace

class TestConsentRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void defaultBasisPerJurisdiction();
    void impliedMembershipEndOnLeapDay();
    void timelineOfNoEvent();
    void timelineMatchesEvaluate();
};

void TestConsentRules::rules_data()
{
    QTest::addColumn<QList<Event>>("events");
    QTest::addColumn<QDate>("membershipEnd");
    QTest::addColumn<bool>("defaultImplied"); // the purpose's default basis is implied by membership
    QTest::addColumn<QDate>("at");
    QTest::addColumn<bool>("eligible");
    QTest::addColumn<Reason>("reason");
    QTest::addColumn<QDate>("validUntil");

    const QDate d2020(2020, 3, 1);
    QTest::newRow("nothing recorded") << QList<Event>{} << QDate() << false << kToday << false << Reason::NoConsent
                                      << QDate();
    QTest::newRow("express, long ago") << QList<Event>{grant(d2020, Basis::Express)} << QDate(2021, 1, 1) << false
                                       << kToday << true << Reason::Express << QDate();
    QTest::newRow("express recorded after today is not known yet")
        << QList<Event>{grant(kToday.addDays(1), Basis::Express)} << QDate() << false << kToday << false
        << Reason::NoConsent << QDate();

    // Implied by membership: while a member and until the end + 2 years, that last day included.
    QTest::newRow("implied, membership ongoing (no end)")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership)} << QDate() << false << kToday << true
        << Reason::ImpliedMembership << QDate();
    QTest::newRow("implied, membership ends next year")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership)} << QDate(2027, 6, 30) << false << kToday << true
        << Reason::ImpliedMembership << QDate(2029, 6, 30);
    QTest::newRow("implied, membership ended yesterday")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership)} << kToday.addDays(-1) << false << kToday << true
        << Reason::ImpliedMembership << QDate(2028, 11, 20);
    QTest::newRow("implied, membership ended 2 years ago today: last day")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership)} << QDate(2024, 11, 21) << false << kToday << true
        << Reason::ImpliedMembership << kToday;
    QTest::newRow("implied, membership ended 2 years and a day ago")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership)} << QDate(2024, 11, 20) << false << kToday << false
        << Reason::Expired << kToday.addDays(-1);
    QTest::newRow("implied, leap-day end, on 28 February two years later")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership)} << QDate(2024, 2, 29) << false << QDate(2026, 2, 28)
        << true << Reason::ImpliedMembership << QDate(2026, 2, 28);
    QTest::newRow("implied, leap-day end, on 1 March two years later")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership)} << QDate(2024, 2, 29) << false << QDate(2026, 3, 1)
        << false << Reason::Expired << QDate(2026, 2, 28);

    // Implied with an explicit expiry date.
    QTest::newRow("implied with expiry, before")
        << QList<Event>{grant(d2020, Basis::Implied, QDate(2026, 12, 31))} << QDate() << false << kToday << true
        << Reason::Implied << QDate(2026, 12, 31);
    QTest::newRow("implied with expiry, on the day") << QList<Event>{grant(d2020, Basis::Implied, kToday)} << QDate()
                                                     << false << kToday << true << Reason::Implied << kToday;
    QTest::newRow("implied with expiry, the day after")
        << QList<Event>{grant(d2020, Basis::Implied, kToday.addDays(-1))} << QDate() << false << kToday << false
        << Reason::Expired << kToday.addDays(-1);

    // Legitimate interest: until the member objects.
    QTest::newRow("legitimate interest") << QList<Event>{grant(d2020, Basis::LegitimateInterest)} << QDate(2020, 12, 31)
                                         << false << kToday << true << Reason::LegitimateInterest << QDate();
    QTest::newRow("legitimate interest, then objection")
        << QList<Event>{grant(d2020, Basis::LegitimateInterest), withdrawal(QDate(2025, 1, 1))} << QDate() << false
        << kToday << false << Reason::Withdrawn << QDate();

    // Withdrawal: not eligible until a new express consent.
    QTest::newRow("express then withdrawn") << QList<Event>{grant(d2020, Basis::Express), withdrawal(QDate(2026, 1, 5))}
                                            << QDate() << false << kToday << false << Reason::Withdrawn << QDate();
    QTest::newRow("withdrawn, then renewed membership (implied again) still withdrawn")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership), withdrawal(QDate(2025, 1, 1)),
                        grant(QDate(2026, 1, 1), Basis::ImpliedMembership)}
        << QDate(2027, 12, 31) << true << kToday << false << Reason::Withdrawn << QDate();
    QTest::newRow("withdrawn, then a new express consent")
        << QList<Event>{grant(d2020, Basis::Express), withdrawal(QDate(2025, 1, 1)),
                        grant(QDate(2026, 2, 1), Basis::Express)}
        << QDate() << false << kToday << true << Reason::Express << QDate();
    QTest::newRow("withdrawal is checked at the instant asked")
        << QList<Event>{grant(d2020, Basis::Express), withdrawal(QDate(2026, 1, 5))} << QDate() << false
        << QDate(2025, 6, 1) << true << Reason::Express << QDate();
    QTest::newRow("same-day grant then withdrawal: withdrawn")
        << QList<Event>{grant(kToday, Basis::Express, {}, 1), withdrawal(kToday, 2)} << QDate() << false << kToday
        << false << Reason::Withdrawn << QDate();

    // Express after implied: express wins, and lasts.
    QTest::newRow("express after implied, membership long over")
        << QList<Event>{grant(d2020, Basis::ImpliedMembership), grant(QDate(2021, 5, 1), Basis::Express)}
        << QDate(2021, 12, 31) << false << kToday << true << Reason::Express << QDate();
    QTest::newRow("implied after express: still express")
        << QList<Event>{grant(d2020, Basis::Express), grant(QDate(2021, 5, 1), Basis::ImpliedMembership)}
        << QDate(2022, 1, 1) << false << kToday << true << Reason::Express << QDate();

    // The purpose's default basis covers members without events, never after a withdrawal.
    QTest::newRow("default implied, ongoing member") << QList<Event>{} << QDate(2027, 3, 31) << true << kToday << true
                                                     << Reason::ImpliedMembership << QDate(2029, 3, 31);
    QTest::newRow("default implied, membership over 2 years ago")
        << QList<Event>{} << QDate(2023, 3, 31) << true << kToday << false << Reason::Expired << QDate(2025, 3, 31);
    QTest::newRow("default implied, objection recorded") << QList<Event>{withdrawal(QDate(2026, 3, 3))} << QDate()
                                                         << true << kToday << false << Reason::Withdrawn << QDate();
}

void TestConsentRules::rules()
{
    QFETCH(QList<Event>, events);
    QFETCH(QDate, membershipEnd);
    QFETCH(bool, defaultImplied);
    QFETCH(QDate, at);
    QFETCH(bool, eligible);
    QFETCH(Reason, reason);
    QFETCH(QDate, validUntil);

    const Membership membership{QDate(2019, 9, 1), membershipEnd};
    const Status s = evaluate(events, membership,
                              defaultImplied ? std::optional<Basis>(Basis::ImpliedMembership) : std::nullopt, at);
    QCOMPARE(s.eligible, eligible);
    QCOMPARE(reasonKey(s.reason), reasonKey(reason));
    QCOMPARE(s.validUntil, validUntil);
    // The order events are given in does not matter: they are ordered by date, then by recording.
    QList<Event> reversed(events.rbegin(), events.rend());
    const Status r = evaluate(reversed, membership,
                              defaultImplied ? std::optional<Basis>(Basis::ImpliedMembership) : std::nullopt, at);
    QCOMPARE(r.eligible, eligible);
    QCOMPARE(reasonKey(r.reason), reasonKey(reason));
}

void TestConsentRules::defaultBasisPerJurisdiction()
{
    Purpose association{QStringLiteral("association"), QStringLiteral("Association life"), true,
                        Basis::ImpliedMembership, Basis::LegitimateInterest};
    QCOMPARE(association.defaultBasis(Jurisdiction::Canada), Basis::ImpliedMembership);
    QCOMPARE(association.defaultBasis(Jurisdiction::Eu), Basis::LegitimateInterest);
    QCOMPARE(association.defaultBasis(Jurisdiction::Both), Basis::ImpliedMembership); // the one that ends
    Purpose newsletter{QStringLiteral("newsletter"), QStringLiteral("Newsletter"), true, Basis::Express,
                       Basis::Express};
    QVERIFY(!newsletter.defaultBasis(Jurisdiction::Canada));
    QVERIFY(!newsletter.defaultBasis(Jurisdiction::Both));
    Purpose mixed{QStringLiteral("events"), QStringLiteral("Events"), false, Basis::Express, Basis::LegitimateInterest};
    QVERIFY(!mixed.defaultBasis(Jurisdiction::Both)); // CASL asks for express: no default
    QCOMPARE(mixed.defaultBasis(Jurisdiction::Eu), Basis::LegitimateInterest);
}

void TestConsentRules::impliedMembershipEndOnLeapDay()
{
    QCOMPARE(impliedMembershipEnd(QDate(2024, 2, 29)), QDate(2026, 2, 28));
    QCOMPARE(impliedMembershipEnd(QDate(2026, 2, 28)), QDate(2028, 2, 28));
    QCOMPARE(impliedMembershipEnd(QDate(2026, 3, 1)), QDate(2028, 3, 1));
    QVERIFY(!impliedMembershipEnd(QDate()).isValid());
}

void TestConsentRules::timelineOfNoEvent()
{
    // No event, no default: no consent for ever, one segment.
    const QList<Segment> none = timeline({}, Membership{}, std::nullopt);
    QCOMPARE(none.size(), 1);
    QVERIFY(!none.first().from.isValid() && !none.first().to.isValid());
    QCOMPARE(none.first().status.reason, Reason::NoConsent);
    // Implied by membership ending 2025-06-30: eligible until 2027-06-30, expired after.
    const QList<Segment> member =
        timeline({}, Membership{QDate(2020, 1, 1), QDate(2025, 6, 30)}, Basis::ImpliedMembership);
    QCOMPARE(member.size(), 2);
    QCOMPARE(member.at(0).to, QDate(2027, 6, 30));
    QVERIFY(member.at(0).status.eligible);
    QVERIFY(member.at(0).status.byDefault);
    QCOMPARE(member.at(1).from, QDate(2027, 7, 1));
    QCOMPARE(member.at(1).status.reason, Reason::Expired);
}

// The property the stored statuses rest on: for random histories — events in any order, backdated,
// future-dated, same-day, implied grants with and without expiry, withdrawals, memberships ended or not —
// the time line covers every day exactly once and gives on each day exactly what evaluate() computes.
void TestConsentRules::timelineMatchesEvaluate()
{
    QRandomGenerator random(20261202);
    const QDate origin(2018, 1, 1);
    const QList<Basis> bases = {Basis::Express, Basis::ImpliedMembership, Basis::Implied, Basis::LegitimateInterest};
    const QList<std::optional<Basis>> defaults = {std::nullopt, Basis::ImpliedMembership, Basis::LegitimateInterest};
    int checked = 0;
    for (int history = 0; history < 3000; ++history) {
        QList<Event> events;
        const int count = random.bounded(0, 7);
        for (int i = 0; i < count; ++i) {
            const QDate on = origin.addDays(random.bounded(0, 4000));
            Event e = random.bounded(0, 4) == 0 ? withdrawal(on, i + 1)
                                                : grant(on, bases.at(random.bounded(0, 4)), QDate(), i + 1);
            if (e.basis == Basis::Implied)
                e.expiresOn = on.addDays(random.bounded(-30, 900));
            // Recorded in any order: sometimes long after, sometimes the same day as another.
            e.recordedAt = QDateTime(origin.addDays(random.bounded(0, 4000)), QTime(random.bounded(0, 24), 0), Qt::UTC);
            if (random.bounded(0, 5) == 0 && !events.isEmpty())
                e.occurredOn = events.at(random.bounded(0, int(events.size()))).occurredOn;
            events.append(e);
        }
        std::shuffle(events.begin(), events.end(), random);
        Membership membership;
        if (random.bounded(0, 4) != 0)
            membership.start = origin.addDays(random.bounded(-400, 3000));
        if (random.bounded(0, 3) != 0)
            membership.end = (membership.start.isValid() ? membership.start : origin).addDays(random.bounded(0, 1500));
        if (random.bounded(0, 20) == 0)
            membership.end = QDate(2024, 2, 29);
        const std::optional<Basis> byDefault = defaults.at(random.bounded(0, 3));

        const QList<Segment> line = timeline(events, membership, byDefault);
        QVERIFY(!line.isEmpty());
        QVERIFY(!line.first().from.isValid());
        QVERIFY(!line.last().to.isValid());
        QList<QDate> days = {origin.addDays(-3000), QDate(1900, 1, 1), QDate(2100, 1, 1)};
        for (int i = 0; i < line.size(); ++i) {
            const Segment &s = line.at(i);
            if (i > 0) // no gap, no overlap
                QCOMPARE(s.from, line.at(i - 1).to.addDays(1));
            if (s.from.isValid() && s.to.isValid())
                QVERIFY(s.from <= s.to);
            for (const QDate &d : {s.from, s.to}) {
                if (d.isValid())
                    days << d.addDays(-1) << d << d.addDays(1);
            }
        }
        for (int i = 0; i < 40; ++i)
            days << origin.addDays(random.bounded(-500, 5000));
        for (const QDate &day : std::as_const(days)) {
            const Status expected = evaluate(events, membership, byDefault, day);
            const auto holding = std::find_if(line.cbegin(), line.cend(), [&day](const Segment &s) {
                return (!s.from.isValid() || s.from <= day) && (!s.to.isValid() || day <= s.to);
            });
            QVERIFY(holding != line.cend());
            if (!(holding->status == expected)) {
                QFAIL(qPrintable(QStringLiteral("history %1, day %2: the time line says %3, evaluate() %4")
                                     .arg(history)
                                     .arg(day.toString(Qt::ISODate), reasonKey(holding->status.reason),
                                          reasonKey(expected.reason))));
            }
            ++checked;
        }
    }
    QVERIFY(checked > 100000);
}

QTEST_GUILESS_MAIN(TestConsentRules)
#include "tst_consentrules.moc"
