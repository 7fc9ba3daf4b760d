// The SMTP reply parser and session state machine against a scripted fake transport: RFC-style
// transcripts, exact bytes both ways, and every way a server can misbehave.
#include "FakeSmtpTransport.h"
#include "mail/smtp/SmtpSession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Smtp;

namespace {

Settings fastSettings(Security security = Security::None)
{
    Settings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = 25;
    s.security = security;
    s.heloName = QStringLiteral("carnet.example.org");
    s.greetingTimeoutMs = s.commandTimeoutMs = s.dataTimeoutMs = s.finalDotTimeoutMs = 300;
    return s;
}

Envelope envelope(QStringList to = {QStringLiteral("ana@example.org")})
{
    Envelope e;
    e.from = QStringLiteral("bureau@asso.example.org");
    e.recipients = std::move(to);
    e.data = "Subject: Hi\r\n\r\nHello\r\n";
    return e;
}

const QByteArray kEhloPlain = "250-mail.example.org\r\n250-SIZE 1000000\r\n250 8BITMIME\r\n";

// Runs one session: start, send the messages one after the other on ready(), then quit.
struct Run
{
    QList<MessageResult> results;
    QString failure;
    Reply failureReply;
    bool finished = false;
    QStringList log;
    // What the fake server saw, copied before the session (which owns it) goes.
    QByteArray written;
    QStringList mismatches;
    qsizetype stepsLeft = 0;
};

Run run(Settings settings, FakeTransport *fake, QList<Envelope> messages)
{
    auto transport = std::unique_ptr<Transport>(fake);
    Session session(settings, std::move(transport));
    Run r;
    auto next = [&] {
        if (messages.isEmpty())
            session.quit();
        else
            session.send(messages.takeFirst());
    };
    QObject::connect(&session, &Session::ready, next);
    QObject::connect(&session, &Session::messageDone, [&](const MessageResult &m) {
        r.results.append(m);
        if (!r.finished && r.failure.isEmpty())
            QTimer::singleShot(0, &session, next);
    });
    QObject::connect(&session, &Session::failed, [&](const QString &message, const Reply &reply) {
        r.failure = message;
        r.failureReply = reply;
    });
    QObject::connect(&session, &Session::finished, [&] { r.finished = true; });
    session.start();
    QElapsedTimer timer;
    timer.start();
    while (!r.finished && timer.elapsed() < 5000)
        QTest::qWait(5);
    if (!r.finished)
        r.failure = QStringLiteral("(test) the session never finished");
    r.log = session.protocolLog();
    r.written = fake->written;
    r.mismatches = fake->mismatches;
    r.stepsLeft = fake->steps.size();
    return r;
}

} // namespace

class TestSmtpSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserReadsReplies_data();
    void parserReadsReplies();
    void parserRefusesWhatIsNotSmtp_data();
    void parserRefusesWhatIsNotSmtp();
    void dotStuffing();
    void plainTranscript();
    void envelopeIdWhenTheServerOffersDsn();
    void pipelinedWithOneRecipientRefused();
    void resetBetweenMessages();
    void startTlsRequiredButNotOffered();
    void startTlsDiscardsInjectedReplies();
    void authPlainUtf8();
    void authLoginAndRefusal();
    void greeting421();
    void heloFallback();
    void transientAndPermanentReplies_data();
    void transientAndPermanentReplies();
    void droppedAfterTheFinalDotIsUnknown();
    void silentServerTimesOut();
    void tooLargeIsNotSent();
    void replySplitAcrossPackets();
};

