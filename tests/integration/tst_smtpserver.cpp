// carnet-cli sending through a real SMTP server on 127.0.0.1 (Debian's aiosmtpd) in STARTTLS,
// implicit-TLS and plain modes with AUTH; messages checked by Python's email on arrival; a run killed
// with SIGKILL mid-batch and rerun delivers every recipient exactly once or leaves it `unknown`.
#include "LocalSmtpServer.h"
#include "TestServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestSmtpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sendsThroughEachSecurityMode_data();
    void sendsThroughEachSecurityMode();
    void startTlsMissingSendsNothing();
    void wrongPasswordSendsNothing();
    void untrustedCertificateIsRefused();
    void killedMidBatchNeverSendsTwice();
    void fourRunnersSendEachMessageOnce_data();
    void fourRunnersSendEachMessageOnce();
    void limitsCountEverySender();

private:
    bool startServer(const QString &mode, double delay = 0);
    Run cli(const QStringList &args, const QString &password = QStringLiteral("s3cr3t é"));
    QStringList received() const { return m_server.received(); }
    bool configure(const QString &security, bool withCa = true);
    // `mail send` to m0…m(n-1)@example.org; `outbox run` started n times at once (as n computers), running.
    bool queueBatch(int recipients);
    QList<QProcess *> startRunners(int n, const QStringList &options);

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    QString m_out;
    QString m_db;
    LocalSmtpServer m_server;
    int m_port = 0;
};

void TestSmtpServer::initTestCase()
{
    m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
    m_key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key,
                   QStringLiteral("-out"), m_cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    QProcess check;
    check.start(LocalSmtpServer::python(), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
    QVERIFY(check.waitForFinished(30000));
    QVERIFY2(check.exitCode() == 0, "python3-aiosmtpd is needed (packaging/deps.sh installs it)");
}

void TestSmtpServer::init()
{
    static int n = 0;
    ++n;
    m_out = m_dir.filePath(QStringLiteral("out%1").arg(n));
    QDir().mkpath(m_out);
    m_db = TestServer::databaseOr(m_dir.filePath(QStringLiteral("carnet%1.sqlite").arg(n)));
}

void TestSmtpServer::cleanup()
{
    TestServer::release(m_db);
    m_server.stop();
}

bool TestSmtpServer::startServer(const QString &mode, double delay)
{
    if (!m_server.start(mode, m_out, m_cert, m_key, delay))
        return false;
    m_port = m_server.port();
    return true;
}

Run TestSmtpServer::cli(const QStringList &args, const QString &password)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CARNET_CLI_PATH), QStringList{QStringLiteral("--database"), m_db} + args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool TestSmtpServer::configure(const QString &security, bool withCa)
{
    QStringList args{QStringLiteral("smtp"),
                     QStringLiteral("set"),
                     QStringLiteral("--host"),
                     QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"),
                     QString::number(m_port),
                     QStringLiteral("--security"),
                     security,
                     QStringLiteral("--user"),
                     QStringLiteral("bureau"),
                     QStringLiteral("--from"),
                     QStringLiteral("Les Amis du Parc <bureau@amis.example.org>"),
                     QStringLiteral("--retry-seconds"),
                     QStringLiteral("1")};
    if (withCa)
        args << QStringLiteral("--ca-file") << m_cert;
    return cli(args).exitCode == 0;
}

void TestSmtpServer::sendsThroughEachSecurityMode_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("security");
    QTest::newRow("STARTTLS") << "starttls"
                              << "starttls";
    QTest::newRow("implicit TLS") << "tls"
                                  << "tls";
    QTest::newRow("plain (a local relay)") << "plain"
                                           << "none";
}

