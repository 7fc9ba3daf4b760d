// The member file on the run's real PostgreSQL server, at the storage level: the same tables and columns as a
// local file; an upgrade from every older schema version (the same numbered migrations, in PostgreSQL's DDL)
// keeps the data; a failed migration leaves the database as it was; two computers opening a new database at
// once create it once; a newer schema or another program's tables are refused untouched; a bad address is
// refused before any connection.
#include "TestServer.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using Storage::Database;
using Storage::Migration;

class TestServerDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(TestServer::enabled()); }
    void cleanup();
    void sameTablesAndColumnsAsALocalFile();
    void upgradesFromEveryOlderVersion();
    void failedMigrationLeavesTheDatabaseAsItWas();
    void twoComputersOpeningANewDatabase();
    void refusesWhatIsNotCarnetsOrTooNew();
    void refusesBadAddresses();

private:
    QString newDatabase()
    {
        const QString url = TestServer::createDatabase();
        m_databases.append(url);
        return url;
    }
    QStringList m_databases;
};

namespace {

// table: columns, sorted, from either engine (the server's volunteers table has no local counterpart: a
// local file is one person's).
QMap<QString, QStringList> columnsOf(Database &db)
{
    QMap<QString, QStringList> out;
    QSqlQuery q(db.connection());
    if (db.engine() == Storage::Engine::Sqlite) {
        q.exec(QStringLiteral("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = "
                              "'table' AND m.name NOT LIKE 'sqlite_%'"));
    } else {
        q.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
                              "current_schema() AND table_name NOT IN ('carnet_schema', 'volunteers')"));
    }
    while (q.next())
        out[q.value(0).toString()].append(q.value(1).toString());
    for (QStringList &columns : out)
        columns.sort();
    return out;
}

QList<Migration> upTo(int version)
{
    QList<Migration> out;
    for (const Migration &m : Storage::Migrations::all(Storage::Engine::Postgres)) {
        if (m.version <= version)
            out.append(m);
    }
    return out;
}

} // namespace

void TestServerDatabase::cleanup()
{
    for (const QString &url : std::as_const(m_databases))
        TestServer::release(url);
    m_databases.clear();
}

void TestServerDatabase::sameTablesAndColumnsAsALocalFile()
{
    QTemporaryDir dir;
    auto local = Database::open(dir.filePath(QStringLiteral("local.sqlite")));
    QVERIFY(local.ok());
    auto server = Database::open(newDatabase());
    QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message));
    QCOMPARE(Storage::Migrations::latestVersion(Storage::Engine::Postgres), Storage::Migrations::latestVersion());
    QCOMPARE(server.value()->schemaVersion(), local.value()->schemaVersion());
    const auto localColumns = columnsOf(*local.value());
    QCOMPARE(columnsOf(*server.value()), localColumns);
    QStringList tables = Database::tables();
    tables.sort();
    QCOMPARE(QStringList(localColumns.keys()), tables); // the copy's list names every table
}

void TestServerDatabase::upgradesFromEveryOlderVersion()
{
    QStringList freshTables;
    {
        auto fresh = Database::open(newDatabase());
        QVERIFY(fresh.ok());
        freshTables = columnsOf(*fresh.value()).keys();
    }
    const int latest = Storage::Migrations::latestVersion(Storage::Engine::Postgres);
    for (int v = 1; v < latest; ++v) {
        const QString url = newDatabase();
        {
            auto old = Database::open(url, upTo(v));
            QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().message));
            QCOMPARE(old.value()->schemaVersion(), v);
            QSqlQuery q(old.value()->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO members (first_name, last_name, created_at, updated_at) VALUES "
                                          "('Hélène', 'Côté', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')")));
        }
        auto db = Database::open(url);
        QVERIFY2(db.ok(),
                 qPrintable(QStringLiteral("from v%1: %2").arg(v).arg(db.ok() ? QString() : db.error().message)));
        QCOMPARE(db.value()->schemaVersion(), latest);
        QCOMPARE(QStringList(columnsOf(*db.value()).keys()), freshTables);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT first_name FROM members")) && q.next());
        QCOMPARE(q.value(0).toString(), QString::fromUtf8("Hélène"));
        // The identity column goes on after the row written by the older version.
        QVERIFY(q.exec(QStringLiteral("INSERT INTO members (first_name, last_name, created_at, updated_at) VALUES "
                                      "('Jean', 'Tremblay', 'x', 'x') RETURNING id")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }
}

