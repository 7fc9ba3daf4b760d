// The window and other programs on one member file at the same time, as the README says is supported: the
// window keeps its SQLite locks (its write-ahead log is never deleted under it), each side sees the other's
// changes, the window's campaign goes out whole, and the file stays sound. Driven offscreen against a real
// SMTP server on 127.0.0.1 (aiosmtpd) and the real carnet-cli.
#include "CliRun.h"
#include "FileWait.h"
#include "LocalSmtpServer.h"
#include "WindowTest.h"

#include <QFileInfo>

class TestSharedFile : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installLanguage(); }
    void init();
    void cleanup();
    void windowKeepsItsLocksWhileOthersUseTheFile();
    void quittingWithMessagesWaitingAsks();
    void openingWaitsInSightForALoneWriter();
    void waitingForALoneWriterCanBeCancelled();

private:
    qint64 queueMessages(int count);
    QString closedFileWithOneMember();
    bool holdAlone(QProcess &holder, const QString &path);

    QTemporaryDir m_dir;
    LocalSmtpServer m_server;
};

void TestSharedFile::init()
{
    QVERIFY(setUp());
    static int n = 0;
    // A little time per message, so the sending overlaps everything else the test does.
    QVERIFY(m_server.start(QStringLiteral("plain"), m_dir.filePath(QStringLiteral("out%1").arg(++n)), {}, {}, 0.15));
    QVERIFY(useLocalServer(m_server.port()));
}

void TestSharedFile::cleanup()
{
    m_server.stop();
    tearDown();
}

qint64 TestSharedFile::queueMessages(int count)
{
    QStringList addresses;
    for (int i = 0; i < count; ++i)
        addresses.append(QStringLiteral("membre%1@example.org").arg(i, 2, 10, QLatin1Char('0')));
    Mail::Outbox outbox(m_db->context().database(), m_db->clock());
    auto batch =
        outbox.queue(QStringLiteral("AG"), QString(),
                     plainMessages({QStringLiteral("Bureau"), QStringLiteral("bureau@asso.example.org")}, addresses));
    return batch.ok() ? batch.value() : 0;
}

