#include "TempDatabase.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using Core::Error;
using Core::Member;
using Storage::Selection;

namespace QTest {
template<>
char *toString(const Core::Member &m)
{
    return qstrdup(QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact).constData());
}
} // namespace QTest

class TestMemberRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aStaleVersionIsNeverOverwritten();
    void addsAndReadsBackEveryField();
    void refusesMissingNames();
    void emailRequiredUnlessNoEmail();
    void refusesInvalidEmailWithReason();
    void refusesDuplicateEmailCaseInsensitively();
    void householdMayShareAMailbox();
    void householdWithCreatesHousehold();
    void refusesDuplicateMemberNumber();
    void updatesAndKeepsCreatedAt();
    void removeDissolvesTwoPersonHousehold();
    void findsByReference();
    void hostileTextIsStoredVerbatim();
    void selectionsAndCounts();
    void idsFollowTheRequestedOrder();
    void fetchKeepsOrderAndSkipsMissing();
    void refusesEndBeforeStart();

private:
    std::unique_ptr<TempDatabase> m_db;
};

void TestMemberRepository::init()
{
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->errorMessage()));
}

void TestMemberRepository::cleanup()
{
    m_db.reset();
}

void TestMemberRepository::addsAndReadsBackEveryField()
{
    Member m;
    m.memberNumber = QStringLiteral(" 23000001 ");
    m.firstName = QString::fromUtf8("  Marie-Ève ");
    m.lastName = QString::fromUtf8("Gélinas\u00a0");
    m.email = QStringLiteral(" Marie-Eve.Gelinas@Courriel.Example.CA ");
    m.phone = QStringLiteral("514-555-0101");
    m.mobile = QStringLiteral("438-555-0102");
    m.address = QStringLiteral("4122 rue Bertrand\nApp. 3");
    m.postalCode = QStringLiteral("H2X 1Y4");
    m.city = QString::fromUtf8("Montréal");
    m.country = QStringLiteral("Canada");
    m.section = QStringLiteral("CPL");
    m.category = QStringLiteral("PT");
    m.membershipStart = QDate(2024, 2, 29);
    m.membershipEnd = QDate(2025, 2, 28);
    m.language = QStringLiteral("FR");
    m.notes = QString::fromUtf8("Bénévole le samedi.");
    m.extra = QJsonObject{{QStringLiteral("patron_attributes"), QStringLiteral("CODE:value,SHOW:yes")}};
    auto saved = m_db->members().save(m);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    const Member s = saved.value();
    QVERIFY(s.id > 0);
    QCOMPARE(s.memberNumber, QStringLiteral("23000001"));
    QCOMPARE(s.firstName, QString::fromUtf8("Marie-Ève"));
    QCOMPARE(s.lastName, QString::fromUtf8("Gélinas"));
    QCOMPARE(s.email, QStringLiteral("Marie-Eve.Gelinas@courriel.example.ca"));
    QCOMPARE(s.address, QStringLiteral("4122 rue Bertrand\nApp. 3"));
    QCOMPARE(s.membershipStart, QDate(2024, 2, 29));
    QCOMPARE(s.language, QStringLiteral("fr"));
    QCOMPARE(s.extra, m.extra);
    QCOMPARE(s.createdAt, m_db->clock().now());
    QCOMPARE(s.updatedAt, m_db->clock().now());

    QVERIFY(m_db->reopen());
    auto found = m_db->members().find(s.id);
    QVERIFY(found.ok());
    QCOMPARE(found.value(), s);

    const QJsonObject json = found.value().toJson();
    const QStringList keys = QStringLiteral("id,member_number,first_name,last_name,email,phone,mobile,address,"
                                            "postal_code,city,country,section,category,membership_start,"
                                            "membership_end,language,notes,household_id,extra,created_at,updated_at,"
                                            "version,updated_by")
                                 .split(QLatin1Char(','));
    QCOMPARE(json.keys().size(), keys.size());
    for (const QString &k : keys)
        QVERIFY2(json.contains(k), qPrintable(k));
    QCOMPARE(json.value(QStringLiteral("membership_start")).toString(), QStringLiteral("2024-02-29"));
    QVERIFY(json.value(QStringLiteral("household_id")).isNull());
    QCOMPARE(json.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-11-21T12:00:00Z"));
}

void TestMemberRepository::refusesMissingNames()
{
    Member m;
    m.firstName = QStringLiteral("   ");
    m.lastName = QString();
    m.email = QStringLiteral("x@example.org");
    Core::MemberValidation v;
    auto saved = m_db->members().save(m, 0, &v);
    QVERIFY(!saved.ok());
    QCOMPARE(v.errors.size(), 2);
    QCOMPARE(v.errors[0].field, QStringLiteral("first_name"));
    QCOMPARE(v.errors[1].field, QStringLiteral("last_name"));
    QCOMPARE(m_db->members().count().value(), 0);
}

void TestMemberRepository::emailRequiredUnlessNoEmail()
{
    Member m;
    m.firstName = QStringLiteral("Jean");
    m.lastName = QStringLiteral("Roy");
    auto saved = m_db->members().save(m);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().field, QStringLiteral("email"));
    m.noEmail = true;
    saved = m_db->members().save(m);
    QVERIFY(saved.ok());
    QVERIFY(saved.value().email.isNull());
    QVERIFY(saved.value().toJson().value(QStringLiteral("email")).isNull());
    // Two members without email do not conflict.
    QVERIFY(m_db->members().save(m).ok());
}

