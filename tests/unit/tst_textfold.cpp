#include "core/TextFold.h"

#include <QTest>

class TestTextFold : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data();
    void fold();
    void simplified();
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
}

QTEST_GUILESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
