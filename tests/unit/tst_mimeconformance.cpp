// The shared MIME/SMTP conformance vectors (../shared/conformance/mime): SMTP transparency
// (dot-stuffing, bare LF and CR included) and base64 (RFC 4648 §10).
#include "mail/MimeMessage.h"
#include "mail/smtp/SmtpSession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestMimeConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dotStuffing();
    void base64();
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

QTEST_GUILESS_MAIN(TestMimeConformance)
#include "tst_mimeconformance.moc"