void TestSmtpSession::parserReadsReplies_data()
{
    QTest::addColumn<QList<QByteArray>>("packets");
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<QString>("firstEnhanced");
    QTest::addColumn<QString>("firstText");
    QTest::newRow("one line") << QList<QByteArray>{"250 OK\r\n"} << QList<int>{250} << ""
                              << "OK";
    QTest::newRow("enhanced") << QList<QByteArray>{"550 5.1.1 No such user\r\n"} << QList<int>{550} << "5.1.1"
                              << "No such user";
    QTest::newRow("multi-line") << QList<QByteArray>{"250-mail.example.org Hello\r\n250-PIPELINING\r\n250 SIZE 100\r\n"}
                                << QList<int>{250} << ""
                                << "mail.example.org Hello PIPELINING SIZE 100";
    QTest::newRow("bare code") << QList<QByteArray>{"250\r\n"} << QList<int>{250} << ""
                               << "";
    QTest::newRow("LF only") << QList<QByteArray>{"220 hi\n"} << QList<int>{220} << ""
                             << "hi";
    QTest::newRow("split") << QList<QByteArray>{"25", "0-first\r", "\n250 2.0.0 sec", "ond\r\n"} << QList<int>{250}
                           << "2.0.0"
                           << "first second";
    QTest::newRow("pipelined replies in one packet")
        << QList<QByteArray>{"250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n"}
        << QList<int>{250, 250, 354} << "2.1.0"
        << "Ok";
    QTest::newRow("enhanced of another class is text")
        << QList<QByteArray>{"250 5.1.1 odd\r\n"} << QList<int>{250} << ""
        << "5.1.1 odd";
}

void TestSmtpSession::parserReadsReplies()
{
    QFETCH(QList<QByteArray>, packets);
    QFETCH(QList<int>, codes);
    QFETCH(QString, firstEnhanced);
    QFETCH(QString, firstText);
    ReplyParser parser;
    QList<Reply> replies;
    for (const QByteArray &p : packets) {
        parser.feed(p);
        Reply r;
        while (parser.next(&r))
            replies.append(r);
    }
    QVERIFY2(!parser.failed(), qPrintable(parser.error()));
    QCOMPARE(replies.size(), codes.size());
    for (int i = 0; i < codes.size(); ++i)
        QCOMPARE(replies[i].code, codes[i]);
    QCOMPARE(replies.first().enhanced, firstEnhanced);
    QCOMPARE(replies.first().text(), firstText);
}

void TestSmtpSession::parserRefusesWhatIsNotSmtp_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("HTTP") << QByteArray("HTTP/1.1 400 Bad Request\r\n");
    QTest::newRow("code change") << QByteArray("250-a\r\n550 b\r\n");
    QTest::newRow("1xx") << QByteArray("150 what\r\n");
    QTest::newRow("no separator") << QByteArray("250x\r\n");
    QTest::newRow("endless line") << QByteArray(5000, 'x');
}

void TestSmtpSession::parserRefusesWhatIsNotSmtp()
{
    QFETCH(QByteArray, bytes);
    ReplyParser parser;
    parser.feed(bytes);
    Reply r;
    QVERIFY(!parser.next(&r));
    QVERIFY(parser.failed());
}

void TestSmtpSession::dotStuffing()
{
    QCOMPARE(Session::dotStuff("a\r\n.b\r\n"), QByteArray("a\r\n..b\r\n.\r\n"));
    QCOMPARE(Session::dotStuff(".\nbare lf\rbare cr"), QByteArray("..\r\nbare lf\r\nbare cr\r\n.\r\n"));
    QCOMPARE(Session::dotStuff("x\r\n.\r\ny"), QByteArray("x\r\n..\r\ny\r\n.\r\n")); // a lone dot cannot end it early
    QCOMPARE(Session::dotStuff(""), QByteArray("\r\n.\r\n"));
}

void TestSmtpSession::plainTranscript()
{
    auto *fake = new FakeTransport;
    fake->steps = {
        {"EHLO carnet.example.org\r\n", kEhloPlain},
        {"MAIL FROM:<bureau@asso.example.org> SIZE=25\r\n", "250 2.1.0 Ok\r\n"},
        {"RCPT TO:<ana@example.org>\r\n", "250 2.1.5 Ok\r\n"},
        {"DATA\r\n", "354 go ahead\r\n"},
        {"Subject: Hi\r\n\r\nHello\r\n.\r\n", "250 2.0.0 Ok: queued as 12345\r\n"},
        {"QUIT\r\n", "221 2.0.0 Bye\r\n"},
    };
    Run r = run(fastSettings(), fake, {envelope()});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.results.size(), 1);
    QCOMPARE(r.results[0].recipients[0].outcome, Outcome::Sent);
    QCOMPARE(r.results[0].recipients[0].reply.text(), QStringLiteral("Ok: queued as 12345"));
    QCOMPARE(r.stepsLeft, 0);
}

