// What goes wrong between Carnet and the board's PostgreSQL server, against the run's real server (TLS on, a
// certificate for "localhost" from a test authority): each fault is a clear message, an exit code, and
// nothing half-written. A wrong password; a certificate checked against the right authority (accepted),
// another authority, another name, or no authority file (refused); plain text to another computer refused
// before connecting; a server without TLS where TLS is required (refused, and not one byte after the
// server's "no": no user name, no password); the server restarting in the middle of an outbox run against
// aiosmtpd (the run stops; the next one sends the rest; no recipient gets a message twice).
#include "CliRun.h"
#include "LocalSmtpServer.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestServerFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void wrongPasswordIsSaidPlainly();
    void certificatesAreChecked();
    void noTlsWhereItIsRequired();
    void outboxSurvivesAServerRestart();

private:
    QString url(const QString &host, const QString &query) const;

    QTemporaryDir m_dir;
    QString m_db;
    QString m_name;
};

QString TestServerFaults::url(const QString &host, const QString &query) const
{
    return QStringLiteral("postgresql://carnet_admin@%1:%2/%3?%4")
        .arg(host, TestServer::value(QStringLiteral("CARNET_PG_PORT")), m_name, query);
}

void TestServerFaults::initTestCase()
{
    QVERIFY(TestServer::enabled());
    m_db = TestServer::createDatabase();
    QVERIFY(!m_db.isEmpty());
    m_name = QUrl(m_db).path().mid(1);
    QCOMPARE(cli({"--database", m_db, "server", "setup"}).exitCode, 0);
}

void TestServerFaults::cleanupTestCase()
{
    TestServer::release(m_db);
}

void TestServerFaults::wrongPasswordIsSaidPlainly()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("pas le bon"));
    const Run r =
        cli({"--database", m_db, "members", "add", "--first-name", "A", "--last-name", "B", "--no-email"}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("refused the user name or password")), qPrintable(r.err));
    env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
    env.remove(QStringLiteral("LC_ALL"));
    const Run fr = cli({"--database", m_db, "members", "list"}, env);
    QVERIFY2(fr.err.contains(QStringLiteral("mot de passe")), qPrintable(fr.err));
    QCOMPARE(TestServer::scalar(m_db, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("0"));
}

void TestServerFaults::certificatesAreChecked()
{
    const QString ca = TestServer::value(QStringLiteral("CARNET_PG_CA"));
    const QString other = TestServer::value(QStringLiteral("CARNET_PG_OTHER_CA"));
    QVERIFY(QFile::exists(ca) && QFile::exists(other));
    // The right authority and the name on the certificate: connected, encrypted.
    const Run ok = cli({"--database", url(QStringLiteral("localhost"), "sslmode=verify-full&sslrootcert=" + ca),
                        "members", "add", "--first-name", "Léa", "--last-name", "Chiffrée", "--no-email"});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    // Another authority; the right one but another name; no authority file at all.
    const Run wrongCa = cli({"--database", url(QStringLiteral("localhost"), "sslmode=verify-full&sslrootcert=" + other),
                             "members", "list"});
    QCOMPARE(wrongCa.exitCode, 1);
    QVERIFY2(wrongCa.err.contains(QStringLiteral("cannot be trusted")), qPrintable(wrongCa.err));
    const Run wrongName = cli(
        {"--database", url(QStringLiteral("127.0.0.1"), "sslmode=verify-full&sslrootcert=" + ca), "members", "list"});
    QCOMPARE(wrongName.exitCode, 1);
    QVERIFY2(wrongName.err.contains(QStringLiteral("cannot be trusted")), qPrintable(wrongName.err));
    QProcessEnvironment home = QProcessEnvironment::systemEnvironment();
    home.insert(QStringLiteral("HOME"), m_dir.path()); // no ~/.postgresql/root.crt
    const Run noCa =
        cli({"--database", url(QStringLiteral("localhost"), "sslmode=verify-full"), "members", "list"}, home);
    QCOMPARE(noCa.exitCode, 1);
    QVERIFY2(noCa.err.contains(QStringLiteral("sslrootcert")), qPrintable(noCa.err));
    // Another computer without encryption: refused before any connection.
    const Run clear =
        cli({"--database", "postgresql://bureau@membres.example.org/carnet?sslmode=disable", "members", "list"});
    QCOMPARE(clear.exitCode, 2);
    QVERIFY2(clear.err.contains(QStringLiteral("in clear")), qPrintable(clear.err));
    // By default, another computer's certificate is checked (and here the name does not resolve).
    const Run unknown = cli({"--database", "postgresql://bureau@membres.invalid/carnet", "members", "list"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("membres.invalid")), qPrintable(unknown.err));
    QCOMPARE(TestServer::scalar(m_db, QStringLiteral("SELECT string_agg(last_name, ',') FROM members")),
             QStringLiteral("Chiffrée"));
}

