// Campaigns end to end: carnet-cli sends a newsletter and invitations through a real SMTP server on
// 127.0.0.1 (Debian's aiosmtpd); what arrives is read by Python's email package. Members in every consent
// state; exactly the eligible ones receive exactly one message; a withdrawal recorded mid-campaign stops
// that member's message; invitations never repeat; an unsubscribe token from a received message, fed back,
// records the withdrawal.
#include "CliRun.h"
#include "LocalSmtpServer.h"
#include "TestServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestCampaigns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void newsletterReachesExactlyTheEligible();
    void invitationsNeverRepeat();
    void unsubscribeFromAReceivedMessage();
    void retrySendsOnlyWhatFailed();

private:
    Run cli(const QStringList &args);
    void addMember(const QStringList &args);
    QJsonObject parse(const QString &emlPath) const;
    bool configure(const QStringList &extra = {});
    int createNewsletter();

    QTemporaryDir m_dir;
    QString m_db;
    QString m_out;
    LocalSmtpServer m_server;
    int m_newsletters = 0; // campaign names tell campaigns apart: each newsletter gets its own
};

Run TestCampaigns::cli(const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), QStringLiteral("s3cr3t é"));
    return ::cli(QStringList{QStringLiteral("--database"), m_db} + args, env);
}

