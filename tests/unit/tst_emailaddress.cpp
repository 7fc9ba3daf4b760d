#include "core/EmailAddress.h"

#include <QTest>

using Core::EmailAddress::check;

class TestEmailAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void suggestsTypoFixes_data();
    void suggestsTypoFixes();
    void keyIsCaseInsensitive();
};

void TestEmailAddress::accepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("asciiDomain");
    QTest::addColumn<bool>("smtputf8");

    QTest::newRow("plain") << "lea.david@example.org"
                           << "lea.david@example.org"
                           << "example.org" << false;
    QTest::newRow("domain lower-cased, local kept") << "Helene.Cote@Exemple.FR"
                                                    << "Helene.Cote@exemple.fr"
                                                    << "exemple.fr" << false;
    QTest::newRow("spaces trimmed") << "  zoe@example.com\t"
                                    << "zoe@example.com"
                                    << "example.com" << false;
    QTest::newRow("no-break spaces trimmed (Excel)")
        << QString::fromUtf8("\u00a0marc@example.com\u202f") << "marc@example.com"
        << "example.com" << false;
    QTest::newRow("plus and slash") << "user+mailbox/department=shipping@example.tld"
                                    << "user+mailbox/department=shipping@example.tld"
                                    << "example.tld" << false;
    QTest::newRow("every atext") << "!#$%&'*+-/=?^_`.{|}~@example.tld"
                                 << "!#$%&'*+-/=?^_`.{|}~@example.tld"
                                 << "example.tld" << false;
    QTest::newRow("IDN québec") << QString::fromUtf8("info@exemple.québec") << QString::fromUtf8("info@exemple.québec")
                                << "exemple.xn--qubec-csa" << false;
    QTest::newRow("IDN upper-case") << QString::fromUtf8("info@EXEMPLE.QUÉBEC")
                                    << QString::fromUtf8("info@exemple.québec") << "exemple.xn--qubec-csa" << false;
    QTest::newRow("punycode given") << "test@xn--hxajbheg2az3al.xn--jxalpdlp"
                                    << "test@xn--hxajbheg2az3al.xn--jxalpdlp"
                                    << "xn--hxajbheg2az3al.xn--jxalpdlp" << false;
    QTest::newRow("UTF-8 local part") << QString::fromUtf8("héloïse@example.fr")
                                      << QString::fromUtf8("héloïse@example.fr") << "example.fr" << true;
    QTest::newRow("64-character local part")
        << QString(64, QLatin1Char('a')) + QStringLiteral("@example.org")
        << QString(64, QLatin1Char('a')) + QStringLiteral("@example.org") << "example.org" << false;
    QTest::newRow("digits and hyphens") << "test@g--a.com"
                                        << "test@g--a.com"
                                        << "g--a.com" << false;
    QTest::newRow("full-width dot in domain") << QString::fromUtf8("a@example\uff0eorg") << "a@example.org"
                                              << "example.org" << false;
}

void TestEmailAddress::accepts()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QFETCH(QString, asciiDomain);
    QFETCH(bool, smtputf8);
    const auto result = check(input);
    QVERIFY2(result.valid, qPrintable(result.error));
    QCOMPARE(result.normalized, normalized);
    QCOMPARE(result.asciiDomain, asciiDomain);
    QCOMPARE(result.needsSmtpUtf8, smtputf8);
    QVERIFY(result.error.isEmpty());
}

