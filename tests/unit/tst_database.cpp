#include "RawSqlite.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using Core::Error;
using Storage::Database;
using Storage::Migration;

namespace {
QByteArray hashOf(const QString &path)
{
    return RawSqlite::sha256(path);
}

void rawExec(const QString &path, const QStringList &statements)
{
    QVERIFY(RawSqlite::exec(path, statements));
}

QVariant pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0);
}

QStringList schemaOf(Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
                          "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsNewFileWithSafeSettings();
    void createsMissingFolders();
    void reopensWithoutMigrating();
    void refusesTextFile();
    void refusesForeignSqliteDatabase();
    void refusesDamagedFile();
    void refusesNewerVersion();
    void refusesFolder();
    void migratesFromEveryOlderVersion();
    void keepsCopyBeforeMigration();
    void failedMigrationLeavesFileAsItWas();
    void writeRollsBackOnError();
    void splitsMigrationStatements();
    void openingAgainKeepsThisProcessLocks();
};

void TestDatabase::createsNewFileWithSafeSettings()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("new.sqlite")));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    Database &d = *db.value();
    QCOMPARE(pragma(d, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(pragma(d, QStringLiteral("foreign_keys")).toInt(), 1);
    QVERIFY(pragma(d, QStringLiteral("busy_timeout")).toInt() >= 5000);
    QCOMPARE(pragma(d, QStringLiteral("application_id")).toInt(), Database::kApplicationId);
    QCOMPARE(d.schemaVersion(), Storage::Migrations::latestVersion());
    QVERIFY(d.backupPath().isEmpty()); // nothing to keep from a new file
    QVERIFY(schemaOf(d).join(QLatin1Char('\n')).contains(QStringLiteral("table members")));
}

void TestDatabase::createsMissingFolders()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/carnet.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QVERIFY(QFile::exists(path));
}

void TestDatabase::reopensWithoutMigrating()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
    }
    auto again = Database::open(path);
    QVERIFY(again.ok());
    QVERIFY(again.value()->backupPath().isEmpty());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 0);
}

void TestDatabase::refusesTextFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("membres.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Pr\xc3\xa9nom;Nom;Courriel\nL\xc3\xa9"
            "a;David;lea@example.org\n");
    f.close();
    const QByteArray before = hashOf(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::NotCarnet);
    QVERIFY(db.error().message.contains(QStringLiteral("not a Carnet database")));
    QCOMPARE(hashOf(path), before);
    // A file shorter than a database header is not one either.
    const QString tiny = dir.filePath(QStringLiteral("tiny.sqlite"));
    QFile t(tiny);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("hello\n");
    t.close();
    auto small = Database::open(tiny);
    QVERIFY(!small.ok());
    QCOMPARE(small.error().code, Error::Code::NotCarnet);
    QCOMPARE(QFile(tiny).size(), 6);
}

void TestDatabase::refusesForeignSqliteDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    rawExec(path,
            {QStringLiteral("CREATE TABLE songs (title TEXT)"), QStringLiteral("INSERT INTO songs VALUES ('x')")});
    const QByteArray before = hashOf(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::NotCarnet);
    QCOMPARE(hashOf(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFile(path + QStringLiteral("-wal")).size() == 0);
}

void TestDatabase::refusesDamagedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(100); // the schema b-tree on page 1, just after the 100-byte header
    f.write(QByteArray(600, '\xA5'));
    f.close();
    const QByteArray before = hashOf(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::Corrupt);
    QVERIFY2(db.error().message.contains(QStringLiteral("damaged")), qPrintable(db.error().message));
    QCOMPARE(hashOf(path), before);
}

void TestDatabase::refusesNewerVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Storage::Migrations::latestVersion() + 5)));
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = hashOf(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::TooNew);
    QVERIFY(db.error().message.contains(QStringLiteral("newer version of Carnet")));
    QCOMPARE(hashOf(path), before);
}

void TestDatabase::refusesFolder()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::NotCarnet);
}

// For every older schema version v: a file made at v (with a member in it, where members exist)
// opens, is migrated to the latest schema, keeps its data, and ends with exactly the schema of a
// new file.
void TestDatabase::migratesFromEveryOlderVersion()
{
    QTemporaryDir dir;
    QStringList freshSchema;
    {
        auto fresh = Database::open(dir.filePath(QStringLiteral("fresh.sqlite")));
        QVERIFY(fresh.ok());
        freshSchema = schemaOf(*fresh.value());
    }
    const auto &all = Storage::Migrations::all();
    QVERIFY(!all.isEmpty());
    QCOMPARE(all.first().version, 1);
    for (int v = 0; v < Storage::Migrations::latestVersion(); ++v) {
        const QString path = dir.filePath(QStringLiteral("v%1.sqlite").arg(v));
        QStringList statements;
        for (const Migration &m : all) {
            if (m.version <= v)
                statements += Storage::Migrations::statements(m.sql);
        }
        if (v > 0) {
            statements << QStringLiteral("PRAGMA user_version = %1").arg(v)
                       << QStringLiteral("PRAGMA application_id = %1").arg(Database::kApplicationId)
                       << QStringLiteral("INSERT INTO members (first_name, last_name, created_at, updated_at) "
                                         "VALUES ('Hélène', 'Côté', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')");
        } else {
            statements << QStringLiteral("PRAGMA user_version = 0");
        }
        rawExec(path, statements);
        QCOMPARE(Database::migrationPending(path), v > 0); // a v0 file is new, not an upgrade
        auto db = Database::open(path);
        QVERIFY2(db.ok(),
                 qPrintable(QStringLiteral("from v%1: %2").arg(v).arg(db.ok() ? QString() : db.error().message)));
        QCOMPARE(db.value()->schemaVersion(), Storage::Migrations::latestVersion());
        QCOMPARE(schemaOf(*db.value()), freshSchema);
        if (v > 0) {
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT first_name FROM members")) && q.next());
            QCOMPARE(q.value(0).toString(), QString::fromUtf8("Hélène"));
        }
    }
}

