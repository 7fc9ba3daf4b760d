// Every message Carnet builds, parsed back by an independent MIME parser (Python's email package):
// decoded headers equal the inputs, both alternatives present, attachment bytes identical, hostile
// names and subjects inject nothing.
#include "mail/MimeMessage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Mail;

namespace {

QJsonArray pair(const QString &name, const QString &address)
{
    return QJsonArray{name, address};
}

} // namespace

class TestMime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsedBackByPython();
    void refusesAddressesThatAreNotAddresses();
    void quotedPrintableKeepsLinesShort();
};

void TestMime::parsedBackByPython()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QFAIL("python3 is needed (packaging/deps.sh installs it)");
    QTemporaryDir dir;
    QJsonArray manifest;
    auto add = [&](const QString &file, const Message &m, const QJsonObject &expect) {
        auto built = Mime::build(m);
        QVERIFY2(built.ok(), built.ok() ? "" : qPrintable(built.error().message));
        QFile f(dir.filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(built.value().bytes);
        manifest.append(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("expect"), expect}});
    };

    // A French newsletter: non-ASCII names and a long subject, both alternatives, a binary attachment
    // with an accented name, unsubscribe headers.
    Message news;
    news.from = {QStringLiteral("Les Amis du Parc — Bureau"), QStringLiteral("bureau@amisduparc.example.org")};
    news.to = {{QStringLiteral("Hélène Côté"), QStringLiteral("helene@exemple.fr")}};
    news.subject = QStringLiteral("Lettre d'information d'été : l'assemblée générale, les ateliers du samedi, "
                                  "la fête de quartier et les comptes rendus — à lire avant le 15 juillet ✓");
    news.text = QStringLiteral("Bonjour Hélène,\n\nL'été arrive : voici les nouvelles.\n.\nUne ligne commençant par "
                               "un point, et une très longue ligne : ") +
                QString(1200, QLatin1Char('x')) + QStringLiteral("\nFrom the start of a line.\nÀ bientôt !\n");
    news.html = QStringLiteral("<p>Bonjour <b>Hélène</b>,</p><p>L'été arrive&nbsp;!</p>");
    QByteArray pdf(70000, Qt::Uninitialized);
    for (char &c : pdf)
        c = char(QRandomGenerator::global()->bounded(256));
    news.attachments = {{QStringLiteral("compte-rendu AG été 2026.pdf"), "application/pdf", pdf}};
    news.listUnsubscribe = {QStringLiteral("mailto:bureau@amisduparc.example.org?subject=unsubscribe%20abc123"),
                            QStringLiteral("https://amisduparc.example.org/u/abc123")};
    news.oneClick = true;
    news.listId = QStringLiteral("Lettre des Amis <lettre.amisduparc.example.org>");
    add(QStringLiteral("newsletter.eml"), news,
        QJsonObject{
            {QStringLiteral("subject"), news.subject},
            {QStringLiteral("from_name"), news.from.name},
            {QStringLiteral("from_addr"), news.from.address},
            {QStringLiteral("to"),
             QJsonArray{pair(QStringLiteral("Hélène Côté"), QStringLiteral("helene@exemple.fr"))}},
            {QStringLiteral("text"), news.text},
            {QStringLiteral("html"), news.html},
            {QStringLiteral("attachments"),
             QJsonArray{
                 QJsonArray{news.attachments[0].fileName,
                            QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex())}}},
            {QStringLiteral("headers"),
             QJsonObject{{QStringLiteral("List-Unsubscribe-Post"), QStringLiteral("List-Unsubscribe=One-Click")},
                         {QStringLiteral("List-Unsubscribe"),
                          QStringLiteral("<mailto:bureau@amisduparc.example.org?subject=unsubscribe%20abc123>, "
                                         "<https://amisduparc.example.org/u/abc123>")},
                         {QStringLiteral("List-Id"), news.listId}}}});

    // Hostile values: a display name and a subject that try to add a Bcc header.
    Message hostile;
    hostile.from = {QStringLiteral("Evil\r\nBcc: victim@example.org"), QStringLiteral("bureau@asso.example.org")};
    hostile.to = {{QStringLiteral("Dupont, \"Jean\" \\ (the) <boss>"), QStringLiteral("jean@example.org")}};
    hostile.subject = QStringLiteral("Hello\r\nBcc: x@example.org\r\n\r\nbody?");
    hostile.text = QStringLiteral("Just text.");
    add(QStringLiteral("hostile.eml"), hostile,
        QJsonObject{{QStringLiteral("subject"), QStringLiteral("Hello Bcc: x@example.org body?")},
                    {QStringLiteral("from_name"), QStringLiteral("Evil Bcc: victim@example.org")},
                    {QStringLiteral("from_addr"), hostile.from.address},
                    {QStringLiteral("to"), QJsonArray{pair(hostile.to[0].name, QStringLiteral("jean@example.org"))}},
                    {QStringLiteral("text"), QStringLiteral("Just text.\n")},
                    {QStringLiteral("absent_headers"), QJsonArray{QStringLiteral("Bcc")}}});

    // An international domain goes as punycode; an empty subject stays empty; an encoded-word look-alike
    // in a subject is not decoded as one.
    Message idn;
    idn.from = {QString(), QStringLiteral("info@exemple.québec")};
    idn.to = {{QString(), QStringLiteral("zoe@Exemple.QUÉBEC")}};
    idn.subject = QString();
    idn.text = QStringLiteral("Bonjour");
    add(QStringLiteral("idn.eml"), idn,
        QJsonObject{{QStringLiteral("subject"), QString()},
                    {QStringLiteral("from_name"), QString()},
                    {QStringLiteral("from_addr"), QStringLiteral("info@exemple.xn--qubec-csa")},
                    {QStringLiteral("to"), QJsonArray{pair(QString(), QStringLiteral("zoe@exemple.xn--qubec-csa"))}},
                    {QStringLiteral("text"), QStringLiteral("Bonjour\n")}});
    Message lookalike;
    lookalike.from = {QStringLiteral("A"), QStringLiteral("a@example.org")};
    lookalike.to = {{QString(), QStringLiteral("b@example.org")}};
    lookalike.subject = QStringLiteral("=?UTF-8?B?SGVsbG8=?= is not decoded");
    lookalike.text = QStringLiteral("x");
    add(QStringLiteral("lookalike.eml"), lookalike,
        QJsonObject{{QStringLiteral("subject"), lookalike.subject},
                    {QStringLiteral("from_name"), QStringLiteral("A")},
                    {QStringLiteral("from_addr"), QStringLiteral("a@example.org")},
                    {QStringLiteral("to"), QJsonArray{pair(QString(), QStringLiteral("b@example.org"))}},
                    {QStringLiteral("text"), QStringLiteral("x\n")}});

    QFile m(dir.filePath(QStringLiteral("manifest.json")));
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(QJsonDocument(manifest).toJson());
    m.close();
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/check_mime.py"), m.fileName()});
    QVERIFY(python.waitForFinished(60000));
    const QString out = QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError());
    QVERIFY2(python.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("4 messages checked, 0 problems")), qPrintable(out));
}