void TestCampaigns::addMember(const QStringList &args)
{
    const Run r = cli(QStringList{QStringLiteral("members"), QStringLiteral("add")} + args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

QJsonObject TestCampaigns::parse(const QString &emlPath) const
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/check_campaign.py"), emlPath});
    python.waitForFinished(30000);
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

bool TestCampaigns::configure(const QStringList &extra)
{
    return cli(QStringList{QStringLiteral("smtp"), QStringLiteral("set"), QStringLiteral("--host"),
                           QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(m_server.port()),
                           QStringLiteral("--security"), QStringLiteral("none"), QStringLiteral("--user"),
                           QStringLiteral("bureau"), QStringLiteral("--from"),
                           QStringLiteral("Les Amis du Parc <bureau@amis.example.org>"),
                           QStringLiteral("--retry-seconds"), QStringLiteral("1")} +
               extra)
               .exitCode == 0;
}

void TestCampaigns::initTestCase()
{
    QProcess check;
    check.start(LocalSmtpServer::python(), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
    QVERIFY(check.waitForFinished(30000));
    QVERIFY2(check.exitCode() == 0, "python3-aiosmtpd is needed (packaging/deps.sh installs it)");
}

void TestCampaigns::init()
{
    static int n = 0;
    ++n;
    m_newsletters = 0;
    m_db = TestServer::databaseOr(m_dir.filePath(QStringLiteral("carnet%1.sqlite").arg(n)));
    m_out = m_dir.filePath(QStringLiteral("out%1").arg(n));
    QVERIFY(m_server.start(QStringLiteral("plain"), m_out));
    QVERIFY(configure());
    QCOMPARE(cli({"organisation", "set", "--name", "Les Amis du Parc", "--address", "12 rue des Lilas\n75011 Paris",
                  "--email", "contact@amis.example.org", "--jurisdiction", "eu"})
                 .exitCode,
             0);
    // One member per consent state for the newsletter, in id order.
    addMember({"--first-name", "Ana", "--last-name", "Express", "--email", "ana@example.org"});
    addMember({"--first-name", "Bo", "--last-name", "Sans", "--email", "bo@example.org"});
    addMember({"--first-name", "Chloé", "--last-name", "Retrait", "--email", "chloe@example.org"});
    addMember({"--first-name", "Dan", "--last-name", "Liste", "--email", "dan@example.org"});
    addMember({"--first-name", "Eve", "--last-name", "Expirée", "--email", "eve@example.org"});
    addMember({"--first-name", "Fay", "--last-name", "Papier", "--no-email"});
    addMember({"--first-name", "Hugo", "--last-name", "English", "--email", "hugo@example.org", "--language", "en"});
    addMember({"--first-name", "Iris", "--last-name", "Tardive", "--email", "iris@example.org"});
    for (const char *who : {"ana@example.org", "chloe@example.org", "hugo@example.org", "iris@example.org"})
        QCOMPARE(cli({"consent", "record", who, "--purpose", "newsletter", "--basis", "express", "--source",
                      "formulaire papier", "--date", "2026-01-10"})
                     .exitCode,
                 0);
    QCOMPARE(
        cli({"consent", "withdraw", "chloe@example.org", "--purpose", "newsletter", "--source", "courriel"}).exitCode,
        0);
    QCOMPARE(cli({"consent", "withdraw", "dan@example.org", "--all", "--source", "téléphone"}).exitCode, 0);
    QCOMPARE(cli({"consent", "record", "eve@example.org", "--purpose", "newsletter", "--basis", "implied", "--source",
                  "carte de visite", "--date", "2023-01-01", "--expires", "2024-01-01"})
                 .exitCode,
             0);
}

void TestCampaigns::cleanup()
{
    m_server.stop();
    TestServer::release(m_db);
}

int TestCampaigns::createNewsletter()
{
    const QString body = writeFile(m_dir.path(), QStringLiteral("juin.md"),
                                   "Bonjour {{prenom}},\n\nLa **fête du parc** a lieu samedi.\n");
    const Run r =
        cli({"campaign", "create", "--name", m_newsletters++ ? QStringLiteral("Juin %1").arg(m_newsletters) : "Juin",
             "--kind", "newsletter", "--purpose", "newsletter", "--subject", "Nouvelles de juin pour {{first_name}}",
             "--body", body, "--audience", "all", "--json"});
    return r.exitCode == 0 ? r.json().object().value(QStringLiteral("id")).toInt() : 0;
}

void TestCampaigns::newsletterReachesExactlyTheEligible()
{
    const int id = createNewsletter();
    QVERIFY(id > 0);
    const QString campaign = QString::number(id);
    // A second campaign of the same name is refused: names tell campaigns apart in every list.
    const QString body = writeFile(m_dir.path(), QStringLiteral("autre.md"), "Bonjour\n");
    const Run same = cli({"campaign", "create", "--name", "Juin", "--kind", "newsletter", "--purpose", "newsletter",
                          "--subject", "Encore", "--body", body, "--audience", "all"});
    QCOMPARE(same.exitCode, 2);
    QVERIFY2(same.err.contains(QStringLiteral("already called")), qPrintable(same.err));
    // Before sending: who it will reach and who it leaves out, by reason.
    QJsonObject before = cli({"campaign", "status", campaign, "--json"}).json().object();
    QCOMPARE(before.value("recipients").toInt(), 3);
    const QJsonObject excluded = before.value("excluded").toObject();
    QCOMPARE(excluded.value("no_consent").toInt(), 1);
    QCOMPARE(excluded.value("withdrawn").toInt(), 1);
    QCOMPARE(excluded.value("suppressed").toInt(), 1);
    QCOMPARE(excluded.value("expired").toInt(), 1);
    QCOMPARE(excluded.value("no_email").toInt(), 1);
    QCOMPARE(excluded.value("invalid_email").toInt(), 0);
    for (const char *key : {"queued", "sent", "deferred", "failed", "unknown"})
        QCOMPARE(before.value(QLatin1String(key)).toInt(), 0);

    // The account allows two messages a day: Ana and Hugo go, Iris waits.
    QVERIFY(configure({"--per-day", "2"}));
    Run first = cli({"campaign", "send", campaign, "--json"});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err + QString::fromUtf8(first.out)));
    QCOMPARE(first.json().object().value("sent").toInt(), 2);
    QCOMPARE(first.json().object().value("queued").toInt(), 1);
    QVERIFY(first.json().object().value("run").toObject().value("limited").toBool());
    // Iris withdraws before her message goes: it never does.
    QCOMPARE(
        cli({"consent", "withdraw", "iris@example.org", "--purpose", "newsletter", "--source", "réponse"}).exitCode, 0);
    QVERIFY(configure({"--per-day", "0"}));
    Run second = cli({"campaign", "send", campaign, "--json"});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err + QString::fromUtf8(second.out)));
    const QJsonObject after = cli({"campaign", "status", campaign, "--json"}).json().object();
    QCOMPARE(after.value("sent").toInt(), 2);
    QCOMPARE(after.value("queued").toInt(), 0);
    QCOMPARE(after.value("cancelled").toInt(), 1);
    QCOMPARE(after.value("recipients").toInt(), 2);
    QCOMPARE(after.value("excluded").toObject().value("withdrawn").toInt(), 2);
    const QJsonArray deliveries =
        cli({"campaign", "status", campaign, "--details", "--json"}).json().object().value("deliveries").toArray();
    QCOMPARE(deliveries.size(), 3);
    QVERIFY2(deliveries.last().toObject().value("reply").toString().contains(QStringLiteral("checked just before")),
             qPrintable(deliveries.last().toObject().value("reply").toString()));

    // Exactly the eligible, once each; sending again sends nothing.
    QCOMPARE(m_server.received(), (QStringList{"ana@example.org", "hugo@example.org"}));
    QCOMPARE(cli({"campaign", "send", campaign, "--json"}).json().object().value("sent").toInt(), 2);
    QCOMPARE(m_server.received().size(), 2);

    // What arrived, as a mail program reads it.
    const QStringList files = m_server.messages();
    const QJsonObject ana = parse(files.at(0));
    QCOMPARE(ana.value("defects").toArray().size(), 0);
    QCOMPARE(ana.value("subject").toString(), QStringLiteral("Nouvelles de juin pour Ana"));
    QCOMPARE(ana.value("to").toString(), QStringLiteral("Ana Express <ana@example.org>"));
    QCOMPARE(ana.value("list_id").toString(), QStringLiteral("Newsletter <newsletter.amis.example.org>"));
    QVERIFY(ana.value("plain").toString().startsWith(QStringLiteral("Bonjour Ana,")));
    QVERIFY(ana.value("html").toString().contains(QStringLiteral("<strong>fête du parc</strong>")));
    QVERIFY2(ana.value("plain").toString().contains(QStringLiteral("12 rue des Lilas")),
             qPrintable(ana.value("plain").toString()));
    const QString header = ana.value("list_unsubscribe").toString();
    QVERIFY2(header.startsWith(QStringLiteral("<mailto:contact@amis.example.org?subject=unsubscribe%20")),
             qPrintable(header));
    const QString hugoPlain = parse(files.at(1)).value("plain").toString();
    QVERIFY(hugoPlain.startsWith(QStringLiteral("Bonjour Hugo,")));
    QVERIFY2(hugoPlain.contains(QStringLiteral("To stop receiving these messages:")), qPrintable(hugoPlain));
    // The access export lists what was sent to the member, and what was not.
    const QJsonArray anaMessages =
        cli({"members", "export", "ana@example.org", "--json"}).json().object().value("messages").toArray();
    QCOMPARE(anaMessages.size(), 1);
    QCOMPARE(anaMessages.first().toObject().value("campaign").toString(), QStringLiteral("Juin"));
    QCOMPARE(anaMessages.first().toObject().value("state").toString(), QStringLiteral("sent"));
    const QJsonArray irisMessages =
        cli({"members", "export", "iris@example.org", "--json"}).json().object().value("messages").toArray();
    QCOMPARE(irisMessages.first().toObject().value("state").toString(), QStringLiteral("cancelled"));
}

