// What comes back to the association's mailbox, read: delivery reports built around a message Carnet
// itself wrote (so the Message-ID found is ours), several recipients with different fates, complaints,
// French auto-replies, unsubscribe replies, ordinary mail left alone — and hostile messages that must
// not crash, hang or allocate without bound.
#include "mail/MimeMessage.h"
#include "mail/UnsubscribeToken.h"
#include "mail/inbound/InboundMessage.h"
#include "mail/inbound/ReturnedMail.h"

#include <QTest>

using namespace Mail::Inbound;

class TestReturnedMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void postfixReportOnOurMessage();
    void severalRecipientsSeveralFates();
    void neighboursWordsAreNotTaken();
    void sendingServersOwnClass();
    void envelopeIdReadBack();
    void replyCodeGluedToAWordIsNotOne();
    void globalDeliveryStatusForAnInternationalAddress();
    void classificationOfTheCommonAnswers_data();
    void classificationOfTheCommonAnswers();
    void arfComplaint();
    void frenchAutoReply();
    void reportWithAutoSubmittedIsStillABounce();
    void unsubscribeReply();
    void ordinaryMailIsLeftAlone();
    void eximReportWithoutMime();
    void headerDecoding();
    void hostileMessages();

private:
    QByteArray m_original; // a message as Carnet sends it
    QString m_messageId;
};

namespace {

QByteArray crlf(QByteArray text)
{
    text.replace("\r\n", "\n");
    text.replace("\n", "\r\n");
    return text;
}

QByteArray dsn(const QByteArray &perRecipient, const QByteArray &human, const QByteArray &returned,
               const QByteArray &extraHeaders = {})
{
    return crlf("From: MAILER-DAEMON@mx.amis-du-jardin.fr (Mail Delivery System)\n"
                "To: bureau@amis-du-jardin.fr\n"
                "Subject: Undelivered Mail Returned to Sender\n"
                "Date: Tue, 01 Dec 2026 10:00:00 +0100\n"
                "Message-ID: <20261201090000.ABC@mx.amis-du-jardin.fr>\n" +
                extraHeaders +
                "MIME-Version: 1.0\n"
                "Content-Type: multipart/report; report-type=delivery-status;\n"
                "\tboundary=\"B1\"\n"
                "\n"
                "This is a MIME-encapsulated message.\n"
                "\n"
                "--B1\n"
                "Content-Type: text/plain; charset=us-ascii\n"
                "\n" +
                human +
                "\n"
                "--B1\n"
                "Content-Type: message/delivery-status\n"
                "\n"
                "Reporting-MTA: dns; mx.amis-du-jardin.fr\n"
                "Arrival-Date: Tue, 01 Dec 2026 09:59:00 +0100\n"
                "\n" +
                perRecipient +
                "\n"
                "--B1\n"
                "Content-Type: text/rfc822-headers\n"
                "\n") +
           returned + crlf("\n--B1--\n");
}

QByteArray headersOf(const QByteArray &message)
{
    return message.left(message.indexOf("\r\n\r\n") + 2);
}

} // namespace

void TestReturnedMail::initTestCase()
{
    Mail::Message m;
    m.from = {QStringLiteral("Les Amis du Jardin"), QStringLiteral("bureau@amis-du-jardin.fr")};
    m.to = {{QStringLiteral("Élodie Tremblay"), QStringLiteral("elodie@exemple.fr")}};
    m.subject = QStringLiteral("Assemblée générale — convocation");
    m.text = QStringLiteral("Bonjour,\n");
    auto built = Mail::Mime::build(m);
    QVERIFY(built.ok());
    m_original = built.value().bytes;
    m_messageId = built.value().messageId;
    QVERIFY(!m_messageId.isEmpty());
}