void TestSmtpServer::sendsThroughEachSecurityMode()
{
    QFETCH(QString, mode);
    QFETCH(QString, security);
    QVERIFY(startServer(mode));
    QVERIFY(configure(security));
    const QString md = m_dir.filePath(QStringLiteral("message.md"));
    QFile f(md);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# Assembl\xC3\xA9"
            "e g\xC3\xA9n\xC3\xA9rale\n\nBonjour **\xC3\xA0 tous**,\n\n.\nRendez-vous samedi.\n");
    f.close();
    Run queued = cli({QStringLiteral("mail"), QStringLiteral("send"), QStringLiteral("--to"),
                      QStringLiteral("ana@example.org"), QStringLiteral("--to"), QStringLiteral("bo@example.org"),
                      QStringLiteral("--subject"), QStringLiteral("Assemblée générale d'été"),
                      QStringLiteral("--markdown"), md, QStringLiteral("--attach"), m_cert, QStringLiteral("--json")});
    QCOMPARE(queued.exitCode, 0);
    QCOMPARE(queued.json().value(QStringLiteral("queued")).toInt(), 2);
    Run sent = cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")});
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err + QString::fromUtf8(sent.out)));
    QCOMPARE(sent.json().value(QStringLiteral("sent")).toInt(), 2);
    QCOMPARE(received(), (QStringList{QStringLiteral("ana@example.org"), QStringLiteral("bo@example.org")}));
    // The server's copy, parsed by Python's email: the subject, both alternatives, the attachment.
    QProcess parse;
    parse.start(
        LocalSmtpServer::python(),
        {QStringLiteral("-c"),
         QStringLiteral("import email, email.policy, sys\n"
                        "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
                        "print(m['Subject'])\n"
                        "print(m.get_body(('html',)).get_content().strip())\n"
                        "print(len([a for a in m.iter_attachments()]))\n"),
         QDir(m_out).filePath(QStringLiteral("00001.eml"))});
    QVERIFY(parse.waitForFinished(30000));
    const QString parsed = QString::fromUtf8(parse.readAllStandardOutput());
    QVERIFY2(parsed.startsWith(QStringLiteral("Assemblée générale d'été\n")), qPrintable(parsed));
    QVERIFY2(parsed.contains(QStringLiteral("<strong>à tous</strong>")), qPrintable(parsed));
    QVERIFY2(parsed.trimmed().endsWith(QLatin1Char('1')), qPrintable(parsed));
    Run status = cli(
        {QStringLiteral("outbox"), QStringLiteral("status"), QStringLiteral("--details"), QStringLiteral("--json")});
    QCOMPARE(status.json().value(QStringLiteral("sent")).toInt(), 2);
    const QJsonObject first = status.json().value(QStringLiteral("recipients")).toArray().first().toObject();
    for (const char *key : {"address", "state", "attempts", "reply", "message_id"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    // Nothing is sent twice.
    QCOMPARE(cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("sent"))
                 .toInt(),
             0);
    QCOMPARE(received().size(), 2);
}

void TestSmtpServer::startTlsMissingSendsNothing()
{
    QVERIFY(startServer(QStringLiteral("plain")));
    QVERIFY(configure(QStringLiteral("starttls")));
    QCOMPARE(
        cli({QStringLiteral("mail"), QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("ana@example.org"),
             QStringLiteral("--subject"), QStringLiteral("x"), QStringLiteral("--text"), m_cert})
            .exitCode,
        0);
    Run r = cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("STARTTLS")),
             r.out.constData());
    QVERIFY(!QFile::exists(QDir(m_out).filePath(QStringLiteral("auth.log")))); // no password was offered
    QVERIFY(received().isEmpty());
    QCOMPARE(r.json().value(QStringLiteral("outbox")).toObject().value(QStringLiteral("queued")).toInt(), 1);
}

void TestSmtpServer::wrongPasswordSendsNothing()
{
    QVERIFY(startServer(QStringLiteral("starttls")));
    QVERIFY(configure(QStringLiteral("starttls")));
    QCOMPARE(
        cli({QStringLiteral("mail"), QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("ana@example.org"),
             QStringLiteral("--subject"), QStringLiteral("x"), QStringLiteral("--text"), m_cert})
            .exitCode,
        0);
    Run r = cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")}, QStringLiteral("wrong"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("535")), r.out.constData());
    QVERIFY(received().isEmpty());
    QVERIFY(!r.out.contains("wrong")); // the protocol log shows no password
    Run test = cli({QStringLiteral("smtp"), QStringLiteral("test"), QStringLiteral("--to"),
                    QStringLiteral("me@example.org"), QStringLiteral("--json")},
                   QStringLiteral("wrong"));
    QCOMPARE(test.exitCode, 1);
    QVERIFY(test.json().value(QStringLiteral("log")).toArray().size() > 3);
    Run good = cli({QStringLiteral("smtp"), QStringLiteral("test"), QStringLiteral("--to"),
                    QStringLiteral("me@example.org"), QStringLiteral("--json")});
    QVERIFY2(good.exitCode == 0, good.out.constData());
    QCOMPARE(received(), QStringList{QStringLiteral("me@example.org")});
}

