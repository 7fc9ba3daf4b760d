// The mail that comes back, end to end: a newsletter sent through aiosmtpd to 10 members; their bounces
// (real report shapes around the real Message-IDs), a complaint, two auto-replies, an unsubscribe reply and
// two unrelated messages put in a real Dovecot by another client (imaplib); `carnet-cli mailbox run` →
// exact states in the member file (undeliverable marks, the ledger, the suppression list, the deliveries'
// bounces, the next campaign's exclusions) and in the mailbox (unrelated mail untouched and unread, the
// rest in the processed folder); run again → nothing more; undo → back as before.
#include "CliRun.h"
#include "LocalImapServer.h"
#include "LocalSmtpServer.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

class TestMailbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bouncesAndRepliesActedOnOnce();
    void refusals();

private:
    Run cli(const QStringList &args) const;
    QJsonObject state() const { return QJsonDocument::fromJson(m_imap.tool({QStringLiteral("state")})).object(); }

    QTemporaryDir m_dir;
    QString m_db;
    LocalSmtpServer m_smtp;
    LocalImapServer m_imap;
};

namespace {

struct Sent
{
    QString to;
    QByteArray messageId; // with <>
    QByteArray headers;
    QByteArray unsubscribeSubject;
};

QByteArray crlf(QByteArray text)
{
    text.replace("\r\n", "\n");
    text.replace("\n", "\r\n");
    return text;
}

QByteArray postfixReport(const Sent &s, const QByteArray &status, const QByteArray &diagnostic)
{
    return crlf("From: MAILER-DAEMON@mx.amis-du-jardin.fr (Mail Delivery System)\n"
                "To: bureau@amis-du-jardin.fr\n"
                "Subject: Undelivered Mail Returned to Sender\n"
                "Date: Tue, 01 Dec 2026 10:00:00 +0100\n"
                "Message-ID: <report." +
                s.to.toUtf8() +
                "@mx.amis-du-jardin.fr>\n"
                "Auto-Submitted: auto-replied\n"
                "MIME-Version: 1.0\n"
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\n"
                "\n"
                "--R\n"
                "Content-Type: text/plain\n"
                "\n"
                "This is the mail system at host mx.amis-du-jardin.fr.\n"
                "<" +
                s.to.toUtf8() + ">: " + diagnostic +
                "\n"
                "--R\n"
                "Content-Type: message/delivery-status\n"
                "\n"
                "Reporting-MTA: dns; mx.amis-du-jardin.fr\n"
                "\n"
                "Final-Recipient: rfc822; " +
                s.to.toUtf8() +
                "\n"
                "Action: failed\n"
                "Status: " +
                status +
                "\n"
                "Diagnostic-Code: smtp; " +
                diagnostic +
                "\n"
                "\n"
                "--R\n"
                "Content-Type: text/rfc822-headers\n"
                "\n") +
           s.headers + crlf("\n--R--\n");
}

QByteArray eximReport(const Sent &s)
{
    return crlf("From: Mail Delivery System <Mailer-Daemon@relais.amis-du-jardin.fr>\n"
                "To: bureau@amis-du-jardin.fr\n"
                "Subject: Mail delivery failed: returning message to sender\n"
                "Message-ID: <exim." +
                s.to.toUtf8() +
                "@relais>\n"
                "X-Failed-Recipients: " +
                s.to.toUtf8() +
                "\n"
                "\n"
                "This message was created automatically by mail delivery software.\n"
                "\n"
                "A message that you sent could not be delivered to one or more of its\n"
                "recipients. This is a permanent error. The following address(es) failed:\n"
                "\n"
                "  " +
                s.to.toUtf8() +
                "\n"
                "    Unrouteable address\n"
                "    550 5.1.2 Host or domain name not found\n"
                "\n"
                "------ This is a copy of the message's headers. ------\n"
                "\n") +
           s.headers;
}

QByteArray complaint(const Sent &s)
{
    return crlf("From: feedback@fbl.fournisseur.fr\n"
                "To: abuse@amis-du-jardin.fr\n"
                "Subject: Abuse report\n"
                "Message-ID: <arf." +
                s.to.toUtf8() +
                "@fbl>\n"
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
                "User-Agent: FBL/1.0\n"
                "Version: 1\n"
                "Original-Rcpt-To: " +
                s.to.toUtf8() +
                "\n"
                "\n"
                "--F\n"
                "Content-Type: text/rfc822-headers\n"
                "\n") +
           s.headers + crlf("\n--F--\n");
}

QByteArray autoReply(const Sent &s, const QByteArray &subject)
{
    return crlf("From: <" + s.to.toUtf8() +
                ">\n"
                "To: bureau@amis-du-jardin.fr\n"
                "Subject: " +
                subject +
                "\n"
                "Message-ID: <away." +
                s.to.toUtf8() +
                ">\n"
                "In-Reply-To: " +
                s.messageId +
                "\n"
                "Auto-Submitted: auto-replied\n"
                "Content-Type: text/plain; charset=utf-8\n"
                "\n"
                "Je suis absent jusqu'au 4 janvier.\n");
}

} // namespace