void TestReturnedMail::postfixReportOnOurMessage()
{
    const QByteArray raw =
        dsn("Final-Recipient: rfc822; elodie@exemple.fr\n"
            "Original-Recipient: rfc822;elodie@exemple.fr\n"
            "Action: failed\n"
            "Status: 5.1.1\n"
            "Remote-MTA: dns; mx.exemple.fr\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <elodie@exemple.fr>: Recipient address\n"
            "    rejected: User unknown in virtual mailbox table\n",
            "<elodie@exemple.fr>: host mx.exemple.fr said: 550 5.1.1 User unknown\n", headersOf(m_original));
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::Bounce);
    QCOMPARE(r.recipients.size(), 1);
    QCOMPARE(r.recipients[0].address, QStringLiteral("elodie@exemple.fr"));
    QCOMPARE(r.recipients[0].action, QStringLiteral("failed"));
    QCOMPARE(r.recipients[0].status, QStringLiteral("5.1.1"));
    QCOMPARE(r.recipients[0].reply, 550);
    QCOMPARE(r.recipients[0].category, ReturnCategory::AddressUnknown);
    QVERIFY(r.recipients[0].permanent);
    // The folded Diagnostic-Code unfolded into one line.
    QCOMPARE(r.recipients[0].diagnostic,
             QStringLiteral("550 5.1.1 <elodie@exemple.fr>: Recipient address rejected: User unknown in virtual "
                            "mailbox table"));
    QCOMPARE(r.originalMessageIds, QStringList{m_messageId});
    QCOMPARE(r.from, QStringLiteral("MAILER-DAEMON@mx.amis-du-jardin.fr"));
    QCOMPARE(r.messageId, QStringLiteral("20261201090000.ABC@mx.amis-du-jardin.fr"));
    QCOMPARE(r.date.toUTC(), QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
}

void TestReturnedMail::severalRecipientsSeveralFates()
{
    const QByteArray raw = dsn("Final-Recipient: rfc822; plein@exemple.fr\n"
                               "Action: delayed\n"
                               "Status: 4.2.2\n"
                               "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n"
                               "\n"
                               "Final-Recipient: rfc822; bloque@exemple.ca\n"
                               "Action: failed\n"
                               "Status: 5.7.1\n"
                               "Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked "
                               "using zen.spamhaus.org\n"
                               "\n"
                               "Final-Recipient: rfc822; arrive@exemple.fr\n"
                               "Action: delivered\n"
                               "Status: 2.0.0\n"
                               "\n"
                               "Final-Recipient: rfc822; gros@exemple.fr\n"
                               "Action: failed\n"
                               "Status: 5.3.4\n"
                               "Diagnostic-Code: smtp; 552 5.3.4 Message size exceeds fixed limit\n"
                               "\n"
                               "Final-Recipient: rfc822; personne@domaine-disparu.example\n"
                               "Action: failed\n"
                               "Status: 5.1.2\n"
                               "Diagnostic-Code: X-Postfix; Host or domain name not found\n",
                               "Several recipients.\n", headersOf(m_original));
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::Bounce);
    QCOMPARE(r.recipients.size(), 5);
    QCOMPARE(r.recipients[0].action, QStringLiteral("delayed"));
    QCOMPARE(r.recipients[0].category, ReturnCategory::MailboxFull);
    QVERIFY(!r.recipients[0].permanent);
    QVERIFY(!r.recipients[0].failed()); // a delay does not count
    QCOMPARE(r.recipients[1].category, ReturnCategory::Policy);
    QVERIFY(!r.recipients[1].permanent); // a block list is not the member's fault
    QCOMPARE(r.recipients[2].action, QStringLiteral("delivered"));
    QCOMPARE(r.recipients[2].category, ReturnCategory::Other);
    QCOMPARE(r.recipients[3].category, ReturnCategory::TooLarge);
    QVERIFY(!r.recipients[3].permanent);
    QCOMPARE(r.recipients[4].category, ReturnCategory::DomainUnknown);
    QVERIFY(r.recipients[4].permanent);
}

