// carnet-cli as scripts use it: consent, the access export and erasure, the SMTP password.
#include "CliRun.h"
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestCliConsent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void consentContract();
    void consentExitCodes_data();
    void consentExitCodes();
    void consentVerifyContract();
    void accessExportAndErasure();
    void importRecordsConsentOnlyForAPurpose();
    void smtpPasswordNeverInTheFile();

private:
    QStringList db(const QStringList &args) const { return QStringList{QStringLiteral("--database"), m_path} + args; }
    QTemporaryDir m_dir;
    QString m_path;
};

void TestCliConsent::init()
{
    m_path = m_dir.filePath(QStringLiteral("cli-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
    m_path = TestServer::databaseOr(m_path);
    QVERIFY(!m_path.isEmpty());
}

void TestCliConsent::cleanup()
{
    TestServer::release(m_path);
}

void TestCliConsent::consentContract()
{
    QCOMPARE(cli(db({"members", "add", "--first-name", "Ana", "--last-name", "Lima", "--email", "ana@example.org"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Bo", "--last-name", "Roy", "--email", "bo@example.org",
                     "--membership-end", "2020-06-30"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Cy", "--last-name", "Nil", "--no-email"})).exitCode, 0);

    Run org = cli(db({"organisation", "set", "--name", "Les Amis", "--address", "12 rue des Lilas, Lyon", "--email",
                      "bureau@amis.example.org", "--phone", "04 00 00 00 00", "--website", "https://amis.example.org",
                      "--jurisdiction", "ca", "--json"}));
    QCOMPARE(org.exitCode, 0);
    QCOMPARE(org.json().object().value(QStringLiteral("jurisdiction")).toString(), QStringLiteral("ca"));
    QCOMPARE(cli(db({"organisation", "set", "--jurisdiction", "fr"})).exitCode, 2);

    Run purposes = cli(db({"purposes", "list", "--json"}));
    QCOMPARE(purposes.exitCode, 0);
    QStringList keys;
    for (const QJsonValue &v : purposes.json().array())
        keys.append(v.toObject().value(QStringLiteral("key")).toString());
    QCOMPARE(keys, (QStringList{QStringLiteral("association"), QStringLiteral("newsletter")}));
    QCOMPARE(cli(db({"purposes", "add", "events", "--label", QString::fromUtf8("Événements")})).exitCode, 0);
    QCOMPARE(cli(db({"purposes", "add", "events", "--label", "again"})).exitCode, 1);

    // Record by email and by id; --evidence keeps the file's hash.
    const QString scan = m_dir.filePath(QStringLiteral("form.pdf"));
    QFile f(scan);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("%PDF scanned form");
    f.close();
    Run rec = cli(db({"consent", "record", "ana@example.org", "--purpose", "newsletter", "--basis", "express",
                      "--source", "paper form", "--date", "2026-09-12", "--wording", "form v3", "--evidence", scan,
                      "--recorded-by", "Claire", "--json"}));
    QCOMPARE(rec.exitCode, 0);
    QCOMPARE(rec.json().object().value(QStringLiteral("evidence_sha256")).toString().size(), 64);
    QCOMPARE(cli(db({"consent", "record", "2", "--purpose", "events", "--basis", "implied", "--source", "phone",
                     "--date", "2026-01-10", "--expires", "2026-12-31"}))
                 .exitCode,
             0);

    Run status = cli(db({"consent", "status", "1", "--json"}));
    QCOMPARE(status.exitCode, 0);
    const QJsonObject st = status.json().object();
    QCOMPARE(st.value(QStringLiteral("member")).toInt(), 1);
    const QJsonObject news =
        st.value(QStringLiteral("purposes")).toObject().value(QStringLiteral("newsletter")).toObject();
    for (const char *key : {"eligible", "basis", "since", "valid_until", "reason"})
        QVERIFY2(news.contains(QLatin1String(key)), key);
    QCOMPARE(news.value(QStringLiteral("eligible")).toBool(), true);
    QCOMPARE(news.value(QStringLiteral("basis")).toString(), QStringLiteral("express"));
    QCOMPARE(news.value(QStringLiteral("since")).toString(), QStringLiteral("2026-09-12"));
    QVERIFY(news.value(QStringLiteral("valid_until")).isNull());
    // Membership ended in 2020: implied consent ended 2022-06-30.
    const QJsonObject bo = cli(db({"consent", "status", "bo@example.org", "--json"})).json().object();
    const QJsonObject boAssociation =
        bo.value(QStringLiteral("purposes")).toObject().value(QStringLiteral("association")).toObject();
    QCOMPARE(boAssociation.value(QStringLiteral("eligible")).toBool(), false);
    QCOMPARE(boAssociation.value(QStringLiteral("reason")).toString(), QStringLiteral("expired"));
    QCOMPARE(boAssociation.value(QStringLiteral("valid_until")).toString(), QStringLiteral("2022-06-30"));
    // --at: in 2021 it still held.
    const QJsonObject bo2021 = cli(db({"consent", "status", "2", "--at", "2021-01-01", "--json"})).json().object();
    QCOMPARE(bo2021.value(QStringLiteral("purposes"))
                 .toObject()
                 .value(QStringLiteral("association"))
                 .toObject()
                 .value(QStringLiteral("eligible"))
                 .toBool(),
             true);

    Run eligible = cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}));
    QCOMPARE(eligible.exitCode, 0);
    QCOMPARE(eligible.json().object().value(QStringLiteral("eligible")).toArray(), QJsonArray{1});
    const QJsonObject excluded = eligible.json().object().value(QStringLiteral("excluded")).toObject();
    QCOMPARE(excluded.keys(), (QStringList{"expired", "invalid_email", "no_consent", "no_email", "suppressed",
                                           "undeliverable", "withdrawn"}));
    QCOMPARE(excluded.value(QStringLiteral("no_consent")).toInt(), 1);
    QCOMPARE(excluded.value(QStringLiteral("no_email")).toInt(), 1);

    // Withdrawal: never eligible again, whatever the selection.
    QCOMPARE(cli(db({"consent", "withdraw", "1", "--purpose", "newsletter", "--source", "unsubscribe reply"})).exitCode,
             0);
    eligible = cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}));
    QCOMPARE(eligible.json().object().value(QStringLiteral("eligible")).toArray(), QJsonArray());
    QCOMPARE(eligible.json()
                 .object()
                 .value(QStringLiteral("excluded"))
                 .toObject()
                 .value(QStringLiteral("withdrawn"))
                 .toInt(),
             1);
    eligible = cli(db({"consent", "eligible", "--purpose", "newsletter", "--selection", "all", "--json"}));
    QCOMPARE(eligible.json().object().value(QStringLiteral("eligible")).toArray(), QJsonArray());

    Run history = cli(db({"consent", "history", "ana@example.org", "--json"}));
    QCOMPARE(history.exitCode, 0);
    const QJsonArray events = history.json().array();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("grant"));
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("recorded_by")).toString(), QStringLiteral("Claire"));
    QCOMPARE(events.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("withdraw"));

    // --all: every purpose, and the address suppressed.
    Run all = cli(db({"consent", "withdraw", "2", "--all", "--source", "letter", "--json"}));
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.json().array().size(), 3);
    const QJsonObject boNow = cli(db({"consent", "status", "2", "--json"})).json().object();
    QCOMPARE(boNow.value(QStringLiteral("purposes"))
                 .toObject()
                 .value(QStringLiteral("events"))
                 .toObject()
                 .value(QStringLiteral("reason"))
                 .toString(),
             QStringLiteral("suppressed"));

    Run audit = cli(db({"audit", "list", "--json"}));
    QCOMPARE(audit.exitCode, 0);
    QStringList actions;
    for (const QJsonValue &v : audit.json().array())
        actions.append(v.toObject().value(QStringLiteral("action")).toString());
    QCOMPARE(actions, (QStringList{"consent.grant", "consent.grant", "consent.withdraw", "consent.withdraw"}));
}

