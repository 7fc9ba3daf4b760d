// The window on the board's shared member file, against the run's real PostgreSQL server: a local member file
// moved onto the server from File › Move this member file to a server (the connection dialog filled in as a
// user does, progress, then every table compares equal); the server stopping in the middle of a session
// (the window says "Connection lost — reconnecting…", a save is refused with a message and nothing written,
// then the server comes back: the window reconnects by itself, the same save goes through and the table
// shows it). Volunteers: the owner gives access from Edit › Volunteers…; a reader's window offers no change and
// says why; a section editor's window lists that section only.
#include "MemberEditorDialog.h"
#include "ServerConnectDialog.h"
#include "TestServer.h"
#include "VolunteersDialog.h"
#include "WindowTest.h"
#include "storage/ChangeFeed.h"
#include "storage/DatabaseCopy.h"
#include "storage/MemberTableModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QTreeWidget>
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
    void eachVolunteerSeesWhatTheirRoleAllows();
    void twoWindowsSeeEachOthersChangesLive();

private:
    // The same member file opened as `login` (its own AppContext, as on that volunteer's computer).
    std::unique_ptr<AppContext> openAs(const QString &login, const QString &password);
    QTemporaryDir m_settingsDir;
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

std::unique_ptr<AppContext> TestServerWindow::openAs(const QString &login, const QString &password)
{
    QUrl url(m_db->path());
    url.setUserName(login);
    url.setPassword(password);
    auto context = AppContext::open(url.toString(), std::make_unique<FixedClock>(),
                                    std::make_unique<Settings::AppSettings>(std::make_unique<QSettings>(
                                        m_settingsDir.filePath(login + QStringLiteral(".ini")), QSettings::IniFormat)));
    if (!context.ok()) {
        qWarning() << context.error().message;
        return nullptr;
    }
    return std::move(context).value();
}

// The owner gives access from Edit › Volunteers…; a reader's window shows the members but offers no change
// (and says why); a volunteer limited to a section sees that section's members only; the status bar says who
// is connected, as what.
void TestServerWindow::eachVolunteerSeesWhatTheirRoleAllows()
{
    const QString suffix = QString::number(QRandomGenerator::global()->generate() % 1000000);
    const QString reader = QStringLiteral("rita_") + suffix, editor = QStringLiteral("ed_") + suffix;
    {
        auto w = openWindow();
        QVERIFY(w);
        auto *volunteers = w->findChild<QAction *>(QStringLiteral("volunteersAction"));
        QVERIFY(volunteers && volunteers->isVisible() && volunteers->isEnabled());
        Gui::VolunteersDialog dialog(m_db->context(), {QStringLiteral("CPL"), QStringLiteral("MPL")}, w.get());
        QVERIFY2(dialog.grant(reader, Storage::Role::Reader, {}, QStringLiteral("rita-secret")),
                 qPrintable(dialog.lastError()));
        QVERIFY2(dialog.grant(editor, Storage::Role::Editor, {QStringLiteral("CPL")}, QStringLiteral("ed-secret-1")),
                 qPrintable(dialog.lastError()));
        QVERIFY(!dialog.grant(editor, Storage::Role::Editor, {}, QStringLiteral("short")));
        QVERIFY(dialog.lastError().contains(QStringLiteral("8 characters")));
        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("volunteerList"));
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("CPL")); // ed_… sorts before rita_…
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveShot(&dialog, QStringLiteral("server-volunteers.png"));
    }
    {
        auto context = openAs(reader, QStringLiteral("rita-secret"));
        QVERIFY(context);
        Gui::MainWindow w(*context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.memberModel()->isIndexReady(), 10000);
        QCOMPARE(w.memberModel()->rowCount(), 3);
        auto *label = w.findChild<QLabel *>(QStringLiteral("accessLabel"));
        QVERIFY(label && label->text().contains(reader) && label->text().contains(QStringLiteral("reader")));
        for (const char *name :
             {"newMemberAction", "importAction", "deleteMemberAction", "bulkConsentAction", "copyAddressesAction",
              "smtpAccountAction", "organisationAction", "volunteersAction"}) {
            auto *action = w.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(action && !action->isEnabled(), name);
            QVERIFY2(!action->toolTip().isEmpty() && action->toolTip() != action->text(), name);
        }
        auto *view = w.findChild<QAction *>(QStringLiteral("editMemberAction"));
        QVERIFY(view->text().contains(QStringLiteral("View")));
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("newMemberAction"))->toolTip(),
                 context->database().access().needEditor());
        saveShot(&w, QStringLiteral("server-reader-window.png"));
        // The member's card opens read-only.
        Gui::MemberEditorDialog card(context->members(), &w);
        card.setMember(context->members().find(1).value());
        card.setReadOnly(context->database().access().needEditor());
        QVERIFY(card.findChild<QLineEdit *>(QStringLiteral("cityEdit"))->isReadOnly());
        QVERIFY(!card.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save));
        // A file dropped on a reader's window is refused with the reason, before any wizard.
        Gui::MessageBox::setNextAnswer(QMessageBox::Ok);
        w.importFiles({QStringLiteral("/nonexistent.csv")});
        QVERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("reader")));
    }
    {
        auto context = openAs(editor, QStringLiteral("ed-secret-1"));
        QVERIFY(context);
        Gui::MainWindow w(*context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.memberModel()->isIndexReady() && !w.countsPending(), 10000);
        QCOMPARE(w.memberModel()->rowCount(), 2); // the two CPL members
        QVERIFY(w.findChild<QAction *>(QStringLiteral("newMemberAction"))->isEnabled());
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("volunteersAction"))->isEnabled());
        auto *label = w.findChild<QLabel *>(QStringLiteral("accessLabel"));
        QVERIFY(label && label->text().contains(QStringLiteral("CPL")));
        saveShot(&w, QStringLiteral("server-section-editor-window.png"));
    }
    for (const QString &login : {reader, editor}) {
        QVERIFY(TestServer::exec(m_db->path(), QStringLiteral("SELECT carnet_revoke('%1')").arg(login)));
        QVERIFY(TestServer::exec(m_db->path(), QStringLiteral("DROP OWNED BY \"%1\"; DROP ROLE \"%1\"").arg(login)));
    }
}

