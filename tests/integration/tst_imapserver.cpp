// Carnet's IMAP client against a real Dovecot started for the run (tests/support/LocalImapServer.h):
// STARTTLS where Dovecot says LOGINDISABLED before it, a UTF-8 password over AUTHENTICATE PLAIN, TLS from
// the start, a wrong password and an untrusted certificate refused, a folder with an accent created,
// messages fetched without being marked read, and moved — each checked by another client (imaplib).
#include "LocalImapServer.h"
#include "mail/imap/ImapSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

class TestImapServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startTlsReadAndMove();
    void tlsFromTheStart();
    void wrongPasswordAndUntrustedCertificate();

private:
    std::unique_ptr<Imap::Session> open(Imap::Security security, const QString &password, bool trust,
                                        QString *error = nullptr);
    QTemporaryDir m_dir;
    LocalImapServer m_server;
};

void TestImapServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(m_dir.filePath(QStringLiteral("dovecot"))), qPrintable(m_server.log()));
}

void TestImapServer::cleanupTestCase()
{
    m_server.stop();
}

std::unique_ptr<Imap::Session> TestImapServer::open(Imap::Security security, const QString &password, bool trust,
                                                    QString *error)
{
    Imap::Settings s;
    s.host = QStringLiteral("127.0.0.2");
    s.port = security == Imap::Security::Tls ? m_server.tlsPort() : m_server.port();
    s.security = security;
    s.user = LocalImapServer::user();
    s.password = password;
    s.greetingTimeoutMs = 10000;
    s.commandTimeoutMs = 10000;
    const QList<QSslCertificate> ca =
        trust ? QSslCertificate::fromPath(m_server.certificate()) : QList<QSslCertificate>();
    auto session = std::make_unique<Imap::Session>(s, std::make_unique<Smtp::SslTransport>(ca, QString()));
    QSignalSpy ready(session.get(), &Imap::Session::ready);
    QSignalSpy failed(session.get(), &Imap::Session::failed);
    session->start();
    if (!QTest::qWaitFor([&] { return ready.size() + failed.size() > 0; }, 20000))
        return nullptr;
    if (!failed.isEmpty()) {
        if (error)
            *error = failed.first().first().toString();
        return nullptr;
    }
    return session;
}

