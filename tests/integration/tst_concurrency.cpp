// The GUI and the CLI on one file at the same time: no corruption, no "database is locked" failure.
#include "TempDatabase.h"

#include "storage/MemberTableModel.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTest>

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliProcessesAndThisProcessWriteTogether();
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

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
