// Erasure leaves nothing of the member behind. A member who has touched every feature (imported twice with
// undo data, a household, consent with a scanned form, an invitation answered, an unsubscribe request, a
// campaign sent and one still queued, an access export audited) is erased with carnet-cli; then every table
// and the raw bytes of the file and its write-ahead log are searched (tests/integration/check_erasure.py) for
// the name, address, street, phone and member number, plainly and in the encodings mail uses. The same search
// before erasure must find them, so the search itself is checked. The outbox never sends the queued message,
// nor one whose row survived by other means; the other members are untouched.
#include "CliRun.h"
#include "LocalSmtpServer.h"
#include "RawSqlite.h"
#include "TestServer.h"
#include "consent/MemberPrivacy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestErasure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void erasureLeavesNothingBehind();
    void anOlderFileIsRebuiltOnce();

private:
    Run cli(const QStringList &args);
    QJsonObject scan();

    QTemporaryDir m_dir;
    QString m_db;
    LocalSmtpServer m_server;
    const QStringList m_person{QStringLiteral("Gwénaëlle"),
                               QStringLiteral("Quintaflor-Éluard"),
                               QStringLiteral("gwenaelle.quintaflor@exemple.org"),
                               QStringLiteral("17 rue des Zinnias"),
                               QStringLiteral("0698765431"),
                               QStringLiteral("ADH-77123")};
};

Run TestErasure::cli(const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_SMTP_PASSWORD"), QStringLiteral("s3cr3t é"));
    return ::cli(QStringList{QStringLiteral("--database"), m_db} + args, env);
}

QJsonObject TestErasure::scan()
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/check_erasure.py"), m_db} + m_person);
    if (!python.waitForFinished(60000))
        return {};
    const QJsonObject out = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    if (out.isEmpty())
        qWarning("check_erasure.py: %s", python.readAllStandardError().constData());
    return out;
}

void TestErasure::initTestCase()
{
    m_db = TestServer::databaseOr(m_dir.filePath(QStringLiteral("carnet.sqlite")));
    QVERIFY(!m_db.isEmpty());
    QVERIFY(m_server.start(QStringLiteral("plain"), m_dir.filePath(QStringLiteral("out"))));
}

void TestErasure::cleanupTestCase()
{
    TestServer::release(m_db);
}

