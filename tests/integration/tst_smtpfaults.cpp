// carnet-cli against a scripted, misbehaving SMTP server process on 127.0.0.1: for each fault, the
// outbox states are exactly right, and a rerun against a healthy server sends only what is left —
// zero duplicates, zero losses.
#include "LocalSmtpServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

using States = QMap<QString, QString>; // address -> state

struct Scenario
{
    QJsonObject rules;
    States afterFirst;
    States afterRerun;
    QString security = QStringLiteral("none");
};

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestSmtpFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faults_data();
    void faults();

private:
    bool startServer(const QJsonObject &rules);
    void stopServer();
    QJsonObject cli(const QStringList &args, int *exitCode = nullptr);
    States states();
    QStringList accepted() const;

    QTemporaryDir m_dir;
    QString m_db;
    QString m_out;
    QProcess *m_server = nullptr;
    int m_port = 0;
};

bool TestSmtpFaults::startServer(const QJsonObject &rules)
{
    m_server = new QProcess;
    m_server->start(QStringLiteral("python3"),
                    {QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/smtp_faults.py"), QStringLiteral("--out"),
                     m_out, QStringLiteral("--rules"),
                     QString::fromUtf8(QJsonDocument(rules).toJson(QJsonDocument::Compact))});
    if (!m_server->waitForStarted(10000))
        return false;
    QByteArray line;
    while (!line.contains('\n') && m_server->waitForReadyRead(15000))
        line += m_server->readAllStandardOutput();
    m_port = line.startsWith("PORT ") ? line.mid(5).trimmed().toInt() : 0;
    return m_port > 0;
}

void TestSmtpFaults::stopServer()
{
    if (!m_server)
        return;
    m_server->closeWriteChannel();
    if (!m_server->waitForFinished(10000))
        m_server->kill();
    delete m_server;
    m_server = nullptr;
}