void TestSmtpSession::envelopeIdWhenTheServerOffersDsn()
{
    // RFC 3461: the id goes as ENVID (xtext: "+" and "=" written +2B, +3D) with RET=HDRS, to a server that
    // offers DSN; to one that does not, nothing is added (resetBetweenMessages sends an id to such a server).
    Envelope first = envelope();
    first.envelopeId = QStringLiteral("carnet.42+x=y@asso.example.org");
    auto *fake = new FakeTransport;
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 DSN\r\n"},
        {"MAIL FROM:<bureau@asso.example.org> RET=HDRS ENVID=carnet.42+2Bx+3Dy@asso.example.org\r\n", "250 Ok\r\n"},
        {"RCPT TO:<ana@example.org>\r\n", "250 Ok\r\n"},
        {"DATA\r\n", "354 go\r\n"},
        {"Subject: Hi\r\n\r\nHello\r\n.\r\n", "250 queued\r\n"},
        {"QUIT\r\n", "221 Bye\r\n"},
    };
    Run r = run(fastSettings(), fake, {first});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(r.results.value(0).recipients.value(0).outcome, Outcome::Sent);
    // What cannot be written in xtext's limits is not sent rather than cut.
    QCOMPARE(Session::xtext(QStringLiteral("a b")), QByteArray("a+20b"));
    QVERIFY(Session::xtext(QStringLiteral("andré@exemple.fr")).isEmpty());
    QVERIFY(Session::xtext(QString(101, QLatin1Char('x'))).isEmpty());
}

void TestSmtpSession::pipelinedWithOneRecipientRefused()
{
    auto *fake = new FakeTransport;
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 PIPELINING\r\n"},
        // The envelope and DATA arrive in one write; the replies come back in one packet.
        {"MAIL FROM:<bureau@asso.example.org>\r\nRCPT TO:<ana@example.org>\r\nRCPT TO:<nobody@example.org>\r\n"
         "RCPT TO:<bo@example.org>\r\nDATA\r\n",
         "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 No such user\r\n250 2.1.5 Ok\r\n354 go\r\n"},
        {"Subject: Hi\r\n\r\nHello\r\n.\r\n", "250 2.0.0 queued\r\n"},
        {"QUIT\r\n", "221 Bye\r\n"},
    };
    Run r = run(fastSettings(), fake,
                {envelope({QStringLiteral("ana@example.org"), QStringLiteral("nobody@example.org"),
                           QStringLiteral("bo@example.org")})});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    const auto &rec = r.results.value(0).recipients;
    QCOMPARE(rec.size(), 3);
    QCOMPARE(rec[0].outcome, Outcome::Sent);
    QCOMPARE(rec[1].outcome, Outcome::Failed);
    QCOMPARE(rec[1].reply.enhanced, QStringLiteral("5.1.1"));
    QCOMPARE(rec[2].outcome, Outcome::Sent);
}

void TestSmtpSession::resetBetweenMessages()
{
    auto *fake = new FakeTransport;
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "250 mail.example.org\r\n"},
        {"MAIL FROM:<bureau@asso.example.org>\r\n", "250 Ok\r\n"},
        {"RCPT TO:<ana@example.org>\r\n", "250 Ok\r\n"},
        {"DATA\r\n", "354 go\r\n"},
        {"Subject: Hi\r\n\r\nHello\r\n.\r\n", "250 queued\r\n"},
        {"RSET\r\n", "250 Ok\r\n"},
        {"MAIL FROM:<bureau@asso.example.org>\r\n", "250 Ok\r\n"},
        {"RCPT TO:<bo@example.org>\r\n", "250 Ok\r\n"},
        {"DATA\r\n", "354 go\r\n"},
        {"Subject: Hi\r\n\r\nHello\r\n.\r\n", "250 queued\r\n"},
        {"QUIT\r\n", "221 Bye\r\n"},
    };
    Envelope first = envelope();
    first.envelopeId = QStringLiteral("carnet.1@asso.example.org"); // no DSN offered: no ENVID
    Run r = run(fastSettings(), fake, {first, envelope({QStringLiteral("bo@example.org")})});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(r.results.size(), 2);
    QCOMPARE(r.results[1].recipients[0].outcome, Outcome::Sent);
}

