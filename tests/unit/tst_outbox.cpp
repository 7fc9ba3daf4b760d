// The persistent outbox on a real SQLite file, driven through the SMTP session against an in-memory
// server: every recipient accounted for, nothing sent twice, limits respected.
#include "FakeSmtpTransport.h"
#include "TempDatabase.h"
#include "mail/MimeMessage.h"
#include "mail/Outbox.h"
#include "mail/OutboxRunner.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

using namespace Mail;

namespace {

QList<OutgoingItem> items(const QStringList &addresses)
{
    QList<OutgoingItem> out;
    for (const QString &a : addresses) {
        Message m;
        m.from = {QStringLiteral("Bureau"), QStringLiteral("bureau@asso.example.org")};
        m.to = {{QString(), a}};
        m.subject = QStringLiteral("Assemblée générale");
        m.text = QStringLiteral("Bonjour,\nRendez-vous samedi.\n");
        auto built = Mime::build(m);
        if (!built.ok())
            continue;
        out.append({built.value().envelopeTo.first(), built.value().envelopeFrom, built.value().needsSmtpUtf8,
                    built.value().bytes, built.value().messageId, 0});
    }
    return out;
}

QStringList addresses(int n, const QString &prefix = QStringLiteral("m"))
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out.append(QStringLiteral("%1%2@example.org").arg(prefix).arg(i));
    return out;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendsEachRecipientOnce();
    void outcomesPerRecipient();
    void droppedAfterTheDotIsUnknownUntilResolved();
    void interruptedRunIsNeverResentBlindly();
    void perMinuteLimitStopsAndResumes();
    void perConnectionLimitOpensNewConnections();
    void cancelStopsWhatIsLeft();
    void givesUpAfterTooManyAttempts();
    void serverDownLeavesEverythingQueued();
    void retryTouchesOnlyFailedAndDeferred();
    void aMemberIsQueuedOncePerBatch();
    void gateCancelsJustBeforeSending();
    void gateThatCannotAnswerCancelsNothing();
    void messagesTakenByAnotherComputerAreLeftToIt();
    void countsAndListsOneBatchOrEvery();

private:
    OutboxRunner::Summary runOnce(Limits limits = {}, qint64 batch = 0, OutboxRunner::Gate gate = {});

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<Outbox> m_outbox;
    FakeSmtpServer::Shared m_server;
    bool m_serverDown = false;
};

void TestOutbox::init()
{
    m_db = std::make_unique<TempDatabase>();
    QVERIFY(m_db->ok());
    m_outbox = std::make_unique<Outbox>(m_db->context().database(), m_db->clock());
    m_server = FakeSmtpServer::Shared();
    m_serverDown = false;
}

void TestOutbox::cleanup()
{
    m_outbox.reset();
    m_db.reset();
}

OutboxRunner::Summary TestOutbox::runOnce(Limits limits, qint64 batch, OutboxRunner::Gate gate)
{
    Smtp::Settings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.security = Smtp::Security::None;
    settings.greetingTimeoutMs = settings.commandTimeoutMs = settings.dataTimeoutMs = settings.finalDotTimeoutMs = 500;
    OutboxRunner runner(
        *m_outbox, settings, limits, 60,
        [this]() -> std::unique_ptr<Smtp::Transport> {
            if (m_serverDown) {
                auto fake = std::make_unique<FakeTransport>();
                fake->greeting = "421 4.3.2 Service not available\r\n";
                return fake;
            }
            return std::make_unique<FakeSmtpServer>(&m_server);
        },
        batch);
    runner.setGate(std::move(gate));
    bool finished = false;
    connect(&runner, &OutboxRunner::finished, this, [&] { finished = true; });
    runner.start();
    QElapsedTimer timer;
    timer.start();
    while (!finished && timer.elapsed() < 10000)
        QTest::qWait(5);
    return runner.summary();
}

void TestOutbox::sendsEachRecipientOnce()
{
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(5)));
    QVERIFY(batch.ok());
    OutboxRunner::Summary s = runOnce();
    QCOMPARE(s.sent, 5);
    QCOMPARE(m_server.delivered.size(), 5);
    QCOMPARE(m_server.connections, 1);
    QCOMPARE(m_outbox->counts(batch.value()).value().value(QStringLiteral("sent")), 5);
    // A second run finds nothing to do.
    s = runOnce();
    QCOMPARE(s.sent, 0);
    QCOMPARE(m_server.delivered.size(), 5);
    // What arrived is what was queued, dot-stuffing undone.
    QVERIFY(m_server.messages.first().contains("Subject: =?UTF-8?B?"));
}