QJsonObject TestSmtpFaults::cli(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(CARNET_CLI_PATH), QStringList{QStringLiteral("--database"), m_db} + args);
    p.waitForFinished(120000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

States TestSmtpFaults::states()
{
    States out;
    const QJsonObject status = cli(
        {QStringLiteral("outbox"), QStringLiteral("status"), QStringLiteral("--details"), QStringLiteral("--json")});
    for (const QJsonValue &v : status.value(QStringLiteral("recipients")).toArray())
        out.insert(v.toObject().value(QStringLiteral("address")).toString(),
                   v.toObject().value(QStringLiteral("state")).toString());
    return out;
}

QStringList TestSmtpFaults::accepted() const
{
    return LocalSmtpServer::receivedIn(m_out);
}

void TestSmtpFaults::faults_data()
{
    QTest::addColumn<Scenario>("scenario");
    const QString a = QStringLiteral("a@example.org"), b = QStringLiteral("b@example.org"),
                  c = QStringLiteral("c@example.org");
    auto st = [&](const char *sa, const char *sb, const char *sc) {
        return States{{a, QString::fromLatin1(sa)}, {b, QString::fromLatin1(sb)}, {c, QString::fromLatin1(sc)}};
    };
    QTest::newRow("421 at the greeting") << Scenario{
        {{QStringLiteral("greeting"), QStringLiteral("421 4.3.2 Too many connections")}},
        st("queued", "queued", "queued"),
        st("sent", "sent", "sent")};
    QTest::newRow("450 and 550 on some RCPT")
        << Scenario{{{QStringLiteral("rcpt"), QJsonObject{{b, QStringLiteral("450 4.2.1 Mailbox busy")},
                                                          {c, QStringLiteral("550 5.1.1 No such user")}}}},
                    st("sent", "deferred", "failed"),
                    st("sent", "sent", "failed")};
    QTest::newRow("452 on RCPT") << Scenario{
        {{QStringLiteral("rcpt"), QJsonObject{{b, QStringLiteral("452 4.5.3 Too many recipients")}}}},
        st("sent", "deferred", "sent"),
        st("sent", "sent", "sent")};
    QTest::newRow("451 and 554 after DATA")
        << Scenario{{{QStringLiteral("final"), QJsonObject{{b, QStringLiteral("451 4.3.0 Try again later")},
                                                           {c, QStringLiteral("554 5.7.1 Rejected")}}}},
                    st("sent", "deferred", "failed"),
                    st("sent", "sent", "failed")};
    QTest::newRow("connection dropped after the final dot")
        << Scenario{{{QStringLiteral("drop_after_dot"), QJsonArray{b}}},
                    st("sent", "unknown", "sent"),
                    st("sent", "unknown", "sent")};
    QTest::newRow("replies split across packets")
        << Scenario{{{QStringLiteral("split"), true}}, st("sent", "sent", "sent"), st("sent", "sent", "sent")};
    QTest::newRow("bare 250 without text")
        << Scenario{{{QStringLiteral("bare"), true}}, st("sent", "sent", "sent"), st("sent", "sent", "sent")};
    // STARTTLS offered but refused: nothing is sent, no password, everything waits.
    QTest::newRow("STARTTLS refused") << Scenario{
        {{QStringLiteral("starttls"), QStringLiteral("454 4.7.0 TLS not available")}},
        st("queued", "queued", "queued"),
        st("queued", "queued", "queued"),
        QStringLiteral("starttls")};
    // A server that stops answering: before the dot it is "later", after the dot nobody knows.
    QTest::newRow("server stops answering at MAIL") << Scenario{{{QStringLiteral("silent_on"), QStringLiteral("MAIL")}},
                                                                st("deferred", "deferred", "deferred"),
                                                                st("sent", "sent", "sent")};
    QTest::newRow("server stops answering after the dot")
        << Scenario{{{QStringLiteral("silent_on"), QStringLiteral("DOT")}},
                    st("unknown", "unknown", "unknown"),
                    st("unknown", "unknown", "unknown")};
}

void TestSmtpFaults::faults()
{
    QFETCH(Scenario, scenario);
    static int n = 0;
    ++n;
    m_db = m_dir.filePath(QStringLiteral("f%1.sqlite").arg(n));
    m_out = m_dir.filePath(QStringLiteral("f%1").arg(n));
    QDir().mkpath(m_out);
    QVERIFY(startServer(scenario.rules));
    QString security = scenario.security;
    auto configure = [&] {
        int code = -1;
        cli({QStringLiteral("smtp"), QStringLiteral("set"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--security"), security,
             QStringLiteral("--from"), QStringLiteral("bureau@asso.example.org"), QStringLiteral("--retry-seconds"),
             QStringLiteral("1"), QStringLiteral("--timeout-seconds"), QStringLiteral("1")},
            &code);
        return code == 0;
    };
    QVERIFY(configure());
    int code = -1;
    cli({QStringLiteral("mail"), QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("a@example.org"),
         QStringLiteral("--to"), QStringLiteral("b@example.org"), QStringLiteral("--to"),
         QStringLiteral("c@example.org"), QStringLiteral("--subject"), QStringLiteral("Faults"),
         QStringLiteral("--text"), QStringLiteral(CARNET_SOURCE_DIR "/README.md")},
        &code);
    QCOMPARE(code, 0);
    cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--json")});
    QCOMPARE(states(), scenario.afterFirst);

    // A healthy server now; deferred messages are due after a second.
    stopServer();
    QVERIFY(startServer(scenario.security == QLatin1String("starttls") ? scenario.rules : QJsonObject()));
    QVERIFY(configure());
    QThread::msleep(1200);
    // --until-empty waits for deferred retries (their backoff doubles with each attempt).
    cli({QStringLiteral("outbox"), QStringLiteral("run"), QStringLiteral("--until-empty"), QStringLiteral("--json")});
    QCOMPARE(states(), scenario.afterRerun);
    stopServer();
    const QStringList got = accepted();
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size()); // zero duplicates
    for (auto it = scenario.afterRerun.cbegin(); it != scenario.afterRerun.cend(); ++it) {
        if (it.value() == QLatin1String("sent") && scenario.afterFirst.value(it.key()) != QLatin1String("unknown"))
            QVERIFY2(got.contains(it.key()), qPrintable(it.key())); // zero losses
        if (it.value() == QLatin1String("failed"))
            QVERIFY(!got.contains(it.key()));
    }
}

QTEST_GUILESS_MAIN(TestSmtpFaults)
#include "tst_smtpfaults.moc"