void TestCliConsent::consentExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no member") << QStringList{"consent", "status"} << 2 << "needs one member";
    QTest::newRow("unknown member") << QStringList{"consent", "status", "nobody@example.org", "--json"} << 1
                                    << "No member matches";
    QTest::newRow("missing basis") << QStringList{"consent", "record", "1", "--purpose", "newsletter", "--source", "x"}
                                   << 2 << "--basis";
    QTest::newRow("bad basis") << QStringList{"consent", "record", "1",        "--purpose", "newsletter",
                                              "--basis", "opt-in", "--source", "x"}
                               << 2 << "express";
    QTest::newRow("unknown purpose") << QStringList{"consent", "record",  "1",        "--purpose", "raffle",
                                                    "--basis", "express", "--source", "x"}
                                     << 1 << "raffle";
    QTest::newRow("bad date") << QStringList{"consent", "record",   "1", "--purpose", "newsletter", "--basis",
                                             "express", "--source", "x", "--date",    "12/09/2026"}
                              << 2 << "YYYY-MM-DD";
    QTest::newRow("future date") << QStringList{"consent", "record",   "1", "--purpose", "newsletter", "--basis",
                                                "express", "--source", "x", "--date",    "2999-01-01"}
                                 << 1 << "future";
    QTest::newRow("implied without expiry")
        << QStringList{"consent", "record", "1", "--purpose", "newsletter", "--basis", "implied", "--source", "x"} << 1
        << "expiry";
    QTest::newRow("missing evidence")
        << QStringList{"consent", "record",   "1", "--purpose",  "newsletter",           "--basis",
                       "express", "--source", "x", "--evidence", "/nonexistent/scan.pdf"}
        << 1 << "scan.pdf";
    QTest::newRow("withdraw both") << QStringList{"consent",   "withdraw",   "1",        "--all",
                                                  "--purpose", "newsletter", "--source", "x"}
                                   << 2 << "--purpose P or --all";
    QTest::newRow("withdraw without source") << QStringList{"consent", "withdraw", "1", "--all"} << 2 << "--source";
    QTest::newRow("eligible without purpose") << QStringList{"consent", "eligible", "--json"} << 2 << "--purpose";
    QTest::newRow("eligible bad selection")
        << QStringList{"consent", "eligible", "--purpose", "newsletter", "--selection", "bogus"} << 2 << "bogus";
    QTest::newRow("bad purpose key") << QStringList{"purposes", "add", "Bad Key", "--label", "x"} << 1 << "lower-case";
    QTest::newRow("organisation without address")
        << QStringList{"organisation", "set", "--name", "A", "--email", "a@example.org", "--jurisdiction", "eu"} << 1
        << "postal address";
    QTest::newRow("unknown consent command") << QStringList{"consent", "grant"} << 2 << "grant";
    QTest::newRow("unknown audit command") << QStringList{"audit", "purge"} << 2 << "purge";
    QTest::newRow("erase nobody") << QStringList{"members", "erase", "99"} << 1 << "No member matches";
}

