// Moving a member file onto the board's PostgreSQL server and back (carnet-cli server copy-from / copy-to),
// against the run's real server. A local file with every kind of row — members imported twice (undo data),
// consent with a scanned form, a saved report, a campaign sent through aiosmtpd with one message whose fate
// is unknown, audit entries, the association's settings and unsubscribe secret — goes to the server and back
// to a new file: every table compares equal (rows and checksum) on all three; a token sent before the move
// still unsubscribes; the import's undo still restores; new ids follow the copied ones. A second copy into
// the same database is refused with exit 2 and changes nothing; a copy killed half-way leaves it empty.
#include "CliRun.h"
#include "LocalSmtpServer.h"
#include "RawSqlite.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestServerCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyTableGoesThereAndBack();
    void refusesATargetWithData();
    void aCopyKilledHalfWayLeavesNothing();
    void setupCreatesThenUpgrades();

private:
    Run cli(const QString &database, const QStringList &args);

    QTemporaryDir m_dir;
    LocalSmtpServer m_server;
    QStringList m_databases;
};

Run TestServerCopy::cli(const QString &database, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), QStringLiteral("s3cr3t é"));
    return ::cli(QStringList{QStringLiteral("--database"), database} + args, env);
}

void TestServerCopy::initTestCase()
{
    QVERIFY(TestServer::enabled());
    QVERIFY(m_server.start(QStringLiteral("plain"), m_dir.filePath(QStringLiteral("out"))));
}

void TestServerCopy::cleanupTestCase()
{
    m_server.stop();
    for (const QString &url : std::as_const(m_databases))
        TestServer::release(url);
}