void TestMemberRepository::refusesInvalidEmailWithReason()
{
    Member m;
    m.firstName = QStringLiteral("Jean");
    m.lastName = QStringLiteral("Roy");
    m.email = QStringLiteral("jean.roy@gmail..com");
    auto saved = m_db->members().save(m);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, Error::Code::Invalid);
    QCOMPARE(saved.error().field, QStringLiteral("email"));
    QVERIFY(saved.error().message.contains(QStringLiteral("two periods")));
}

void TestMemberRepository::refusesDuplicateEmailCaseInsensitively()
{
    const Member first =
        m_db->add(QStringLiteral("Mathieu"), QStringLiteral("Girard"), QStringLiteral("mathieu.girard.1@example.com"));
    QVERIFY(first.id);
    Member dup;
    dup.firstName = QStringLiteral("Mathieu");
    dup.lastName = QStringLiteral("Girard");
    dup.email = QStringLiteral("MATHIEU.GIRARD.1@EXAMPLE.COM");
    auto saved = m_db->members().save(dup);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, Error::Code::Conflict);
    QCOMPARE(saved.error().field, QStringLiteral("email"));
    QVERIFY2(saved.error().message.contains(QStringLiteral("Mathieu Girard (member %1)").arg(first.id)),
             qPrintable(saved.error().message));
    // Editing the member itself keeps its own address.
    Member same = first;
    same.city = QStringLiteral("Lyon");
    QVERIFY(m_db->members().save(same).ok());
}

void TestMemberRepository::householdMayShareAMailbox()
{
    const Member a =
        m_db->add(QStringLiteral("Léa"), QStringLiteral("David"), QStringLiteral("famille.david@example.org"));
    Member b;
    b.firstName = QStringLiteral("Marc");
    b.lastName = QStringLiteral("David");
    b.email = QStringLiteral("Famille.David@example.org");
    auto saved = m_db->members().save(b, a.id);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    QVERIFY(saved.value().householdId != 0);
    QCOMPARE(m_db->members().find(a.id).value().householdId, saved.value().householdId);
    // A third person outside the household may not use it.
    Member c = b;
    c.firstName = QStringLiteral("Paul");
    QVERIFY(!m_db->members().save(c).ok());
}

void TestMemberRepository::householdWithCreatesHousehold()
{
    const Member a = m_db->add(QStringLiteral("A"), QStringLiteral("One"), QStringLiteral("a@example.org"));
    const Member b = m_db->add(QStringLiteral("B"), QStringLiteral("Two"), QStringLiteral("b@example.org"));
    Member c;
    c.firstName = QStringLiteral("C");
    c.lastName = QStringLiteral("Three");
    c.noEmail = true;
    auto withA = m_db->members().save(c, a.id);
    QVERIFY(withA.ok());
    Member b2 = b;
    auto joined = m_db->members().save(b2, withA.value().id);
    QVERIFY(joined.ok());
    QCOMPARE(joined.value().householdId, withA.value().householdId); // joins the existing household
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM households")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    // An unknown partner is an error and nothing is written.
    Member d;
    d.firstName = QStringLiteral("D");
    d.lastName = QStringLiteral("Four");
    d.noEmail = true;
    auto bad = m_db->members().save(d, 9999);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Error::Code::NotFound);
    QCOMPARE(m_db->members().count().value(), 3);
}