void TestServerFaults::noTlsWhereItIsRequired()
{
    const QString log = m_dir.filePath(QStringLiteral("no-tls.log"));
    QProcess fake;
    fake.start(QStringLiteral("python3"), {QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/pg_no_tls.py"), log});
    QVERIFY(fake.waitForReadyRead(10000));
    const QString port = QString::fromLatin1(fake.readLine()).trimmed();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("secret-qui-ne-doit-pas-partir"));
    const Run r =
        cli({"--database", QStringLiteral("postgresql://bureau@localhost:%1/carnet?sslmode=require").arg(port),
             "members", "list"},
            env);
    fake.kill();
    fake.waitForFinished();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("does not offer an encrypted connection")), qPrintable(r.err));
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray seen = f.readAll();
    QVERIFY2(seen.contains("request:0000000804d2162f"), seen.constData()); // the SSLRequest, then nothing
    for (const QByteArray &line : seen.split('\n')) {
        if (line.startsWith("after:"))
            QCOMPARE(line, QByteArray("after:"));
    }
}

void TestServerFaults::outboxSurvivesAServerRestart()
{
    LocalSmtpServer smtp;
    const QString out = m_dir.filePath(QStringLiteral("out"));
    QVERIFY(smtp.start(QStringLiteral("plain"), out, {}, {}, 0.25));
    QCOMPARE(cli({"--database", m_db, "smtp", "set", "--host", "127.0.0.1", "--port", QString::number(smtp.port()),
                  "--security", "none", "--user", "bureau", "--from", "Bureau <bureau@amis.example.org>",
                  "--timeout-seconds", "15"})
                 .exitCode,
             0);
    const QString text = writeFile(m_dir.path(), QStringLiteral("mot.txt"), "Bonjour\n");
    QStringList to;
    for (int i = 0; i < 16; ++i)
        to << QStringLiteral("--to") << QStringLiteral("d%1@example.org").arg(i);
    QCOMPARE(cli(QStringList{"--database", m_db, "mail", "send", "--subject", "Réunion", "--text", text} + to).exitCode,
             0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), QStringLiteral("s3cr3t é"));
    QProcess run;
    run.setProcessEnvironment(env);
    run.start(QStringLiteral(CARNET_CLI_PATH),
              {QStringLiteral("--database"), m_db, QStringLiteral("outbox"), QStringLiteral("run"),
               QStringLiteral("--until-empty"), QStringLiteral("--json")});
    QTRY_VERIFY_WITH_TIMEOUT(smtp.received().size() >= 3, 30000);
    QVERIFY(TestServer::cluster("restart"));
    // The run's claim statement, prepared in the session the restart ended, is prepared again in the new one
    // (it used to be executed against the old session and fail for ever, the run going round its list: the
    // "once in about ten runs" wait of earlier notes). The account's 15-second reply timeout bounds any wait on
    // the mail server.
    QVERIFY(run.waitForFinished(90000));
    const QString firstErr = QString::fromUtf8(run.readAllStandardError());
    // Stopped by the lost connection, or finished after it: either way, the rest goes with the next run.
    const Run again = cli({"--database", m_db, "outbox", "run", "--until-empty", "--json"}, env);
    QVERIFY2(again.exitCode == 0 || again.exitCode == 1, qPrintable(firstErr + again.err));
    const QStringList received = smtp.received();
    for (int i = 0; i < 16; ++i) {
        const QString address = QStringLiteral("d%1@example.org").arg(i);
        QVERIFY2(received.count(address) <= 1, qPrintable(address + QStringLiteral(" twice")));
    }
    // Every message is accounted for: sent, or unknown (accepted by the SMTP server while the database was away)
    // and left for a person to resolve — never queued again blindly.
    const QString states = TestServer::scalar(
        m_db, QStringLiteral("SELECT string_agg(DISTINCT state, ',' ORDER BY state) FROM deliveries"));
    QVERIFY2(states == QLatin1String("sent") || states == QLatin1String("sent,unknown"), qPrintable(states));
    const int sent =
        TestServer::scalar(m_db, QStringLiteral("SELECT count(*) FROM deliveries WHERE state = 'sent'")).toInt();
    const int unknown =
        TestServer::scalar(m_db, QStringLiteral("SELECT count(*) FROM deliveries WHERE state = 'unknown'")).toInt();
    QCOMPARE(sent + unknown, 16);
    QVERIFY(received.size() >= sent);
    smtp.stop();
}

QTEST_GUILESS_MAIN(TestServerFaults)
#include "tst_serverfaults.moc"