void TestSmtpSession::startTlsRequiredButNotOffered()
{
    auto *fake = new FakeTransport;
    fake->steps = {{"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 AUTH PLAIN LOGIN\r\n"}};
    Settings s = fastSettings(Security::StartTls);
    s.user = QStringLiteral("bureau");
    s.password = QStringLiteral("secret");
    Run r = run(s, fake, {envelope()});
    QVERIFY(r.failure.contains(QStringLiteral("STARTTLS")));
    QVERIFY(!r.written.contains("AUTH")); // never a password in clear
    QVERIFY(!r.written.contains("secret"));
    QVERIFY(!r.written.contains("MAIL"));
    QVERIFY(r.results.isEmpty());
}

void TestSmtpSession::startTlsDiscardsInjectedReplies()
{
    auto *fake = new FakeTransport;
    Settings s = fastSettings(Security::StartTls);
    s.user = QStringLiteral("bureau");
    s.password = QStringLiteral("secret");
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 STARTTLS\r\n"},
        // A man in the middle appends a reply in clear after the 220: it must be thrown away.
        {"STARTTLS\r\n", "220 2.0.0 Ready to start TLS\r\n235 2.7.0 injected\r\n"},
        {"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 AUTH PLAIN\r\n"},
        {"AUTH PLAIN " + QByteArray("\0bureau\0secret", 14).toBase64() + "\r\n", "235 2.7.0 Authenticated\r\n"},
        {"QUIT\r\n", "221 Bye\r\n"},
    };
    Run r = run(s, fake, {});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.stepsLeft, 0);
    QVERIFY(r.log.join(QLatin1Char('\n')).contains(QStringLiteral("AUTH PLAIN <redacted>")));
    QVERIFY(
        !r.log.join(QLatin1Char('\n')).contains(QString::fromLatin1(QByteArray("\0bureau\0secret", 14).toBase64())));
}

void TestSmtpSession::authPlainUtf8()
{
    auto *fake = new FakeTransport;
    Settings s = fastSettings(Security::Tls);
    s.user = QStringLiteral("hélène@example.org");
    s.password = QStringLiteral("mot de passe à é");
    const QByteArray plain = QByteArray(1, '\0') + s.user.toUtf8() + QByteArray(1, '\0') + s.password.toUtf8();
    const QByteArray token = plain.toBase64();
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 AUTH LOGIN PLAIN\r\n"},
        {"AUTH PLAIN " + token + "\r\n", "235 ok\r\n"},
        {"QUIT\r\n", "221 Bye\r\n"},
    };
    Run r = run(s, fake, {});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QVERIFY(r.failure.isEmpty());
}

void TestSmtpSession::authLoginAndRefusal()
{
    auto *fake = new FakeTransport;
    Settings s = fastSettings(Security::Tls);
    s.user = QStringLiteral("bureau");
    s.password = QStringLiteral("wrong");
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 AUTH LOGIN\r\n"},
        {"AUTH LOGIN\r\n", "334 VXNlcm5hbWU6\r\n"},
        {"YnVyZWF1\r\n", "334 UGFzc3dvcmQ6\r\n"},
        {"d3Jvbmc=\r\n", "535 5.7.8 Authentication credentials invalid\r\n"},
    };
    Run r = run(s, fake, {envelope()});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(r.failureReply.code, 535);
    QVERIFY(!r.written.contains("MAIL"));
    QVERIFY(!r.log.join(QLatin1Char('\n')).contains(QStringLiteral("d3Jvbmc")));
}

