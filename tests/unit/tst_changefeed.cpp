// The shared member file's notifications on the run's real PostgreSQL server: every committed change is heard by
// another connection's feed, ids only — through Carnet's services or a raw statement as psql would send it; a
// rolled-back change says nothing; a transaction of many members says "everything" once; a feed whose
// connection is cut connects again by itself, subscribes again and says what it missed; the "being edited"
// markers are seen by the others and go away with the session that held them.
#include "TempDatabase.h"
#include "TestServer.h"

#include "storage/ChangeFeed.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using Storage::ChangeFeed;

class TestChangeFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(TestServer::enabled()); }
    void init();
    void cleanup();
    void hearsEveryKindOfChange();
    void saysEverythingOnceForABulkChange();
    void connectsAgainAfterTheConnectionIsCut();
    void markersShowWhoEditsAndGoAwayWithTheSession();
    void aLocalFileHasNoFeed();

private:
    std::unique_ptr<ChangeFeed> listeningFeed();
    bool sql(const QString &statement) { return TestServer::exec(m_db->path(), statement); }

    std::unique_ptr<TempDatabase> m_db;
};

void TestChangeFeed::init()
{
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->errorMessage()));
    QVERIFY(m_db->isServer());
    m_db->add(QStringLiteral("Léa"), QStringLiteral("Roy"), QStringLiteral("lea@example.org"));
    m_db->add(QStringLiteral("Marc"), QStringLiteral("Côté"), QStringLiteral("marc@example.org"));
}

void TestChangeFeed::cleanup()
{
    m_db.reset();
}

std::unique_ptr<ChangeFeed> TestChangeFeed::listeningFeed()
{
    auto feed = ChangeFeed::create(m_db->context().database());
    if (!feed)
        return nullptr;
    if (!feed->isListening()) {
        QSignalSpy listening(feed.get(), &ChangeFeed::listeningChanged);
        if (!listening.wait(10000))
            return nullptr;
    }
    return feed;
}

void TestChangeFeed::hearsEveryKindOfChange()
{
    auto feed = listeningFeed();
    QVERIFY(feed);
    QSignalSpy members(feed.get(), &ChangeFeed::membersChanged);
    QSignalSpy consent(feed.get(), &ChangeFeed::consentChanged);
    QSignalSpy everything(feed.get(), &ChangeFeed::everythingChanged);
    QSignalSpy mail(feed.get(), &ChangeFeed::mailChanged);
    QSignalSpy purposes(feed.get(), &ChangeFeed::purposesChanged);

    // Through the services: an edit, an addition, a deletion.
    Core::Member lea = m_db->members().find(1).value();
    lea.city = QStringLiteral("Lyon");
    QVERIFY(m_db->members().save(lea).ok());
    QVERIFY(members.wait(5000));
    QCOMPARE(members.takeFirst().at(0).value<QList<qint64>>(), QList<qint64>{1});
    const Core::Member added =
        m_db->add(QStringLiteral("Inès"), QStringLiteral("Dubé"), QStringLiteral("i@example.org"));
    QVERIFY(members.wait(5000));
    QCOMPARE(members.takeFirst().at(0).value<QList<qint64>>(), QList<qint64>{added.id});
    QVERIFY(m_db->members().remove(added.id).ok());
    QVERIFY(members.wait(5000));
    QCOMPARE(members.takeFirst().at(0).value<QList<qint64>>(), QList<qint64>{added.id});

    // As psql would: two members in one statement, one notification each, gathered into one signal.
    QVERIFY(sql(QStringLiteral("UPDATE members SET notes = 'psql' WHERE id IN (1, 2)")));
    QVERIFY(members.wait(5000));
    QCOMPARE(members.takeFirst().at(0).value<QList<qint64>>(), (QList<qint64>{1, 2}));

    // A rolled-back change is never announced.
    QVERIFY(sql(QStringLiteral("DO $$ BEGIN UPDATE members SET notes = 'no' WHERE id = 2; "
                               "RAISE EXCEPTION 'rolled back'; END $$")) == false);
    QVERIFY(!members.wait(500));

    // A consent event: the member's id on the consent signal.
    QVERIFY(sql(QStringLiteral(
        "INSERT INTO consent_events (member_id, purpose, action, basis, occurred_on, recorded_at, source) "
        "VALUES (2, 'newsletter', 'grant', 'express', '2026-11-01', '2026-11-01T10:00:00Z', 'form')")));
    QVERIFY(consent.wait(5000));
    QCOMPARE(consent.takeFirst().at(0).value<QList<qint64>>(), QList<qint64>{2});

    // The outbox and the purposes: one signal each, no ids.
    QVERIFY(sql(QStringLiteral("INSERT INTO mail_batches (subject, created_at) VALUES ('Hello', 'now')")));
    QVERIFY(mail.wait(5000));
    QVERIFY(sql(QStringLiteral("INSERT INTO purposes (key, label, default_basis_ca, default_basis_eu, created_at) "
                               "VALUES ('events', 'Events', 'express', 'express', 'now')")));
    QVERIFY(purposes.wait(5000));
    QCOMPARE(everything.count(), 0);
}

