// Merge fields (names in French and English, fallbacks, HTML escaping, problems reported), Markdown with
// fields protected from the converter, the footer in the recipient's language, and unsubscribe tokens
// (round trip, tampering, another secret, garbage, the member file's secret kept).
#include "TempDatabase.h"
#include "mail/Markdown.h"
#include "mail/UnsubscribeToken.h"
#include "storage/SettingsRepository.h"
#include "templates/Footer.h"
#include "templates/MergeFields.h"

#include <QTest>

using namespace Templates;

class TestTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineBreaksAreKept();
    void mergeFields_data();
    void mergeFields();
    void htmlValuesAreEscaped();
    void problemsAreReported();
    void markdownKeepsFieldsIntact();
    void footerInTheRecipientsLanguage();
    void tokensRoundTrip();
    void forgedTokensAreRefused_data();
    void forgedTokensAreRefused();
    void secretIsKeptInTheMemberFile();

private:
    static Core::Member member();
};

Core::Member TestTemplates::member()
{
    Core::Member m;
    m.id = 42;
    m.firstName = QStringLiteral("Hélène");
    m.lastName = QStringLiteral("Côté");
    m.email = QStringLiteral("helene@exemple.fr");
    m.section = QStringLiteral("CPL");
    m.membershipEnd = QDate(2026, 12, 31);
    m.extra.insert(QStringLiteral("Bénévole"), QStringLiteral("oui"));
    return m;
}

void TestTemplates::mergeFields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("english names") << "Hello {{first_name}} {{last_name}}"
                                   << "Hello Hélène Côté";
    QTest::newRow("french names, accents and case") << "Bonjour {{Prénom}} {{NOM}}"
                                                    << "Bonjour Hélène Côté";
    QTest::newRow("spaces inside braces") << "{{ email }}"
                                          << "helene@exemple.fr";
    QTest::newRow("fallback unused") << "{{first_name|Bonjour}}"
                                     << "Hélène";
    QTest::newRow("fallback used for an empty field") << "{{category|sans catégorie}}"
                                                      << "sans catégorie";
    QTest::newRow("membership end, in French") << "{{fin_adhesion}}"
                                               << "31 décembre 2026";
    QTest::newRow("imported attribute") << "Bénévole : {{bénévole}}"
                                        << "Bénévole : oui";
    QTest::newRow("unknown field becomes nothing") << "[{{prenon}}]"
                                                   << "[]";
    QTest::newRow("not a field") << "{ {first_name} } {{}"
                                 << "{ {first_name} } {{}";
}

void TestTemplates::mergeFields()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(MergeFields::render(text, member(), MergeFields::Escape::None), expected);
}

void TestTemplates::htmlValuesAreEscaped()
{
    Core::Member m = member();
    m.firstName = QStringLiteral("<script>alert(1)</script> & Cie");
    QCOMPARE(MergeFields::render(QStringLiteral("<p>{{first_name}}</p>"), m, MergeFields::Escape::Html),
             QStringLiteral("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie</p>"));
    QCOMPARE(MergeFields::render(QStringLiteral("{{first_name}}"), m, MergeFields::Escape::None), m.firstName);
}

void TestTemplates::problemsAreReported()
{
    QList<MergeProblem> problems;
    MergeFields::render(QStringLiteral("{{prenon}} {{category}} {{category|x}} {{city}}"), member(),
                        MergeFields::Escape::None, &problems);
    QCOMPARE(problems.size(), 3); // prenon unknown; category and city empty without a fallback
    QCOMPARE(problems.at(0), (MergeProblem{MergeProblem::Kind::Unknown, QStringLiteral("prenon")}));
    QCOMPARE(problems.at(1), (MergeProblem{MergeProblem::Kind::Empty, QStringLiteral("category")}));
    const auto unknown = MergeFields::unknownFields(
        QStringLiteral("{{prenom}} {{Bénévole}} {{Benevole}} {{foo}} {{foo}}"), {QStringLiteral("Bénévole")});
    QCOMPARE(unknown.size(), 1);
    QCOMPARE(unknown.first().field, QStringLiteral("foo"));
    // As the composer and carnet-cli show them: as written, each once.
    QCOMPARE(MergeFields::fieldList(problems + problems), QStringLiteral("{{prenon}}, {{category}}, {{city}}"));
}

void TestTemplates::markdownKeepsFieldsIntact()
{
    // Underscores and stars in field names or values must not become emphasis.
    const QString markdown = QStringLiteral("Bonjour **{{first_name}}**, votre adhésion finit le {{membership_end}}.");
    QStringList fields;
    const QString html = Mail::markdownToHtml(MergeFields::protect(markdown, &fields));
    Core::Member m = member();
    m.firstName = QStringLiteral("*Zoé_<b>*");
    const QString out = MergeFields::restore(html, fields, m, MergeFields::Escape::Html);
    QCOMPARE(out.trimmed(), QStringLiteral("<p>Bonjour <strong>*Zoé_&lt;b&gt;*</strong>, votre adhésion finit le "
                                           "31 décembre 2026.</p>"));
}