void TestMime::refusesAddressesThatAreNotAddresses()
{
    Message m;
    m.from = {QStringLiteral("A"), QStringLiteral("a@example.org")};
    m.text = QStringLiteral("x");
    m.to = {{QString(), QStringLiteral("b@example.org\r\nBcc: c@example.org")}};
    QVERIFY(!Mime::build(m).ok());
    m.to = {{QString(), QStringLiteral("Name <b@example.org>")}};
    QVERIFY(!Mime::build(m).ok());
    m.to = {};
    QVERIFY(!Mime::build(m).ok());
    m.to = {{QString(), QStringLiteral("b@example.org")}};
    m.listUnsubscribe = {QStringLiteral("https://x.example.org/a> , <mailto:evil@example.org")};
    QVERIFY(!Mime::build(m).ok());
}

void TestMime::quotedPrintableKeepsLinesShort()
{
    const QByteArray text = QStringLiteral("Ça va ? = oui.   \nfin\t\n").toUtf8() + QByteArray(300, 'y');
    const QByteArray qp = Mime::quotedPrintable(text);
    for (const QByteArray &line : qp.split('\n'))
        QVERIFY2(line.size() <= 77, line.constData()); // 76 + the CR
    QVERIFY(qp.contains("=3D"));
    QVERIFY(qp.contains("=20\r\n")); // trailing space before a break is encoded
    QVERIFY(qp.contains("=09\r\n"));
}

QTEST_GUILESS_MAIN(TestMime)
#include "tst_mime.moc"