Run TestMailbox::cli(const QStringList &args) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), QStringLiteral("s3cr3t é"));
    env.insert(QStringLiteral("CARNET_IMAP_PASSWORD"), LocalImapServer::password());
    return ::cli(QStringList{QStringLiteral("--database"), m_db} + args, env);
}

void TestMailbox::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = TestServer::databaseOr(m_dir.filePath(QStringLiteral("carnet.sqlite")));
    QVERIFY(m_smtp.start(QStringLiteral("plain"), m_dir.filePath(QStringLiteral("smtp"))));
    QVERIFY2(m_imap.start(m_dir.filePath(QStringLiteral("dovecot"))), qPrintable(m_imap.log()));
}

void TestMailbox::cleanupTestCase()
{
    m_smtp.stop();
    m_imap.stop();
    TestServer::release(m_db);
}

void TestMailbox::bouncesAndRepliesActedOnOnce()
{
    QCOMPARE(cli({"organisation", "set", "--name", "Les Amis du Jardin", "--address", "3 rue des Roses\n69001 Lyon",
                  "--email", "contact@amis-du-jardin.fr", "--jurisdiction", "eu"})
                 .exitCode,
             0);
    QCOMPARE(cli({"smtp", "set", "--host", "127.0.0.1", "--port", QString::number(m_smtp.port()), "--security", "none",
                  "--user", "bureau", "--from", "Les Amis du Jardin <bureau@amis-du-jardin.fr>"})
                 .exitCode,
             0);
    for (int i = 1; i <= 10; ++i) {
        const QString email = QStringLiteral("membre%1@exemple.fr").arg(i);
        QCOMPARE(cli({"members", "add", "--first-name", QStringLiteral("Membre%1").arg(i), "--last-name", "Jardin",
                      "--email", email})
                     .exitCode,
                 0);
        QCOMPARE(cli({"consent", "record", email, "--purpose", "newsletter", "--basis", "express", "--source",
                      "formulaire", "--date", "2026-01-10"})
                     .exitCode,
                 0);
    }
    const QString body = writeFile(m_dir.path(), QStringLiteral("news.md"), "Bonjour {{prenom}},\n\nLes semis.\n");
    const Run created =
        cli({"campaign", "create", "--name", "Décembre", "--kind", "newsletter", "--purpose", "newsletter", "--subject",
             "Nouvelles du jardin", "--body", body, "--audience", "all", "--json"});
    QCOMPARE(created.exitCode, 0);
    const QString campaign = QString::number(created.json().object().value(QStringLiteral("id")).toInt());
    const Run sent = cli({"campaign", "send", campaign, "--json"});
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    QCOMPARE(sent.json().object().value(QStringLiteral("sent")).toInt(), 10);

    // What went out, as aiosmtpd kept it: each member's message, its Message-ID, its unsubscribe mailto.
    QMap<QString, Sent> byAddress;
    for (const QString &path : m_smtp.messages()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        Sent s;
        s.headers = bytes.left(bytes.indexOf("\r\n\r\n") + 2);
        s.to = QRegularExpression(QStringLiteral("membre\\d+@exemple\\.fr"))
                   .match(QString::fromUtf8(s.headers))
                   .captured(0);
        s.messageId = QRegularExpression(QStringLiteral("Message-ID: (<[^>]+>)"))
                          .match(QString::fromUtf8(s.headers))
                          .captured(1)
                          .toUtf8();
        const QString mailto =
            QRegularExpression(QStringLiteral("<(mailto:[^>]+)>")).match(QString::fromUtf8(bytes)).captured(1);
        s.unsubscribeSubject =
            QUrlQuery(QUrl(mailto).query()).queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded).toUtf8();
        QVERIFY(!s.to.isEmpty() && !s.messageId.isEmpty() && !s.unsubscribeSubject.isEmpty());
        byAddress.insert(s.to, s);
    }
    QCOMPARE(byAddress.size(), 10);
    auto m = [&](int i) { return byAddress.value(QStringLiteral("membre%1@exemple.fr").arg(i)); };

    // What comes back.
    QList<QByteArray> incoming{
        postfixReport(m(1), "5.1.1", "550 5.1.1 <membre1@exemple.fr>: Recipient address rejected: User unknown"),
        eximReport(m(2)),
        postfixReport(m(3), "4.2.2", "452 4.2.2 Mailbox full"),
        postfixReport(m(4), "5.7.1",
                      "554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using "
                      "zen.spamhaus.org"),
        postfixReport(m(5), "5.3.4", "552 5.3.4 Message size exceeds fixed limit"),
        complaint(m(6)),
        autoReply(m(7), "=?utf-8?q?R=C3=A9ponse_automatique_=3A_absent?="),
        autoReply(m(8), "Out of Office: back on Monday"),
        crlf("From: membre9@exemple.fr\nTo: contact@amis-du-jardin.fr\nSubject: " + m(9).unsubscribeSubject +
             "\nMessage-ID: <unsub9@exemple.fr>\nDate: Tue, 01 Dec 2026 11:00:00 +0100\n\nMerci de me retirer.\n"),
        crlf("From: Jeanne <jeanne@exemple.fr>\nTo: bureau@amis-du-jardin.fr\nSubject: Question sur les semis\n"
             "Message-ID: <q1@exemple.fr>\n\nBonjour, quand commencent les semis ?\n"),
        crlf("From: Infolettre <news@autre-asso.fr>\nTo: bureau@amis-du-jardin.fr\nSubject: Notre infolettre\n"
             "Message-ID: <n1@autre-asso.fr>\nList-Id: <news.autre-asso.fr>\n\nBonjour à tous.\n"),
        // Membre10 asks to unsubscribe and is erased before the mailbox is read: the request cannot be
        // recorded any more; the message is left for a person, with why, and the run goes on.
        crlf("From: membre10@exemple.fr\nTo: contact@amis-du-jardin.fr\nSubject: " + m(10).unsubscribeSubject +
             "\nMessage-ID: <unsub10@exemple.fr>\n\nRetirez-moi.\n"),
    };
    QStringList files;
    for (int i = 0; i < incoming.size(); ++i)
        files.append(writeFile(m_dir.path(), QStringLiteral("in%1.eml").arg(i), incoming[i]));
    QCOMPARE(
        QJsonDocument::fromJson(m_imap.tool(QStringList{QStringLiteral("append"), QStringLiteral("INBOX")} + files))
            .array()
            .size(),
        12);
    QCOMPARE(cli({"members", "erase", "membre10@exemple.fr"}).exitCode, 0);

    // One message, offline: what Carnet understands, and which delivery and member it is about.
    const Run read = cli({"mailbox", "read", files[5], "--json"});
    QCOMPARE(read.exitCode, 0);
    const QJsonObject understood = read.json().object();
    QCOMPARE(understood.value(QStringLiteral("kind")).toString(), QStringLiteral("complaint"));
    QVERIFY(understood.value(QStringLiteral("delivery")).toInt() > 0);
    QVERIFY(understood.value(QStringLiteral("member")).toInt() > 0);
    QCOMPARE(understood.value(QStringLiteral("recipients")).toArray().first().toObject().value("category").toString(),
             QStringLiteral("complaint"));

    QCOMPARE(cli({"mailbox", "set", "--host", "127.0.0.2", "--port", QString::number(m_imap.port()), "--security",
                  "starttls", "--user", LocalImapServer::user(), "--ca-file", m_imap.certificate()})
                 .exitCode,
             0);
    const Run test = cli({"mailbox", "test", "--json"});
    QVERIFY2(test.exitCode == 0, qPrintable(test.err));
    QCOMPARE(test.json().object().value(QStringLiteral("messages")).toInt(), 12);

    const Run run = cli({"mailbox", "run", "--json"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + QString::fromUtf8(run.out)));
    const QJsonObject summary = run.json().object();
    QCOMPARE(summary.value(QStringLiteral("read")).toInt(), 12);
    QCOMPARE(summary.value(QStringLiteral("left")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("moved")).toInt(), 9);
    const QJsonObject actions = summary.value(QStringLiteral("actions")).toObject();
    QCOMPARE(actions.value("marked_undeliverable").toInt(), 2);
    QCOMPARE(actions.value("counted").toInt(), 1);
    QCOMPARE(actions.value("policy").toInt(), 1);
    QCOMPARE(actions.value("campaign_flagged").toInt(), 1);
    QCOMPARE(actions.value("withdrawn").toInt(), 1);
    QCOMPARE(actions.value("away").toInt(), 2);
    QCOMPARE(actions.value("unsubscribed").toInt(), 1);
    QCOMPARE(actions.value("left").toInt(), 3);

    // The mailbox: the two unrelated messages where they were, still unread; the rest processed.
    QJsonObject s = state();
    const QJsonArray inbox = s.value(QStringLiteral("INBOX")).toArray();
    QCOMPARE(inbox.size(), 3); // and the refused request
    for (const QJsonValue &v : inbox)
        QVERIFY(!v.toObject().value(QStringLiteral("flags")).toArray().contains(QStringLiteral("\\Seen")));
    QCOMPARE(s.value(QStringLiteral("Carnet.Traités")).toArray().size(), 9);

    // The member file.
    const QJsonObject eligible = cli({"consent", "eligible", "--purpose", "newsletter", "--json"}).json().object();
    const QJsonObject excluded = eligible.value(QStringLiteral("excluded")).toObject();
    QCOMPARE(excluded.value("undeliverable").toInt(), 2);                     // membre1, membre2
    QCOMPARE(excluded.value("suppressed").toInt(), 1);                        // membre6, the complaint
    QCOMPARE(excluded.value("withdrawn").toInt(), 1);                         // membre9, the unsubscribe reply
    QCOMPARE(eligible.value(QStringLiteral("eligible")).toArray().size(), 5); // membre10 erased
    const QJsonObject status = cli({"campaign", "status", campaign, "--json"}).json().object();
    QCOMPARE(status.value(QStringLiteral("bounced")).toInt(), 5);
    QCOMPARE(cli({"outbox", "status", "--json"}).json().object().value("bounced").toInt(), 5);
    const QJsonArray history = cli({"consent", "history", "membre6@exemple.fr", "--json"}).json().array();
    QVERIFY(QJsonDocument(history).toJson().contains("Spam complaint"));

    // Again: nothing more.
    const Run again = cli({"mailbox", "run", "--json"});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json().object().value(QStringLiteral("read")).toInt(), 0);
    QCOMPARE(again.json().object().value(QStringLiteral("already_known")).toInt(), 3);
    QCOMPARE(again.json().object().value(QStringLiteral("moved")).toInt(), 0);

    // Undo the complaint: the ledger and the suppression list as before, the message back in the inbox.
    const QJsonArray records = cli({"mailbox", "list", "--json"}).json().array();
    QCOMPARE(records.size(), 12);
    qint64 complaintId = 0;
    qint64 unsubscribeId = 0;
    bool refusedListed = false;
    for (const QJsonValue &v : records) {
        if (v.toObject().value("action").toString() == QLatin1String("left") &&
            v.toObject().value("kind").toString() == QLatin1String("unsubscribe"))
            refusedListed = v.toObject().value("diagnostic").toString().contains(QStringLiteral("erased"));
        if (v.toObject().value("action").toString() == QLatin1String("withdrawn"))
            complaintId = v.toObject().value("id").toInteger();
        if (v.toObject().value("action").toString() == QLatin1String("unsubscribed"))
            unsubscribeId = v.toObject().value("id").toInteger();
    }
    QVERIFY(complaintId > 0);
    QVERIFY(refusedListed);
    const Run undone = cli({"mailbox", "undo", QString::number(complaintId), "--json"});
    QVERIFY2(undone.exitCode == 0, qPrintable(undone.err));
    QVERIFY(undone.json().object().value(QStringLiteral("moved_back")).toBool());
    QCOMPARE(cli({"consent", "eligible", "--purpose", "newsletter", "--json"})
                 .json()
                 .object()
                 .value("excluded")
                 .toObject()
                 .value("suppressed")
                 .toInt(),
             0);
    QVERIFY(!QJsonDocument(cli({"consent", "history", "membre6@exemple.fr", "--json"}).json())
                 .toJson()
                 .contains("Spam complaint"));
    s = state();
    QCOMPARE(s.value(QStringLiteral("INBOX")).toArray().size(), 4);
    QCOMPARE(s.value(QStringLiteral("Carnet.Traités")).toArray().size(), 8);
    // Undone twice: refused. An unsubscribe with the member's own token: refused (the job says why).
    const Run twice = cli({"mailbox", "undo", QString::number(complaintId)});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains(QStringLiteral("already undone")), qPrintable(twice.err));
    QCOMPARE(cli({"mailbox", "undo", QString::number(unsubscribeId)}).exitCode, 1);
    // The next run knows the message it moved back: nothing is done to the member again.
    const Run third = cli({"mailbox", "run", "--json"});
    QCOMPARE(third.json().object().value(QStringLiteral("read")).toInt(), 0);
    QCOMPARE(cli({"consent", "eligible", "--purpose", "newsletter", "--json"})
                 .json()
                 .object()
                 .value("excluded")
                 .toObject()
                 .value("suppressed")
                 .toInt(),
             0);

    // Marked deliverable again (audited), and an undeliverable address corrected: both mailed again.
    QCOMPARE(cli({"mailbox", "deliverable", "membre1@exemple.fr"}).exitCode, 0);
    QCOMPARE(cli({"mailbox", "deliverable", "membre1@exemple.fr"}).exitCode, 1); // NotFound: not marked
    QCOMPARE(cli({"members", "edit", "membre2@exemple.fr", "--email", "membre2@nouveau.fr"}).exitCode, 0);
    QCOMPARE(cli({"consent", "eligible", "--purpose", "newsletter", "--json"})
                 .json()
                 .object()
                 .value("excluded")
                 .toObject()
                 .value("undeliverable")
                 .toInt(),
             0);
    QVERIFY(QJsonDocument(cli({"audit", "list", "--member", "membre1@exemple.fr", "--json"}).json())
                .toJson()
                .contains("mailbox.deliverable"));
}

void TestMailbox::refusals()
{
    // A wrong password: said, exit 1, nothing read.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_IMAP_PASSWORD"), QStringLiteral("faux"));
    const Run wrong =
        ::cli({QStringLiteral("--database"), m_db, QStringLiteral("mailbox"), QStringLiteral("run")}, env);
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains(QStringLiteral("refused the user name or password")), qPrintable(wrong.err));
    // A server that is not there.
    QCOMPARE(cli({"mailbox", "set", "--port", "1"}).exitCode, 0);
    const Run absent = cli({"mailbox", "test"});
    QCOMPARE(absent.exitCode, 1);
    QVERIFY(!absent.err.isEmpty());
    // Bad usage.
    QCOMPARE(cli({"mailbox", "set", "--security", "none"}).exitCode, 2);
    QCOMPARE(cli({"mailbox", "read", m_dir.filePath(QStringLiteral("nothing-here.eml"))}).exitCode, 2);
    QCOMPARE(cli({"mailbox", "frobnicate"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestMailbox)
#include "tst_mailbox.moc"