void TestTemplates::footerInTheRecipientsLanguage()
{
    Footer f;
    f.organisation = QStringLiteral("Bibliothèque <du> quartier");
    f.postalAddress = QStringLiteral("12 rue des Lilas\n69001 Lyon");
    f.contactEmail = QStringLiteral("contact@biblio.example");
    f.unsubscribeMailto = QStringLiteral("mailto:contact@biblio.example?subject=unsubscribe%20T");
    QVERIFY(f.text().contains(
        QStringLiteral("Message envoyé par Bibliothèque <du> quartier\n12 rue des Lilas\n69001 Lyon")));
    QVERIFY(f.text().contains(QStringLiteral("Pour ne plus recevoir ces messages : mailto:")));
    QVERIFY(f.html().contains(QStringLiteral("Bibliothèque &lt;du&gt; quartier")));
    QVERIFY(!f.html().contains(QStringLiteral("<du>")));
    f.language = QStringLiteral("en");
    f.unsubscribeUrl = QStringLiteral("https://biblio.example/u?t=T");
    QVERIFY(f.text().contains(QStringLiteral("To stop receiving these messages: mailto:")));
    QVERIFY(f.text().endsWith(QStringLiteral("or online https://biblio.example/u?t=T")));
    QVERIFY(f.html().contains(QStringLiteral("<a href=\"https://biblio.example/u?t=T\">")));
}

void TestTemplates::tokensRoundTrip()
{
    const QByteArray secret("0123456789abcdef0123456789abcdef");
    const Mail::UnsubscribeToken token{12345, QStringLiteral("infolettre-été")};
    const QString signed_ = token.sign(secret);
    QVERIFY(!signed_.contains(QLatin1Char('=')) && !signed_.contains(QLatin1Char('+')) &&
            !signed_.contains(QLatin1Char('/'))); // safe in a URL and a subject
    auto back = Mail::UnsubscribeToken::verify(signed_, secret);
    QVERIFY(back.ok());
    QCOMPARE(back.value().memberId, 12345);
    QCOMPARE(back.value().purpose, QStringLiteral("infolettre-été"));
    QVERIFY(Mail::UnsubscribeToken::verify(QStringLiteral("  ") + signed_ + QStringLiteral("\n"), secret).ok());
    // Another member's token differs in its signature too.
    const QString other = Mail::UnsubscribeToken{12346, token.purpose}.sign(secret);
    QVERIFY(other.section(QLatin1Char('.'), 1) != signed_.section(QLatin1Char('.'), 1));
}

void TestTemplates::forgedTokensAreRefused_data()
{
    const QByteArray secret("0123456789abcdef0123456789abcdef");
    const QString good = Mail::UnsubscribeToken{7, QStringLiteral("newsletter")}.sign(secret);
    const QString otherMember = QString::fromLatin1(
        QByteArray("8:newsletter").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("no dot") << QStringLiteral("abc");
    QTest::newRow("payload swapped for another member") << otherMember + good.mid(good.indexOf(QLatin1Char('.')));
    QTest::newRow("signature altered") << good.left(good.size() - 2) + (good.endsWith(QLatin1Char('A')) ? "BB" : "AA");
    QTest::newRow("signed under another secret")
        << Mail::UnsubscribeToken{7, QStringLiteral("newsletter")}.sign("another secret");
    QTest::newRow("not base64") << QStringLiteral("%%%.***");
    QTest::newRow("huge") << QString(5000, QLatin1Char('A')) + QStringLiteral(".AAAA");
}

void TestTemplates::forgedTokensAreRefused()
{
    QFETCH(QString, token);
    auto r = Mail::UnsubscribeToken::verify(token, "0123456789abcdef0123456789abcdef");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Core::Error::Code::Invalid);
}

void TestTemplates::secretIsKeptInTheMemberFile()
{
    TempDatabase db;
    QVERIFY(db.ok());
    auto first = Mail::UnsubscribeToken::secret(db.context().databaseSettings());
    QVERIFY(first.ok());
    QCOMPARE(first.value().size(), 32);
    QVERIFY(db.reopen());
    auto again = Mail::UnsubscribeToken::secret(db.context().databaseSettings());
    QCOMPARE(again.value(), first.value());
}

// A volunteer's single line break (an address, a signature) stays one; paragraphs, lists and code as before.
void TestTemplates::lineBreaksAreKept()
{
    const QString html = Mail::markdownToHtml(
        QStringLiteral("À bientôt,\nLe bureau\n\n- un\n- deux\n\n```\ncode\nici\n```\n\n## Titre\nTexte"));
    QVERIFY2(html.contains(QStringLiteral("À bientôt,<br>\nLe bureau</p>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<li>un</li>\n<li>deux</li>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<code>code\nici\n</code>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<h2>Titre</h2>")), qPrintable(html));
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