void TestSmtpServer::untrustedCertificateIsRefused()
{
    QVERIFY(startServer(QStringLiteral("tls")));
    QVERIFY(configure(QStringLiteral("tls"), false)); // no CA file: the self-signed certificate is unknown
    QCOMPARE(
        cli({QStringLiteral("mail"), QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("ana@example.org"),
             QStringLiteral("--subject"), QStringLiteral("x"), QStringLiteral("--text"), m_cert})
            .exitCode,
        0);
    Run r = cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("certificate")),
             r.out.constData());
    QVERIFY(received().isEmpty());
    // Trusting that one certificate by its fingerprint lets it through.
    QProcess fp;
    fp.start(QStringLiteral("openssl"),
             {QStringLiteral("x509"), QStringLiteral("-in"), m_cert, QStringLiteral("-noout"),
              QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
    QVERIFY(fp.waitForFinished(30000));
    const QString fingerprint = QString::fromLatin1(fp.readAllStandardOutput()).section(QLatin1Char('='), 1).trimmed();
    QCOMPARE(cli({QStringLiteral("smtp"), QStringLiteral("set"), QStringLiteral("--trust-fingerprint"), fingerprint})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("sent"))
                 .toInt(),
             1);
}

void TestSmtpServer::killedMidBatchNeverSendsTwice()
{
    QVERIFY(startServer(QStringLiteral("plain"), 0.05)); // 50 ms a message
    QVERIFY(configure(QStringLiteral("none")));
    QStringList args{QStringLiteral("mail"),  QStringLiteral("send"),   QStringLiteral("--subject"),
                     QStringLiteral("Batch"), QStringLiteral("--text"), m_cert};
    QStringList all;
    for (int i = 0; i < 40; ++i) {
        all.append(QStringLiteral("m%1@example.org").arg(i));
        args << QStringLiteral("--to") << all.last();
    }
    QCOMPARE(cli(args).exitCode, 0);
    QProcess run;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), QStringLiteral("s3cr3t é"));
    run.setProcessEnvironment(env);
    run.start(QStringLiteral(CARNET_CLI_PATH),
              {QStringLiteral("--database"), m_db, QStringLiteral("outbox"), QStringLiteral("run")});
    QVERIFY(run.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(received().size() >= 10, 30000);
    ::kill(pid_t(run.processId()), SIGKILL);
    QVERIFY(run.waitForFinished(10000));
    const int before = int(received().size());
    QVERIFY(before < 40);
    Run rerun = cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")});
    QCOMPARE(rerun.exitCode, 0);
    const QStringList got = received();
    // Every recipient at most once…
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size());
    // …and each either received or `unknown` (the one in flight when the run died), never lost.
    Run status = cli(
        {QStringLiteral("outbox"), QStringLiteral("status"), QStringLiteral("--details"), QStringLiteral("--json")});
    int unknown = 0;
    for (const QJsonValue &v : status.json().value(QStringLiteral("recipients")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString state = o.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("unknown"))
            ++unknown;
        else
            QVERIFY2(state == QLatin1String("sent") && got.contains(o.value(QStringLiteral("address")).toString()),
                     qPrintable(o.value(QStringLiteral("address")).toString() + QLatin1Char(' ') + state));
    }
    QVERIFY(unknown <= 1);
    QCOMPARE(got.size() + unknown >= 40, true);
}

// One outbox for the whole board: four `outbox run` at once (four computers) against one batch. Each
// address is received exactly once and every row ends `sent`; with one runner killed (SIGKILL) half-way,
// still no address twice, and only what that runner had in flight becomes `unknown`.
bool TestSmtpServer::queueBatch(int recipients)
{
    QStringList args{QStringLiteral("mail"),  QStringLiteral("send"),   QStringLiteral("--subject"),
                     QStringLiteral("Batch"), QStringLiteral("--text"), m_cert};
    for (int i = 0; i < recipients; ++i)
        args << QStringLiteral("--to") << QStringLiteral("m%1@example.org").arg(i);
    return cli(args).exitCode == 0;
}

QList<QProcess *> TestSmtpServer::startRunners(int n, const QStringList &options)
{
    QList<QProcess *> runners;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), QStringLiteral("s3cr3t é"));
    for (int i = 0; i < n; ++i) {
        auto *run = new QProcess(this);
        run->setProcessEnvironment(env);
        run->start(QStringLiteral(CARNET_CLI_PATH),
                   QStringList{QStringLiteral("--database"), m_db, QStringLiteral("outbox"), QStringLiteral("run")} +
                       options);
        if (!run->waitForStarted()) {
            delete run;
            continue;
        }
        runners.append(run);
    }
    return runners;
}

