// Runs the shared e-mail address conformance suites (../shared/conformance/email-addresses):
// python-email-validator's syntax tables and the isemail cases it relabels.
// Policy (README, "Email addresses"): stricter than RFC 5322 and close to python-email-validator's
// defaults — quoted local parts, IP literals and display names are refused; local parts over 64 octets
// are refused (its strict mode).
#include "core/EmailAddress.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestEmailConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pythonEmailValidator_data();
    void pythonEmailValidator();
    void unsafeCharacters();

private:
    QJsonObject m_groups;
};

void TestEmailConformance::initTestCase()
{
    QFile f(
        QStringLiteral(CARNET_SHARED_DIR "/conformance/email-addresses/python-email-validator/test_syntax_cases.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    m_groups = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("groups")).toObject();
    QVERIFY(!m_groups.isEmpty());
}

void TestEmailConformance::pythonEmailValidator_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    // Where our policy differs from the suite's label, the value we assert instead, and why.
    const QHash<QString, bool> divergences = {
        // RFC 5321 allows 254 octets; this address is exactly 254 UTF-8 octets (the suite counts one more).
        {QString::fromUtf8(
             "my.\u1e69.address@1111111111222222222233333333334444444444555555555."
             "6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555."
             "6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444.info"),
         true},
        // Surrounding spaces are trimmed (a spreadsheet cell often carries them); RFC 5322 calls them CFWS.
        {QStringLiteral(" test@iana.org"), true},
        {QStringLiteral("test@iana.org "), true},
    };
    int n = 0;
    auto add = [&n, &divergences](const QString &group, const QString &input, bool valid) {
        QTest::addRow("%s #%d", qPrintable(group), ++n)
            << input << divergences.value(input.normalized(QString::NormalizationForm_C), valid);
    };
    for (const QString &group :
         {QStringLiteral("test_email_valid"), QStringLiteral("test_email_valid_intl_local_part")}) {
        for (const QJsonValue &c : m_groups.value(group).toObject().value(QStringLiteral("cases")).toArray()) {
            const QString input = c.toObject().value(QStringLiteral("email_input")).toString();
            // Quoted local parts and display names are refused by policy (see the header).
            const bool quotedOrNamed = input.contains(QLatin1Char('"')) || input.contains(QLatin1Char('<'));
            add(group, input, !quotedOrNamed);
        }
    }
    for (const QString &group :
         {QStringLiteral("test_email_valid_only_if_quoted_local_part"), QStringLiteral("test_email_invalid_syntax"),
          QStringLiteral("test_email_invalid_syntax_strict"), QStringLiteral("test_email_invalid_reserved_domain")}) {
        for (const QJsonValue &c : m_groups.value(group).toObject().value(QStringLiteral("cases")).toArray())
            add(group, c.toObject().value(QStringLiteral("email_input")).toString(), false);
    }
    for (const QJsonValue &c :
         m_groups.value(QStringLiteral("test_pyisemail_tests")).toObject().value(QStringLiteral("cases")).toArray()) {
        const QJsonObject o = c.toObject();
        const QString status = o.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("ISEMAIL_VALID"))
            add(QStringLiteral("isemail valid"), o.value(QStringLiteral("email_input")).toString(), true);
        else if (status.startsWith(QLatin1String("ISEMAIL_ERR")))
            add(QStringLiteral("isemail error"), o.value(QStringLiteral("email_input")).toString(), false);
        else
            // Deprecated, CFWS, quoted and literal forms: valid only under RFC 5322's broad grammar;
            // mail servers refuse them and so do we.
            add(QStringLiteral("isemail rfc5322-only"), o.value(QStringLiteral("email_input")).toString(), false);
    }
}

void TestEmailConformance::pythonEmailValidator()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    const auto result = Core::EmailAddress::check(input);
    QVERIFY2(result.valid == valid,
             qPrintable(
                 QStringLiteral("%1 → %2 (%3)")
                     .arg(input, result.valid ? QStringLiteral("accepted") : QStringLiteral("refused"), result.error)));
}

void TestEmailConformance::unsafeCharacters()
{
    const QJsonArray cases = m_groups.value(QStringLiteral("test_email_unsafe_character"))
                                 .toObject()
                                 .value(QStringLiteral("cases"))
                                 .toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &c : cases) {
        const QString s = c.toObject().value(QStringLiteral("s")).toString();
        QVERIFY2(!Core::EmailAddress::check(s + QStringLiteral("@example.org")).valid, qPrintable(s));
        QVERIFY2(!Core::EmailAddress::check(QStringLiteral("test@") + s + QStringLiteral(".org")).valid, qPrintable(s));
    }
}

QTEST_GUILESS_MAIN(TestEmailConformance)
#include "tst_emailconformance.moc"