void TestChangeFeed::saysEverythingOnceForABulkChange()
{
    auto feed = listeningFeed();
    QVERIFY(feed);
    QSignalSpy members(feed.get(), &ChangeFeed::membersChanged);
    QSignalSpy everything(feed.get(), &ChangeFeed::everythingChanged);
    QVERIFY(sql(
        QStringLiteral("INSERT INTO members (first_name, last_name, email, email_key, created_at, updated_at) "
                       "SELECT 'P' || i, 'N' || i, 'p' || i || '@example.org', 'p' || i || '@example.org', 'x', 'x' "
                       "FROM generate_series(1, 2000) i")));
    QVERIFY(everything.wait(5000));
    QTest::qWait(300);
    QCOMPARE(everything.count(), 1);
    QCOMPARE(members.count(), 0); // the first 500 ids are folded into "everything", never said one by one
}

void TestChangeFeed::connectsAgainAfterTheConnectionIsCut()
{
    auto feed = listeningFeed();
    QVERIFY(feed);
    feed->setRetryDelay(100);
    QSignalSpy listening(feed.get(), &ChangeFeed::listeningChanged);
    QSignalSpy everything(feed.get(), &ChangeFeed::everythingChanged);
    QSignalSpy members(feed.get(), &ChangeFeed::membersChanged);
    const int pid = feed->backendPid();
    QVERIFY(pid > 0);
    QVERIFY(sql(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
    QTRY_VERIFY_WITH_TIMEOUT(listening.count() >= 2, 10000); // lost, then back
    QCOMPARE(listening.first().at(0).toBool(), false);
    QCOMPARE(listening.last().at(0).toBool(), true);
    QVERIFY(feed->isListening());
    QVERIFY(feed->backendPid() != pid);
    QCOMPARE(everything.count(), 1); // what was committed meanwhile was not heard: everything is read again
    // Subscribed again: the next change is heard.
    QVERIFY(sql(QStringLiteral("UPDATE members SET city = 'Nantes' WHERE id = 2")));
    QVERIFY(members.wait(5000));
    QCOMPARE(members.takeFirst().at(0).value<QList<qint64>>(), QList<qint64>{2});
}

void TestChangeFeed::markersShowWhoEditsAndGoAwayWithTheSession()
{
    auto ana = listeningFeed();
    auto bob = listeningFeed();
    QVERIFY(ana && bob);
    const QString login = TestServer::value(QStringLiteral("CARNET_PG_USER"));
    QSignalSpy seen(bob.get(), &ChangeFeed::editorsChanged);
    ana->beginEditing(1);
    QTRY_COMPARE_WITH_TIMEOUT(bob->editorsOf(1), QStringList{login}, 5000);
    QVERIFY(ana->editorsOf(1).isEmpty()); // one's own marker is not shown to oneself
    QVERIFY(bob->editorsOf(2).isEmpty());
    // Two editors of one member (two dialogs in one window) keep the marker until the last closes.
    ana->beginEditing(1);
    ana->endEditing(1);
    QTest::qWait(300);
    QCOMPARE(bob->editorsOf(1), QStringList{login});
    ana->endEditing(1);
    QTRY_VERIFY_WITH_TIMEOUT(bob->editorsOf(1).isEmpty(), 5000);

    // The computer disappears while editing: its session ends, the marker with it — no stale lock.
    ana->beginEditing(2);
    QTRY_COMPARE_WITH_TIMEOUT(bob->editorsOf(2), QStringList{login}, 5000);
    ana->setRetryDelay(60000); // it does not come back during this test
    QVERIFY(sql(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(ana->backendPid())));
    QTRY_VERIFY_WITH_TIMEOUT(!ana->isListening(), 5000);
    bob->refreshEditors(); // nobody announced it: the next look finds nothing
    QTRY_VERIFY_WITH_TIMEOUT(bob->editorsOf(2).isEmpty(), 5000);
    // A window that closes takes its markers with it.
    auto carl = listeningFeed();
    QVERIFY(carl);
    carl->beginEditing(1);
    QTRY_COMPARE_WITH_TIMEOUT(bob->editorsOf(1), QStringList{login}, 5000);
    carl.reset();
    bob->refreshEditors();
    QTRY_VERIFY_WITH_TIMEOUT(bob->editorsOf(1).isEmpty(), 5000);
}

void TestChangeFeed::aLocalFileHasNoFeed()
{
    QTemporaryDir dir;
    auto db = Storage::Database::open(dir.filePath(QStringLiteral("local.carnet")));
    QVERIFY(db.ok());
    QVERIFY(!ChangeFeed::create(*db.value()));
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