void TestCliConsent::consentExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Ana", "--last-name", "Lima", "--email", "ana@example.org"}))
                 .exitCode,
             0);
    const Run r = cli(db(args));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    // Nothing was recorded by a refused command.
    const Run history = cli(db({"consent", "history", "1", "--json"}));
    QCOMPARE(history.json().array().size(), 0);
}

// consent verify [--repair] [--json]: the stored statuses checked against the ledger; exit 0 when they agree
// (or were repaired), 1 when some differ and were left.
void TestCliConsent::consentVerifyContract()
{
    for (const char *email : {"ana@example.org", "bo@example.org"}) {
        QCOMPARE(cli(db({"members", "add", "--first-name", "Ana", "--last-name", "Lima", "--email", email})).exitCode,
                 0);
        QCOMPARE(cli(db({"consent", "record", email, "--purpose", "newsletter", "--basis", "express", "--source",
                         "paper form", "--date", "2026-03-01"}))
                     .exitCode,
                 0);
    }
    Run clean = cli(db({"consent", "verify", "--json"}));
    QCOMPARE(clean.exitCode, 0);
    const QJsonObject ok = clean.json().object();
    for (const char *key : {"members", "different", "missing_rows", "extra_rows", "address_differences", "pending",
                            "repaired", "examples"})
        QVERIFY2(ok.contains(QLatin1String(key)), key);
    QCOMPARE(ok.value(QStringLiteral("members")).toInt(), 2);
    QCOMPARE(ok.value(QStringLiteral("different")).toInt(), 0);

    // A status changed behind Carnet's back (psql, the sqlite3 shell).
    const QString tamper =
        QStringLiteral("UPDATE consent_status SET eligible = 0, reason = 'withdrawn' WHERE member_id = 2");
    if (TestServer::enabled()) {
        QVERIFY(TestServer::exec(m_path, tamper));
    } else {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QVERIFY(QSqlQuery(raw).exec(tamper));
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    }
    Run found = cli(db({"consent", "verify", "--json"}));
    QCOMPARE(found.exitCode, 1);
    QCOMPARE(found.json().object().value(QStringLiteral("different")).toInt(), 1);
    QCOMPARE(found.json().object().value(QStringLiteral("examples")).toArray(), QJsonArray{2});
    Run text = cli(db({"consent", "verify"}));
    QCOMPARE(text.exitCode, 1);
    QVERIFY(text.out.contains("--repair"));
    Run repaired = cli(db({"consent", "verify", "--repair", "--json"}));
    QCOMPARE(repaired.exitCode, 0);
    QCOMPARE(repaired.json().object().value(QStringLiteral("repaired")).toInt(), 1);
    QCOMPARE(cli(db({"consent", "verify"})).exitCode, 0);
    Run eligible = cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}));
    QCOMPARE(eligible.json().object().value(QStringLiteral("eligible")).toArray(), (QJsonArray{1, 2}));
    QCOMPARE(cli(db({"consent", "verify", "--bogus"})).exitCode, 2);
}