void TestOutbox::outcomesPerRecipient()
{
    m_server.rcptReply.insert(QStringLiteral("gone@example.org"), "550 5.1.1 No such user");
    m_server.rcptReply.insert(QStringLiteral("busy@example.org"), "450 4.2.1 Mailbox busy, try later");
    m_server.rcptReply.insert(QStringLiteral("full@example.org"), "452 4.2.2 Mailbox full");
    m_server.finalReply.insert(QStringLiteral("spam@example.org"), "554 5.7.1 Message refused");
    m_server.finalReply.insert(QStringLiteral("grey@example.org"), "451 4.7.1 Greylisted, come back later");
    const QStringList all = {QStringLiteral("ok@example.org"),   QStringLiteral("gone@example.org"),
                             QStringLiteral("busy@example.org"), QStringLiteral("full@example.org"),
                             QStringLiteral("spam@example.org"), QStringLiteral("grey@example.org")};
    auto batch = m_outbox->queue(QStringLiteral("News"), QStringLiteral("newsletter"), items(all));
    QVERIFY(batch.ok());
    OutboxRunner::Summary s = runOnce();
    QCOMPARE(s.sent, 1);
    QCOMPARE(s.failed, 2);
    QCOMPARE(s.deferred, 3);
    QHash<QString, Delivery> byAddress;
    for (const Delivery &d : m_outbox->deliveries(batch.value()).value())
        byAddress.insert(d.address, d);
    QCOMPARE(byAddress[QStringLiteral("gone@example.org")].state, DeliveryState::Failed);
    QCOMPARE(byAddress[QStringLiteral("gone@example.org")].replyCode, 550);
    QCOMPARE(byAddress[QStringLiteral("gone@example.org")].replyEnhanced, QStringLiteral("5.1.1"));
    QCOMPARE(byAddress[QStringLiteral("gone@example.org")].replyText, QStringLiteral("No such user"));
    QCOMPARE(byAddress[QStringLiteral("spam@example.org")].state, DeliveryState::Failed);
    QCOMPARE(byAddress[QStringLiteral("busy@example.org")].state, DeliveryState::Deferred);
    QCOMPARE(byAddress[QStringLiteral("busy@example.org")].nextAttemptAt, m_db->clock().now().addSecs(60));
    QCOMPARE(byAddress[QStringLiteral("grey@example.org")].state, DeliveryState::Deferred);

    // Not yet time: nothing is retried.
    s = runOnce();
    QCOMPARE(s.sent + s.deferred + s.failed, 0);
    // After the backoff, only the deferred are tried again; the server is happy now.
    m_server.rcptReply.clear();
    m_server.finalReply.clear();
    m_db->clock().set(m_db->clock().now().addSecs(61));
    s = runOnce();
    QCOMPARE(s.sent, 3);
    QCOMPARE(m_server.delivered.size(), 4);
    QCOMPARE(QSet<QString>(m_server.delivered.begin(), m_server.delivered.end()).size(), 4); // no duplicate
    QCOMPARE(m_outbox->counts(batch.value()).value().value(QStringLiteral("failed")), 2);
    QCOMPARE(byAddress[QStringLiteral("busy@example.org")].attempts, 1);
    QCOMPARE(m_outbox->deliveries(batch.value()).value().at(2).attempts, 2);
}

void TestOutbox::droppedAfterTheDotIsUnknownUntilResolved()
{
    m_server.dropAfterDot.insert(QStringLiteral("m1@example.org"));
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(3)));
    OutboxRunner::Summary s = runOnce();
    QCOMPARE(s.unknown, 1);
    QCOMPARE(s.sent, 2); // the run went on with a new connection
    QCOMPARE(m_server.connections, 2);
    // Unknown is never re-sent by itself.
    m_server.dropAfterDot.clear();
    m_db->clock().set(m_db->clock().now().addDays(1));
    s = runOnce();
    QCOMPARE(s.sent, 0);
    const Delivery unknown = m_outbox->deliveries(batch.value()).value().at(1);
    QCOMPARE(unknown.state, DeliveryState::Unknown);
    // The user decides: resend.
    QVERIFY(m_outbox->resolve(unknown.id, false).ok());
    s = runOnce();
    QCOMPARE(s.sent, 1);
    QCOMPARE(m_server.delivered.count(QStringLiteral("m1@example.org")), 1);
    QVERIFY(!m_outbox->resolve(unknown.id, true).ok()); // only an unknown row can be resolved
}

