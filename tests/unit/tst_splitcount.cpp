// Storage::countInHalves: a count over every member made on two connections at once gives what one count
// gives, and declines (nullopt: the caller counts alone) where splitting would be wrong or slower.
#include "TempDatabase.h"

#include "storage/Database.h"
#include "storage/SplitCount.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

class TestSplitCount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void halvesAddUpToTheWholeCount_data();
    void halvesAddUpToTheWholeCount();
    void declinesWhereItWouldBeWrongOrSlower();

private:
    qint64 wholeCount(const QString &where, const QVariantList &bindings);
    std::unique_ptr<TempDatabase> m_db;
};

void TestSplitCount::init()
{
    m_db = std::make_unique<TempDatabase>();
    QVERIFY(m_db->ok());
    // 3,001 members with gaps in their ids (deleted ones), accents, empty and missing values.
    Storage::Database &database = m_db->context().database();
    auto r = database.write([&]() -> Core::Result<void> {
        QSqlQuery q(database.connection());
        q.prepare(QStringLiteral("INSERT INTO members (id, first_name, last_name, email, email_key, city, section, "
                                 "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')"));
        const QStringList cities = {QStringLiteral("Montréal"), QStringLiteral("Québec"), QStringLiteral("Lyon"),
                                    QString(), QStringLiteral("Trois-Rivières")};
        for (int i = 1; i <= 3001; ++i) {
            const qint64 id = qint64(i) * 3 + (i % 7 == 0 ? 1 : 0);
            const QString email = i % 11 == 0 ? QString() : QStringLiteral("m%1@example.org").arg(i);
            q.addBindValue(id);
            q.addBindValue(i % 5 == 0 ? QStringLiteral("Hélène") : QStringLiteral("Marc"));
            q.addBindValue(QStringLiteral("Nom%1").arg(i % 13));
            q.addBindValue(email.isEmpty() ? QVariant() : QVariant(email));
            q.addBindValue(email.isEmpty() ? QVariant() : QVariant(email));
            const QString city = cities[i % cities.size()];
            q.addBindValue(city.isNull() ? QVariant() : QVariant(city));
            q.addBindValue(QStringLiteral("S%1").arg(i % 4));
            if (!q.exec())
                return Storage::Database::errorFrom(q.lastError(), QStringLiteral("test members"));
        }
        return {};
    });
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
}

void TestSplitCount::cleanup()
{
    m_db.reset();
}

qint64 TestSplitCount::wholeCount(const QString &where, const QVariantList &bindings)
{
    QSqlQuery q(m_db->context().database().connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM members WHERE ") + where);
    for (const QVariant &v : bindings)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestSplitCount::halvesAddUpToTheWholeCount_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QVariantList>("bindings");
    QTest::newRow("free text (Carnet's own function on the second connection too)")
        << QStringLiteral("carnet_contains(?, members.first_name, members.last_name, members.city)")
        << QVariantList{QStringLiteral("helene nom1")};
    QTest::newRow("a text condition with bound values")
        << QStringLiteral("members.city LIKE ? OR members.last_name = ?")
        << QVariantList{QStringLiteral("%bec"), QStringLiteral("Nom3")};
    QTest::newRow("no email") << QStringLiteral("coalesce(trim(members.email), '') = ''") << QVariantList{};
    QTest::newRow("matches nobody") << QStringLiteral("members.city = ?") << QVariantList{QStringLiteral("Paris")};
    QTest::newRow("a subquery")
        << QStringLiteral("coalesce(members.city, '') <> ? AND members.id NOT IN (SELECT m.id FROM members m WHERE "
                          "m.last_name = ?)")
        << QVariantList{QStringLiteral("Lyon"), QStringLiteral("Nom4")};
}

void TestSplitCount::halvesAddUpToTheWholeCount()
{
    QFETCH(QString, where);
    QFETCH(QVariantList, bindings);
    const qint64 whole = wholeCount(where, bindings);
    QVERIFY(whole >= 0);
    const std::optional<qint64> split = Storage::countInHalves(m_db->context().database(), where, bindings, 100);
    QVERIFY2(split.has_value(), "a scan of every member on a file of more than 100 ids is split");
    QCOMPARE(*split, whole);
}

void TestSplitCount::declinesWhereItWouldBeWrongOrSlower()
{
    Storage::Database &database = m_db->context().database();
    const QString scan = QStringLiteral("members.city LIKE ?");
    const QVariantList bindings{QStringLiteral("%o%")};
    QVERIFY(Storage::countInHalves(database, scan, bindings, 100).has_value());
    // Fewer ids than the threshold (the default one: 200,000).
    QVERIFY(!Storage::countInHalves(database, scan, bindings).has_value());
    // An index answers it: one core is quicker.
    QVERIFY(!Storage::countInHalves(database, QStringLiteral("members.section = ?"), {QStringLiteral("S1")}, 100)
                 .has_value());
    // No condition: SQLite counts the whole table from its structure.
    QVERIFY(!Storage::countInHalves(database, QString(), {}, 100).has_value());
    // Inside a write: the other connection would not see what this one changed.
    std::optional<qint64> inside = 0;
    auto r = database.write([&]() -> Core::Result<void> {
        QSqlQuery q(database.connection());
        q.exec(QStringLiteral("UPDATE members SET city = 'Dorval' WHERE id < 100"));
        inside = Storage::countInHalves(database, scan, bindings, 100);
        return {};
    });
    QVERIFY(r.ok());
    QVERIFY(!inside.has_value());
    // A condition SQLite refuses: declined, the caller's own count then says why.
    QVERIFY(!Storage::countInHalves(database, QStringLiteral("no_such_column = 1"), {}, 100).has_value());
}

QTEST_GUILESS_MAIN(TestSplitCount)
#include "tst_splitcount.moc"