void TestServerCopy::everyTableGoesThereAndBack()
{
    const QString local = m_dir.filePath(QStringLiteral("association.sqlite"));
    QCOMPARE(
        cli(local, {"organisation", "set", "--name", "Les Amis du Parc", "--address", "12 rue des Lilas\n75011 Paris",
                    "--email", "contact@amis.example.org", "--jurisdiction", "eu"})
            .exitCode,
        0);
    QCOMPARE(cli(local, {"smtp", "set", "--host", "127.0.0.1", "--port", QString::number(m_server.port()), "--security",
                         "none", "--user", "bureau", "--from", "Bureau <bureau@amis.example.org>"})
                 .exitCode,
             0);
    const QByteArray header = "Numéro;Prénom;Nom;Courriel;Code postal;Ville\n";
    const QString first = writeFile(m_dir.path(), QStringLiteral("adherents.csv"),
                                    header + "A-1;Léa;David;lea@example.org;75011;Paris\n"
                                             "A-2;Noël;Lefèvre;noel@example.org;69001;Lyon\n"
                                             "A-3;Zoé;Martin;zoe@example.org;13001;Marseille\n");
    QCOMPARE(cli(local, {"import", first}).exitCode, 0);
    const QString second = writeFile(m_dir.path(), QStringLiteral("adherents-2.csv"),
                                     header + "A-2;Noël;Lefèvre;noel@example.org;69002;Lyon 2e\n");
    const Run updated = cli(local, {"import", second, "--mode", "update", "--json"});
    QCOMPARE(updated.json().object().value(QStringLiteral("updated")).toInt(), 1);
    const int updateBatch = updated.json().object().value(QStringLiteral("batch")).toInt();
    QVERIFY(updateBatch > 0);
    const QString form =
        writeFile(m_dir.path(), QStringLiteral("bulletin.pdf"), QByteArray("%PDF-1.4\n\x00\x01\xff", 12));
    for (const char *who : {"lea@example.org", "noel@example.org", "zoe@example.org"})
        QCOMPARE(cli(local, {"consent", "record", who, "--purpose", "newsletter", "--basis", "express", "--source",
                             "bulletin", "--evidence", form})
                     .exitCode,
                 0);
    const QString definition = writeFile(
        m_dir.path(), QStringLiteral("lyon.json"),
        R"({"name":"Lyon","columns":["last_name","email"],"filter":{"field":"city","op":"starts_with","value":"Lyon"}})");
    QCOMPARE(cli(local, {"report", "save", "--definition", definition}).exitCode, 0);
    const QString body = writeFile(m_dir.path(), QStringLiteral("juin.md"), "Bonjour {{prenom}},\n\nÀ samedi.\n");
    const Run created = cli(local, {"campaign", "create", "--name", "Juin", "--kind", "newsletter", "--purpose",
                                    "newsletter", "--subject", "Juin", "--body", body, "--audience", "all", "--json"});
    QCOMPARE(created.exitCode, 0);
    const Run sentRun = cli(local, {"campaign", "send", QString::number(created.json().object().value("id").toInt())});
    QVERIFY2(sentRun.exitCode == 0, qPrintable(sentRun.err + QString::fromUtf8(sentRun.out)));
    QCOMPARE(m_server.received().size(), 3);
    // One message whose 250 was lost: its fate unknown, as the outbox records it.
    QVERIFY(RawSqlite::exec(local, {QStringLiteral("UPDATE deliveries SET state = 'unknown' WHERE id = 2")}));
    QCOMPARE(cli(local, {"members", "export", "zoe@example.org", "--json"}).exitCode, 0); // an audit entry
    QFile sent(m_server.messages().at(0));
    QVERIFY(sent.open(QIODevice::ReadOnly));
    const auto match =
        QRegularExpression(QStringLiteral("unsubscribe%20([^>\\s]+)>")).match(QString::fromLatin1(sent.readAll()));
    QVERIFY(match.hasMatch());
    const QString token = match.captured(1);

    // There.
    const QString server = TestServer::createDatabase();
    m_databases.append(server);
    const Run there = cli(server, {"server", "copy-from", local, "--json"});
    QVERIFY2(there.exitCode == 0, qPrintable(there.err + QString::fromUtf8(there.out)));
    const QJsonObject thereTables = there.json().object().value(QStringLiteral("tables")).toObject();
    QVERIFY(there.json().object().value(QStringLiteral("ok")).toBool());
    for (const char *table : {"members", "import_batches", "import_changes", "consent_events", "consent_evidence",
                              "saved_reports", "campaigns", "mail_batches", "deliveries", "audit_log", "settings"})
        QVERIFY2(thereTables.value(QLatin1String(table)).toObject().value(QStringLiteral("rows")).toInt() > 0, table);
    QCOMPARE(TestServer::scalar(server, QStringLiteral("SELECT state FROM deliveries WHERE id = 2")),
             QStringLiteral("unknown"));
    QCOMPARE(TestServer::scalar(server, QStringLiteral("SELECT length(content) FROM consent_evidence")),
             QStringLiteral("12"));

    // And back, into a new file: the same tables, row for row.
    const QString back = m_dir.filePath(QStringLiteral("retour.sqlite"));
    const Run returned = cli(server, {"server", "copy-to", back, "--json"});
    QVERIFY2(returned.exitCode == 0, qPrintable(returned.err));
    QCOMPARE(returned.json().object().value(QStringLiteral("tables")).toObject(), thereTables);
    QCOMPARE(RawSqlite::sha256(back).isEmpty(), false);
    QCOMPARE(cli(back, {"members", "list"}).out, cli(local, {"members", "list"}).out);

    // On the server: a token sent before the move still unsubscribes; the import's undo still restores;
    // a new member takes the next id.
    const Run unsubscribed = cli(server, {"unsubscribe", "--token", token, "--json"});
    QVERIFY2(unsubscribed.exitCode == 0, qPrintable(unsubscribed.err));
    QCOMPARE(cli(server, {"members", "show", "noel@example.org", "--json"}).json().object().value("city").toString(),
             QStringLiteral("Lyon 2e"));
    QCOMPARE(cli(server, {"import", "undo", QString::number(updateBatch)}).exitCode, 0);
    QCOMPARE(cli(server, {"members", "show", "noel@example.org", "--json"}).json().object().value("city").toString(),
             QStringLiteral("Lyon"));
    const Run added = cli(server, {"members", "add", "--first-name", "Ana", "--last-name", "Nouvelle", "--email",
                                   "ana@example.org", "--json"});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QCOMPARE(added.json().object().value(QStringLiteral("id")).toInt(), 4);
}