void TestReturnedMail::envelopeIdReadBack()
{
    // The ENVID Carnet sent (xtext: "+" written +2B) comes back in the report's per-message fields; a report
    // that returns no header at all still names the message by it.
    const QByteArray raw = dsn("Original-Envelope-Id: carnet.7+2Bx@amis-du-jardin.fr\n\n"
                               "Final-Recipient: rfc822; absent@exemple.fr\nAction: failed\nStatus: 5.1.1\n",
                               "No such user.\n", {});
    const ReturnedMail mail = ReturnedMail::read(raw);
    QCOMPARE(mail.kind, ReturnKind::Bounce);
    QCOMPARE(mail.envelopeId, QStringLiteral("carnet.7+x@amis-du-jardin.fr"));
    QVERIFY(mail.originalMessageIds.isEmpty());
}

void TestReturnedMail::sendingServersOwnClass()
{
    // PowerMTA classes the mailbox as bad itself: a 5.2.1 "User Unknown" is then the address's fault.
    const QByteArray returned = crlf("From: Les Amis du Jardin <bureau@amis-du-jardin.fr>\n"
                                     "To: mauvais@exemple.fr\nSubject: Nouvelles\n"
                                     "Message-ID: <lettre-1@amis-du-jardin.fr>\n");
    const QByteArray fields = "Final-Recipient: rfc822; mauvais@exemple.fr\n"
                              "Action: failed\n"
                              "Status: 5.2.1 (mailbox disabled, not accepting messages)\n"
                              "Diagnostic-Code: smtp;550 5.2.1 <mauvais@exemple.fr>... User Unknown\n";
    ReturnedMail mail = ReturnedMail::read(
        dsn(fields + "X-PowerMTA-BounceCategory: bad-mailbox\n", "The message could not be delivered.\n", returned));
    QCOMPARE(mail.recipients.size(), 1);
    QCOMPARE(mail.recipients[0].category, ReturnCategory::AddressUnknown);
    QVERIFY(mail.recipients[0].permanent);
    // Without it, the same words are a filter's on the member's side.
    mail = ReturnedMail::read(dsn(fields, "The message could not be delivered.\n", returned));
    QCOMPARE(mail.recipients.size(), 1);
    QCOMPARE(mail.recipients[0].category, ReturnCategory::Policy);
    QVERIFY(!mail.recipients[0].permanent);
}

void TestReturnedMail::neighboursWordsAreNotTaken()
{
    // OpenSMTPD: the delivery-status fields say only 5.0.0; each address's words are on its own line
    // of the human part — the second line's "Mailbox full" is not the first address's.
    const QByteArray raw = dsn("Final-Recipient: rfc822; inconnu@exemple.fr\n"
                               "Action: failed\n"
                               "Status: 5.0.0\n"
                               "\n"
                               "Final-Recipient: rfc822; plein@exemple.fr\n"
                               "Action: failed\n"
                               "Status: 5.0.0\n",
                               "    An error has occurred while attempting to deliver a message for\n"
                               "    the following list of recipients:\n\n"
                               "inconnu@exemple.fr: 550 5.1.1 <inconnu@exemple.fr>: Recipient address rejected: "
                               "User unknown\n"
                               "plein@exemple.fr: 552 5.2.2 <plein@exemple.fr>: Recipient address rejected: Mailbox "
                               "full\n",
                               headersOf(m_original));
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.recipients.size(), 2);
    QCOMPARE(r.recipients[0].address, QStringLiteral("inconnu@exemple.fr"));
    QCOMPARE(r.recipients[0].status, QStringLiteral("5.1.1")); // the server's own code, over the bare 5.0.0
    QCOMPARE(r.recipients[0].category, ReturnCategory::AddressUnknown);
    QVERIFY(r.recipients[0].permanent);
    QCOMPARE(r.recipients[1].status, QStringLiteral("5.2.2"));
    QCOMPARE(r.recipients[1].category, ReturnCategory::MailboxFull);
    QVERIFY(!r.recipients[1].permanent);
}