void TestSmtpSession::greeting421()
{
    auto *fake = new FakeTransport;
    fake->greeting = "421 4.3.2 Too many connections, try later\r\n";
    Run r = run(fastSettings(), fake, {envelope()});
    QCOMPARE(r.failureReply.code, 421);
    QVERIFY(r.results.isEmpty());
    QVERIFY(!r.written.contains("MAIL"));
}

void TestSmtpSession::heloFallback()
{
    auto *fake = new FakeTransport;
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "502 5.5.1 Command not implemented\r\n"},
        {"HELO carnet.example.org\r\n", "250 old.example.org\r\n"},
        {"MAIL FROM:<bureau@asso.example.org>\r\n", "250 Ok\r\n"},
        {"RCPT TO:<ana@example.org>\r\n", "250 Ok\r\n"},
        {"DATA\r\n", "354 go\r\n"},
        {"Subject: Hi\r\n\r\nHello\r\n.\r\n", "250 queued\r\n"},
        {"QUIT\r\n", "221 Bye\r\n"},
    };
    Run r = run(fastSettings(), fake, {envelope()});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(r.results.value(0).recipients.value(0).outcome, Outcome::Sent);
}

void TestSmtpSession::transientAndPermanentReplies_data()
{
    QTest::addColumn<QByteArray>("mail");
    QTest::addColumn<QByteArray>("rcpt");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("final");
    QTest::addColumn<int>("outcome");
    QTest::newRow("450 on RCPT") << QByteArray("250 Ok\r\n") << QByteArray("450 4.2.1 Mailbox busy\r\n") << QByteArray()
                                 << QByteArray() << int(Outcome::Deferred);
    QTest::newRow("452 on RCPT") << QByteArray("250 Ok\r\n") << QByteArray("452 4.5.3 Too many recipients\r\n")
                                 << QByteArray() << QByteArray() << int(Outcome::Deferred);
    QTest::newRow("550 on RCPT") << QByteArray("250 Ok\r\n") << QByteArray("550 5.1.1 Unknown\r\n") << QByteArray()
                                 << QByteArray() << int(Outcome::Failed);
    QTest::newRow("451 after DATA") << QByteArray("250 Ok\r\n") << QByteArray("250 Ok\r\n")
                                    << QByteArray("451 4.3.0 Try later\r\n") << QByteArray() << int(Outcome::Deferred);
    QTest::newRow("554 after the dot") << QByteArray("250 Ok\r\n") << QByteArray("250 Ok\r\n")
                                       << QByteArray("354 go\r\n") << QByteArray("554 5.7.1 Spam\r\n")
                                       << int(Outcome::Failed);
    QTest::newRow("451 after the dot") << QByteArray("250 Ok\r\n") << QByteArray("250 Ok\r\n")
                                       << QByteArray("354 go\r\n") << QByteArray("451 4.7.1 Greylisted\r\n")
                                       << int(Outcome::Deferred);
    QTest::newRow("421 on MAIL (rate limit)") << QByteArray("421 4.7.0 Rate limited\r\n") << QByteArray()
                                              << QByteArray() << QByteArray() << int(Outcome::Deferred);
}

void TestSmtpSession::transientAndPermanentReplies()
{
    QFETCH(QByteArray, mail);
    QFETCH(QByteArray, rcpt);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, final);
    QFETCH(int, outcome);
    auto *fake = new FakeTransport;
    fake->steps = {{"EHLO carnet.example.org\r\n", "250 mail.example.org\r\n"},
                   {"MAIL FROM:<bureau@asso.example.org>\r\n", mail}};
    if (!rcpt.isEmpty())
        fake->steps.append(FakeTransport::Step{"RCPT TO:<ana@example.org>\r\n", rcpt});
    if (!data.isEmpty())
        fake->steps.append(FakeTransport::Step{"DATA\r\n", data});
    if (!final.isEmpty())
        fake->steps.append(FakeTransport::Step{"Subject: Hi\r\n\r\nHello\r\n.\r\n", final});
    fake->steps.append(FakeTransport::Step{"QUIT\r\n", "221 Bye\r\n"});
    Run r = run(fastSettings(), fake, {envelope()});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(r.results.size(), 1);
    QCOMPARE(int(r.results[0].recipients[0].outcome), outcome);
    QVERIFY(r.results[0].recipients[0].reply.code >= 400);
}