void TestErasure::erasureLeavesNothingBehind()
{
    const QString gwen = m_person[2];
    QCOMPARE(cli({"organisation", "set", "--name", "Les Amis du Parc", "--address", "12 rue des Lilas\n75011 Paris",
                  "--email", "contact@amis.example.org", "--jurisdiction", "eu"})
                 .exitCode,
             0);
    QCOMPARE(
        cli({"smtp", "set", "--host", "127.0.0.1", "--port", QString::number(m_server.port()), "--security", "none",
             "--user", "bureau", "--from", "Les Amis du Parc <bureau@amis.example.org>", "--retry-seconds", "1"})
            .exitCode,
        0);
    // Imported, then imported again with a change: the second import keeps her as she was, to be undone.
    const QByteArray header = "Numéro;Prénom;Nom;Courriel;Téléphone;Adresse;Code postal;Ville\n";
    const QByteArray others = "ADH-100;Bertrand;Ordinaire;bertrand@example.org;0111111111;3 place Verte;75002;Paris\n";
    const QString first = writeFile(m_dir.path(), QStringLiteral("adherents.csv"),
                                    header + others + "ADH-77123;Gwénaëlle;Quintaflor-Éluard;" + gwen.toUtf8() +
                                        ";0698765431;17 rue des Zinnias;69001;Lyon\n");
    Run imported = cli({"import", first, "--json"});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const QString second = writeFile(m_dir.path(), QStringLiteral("adherents-2.csv"),
                                     header + "ADH-77123;Gwénaëlle;Quintaflor-Éluard;" + gwen.toUtf8() +
                                         ";0698765431;17 rue des Zinnias;69002;Lyon 2e\n");
    imported = cli({"import", second, "--mode", "update", "--json"});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(imported.json().object().value(QStringLiteral("updated")).toInt(), 1);
    // Her partner, in her household, with an address of his own.
    QCOMPARE(cli({"members", "add", "--first-name", "Paul", "--last-name", "Voisin", "--email", "paul@example.org",
                  "--address", "5 avenue Claire", "--household-with", gwen})
                 .exitCode,
             0);
    // Consent with the scanned form, which carries her name, street and phone.
    const QString form = writeFile(m_dir.path(), QStringLiteral("formulaire.txt"),
                                   "Bulletin d'adhésion\nNom : Quintaflor-Éluard\nPrénom : Gwénaëlle\nAdresse : 17 rue "
                                   "des Zinnias\nTéléphone : 0698765431\nJ'accepte de recevoir la lettre.\n");
    QCOMPARE(cli({"consent", "record", gwen, "--purpose", "newsletter", "--basis", "express", "--source",
                  "bulletin papier", "--evidence", form})
                 .exitCode,
             0);
    QCOMPARE(cli({"consent", "record", "paul@example.org", "--purpose", "newsletter", "--basis", "express", "--source",
                  "en ligne"})
                 .exitCode,
             0);
    // Invited, and accepted.
    Run invited = cli({"invite", "--never-invited", "--until-empty", "--json"});
    QVERIFY2(invited.exitCode == 0, qPrintable(invited.err));
    QCOMPARE(cli({"invite", "--answer", "accepted", "--member", gwen}).exitCode, 0);
    // A reply asking something, without a token: an unsubscribe request waiting for a person.
    const QString reply = writeFile(m_dir.path(), QStringLiteral("reply.eml"),
                                    "From: Gwénaëlle Quintaflor-Éluard <" + gwen.toUtf8() +
                                        ">\r\nTo: contact@amis.example.org\r\nSubject: STOP\r\nDate: Mon, 02 Nov 2026 "
                                        "10:00:00 +0100\r\n\r\nMerci de me retirer. 0698765431\r\n");
    QCOMPARE(cli({"unsubscribe", "--message", reply}).exitCode, 0);
    // A newsletter sent to her, and one still queued (the server is down when it is sent).
    const QString body =
        writeFile(m_dir.path(), QStringLiteral("juin.md"), "Bonjour {{prenom}} {{nom}},\n\nLa fête a lieu samedi.\n");
    Run created = cli({"campaign", "create", "--name", "Juin", "--kind", "newsletter", "--purpose", "newsletter",
                       "--subject", "Nouvelles pour {{first_name}}", "--body", body, "--audience", "all", "--json"});
    QCOMPARE(created.exitCode, 0);
    Run sent = cli({"campaign", "send", QString::number(created.json().object().value("id").toInt()), "--json"});
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    QVERIFY(m_server.received().contains(gwen));
    const int receivedBefore = int(m_server.received().size());
    const int hersBefore = int(m_server.received().count(gwen)); // the invitation and June's
    created = cli({"campaign", "create", "--name", "Juillet", "--kind", "newsletter", "--purpose", "newsletter",
                   "--subject", "Juillet pour {{first_name}}", "--body", body, "--audience", "all", "--json"});
    const QString july = QString::number(created.json().object().value("id").toInt());
    m_server.stop();
    QCOMPARE(cli({"campaign", "send", july}).exitCode, 1);
    // Her data exported (the audit log names the file).
    QCOMPARE(cli({"members", "export", gwen, "--output", m_dir.filePath(QStringLiteral("gwenaelle-quintaflor.json"))})
                 .exitCode,
             0);
    const QJsonObject exported = cli({"members", "export", "paul@example.org", "--json"}).json().object();

    // The search finds her everywhere before erasure: it can see what it looks for.
    const QJsonObject before = scan();
    QVERIFY2(before.value("needles").toInt() > 100, "the search did not run");
    QSet<QString> places;
    for (const QJsonValue &hit : before.value("hits").toArray())
        places.insert(hit.toObject().value("where").toString().section(QLatin1Char('.'), 0, 0).section('@', 0, 0));
    for (const char *table : {"members", "consent_evidence", "deliveries", "import_changes", "audit_log", "file"})
        QVERIFY2(places.contains(QString::fromLatin1(table)), table);

    // On a server, another program's transaction that began before the erasure — in another database of the same
    // server, idle, its id taken — makes the rewrite keep her old row versions while it stays open. The erasure
    // waits until it ends (about three seconds here) rather than rewrite too early.
    QProcess other;
    QString otherUrl;
    if (TestServer::enabled()) {
        otherUrl = TestServer::createDatabase();
        QVERIFY(!otherUrl.isEmpty());
        other.setProgram(QStringLiteral("psql"));
        other.setArguments({QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At"), otherUrl});
        other.start();
        QVERIFY(other.waitForStarted());
        other.write("BEGIN;\nSELECT 'xid', pg_current_xact_id();\n\\! sleep 3\nCOMMIT;\n");
        other.closeWriteChannel();
        QByteArray seen;
        while (!seen.contains("xid|") && other.waitForReadyRead(10000))
            seen += other.readAllStandardOutput();
        QVERIFY2(seen.contains("xid|"), seen.constData());
    }
    if (TestServer::enabled()) {
        // The server's statistics taken while she was there (autovacuum's ANALYZE, when it comes by in time):
        // her address among a column's most common values or histogram bounds, in pg_statistic.
        QProcess analyze;
        analyze.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), m_db, QStringLiteral("-c"),
                                               QStringLiteral("ANALYZE")});
        QVERIFY(analyze.waitForFinished(60000));
        QVERIFY2(analyze.exitCode() == 0, analyze.readAllStandardError().constData());
    }
    Run erased = cli({"members", "erase", gwen, "--json"});
    if (TestServer::enabled()) {
        QVERIFY(other.waitForFinished(20000));
        TestServer::dropDatabase(otherUrl);
    }
    QVERIFY2(erased.exitCode == 0, qPrintable(erased.err));
    const QJsonObject counts = erased.json().object();
    QVERIFY(counts.value("suppressed").toBool());
    // SQLite's write-ahead log is emptied; PostgreSQL's belongs to the server (README: what it keeps, and how long).
    QCOMPARE(counts.value("wal_cleared").toBool(), !TestServer::enabled());
    QVERIFY(counts.value("rewritten").toBool()); // the owner's erasure rewrites the files
    QCOMPARE(counts.value("import_snapshots").toInt(), 1);
    const QJsonObject tables = counts.value("tables").toObject();
    // What is erased and what is exported are the same tables.
    QCOMPARE(tables.keys(), exported.value("tables").toObject().keys());
    QStringList expected = Consent::MemberPrivacy::memberDataTables();
    expected.sort();
    QCOMPARE(QStringList(tables.keys()), expected);
    QCOMPARE(tables.value("consent_evidence").toInt(), 1);
    QVERIFY(tables.value("deliveries").toInt() >= 3); // the invitation, June's, July's still queued
    QCOMPARE(tables.value("households").toInt(), 1);  // a household of one is none: Paul is on his own

    // Nothing of her is left: not in a table, not in the file, not in its write-ahead log; on the server, not in
    // any file of the database (dead row versions, indexes, TOAST, statistics).
    const QJsonObject after = scan();
    QVERIFY2(after.value("hits").toArray().isEmpty(),
             QJsonDocument(after.value("hits").toArray()).toJson(QJsonDocument::Compact).left(2000).constData());

    // The queued message never goes, and neither does a copy of it that survived by other means.
    const QString survivor =
        QStringLiteral("INSERT INTO deliveries (batch_id, address, envelope_from, message, "
                       "message_id, state, created_at, updated_at) SELECT batch_id, '%1', "
                       "envelope_from, %2, '<x@y>', 'queued', created_at, "
                       "updated_at FROM deliveries LIMIT 1")
            .arg(gwen, TestServer::enabled() ? QStringLiteral("'Subject: x'::bytea") : QStringLiteral("'Subject: x'"));
    QVERIFY(TestServer::enabled() ? TestServer::exec(m_db, survivor) : RawSqlite::exec(m_db, {survivor}));
    const QStringList beforeErasure = m_server.received();
    QVERIFY(m_server.start(QStringLiteral("plain"), m_dir.filePath(QStringLiteral("out2"))));
    QCOMPARE(cli({"smtp", "set", "--host", "127.0.0.1", "--port", QString::number(m_server.port()), "--security",
                  "none", "--user", "bureau", "--from", "Les Amis du Parc <bureau@amis.example.org>"})
                 .exitCode,
             0);
    Run run = cli({"outbox", "run", "--until-empty", "--json"});
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
    const QStringList received = beforeErasure + m_server.received();
    QVERIFY2(received.contains(QStringLiteral("paul@example.org")) && received.size() > receivedBefore,
             run.out.constData());                               // July went to Paul
    QCOMPARE(run.json().object().value("cancelled").toInt(), 1); // the row that survived
    QCOMPARE(received.count(gwen), hersBefore);                  // nothing more after the erasure
    // The others are untouched (Paul, alone now, is in no household).
    const QJsonObject paul = cli({"members", "show", "paul@example.org", "--json"}).json().object();
    QCOMPARE(paul.value("address").toString(), QStringLiteral("5 avenue Claire"));
    QVERIFY(paul.value("household_id").isNull());
    QCOMPARE(cli({"members", "show", "bertrand@example.org", "--json"}).json().object().value("phone").toString(),
             QStringLiteral("0111111111"));
    QCOMPARE(cli({"members", "show", gwen}).exitCode, 1);
}