void TestReturnedMail::replyCodeGluedToAWordIsNotOne()
{
    // Exim's delay notice: "neko222-…" in the message identifier is not a 222 reply; the reply is on
    // the line that says why, after our MAIL FROM.
    const QByteArray raw = crlf("From: Mail Delivery System <Mailer-Daemon@mx.amis-du-jardin.fr>\n"
                                "To: bureau@amis-du-jardin.fr\n"
                                "Subject: Warning: message neko222-nyaaan-22 delayed 24 hours\n"
                                "Auto-Submitted: auto-replied\n"
                                "Date: Tue, 01 Dec 2026 10:00:00 +0100\n"
                                "\n"
                                "This message was created automatically by mail delivery software.\n"
                                "A message that you sent has not yet been delivered to one or more of its\n"
                                "recipients after more than 24 hours on the queue on mx.amis-du-jardin.fr.\n\n"
                                "The message identifier is:     neko222-nyaaan-22\n\n"
                                "The address to which the message has not yet been delivered is:\n\n"
                                "  elodie@exemple.fr\n"
                                "    Delay reason: SMTP error from remote mail server after MAIL "
                                "FROM:<bureau@amis-du-jardin.fr> SIZE=1024:\n"
                                "    450 service permits 2 unverifyable sending IPs\n\n"
                                "No action is required on your part.\n");
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::Bounce);
    QCOMPARE(r.recipients.size(), 1);
    QCOMPARE(r.recipients[0].reply, 450);
    QCOMPARE(r.recipients[0].action, QStringLiteral("delayed"));
    QCOMPARE(r.recipients[0].category, ReturnCategory::Policy);
}

void TestReturnedMail::globalDeliveryStatusForAnInternationalAddress()
{
    QByteArray raw = dsn("Final-Recipient: utf-8; andré@exemple.québec\n"
                         "Action: failed\n"
                         "Status: 5.1.1\n",
                         "Échec.\n", headersOf(m_original));
    raw.replace("message/delivery-status", "message/global-delivery-status");
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::Bounce);
    QCOMPARE(r.recipients.size(), 1);
    QCOMPARE(r.recipients[0].address, QStringLiteral("andré@exemple.québec"));
    QVERIFY(r.recipients[0].permanent);
}