void TestOutbox::interruptedRunIsNeverResentBlindly()
{
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(3)));
    // A run killed after writing `sending` for the first recipient: its session is gone (no process, no
    // server connection has this id: Linux pids stop at 4194304).
    const qint64 first = m_outbox->deliveries(batch.value()).value().first().id;
    QVERIFY(m_outbox->markSending(first).ok());
    QSqlQuery gone(m_db->context().database().connection());
    QVERIFY(gone.exec(QStringLiteral("UPDATE deliveries SET claimed_by = 'ana@elsewhere#%1' WHERE id = %2")
                          .arg(m_db->context().database().sessionTag().left(1) + QStringLiteral("4194305"))
                          .arg(first)));
    OutboxRunner::Summary s = runOnce();
    QCOMPARE(s.recovered, 1);
    QCOMPARE(s.sent, 2);
    QVERIFY(!m_server.delivered.contains(QStringLiteral("m0@example.org")));
    QCOMPARE(m_outbox->deliveries(batch.value()).value().first().state, DeliveryState::Unknown);
}

void TestOutbox::perMinuteLimitStopsAndResumes()
{
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(5)));
    Limits limits;
    limits.perMinute = 2;
    OutboxRunner::Summary s = runOnce(limits);
    QCOMPARE(s.sent, 2);
    QVERIFY(s.limited);
    QCOMPARE(s.resumeAt, m_db->clock().now().addSecs(60));
    s = runOnce(limits);
    QCOMPARE(s.sent, 0);
    m_db->clock().set(m_db->clock().now().addSecs(61));
    s = runOnce(limits);
    QCOMPARE(s.sent, 2);
    m_db->clock().set(m_db->clock().now().addSecs(61));
    s = runOnce(limits);
    QCOMPARE(s.sent, 1);
    QVERIFY(!s.limited);
    QCOMPARE(m_server.delivered.size(), 5);
    QCOMPARE(m_outbox->counts(batch.value()).value().value(QStringLiteral("sent")), 5);
    // A day limit works the same way: 1,200 members on a 500-a-day account take three days.
    Limits daily;
    daily.perDay = 3;
    QVERIFY(m_outbox->queue(QStringLiteral("Next"), QString(), items(addresses(4, QStringLiteral("d")))).ok());
    m_db->clock().set(m_db->clock().now().addDays(1));
    QCOMPARE(runOnce(daily).sent, 3);
    QCOMPARE(runOnce(daily).sent, 0);
    m_db->clock().set(m_db->clock().now().addDays(1));
    QCOMPARE(runOnce(daily).sent, 1);
}

void TestOutbox::perConnectionLimitOpensNewConnections()
{
    QVERIFY(m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(5))).ok());
    Limits limits;
    limits.perConnection = 2;
    OutboxRunner::Summary s = runOnce(limits);
    QCOMPARE(s.sent, 5);
    QCOMPARE(m_server.connections, 3);
}

void TestOutbox::cancelStopsWhatIsLeft()
{
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(4)));
    Limits limits;
    limits.perMinute = 1;
    QCOMPARE(runOnce(limits).sent, 1);
    auto cancelled = m_outbox->cancel(batch.value());
    QCOMPARE(cancelled.value(), 3);
    m_db->clock().set(m_db->clock().now().addSecs(3600));
    QCOMPARE(runOnce().sent, 0);
    const auto counts = m_outbox->counts(batch.value()).value();
    QCOMPARE(counts.value(QStringLiteral("sent")), 1);
    QCOMPARE(counts.value(QStringLiteral("cancelled")), 3);
    QVERIFY(!m_outbox->cancel(999).ok());
}

void TestOutbox::givesUpAfterTooManyAttempts()
{
    m_server.rcptReply.insert(QStringLiteral("m0@example.org"), "451 4.3.0 Later");
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(1)));
    for (int i = 0; i < Outbox::kMaxAttempts; ++i) {
        runOnce();
        m_db->clock().set(m_db->clock().now().addSecs(13 * 3600));
    }
    const Delivery d = m_outbox->deliveries(batch.value()).value().first();
    QCOMPARE(d.state, DeliveryState::Failed);
    QCOMPARE(d.attempts, Outbox::kMaxAttempts);
    QVERIFY(d.replyText.contains(QStringLiteral("Gave up")));
}

void TestOutbox::serverDownLeavesEverythingQueued()
{
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(3)));
    m_serverDown = true;
    OutboxRunner::Summary s = runOnce();
    QVERIFY(s.error.contains(QStringLiteral("421")));
    QCOMPARE(m_outbox->counts(batch.value()).value().value(QStringLiteral("queued")), 3);
    m_serverDown = false;
    QCOMPARE(runOnce().sent, 3);
}

