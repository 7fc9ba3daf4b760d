// The shared MIME/SMTP conformance vectors (../shared/conformance/mime): SMTP transparency
// (dot-stuffing, bare LF and CR included) and base64 (RFC 4648 §10).
#include "mail/MimeMessage.h"
#include "mail/smtp/SmtpSession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestMimeConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dotStuffing();
    void base64();
    void quotedPrintableAndEncodedWordsDecodeBack();
};

namespace {
QJsonObject load(const char *name)
{
    QFile f(QStringLiteral(CARNET_SHARED_DIR "/conformance/mime/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

void TestMimeConformance::dotStuffing()
{
    const QJsonArray cases = load("dot_stuffing_cases.json").value(QStringLiteral("cases")).toArray();
    QVERIFY(cases.size() >= 18);
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        const QByteArray body = c.value(QStringLiteral("body_text")).toString().toUtf8();
        const QByteArray expected = c.value(QStringLiteral("expected_data_payload")).toString().toUtf8();
        QCOMPARE(Smtp::Session::dotStuff(body), expected);
    }
}

void TestMimeConformance::base64()
{
    const QJsonObject all = load("base64_rfc4648.json");
    QVERIFY(!all.isEmpty());
    int checked = 0;
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (!it.value().isArray())
            continue;
        for (const QJsonValue &v : it.value().toArray()) {
            const QJsonObject c = v.toObject();
            const QString key =
                c.contains(QStringLiteral("input")) ? QStringLiteral("input") : QStringLiteral("input_utf8");
            if (!c.contains(QStringLiteral("base64")) || !c.contains(key))
                continue;
            const QByteArray input = c.value(key).toString().toUtf8();
            const QByteArray expected = c.value(QStringLiteral("base64")).toString().toLatin1();
            QCOMPARE(Mail::Mime::base64Lines(input), expected.isEmpty() ? QByteArray() : expected + "\r\n");
            ++checked;
        }
    }
    QVERIFY2(checked >= 10, qPrintable(QString::number(checked)));
}

void TestMimeConformance::quotedPrintableAndEncodedWordsDecodeBack()
{
    // Every encoder input of the shared vectors, encoded by Carnet, decoded by Python's quopri and email.
    const QJsonObject qp = load("quoted_printable.json");
    const QJsonObject words = load("rfc2047_encoded_words.json");
    QJsonArray cases;
    auto bytesOf = [](const QString &s) {
        // Latin-1 view, unless the text is beyond Latin-1 (then UTF-8), as the vectors' notes say.
        for (QChar c : s) {
            if (c.unicode() > 0xff)
                return s.toUtf8();
        }
        return s.toLatin1();
    };
    for (const QJsonValue &v : qp.value(QStringLiteral("encode")).toArray()) {
        const QByteArray input = bytesOf(v.toObject().value(QStringLiteral("input")).toString());
        cases.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("qp")},
                                 {QStringLiteral("input_b64"), QString::fromLatin1(input.toBase64())},
                                 {QStringLiteral("encoded"), QString::fromLatin1(Mail::Mime::quotedPrintable(input))}});
    }
    const QByteArray french =
        qp.value(QStringLiteral("roundtrip_french_text")).toObject().value(QStringLiteral("input")).toString().toUtf8();
    cases.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("qp")},
                             {QStringLiteral("input_b64"), QString::fromLatin1(french.toBase64())},
                             {QStringLiteral("encoded"), QString::fromLatin1(Mail::Mime::quotedPrintable(french))}});
    QStringList texts;
    for (const char *list : {"decode_word", "rfc2047_section8"}) {
        for (const QJsonValue &v : words.value(QLatin1String(list)).toArray()) {
            const QJsonObject o = v.toObject();
            if (!o.value(QStringLiteral("expect_error")).toBool() &&
                !o.value(QStringLiteral("expected")).toString().isEmpty())
                texts.append(o.value(QStringLiteral("expected")).toString());
        }
    }
    for (const QJsonValue &v : words.value(QStringLiteral("encode_word_go")).toArray())
        texts.append(v.toObject().value(QStringLiteral("input")).toString());
    texts.append(QStringLiteral(
        "Assemblée générale — très longue phrase d'été pour plier les mots encodés sur plusieurs lignes ✓"));
    for (const QString &t : std::as_const(texts))
        cases.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("words")},
                                 {QStringLiteral("input_b64"), QString::fromLatin1(t.toUtf8().toBase64())},
                                 {QStringLiteral("encoded"), QString::fromLatin1(Mail::Mime::encodedWords(t, 9))}});
    QVERIFY(cases.size() > 40);
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("cases.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(cases).toJson());
    f.close();
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/unit/check_qp_words.py"), f.fileName()});
    QVERIFY(python.waitForFinished(60000));
    const QString out = QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError());
    QVERIFY2(python.exitCode() == 0 && out.contains(QStringLiteral(" 0 problems")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestMimeConformance)
#include "tst_mimeconformance.moc"