void TestReturnedMail::classificationOfTheCommonAnswers_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("reply");
    QTest::addColumn<QString>("text");
    QTest::addColumn<ReturnCategory>("category");
    QTest::addColumn<bool>("permanent");
    QTest::newRow("5.1.1") << "5.1.1" << 550 << "User unknown" << ReturnCategory::AddressUnknown << true;
    QTest::newRow("5.1.10 null MX") << "5.1.10" << 550 << "Recipient address has null MX"
                                    << ReturnCategory::AddressUnknown << true;
    QTest::newRow("5.1.2") << "5.1.2" << 550 << "" << ReturnCategory::DomainUnknown << true;
    QTest::newRow("5.1.6 moved") << "5.1.6" << 550 << "" << ReturnCategory::AccountClosed << true;
    QTest::newRow("5.2.1 alone") << "5.2.1" << 550 << "" << ReturnCategory::AccountClosed << true;
    QTest::newRow("5.2.1 closed") << "5.2.1" << 550 << "This account has been closed" << ReturnCategory::AccountClosed
                                  << true;
    // "Disabled" may be for a while: counted as a temporary failure (three, over two weeks, and it is marked).
    QTest::newRow("5.2.1 disabled") << "5.2.1" << 550 << "Mailbox disabled, not accepting messages"
                                    << ReturnCategory::Temporary << false;
    QTest::newRow("5.2.1 suspended") << "5.2.1" << 550 << "The email account that you tried to reach is disabled"
                                     << ReturnCategory::Temporary << false;
    // 5.2.1 says the mailbox exists: "user unknown" beside it is the address's fault only when answered to the
    // address (RCPT TO); otherwise the member's own filter refused the message.
    QTest::newRow("5.2.1 user unknown, said to the message")
        << "5.2.1" << 550 << "550 5.2.1 <x@exemple.fr>... User Unknown" << ReturnCategory::Policy << false;
    QTest::newRow("5.2.1 user unknown, said to the address")
        << "5.2.1" << 550 << "550 5.2.1 <x@exemple.fr>... User Unknown (in reply to RCPT TO command)"
        << ReturnCategory::AddressUnknown << true;
    QTest::newRow("5.2.1 user unknown, after RCPT (GMX)")
        << "5.2.1" << 550 << "SMTP error from remote server after RCPT command:\n5.2.1 <x@exemple.fr>... User Unknown"
        << ReturnCategory::AddressUnknown << true;
    QTest::newRow("5.2.1 user unknown, qmail's recipient")
        << "5.2.1" << 550
        << "192.0.2.153 does not like recipient.\nRemote host said: 550 5.2.1 <x@exemple.fr>... User Unknown"
        << ReturnCategory::AddressUnknown << true;
    QTest::newRow("4.2.2") << "4.2.2" << 452 << "Mailbox full" << ReturnCategory::MailboxFull << false;
    QTest::newRow("5.2.2 quota") << "5.2.2" << 552 << "" << ReturnCategory::MailboxFull << false;
    QTest::newRow("boîte pleine") << "" << 550 << "Boîte aux lettres pleine" << ReturnCategory::MailboxFull << false;
    QTest::newRow("adresse inconnue") << "" << 550 << "Adresse inconnue" << ReturnCategory::AddressUnknown << true;
    QTest::newRow("4xx user unknown") << "4.1.1" << 450 << "User unknown in virtual alias table"
                                      << ReturnCategory::Temporary << false;
    QTest::newRow("5.7.1 DMARC") << "5.7.1" << 550 << "Unauthenticated email is not accepted due to DMARC policy"
                                 << ReturnCategory::Policy << false;
    QTest::newRow("5.7.1 user unknown") << "5.7.1" << 550 << "Recipient address rejected: User unknown"
                                        << ReturnCategory::AddressUnknown << true;
    QTest::newRow("SPF") << "5.7.23" << 550 << "SPF validation failed" << ReturnCategory::Policy << false;
    QTest::newRow("spamhaus with 5.1.1") << "5.1.1" << 553 << "http://www.spamhaus.org/query/bl?ip=192.0.2.1"
                                         << ReturnCategory::Policy << false;
    QTest::newRow("expired") << "4.4.7" << 0 << "Delivery time expired" << ReturnCategory::Temporary << false;
    QTest::newRow("too large") << "5.3.4" << 552 << "" << ReturnCategory::TooLarge << false;
    QTest::newRow("rate limit") << "4.7.0" << 421 << "Messages from 192.0.2.1 temporarily deferred"
                                << ReturnCategory::Policy << false;
    QTest::newRow("after DATA") << "5.0.0" << 550 << ">>> DATA\n<<< 550 Unknown user x@exemple.fr"
                                << ReturnCategory::Policy << false;
    QTest::newRow("m-FILTER after DATA") << "" << 550
                                         << "-------server message\n550 unknown user <x@exemple.fr>\n\n"
                                            "-------SMTP command\nDATA\n"
                                         << ReturnCategory::Policy << false;
    QTest::newRow("our MAIL FROM refused")
        << "" << 450
        << "SMTP error from remote mail server after MAIL FROM:<bureau@exemple.fr>:\n"
           "450 service permits 2 unverifyable sending IPs"
        << ReturnCategory::Policy << false;
    QTest::newRow("refused at the greeting")
        << "" << 554
        << "SMTP error from remote mail server after initial connection:\n554 mx.exemple.fr :" << ReturnCategory::Policy
        << false;
    QTest::newRow("a rate limit at the greeting stays temporary")
        << "" << 421 << "SMTP error from remote mail server after initial connection:\n421 Too many connections"
        << ReturnCategory::Temporary << false;
    QTest::newRow("8-bit header") << "5.6.9" << 550 << "550 5.6.9 improper use of 8-bit data in message header"
                                  << ReturnCategory::Policy << false;
    QTest::newRow("Exchange Online edge blocking")
        << "5.4.1" << 550 << "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)"
        << ReturnCategory::AddressUnknown << true;
    QTest::newRow("account locked for a while")
        << "5.7.1" << 550 << "Recipient address rejected: User x@exemple.fr temporary locked. Please try again later!"
        << ReturnCategory::Temporary << false;
    QTest::newRow("our sender refused") << "5.1.0" << 550 << "550 5.1.0 <bounce@exemple.fr> sender rejected."
                                        << ReturnCategory::Policy << false;
    QTest::newRow("user unknown then service unavailable")
        << "5.5.0" << 554 << "mail.local: unknown user: x\n554 <x@exemple.fr>... Service unavailable"
        << ReturnCategory::AddressUnknown << true;
    QTest::newRow("nothing said") << "" << 0 << "" << ReturnCategory::Other << false;
}

