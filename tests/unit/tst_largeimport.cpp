// A large import's own path (tst_importer covers what it does; this, how it writes a large file): the members
// indexes dropped and built again once, or kept, and the rows inserted by 32 a statement.
#include "TempDatabase.h"

#include "import/Importer.h"
#include "storage/Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using Import::ImportReport;

class TestLargeImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void leavesEveryIndexWhole();

private:
    ImportReport import(const QString &name, const QByteArray &bytes);

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

QTEST_GUILESS_MAIN(TestLargeImport)
#include "tst_largeimport.moc"