void TestOutbox::retryTouchesOnlyFailedAndDeferred()
{
    m_server.rcptReply.insert(QStringLiteral("m0@example.org"), "550 5.1.1 No such user");
    m_server.rcptReply.insert(QStringLiteral("m1@example.org"), "450 4.2.1 Mailbox busy");
    m_server.dropAfterDot.insert(QStringLiteral("m2@example.org"));
    auto batch = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(4)));
    QVERIFY(batch.ok());
    OutboxRunner::Summary s = runOnce();
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.deferred, 1);
    QCOMPARE(s.unknown, 1);
    QCOMPARE(s.sent, 1);
    m_server.rcptReply.clear();
    m_server.dropAfterDot.clear();
    // Failed and deferred wait again, now, with a fresh count; sent and unknown stay as they are.
    QCOMPARE(m_outbox->retry(batch.value()).value(), 2);
    s = runOnce();
    QCOMPARE(s.sent, 2);
    QCOMPARE(m_server.delivered.count(QStringLiteral("m3@example.org")), 1);
    QCOMPARE(m_server.delivered.count(QStringLiteral("m0@example.org")), 1);
    const auto counts = m_outbox->counts(batch.value()).value();
    QCOMPARE(counts.value(QStringLiteral("sent")), 3);
    QCOMPARE(counts.value(QStringLiteral("unknown")), 1);
    QCOMPARE(m_outbox->retry(batch.value()).value(), 0);
}

void TestOutbox::aMemberIsQueuedOncePerBatch()
{
    QList<OutgoingItem> first = items(addresses(3));
    for (int i = 0; i < first.size(); ++i)
        first[i].memberId = m_db->add(QStringLiteral("M%1").arg(i), QStringLiteral("Membre"), first[i].address).id;
    auto batch = m_outbox->createBatch(QStringLiteral("News"), QStringLiteral("newsletter"));
    QVERIFY(batch.ok());
    QCOMPARE(m_outbox->append(batch.value(), first).value(), 3);
    // The same members again (a second resolution of the audience): the database itself refuses them.
    QCOMPARE(m_outbox->append(batch.value(), first).value(), 0);
    QCOMPARE(m_outbox->deliveries(batch.value()).value().size(), 3);
    // Another batch is another message.
    auto other = m_outbox->createBatch(QStringLiteral("News 2"), QStringLiteral("newsletter"));
    QCOMPARE(m_outbox->append(other.value(), first.mid(0, 1)).value(), 1);
}

void TestOutbox::gateCancelsJustBeforeSending()
{
    auto batch = m_outbox->queue(QStringLiteral("News"), QString(), items(addresses(3)));
    QVERIFY(batch.ok());
    QStringList asked;
    OutboxRunner::Summary s = runOnce({}, 0, [&asked](const Delivery &d) {
        asked.append(d.address);
        return d.address == QLatin1String("m1@example.org") ? QStringLiteral("Not sent: withdrawn") : QString();
    });
    QCOMPARE(asked.size(), 3);
    QCOMPARE(s.sent, 2);
    QCOMPARE(s.cancelled, 1);
    QCOMPARE(m_server.delivered.count(QStringLiteral("m1@example.org")), 0);
    const Delivery stopped = m_outbox->deliveries(batch.value()).value().at(1);
    QCOMPARE(stopped.state, DeliveryState::Cancelled);
    QCOMPARE(stopped.replyText, QStringLiteral("Not sent: withdrawn"));
    QCOMPARE(m_outbox->retry(batch.value()).value(), 0); // a cancelled message is not retried
}

// The database cannot answer the gate (a server restarting): nothing is cancelled for that; the message
// stays queued, the run stops with the reason, and the next run sends it.
void TestOutbox::gateThatCannotAnswerCancelsNothing()
{
    auto batch = m_outbox->queue(QStringLiteral("News"), QString(), items(addresses(3)));
    QVERIFY(batch.ok());
    OutboxRunner::Summary s = runOnce({}, 0, [](const Delivery &d) -> Core::Result<QString> {
        if (d.address == QLatin1String("m1@example.org"))
            return Core::Error::make(Core::Error::Code::Connection, QStringLiteral("server away"));
        return QString();
    });
    QCOMPARE(s.sent, 1);
    QCOMPARE(s.cancelled, 0);
    QCOMPARE(s.error, QStringLiteral("server away"));
    QCOMPARE(m_outbox->deliveries(batch.value()).value().at(1).state, DeliveryState::Queued);
    QCOMPARE(m_outbox->deliveries(batch.value()).value().at(2).state, DeliveryState::Queued);
    s = runOnce();
    QCOMPARE(s.sent, 2);
    QCOMPARE(m_server.delivered.count(QStringLiteral("m1@example.org")), 1);
}