void TestMemberRepository::refusesDuplicateMemberNumber()
{
    Member a;
    a.firstName = QStringLiteral("A");
    a.lastName = QStringLiteral("B");
    a.noEmail = true;
    a.memberNumber = QStringLiteral("23000000");
    QVERIFY(m_db->members().save(a).ok());
    auto dup = m_db->members().save(a);
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().field, QStringLiteral("member_number"));
    QCOMPARE(dup.error().code, Error::Code::Conflict);
}

void TestMemberRepository::updatesAndKeepsCreatedAt()
{
    Member m = m_db->add(QStringLiteral("Noël"), QStringLiteral("Roux"), QStringLiteral("noel@example.org"));
    const QDateTime created = m.createdAt;
    m_db->clock().advanceDays(3);
    m.city = QStringLiteral("Lille");
    m.email = QStringLiteral("noel.roux@example.org");
    auto saved = m_db->members().save(m);
    QVERIFY(saved.ok());
    QCOMPARE(saved.value().createdAt, created);
    QCOMPARE(saved.value().updatedAt, created.addDays(3));
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("NOEL.ROUX@example.org")).value().id, m.id);
    QVERIFY(!m_db->members().findByEmail(QStringLiteral("noel@example.org")).ok());
    Member ghost = m;
    ghost.id = 4242;
    QCOMPARE(m_db->members().save(ghost).error().code, Error::Code::NotFound);
}

void TestMemberRepository::removeDissolvesTwoPersonHousehold()
{
    const Member a = m_db->add(QStringLiteral("A"), QStringLiteral("One"), QStringLiteral("a@example.org"));
    Member b;
    b.firstName = QStringLiteral("B");
    b.lastName = QStringLiteral("One");
    b.email = QStringLiteral("a@example.org");
    const Member saved = m_db->members().save(b, a.id).value();
    QVERIFY(m_db->members().remove(saved.id).ok());
    QCOMPARE(m_db->members().find(a.id).value().householdId, 0);
    QCOMPARE(m_db->members().remove(saved.id).error().code, Error::Code::NotFound);
    QCOMPARE(m_db->members().count().value(), 1);
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM households")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0); // the household itself is gone

    // Three in a household: one leaves, the other two are still one; another household is untouched.
    Member c = m_db->add(QStringLiteral("C"), QStringLiteral("Two"), QStringLiteral("c@example.org"));
    Member d;
    d.firstName = QStringLiteral("D");
    d.lastName = QStringLiteral("Two");
    d.email = QStringLiteral("d@example.org");
    d = m_db->members().save(d, c.id).value();
    Member e;
    e.firstName = QStringLiteral("E");
    e.lastName = QStringLiteral("Two");
    e.email = QStringLiteral("e@example.org");
    e = m_db->members().save(e, c.id).value();
    Member f;
    f.firstName = QStringLiteral("F");
    f.lastName = QStringLiteral("Three");
    f.email = QStringLiteral("f@example.org");
    f = m_db->members().save(f, a.id).value();
    const qint64 other = f.householdId;
    QVERIFY(other != 0);
    QVERIFY(m_db->members().remove(e.id).ok());
    QCOMPARE(m_db->members().find(c.id).value().householdId, d.householdId);
    QVERIFY(d.householdId != 0);
    QCOMPARE(m_db->members().find(a.id).value().householdId, other);
}

void TestMemberRepository::findsByReference()
{
    const Member a =
        m_db->add(QString::fromUtf8("Hélène"), QString::fromUtf8("Côté"), QStringLiteral("helene@exemple.fr"));
    QCOMPARE(m_db->members().findByReference(QString::number(a.id)).value().id, a.id);
    QCOMPARE(m_db->members().findByReference(QStringLiteral(" HELENE@Exemple.fr ")).value().id, a.id);
    QCOMPARE(m_db->members().findByReference(QStringLiteral("nobody@example.org")).error().code, Error::Code::NotFound);
    QCOMPARE(m_db->members().findByReference(QStringLiteral("999")).error().code, Error::Code::NotFound);
}

void TestMemberRepository::hostileTextIsStoredVerbatim()
{
    Member m;
    m.firstName = QStringLiteral("Robert'); DROP TABLE members;--");
    m.lastName = QStringLiteral("=HYPERLINK(\"http://x\")");
    m.notes = QStringLiteral("<script>alert(1)</script>\n%s %n \\0");
    m.city = QString::fromUtf8("😀 ∑ \u202e");
    m.noEmail = true;
    auto saved = m_db->members().save(m);
    QVERIFY(saved.ok());
    auto found = m_db->members().find(saved.value().id);
    QCOMPARE(found.value().firstName, m.firstName);
    QCOMPARE(found.value().lastName, m.lastName);
    QCOMPARE(found.value().notes, m.notes);
    QCOMPARE(found.value().city, QString::fromUtf8("😀 ∑ \u202e"));
    QCOMPARE(m_db->members().count().value(), 1);
}