void TestCliConsent::accessExportAndErasure()
{
    QCOMPARE(cli(db({"members", "add", "--first-name", QString::fromUtf8("Hélène"), "--last-name",
                     QString::fromUtf8("Côté"), "--email", "helene@example.org"}))
                 .exitCode,
             0);
    QCOMPARE(
        cli(db({"consent", "record", "1", "--purpose", "newsletter", "--basis", "express", "--source", "web form"}))
            .exitCode,
        0);
    Run exported = cli(db({"members", "export", "helene@example.org", "--json"}));
    QCOMPARE(exported.exitCode, 0);
    const QJsonObject data = exported.json().object();
    QCOMPARE(data.value(QStringLiteral("member")).toObject().value(QStringLiteral("last_name")).toString(),
             QString::fromUtf8("Côté"));
    QCOMPARE(data.value(QStringLiteral("consent_history")).toArray().size(), 1);
    for (const char *key : {"consent", "imports", "messages", "audit"})
        QVERIFY2(data.contains(QLatin1String(key)), key);

    const QString file = m_dir.filePath(QStringLiteral("helene.json"));
    QCOMPARE(cli(db({"members", "export", "1", "--output", file})).exitCode, 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("format")).toString(),
             QStringLiteral("carnet-member-export"));
    // A folder that does not exist: a clear message, exit 1.
    const Run bad = cli(db({"members", "export", "1", "--output", "/nonexistent/dir/x.json"}));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(QStringLiteral("/nonexistent/dir/x.json")));

    Run erased = cli(db({"members", "erase", "1", "--json"}));
    QCOMPARE(erased.exitCode, 0);
    QCOMPARE(erased.json().object().value(QStringLiteral("erased")).toInt(), 1);
    QCOMPARE(cli(db({"members", "show", "1"})).exitCode, 1);
    // Not in the file, nor in its write-ahead log: deleted pages are overwritten.
    for (const QString &path : QStringList{m_path, m_path + QStringLiteral("-wal")}) {
        QFile raw(path);
        if (!raw.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = raw.readAll();
        QVERIFY2(!bytes.contains("helene@example.org"), qPrintable(path));
        QVERIFY2(!bytes.contains("web form"), qPrintable(path));
    }
    // The person is re-added: suppressed, not eligible.
    QCOMPARE(
        cli(db({"members", "add", "--first-name", "H", "--last-name", "C", "--email", "Helene@example.org"})).exitCode,
        0);
    const Run eligible = cli(db({"consent", "eligible", "--purpose", "association", "--json"}));
    QCOMPARE(eligible.json()
                 .object()
                 .value(QStringLiteral("excluded"))
                 .toObject()
                 .value(QStringLiteral("suppressed"))
                 .toInt(),
             1);
    Run audit = cli(db({"audit", "list", "--member", "1", "--json"}));
    QCOMPARE(audit.json().array().last().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("member.erase"));
}