void TestSharedFile::windowKeepsItsLocksWhileOthersUseTheFile()
{
    constexpr int kMessages = 24;
    const qint64 batch = queueMessages(kMessages);
    QVERIFY(batch > 0);
    auto w = openWindow(); // its worker connections: the search index, the consent counts
    QVERIFY(w);
    const QString path = m_db->path();
    const QString wal = path + QStringLiteral("-wal");
    QVERIFY(QFile::exists(wal));
    // Watch the write-ahead log for as long as the window is open.
    bool walVanished = false;
    QTimer watch;
    watch.setInterval(2);
    connect(&watch, &QTimer::timeout, this, [&] { walVanished = walVanished || !QFile::exists(wal); });
    watch.start();

    w->resumeSending(); // the campaign goes in the background, on the window's sending worker
    const QStringList db{QStringLiteral("--database"), path};
    for (int round = 0; round < 4; ++round) {
        // Another program reads and writes.
        const Run list = cli(db + QStringList{QStringLiteral("members"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const QString added = QStringLiteral("cli%1@example.org").arg(round);
        const Run add =
            cli(db + QStringList{QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--first-name"),
                                 QStringLiteral("Cli"), QStringLiteral("--last-name"),
                                 QStringLiteral("Tour %1").arg(round), QStringLiteral("--email"), added});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        // A second member file context in this process opens and closes the same file.
        {
            auto other = AppContext::open(path, nullptr, nullptr, nullptr);
            QVERIFY(other.ok());
            QVERIFY(other.value()->members().count().ok());
        }
        QVERIFY2(!walVanished, "the window's write-ahead log was deleted under it");
        // The other program's member shows in the window within 2 s, without anything done here.
        QTRY_VERIFY_WITH_TIMEOUT(m_db->members().findByEmail(added).ok() &&
                                     w->memberModel()->rowOfMember(m_db->members().findByEmail(added).value().id) >= 0,
                                 2000);
        // A member added in the window is seen by the other program at once.
        Core::Member m;
        m.firstName = QStringLiteral("Fenêtre");
        m.lastName = QStringLiteral("Tour %1").arg(round);
        m.email = QStringLiteral("fenetre%1@example.org").arg(round);
        auto saved = m_db->members().save(m);
        QVERIFY(saved.ok());
        w->memberModel()->memberSaved(saved.value());
        const Run seen =
            cli(db + QStringList{QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(seen.exitCode, 0);
        QVERIFY2(seen.out.contains(m.email.toUtf8()), seen.out.constData());
    }
    // The whole campaign went, once per address.
    QTRY_COMPARE_WITH_TIMEOUT(m_server.received().size(), kMessages, 30000);
    Mail::Outbox outbox(m_db->context().database(), m_db->clock());
    QTRY_COMPARE_WITH_TIMEOUT(outbox.counts(batch).value().value(QStringLiteral("sent")), qint64(kMessages), 10000);
    const QStringList received = m_server.received();
    QCOMPARE(QSet<QString>(received.cbegin(), received.cend()).size(), kMessages);
    QVERIFY2(!walVanished, "the window's write-ahead log was deleted under it");
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    q.finish();
    QCOMPARE(m_db->members().count().value(), 3 + 4 + 4);
    watch.stop();
}

// Closing the window while messages wait asks what to do with them.
void TestSharedFile::quittingWithMessagesWaitingAsks()
{
    m_server.stop(); // nothing goes: the messages stay waiting
    QVERIFY(queueMessages(3) > 0);
    auto w = openWindow();
    QVERIFY(w);
    // "Keep waiting": the window stays open.
    Gui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!w->close());
    QVERIFY(w->isVisible());
    const QString asked = Gui::MessageBox::lastText();
    QVERIFY2(asked.contains(QStringLiteral("3")), qPrintable(asked));
    // "Send them later": the window closes; the messages are still in the outbox for the next time.
    Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(w->close());
    Mail::Outbox outbox(m_db->context().database(), m_db->clock());
    QCOMPARE(outbox.due(0, 10).value().size(), 3);
}

// A member file no connection of this process has open (a window started on it would be the first).
QString TestSharedFile::closedFileWithOneMember()
{
    const QString path = m_dir.filePath(QStringLiteral("alone%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch()));
    const Run add = cli({QStringLiteral("--database"), path, QStringLiteral("members"), QStringLiteral("add"),
                         QStringLiteral("--first-name"), QStringLiteral("Seule"), QStringLiteral("--last-name"),
                         QStringLiteral("Membre"), QStringLiteral("--email"), QStringLiteral("seule@example.org")});
    return add.exitCode == 0 ? path : QString();
}

// Another program holds the file as a lone `carnet-cli import` does (Database::writeAlone): out of WAL, into a
// rollback journal, an exclusive lock — then lets go and puts WAL back when it reads a line.
bool TestSharedFile::holdAlone(QProcess &holder, const QString &path)
{
    holder.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
mode = c.execute('PRAGMA journal_mode = DELETE').fetchone()[0]
c.execute('BEGIN EXCLUSIVE')
c.execute("UPDATE members SET first_name = 'Importée'")
print(mode, 'held', flush=True)
sys.stdin.readline()
c.execute('COMMIT')
print(c.execute('PRAGMA journal_mode = WAL').fetchone()[0], flush=True)
)"),
                                                      path});
    while (!holder.canReadLine() && holder.waitForReadyRead(10000)) {
    } // the line may come in pieces
    const QByteArray line = holder.readLine().trimmed();
    if (line != "delete held")
        qWarning("the holder said \"%s\" (%s)", line.constData(), holder.readAllStandardError().constData());
    return line == "delete held";
}

// A window started while a lone import writes the file says so at once, and opens the file when it is free.
void TestSharedFile::openingWaitsInSightForALoneWriter()
{
    const QString path = closedFileWithOneMember();
    QVERIFY(!path.isEmpty());
    QVERIFY(!Storage::Database::heldByWriter(path));
    QVERIFY(Gui::FileWait::untilFree(path)); // free: no window, no wait

    QProcess holder;
    QVERIFY(holdAlone(holder, path));
    QVERIFY(Storage::Database::heldByWriter(path));
    QString shownText;
    whenDialog(this, QStringLiteral("fileWait"), [&](QWidget *dialog) {
        saveShot(dialog, QStringLiteral("file-wait.png"));
        if (auto *text = dialog->findChild<QLabel *>(QStringLiteral("fileWaitText")))
            shownText = text->text();
        // The import goes on a little longer, then ends.
        QTimer::singleShot(700, &holder, [&holder] { holder.write("\n"); });
    });
    QElapsedTimer waited;
    waited.start();
    QVERIFY(Gui::FileWait::untilFree(path));
    QVERIFY2(waited.elapsed() >= 700, qPrintable(QString::number(waited.elapsed())));
    QVERIFY2(shownText.contains(QStringLiteral("Another program is writing")), qPrintable(shownText));
    QVERIFY(shownText.contains(QDir::toNativeSeparators(path)));
    QVERIFY(holder.state() == QProcess::NotRunning || holder.waitForFinished(10000)); // it may be done already
    QCOMPARE(holder.exitCode(), 0);
    QCOMPARE(holder.readAll().trimmed(), QByteArray("wal"));

    // Then the file opens, with what the other program wrote.
    QVERIFY(!Storage::Database::heldByWriter(path));
    auto context = AppContext::open(path, nullptr, nullptr, nullptr);
    QVERIFY(context.ok());
    auto seule = context.value()->members().findByEmail(QStringLiteral("seule@example.org"));
    QVERIFY(seule.ok());
    QCOMPARE(seule.value().firstName, QString::fromUtf8("Importée"));
}

// Cancel gives up waiting at once (the window is not opened), and the other program's work is untouched.
void TestSharedFile::waitingForALoneWriterCanBeCancelled()
{
    const QString path = closedFileWithOneMember();
    QVERIFY(!path.isEmpty());
    QProcess holder;
    QVERIFY(holdAlone(holder, path));
    whenDialog(this, QStringLiteral("fileWait"), [](QWidget *dialog) {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Cancel)->click();
    });
    QElapsedTimer waited;
    waited.start();
    QVERIFY(!Gui::FileWait::untilFree(path));
    QVERIFY(waited.elapsed() < 5000);
    QVERIFY(Storage::Database::heldByWriter(path)); // still the other program's
    holder.write("\n");
    QVERIFY(holder.state() == QProcess::NotRunning || holder.waitForFinished(10000)); // it may be done already
    QCOMPARE(holder.readAll().trimmed(), QByteArray("wal"));
    auto context = AppContext::open(path, nullptr, nullptr, nullptr);
    QVERIFY(context.ok());
    QCOMPARE(context.value()->members().findByEmail(QStringLiteral("seule@example.org")).value().firstName,
             QString::fromUtf8("Importée"));
}

QTEST_MAIN(TestSharedFile)
#include "tst_sharedfile.moc"
