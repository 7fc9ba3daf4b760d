// The IMAP client against scripted servers: the response parser on bytes cut anywhere, and the session's
// transcripts — STARTTLS (what the server slips in before the handshake is ignored), the ways of logging
// in and the ones refused, SELECT/SEARCH/FETCH with literals, MOVE, the UIDPLUS fallback and the lack of
// both, APPEND, timeouts and a server that hangs up.
#include "FakeSmtpTransport.h"
#include "mail/imap/ImapResponse.h"
#include "mail/imap/ImapSession.h"

#include <QSignalSpy>
#include <QTest>

using Imap::Response;
using Imap::ResponseParser;
using Imap::Value;

class TestImapSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserOnBytesCutAnywhere();
    void parserStatusCodesAndData();
    void parserLimits();
    void mailboxNamesInModifiedUtf7();
    void startTlsThenAuthenticatePlain();
    void startTlsRefusedWhenNotOffered();
    void loginDisabledAndNoPlain();
    void plainWithoutSaslIrAndLoginFallback();
    void selectSearchFetch();
    void moveThreeWays();
    void appendWithLiteral();
    void silentServerTimesOut();
    void byeGreetingAndHangUp();
};

namespace {

QList<Response> parseAll(const QByteArray &bytes, int step)
{
    ResponseParser p;
    for (qsizetype i = 0; i < bytes.size(); i += step)
        p.feed(bytes.mid(i, step));
    QList<Response> out;
    while (p.hasResponse())
        out.append(p.take());
    return out;
}

Imap::Settings settings(Imap::Security security)
{
    Imap::Settings s;
    s.host = QStringLiteral("imap.example.org");
    s.port = security == Imap::Security::Tls ? 993 : 143;
    s.security = security;
    s.user = QStringLiteral("bureau@amis-du-jardin.fr");
    s.password = QStringLiteral("s3cr\"et\\pass");
    s.greetingTimeoutMs = 2000;
    s.commandTimeoutMs = 2000;
    s.fetchTimeoutMs = 2000;
    return s;
}

QByteArray plainOf(const Imap::Settings &s)
{
    return QByteArray(QByteArray(1, '\0') + s.user.toUtf8() + QByteArray(1, '\0') + s.password.toUtf8()).toBase64();
}

// A session over a scripted transport, started, waited until ready or failed.
struct Run
{
    FakeTransport *transport = nullptr;
    std::unique_ptr<Imap::Session> session;
    std::unique_ptr<QSignalSpy> ready;
    std::unique_ptr<QSignalSpy> failed;

    Run(Imap::Settings s, QByteArray greeting, QList<FakeTransport::Step> steps)
    {
        auto t = std::make_unique<FakeTransport>();
        transport = t.get();
        transport->greeting = std::move(greeting);
        transport->steps = std::move(steps);
        session = std::make_unique<Imap::Session>(s, std::move(t));
        ready = std::make_unique<QSignalSpy>(session.get(), &Imap::Session::ready);
        failed = std::make_unique<QSignalSpy>(session.get(), &Imap::Session::failed);
        session->start();
    }
    bool settle()
    {
        return QTest::qWaitFor([this] { return ready->size() + failed->size() > 0; }, 5000);
    }
};

const QByteArray kTlsGreeting = "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] Dovecot ready.\r\n";

QList<FakeTransport::Step> loginSteps(const Imap::Settings &s, const QByteArray &capabilitiesAfter)
{
    return {
        {"C1 AUTHENTICATE PLAIN " + plainOf(s) + "\r\n", "C1 OK [CAPABILITY " + capabilitiesAfter + "] Logged in\r\n"}};
}

} // namespace