void TestCliConsent::importRecordsConsentOnlyForAPurpose()
{
    const QString file = QStringLiteral(CARNET_SOURCE_DIR "/tests/data/mailchimp_subscribed.csv");
    Run plain = cli(db({"import", file, "--json"}));
    QCOMPARE(plain.exitCode, 0);
    QJsonObject consent = plain.json().object().value(QStringLiteral("consent")).toObject();
    QCOMPARE(consent.value(QStringLiteral("detected")).toString(), QStringLiteral("mailchimp-optin"));
    QVERIFY(consent.value(QStringLiteral("purpose")).isNull());
    QCOMPARE(cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}))
                 .json()
                 .object()
                 .value(QStringLiteral("eligible"))
                 .toArray()
                 .size(),
             0);
    // Text output says why nothing was recorded.
    QVERIFY(cli(db({"import", file, "--dry-run"})).out.contains("--consent-purpose"));

    QCOMPARE(cli(db({"import", file, "--consent-purpose", "raffle"})).exitCode, 2);
    Run withPurpose = cli(db({"import", file, "--consent-purpose", "newsletter", "--json"}));
    QCOMPARE(withPurpose.exitCode, 0);
    consent = withPurpose.json().object().value(QStringLiteral("consent")).toObject();
    QCOMPARE(consent.value(QStringLiteral("granted")).toInt(), 40);
    QCOMPARE(consent.value(QStringLiteral("purpose")).toString(), QStringLiteral("newsletter"));
    const int batch = withPurpose.json().object().value(QStringLiteral("batch")).toInt();
    QCOMPARE(cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}))
                 .json()
                 .object()
                 .value(QStringLiteral("eligible"))
                 .toArray()
                 .size(),
             40);
    const QJsonArray history = cli(db({"consent", "history", "lea.david.0@asso.example.net", "--json"})).json().array();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("import mailchimp_subscribed.csv, line 2"));
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("date")).toString(), QStringLiteral("2025-01-27"));
    // Undoing that import takes its consent away, and leaves the members of the first import.
    QCOMPARE(cli(db({"import", "undo", QString::number(batch)})).exitCode, 0);
    QCOMPARE(cli(db({"consent", "history", "lea.david.0@asso.example.net", "--json"})).json().array().size(), 0);
    Run audit = cli(db({"audit", "list", "--json"}));
    QCOMPARE(audit.json().array().last().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("import.consent"));
}

void TestCliConsent::smtpPasswordNeverInTheFile()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // no desktop session: the keychain may be unreachable
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CARNET_CLI_PATH),
            {QStringLiteral("--database"), m_path, QStringLiteral("smtp"), QStringLiteral("set"),
             QStringLiteral("--preset"), QStringLiteral("gandi"), QStringLiteral("--user"),
             QStringLiteral("bureau@asso.example.org"), QStringLiteral("--from"),
             QStringLiteral("Bureau <bureau@asso.example.org>"), QStringLiteral("--store-password")});
    QVERIFY(p.waitForStarted());
    p.write("tr3s-s3cr3t\n");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    // With a keychain the password is kept there; without one, the command says so and how to send anyway.
    if (p.exitCode() != 0) {
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("keychain")) && err.contains(QStringLiteral("CARNET_SMTP_PASSWORD")),
                 qPrintable(err));
    }
    // Either way the account is saved, and the password is nowhere in the file.
    const Run show = cli(db({"smtp", "show", "--json"}));
    QCOMPARE(show.json().object().value(QStringLiteral("host")).toString(), QStringLiteral("mail.gandi.net"));
    QVERIFY(!show.out.contains("tr3s"));
    for (const QString &path : QStringList{m_path, m_path + QStringLiteral("-wal")}) {
        QFile raw(path);
        if (raw.open(QIODevice::ReadOnly))
            QVERIFY2(!raw.readAll().contains("tr3s-s3cr3t"), qPrintable(path));
    }
    if (TestServer::enabled())
        QCOMPARE(TestServer::scalar(m_path, QStringLiteral("SELECT count(*) FROM settings WHERE value LIKE '%tr3s%'")),
                 QStringLiteral("0"));
    // Sending without any password source says where to give it.
    QProcessEnvironment noPassword = QProcessEnvironment::systemEnvironment();
    noPassword.remove(QStringLiteral("CARNET_SMTP_PASSWORD"));
    noPassword.remove(QStringLiteral("DISPLAY"));
    const QString text = writeFile(m_dir.path(), QStringLiteral("message.txt"), "Bonjour\n");
    QCOMPARE(cli(db({"mail", "send", "--to", "a@example.org", "--subject", "x", "--text", text})).exitCode, 0);
    if (p.exitCode() != 0) {
        const Run run = cli(db({"outbox", "run"}), noPassword);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--store-password")), qPrintable(run.err));
    }
}

QTEST_GUILESS_MAIN(TestCliConsent)
#include "tst_cli_consent.moc"