void TestReturnedMail::classificationOfTheCommonAnswers()
{
    QFETCH(QString, status);
    QFETCH(int, reply);
    QFETCH(QString, text);
    QFETCH(ReturnCategory, category);
    QFETCH(bool, permanent);
    bool isPermanent = !permanent;
    QCOMPARE(classify(status, reply, text, &isPermanent), category);
    QCOMPARE(isPermanent, permanent);
}

void TestReturnedMail::arfComplaint()
{
    const QByteArray raw = crlf("From: feedback@fbl.fournisseur.example\n"
                                "To: abuse@amis-du-jardin.fr\n"
                                "Subject: FW: Assemblée\n"
                                "MIME-Version: 1.0\n"
                                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\n"
                                "\n"
                                "--F\n"
                                "Content-Type: text/plain\n"
                                "\n"
                                "This is an email abuse report.\n"
                                "--F\n"
                                "Content-Type: message/feedback-report\n"
                                "\n"
                                "Feedback-Type: abuse\n"
                                "User-Agent: SomeGenerator/1.0\n"
                                "Version: 1\n"
                                "Original-Mail-From: <bureau@amis-du-jardin.fr>\n"
                                "Original-Rcpt-To: <elodie@exemple.fr>\n"
                                "\n"
                                "--F\n"
                                "Content-Type: message/rfc822\n"
                                "\n") +
                           m_original + crlf("\n--F--\n");
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::Complaint);
    QCOMPARE(r.feedbackType, QStringLiteral("abuse"));
    QCOMPARE(r.recipients.size(), 1);
    QCOMPARE(r.recipients[0].address, QStringLiteral("elodie@exemple.fr"));
    QCOMPARE(r.recipients[0].category, ReturnCategory::Complaint);
    QCOMPARE(r.originalMessageIds, QStringList{m_messageId});
}

void TestReturnedMail::frenchAutoReply()
{
    const QByteArray raw = crlf("From: =?utf-8?q?=C3=89lodie_Tremblay?= <elodie@exemple.fr>\n"
                                "To: bureau@amis-du-jardin.fr\n"
                                "Subject: =?utf-8?q?R=C3=A9ponse_automatique_=3A?= =?utf-8?q?_Absente_du_bureau?=\n"
                                "In-Reply-To: <" +
                                m_messageId.toUtf8() +
                                ">\n"
                                "Content-Type: text/plain; charset=utf-8\n"
                                "Content-Transfer-Encoding: quoted-printable\n"
                                "\n"
                                "Je suis absente jusqu'au 15 d=C3=A9cembre.\n");
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::AutoReply);
    QCOMPARE(r.subject, QStringLiteral("Réponse automatique : Absente du bureau"));
    QCOMPARE(r.recipients.size(), 1);
    QCOMPARE(r.recipients[0].address, QStringLiteral("elodie@exemple.fr"));
    QCOMPARE(r.recipients[0].category, ReturnCategory::AutoReply);
    QCOMPARE(r.originalMessageIds, QStringList{m_messageId});

    // RFC 3834's header alone is enough, whatever the subject.
    QByteArray header = raw;
    header.replace("Subject: =?utf-8?q?R=C3=A9ponse_automatique_=3A?= =?utf-8?q?_Absente_du_bureau?=",
                   "Subject: Re: Assemblee\r\nAuto-Submitted: auto-replied");
    QCOMPARE(ReturnedMail::read(header).kind, ReturnKind::AutoReply);
    // Auto-Submitted: no is a person writing.
    header.replace("Auto-Submitted: auto-replied", "Auto-Submitted: no");
    QCOMPARE(ReturnedMail::read(header).kind, ReturnKind::Other);
}