void TestMemberRepository::selectionsAndCounts()
{
    FixedClock &clock = m_db->clock();
    const QDate today = clock.today();
    auto add = [&](const QString &last, const QString &section, const QString &category, QDate end, bool email) {
        Member m;
        m.firstName = QStringLiteral("X");
        m.lastName = last;
        m.section = section;
        m.category = category;
        m.membershipEnd = end;
        m.noEmail = !email;
        if (email)
            m.email = last.toLower() + QStringLiteral("@example.org");
        QVERIFY(m_db->members().save(m).ok());
    };
    add(QStringLiteral("Expired"), QStringLiteral("CPL"), QStringLiteral("A"), today.addDays(-1), true);
    add(QStringLiteral("EndsToday"), QStringLiteral("CPL"), QStringLiteral("B"), today, true);
    add(QStringLiteral("EndsIn60"), QStringLiteral("MPL"), QStringLiteral("A"), today.addDays(60), false);
    add(QStringLiteral("EndsIn61"), QStringLiteral("MPL"), QString(), today.addDays(61), true);
    add(QStringLiteral("NoEnd"), QString(), QStringLiteral("A"), QDate(), false);

    auto counts = m_db->members().selectionCounts(today);
    QVERIFY(counts.ok());
    QHash<QString, qint64> byKey;
    for (const auto &c : counts.value())
        byKey.insert(c.selection.key(), c.count);
    QCOMPARE(byKey.value(QStringLiteral("all")), 5);
    QCOMPARE(byKey.value(QStringLiteral("no-email")), 2);
    QCOMPARE(byKey.value(QStringLiteral("expired")), 1);
    QCOMPARE(byKey.value(QStringLiteral("ending-soon")), 2);
    QCOMPARE(byKey.value(QStringLiteral("section:CPL")), 2);
    QCOMPARE(byKey.value(QStringLiteral("section:MPL")), 2);
    QCOMPARE(byKey.value(QStringLiteral("section:")), 1);
    QCOMPARE(byKey.value(QStringLiteral("category:A")), 3);
    QVERIFY(byKey.contains(QStringLiteral("undeliverable")));
    QCOMPARE(byKey.value(QStringLiteral("undeliverable")), 0);
    // An address the mailbox found dead counts while it is the member's address; a mark for an address no
    // member has (corrected since) does not.
    QSqlQuery mark(m_db->context().database().connection());
    QVERIFY(mark.exec(QStringLiteral("INSERT INTO undeliverable_addresses (address_key, category, since) VALUES "
                                     "('expired@example.org', 'address_unknown', '2026-01-01T00:00:00Z'), "
                                     "('someone.else@example.org', 'address_unknown', '2026-01-01T00:00:00Z')")));
    counts = m_db->members().selectionCounts(today);
    QVERIFY(counts.ok());
    for (const auto &c : counts.value())
        if (c.selection.kind == Selection::Kind::Undeliverable)
            QCOMPARE(c.count, 1);
    QCOMPARE(Selection::fromKey(QStringLiteral("undeliverable")).kind, Selection::Kind::Undeliverable);
    QVERIFY(Selection::fromKey(QStringLiteral("undeliverable")).isResolved());

    Storage::MemberQuery q;
    q.today = today;
    q.selection = {Selection::Kind::MembershipEndingSoon, {}};
    QCOMPARE(m_db->members().list(q).value().size(), 2);
    q.selection = {Selection::Kind::Section, QStringLiteral("MPL")};
    const auto mpl = m_db->members().list(q).value();
    QCOMPARE(mpl.size(), 2);
    QCOMPARE(mpl[0].lastName, QStringLiteral("EndsIn60"));
    q.selection = Selection::fromKey(QStringLiteral("category:A"));
    QCOMPARE(m_db->members().ids(q).value().size(), size_t(3));
    q.selection = {Selection::Kind::Section, QStringLiteral("x' OR 1=1 --")};
    QCOMPARE(m_db->members().ids(q).value().size(), size_t(0));
}