void TestSmtpServer::fourRunnersSendEachMessageOnce_data()
{
    QTest::addColumn<bool>("killOne");
    QTest::newRow("all four finish") << false;
    QTest::newRow("one killed") << true;
}

void TestSmtpServer::fourRunnersSendEachMessageOnce()
{
    QFETCH(bool, killOne);
    QVERIFY(startServer(QStringLiteral("plain"), killOne ? 0.002 : 0));
    QVERIFY(configure(QStringLiteral("none")));
    constexpr int recipients = 2000;
    QVERIFY(queueBatch(recipients));
    const QList<QProcess *> runners = startRunners(4, {QStringLiteral("--until-empty"), QStringLiteral("--json")});
    QCOMPARE(runners.size(), 4);
    if (killOne) {
        QTRY_VERIFY_WITH_TIMEOUT(received().size() >= recipients / 4, 120000);
        ::kill(pid_t(runners.first()->processId()), SIGKILL);
    }
    int sentByRunners = 0;
    for (QProcess *run : std::as_const(runners)) {
        QVERIFY(run->waitForFinished(240000));
        if (run != runners.first() || !killOne) {
            QCOMPARE(run->exitCode(), 0);
            sentByRunners +=
                QJsonDocument::fromJson(run->readAllStandardOutput()).object().value(QStringLiteral("sent")).toInt();
        }
        delete run;
    }
    // The next run finds the killed runner's claim: its session is gone, so the message it had in flight
    // becomes unknown (a person decides), never sent again.
    if (killOne)
        QCOMPARE(cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")}).exitCode, 0);
    const QStringList got = received();
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size()); // nobody twice
    Run status = cli(
        {QStringLiteral("outbox"), QStringLiteral("status"), QStringLiteral("--details"), QStringLiteral("--json")});
    int unknown = 0, sent = 0;
    QSet<QString> senders;
    for (const QJsonValue &v : status.json().value(QStringLiteral("recipients")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString state = o.value(QStringLiteral("state")).toString();
        senders.insert(o.value(QStringLiteral("claimed_by")).toString());
        if (state == QLatin1String("unknown")) {
            ++unknown;
        } else {
            QVERIFY2(state == QLatin1String("sent") && got.contains(o.value(QStringLiteral("address")).toString()),
                     qPrintable(o.value(QStringLiteral("address")).toString() + QLatin1Char(' ') + state));
            ++sent;
        }
    }
    if (!killOne) {
        QCOMPARE(sent, recipients);
        QCOMPARE(got.size(), recipients);
        QCOMPARE(sentByRunners, recipients);
        QCOMPARE(unknown, 0);
    } else {
        // The killed runner had at most one message in flight: the others sent every other one (their last
        // run recovers it as unknown, never resends it).
        QVERIFY2(unknown <= 1, qPrintable(QString::number(unknown)));
        QCOMPARE(sent + unknown, recipients);
        QVERIFY(got.size() >= sent);
    }
    QVERIFY(!senders.contains(QString())); // every row says who sent it
}

// The sending account's limits hold for the whole board: two runners at once, 10 a minute, 30 queued: 10
// are sent in all, the rest wait.
void TestSmtpServer::limitsCountEverySender()
{
    QVERIFY(startServer(QStringLiteral("plain")));
    QVERIFY(configure(QStringLiteral("none")));
    QVERIFY(cli({QStringLiteral("smtp"), QStringLiteral("set"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                 QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--security"),
                 QStringLiteral("none"), QStringLiteral("--user"), QStringLiteral("bureau"), QStringLiteral("--from"),
                 QStringLiteral("Les Amis du Parc <bureau@amis.example.org>"), QStringLiteral("--per-minute"),
                 QStringLiteral("10")})
                .exitCode == 0);
    QVERIFY(queueBatch(30));
    const QList<QProcess *> runners = startRunners(2, {});
    QCOMPARE(runners.size(), 2);
    for (QProcess *run : std::as_const(runners)) {
        QVERIFY(run->waitForFinished(120000));
        delete run;
    }
    QCOMPARE(received().size(), 10);
}

QTEST_GUILESS_MAIN(TestSmtpServer)
#include "tst_smtpserver.moc"
