// The window on the board's shared member file, against the run's real PostgreSQL server: a local member file
// moved onto the server from File › Move this member file to a server (the connection dialog filled in as a
// user does, progress, then every table compares equal); the server stopping in the middle of a session
// (the window says "Connection lost — reconnecting…", a save is refused with a message and nothing written,
// then the server comes back: the window reconnects by itself, the same save goes through and the table
// shows it).
#include "ServerConnectDialog.h"
#include "TestServer.h"
#include "WindowTest.h"
#include "storage/DatabaseCopy.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QSpinBox>
#include <QStatusBar>
#include <QUrl>

class TestServerWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installLanguage(); }
    void init() { QVERIFY(setUp()); }
    void cleanup() { tearDown(); }
    void movesALocalFileToTheServer();
    void reconnectsAfterTheServerCameBack();
    void anEditInProgressSurvivesTheLoss();
};

void TestServerWindow::movesALocalFileToTheServer()
{
    QVERIFY(TestServer::enabled());
    // A local member file in its window.
    QTemporaryDir dir;
    auto local = AppContext::open(dir.filePath(QStringLiteral("association.sqlite")), std::make_unique<FixedClock>(),
                                  std::make_unique<Settings::AppSettings>(std::make_unique<QSettings>(
                                      dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)));
    QVERIFY(local.ok());
    for (const char *name : {"Lune", "Soleil", "Étoile"}) {
        Core::Member m;
        m.firstName = QStringLiteral("Ana");
        m.lastName = QString::fromUtf8(name);
        m.email = QString::fromUtf8(name).toLower() + QStringLiteral("@example.org");
        QVERIFY(local.value()->members().save(m).ok());
    }
    Gui::MainWindow w(*local.value());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *move = w.findChild<QAction *>(QStringLiteral("moveToServerAction"));
    QVERIFY(move);
    const QString target = TestServer::createDatabase();
    const QUrl url(target);
    whenDialog(&w, QStringLiteral("serverConnectDialog"), [&](QWidget *dialog) {
        saveShot(dialog, QStringLiteral("server-move-dialog.png"));
        dialog->findChild<QLineEdit *>(QStringLiteral("serverHost"))->setText(url.host());
        dialog->findChild<QSpinBox *>(QStringLiteral("serverPort"))->setValue(url.port());
        dialog->findChild<QLineEdit *>(QStringLiteral("serverDatabase"))->setText(url.path().mid(1));
        dialog->findChild<QLineEdit *>(QStringLiteral("serverUser"))->setText(url.userName());
        dialog->findChild<QLineEdit *>(QStringLiteral("serverPassword"))
            ->setText(TestServer::value(QStringLiteral("CARNET_PG_PASSWORD")));
        auto *security = dialog->findChild<QComboBox *>(QStringLiteral("serverSecurity"));
        security->setCurrentIndex(security->findData(QStringLiteral("disable")));
        QVERIFY(
            dialog->findChild<QLabel *>(QStringLiteral("securityNote"))->text().contains(QStringLiteral("Warning")));
        QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
    });
    Gui::MessageBox::setNextAnswer(QMessageBox::Close); // "Open it there?": not in this test
    move->trigger();
    QTRY_VERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("every table compares equal")));
    QCOMPARE(TestServer::scalar(target, QStringLiteral("SELECT string_agg(last_name, ',' ORDER BY id) FROM members")),
             QString::fromUtf8("Lune,Soleil,Étoile"));
    // Offered again next time, without its password.
    const QStringList recent = local.value()->settings().value(Settings::Key::RecentServers).toStringList();
    QCOMPARE(recent.size(), 1);
    QVERIFY(!recent.first().contains(TestServer::value(QStringLiteral("CARNET_PG_PASSWORD"))));
    // A second move into the same database is refused: it holds members now.
    whenDialog(&w, QStringLiteral("serverConnectDialog"), [&](QWidget *dialog) {
        auto *recentBox = dialog->findChild<QComboBox *>(QStringLiteral("recentServers"));
        QVERIFY(recentBox && recentBox->count() == 2);
        recentBox->setCurrentIndex(1);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("serverDatabase"))->text(), url.path().mid(1));
        QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
    });
    move->trigger();
    QTRY_VERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("only into an empty database")));
    QCOMPARE(TestServer::scalar(target, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("3"));
    TestServer::release(target);
}

void TestServerWindow::reconnectsAfterTheServerCameBack()
{
    QVERIFY(m_db->isServer());
    auto w = openWindow();
    QVERIFY(w);
    auto *lost = w->findChild<QLabel *>(QStringLiteral("connectionLost"));
    QVERIFY(lost && !lost->isVisible());
    QVERIFY(TestServer::cluster("halt"));
    QTRY_VERIFY_WITH_TIMEOUT(lost->isVisible(), 10000);
    saveShot(w.get(), QStringLiteral("server-connection-lost.png"));
    // A save while the server is away: refused with the reason, nothing half-written.
    Core::Member m;
    m.firstName = QStringLiteral("Noé");
    m.lastName = QStringLiteral("Pendant");
    m.email = QStringLiteral("noe@example.org");
    auto refused = m_db->members().save(m);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Core::Error::Code::Connection);
    QVERIFY(TestServer::cluster("resume"));
    QTRY_VERIFY_WITH_TIMEOUT(!lost->isVisible(), 15000);
    QTRY_VERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("again")));
    auto saved = m_db->members().save(m);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(w->memberModel()->rowCount(), 4, 10000);
}

// The editor open on a member while the server goes away: Save says why and keeps the dialog and what was
// typed; once the server is back, the same Save goes through.
void TestServerWindow::anEditInProgressSurvivesTheLoss()
{
    auto w = openWindow();
    QVERIFY(w);
    auto members = m_db->members().list(Storage::MemberQuery{});
    QVERIFY(members.ok() && !members.value().isEmpty());
    Gui::MemberEditorDialog dialog(m_db->members(), w.get());
    dialog.setMember(members.value().first());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *city = dialog.findChild<QLineEdit *>(QStringLiteral("cityEdit"));
    auto *general = dialog.findChild<QLabel *>(QStringLiteral("generalError"));
    QVERIFY(city && general);
    city->setText(QStringLiteral("Trois-Rivières"));
    QVERIFY(TestServer::cluster("halt"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(general->isVisible() && general->text().contains(QStringLiteral("connection")),
             qPrintable(general->text()));
    QCOMPARE(city->text(), QStringLiteral("Trois-Rivières"));
    saveShot(&dialog, QStringLiteral("server-editor-connection-lost.png"));
    QVERIFY(TestServer::cluster("resume"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(m_db->members().find(members.value().first().id).value().city, QStringLiteral("Trois-Rivières"));
}

QTEST_MAIN(TestServerWindow)
#include "tst_serverwindow.moc"