namespace {
QList<Migration> testMigrations(bool thirdFails)
{
    QList<Migration> list = Storage::Migrations::all();
    const int next = Storage::Migrations::latestVersion() + 1;
    list.append({next, QStringLiteral("test_column"),
                 QStringLiteral("ALTER TABLE members ADD COLUMN nickname TEXT;\n"
                                "CREATE INDEX members_nickname ON members (nickname);")});
    list.append({next + 1, QStringLiteral("test_second"),
                 thirdFails ? QStringLiteral("CREATE TABLE extra_things (id INTEGER PRIMARY KEY);\nTHIS IS NOT SQL;")
                            : QStringLiteral("CREATE TABLE extra_things (id INTEGER PRIMARY KEY);")});
    return list;
}
} // namespace

void TestDatabase::keepsCopyBeforeMigration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO members (first_name, last_name, created_at, updated_at) "
                                      "VALUES ('Léa', 'David', 'x', 'x')")));
    }
    QVERIFY(!Database::migrationPending(path)); // at the latest embedded version
    QVERIFY(!Database::migrationPending(dir.filePath(QStringLiteral("missing.sqlite"))));
    auto db = Database::open(path, testMigrations(false));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Storage::Migrations::latestVersion() + 2);
    const QString backup = db.value()->backupPath();
    QVERIFY(!backup.isEmpty());
    QVERIFY(QFile::exists(backup));
    db = Core::Error{};
    // The copy is the file as it was: old version, same member.
    auto old = Database::open(backup);
    QVERIFY(old.ok());
    QCOMPARE(old.value()->schemaVersion(), Storage::Migrations::latestVersion());
    QSqlQuery q(old.value()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT last_name FROM members")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("David"));
}

void TestDatabase::failedMigrationLeavesFileAsItWas()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    QStringList schemaBefore;
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        schemaBefore = schemaOf(*db.value());
    }
    auto failed = Database::open(path, testMigrations(true));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, Error::Code::Storage);
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE(db.value()->schemaVersion(), Storage::Migrations::latestVersion());
    QCOMPARE(schemaOf(*db.value()), schemaBefore); // the first new migration was rolled back too
}

void TestDatabase::writeRollsBackOnError()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("c.sqlite")));
    QVERIFY(db.ok());
    auto result = db.value()->write([&]() -> Core::Result<void> {
        QSqlQuery q(db.value()->connection());
        q.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('a', 'b')"));
        return Error::make(Error::Code::Invalid, QStringLiteral("no"));
    });
    QVERIFY(!result.ok());
    QSqlQuery q(db.value()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM settings WHERE key = 'a'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestDatabase::splitsMigrationStatements()
{
    const QStringList s = Storage::Migrations::statements(
        QStringLiteral("-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b'); -- trailing\n"
                       "CREATE TABLE b (\n  y TEXT -- inner; comment\n);\n"));
    QCOMPARE(s.size(), 2);
    QVERIFY(s[0].startsWith(QStringLiteral("CREATE TABLE a")));
    QVERIFY(s[0].contains(QStringLiteral("'a;b'")));
    QVERIFY(s[1].startsWith(QStringLiteral("CREATE TABLE b")));
}

// Opening the same file again in this process (a worker, a second window, the migration probe) and closing
// it must not drop this process's POSIX locks: if it did, another program closing the file last would
// checkpoint and delete the write-ahead log under the first connection ("disk I/O error", lost writes).
void TestDatabase::openingAgainKeepsThisProcessLocks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("carnet.sqlite"));
    auto first = Database::open(path);
    QVERIFY(first.ok());
    QSqlQuery q(first.value()->connection());
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO notes VALUES ('kept')")));
    const QString wal = path + QStringLiteral("-wal");
    QVERIFY(QFile::exists(wal));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!Database::migrationPending(path));
        auto again = Database::open(path);
        QVERIFY(again.ok());
    }
    // Another process opens and closes the file: it must see that this one still has it open.
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM notes;")});
    QVERIFY(sqlite.waitForFinished(30000));
    QCOMPARE(sqlite.exitCode(), 0);
    QCOMPARE(sqlite.readAllStandardOutput().trimmed(), QByteArray("1"));
    QVERIFY2(QFile::exists(wal), "the write-ahead log was deleted while this process had the file open");
    QVERIFY(q.exec(QStringLiteral("INSERT INTO notes VALUES ('after')")));
    sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM notes;")});
    QVERIFY(sqlite.waitForFinished(30000));
    QCOMPARE(sqlite.readAllStandardOutput().trimmed(), QByteArray("2")); // this process's write is seen at once
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