void TestCampaigns::invitationsNeverRepeat()
{
    // Never invited: every member with an address that the association may write to, except who said no
    // to the newsletter (Chloé withdrew it, Dan is on the suppression list).
    Run first = cli({"invite", "--never-invited", "--json"});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err + QString::fromUtf8(first.out)));
    const QJsonObject s = first.json().object();
    QCOMPARE(s.value("sent").toInt(), 5);
    QCOMPARE(s.value("excluded").toObject().value("withdrawn").toInt(), 1);
    QCOMPARE(s.value("excluded").toObject().value("suppressed").toInt(), 1);
    QCOMPARE(s.value("excluded").toObject().value("no_email").toInt(), 1);
    QStringList got = m_server.received();
    QCOMPARE(got, (QStringList{"ana@example.org", "bo@example.org", "eve@example.org", "hugo@example.org",
                               "iris@example.org"}));
    // The French invitation asks for consent and says how to withdraw it; Hugo's is in English.
    const QJsonObject bo = parse(m_server.messages().at(1));
    QVERIFY2(bo.value("plain").toString().contains(QStringLiteral("répondez simplement « Oui »")),
             qPrintable(bo.value("plain").toString()));
    QCOMPARE(bo.value("list_id").toString(), QString()); // an invitation is not a list
    QVERIFY(parse(m_server.messages().at(3)).value("subject").toString().contains(QStringLiteral("hear from us")));

    // A second run invites nobody again.
    Run again = cli({"invite", "--never-invited", "--json"});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json().object().value("recipients").toInt(), 0);
    QCOMPARE(m_server.received().size(), 5);

    // Bo accepts: an express consent whose source names the invitation; declining records no consent.
    QCOMPARE(cli({"invite", "--answer", "accepted", "--member", "bo@example.org"}).exitCode, 0);
    QCOMPARE(cli({"invite", "--answer", "declined", "--member", "eve@example.org"}).exitCode, 0);
    const QJsonArray history = cli({"consent", "history", "bo@example.org", "--json"}).json().array();
    QCOMPARE(history.size(), 1);
    QVERIFY2(
        history.first().toObject().value("source").toString().startsWith(QStringLiteral("Invitation \"Invitations")),
        qPrintable(history.first().toObject().value("source").toString()));
    QCOMPARE(history.first().toObject().value("basis").toString(), QStringLiteral("express"));
    const QJsonObject status = cli({"consent", "status", "bo@example.org", "--json"}).json().object();
    QVERIFY(status.value("purposes").toObject().value("newsletter").toObject().value("eligible").toBool());
    const QJsonObject bos = cli({"invite", "--status", "--member", "bo@example.org", "--json"}).json().object();
    QCOMPARE(bos.value("count").toInt(), 1);
    QCOMPARE(bos.value("answer").toString(), QStringLiteral("accepted"));
    QCOMPARE(
        cli({"invite", "--status", "--member", "dan@example.org", "--json"}).json().object().value("count").toInt(), 0);
    // A member never invited cannot answer.
    QCOMPARE(cli({"invite", "--answer", "accepted", "--member", "dan@example.org"}).exitCode, 2);

    // The reminder goes to the invited who did not answer: Ana, Hugo and Iris.
    Run reminder = cli({"invite", "--reminder", "0", "--json"});
    QVERIFY2(reminder.exitCode == 0, qPrintable(reminder.err));
    QCOMPARE(reminder.json().object().value("sent").toInt(), 3);
    got = m_server.received().mid(5);
    QCOMPARE(got, (QStringList{"ana@example.org", "hugo@example.org", "iris@example.org"}));
    QVERIFY(parse(m_server.messages().at(5)).value("subject").toString().startsWith(QStringLiteral("Rappel : ")));
}

