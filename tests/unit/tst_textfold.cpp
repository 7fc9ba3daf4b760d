#include "core/KeyTable.h"
#include "core/TextFold.h"

#include <QHash>
#include <QRandomGenerator>

#include <QTest>

class TestTextFold : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data();
    void fold();
    void simplified();
    void keyTableAgreesWithAHash();
};

void TestTextFold::fold_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("folded");
    QTest::newRow("accents") << QString::fromUtf8("Hélène Côté") << "helene cote";
    QTest::newRow("upper accents") << QString::fromUtf8("ÉLODIE GÉLINAS") << "elodie gelinas";
    QTest::newRow("diaeresis") << QString::fromUtf8("Loïc, Anaïs, Noël, Maëlys, Müller")
                               << "loic, anais, noel, maelys, muller";
    QTest::newRow("cedilla") << QString::fromUtf8("François Garçon") << "francois garcon";
    QTest::newRow("ligatures") << QString::fromUtf8("Œuvre, cœur, Æsop, Straße") << "oeuvre, coeur, aesop, strasse";
    QTest::newRow("decomposed input") << QString::fromUtf8("He\u0301le\u0300ne") << "helene";
    QTest::newRow("no-break space") << QString::fromUtf8("Marie\u00a0Ève") << "marie eve";
    QTest::newRow("ascii unchanged") << "o'brien-smith 42"
                                     << "o'brien-smith 42";
    QTest::newRow("greek") << QString::fromUtf8("Ωμέγα") << QString::fromUtf8("ωμεγα");
    QTest::newRow("emoji kept") << QString::fromUtf8("a😀b") << QString::fromUtf8("a😀b");
}

void TestTextFold::fold()
{
    QFETCH(QString, input);
    QFETCH(QString, folded);
    QCOMPARE(Core::TextFold::fold(input), folded);
}

void TestTextFold::simplified()
{
    QCOMPARE(Core::TextFold::simplified(QString::fromUtf8("  Jean\u00a0\u00a0 Philippe\t")),
             QStringLiteral("Jean Philippe"));
    QCOMPARE(Core::TextFold::simplified(QString::fromUtf8("\u200bLéa\ufeff")), QString::fromUtf8("Léa"));
    QCOMPARE(Core::TextFold::simplified(QStringLiteral("   ")), QString());
    // Already clean: the same string comes back, shared rather than copied (a million cells an import).
    const QString clean = QString::fromUtf8("Hélène Côté");
    QCOMPARE(Core::TextFold::simplified(clean).constData(), clean.constData());
    QCOMPARE(Core::TextFold::simplified(QStringView(clean)), clean);
}

// The import's table of email addresses and member numbers: what a QHash would answer, through its growth,
// for keys that differ by one character, by case, by an accent, and keys outside the BMP.
void TestTextFold::keyTableAgreesWithAHash()
{
    Core::KeyTable table;
    QHash<QString, qint64> reference;
    QRandomGenerator random(42);
    const QStringList stems = {QStringLiteral("lea@example.org"), QString::fromUtf8("léa@exemple.fr"),
                               QString::fromUtf8("🎉@example.org"), QStringLiteral("LEA@example.org"),
                               QStringLiteral("M-000")};
    for (int i = 0; i < 50000; ++i) {
        const QString key = stems[random.bounded(int(stems.size()))] + QString::number(random.bounded(20000));
        const qint64 value = i % 3 == 0 ? -qint64(i) - 1 : qint64(i) + 1; // lines (negative) and ids
        table.insert(key, value);
        reference.insert(key, value);
        if (i % 997 == 0) { // look up along the way, through the growths
            QCOMPARE(table.size(), reference.size());
            QCOMPARE(table.value(key), value);
        }
    }
    QCOMPARE(table.size(), reference.size());
    for (auto it = reference.cbegin(); it != reference.cend(); ++it)
        QCOMPARE(table.value(it.key()), it.value());
    QCOMPARE(table.value(QStringLiteral("absent@example.org")), 0);
    QCOMPARE(table.value(QString()), 0);
    Core::KeyTable reserved;
    reserved.reserve(1000);
    QCOMPARE(reserved.value(QStringLiteral("x")), 0);
    reserved.insert(QStringLiteral("x"), 7);
    reserved.insert(QStringLiteral("x"), 8); // a second insert replaces the value
    QCOMPARE(reserved.size(), 1);
    QCOMPARE(reserved.value(QStringLiteral("x")), 8);
}

QTEST_GUILESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