QTEST_MAIN(TestServerWindow)
#include "tst_serverwindow.moc"

// Two volunteers' windows on one member file (two AppContexts, as on two computers): an edit committed in one
// appears in the other within 2 seconds — moved to its place in the order — while the other's current row,
// selection and scroll position stay on what they were; a member whose editor is open in one is marked
// "being edited by" in the other, and the mark goes when the editor closes.
void TestServerWindow::twoWindowsSeeEachOthersChangesLive()
{
    for (int i = 0; i < 200; ++i) // enough rows to scroll
        m_db->add(QStringLiteral("P%1").arg(i), QStringLiteral("Nom%1").arg(i, 3, 10, QLatin1Char('0')),
                  QStringLiteral("p%1@example.org").arg(i));
    auto first = openWindow();
    QVERIFY(first);
    auto context = openAs(TestServer::value(QStringLiteral("CARNET_PG_USER")),
                          TestServer::value(QStringLiteral("CARNET_PG_PASSWORD")));
    QVERIFY(context);
    auto second = std::make_unique<Gui::MainWindow>(*context);
    second->move(60, 60);
    second->show();
    QVERIFY(QTest::qWaitForWindowExposed(second.get()));
    QTRY_VERIFY_WITH_TIMEOUT(second->memberModel()->isIndexReady() && !second->countsPending(), 10000);
    for (Gui::MainWindow *w : {first.get(), second.get()}) {
        QVERIFY(w->changeFeed());
        QTRY_VERIFY_WITH_TIMEOUT(w->changeFeed()->isListening(), 10000);
    }
    Storage::MemberTableModel *model = second->memberModel();
    QTableView *view = table(*second);
    const int lastName = model->columnOf(Core::MemberField::LastName);
    auto idOf = [&](const QString &name) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->data(model->index(row, lastName)).toString() == name)
                return model->memberIdAt(row);
        }
        return qint64(0);
    };
    const qint64 tremblay = idOf(QStringLiteral("Tremblay"));
    const qint64 gagnon = idOf(QStringLiteral("Gagnon"));
    QVERIFY(tremblay && gagnon);
    view->selectRow(model->rowOfMember(tremblay));
    view->scrollTo(model->index(model->rowOfMember(tremblay), 0), QAbstractItemView::PositionAtCenter);
    const int scrolled = view->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);
    const qint64 readBefore = model->rowsRead();

    // The first window saves Gagnon as Abadie (its editor's path).
    Core::Member g = m_db->members().find(gagnon).value();
    g.lastName = QStringLiteral("Abadie");
    auto saved = m_db->members().save(g);
    QVERIFY(saved.ok());
    first->memberModel()->memberSaved(saved.value());
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, lastName)).toString(), QStringLiteral("Abadie"), 2000);
    qInfo() << "seen by the other window after" << clock.elapsed() << "ms";
    QCOMPARE(model->memberIdAt(view->currentIndex().row()), tremblay);
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(model->memberIdAt(selected.first().row()), tremblay);
    QCOMPARE(view->verticalScrollBar()->value(), scrolled);
    QVERIFY2(model->rowsRead() - readBefore < 500, qPrintable(QString::number(model->rowsRead() - readBefore)));

    // The first window opens Tremblay's editor: the second marks the row while it is open.
    table(*first)->selectRow(first->memberModel()->rowOfMember(tremblay));
    bool marked = false;
    QString tooltip;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        const auto close = qScopeGuard([dialog] {
            if (dialog)
                dialog->reject();
        });
        QElapsedTimer waited;
        waited.start();
        while (model->data(model->index(model->rowOfMember(tremblay), 0), Storage::MemberTableModel::EditorsRole)
                   .toStringList()
                   .isEmpty()) {
            if (waited.elapsed() > 5000)
                return;
            QTest::qWait(10);
        }
        tooltip = model->data(model->index(model->rowOfMember(tremblay), lastName), Qt::ToolTipRole).toString();
        marked = true;
        saveShot(second.get(), QStringLiteral("server-being-edited.png"));
    });
    first->findChild<QAction *>(QStringLiteral("editMemberAction"))->trigger();
    QVERIFY(marked);
    QVERIFY2(tooltip.startsWith(QStringLiteral("Being edited by ")), qPrintable(tooltip));
    QTRY_VERIFY_WITH_TIMEOUT(
        model->data(model->index(model->rowOfMember(tremblay), 0), Storage::MemberTableModel::EditorsRole)
            .toStringList()
            .isEmpty(),
        5000);

    // The second window's editor, opened on a member the first one has open, says so.
    first->changeFeed()->beginEditing(gagnon);
    QTRY_VERIFY_WITH_TIMEOUT(!second->changeFeed()->editorsOf(gagnon).isEmpty(), 5000);
    view->selectRow(model->rowOfMember(gagnon));
    bool noted = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("otherEditorsNote"));
        noted = note && note->isVisible() && note->text().startsWith(QStringLiteral("Being edited by "));
        saveShot(dialog, QStringLiteral("server-editor-being-edited.png"));
        dialog->reject();
    });
    second->findChild<QAction *>(QStringLiteral("editMemberAction"))->trigger();
    QVERIFY(noted);
    first->changeFeed()->endEditing(gagnon);
}