void TestCampaigns::unsubscribeFromAReceivedMessage()
{
    const int id = createNewsletter();
    QVERIFY(id > 0);
    QCOMPARE(cli({"campaign", "send", QString::number(id), "--json"}).exitCode, 0);
    QCOMPARE(m_server.received().size(), 3);
    // Ana replies to the mailto: link; her mail program puts the token in the subject.
    const QString header = parse(m_server.messages().at(0)).value("list_unsubscribe").toString();
    const QString token = header.section(QStringLiteral("%20"), 1).section(QLatin1Char('>'), 0, 0);
    QVERIFY(token.contains(QLatin1Char('.')));
    const QString reply =
        writeFile(m_dir.path(), QStringLiteral("reply.eml"),
                  QStringLiteral("From: Ana Express <ana@example.org>\r\nTo: contact@amis.example.org\r\n"
                                 "Date: Mon, 16 Nov 2026 09:30:00 +0100\r\nSubject: Re: unsubscribe %1\r\n"
                                 "\r\nMerci de me retirer.\r\n")
                      .arg(token)
                      .toUtf8());
    Run done = cli({"unsubscribe", "--message", reply, "--json"});
    QVERIFY2(done.exitCode == 0, qPrintable(done.err));
    const QJsonObject request = done.json().object();
    QCOMPARE(request.value("purpose").toString(), QStringLiteral("newsletter"));
    QVERIFY(!request.value("processed_at").isNull());
    QCOMPARE(request.value("received_at").toString(), QStringLiteral("2026-11-16T08:30:00Z"));
    QCOMPARE(request.value("deadline").toString(), QStringLiteral("2026-11-30")); // 10 business days
    const QJsonArray history = cli({"consent", "history", "ana@example.org", "--json"}).json().array();
    QCOMPARE(history.last().toObject().value("action").toString(), QStringLiteral("withdraw"));
    QCOMPARE(history.last().toObject().value("date").toString(), QStringLiteral("2026-11-16")); // the request's day
    // The next newsletter leaves her out.
    const int next = createNewsletter();
    QCOMPARE(cli({"campaign", "status", QString::number(next), "--json"}).json().object().value("recipients").toInt(),
             2);
    // Hugo's token typed in; a forged one is refused and changes nothing.
    const QString hugoHeader = parse(m_server.messages().at(1)).value("list_unsubscribe").toString();
    const QString hugoToken = hugoHeader.section(QStringLiteral("%20"), 1).section(QLatin1Char('>'), 0, 0);
    QString forged = hugoToken;
    forged[forged.size() - 2] = forged.at(forged.size() - 2) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QCOMPARE(cli({"unsubscribe", "--token", forged}).exitCode, 2);
    QCOMPARE(cli({"campaign", "status", QString::number(next), "--json"}).json().object().value("recipients").toInt(),
             2);
    // Hugo's mail program sends his reply in base64: the token quoted in the body is found all the same.
    const QByteArray quoted = QStringLiteral("Please unsubscribe me.\r\n> To stop receiving these messages: "
                                             "mailto:contact@amis.example.org?subject=unsubscribe%20%1\r\n")
                                  .arg(hugoToken)
                                  .toUtf8()
                                  .toBase64();
    QByteArray base64Reply = "From: hugo@example.org\r\nSubject: Re: Nouvelles\r\nMIME-Version: 1.0\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    for (qsizetype i = 0; i < quoted.size(); i += 76)
        base64Reply += quoted.mid(i, 76) + "\r\n";
    Run hugo =
        cli({"unsubscribe", "--message", writeFile(m_dir.path(), QStringLiteral("hugo.eml"), base64Reply), "--json"});
    QCOMPARE(hugo.exitCode, 0);
    QCOMPARE(hugo.json().object().value("purpose").toString(), QStringLiteral("newsletter"));
    QCOMPARE(cli({"unsubscribe", "--token", hugoToken}).exitCode, 0); // typed again: recorded again, harmless
    QCOMPARE(cli({"campaign", "status", QString::number(next), "--json"}).json().object().value("recipients").toInt(),
             1);
    // A reply without a token, from a member's address: recorded, waiting for the user, with its deadline.
    const QString plain = writeFile(m_dir.path(), QStringLiteral("plain.eml"),
                                    "From: iris@example.org\r\nSubject: STOP\r\n\r\nPlus de courriels svp.\r\n");
    Run pending = cli({"unsubscribe", "--message", plain, "--json"});
    QCOMPARE(pending.exitCode, 0);
    QVERIFY(pending.json().object().value("processed_at").isNull());
    const int pendingId = pending.json().object().value("id").toInt();
    QJsonArray list = cli({"unsubscribe", "--list", "--json"}).json().array();
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.first().toObject().value("id").toInt(), pendingId); // the unprocessed first
    QCOMPARE(cli({"unsubscribe", "--process", QString::number(pendingId), "--purpose", "newsletter"}).exitCode, 0);
    QCOMPARE(cli({"campaign", "status", QString::number(next), "--json"}).json().object().value("recipients").toInt(),
             0);
    QCOMPARE(cli({"unsubscribe", "--process", QString::number(pendingId)}).exitCode, 1); // already done
    QCOMPARE(cli({"unsubscribe", "--message", m_dir.filePath(QStringLiteral("absent.eml"))}).exitCode, 2);
}

void TestCampaigns::retrySendsOnlyWhatFailed()
{
    const int id = createNewsletter();
    QVERIFY(id > 0);
    // The server is gone: nothing is sent, nothing lost.
    m_server.stop();
    Run down = cli({"campaign", "send", QString::number(id), "--json"});
    QCOMPARE(down.exitCode, 1);
    QCOMPARE(down.json().object().value("queued").toInt(), 3);
    QVERIFY(!down.json().object().value("run").toObject().value("error").toString().isEmpty());
    // Back: a retry sends the three, once.
    QVERIFY(m_server.start(QStringLiteral("plain"), m_out));
    QVERIFY(configure());
    Run back = cli({"campaign", "retry", QString::number(id), "--json"});
    QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    QCOMPARE(back.json().object().value("sent").toInt(), 3);
    QCOMPARE(cli({"campaign", "retry", QString::number(id), "--json"}).json().object().value("sent").toInt(), 3);
    const QStringList got = m_server.received();
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), 3);
    QCOMPARE(got.size(), 3);
}

QTEST_GUILESS_MAIN(TestCampaigns)
#include "tst_campaigns.moc"
