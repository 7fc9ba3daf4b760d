// carnet_contains(), the function Carnet adds to its SQLite connections for a report's free text, against
// its definition: the values that are not NULL or empty, joined by a space and folded by Core::TextFold,
// hold the folded needle. Random values mix ASCII in both cases, Latin letters with accents and ligatures,
// letters past Latin (which take TextFold's own path), Unicode spaces and NULLs; needles are cut from the
// folded text (so that most are found) or made up (so that most are not).
#include "core/TextFold.h"
#include "storage/SqlFunctions.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

class TestSqlFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void containsAsItsDefinitionSays_data();
    void containsAsItsDefinitionSays();
    void containsAgreesOnRandomText();

private:
    bool contains(const QString &needle, const QVariantList &values);
    QSqlDatabase m_db;
};

namespace {

const QString kConnection = QStringLiteral("tst_sqlfunctions");

bool expected(const QString &needle, const QVariantList &values)
{
    QStringList parts;
    for (const QVariant &v : values) {
        if (!v.isNull() && !v.toString().isEmpty())
            parts.append(v.toString());
    }
    return Core::TextFold::fold(parts.join(QLatin1Char(' '))).contains(needle);
}

QString randomText(QRandomGenerator &random, int maxLength)
{
    static const QString alphabet = QString::fromUtf8("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                                      "  .-@'éèêëÉÈàâÀçÇîïôöÔœŒæÆßùûüÿñ\u00A0");
    static const QString farAlphabet = QString::fromUtf8("ΩωЖжあ日\u2009\u0301");
    QString s;
    const int length = int(random.bounded(maxLength + 1));
    const bool far = random.bounded(8) == 0; // now and then a value TextFold alone folds
    for (int i = 0; i < length; ++i) {
        if (far && random.bounded(6) == 0)
            s += farAlphabet.at(int(random.bounded(farAlphabet.size())));
        else
            s += alphabet.at(int(random.bounded(alphabet.size())));
    }
    return s;
}

} // namespace

void TestSqlFunctions::initTestCase()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kConnection);
    m_db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(m_db.open());
    Storage::addSqliteFunctions(m_db);
}

void TestSqlFunctions::cleanupTestCase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(kConnection);
}

bool TestSqlFunctions::contains(const QString &needle, const QVariantList &values)
{
    QStringList marks(values.size() + 1, QStringLiteral("?"));
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral("SELECT carnet_contains(%1)").arg(marks.join(QLatin1Char(',')))))
        qFatal("%s", qPrintable(q.lastError().text()));
    q.addBindValue(needle);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        qFatal("%s", qPrintable(q.lastError().text()));
    return q.value(0).toBool();
}

void TestSqlFunctions::containsAsItsDefinitionSays_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<bool>("found");
    const QVariant null{QMetaType(QMetaType::QString)};
    QTest::newRow("capitals") << "tremblay" << QVariantList{"JEAN", "TREMBLAY"} << true;
    QTest::newRow("accents") << "helene cote" << QVariantList{"Hélène", "Côté"} << true;
    QTest::newRow("ligature") << "oeuvray" << QVariantList{"Émile", "Œuvray"} << true;
    QTest::newRow("eszett") << "strasse" << QVariantList{"Straße"} << true;
    QTest::newRow("across two values") << "jean trem" << QVariantList{"Jean", "Tremblay"} << true;
    QTest::newRow("not across a NULL") << "jean trem" << QVariantList{"Jean", null, "Tremblay"} << true;
    QTest::newRow("no joining without a space") << "jeantrem" << QVariantList{"Jean", "Tremblay"} << false;
    QTest::newRow("at the end of a long value")
        << "zzzz" << QVariantList{"abcdefghijklmnopqrstuvwxyzZZ", "Zz"} << false;
    QTest::newRow("the last bytes") << "uvwxyzzz" << QVariantList{"abcdefghijklmnopqrstUVWXYZZZ"} << true;
    QTest::newRow("needle longer than every value") << "marie-claire" << QVariantList{"Marie", "Claire"} << false;
    QTest::newRow("first byte flagged past a match") << "ab" << QVariantList{"xa`bxxxxxxxx"} << false;
    QTest::newRow("past Latin") << QString::fromUtf8("жанна") << QVariantList{QString::fromUtf8("ЖАННА"), "x"} << true;
    QTest::newRow("accented needle is folded already") << "e" << QVariantList{QString::fromUtf8("É")} << true;
    QTest::newRow("all NULL") << "a" << QVariantList{null, null} << false;
}

void TestSqlFunctions::containsAsItsDefinitionSays()
{
    QFETCH(QString, needle);
    QFETCH(QVariantList, values);
    QFETCH(bool, found);
    QCOMPARE(expected(needle, values), found); // the rows say what the definition says
    QCOMPARE(contains(needle, values), found);
}

void TestSqlFunctions::containsAgreesOnRandomText()
{
    QRandomGenerator random(20261203);
    int found = 0;
    for (int round = 0; round < 4000; ++round) {
        QVariantList values;
        const int count = 1 + int(random.bounded(6));
        for (int i = 0; i < count; ++i) {
            if (random.bounded(10) == 0)
                values.append(QVariant(QMetaType(QMetaType::QString)));
            else
                values.append(randomText(random, 24));
        }
        QString needle;
        QStringList parts;
        for (const QVariant &v : std::as_const(values))
            if (!v.isNull() && !v.toString().isEmpty())
                parts.append(v.toString());
        const QString folded = Core::TextFold::fold(parts.join(QLatin1Char(' ')));
        if (random.bounded(3) != 0 && !folded.isEmpty()) {
            const int from = int(random.bounded(folded.size()));
            needle = folded.mid(from, 1 + int(random.bounded(6)));
        } else {
            needle = Core::TextFold::fold(randomText(random, 3));
        }
        if (needle.isEmpty())
            continue;
        const bool want = expected(needle, values);
        found += want;
        QVERIFY2(contains(needle, values) == want,
                 qPrintable(QStringLiteral("needle \"%1\" in %2").arg(needle, parts.join(QLatin1String(" | ")))));
    }
    QVERIFY(found > 1000); // the cut needles are found, so both answers are exercised
}

QTEST_GUILESS_MAIN(TestSqlFunctions)
#include "tst_sqlfunctions.moc"
