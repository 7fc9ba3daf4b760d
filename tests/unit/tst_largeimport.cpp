// A large import's own path (tst_importer covers what it does; this, how it writes a large file): the members
// indexes dropped and built again once, or kept, and the rows inserted by 32 a statement.
#include "TempDatabase.h"

#include "import/Importer.h"
#include "storage/Database.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using Import::ImportReport;

class TestLargeImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void leavesEveryIndexWhole();
    void writesAloneOnlyWhenAlone();
    void cancelledAloneLeavesNothing();

private:
    ImportReport import(const QString &name, const QByteArray &bytes);
    static QByteArray bigFile(const QString &prefix, int rows);
    QString journalMode();

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLargeImport::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_db->ok());
}

void TestLargeImport::cleanup()
{
    m_db.reset();
}

ImportReport TestLargeImport::import(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    f.close();
    Import::Importer importer(m_db->context().database(), m_db->members(), m_db->clock());
    auto report = importer.run(path, {});
    if (!report.ok()) {
        qWarning("import failed: %s", qPrintable(report.error().message));
        return {};
    }
    return report.value();
}

// A large file into a smaller list: the indexes the file fills are dropped and built again once, those on
// columns it leaves empty are kept, and the rows go in by 32 a statement (a tail that is not a multiple of
// it one by one). Whatever took which way, every index is there afterwards and agrees with the table.
void TestLargeImport::leavesEveryIndexWhole()
{
    Storage::Database &database = m_db->context().database();
    const auto indexesBefore = database.secondaryIndexes(QStringLiteral("members"));
    QVERIFY(indexesBefore.ok());
    QVERIFY(indexesBefore.value().size() >= 7);
    m_db->add(QStringLiteral("Léa"), QStringLiteral("David"), QStringLiteral("lea@example.org"));
    // About 330 bytes a row: over 4 MB with 16,101 rows, what the importer takes for more than 50,000.
    const QByteArray padding(300, 'x');
    const int rows = 16101;
    auto file = [&](const QString &prefix, bool withEnd) {
        QByteArray bytes =
            withEnd ? "Prénom,Nom,Courriel,Section,Notes,Fin d'adhésion\n" : "Prénom,Nom,Courriel,Section,Notes\n";
        for (int i = 0; i < rows; ++i) {
            bytes += QStringLiteral("P%1,N%2,%3@example.org,S%4,")
                         .arg(i)
                         .arg(i % 97)
                         .arg(prefix + QString::number(i))
                         .arg(i % 7)
                         .toUtf8() +
                     padding + (withEnd ? ",31/12/2027\n" : "\n");
        }
        return bytes;
    };
    auto check = [&](qint64 members) {
        const auto indexes = database.secondaryIndexes(QStringLiteral("members"));
        QVERIFY(indexes.ok());
        QCOMPARE(indexes.value(), indexesBefore.value());
        QCOMPARE(m_db->members().count().value(), members);
        if (database.engine() != Storage::Engine::Sqlite)
            return;
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        // Each index read on its own gives the rows the table holds.
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM members INDEXED BY members_section WHERE section = 'S3'")) &&
            q.next());
        QCOMPARE(q.value(0).toLongLong(), (members - 1) / 7 + ((members - 1) % 7 > 3 ? 1 : 0));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM members INDEXED BY members_email_key WHERE email_key = "
                                      "'p16100@example.org'")) &&
                q.next());
        QCOMPARE(q.value(0).toLongLong(), 1);
    };
    ImportReport r = import(QStringLiteral("big.csv"), file(QStringLiteral("p"), false));
    QCOMPARE(r.created, rows);
    check(rows + 1);
    // The member numbers' index, kept through the import (it holds only the numbers, and the file gave
    // none), still keeps them unique and answers a lookup.
    auto lea = m_db->members().findByEmail(QStringLiteral("lea@example.org"));
    QVERIFY(lea.ok());
    Core::Member numbered = lea.value();
    numbered.memberNumber = QStringLiteral("ADH-1");
    QVERIFY(m_db->members().save(numbered).ok());
    auto other = m_db->members().findByEmail(QStringLiteral("p7@example.org"));
    QVERIFY(other.ok());
    Core::Member twin = other.value();
    twin.memberNumber = QStringLiteral("ADH-1");
    const auto refused = m_db->members().save(twin);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Core::Error::Code::Conflict);
    {
        // Not only Carnet's own check: the database refuses a second ADH-1 written by another program.
        QSqlQuery q(database.connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE members SET member_number = 'ADH-1' WHERE email = 'p8@example.org'")));
    }
    if (database.engine() == Storage::Engine::Sqlite) {
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM members INDEXED BY members_member_number WHERE "
                                      "member_number = 'ADH-1'")) &&
                q.next());
        QCOMPARE(q.value(0).toLongLong(), 1);
    }
    if (database.engine() == Storage::Engine::Sqlite) {
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM members INDEXED BY members_membership_end WHERE "
                                      "membership_end IS NULL")) &&
                q.next());
        QCOMPARE(q.value(0).toLongLong(), rows + 1);
    }
    // A second file fills the end dates: that index is built again this time.
    r = import(QStringLiteral("big2.csv"), file(QStringLiteral("q"), true));
    QCOMPARE(r.created, rows);
    QCOMPARE(r.rejected, 0);
    if (database.engine() == Storage::Engine::Sqlite) {
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM members INDEXED BY members_membership_end WHERE "
                                      "membership_end = '2027-12-31'")) &&
                q.next());
        QCOMPARE(q.value(0).toLongLong(), rows);
    }
}