void TestImapSession::parserOnBytesCutAnywhere()
{
    const QByteArray bytes = "* 2 FETCH (UID 17 FLAGS (\\Seen) BODY[] {13}\r\nHello\r\nWorld! )\r\n"
                             "* SEARCH 3 17 42\r\n"
                             "* LIST (\\HasNoChildren) \"/\" \"Carnet/Trait&AOk-s\"\r\n"
                             "* LIST () \"/\" {5}\r\nINBOX\r\n"
                             "C7 OK [READ-WRITE] SELECT \"done\"\r\n";
    for (int step : {1, 2, 3, 7, 64, 4096}) {
        const QList<Response> rs = parseAll(bytes, step);
        QCOMPARE(rs.size(), 5);
        QCOMPARE(rs[0].name, QByteArray("FETCH"));
        QCOMPARE(rs[0].number, 2u);
        const QList<Value> &items = rs[0].values.first().list;
        QCOMPARE(items.size(), 6);
        QVERIFY(items[0].isAtom("UID"));
        QCOMPARE(items[1].number(), 17u);
        QCOMPARE(items[3].list.first().bytes, QByteArray("\\Seen"));
        QCOMPARE(items[4].bytes, QByteArray("BODY[]"));
        QCOMPARE(items[5].bytes, QByteArray("Hello\r\nWorld!")); // CRLF inside a literal is data
        QCOMPARE(rs[1].values.size(), 3);
        QCOMPARE(Imap::decodeMailboxName(rs[2].values[2].bytes), QStringLiteral("Carnet/Traités"));
        QCOMPARE(rs[3].values[2].bytes, QByteArray("INBOX"));
        QCOMPARE(rs[4].kind, Response::Kind::Tagged);
        QCOMPARE(rs[4].tag, QByteArray("C7"));
        QCOMPARE(rs[4].code, QByteArray("READ-WRITE"));
        QCOMPARE(rs[4].text, QStringLiteral("SELECT \"done\""));
    }
}

void TestImapSession::parserStatusCodesAndData()
{
    const QList<Response> rs = parseAll("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
                                        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n"
                                        "C3 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n"
                                        "* 172 EXISTS\r\n"
                                        "* BYE [ALERT] Server shutting down\r\n"
                                        "+ \r\n"
                                        "* STATUS \"a \\\"q\\\" b\" (MESSAGES NIL)\r\n",
                                        5);
    QCOMPARE(rs.size(), 7);
    QCOMPARE(rs[0].code, QByteArray("UIDVALIDITY"));
    QCOMPARE(rs[0].codeArguments.first().number(), 3857529045u);
    QCOMPARE(rs[1].codeArguments.first().list.size(), 3);
    QCOMPARE(rs[2].codeArguments.size(), 3);
    QCOMPARE(rs[2].codeArguments[1].bytes, QByteArray("304,319:320"));
    QVERIFY(rs[3].hasNumber);
    QCOMPARE(rs[3].name, QByteArray("EXISTS"));
    QCOMPARE(rs[4].status, QByteArray("BYE"));
    QCOMPARE(rs[4].code, QByteArray("ALERT"));
    QCOMPARE(rs[5].kind, Response::Kind::Continuation);
    QCOMPARE(rs[6].values[0].bytes, QByteArray("a \"q\" b"));
    QCOMPARE(rs[6].values[1].list[1].type, Value::Type::Nil);
}

void TestImapSession::parserLimits()
{
    {
        ResponseParser p;
        p.feed("* 1 FETCH (BODY[] {999999999999}\r\n");
        QVERIFY(p.hasError()); // a literal larger than Carnet reads: refused before any byte arrives
    }
    {
        ResponseParser p;
        p.feed(QByteArray(ResponseParser::kMaxLine + 10, 'a'));
        QVERIFY(p.hasError());
    }
    {
        ResponseParser p;
        p.feed("* LIST " + QByteArray(200, '(') + "\r\n");
        QVERIFY(p.hasError());
    }
    {
        ResponseParser p;
        p.feed("C1 FETCH (nonsense\r\n"); // a tagged response that is not a status
        QVERIFY(p.hasError());
    }
}