void TestReturnedMail::reportWithAutoSubmittedIsStillABounce()
{
    const QByteArray raw = dsn("Final-Recipient: rfc822; elodie@exemple.fr\nAction: failed\nStatus: 5.1.1\n",
                               "Delivery failed.\n", headersOf(m_original), "Auto-Submitted: auto-replied\n");
    QCOMPARE(ReturnedMail::read(raw).kind, ReturnKind::Bounce);
}

void TestReturnedMail::unsubscribeReply()
{
    const QByteArray secret = QByteArray(32, 'k');
    const QString token = Mail::UnsubscribeToken{42, QStringLiteral("infolettre")}.sign(secret);
    const QByteArray raw = crlf("From: elodie@exemple.fr\n"
                                "To: desabonnement@amis-du-jardin.fr\n"
                                "Subject: unsubscribe " +
                                token.toUtf8() +
                                "\n"
                                "Date: Tue, 01 Dec 2026 10:00:00 -0500\n"
                                "\n"
                                "Merci de me retirer.\n");
    const ReturnedMail r = ReturnedMail::read(raw, secret);
    QCOMPARE(r.kind, ReturnKind::Unsubscribe);
    QCOMPARE(r.unsubscribeToken, token);
    // Without the member file's secret, or with another, it is not ours.
    QCOMPARE(ReturnedMail::read(raw).kind, ReturnKind::Other);
    QCOMPARE(ReturnedMail::read(raw, QByteArray(32, 'x')).kind, ReturnKind::Other);
}

void TestReturnedMail::ordinaryMailIsLeftAlone()
{
    // A member writing about the delivery of vegetables, with an address in the text.
    const QByteArray raw = crlf("From: Jean <jean@exemple.fr>\n"
                                "To: bureau@amis-du-jardin.fr\n"
                                "Subject: Livraison du panier\n"
                                "\n"
                                "Bonjour, la livraison a échoué mardi, pouvez-vous écrire à marie@exemple.fr ?\n");
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::Other);
    QVERIFY(r.recipients.isEmpty());
}

void TestReturnedMail::eximReportWithoutMime()
{
    const QByteArray raw = crlf("From: Mail Delivery System <Mailer-Daemon@mx.amis-du-jardin.fr>\n"
                                "To: bureau@amis-du-jardin.fr\n"
                                "Subject: Mail delivery failed: returning message to sender\n"
                                "X-Failed-Recipients: paul@exemple.fr\n"
                                "Auto-Submitted: auto-replied\n"
                                "\n"
                                "This message was created automatically by mail delivery software.\n"
                                "\n"
                                "A message that you sent could not be delivered to one or more of its\n"
                                "recipients. This is a permanent error. The following address(es) failed:\n"
                                "\n"
                                "  paul@exemple.fr\n"
                                "    host mx.exemple.fr [192.0.2.2]\n"
                                "    SMTP error from remote mail server after RCPT TO:<paul@exemple.fr>:\n"
                                "    550 5.2.2 <paul@exemple.fr>: Mailbox quota exceeded\n"
                                "\n"
                                "------ This is a copy of the message, including all the headers. ------\n"
                                "\n") +
                           m_original;
    const ReturnedMail r = ReturnedMail::read(raw);
    QCOMPARE(r.kind, ReturnKind::Bounce);
    QCOMPARE(r.recipients.size(), 1);
    QCOMPARE(r.recipients[0].address, QStringLiteral("paul@exemple.fr"));
    QCOMPARE(r.recipients[0].category, ReturnCategory::MailboxFull);
    QCOMPARE(r.recipients[0].status, QStringLiteral("5.2.2"));
    QVERIFY(r.originalMessageIds.contains(m_messageId));
}