// About 330 bytes a row: over 4 MB with 16,000 rows, what the importer takes for more than 50,000.
QByteArray TestLargeImport::bigFile(const QString &prefix, int rows)
{
    const QByteArray padding(300, 'x');
    QByteArray bytes = "Prénom,Nom,Courriel,Notes\n";
    for (int i = 0; i < rows; ++i)
        bytes += QStringLiteral("P%1,N%2,").arg(i).arg(i % 97).toUtf8() + prefix.toUtf8() + QByteArray::number(i) +
                 "@example.org," + padding + '\n';
    return bytes;
}

QString TestLargeImport::journalMode()
{
    QSqlQuery q(m_db->context().database().connection());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return {};
    return q.value(0).toString();
}

// A large import into a file no other connection has open writes it without the WAL, and gives the file
// its WAL back; with another connection open (the window's, another program's), it keeps the WAL, and the
// other connection reads on meanwhile.
void TestLargeImport::writesAloneOnlyWhenAlone()
{
    Storage::Database &database = m_db->context().database();
    if (database.engine() != Storage::Engine::Sqlite) {
        // A server has no WAL to leave: the import writes as always.
        QCOMPARE(import(QStringLiteral("big.csv"), bigFile(QStringLiteral("a"), 16000)).created, 16000);
        QVERIFY(!database.lastWriteWasAlone());
        return;
    }
    QCOMPARE(journalMode(), QStringLiteral("wal"));
    QCOMPARE(import(QStringLiteral("big.csv"), bigFile(QStringLiteral("a"), 16000)).created, 16000);
    QVERIFY(database.lastWriteWasAlone());
    QCOMPARE(journalMode(), QStringLiteral("wal"));
    QVERIFY(!QFile::exists(m_db->path() + QStringLiteral("-journal")));
    // A small one never tries.
    QCOMPARE(import(QStringLiteral("small.csv"), "Prénom,Nom,Courriel\nAda,L,ada@example.org\n").created, 1);
    QVERIFY(!database.lastWriteWasAlone());
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(m_db->path());
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM members")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 16001);
        q.finish();
        QCOMPARE(import(QStringLiteral("big2.csv"), bigFile(QStringLiteral("b"), 16000)).created, 16000);
        QVERIFY(!database.lastWriteWasAlone());
        QCOMPARE(journalMode(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM members")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 32001);
        q.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QCOMPARE(m_db->members().count().value(), 32001);
    QSqlQuery q(database.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
}

// Cancelled half-way (or failing), the import leaves the file as it was, with its WAL.
void TestLargeImport::cancelledAloneLeavesNothing()
{
    Storage::Database &database = m_db->context().database();
    m_db->add(QStringLiteral("Léa"), QStringLiteral("David"), QStringLiteral("lea@example.org"));
    const QString path = m_dir->filePath(QStringLiteral("big.csv"));
    QFile f(path);
    const QByteArray bytes = bigFile(QStringLiteral("c"), 16000);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    f.close();
    std::atomic_bool cancel = false;
    double reached = 0;
    Import::Importer importer(database, m_db->members(), m_db->clock());
    auto report = importer.run(
        path, {},
        [&](double progress) {
            reached = progress;
            if (progress > 0.5)
                cancel = true;
        },
        &cancel);
    QVERIFY(!report.ok());
    QVERIFY(reached > 0.5 && reached < 1.0);
    QCOMPARE(m_db->members().count().value(), 1);
    if (database.engine() != Storage::Engine::Sqlite)
        return;
    QVERIFY(database.lastWriteWasAlone());
    QCOMPARE(journalMode(), QStringLiteral("wal"));
    QVERIFY(!QFile::exists(m_db->path() + QStringLiteral("-journal")));
    // The indexes it had dropped are back with the rollback.
    const auto indexes = database.secondaryIndexes(QStringLiteral("members"));
    QVERIFY(indexes.ok());
    QVERIFY(indexes.value().size() >= 7);
    QSqlQuery q(database.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestLargeImport)
#include "tst_largeimport.moc"