void TestImapSession::mailboxNamesInModifiedUtf7()
{
    QCOMPARE(Imap::encodeMailboxName(QStringLiteral("Carnet/Traités")), QByteArray("Carnet/Trait&AOk-s"));
    QCOMPARE(Imap::encodeMailboxName(QStringLiteral("A&B")), QByteArray("A&-B"));
    // RFC 3501's example.
    QCOMPARE(Imap::decodeMailboxName("~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
             QString::fromUtf8("~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"));
    for (const QString &name : {QStringLiteral("Éléments envoyés"), QStringLiteral("Boîte & reçus"),
                                QStringLiteral("日本語"), QStringLiteral("a😀b")})
        QCOMPARE(Imap::decodeMailboxName(Imap::encodeMailboxName(name)), name);
}

void TestImapSession::startTlsThenAuthenticatePlain()
{
    const Imap::Settings s = settings(Imap::Security::StartTls);
    Run run(
        s, "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n",
        {// The OK comes with an injected response in the same packet: it must never be read.
         {"C1 STARTTLS\r\n", "C1 OK Begin TLS negotiation now\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n"},
         {"C2 CAPABILITY\r\n", "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN ID\r\nC2 OK done\r\n"},
         {"C3 AUTHENTICATE PLAIN " + plainOf(s) + "\r\n", "C3 OK [CAPABILITY IMAP4rev1 MOVE UIDPLUS] Logged in\r\n"}});
    QVERIFY(run.settle());
    QCOMPARE(run.failed->size(), 0);
    QCOMPARE(run.ready->size(), 1);
    QVERIFY(run.transport->mismatches.isEmpty());
    QVERIFY(run.session->has(QStringLiteral("MOVE")));
    // Nothing of the password in the log.
    const QString log = run.session->protocolLog().join(QLatin1Char('\n'));
    QVERIFY(!log.contains(QString::fromLatin1(plainOf(s))));
    QVERIFY(!log.contains(s.password));
    QVERIFY(log.contains(QStringLiteral("[redacted]")));
    QVERIFY(!log.contains(QStringLiteral("injected"))); // never parsed
}

void TestImapSession::startTlsRefusedWhenNotOffered()
{
    Run run(settings(Imap::Security::StartTls), "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n", {});
    QVERIFY(run.settle());
    QCOMPARE(run.failed->size(), 1);
    QVERIFY(run.failed->first().first().toString().contains(QStringLiteral("STARTTLS")));
    QVERIFY(run.transport->written.isEmpty()); // not a byte, let alone a password
}

void TestImapSession::loginDisabledAndNoPlain()
{
    Run run(settings(Imap::Security::Tls), "* OK [CAPABILITY IMAP4rev1 AUTH=CRAM-MD5 LOGINDISABLED] ready\r\n", {});
    QVERIFY(run.settle());
    QCOMPARE(run.failed->size(), 1);
    QVERIFY(run.transport->written.isEmpty());
}

void TestImapSession::plainWithoutSaslIrAndLoginFallback()
{
    const Imap::Settings s = settings(Imap::Security::Tls);
    {
        Run run(s, "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n",
                {{"C1 AUTHENTICATE PLAIN\r\n", "+ \r\n"},
                 {plainOf(s) + "\r\n", "C1 OK Logged in\r\n"},
                 {"C2 CAPABILITY\r\n", "* CAPABILITY IMAP4rev1\r\nC2 OK\r\n"}});
        QVERIFY(run.settle());
        QCOMPARE(run.ready->size(), 1);
        QVERIFY(run.transport->mismatches.isEmpty());
    }
    {
        // Only LOGIN: the password quoted with its " and \ escaped.
        Run run(s, "* OK [CAPABILITY IMAP4rev1] ready\r\n",
                {{"C1 LOGIN \"bureau@amis-du-jardin.fr\" \"s3cr\\\"et\\\\pass\"\r\n",
                  "C1 OK [CAPABILITY IMAP4rev1] ok\r\n"}});
        QVERIFY(run.settle());
        QCOMPARE(run.ready->size(), 1);
        QVERIFY(run.transport->mismatches.isEmpty());
    }
    {
        // A wrong password: refused, said.
        Run run(s, kTlsGreeting, {{"", "C1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"}});
        QVERIFY(run.settle());
        QCOMPARE(run.failed->size(), 1);
        QVERIFY(run.failed->first().first().toString().contains(QStringLiteral("Authentication failed")));
    }
}

void TestImapSession::selectSearchFetch()
{
    const Imap::Settings s = settings(Imap::Security::Tls);
    const QByteArray message = "From: a@b.fr\r\nSubject: x\r\n\r\nline\r\n";
    QList<FakeTransport::Step> steps = loginSteps(s, "IMAP4rev1 MOVE");
    steps += {{"C2 SELECT \"INBOX\"\r\n", "* 3 EXISTS\r\n* OK [UIDVALIDITY 1700000000] UIDs valid\r\n"
                                          "* OK [UIDNEXT 43] next\r\nC2 OK [READ-WRITE] Select completed.\r\n"},
              {"C3 UID SEARCH ALL\r\n", "* SEARCH 42 7 12\r\nC3 OK\r\n"},
              {"C4 UID FETCH 7,12 (UID FLAGS BODY.PEEK[])\r\n",
               // A flag change on another message, then ours, the literal split by the transport below.
               "* 1 FETCH (FLAGS (\\Seen) UID 3)\r\n* 2 FETCH (UID 7 FLAGS () BODY[] {" +
                   QByteArray::number(message.size()) + "}\r\n" + message +
                   ")\r\n* 3 FETCH (UID 12 FLAGS (\\Flagged) BODY[] {0}\r\n)\r\nC4 OK Fetch completed.\r\n"}};
    Run run(s, kTlsGreeting, steps);
    QVERIFY(run.settle());
    QCOMPARE(run.ready->size(), 1);
    bool selected = false;
    run.session->select(QStringLiteral("INBOX"), [&](const Core::Result<Imap::SelectedFolder> &r) {
        QVERIFY(r.ok());
        QCOMPARE(r.value().uidValidity, 1700000000u);
        QCOMPARE(r.value().uidNext, 43u);
        QCOMPARE(r.value().exists, 3u);
        selected = true;
    });
    QList<quint32> uids;
    run.session->uidSearch("ALL", [&](const Core::Result<QList<quint32>> &r) { uids = r.value(); });
    QVERIFY(QTest::qWaitFor([&] { return !uids.isEmpty(); }, 3000));
    QVERIFY(selected);
    QCOMPARE(uids, (QList<quint32>{7, 12, 42}));
    QList<Imap::FetchedMessage> got;
    bool done = false;
    run.session->uidFetch(
        {7, 12}, [&](const Imap::FetchedMessage &m) { got.append(m); },
        [&](const Core::Result<void> &r) {
            QVERIFY(r.ok());
            done = true;
        });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 3000));
    QCOMPARE(got.size(), 2);
    QCOMPARE(got[0].uid, 7u);
    QCOMPARE(got[0].bytes, message);
    QCOMPARE(got[1].flags, QList<QByteArray>{"\\Flagged"});
    QVERIFY(run.transport->mismatches.isEmpty());
    QVERIFY(!run.session->protocolLog().join(QLatin1Char('\n')).contains(QStringLiteral("Subject: x")));
}