void TestServerDatabase::failedMigrationLeavesTheDatabaseAsItWas()
{
    const QString url = newDatabase();
    {
        auto db = Database::open(url);
        QVERIFY(db.ok());
    }
    QList<Migration> list = Storage::Migrations::all(Storage::Engine::Postgres);
    const int next = Storage::Migrations::latestVersion(Storage::Engine::Postgres) + 1;
    list.append({next, QStringLiteral("test_column"), QStringLiteral("ALTER TABLE members ADD COLUMN nickname text;")});
    list.append({next + 1, QStringLiteral("test_broken"),
                 QStringLiteral("CREATE TABLE extra_things (id bigint PRIMARY KEY);\nTHIS IS NOT SQL;")});
    auto failed = Database::open(url, list);
    QVERIFY(!failed.ok());
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT version FROM carnet_schema")), QString::number(next - 1));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE "
                                                    "column_name = 'nickname'")),
             QStringLiteral("0"));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT to_regclass('extra_things') IS NULL")),
             QStringLiteral("true"));
    list.removeLast();
    auto upgraded = Database::open(url, list);
    QVERIFY(upgraded.ok());
    QCOMPARE(upgraded.value()->schemaVersion(), next);
}

void TestServerDatabase::twoComputersOpeningANewDatabase()
{
    const QString url = newDatabase();
    QString errors[2];
    int versions[2] = {0, 0};
    QThread *threads[2];
    for (int i = 0; i < 2; ++i) {
        threads[i] = QThread::create([&, i] {
            auto db = Database::open(url);
            if (db.ok())
                versions[i] = db.value()->schemaVersion();
            else
                errors[i] = db.error().message;
        });
    }
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        QVERIFY(t->wait(60000));
        delete t;
    }
    QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
    QCOMPARE(versions[0], Storage::Migrations::latestVersion(Storage::Engine::Postgres));
    QCOMPARE(versions[1], versions[0]);
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT count(*) FROM purposes")), QStringLiteral("2"));
}

void TestServerDatabase::refusesWhatIsNotCarnetsOrTooNew()
{
    const QString foreign = newDatabase();
    QVERIFY(TestServer::exec(foreign, QStringLiteral("CREATE TABLE books (id int)")));
    auto refused = Database::open(foreign);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Core::Error::Code::NotCarnet);
    QCOMPARE(TestServer::scalar(foreign, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")),
             QStringLiteral("1"));
    const QString newer = newDatabase();
    {
        auto db = Database::open(newer);
        QVERIFY(db.ok());
    }
    QVERIFY(TestServer::exec(newer, QStringLiteral("UPDATE carnet_schema SET version = 99")));
    auto tooNew = Database::open(newer);
    QVERIFY(!tooNew.ok());
    QCOMPARE(tooNew.error().code, Core::Error::Code::TooNew);
    QCOMPARE(TestServer::scalar(newer, QStringLiteral("SELECT version FROM carnet_schema")), QStringLiteral("99"));
}

void TestServerDatabase::refusesBadAddresses()
{
    for (const char *url :
         {"postgresql://bureau@membres.example.org/carnet?sslmode=disable",
          "postgresql://bureau@membres.example.org/carnet?sslmode=prefer", "postgresql://bureau@membres.example.org/",
          "postgresql://bureau@membres.example.org/a/b", "postgresql://bureau@localhost/carnet?sslmode=sometimes",
          "postgresql://bureau@localhost/carnet?colour=blue"}) {
        auto location = Storage::Location::parse(QString::fromLatin1(url));
        QVERIFY2(!location.ok(), url);
        QCOMPARE(location.error().code, Core::Error::Code::Invalid);
    }
    auto remote = Storage::Location::parse(QStringLiteral("postgresql://bureau@membres.example.org:5433/carnet"));
    QVERIFY(remote.ok());
    QCOMPARE(remote.value().sslMode, QStringLiteral("verify-full")); // another computer: checked by default
    QCOMPARE(remote.value().display(), QStringLiteral("bureau@membres.example.org:5433/carnet"));
    auto local = Storage::Location::parse(QStringLiteral("postgresql://bureau:secret@localhost/carnet"));
    QVERIFY(local.ok());
    QCOMPARE(local.value().sslMode, QStringLiteral("prefer"));
    QVERIFY(!local.value().text.contains(QStringLiteral("secret"))); // never shown
    QCOMPARE(local.value().password, QStringLiteral("secret"));
    auto socket = Storage::Location::parse(QStringLiteral("postgresql://bureau@/carnet?host=/var/run/postgresql"));
    QVERIFY(socket.ok());
    QCOMPARE(socket.value().host, QStringLiteral("/var/run/postgresql"));
    QVERIFY(socket.value().isLocalHost());
}

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_serverdatabase.moc"
