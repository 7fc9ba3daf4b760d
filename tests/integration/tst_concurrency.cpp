// The GUI and the CLI on one file at the same time: no corruption, no "database is locked" failure.
#include "TempDatabase.h"

#include "storage/MemberTableModel.h"

#include "CliRun.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliProcessesAndThisProcessWriteTogether();
    void largeImportKilledHalfWayLeavesTheFileAsItWas();
};

void TestConcurrency::cliProcessesAndThisProcessWriteTogether()
{
    TempDatabase db;
    QVERIFY(db.ok());
    Storage::MemberTableModel model(db.members(), db.clock()); // a reader, as the window is

    constexpr int kWriters = 4;
    constexpr int kPerWriter = 15;
    // Each writer is a shell loop of carnet-cli processes, so writes from different processes interleave.
    QList<QProcess *> writers;
    for (int w = 0; w < kWriters; ++w) {
        auto *p = new QProcess(this);
        const QString script =
            QStringLiteral("for i in $(seq 1 %1); do \"$0\" --database \"$1\" members add --first-name W%2 "
                           "--last-name N$i --email w%2.$i@example.org >/dev/null || exit 1; done")
                .arg(kPerWriter)
                .arg(w);
        p->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral(CARNET_CLI_PATH), db.path()});
        writers.append(p);
    }
    // Meanwhile this process writes and reads too.
    int mine = 0;
    QElapsedTimer timer;
    timer.start();
    while (mine < 60 && timer.elapsed() < 60000) {
        Core::Member m;
        m.firstName = QStringLiteral("Gui");
        m.lastName = QStringLiteral("N%1").arg(mine);
        m.email = QStringLiteral("gui.%1@example.org").arg(mine);
        auto saved = db.members().save(m);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        model.memberSaved(saved.value());
        model.checkForOutsideChanges();
        ++mine;
    }
    for (QProcess *p : std::as_const(writers)) {
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
    }
    QCOMPARE(db.members().count().value(), kWriters * kPerWriter + mine);
    model.checkForOutsideChanges();
    QCOMPARE(model.rowCount(), kWriters * kPerWriter + mine);
    QSqlQuery q(db.context().database().connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
}

// A large import into a file nobody else has open writes it without its WAL, under a rollback journal. The
// process killed half-way, its pages already in the file: the next opening rolls them back, the file as it
// was, whole, with its WAL again.
void TestConcurrency::largeImportKilledHalfWayLeavesTheFileAsItWas()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("club.carnet"));
    QCOMPARE(cli({QStringLiteral("--database"), file, QStringLiteral("members"), QStringLiteral("add"),
                  QStringLiteral("--first-name"), QStringLiteral("Léa"), QStringLiteral("--last-name"),
                  QStringLiteral("David"), QStringLiteral("--email"), QStringLiteral("lea@example.org")})
                 .exitCode,
             0);
    const qint64 sizeBefore = QFileInfo(file).size();
    const QString csv = dir.filePath(QStringLiteral("big.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Prénom,Nom,Courriel,Notes\n");
        const QByteArray padding(300, 'x');
        for (int i = 0; i < 200000; ++i)
            f.write("P" + QByteArray::number(i) + ",N" + QByteArray::number(i % 97) + ",p" + QByteArray::number(i) +
                    "@example.org," + padding + '\n');
    }
    QProcess import;
    import.start(QStringLiteral(CARNET_CLI_PATH), {QStringLiteral("--database"), file, QStringLiteral("import"), csv});
    QVERIFY(import.waitForStarted());
    // Killed once its rollback journal exists and its first pages are in the file itself.
    QElapsedTimer timer;
    timer.start();
    bool halfWay = false;
    while (!halfWay && import.state() == QProcess::Running && timer.elapsed() < 120000) {
        import.waitForFinished(10);
        halfWay = QFileInfo::exists(file + QStringLiteral("-journal")) &&
                  QFileInfo(file).size() > sizeBefore + 4 * 1024 * 1024;
    }
    QVERIFY2(halfWay, "the import ended before it was half-way");
    import.kill();
    QVERIFY(import.waitForFinished());
    QVERIFY(QFileInfo::exists(file + QStringLiteral("-journal"))); // what the next opening rolls back
    // Another program opening it first: SQLite itself rolls the journal back.
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    raw.setDatabaseName(file);
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(email) FROM members")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 1);
        QCOMPARE(q.value(1).toString(), QStringLiteral("lea@example.org"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                      "'members' AND sql IS NOT NULL")) &&
                q.next());
        QVERIFY(q.value(0).toInt() >= 7); // the indexes the import had dropped
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-journal")));
    // Carnet opens it as before, with its WAL, and the same file imports whole.
    const CliRun listed = cli({QStringLiteral("--database"), file, QStringLiteral("members"), QStringLiteral("list"),
                               QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.json().array().size(), 1);
    QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    check.setDatabaseName(file);
    QVERIFY(check.open());
    {
        QSqlQuery q(check);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    check.close();
    check = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