void TestImapSession::moveThreeWays()
{
    const Imap::Settings s = settings(Imap::Security::Tls);
    {
        QList<FakeTransport::Step> steps = loginSteps(s, "IMAP4rev1 MOVE UIDPLUS");
        steps += {{"C2 UID MOVE 7,12:13 \"Carnet/Trait&AOk-s\"\r\n",
                   "* OK [COPYUID 99 7,12:13 501:503] Moved\r\n* 1 EXPUNGE\r\nC2 OK Done\r\n"}};
        Run run(s, kTlsGreeting, steps);
        QVERIFY(run.settle());
        QMap<quint32, quint32> mapping;
        run.session->uidMove({13, 7, 12}, QStringLiteral("Carnet/Traités"),
                             [&](const Core::Result<QMap<quint32, quint32>> &r) { mapping = r.value(); });
        QVERIFY(QTest::qWaitFor([&] { return !mapping.isEmpty(); }, 3000));
        QCOMPARE(mapping.value(7), 501u);
        QCOMPARE(mapping.value(13), 503u);
    }
    {
        QList<FakeTransport::Step> steps = loginSteps(s, "IMAP4rev1 UIDPLUS");
        steps += {{"C2 UID COPY 7 \"Done\"\r\n", "C2 OK [COPYUID 99 7 600] Copied\r\n"},
                  {"C3 UID STORE 7 +FLAGS.SILENT (\\Deleted)\r\n", "C3 OK\r\n"},
                  {"C4 UID EXPUNGE 7\r\n", "* 1 EXPUNGE\r\nC4 OK\r\n"}};
        Run run(s, kTlsGreeting, steps);
        QVERIFY(run.settle());
        QMap<quint32, quint32> mapping;
        run.session->uidMove({7}, QStringLiteral("Done"),
                             [&](const Core::Result<QMap<quint32, quint32>> &r) { mapping = r.value(); });
        QVERIFY(QTest::qWaitFor([&] { return !mapping.isEmpty(); }, 3000));
        QCOMPARE(mapping.value(7), 600u);
        QVERIFY(run.transport->mismatches.isEmpty());
    }
    {
        Run run(s, kTlsGreeting, loginSteps(s, "IMAP4rev1"));
        QVERIFY(run.settle());
        const QByteArray before = run.transport->written;
        bool refused = false;
        run.session->uidMove({7}, QStringLiteral("Done"),
                             [&](const Core::Result<QMap<quint32, quint32>> &r) { refused = !r.ok(); });
        QVERIFY(refused);
        QCOMPARE(run.transport->written, before); // no EXPUNGE that could remove someone else's messages
    }
}