void TestSmtpSession::droppedAfterTheFinalDotIsUnknown()
{
    auto *fake = new FakeTransport;
    fake->steps = {
        {"EHLO carnet.example.org\r\n", "250 mail.example.org\r\n"},
        {"MAIL FROM:<bureau@asso.example.org>\r\n", "250 Ok\r\n"},
        {"RCPT TO:<ana@example.org>\r\n", "250 Ok\r\n"},
        {"DATA\r\n", "354 go\r\n"},
        {"Subject: Hi\r\n\r\nHello\r\n.\r\n", {}, true}, // no reply: the line drops
    };
    Run r = run(fastSettings(), fake, {envelope()});
    QCOMPARE(r.results.size(), 1);
    QCOMPARE(r.results[0].recipients[0].outcome, Outcome::Unknown); // never re-sent blindly
    QVERIFY(!r.failure.isEmpty());
}

void TestSmtpSession::silentServerTimesOut()
{
    {
        auto *fake = new FakeTransport;
        fake->steps = {{"EHLO carnet.example.org\r\n", "250 mail.example.org\r\n"},
                       {"MAIL FROM:<bureau@asso.example.org>\r\n", {}, false, true}};
        Run r = run(fastSettings(), fake, {envelope()});
        QCOMPARE(r.results.value(0).recipients.value(0).outcome, Outcome::Deferred); // not sent: try later
        QVERIFY(r.failure.contains(QStringLiteral("stopped answering")));
    }
    {
        auto *fake = new FakeTransport;
        fake->steps = {{"EHLO carnet.example.org\r\n", "250 mail.example.org\r\n"},
                       {"MAIL FROM:<bureau@asso.example.org>\r\n", "250 Ok\r\n"},
                       {"RCPT TO:<ana@example.org>\r\n", "250 Ok\r\n"},
                       {"DATA\r\n", "354 go\r\n"},
                       {"Subject: Hi\r\n\r\nHello\r\n.\r\n", {}, false, true}};
        Run r = run(fastSettings(), fake, {envelope()});
        QCOMPARE(r.results.value(0).recipients.value(0).outcome, Outcome::Unknown); // maybe delivered
    }
    {
        auto *fake = new FakeTransport;
        fake->greetingSilent = true;
        Run r = run(fastSettings(), fake, {envelope()});
        QVERIFY(r.results.isEmpty());
        QVERIFY(!r.failure.isEmpty());
    }
}

void TestSmtpSession::tooLargeIsNotSent()
{
    auto *fake = new FakeTransport;
    fake->steps = {{"EHLO carnet.example.org\r\n", "250-mail.example.org\r\n250 SIZE 10\r\n"},
                   {"QUIT\r\n", "221 Bye\r\n"}};
    Run r = run(fastSettings(), fake, {envelope()});
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(r.results.value(0).recipients.value(0).outcome, Outcome::Failed);
    QCOMPARE(r.results.value(0).recipients.value(0).reply.code, 552);
    QVERIFY(!r.written.contains("MAIL"));
}

void TestSmtpSession::replySplitAcrossPackets()
{
    // The fake answers in one packet per step; here the greeting itself comes in pieces.
    auto *fake = new FakeTransport;
    fake->greeting = "220-mail.example.org ESMTP\r\n220";
    fake->steps = {{"EHLO carnet.example.org\r\n", "250 mail.example.org\r\n"}, {"QUIT\r\n", "221 Bye\r\n"}};
    auto transport = std::unique_ptr<Transport>(fake);
    Session session(fastSettings(), std::move(transport));
    bool ready = false;
    QObject::connect(&session, &Session::ready, [&] {
        ready = true;
        session.quit();
    });
    session.start();
    QTest::qWait(20);
    QVERIFY(!ready); // half a reply is not a reply
    Q_EMIT fake->received(" welcome\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(ready, 2000);
}

QTEST_GUILESS_MAIN(TestSmtpSession)
#include "tst_smtpsession.moc"