// A file written where deleted content was not overwritten (SQLite built without secure_delete, or a Carnet from
// before it was switched on) still holds an earlier version of a member's row in its free space: the first
// erasure rebuilds the file, so that the old version goes too.
void TestErasure::anOlderFileIsRebuiltOnce()
{
    if (TestServer::enabled())
        QSKIP("SQLite's secure_delete and a file from before it: a local member file only");
    m_db = m_dir.filePath(QStringLiteral("old.sqlite"));
    QCOMPARE(
        cli({"members", "add", "--first-name", "Gwénaëlle", "--last-name", "Quintaflor-Éluard", "--email", m_person[2],
             "--address", "17 rue des Zinnias", "--phone", "0698765431", "--member-number", "ADH-77123"})
            .exitCode,
        0);
    QCOMPARE(cli({"members", "add", "--first-name", "Bertrand", "--last-name", "Ordinaire", "--email",
                  "bertrand@example.org"})
                 .exitCode,
             0);
    QVERIFY(RawSqlite::exec(m_db, {QStringLiteral("PRAGMA secure_delete = OFF"),
                                   // A longer row moves: the old one stays behind in the page's free space.
                                   QStringLiteral("UPDATE members SET phone = '01 23 45 67 89', address = '17 rue des "
                                                  "Zinnias, au fond de la cour, porte B' WHERE member_number = "
                                                  "'ADH-77123'"),
                                   QStringLiteral("DELETE FROM settings WHERE key = 'storage.secure_delete_since'"),
                                   QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}));
    // The old phone number is in the file's free space, in no table.
    bool inFreeSpace = false;
    for (const QJsonValue &hit : scan().value("hits").toArray())
        inFreeSpace = inFreeSpace || (hit.toObject().value("value").toString() == m_person[4] &&
                                      hit.toObject().value("where").toString().startsWith(QLatin1String("file")));
    QVERIFY(inFreeSpace);
    Run erased = cli({"members", "erase", m_person[2], "--json"});
    QVERIFY2(erased.exitCode == 0, qPrintable(erased.err));
    const QJsonObject after = scan();
    QVERIFY2(after.value("hits").toArray().isEmpty(),
             QJsonDocument(after.value("hits").toArray()).toJson(QJsonDocument::Compact).left(2000).constData());
    QCOMPARE(cli({"members", "show", "bertrand@example.org", "--json"}).json().object().value("email").toString(),
             QStringLiteral("bertrand@example.org"));
}

QTEST_GUILESS_MAIN(TestErasure)
#include "tst_erasure.moc"