void TestReturnedMail::headerDecoding()
{
    QCOMPARE(decodeWords("=?iso-8859-1?q?Caf=E9?= =?utf-8?b?w6l0w6k=?= fin"), QStringLiteral("Caféété fin"));
    QCOMPARE(decodeWords("pas =?encodé"), QStringLiteral("pas =?encodé"));
    QCOMPARE(decodeQuotedPrintable("a=3Db=\r\nc=\nd =C3=A9"), QByteArray("a=bcd \xc3\xa9"));
    const InboundPart p = InboundPart::parse(crlf("Content-Type: text/plain;\n"
                                                  "  name*0*=utf-8''r%C3%A9; name*1=sum.txt; charset=\"utf-8\"\n"
                                                  "X-Long: one\n"
                                                  "\ttwo\n"
                                                  "\n"
                                                  "body"));
    QCOMPARE(p.parameter("name"), QByteArray("r\xc3\xa9sum.txt"));
    QCOMPARE(p.parameter("charset"), QByteArray("utf-8"));
    QCOMPARE(p.field("x-long"), QByteArray("one two"));
    QCOMPARE(p.bodyText(), QStringLiteral("body"));
}

void TestReturnedMail::hostileMessages()
{
    // Nothing at all, headers only, a body only.
    QCOMPARE(ReturnedMail::read({}).kind, ReturnKind::Other);
    QCOMPARE(ReturnedMail::read("Subject: x").kind, ReturnKind::Other);
    QCOMPARE(ReturnedMail::read("\r\n\r\nbody").kind, ReturnKind::Other);
    // Multiparts nested 5,000 deep: parsed to a bound, no stack overflow.
    QByteArray nested;
    for (int i = 0; i < 5000; ++i)
        nested += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\r\n\r\n--b" +
                  QByteArray::number(i) + "\r\n";
    const InboundPart deep = InboundPart::parse(nested);
    QVERIFY(deep.walk().size() <= InboundPart::kMaxDepth + 1);
    QCOMPARE(ReturnedMail::read(nested).kind, ReturnKind::Other);
    // 100,000 empty parts: at most kMaxParts parsed.
    QByteArray wide = "Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n";
    for (int i = 0; i < 100000; ++i)
        wide += "--w\r\n\r\n";
    QVERIFY(InboundPart::parse(wide).walk().size() <= InboundPart::kMaxParts + 1);
    // A delivery report whose boundary is never closed, with a truncated status group.
    QByteArray truncated = dsn("Final-Recipient: rfc822; elodie@exemple.fr\nAction: failed\nStatus: 5.1.1\n", "x\n",
                               headersOf(m_original));
    truncated.chop(truncated.size() - truncated.indexOf("Status:"));
    const ReturnedMail t = ReturnedMail::read(truncated);
    QCOMPARE(t.kind, ReturnKind::Bounce);
    QCOMPARE(t.recipients.value(0).address, QStringLiteral("elodie@exemple.fr"));
    // Invalid base64 and quoted-printable, a 2 MB line, NUL bytes, a lone CR.
    QByteArray junk = crlf("From: MAILER-DAEMON@x.example\nSubject: Undeliverable\n"
                           "Content-Transfer-Encoding: base64\n\n!!!***===\n");
    junk += QByteArray(2 * 1024 * 1024, 'a') + QByteArray(10, '\0') + "\r=\r\n";
    const ReturnedMail j = ReturnedMail::read(junk);
    QVERIFY(j.recipients.size() <= 1);
}

QTEST_GUILESS_MAIN(TestReturnedMail)
#include "tst_returnedmail.moc"