void TestImapSession::appendWithLiteral()
{
    const Imap::Settings s = settings(Imap::Security::Tls);
    const QByteArray message = "Subject: y\r\n\r\nbody\r\n";
    QList<FakeTransport::Step> steps = loginSteps(s, "IMAP4rev1 UIDPLUS");
    steps += {{"C2 APPEND \"INBOX\" (\\Seen) {" + QByteArray::number(message.size()) + "}\r\n", "+ Ready\r\n"},
              {message + "\r\n", "C2 OK [APPENDUID 38505 3955] APPEND completed\r\n"}};
    Run run(s, kTlsGreeting, steps);
    QVERIFY(run.settle());
    quint32 uid = 0;
    run.session->append(QStringLiteral("INBOX"), message, {"\\Seen"},
                        [&](const Core::Result<quint32> &r) { uid = r.value(); });
    QVERIFY(QTest::qWaitFor([&] { return uid != 0; }, 3000));
    QCOMPARE(uid, 3955u);
}

void TestImapSession::silentServerTimesOut()
{
    Imap::Settings s = settings(Imap::Security::Tls);
    s.commandTimeoutMs = 200;
    QList<FakeTransport::Step> steps = loginSteps(s, "IMAP4rev1");
    steps += {{"C2 SELECT \"INBOX\"\r\n", "", false, true}};
    Run run(s, kTlsGreeting, steps);
    QVERIFY(run.settle());
    QString error;
    run.session->select(QStringLiteral("INBOX"), [&](const Core::Result<Imap::SelectedFolder> &r) {
        if (!r.ok())
            error = r.error().message;
    });
    QVERIFY(QTest::qWaitFor([&] { return !error.isEmpty(); }, 3000));
    QCOMPARE(run.failed->size(), 1);
    QVERIFY(run.failed->first().first().toString().contains(QStringLiteral("stopped answering")));
}

void TestImapSession::byeGreetingAndHangUp()
{
    {
        Run run(settings(Imap::Security::Tls), "* BYE Too many connections\r\n", {});
        QVERIFY(run.settle());
        QCOMPARE(run.failed->size(), 1);
        QVERIFY(run.failed->first().first().toString().contains(QStringLiteral("Too many connections")));
    }
    {
        const Imap::Settings s = settings(Imap::Security::Tls);
        QList<FakeTransport::Step> steps = loginSteps(s, "IMAP4rev1");
        steps += {{"C2 UID SEARCH ALL\r\n", "* BYE Autologout; idle for too long\r\n", true}};
        Run run(s, kTlsGreeting, steps);
        QVERIFY(run.settle());
        bool answered = false;
        run.session->uidSearch("ALL", [&](const Core::Result<QList<quint32>> &r) { answered = !r.ok(); });
        QVERIFY(QTest::qWaitFor([&] { return answered; }, 3000));
        QCOMPARE(run.failed->size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestImapSession)
#include "tst_imapsession.moc"