void TestMemberRepository::idsFollowTheRequestedOrder()
{
    m_db->add(QStringLiteral("B"), QStringLiteral("Zola"), QStringLiteral("z@example.org"));
    m_db->add(QStringLiteral("A"), QStringLiteral("adam"), QStringLiteral("a@example.org"));
    m_db->add(QStringLiteral("C"), QStringLiteral("Martin"), QStringLiteral("m@example.org"));
    Storage::MemberQuery q;
    q.sortField = Core::MemberField::LastName;
    std::vector<qint64> expected{2, 3, 1};
    QCOMPARE(m_db->members().ids(q).value(), expected);
    q.sortOrder = Qt::DescendingOrder;
    expected = {1, 3, 2};
    QCOMPARE(m_db->members().ids(q).value(), expected);
    q.sortField = Core::MemberField::Email;
    q.sortOrder = Qt::AscendingOrder;
    expected = {2, 3, 1};
    QCOMPARE(m_db->members().ids(q).value(), expected);
}

void TestMemberRepository::fetchKeepsOrderAndSkipsMissing()
{
    for (int i = 0; i < 1200; ++i)
        m_db->add(QStringLiteral("F%1").arg(i), QStringLiteral("L"), QStringLiteral("m%1@example.org").arg(i));
    std::vector<qint64> ids{1200, 5, 99999, 1, 700};
    const auto members = m_db->members().fetch(ids).value();
    QCOMPARE(members.size(), 4);
    QCOMPARE(members[0].id, 1200);
    QCOMPARE(members[1].id, 5);
    QCOMPARE(members[2].id, 1);
    QCOMPARE(members[3].id, 700);
    std::vector<qint64> all;
    for (qint64 i = 1200; i >= 1; --i)
        all.push_back(i);
    const auto many = m_db->members().fetch(all).value(); // more than one chunk of bound values
    QCOMPARE(many.size(), 1200);
    QCOMPARE(many.first().firstName, QStringLiteral("F1199"));
    QCOMPARE(many.last().firstName, QStringLiteral("F0"));
}

void TestMemberRepository::refusesEndBeforeStart()
{
    Member m;
    m.firstName = QStringLiteral("A");
    m.lastName = QStringLiteral("B");
    m.noEmail = true;
    m.membershipStart = QDate(2025, 5, 1);
    m.membershipEnd = QDate(2025, 4, 30);
    auto saved = m_db->members().save(m);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().field, QStringLiteral("membership_end"));
    m.language = QStringLiteral("de");
    m.membershipEnd = QDate();
    QCOMPARE(m_db->members().save(m).error().field, QStringLiteral("language"));
}

// Every change moves the member's version on; a save of a member read at an older version is refused with
// who changed it, and nothing is written (the window and a script read before another computer saved).
void TestMemberRepository::aStaleVersionIsNeverOverwritten()
{
    const Core::Member lea = m_db->add(QStringLiteral("Léa"), QStringLiteral("Roy"), QStringLiteral("lea@example.org"));
    QCOMPARE(lea.version, 1);
    QCOMPARE(lea.updatedBy, m_db->context().database().access().login);
    Core::Member here = lea, there = lea;
    there.city = QStringLiteral("Lyon");
    auto saved = m_db->members().save(there);
    QVERIFY(saved.ok());
    QCOMPARE(saved.value().version, 2);
    here.phone = QStringLiteral("0612345678");
    auto refused = m_db->members().save(here);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Core::Error::Code::Stale);
    QVERIFY2(refused.error().message.contains(QStringLiteral("nothing was overwritten")),
             qPrintable(refused.error().message));
    auto now = m_db->members().find(lea.id);
    QVERIFY(now.ok());
    QCOMPARE(now.value().city, QStringLiteral("Lyon"));
    QVERIFY(now.value().phone.isEmpty());
    QCOMPARE(now.value().version, 2);
    // Saved from the current version, it goes through; version 0 (no version known) saves as before.
    Core::Member fresh = now.value();
    fresh.phone = QStringLiteral("0612345678");
    QVERIFY(m_db->members().save(fresh).ok());
    Core::Member unversioned = fresh;
    unversioned.version = 0;
    unversioned.notes = QStringLiteral("x");
    auto last = m_db->members().save(unversioned);
    QVERIFY(last.ok());
    QCOMPARE(last.value().version, 4);
    // Deleting a member changed since it was shown: refused the same way, nothing removed.
    auto staleDelete = m_db->members().remove(fresh.id, 3);
    QVERIFY(!staleDelete.ok());
    QCOMPARE(staleDelete.error().code, Core::Error::Code::Stale);
    QVERIFY(m_db->members().find(fresh.id).ok());
    QVERIFY(m_db->members().remove(fresh.id, 4).ok());
    QCOMPARE(m_db->members().find(fresh.id).error().code, Core::Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestMemberRepository)
#include "tst_memberrepository.moc"