void TestEmailAddress::refuses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("only spaces") << "   "
                                 << "empty";
    QTest::newRow("no at") << "hello.world"
                           << "@ sign";
    QTest::newRow("two at") << "a@b@example.org"
                            << "only one @";
    QTest::newRow("full-width at") << QString::fromUtf8("hello\uff20world.org") << "full-width";
    QTest::newRow("nothing before at") << "@example.com"
                                       << "before the @";
    QTest::newRow("nothing after at") << "test@"
                                      << "domain after";
    QTest::newRow("no period in domain") << "my@localhost"
                                         << "period";
    QTest::newRow("leading dot") << ".lea@example.org"
                                 << "start with a period";
    QTest::newRow("trailing dot before at") << "lea.@example.org"
                                            << "just before the @";
    QTest::newRow("two dots") << "lea..david@example.org"
                              << "two periods";
    QTest::newRow("two dots in domain") << "my@twodots..com"
                                        << "two periods";
    QTest::newRow("dot after at") << "my@.leadingdot.com"
                                  << "just after the @";
    QTest::newRow("domain ends with dot") << "my@example.com."
                                          << "end with a period";
    QTest::newRow("hyphen after at") << "me@-example.com"
                                     << "hyphen";
    QTest::newRow("hyphen at end") << "me@example.com-"
                                   << "hyphen";
    QTest::newRow("dot hyphen") << "my@baddash.-a.com"
                                << "period and a hyphen";
    QTest::newRow("space inside") << "white space@example.org"
                                  << "not allowed";
    QTest::newRow("space in domain") << "test@white space.org"
                                     << "not allowed";
    QTest::newRow("comma (Outlook list)") << "a@example.org,b@example.org"
                                          << "only one @";
    QTest::newRow("comma") << "a,b@example.org"
                           << "not allowed";
    QTest::newRow("semicolon") << "a@example.org;"
                               << "not allowed";
    QTest::newRow("line feed (header injection)") << "a@example.org\nBcc: victim@example.com"
                                                  << "line break";
    QTest::newRow("carriage return") << "a@example.org\r"
                                     << "line break";
    QTest::newRow("display name") << "Léa <lea@example.org>"
                                  << "angle brackets";
    QTest::newRow("quoted local part") << "\"lea david\"@example.org"
                                       << "quotes";
    QTest::newRow("IP literal") << "me@[127.0.0.1]"
                                << "IP address";
    QTest::newRow("reserved .test") << "me@example.test"
                                    << "reserved";
    QTest::newRow("reserved .local") << "me@link.local"
                                     << "reserved";
    QTest::newRow("reserved .invalid") << "me@carnet.invalid"
                                       << "reserved";
    QTest::newRow("numeric TLD") << "me@bad.tld-2"
                                 << "top-level domain";
    QTest::newRow("numeric TLD 2") << "me@example.123"
                                   << "top-level domain";
    QTest::newRow("local part too long") << QString(65, QLatin1Char('a')) + QStringLiteral("@example.org")
                                         << "too long";
    QTest::newRow("label too long") << QStringLiteral("a@") + QString(64, QLatin1Char('b')) + QStringLiteral(".org")
                                    << "too long";
    QTest::newRow("address too long") << QStringLiteral("a@") +
                                             QStringList(5, QString(60, QLatin1Char('c'))).join(QLatin1Char('.')) +
                                             QStringLiteral(".org")
                                      << "too long";
    QTest::newRow("zero-width space") << QString::fromUtf8("lea\u200b@example.org") << "not allowed";
    QTest::newRow("bidi override") << QString::fromUtf8("\u202elea@example.org") << "not allowed";
    QTest::newRow("control character") << QString::fromUtf8("lea\u0007@example.org") << "not allowed";
    QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("@example.org") << "not allowed";
    QTest::newRow("bad punycode") << "me@xn--0.tld"
                                  << "international";
    QTest::newRow("two letters two hyphens") << "me@yy--0.tld"
                                             << "two hyphens";
    QTest::newRow("SQL") << "'; DROP TABLE members; --@example.org"
                         << "not allowed";
    QTest::newRow("enclosed digit with period") << QString::fromUtf8("me@\u2488wouldbeinvalid.com") << "not allowed";
    QTest::newRow("combining mark starts label") << QString::fromUtf8("me@\u0300x.org") << "international";
}

void TestEmailAddress::refuses()
{
    QFETCH(QString, input);
    QFETCH(QString, reasonContains);
    const auto result = check(input);
    QVERIFY2(!result.valid, qPrintable(QStringLiteral("accepted: ") + result.normalized));
    QVERIFY(!result.error.isEmpty());
    QVERIFY2(result.error.contains(reasonContains, Qt::CaseInsensitive), qPrintable(result.error));
    QVERIFY(result.normalized.isEmpty());
}

void TestEmailAddress::suggestsTypoFixes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("gmial") << "lea@gmial.com"
                           << "lea@gmail.com";
    QTest::newRow("hotmial.fr") << "lea@hotmial.fr"
                                << "lea@hotmail.fr";
    QTest::newRow("gmail.con") << "lea@gmail.con"
                               << "lea@gmail.com";
    QTest::newRow("videotrom") << "lea@videotrom.ca"
                               << "lea@videotron.ca";
    QTest::newRow("wanado") << "lea@wanado.fr"
                            << "lea@wanadoo.fr";
    QTest::newRow("correct gmail") << "lea@gmail.com"
                                   << "";
    QTest::newRow("own domain") << "lea@asso-quartier.org"
                                << "";
    QTest::newRow("short unrelated") << "lea@free.fr"
                                     << "";
}

void TestEmailAddress::suggestsTypoFixes()
{
    QFETCH(QString, input);
    QFETCH(QString, suggestion);
    const auto result = check(input);
    QVERIFY(result.valid); // a suggestion never blocks
    QCOMPARE(result.normalized, input);
    QCOMPARE(result.suggestion, suggestion);
}

void TestEmailAddress::keyIsCaseInsensitive()
{
    QCOMPARE(Core::EmailAddress::key(check(QStringLiteral("MATHIEU.GIRARD.1@EXAMPLE.COM")).normalized),
             Core::EmailAddress::key(check(QStringLiteral("mathieu.girard.1@example.com")).normalized));
    QCOMPARE(Core::EmailAddress::key(QString::fromUtf8("ÉLODIE@exemple.fr")), QString::fromUtf8("élodie@exemple.fr"));
}

QTEST_GUILESS_MAIN(TestEmailAddress)
#include "tst_emailaddress.moc"