void TestServerCopy::refusesATargetWithData()
{
    const QString local = m_dir.filePath(QStringLiteral("petit.sqlite"));
    QCOMPARE(cli(local, {"members", "add", "--first-name", "Léa", "--last-name", "David", "--no-email"}).exitCode, 0);
    const QString server = TestServer::createDatabase();
    m_databases.append(server);
    QCOMPARE(cli(server, {"members", "add", "--first-name", "Déjà", "--last-name", "Là", "--no-email"}).exitCode, 0);
    const Run refused = cli(server, {"server", "copy-from", local});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("only into an empty database")), qPrintable(refused.err));
    QCOMPARE(TestServer::scalar(server, QStringLiteral("SELECT string_agg(last_name, ',') FROM members")),
             QStringLiteral("Là"));
    // A database of another program is refused too, untouched.
    const QString foreign = TestServer::createDatabase();
    m_databases.append(foreign);
    QVERIFY(TestServer::exec(foreign, QStringLiteral("CREATE TABLE comptes (id int)")));
    QCOMPARE(cli(foreign, {"server", "copy-from", local}).exitCode, 2);
    QCOMPARE(TestServer::scalar(foreign, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")),
             QStringLiteral("1"));
    // copy-to refuses a local file that holds members; a missing source file is bad usage.
    QCOMPARE(cli(server, {"server", "copy-to", local}).exitCode, 2);
    QCOMPARE(cli(local, {"members", "list"}).out.count('\n'), 1);
    QCOMPARE(cli(server, {"server", "copy-from", m_dir.filePath(QStringLiteral("absent.sqlite"))}).exitCode, 2);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("absent.sqlite"))));
    // Not a server address.
    QCOMPARE(cli(local, {"server", "setup"}).exitCode, 2);
}

void TestServerCopy::aCopyKilledHalfWayLeavesNothing()
{
    // A file large enough for the copy to take a moment.
    const QString local = m_dir.filePath(QStringLiteral("grand.sqlite"));
    QByteArray csv = "Prénom;Nom;Courriel\n";
    for (int i = 0; i < 40000; ++i)
        csv += "Prénom" + QByteArray::number(i) + ";Nom" + QByteArray::number(i) + ";m" + QByteArray::number(i) +
               "@example.org\n";
    QCOMPARE(cli(local, {"import", writeFile(m_dir.path(), QStringLiteral("grand.csv"), csv)}).exitCode, 0);
    const QString server = TestServer::createDatabase();
    m_databases.append(server);
    const QString name = server.section(QLatin1Char('/'), -1).section(QLatin1Char('?'), 0, 0);
    QProcess copy;
    copy.start(QStringLiteral(CARNET_CLI_PATH),
               {QStringLiteral("--database"), server, QStringLiteral("server"), QStringLiteral("copy-from"), local});
    QVERIFY(copy.waitForStarted());
    // Killed while it writes members.
    QElapsedTimer timer;
    timer.start();
    bool writing = false;
    while (!writing && timer.elapsed() < 60000 && copy.state() == QProcess::Running) {
        // Rows not yet committed already take room in the table's file.
        writing = TestServer::scalar(server, QStringLiteral("SELECT pg_relation_size('members') > 65536")) ==
                  QLatin1String("true");
        if (!writing)
            QTest::qWait(10);
    }
    QVERIFY2(writing, "the copy never wrote members");
    copy.kill();
    QVERIFY(copy.waitForFinished());
    // The server notices the lost client and rolls its transaction back.
    QTRY_COMPARE_WITH_TIMEOUT(TestServer::scalar(server, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                                        "datname = '%1' AND application_name = "
                                                                        "'carnet'")
                                                             .arg(name)),
                              QStringLiteral("0"), 20000);
    QCOMPARE(TestServer::scalar(server, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("0"));
    QCOMPARE(TestServer::scalar(server, QStringLiteral("SELECT count(*) FROM import_batches")), QStringLiteral("0"));
    // Empty again: the next copy goes through.
    const Run again = cli(server, {"server", "copy-from", local, "--json"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(again.json().object().value("tables").toObject().value("members").toObject().value("rows").toInt(), 40000);
}

void TestServerCopy::setupCreatesThenUpgrades()
{
    const QString server = TestServer::createDatabase();
    m_databases.append(server);
    Run setup = cli(server, {"server", "setup", "--json"});
    QVERIFY2(setup.exitCode == 0, qPrintable(setup.err));
    QCOMPARE(setup.json().object().value("created").toBool(), true);
    QCOMPARE(setup.json().object().value("previous_version").toInt(), 0);
    const int latest = setup.json().object().value("version").toInt();
    QVERIFY(latest >= 7);
    setup = cli(server, {"server", "setup", "--json"});
    QCOMPARE(setup.json().object().value("created").toBool(), false);
    QCOMPARE(setup.json().object().value("previous_version").toInt(), latest);
}

QTEST_GUILESS_MAIN(TestServerCopy)
#include "tst_servercopy.moc"