namespace {

template<typename T>
T wait(const std::function<void(std::function<void(const T &)>)> &call)
{
    std::optional<T> result;
    call([&](const T &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        qWarning("no answer in 20 s");
    return result.value_or(T(Core::Error::make(Core::Error::Code::Connection, QStringLiteral("no answer"))));
}

QJsonObject state(const LocalImapServer &server)
{
    return QJsonDocument::fromJson(server.tool({QStringLiteral("state")})).object();
}

} // namespace

void TestImapServer::startTlsReadAndMove()
{
    // Three messages put in by another client.
    QTemporaryDir files;
    QStringList paths;
    for (int i = 1; i <= 3; ++i) {
        const QString path = files.filePath(QStringLiteral("m%1.eml").arg(i));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("From: x@exemple.fr\r\nTo: bureau@amis-du-jardin.fr\r\nSubject: n%1\r\n"
                               "Message-ID: <m%1@exemple.fr>\r\n\r\nCorps é %1\r\n")
                    .arg(i)
                    .toUtf8());
        paths.append(path);
    }
    QCOMPARE(
        QJsonDocument::fromJson(m_server.tool(QStringList{QStringLiteral("append"), QStringLiteral("INBOX")} + paths))
            .array()
            .size(),
        3);

    QString error;
    auto session = open(Imap::Security::StartTls, LocalImapServer::password(), true, &error);
    QVERIFY2(session, qPrintable(error + m_server.log()));
    const QString log = session->protocolLog().join(QLatin1Char('\n'));
    QVERIFY(log.contains(QStringLiteral("LOGINDISABLED"))); // said before TLS, and honoured
    QVERIFY(!log.contains(QStringLiteral("LOGIN \"")));
    QVERIFY(session->has(QStringLiteral("MOVE")));

    auto folders = wait<Core::Result<QStringList>>([&](auto done) { session->list(done); });
    QVERIFY(folders.ok());
    const QString target = QStringLiteral("Carnet") + session->delimiter() + QStringLiteral("Traités");
    QVERIFY(wait<Core::Result<void>>([&](auto done) { session->create(target, done); }).ok());
    // Creating it again is not an error.
    QVERIFY(wait<Core::Result<void>>([&](auto done) { session->create(target, done); }).ok());

    auto selected =
        wait<Core::Result<Imap::SelectedFolder>>([&](auto done) { session->select(QStringLiteral("INBOX"), done); });
    QVERIFY(selected.ok());
    QVERIFY(selected.value().uidValidity > 0);
    QCOMPARE(selected.value().exists, 3u);
    auto uids = wait<Core::Result<QList<quint32>>>([&](auto done) { session->uidSearch("ALL", done); });
    QVERIFY(uids.ok());
    QCOMPARE(uids.value().size(), 3);
    QList<Imap::FetchedMessage> fetched;
    QVERIFY(wait<Core::Result<void>>([&](auto done) {
                session->uidFetch(
                    uids.value(), [&](const Imap::FetchedMessage &m) { fetched.append(m); }, done);
            }).ok());
    QCOMPARE(fetched.size(), 3);
    QVERIFY(fetched[0].bytes.contains("Subject: n1"));
    QVERIFY(fetched[0].bytes.contains("Corps \xc3\xa9 1"));

    // Read, and still unread for the association's volunteers.
    QJsonObject s = state(m_server);
    for (const QJsonValue &m : s.value(QStringLiteral("INBOX")).toArray())
        QVERIFY(!m.toObject().value(QStringLiteral("flags")).toArray().contains(QStringLiteral("\\Seen")));

    // Two of them moved; the third stays where it is.
    auto moved = wait<Core::Result<QMap<quint32, quint32>>>([&](auto done) {
        session->uidMove({uids.value()[0], uids.value()[2]}, target, done);
    });
    QVERIFY(moved.ok());
    QCOMPARE(moved.value().size(), 2);
    s = state(m_server);
    QCOMPARE(s.value(QStringLiteral("INBOX")).toArray().size(), 1);
    QCOMPARE(s.value(QStringLiteral("INBOX")).toArray().first().toObject().value(QStringLiteral("message_id")),
             QStringLiteral("m2@exemple.fr"));
    const QJsonArray processed = s.value(target).toArray();
    QCOMPARE(processed.size(), 2);
    QVERIFY(moved.value().values().contains(quint32(processed[0].toObject().value(QStringLiteral("uid")).toInt())));

    // And back, with APPEND to the inbox as Undo would do it.
    auto appended = wait<Core::Result<quint32>>(
        [&](auto done) { session->append(QStringLiteral("INBOX"), fetched[0].bytes, {}, done); });
    QVERIFY(appended.ok());
    QVERIFY(appended.value() > 0);
    QVERIFY(wait<Core::Result<void>>([&](auto done) { session->logout(done); }).ok());
}

void TestImapServer::tlsFromTheStart()
{
    QString error;
    auto session = open(Imap::Security::Tls, LocalImapServer::password(), true, &error);
    QVERIFY2(session, qPrintable(error));
    auto selected =
        wait<Core::Result<Imap::SelectedFolder>>([&](auto done) { session->select(QStringLiteral("INBOX"), done); });
    QVERIFY(selected.ok());
    // A folder that does not exist: said, the session goes on.
    auto missing = wait<Core::Result<Imap::SelectedFolder>>(
        [&](auto done) { session->select(QStringLiteral("Nulle part"), done); });
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(QStringLiteral("Nulle part")));
    QVERIFY(session->isReady());
}

void TestImapServer::wrongPasswordAndUntrustedCertificate()
{
    QString error;
    QVERIFY(!open(Imap::Security::StartTls, QStringLiteral("wrong"), true, &error));
    QVERIFY2(error.contains(QStringLiteral("refused the user name or password")), qPrintable(error));
    error.clear();
    QVERIFY(!open(Imap::Security::Tls, LocalImapServer::password(), false, &error));
    QVERIFY2(error.contains(QStringLiteral("certificate")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestImapServer)
#include "tst_imapserver.moc"