// Another computer's run takes messages from under this one (here: just as this run is about to claim them).
// Each is sent once, by whoever claimed it; this run does not follow the other one message after message but
// goes on elsewhere in its list and reads again what is still waiting.
void TestOutbox::messagesTakenByAnotherComputerAreLeftToIt()
{
    const int n = 60;
    auto batch = m_outbox->queue(QStringLiteral("News"), QString(), items(addresses(n)));
    QVERIFY(batch.ok());
    Outbox other(m_db->context().database(), m_db->clock());
    QSet<qint64> takenIds;
    bool recorded = true;
    int asked = 0;
    qint64 lost = 0;  // the message this run just lost to the other computer
    int followed = 0; // times it then went straight to the next one, which the other computer has too
    int losses = 0;
    OutboxRunner::Summary s = runOnce({}, 0, [&](const Delivery &d) -> Core::Result<QString> {
        ++asked;
        if (lost && d.id == lost + 1)
            ++followed;
        lost = 0;
        // The other computer is a step ahead on one message in three, and on the two after it.
        if (d.id % 3 == 0) {
            for (qint64 id = d.id; id < d.id + 3; ++id) {
                if (other.markSending(id, nullptr).ok()) {
                    recorded = recorded && other.markResult(id, Smtp::Outcome::Sent, {}, 60).ok();
                    takenIds.insert(id);
                }
            }
            lost = d.id;
            ++losses;
        }
        return QString();
    });
    QVERIFY(recorded);
    QVERIFY(s.error.isEmpty());
    QStringList takenByOther;
    for (const Delivery &d : m_outbox->deliveries(batch.value()).value())
        if (takenIds.contains(d.id))
            takenByOther.append(d.address);
    QVERIFY(!takenByOther.isEmpty());
    QCOMPARE(s.sent + takenByOther.size(), n);
    for (const QString &address : takenByOther)
        QCOMPARE(m_server.delivered.count(address), 0);
    QCOMPARE(QSet<QString>(m_server.delivered.begin(), m_server.delivered.end()).size(), m_server.delivered.size());
    QCOMPARE(m_outbox->counts(batch.value()).value().value(QStringLiteral("sent")), n);
    QVERIFY2(asked < 2 * n, qPrintable(QStringLiteral("%1 messages looked at").arg(asked)));
    QVERIFY2(followed * 2 < losses, qPrintable(QStringLiteral("followed %1 times of %2").arg(followed).arg(losses)));
}

void TestOutbox::countsAndListsOneBatchOrEvery()
{
    auto first = m_outbox->queue(QStringLiteral("AG"), QString(), items(addresses(3, QStringLiteral("a"))));
    auto second = m_outbox->queue(QStringLiteral("News"), QString(), items(addresses(4, QStringLiteral("n"))));
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(runOnce().sent, 7);
    // One message of the second batch came back.
    const qint64 returned = m_outbox->deliveries(second.value()).value().at(1).id;
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY(q.prepare(QStringLiteral("UPDATE deliveries SET bounce_category = 'address_unknown' WHERE id = ?")));
    q.addBindValue(returned);
    QVERIFY(q.exec());

    auto one = m_outbox->counts(first.value()).value();
    QCOMPARE(one.value(QStringLiteral("sent")), 3);
    QCOMPARE(one.value(QStringLiteral("bounced")), 0);
    QCOMPARE(one.value(QStringLiteral("queued")), 0); // every state is there, 0 included
    auto other = m_outbox->counts(second.value()).value();
    QCOMPARE(other.value(QStringLiteral("sent")), 4);
    QCOMPARE(other.value(QStringLiteral("bounced")), 1);
    auto every = m_outbox->counts(0).value();
    QCOMPARE(every.value(QStringLiteral("sent")), 7);
    QCOMPARE(every.value(QStringLiteral("bounced")), 1);

    // The list: one batch or every one, in the order queued, as many as asked.
    const QList<Delivery> all = m_outbox->deliveries(0).value();
    QCOMPARE(all.size(), 7);
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all[i - 1].id < all[i].id);
    const QList<Delivery> firstFive = m_outbox->deliveries(0, 5).value();
    QCOMPARE(firstFive.size(), 5);
    QCOMPARE(firstFive.last().id, all[4].id);
    const QList<Delivery> ofSecond = m_outbox->deliveries(second.value(), 2).value();
    QCOMPARE(ofSecond.size(), 2);
    QCOMPARE(ofSecond[0].address, QStringLiteral("n0@example.org"));
    QCOMPARE(ofSecond[1].id, returned);
    QCOMPARE(m_outbox->deliveries(second.value(), 0).value().size(), 0);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
