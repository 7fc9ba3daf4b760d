// Drives the real main window offscreen: find widgets by object name, type, press keys.
#include "TempDatabase.h"

#include "AuditLogDialog.h"
#include "ExportWizard.h"
#include "FakeSmtpTransport.h"
#include "ImportWizard.h"
#include "MainWindow.h"
#include "MemberEditorDialog.h"
#include "MessageBox.h"
#include "OutboxDialog.h"
#include "ReportWizard.h"
#include "SelectionPanel.h"
#include "SmtpAccountDialog.h"
#include "consent/ConsentService.h"
#include "core/MemberField.h"
#include "core/Translations.h"
#include "mail/MimeMessage.h"
#include "mail/Outbox.h"
#include "mail/SmtpAccount.h"
#include "reports/Report.h"
#include "storage/AuditLog.h"
#include "storage/MemberTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <QRadioButton>
#include <QScopeGuard>
#include <QTableWidget>
#include <QTreeWidget>
#include <functional>

using Gui::MainWindow;
using Gui::MemberEditorDialog;

namespace {
// Runs `act` on the next modal dialog as soon as it is on screen (polling, so it does not matter
// whether the dialog is opened before or after the event loop first turns).
void whenModal(QObject *context, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, context, [timer, act] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
    });
    timer->start();
}
// The same, for the modal dialog with this object name (dialogs opened from dialogs).
void whenDialog(QObject *context, const QString &name, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, context, [timer, act, name] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || !dialog->isVisible() || dialog->objectName() != name)
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
    });
    timer->start();
}

void saveShot(QWidget *widget, const QString &name)
{
    if (const QString dir = qEnvironmentVariable("CARNET_SCREENSHOT_DIR"); !dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name);
}

int columnWithKey(QAbstractItemModel *model, const QString &key)
{
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal, Storage::MemberTableModel::ColumnKeyRole).toString() == key)
            return c;
    }
    return -1;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // CARNET_TEST_LANGUAGE=fr_FR runs the same tests' screenshots in French (the assertions are English).
        Core::Translations::install(*qApp, qEnvironmentVariable("CARNET_TEST_LANGUAGE", QStringLiteral("en")));
    }
    void init();
    void cleanup();
    void opensOnTheMemberTable();
    void searchNarrowsTheTable();
    void selectionFiltersTheTable();
    void editorRefusesMissingNameAndBadEmail();
    void addsAMemberWithTheKeyboard();
    void enterEditsTheCurrentMember();
    void languagePreferenceIsSaved();
    void deletesOnlyAfterConfirmation();
    void emptyDatabaseShowsWelcome();
    void columnChoiceIsRemembered();
    void droppedFileIsImportedThroughTheWizard();
    void droppedImageIsRefused();
    void consentColumnsShowEachPurpose();
    void consentTabRecordsAndWithdraws();
    void bulkConsentForASelection();
    void consentSelectionsInTheSidePanel();
    void eraseFromTheConsentTab();
    void organisationProfileIsChecked();
    void mailchimpConsentThroughTheWizard();
    void copiedAddressesGoThroughConsent();
    void auditLogExportsNeutralisedCsv();
    void smtpAccountPresetTestAndSave();
    void outboxSendsOnAWorkerAndResolvesUnknown();
    void waitingMessagesGoByThemselves();
    void reportWizardWalkedWithTheKeyboard();
    void exportForMailingCopiesOnlyThoseWhoAgreed();
    void reportsDuplicatedEditedAndDeletedFromThePanel();

private:
    std::unique_ptr<MainWindow> openWindow();
    QTableView *table(MainWindow &w) { return w.findChild<QTableView *>(QStringLiteral("memberTable")); }

    std::unique_ptr<TempDatabase> m_db;
};

void TestMainWindow::init()
{
    QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Carnet"), QStringLiteral("carnet")).clear();
    m_db = std::make_unique<TempDatabase>();
    QVERIFY(m_db->ok());
    m_db->add(QString::fromUtf8("Hélène"), QString::fromUtf8("Côté"), QStringLiteral("helene@exemple.fr"),
              QStringLiteral("CPL"), QStringLiteral("A"));
    m_db->add(QStringLiteral("Jean"), QStringLiteral("Tremblay"), QStringLiteral("jean@example.org"),
              QStringLiteral("MPL"), QStringLiteral("B"));
    m_db->add(QString::fromUtf8("Zoé"), QStringLiteral("Gagnon"), QStringLiteral("zoe@example.org"),
              QStringLiteral("CPL"), QStringLiteral("B"));
    Gui::MessageBox::clearNextAnswer();
}

void TestMainWindow::cleanup()
{
    Gui::MessageBox::clearNextAnswer();
    m_db.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow()
{
    auto w = std::make_unique<MainWindow>(m_db->context());
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    QElapsedTimer timer;
    timer.start();
    while (!w->memberModel()->isIndexReady() && timer.elapsed() < 10000)
        QTest::qWait(10);
    return w->memberModel()->isIndexReady() ? std::move(w) : nullptr;
}

void TestMainWindow::opensOnTheMemberTable()
{
    auto w = openWindow();
    QVERIFY(w);
    QTableView *view = table(*w);
    QVERIFY(view);
    QVERIFY(view->isVisible());
    QCOMPARE(view->model()->rowCount(), 3);
    auto *status = w->findChild<QLabel *>(QStringLiteral("memberCount"));
    QCOMPARE(status->text(), QStringLiteral("3 members shown"));
}

void TestMainWindow::searchNarrowsTheTable()
{
    auto w = openWindow();
    QVERIFY(w);
    auto *search = w->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    QTest::keyClick(w.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("helene"));
    QCOMPARE(table(*w)->model()->rowCount(), 1);
    QCOMPARE(w->findChild<QLabel *>(QStringLiteral("memberCount"))->text(),
             QStringLiteral("1 member shown — 3 in total"));
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(table(*w)->model()->rowCount(), 3);
}

void TestMainWindow::selectionFiltersTheTable()
{
    auto w = openWindow();
    QVERIFY(w);
    auto *panel = w->findChild<QTreeWidget *>(QStringLiteral("selectionPanel"));
    QVERIFY(panel);
    const auto items = panel->findItems(QStringLiteral("CPL"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first()->text(1), QStringLiteral("2"));
    panel->setCurrentItem(items.first());
    QCOMPARE(table(*w)->model()->rowCount(), 2);
    const auto all = panel->findItems(QStringLiteral("All members"), Qt::MatchExactly);
    QCOMPARE(all.size(), 1);
    panel->setCurrentItem(all.first());
    QCOMPARE(table(*w)->model()->rowCount(), 3);
}

void TestMainWindow::editorRefusesMissingNameAndBadEmail()
{
    MemberEditorDialog dialog(m_db->members());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *first = dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit"));
    auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    auto *firstError = dialog.findChild<QLabel *>(QStringLiteral("firstNameError"));
    auto *lastError = dialog.findChild<QLabel *>(QStringLiteral("lastNameError"));
    auto *emailError = dialog.findChild<QLabel *>(QStringLiteral("emailError"));
    QVERIFY(first && email && firstError && lastError && emailError);

    QTest::keyClicks(email, QStringLiteral("lea.david@@example"));
    QTest::keyClick(first, Qt::Key_Return); // Enter = Save
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(firstError->isVisible());
    QCOMPARE(firstError->text(), QStringLiteral("The first name is required."));
    // Every message is readable whole: the label is tall enough for its text at its width.
    for (QLabel *label : {firstError, lastError, emailError}) {
        QTRY_VERIFY(label->height() >= label->heightForWidth(label->width()));
        QVERIFY(label->width() >= 200);
    }
    QVERIFY(lastError->isVisible());
    QVERIFY(emailError->isVisible());
    QVERIFY2(emailError->text().contains(QStringLiteral("@ sign")), qPrintable(emailError->text()));
    QCOMPARE(m_db->members().count().value(), 3);
    // CARNET_SCREENSHOT_DIR=… keeps a picture of the refused form, to look at it as a user would.
    if (const QString dir = qEnvironmentVariable("CARNET_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/member-editor-errors.png")));

    first->insert(QString::fromUtf8("Léa"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("lastNameEdit")), QStringLiteral("David"));
    email->clear();
    QTest::keyClicks(email, QStringLiteral("HELENE@exemple.fr")); // someone else's, in another case
    QTest::keyClick(first, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(emailError->isVisible());
    QVERIFY2(emailError->text().contains(QString::fromUtf8("Hélène Côté")), qPrintable(emailError->text()));
    QVERIFY(!firstError->isVisible());

    email->clear();
    QTest::keyClicks(email, QStringLiteral("lea@gmial.com"));
    QTest::keyClick(email, Qt::Key_Tab); // leaving the field offers the typo fix
    auto *suggestion = dialog.findChild<QLabel *>(QStringLiteral("emailSuggestionLabel"));
    QVERIFY(suggestion->isVisible());
    QVERIFY(suggestion->text().contains(QStringLiteral("lea@gmail.com")));
    Q_EMIT suggestion->linkActivated(QStringLiteral("lea@gmail.com"));
    QCOMPARE(email->text(), QStringLiteral("lea@gmail.com"));
    QTest::keyClick(first, Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.savedMember().email, QStringLiteral("lea@gmail.com"));
    QCOMPARE(m_db->members().count().value(), 4);
}

void TestMainWindow::addsAMemberWithTheKeyboard()
{
    auto w = openWindow();
    QVERIFY(w);
    bool filled = false;
    whenModal(this, [&filled](QWidget *modal) {
        auto *dialog = qobject_cast<MemberEditorDialog *>(modal);
        if (!dialog)
            return;
        dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->insert(QString::fromUtf8("Anaïs"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit")), QStringLiteral("Bergeron"));
        QTest::mouseClick(dialog->findChild<QCheckBox *>(QStringLiteral("noEmailCheck")), Qt::LeftButton, {},
                          QPoint(5, 5));
        QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit")), Qt::Key_Enter);
        filled = true;
    });
    QTest::keyClick(w.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(filled);
    QCOMPARE(m_db->members().count().value(), 4);
    QCOMPARE(table(*w)->model()->rowCount(), 4);
    // The new member is selected, and sorted by last name (Bergeron first).
    QCOMPARE(table(*w)->currentIndex().row(), 0);
    auto *panel = w->findChild<QTreeWidget *>(QStringLiteral("selectionPanel"));
    const auto noEmail = panel->findItems(QStringLiteral("No email address"), Qt::MatchExactly);
    QCOMPARE(noEmail.first()->text(1), QStringLiteral("1"));
}

void TestMainWindow::enterEditsTheCurrentMember()
{
    auto w = openWindow();
    QVERIFY(w);
    QTableView *view = table(*w);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(2, 0)); // Tremblay (rows: Côté, Gagnon, Tremblay)
    QString seen;
    whenModal(this, [&seen](QWidget *modal) {
        auto *dialog = qobject_cast<MemberEditorDialog *>(modal);
        if (!dialog)
            return;
        auto *city = dialog->findChild<QLineEdit *>(QStringLiteral("cityEdit"));
        seen = dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text();
        QTest::keyClicks(city, QStringLiteral("Gatineau"));
        QTest::keyClick(city, Qt::Key_Return);
    });
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(seen, QStringLiteral("Tremblay"));
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("jean@example.org")).value().city, QStringLiteral("Gatineau"));
    // Esc leaves the editor without saving.
    whenModal(this, [](QWidget *modal) {
        auto *dialog = qobject_cast<MemberEditorDialog *>(modal);
        if (!dialog)
            return;
        auto *city = dialog->findChild<QLineEdit *>(QStringLiteral("cityEdit"));
        city->clear();
        QTest::keyClicks(city, QStringLiteral("Lyon"));
        QTest::keyClick(city, Qt::Key_Escape);
    });
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("jean@example.org")).value().city, QStringLiteral("Gatineau"));
}

void TestMainWindow::languagePreferenceIsSaved()
{
    auto w = openWindow();
    QVERIFY(w);
    whenModal(this, [](QWidget *dialog) {
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("fr_CA")));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    w->showPreferences();
    QCOMPARE(m_db->context().settings().language(), QStringLiteral("fr_CA"));
    QCOMPARE(Core::Translations::localeFor(QStringLiteral("fr_CA")).territory(), QLocale::Canada);
}

void TestMainWindow::deletesOnlyAfterConfirmation()
{
    auto w = openWindow();
    QVERIFY(w);
    QTableView *view = table(*w);
    view->setFocus();
    view->selectRow(0);
    Gui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_db->members().count().value(), 3);
    QVERIFY(Gui::MessageBox::lastText().contains(QString::fromUtf8("Hélène Côté")));
    Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_db->members().count().value(), 2);
    QCOMPARE(view->model()->rowCount(), 2);
    // Delete typed in the search box deletes text, never members.
    auto *search = w->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Delete);
    QCOMPARE(m_db->members().count().value(), 2);
}

void TestMainWindow::emptyDatabaseShowsWelcome()
{
    for (qint64 id : {1, 2, 3})
        QVERIFY(m_db->members().remove(id).ok());
    auto w = std::make_unique<MainWindow>(m_db->context());
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    auto *stack = qobject_cast<QStackedWidget *>(w->centralWidget());
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("welcomeWidget"));
    auto *drop = w->findChild<QLabel *>(QStringLiteral("dropHint"));
    QVERIFY(drop && drop->isVisible());
    QCOMPARE(drop->text(), QStringLiteral("Drop a spreadsheet here to import members"));
    QVERIFY(w->findChild<QPushButton *>(QStringLiteral("welcomeDemoButton"))->isVisible());

    bool filled = false;
    whenModal(this, [&filled](QWidget *modal) {
        auto *dialog = qobject_cast<MemberEditorDialog *>(modal);
        if (!dialog)
            return;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit")), QStringLiteral("Ruby"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit")), QStringLiteral("Smith"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit")),
                         QStringLiteral("ruby@example.org"));
        QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit")), Qt::Key_Return);
        filled = true;
    });
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("welcomeAddButton")), Qt::LeftButton);
    QVERIFY(filled);
    QCOMPARE(stack->currentWidget()->objectName(), QString()); // the table page
    QVERIFY(table(*w)->isVisible());
    QCOMPARE(table(*w)->model()->rowCount(), 1);
}

void TestMainWindow::columnChoiceIsRemembered()
{
    const int cityColumn = 9; // MemberField::City
    {
        auto w = openWindow();
        QVERIFY(w);
        QVERIFY(!table(*w)->isColumnHidden(cityColumn));
        auto *chooser = w->findChild<QMenu *>(QStringLiteral("columnChooser"));
        QVERIFY(chooser);
        QAction *city = nullptr;
        for (QAction *a : chooser->actions()) {
            if (a->data().toString() == QLatin1String("city"))
                city = a;
        }
        QVERIFY(city);
        city->trigger();
        QVERIFY(table(*w)->isColumnHidden(cityColumn));
        w->close();
    }
    auto again = openWindow();
    QVERIFY(again);
    QVERIFY(table(*again)->isColumnHidden(cityColumn));
}

namespace {
void drop(QWidget *target, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
}
} // namespace

void TestMainWindow::droppedFileIsImportedThroughTheWizard()
{
    auto w = openWindow();
    QVERIFY(w);
    QString detected;
    QString preview;
    QString result;
    bool walked = false;
    whenModal(this, [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ImportWizard *>(modal);
        if (!wizard)
            return;
        detected = wizard->findChild<QLabel *>(QStringLiteral("importDetectedLabel"))->text();
        if (const QString dir = qEnvironmentVariable("CARNET_SCREENSHOT_DIR"); !dir.isEmpty())
            wizard->grab().save(dir + QStringLiteral("/import-wizard-file.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // 1 -> 2
        QTest::keyClick(wizard, Qt::Key_Enter); // 2 -> 3: the dry run starts
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        preview = wizard->findChild<QLabel *>(QStringLiteral("importPreviewSummary"))->text();
        if (const QString dir = qEnvironmentVariable("CARNET_SCREENSHOT_DIR"); !dir.isEmpty())
            wizard->grab().save(dir + QStringLiteral("/import-wizard-preview.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // 3 -> 4: the import
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        result = wizard->findChild<QLabel *>(QStringLiteral("importResultSummary"))->text();
        QTest::keyClick(wizard, Qt::Key_Enter); // Finish
        walked = true;
    });
    drop(w.get(), QStringLiteral(CARNET_SOURCE_DIR "/tests/data/cagette_membres_cp1252.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(walked, 30000);
    QVERIFY2(detected.contains(QStringLiteral("windows-1252")), qPrintable(detected));
    QVERIFY2(preview.startsWith(QStringLiteral("40 new")), qPrintable(preview));
    QVERIFY2(result.startsWith(QStringLiteral("40 members added")), qPrintable(result));
    QCOMPARE(m_db->members().count().value(), 43);
    QTRY_COMPARE(table(*w)->model()->rowCount(), 43);
    QVERIFY(m_db->members().findByEmail(QStringLiteral("jerome.tremblay.0@example.org")).ok());

    // Again, and this time undo it from the last page.
    bool undone = false;
    whenModal(this, [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ImportWizard *>(modal);
        if (!wizard)
            return;
        auto *mode = wizard->findChild<QComboBox *>(QStringLiteral("importModeCombo"));
        QTest::keyClick(wizard, Qt::Key_Enter);
        mode->setCurrentIndex(mode->findData(QStringLiteral("update")));
        auto *protectedList = wizard->findChild<QListWidget *>(QStringLiteral("importProtectedList"));
        QVERIFY(protectedList->isEnabled());
        for (int i = 0; i < protectedList->count(); ++i) {
            if (protectedList->item(i)->data(Qt::UserRole).toString() == QLatin1String("city"))
                protectedList->item(i)->setCheckState(Qt::Checked);
        }
        QTest::keyClick(wizard, Qt::Key_Enter);
        QCOMPARE(wizard->options.protectedFields, QStringList{QStringLiteral("city")});
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        QTest::keyClick(wizard, Qt::Key_Enter);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("importUndoButton")), Qt::LeftButton);
        QTest::keyClick(wizard, Qt::Key_Enter);
        undone = true;
    });
    drop(w.get(), QStringLiteral(CARNET_SOURCE_DIR "/tests/data/koha_patrons.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(undone, 30000);
    QCOMPARE(m_db->members().count().value(), 43);
    QTRY_COMPARE(table(*w)->model()->rowCount(), 43);
}

void TestMainWindow::droppedImageIsRefused()
{
    auto w = openWindow();
    QVERIFY(w);
    Gui::MessageBox::setNextAnswer(QMessageBox::Ok);
    drop(w.get(), QStringLiteral(CARNET_SOURCE_DIR "/tests/data/not_a_spreadsheet.png"));
    QTRY_VERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("not_a_spreadsheet.png cannot be imported")));
    QVERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("binary")));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QCOMPARE(m_db->members().count().value(), 3);
}

void TestMainWindow::consentColumnsShowEachPurpose()
{
    const qint64 helene = m_db->members().findByEmail(QStringLiteral("helene@exemple.fr")).value().id;
    Consent::GrantRequest r;
    r.purpose = QStringLiteral("newsletter");
    r.source = QStringLiteral("paper form");
    QVERIFY(m_db->context().consent().record(helene, r).ok());
    auto w = openWindow();
    QVERIFY(w);
    QAbstractItemModel *model = table(*w)->model();
    const int newsletter = columnWithKey(model, QStringLiteral("consent:newsletter"));
    const int association = columnWithKey(model, QStringLiteral("consent:association"));
    QVERIFY(newsletter > 0 && association > 0);
    QVERIFY(!table(*w)->isColumnHidden(newsletter)); // shown by default
    QCOMPARE(model->headerData(newsletter, Qt::Horizontal).toString(), QStringLiteral("Consent: Newsletter"));
    // Rows: Côté, Gagnon, Tremblay.
    QVERIFY(model->index(0, newsletter).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Express consent")));
    QVERIFY(!model->index(0, newsletter).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model->index(1, newsletter).data(Qt::EditRole).toString(), QStringLiteral("no_consent"));
    QCOMPARE(model->index(1, association).data(Qt::EditRole).toString(), QStringLiteral("implied-membership"));
    // Sorting on a consent column leaves the order alone.
    table(*w)->sortByColumn(newsletter, Qt::DescendingOrder);
    QCOMPARE(model->index(0, 1).data(Qt::EditRole), QVariant());
    saveShot(w.get(), QStringLiteral("consent-columns.png"));
}

void TestMainWindow::consentTabRecordsAndWithdraws()
{
    auto w = openWindow();
    QVERIFY(w);
    QTableView *view = table(*w);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0)); // Côté
    const qint64 helene = m_db->members().findByEmail(QStringLiteral("helene@exemple.fr")).value().id;
    int historyRows = -1;
    QString refusal;
    whenModal(this, [&](QWidget *editor) {
        auto *tabs = editor->findChild<QTabWidget *>(QStringLiteral("tabs"));
        QVERIFY(tabs->isTabEnabled(1));
        tabs->setCurrentIndex(1);
        // First attempt without a source: refused inside the dialog, which stays open.
        whenDialog(this, QStringLiteral("consentDialog"), [&](QWidget *dialog) {
            auto *purpose = dialog->findChild<QComboBox *>(QStringLiteral("purposeCombo"));
            QCOMPARE(purpose->currentData().toString(), QStringLiteral("newsletter"));
            auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
            QTest::mouseClick(save, Qt::LeftButton);
            auto *error = dialog->findChild<QLabel *>(QStringLiteral("consentError"));
            refusal = error->isVisible() ? error->text() : QString();
            auto *source = dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"));
            source->setEditText(QStringLiteral("General assembly 2026"));
            QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("wordingEdit")),
                             QStringLiteral("Je veux recevoir la lettre"));
            saveShot(dialog, QStringLiteral("consent-record-dialog.png"));
            QTest::mouseClick(save, Qt::LeftButton);
        });
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("recordConsentButton")), Qt::LeftButton);
        // Then the member unsubscribes.
        whenDialog(this, QStringLiteral("consentDialog"), [&](QWidget *dialog) {
            dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setEditText(QStringLiteral("Email reply"));
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        });
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("recordWithdrawalButton")), Qt::LeftButton);
        historyRows = editor->findChild<QTreeWidget *>(QStringLiteral("consentHistory"))->topLevelItemCount();
        saveShot(editor, QStringLiteral("consent-tab.png"));
        QTest::keyClick(editor, Qt::Key_Escape);
    });
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY2(refusal.contains(QStringLiteral("where the consent comes from")), qPrintable(refusal));
    QCOMPARE(historyRows, 2);
    auto history = m_db->context().consent().history(helene);
    QCOMPARE(history.value().size(), 2);
    QCOMPARE(history.value().at(0).source, QStringLiteral("General assembly 2026"));
    QCOMPARE(history.value().at(0).wording, QStringLiteral("Je veux recevoir la lettre"));
    QCOMPARE(history.value().at(1).action, Consent::Action::Withdraw);
    // The table's column follows.
    const int newsletter = columnWithKey(view->model(), QStringLiteral("consent:newsletter"));
    QCOMPARE(view->model()->index(0, newsletter).data(Qt::EditRole).toString(), QStringLiteral("withdrawn"));
}

void TestMainWindow::bulkConsentForASelection()
{
    auto w = openWindow();
    QVERIFY(w);
    auto *panel = w->findChild<QTreeWidget *>(QStringLiteral("selectionPanel"));
    QTreeWidgetItem *cpl = nullptr;
    for (QTreeWidgetItemIterator it(panel); *it; ++it) {
        if ((*it)->text(0) == QLatin1String("CPL"))
            cpl = *it;
    }
    QVERIFY(cpl);
    panel->setCurrentItem(cpl);
    QCOMPARE(table(*w)->model()->rowCount(), 2);
    auto *action = w->findChild<QAction *>(QStringLiteral("bulkConsentAction"));
    QVERIFY(action);
    whenDialog(this, QStringLiteral("consentDialog"), [](QWidget *dialog) {
        dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setEditText(QStringLiteral("General assembly"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    });
    action->trigger();
    // The confirmation said how many and which purpose.
    QVERIFY2(Gui::MessageBox::lastText().contains(QStringLiteral("2 members")),
             qPrintable(Gui::MessageBox::lastText()));
    QVERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("Newsletter")));
    auto eligible = m_db->context().consent().eligible(QStringLiteral("newsletter"));
    QCOMPARE(eligible.value().eligible.size(), size_t(2));
    // Cancelled at the confirmation: nothing more recorded.
    whenDialog(this, QStringLiteral("consentDialog"), [](QWidget *dialog) {
        dialog->findChild<QComboBox *>(QStringLiteral("purposeCombo"))->setCurrentIndex(0); // association
        dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setEditText(QStringLiteral("x"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    action->trigger();
    auto audit = m_db->context().audit().list();
    QCOMPARE(audit.value().size(), 1);
}

void TestMainWindow::consentSelectionsInTheSidePanel()
{
    const qint64 jean = m_db->members().findByEmail(QStringLiteral("jean@example.org")).value().id;
    Consent::GrantRequest r;
    r.purpose = QStringLiteral("newsletter");
    r.source = QStringLiteral("web form");
    QVERIFY(m_db->context().consent().record(jean, r).ok());
    Consent::WithdrawRequest wr;
    wr.purposes = {QStringLiteral("newsletter")};
    wr.source = QStringLiteral("email reply");
    QVERIFY(m_db->context().consent().withdraw(jean, wr).ok());
    auto w = openWindow();
    QVERIFY(w);
    auto *panel = w->findChild<QTreeWidget *>(QStringLiteral("selectionPanel"));
    // The counts arrive from a worker thread.
    QTreeWidgetItem *withdrawn = nullptr;
    QTreeWidgetItem *missing = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            withdrawn = missing = nullptr;
            for (QTreeWidgetItemIterator it(panel); *it; ++it) {
                const QString key = (*it)->data(0, Qt::UserRole + 1).toString();
                if (key == QLatin1String("consent-withdrawn:newsletter"))
                    withdrawn = *it;
                if (key == QLatin1String("consent-missing:newsletter"))
                    missing = *it;
            }
            return withdrawn && missing && withdrawn->text(1) == QLatin1String("1");
        }(),
        10000);
    QCOMPARE(missing->text(1), QStringLiteral("2"));
    panel->setCurrentItem(withdrawn);
    QCOMPARE(table(*w)->model()->rowCount(), 1);
    QCOMPARE(table(*w)->model()->index(0, 0).data(Storage::MemberTableModel::MemberIdRole).toLongLong(), jean);
    panel->setCurrentItem(missing);
    QCOMPARE(table(*w)->model()->rowCount(), 2);
    saveShot(w.get(), QStringLiteral("consent-selections.png"));
}

void TestMainWindow::eraseFromTheConsentTab()
{
    auto w = openWindow();
    QVERIFY(w);
    QTableView *view = table(*w);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(1, 0)); // Gagnon
    whenModal(this, [](QWidget *editor) {
        editor->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("eraseMemberButton")), Qt::LeftButton);
    });
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(Gui::MessageBox::lastText().contains(QString::fromUtf8("Zoé Gagnon")));
    QCOMPARE(m_db->members().count().value(), 2);
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(m_db->context().consent().isSuppressed(QStringLiteral("zoe@example.org")).value());
}

void TestMainWindow::organisationProfileIsChecked()
{
    auto w = openWindow();
    QVERIFY(w);
    QString firstError;
    whenDialog(this, QStringLiteral("organisationDialog"), [&firstError](QWidget *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("organisationName"))->setText(QStringLiteral("Les Amis du Parc"));
        dialog->findChild<QLineEdit *>(QStringLiteral("organisationEmail"))
            ->setText(QStringLiteral("bureau@amis.example.org"));
        auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QTest::mouseClick(save, Qt::LeftButton); // no postal address
        firstError = dialog->findChild<QLabel *>(QStringLiteral("organisationError"))->text();
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("organisationAddress"))
            ->setPlainText(QStringLiteral("12 rue des Lilas, Lyon"));
        auto *rules = dialog->findChild<QComboBox *>(QStringLiteral("jurisdictionCombo"));
        rules->setCurrentIndex(rules->findData(QStringLiteral("eu")));
        saveShot(dialog, QStringLiteral("organisation-dialog.png"));
        QTest::mouseClick(save, Qt::LeftButton);
    });
    w->findChild<QAction *>(QStringLiteral("organisationAction"))->trigger();
    QVERIFY2(firstError.contains(QStringLiteral("postal address")), qPrintable(firstError));
    const Consent::Organisation o = m_db->context().consent().organisation().value();
    QCOMPARE(o.name, QStringLiteral("Les Amis du Parc"));
    QCOMPARE(o.jurisdiction, Consent::Jurisdiction::Eu);
}

void TestMainWindow::mailchimpConsentThroughTheWizard()
{
    auto w = openWindow();
    QVERIFY(w);
    bool walked = false;
    bool offered = false;
    whenModal(this, [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ImportWizard *>(modal);
        if (!wizard)
            return;
        QTest::keyClick(wizard, Qt::Key_Enter); // 1 -> 2
        auto *purpose = wizard->findChild<QComboBox *>(QStringLiteral("importConsentPurposeCombo"));
        offered = purpose->isVisible() && wizard->findChild<QLabel *>(QStringLiteral("importConsentInfo"))
                                              ->text()
                                              .contains(QStringLiteral("CONFIRM_TIME"));
        QCOMPARE(purpose->currentData().toString(), QString()); // nothing recorded unless chosen
        purpose->setCurrentIndex(purpose->findData(QStringLiteral("newsletter")));
        saveShot(wizard, QStringLiteral("import-wizard-consent.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // 2 -> 3
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        QTest::keyClick(wizard, Qt::Key_Enter); // 3 -> 4
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        QTest::keyClick(wizard, Qt::Key_Enter);
        walked = true;
    });
    drop(w.get(), QStringLiteral(CARNET_SOURCE_DIR "/tests/data/mailchimp_subscribed.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(walked, 30000);
    QVERIFY(offered);
    auto eligible = m_db->context().consent().eligible(QStringLiteral("newsletter"));
    QCOMPARE(eligible.value().eligible.size(), size_t(40));
    QTRY_COMPARE(table(*w)->model()->rowCount(), 43);
}

void TestMainWindow::copiedAddressesGoThroughConsent()
{
    auto &consent = m_db->context().consent();
    Consent::GrantRequest r;
    r.purpose = QStringLiteral("newsletter");
    r.source = QStringLiteral("paper form");
    for (const char *email : {"helene@exemple.fr", "jean@example.org", "zoe@example.org"})
        QVERIFY(consent.record(m_db->members().findByEmail(QString::fromLatin1(email)).value().id, r).ok());
    Consent::WithdrawRequest wr;
    wr.purposes = {QStringLiteral("newsletter")};
    wr.source = QStringLiteral("email reply");
    QVERIFY(consent.withdraw(m_db->members().findByEmail(QStringLiteral("jean@example.org")).value().id, wr).ok());
    auto w = openWindow();
    QVERIFY(w);
    QApplication::clipboard()->clear();
    QString summary;
    whenDialog(this, QStringLiteral("copyAddressesDialog"), [&summary](QWidget *dialog) {
        summary = dialog->findChild<QLabel *>(QStringLiteral("copySummary"))->text();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    });
    w->findChild<QAction *>(QStringLiteral("copyAddressesAction"))->trigger();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(summary.contains(QStringLiteral("2 addresses")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Withdrawn: 1")), qPrintable(summary));
    QVERIFY(copied.contains(QStringLiteral("helene@exemple.fr")));
    QVERIFY(copied.contains(QStringLiteral("zoe@example.org")));
    QVERIFY2(!copied.contains(QStringLiteral("jean@example.org")), qPrintable(copied)); // withdrawn: never copied
    QCOMPARE(copied.count(QStringLiteral("; ")), 1);
}

void TestMainWindow::auditLogExportsNeutralisedCsv()
{
    const qint64 helene = m_db->members().findByEmail(QStringLiteral("helene@exemple.fr")).value().id;
    Consent::GrantRequest r;
    r.purpose = QStringLiteral("newsletter");
    r.source = QStringLiteral("=HYPERLINK(\"http://evil.example\")");
    r.recordedBy = QStringLiteral("@admin");
    QVERIFY(m_db->context().consent().record(helene, r).ok());
    Gui::AuditLogDialog dialog(m_db->context());
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("auditList"));
    QCOMPARE(list->topLevelItemCount(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    QCOMPARE(dialog.exportTo(path), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 with BOM, for Excel
    const QString csv = QString::fromUtf8(bytes);
    QVERIFY(csv.contains(QStringLiteral("\"'@admin\""))); // a cell never starts with @ or =
    QVERIFY(!csv.contains(QStringLiteral(";\"=")));
    QVERIFY(csv.contains(QStringLiteral("\r\n")));
    QVERIFY(!dialog.exportTo(QStringLiteral("/nonexistent/dir/audit.csv")).isEmpty());
}

void TestMainWindow::smtpAccountPresetTestAndSave()
{
    FakeSmtpServer::Shared server;
    bool serverDown = true;
    Gui::SmtpAccountDialog dialog(m_db->context(), [&]() -> std::unique_ptr<Smtp::Transport> {
        if (serverDown) {
            auto fake = std::make_unique<FakeTransport>();
            fake->greeting = "421 4.3.2 Too busy\r\n";
            return fake;
        }
        return std::make_unique<FakeSmtpServer>(&server);
    });
    dialog.show();
    auto *preset = dialog.findChild<QComboBox *>(QStringLiteral("presetCombo"));
    const int ovh = preset->findData(QStringLiteral("ovh"));
    QVERIFY(ovh > 0);
    preset->setCurrentIndex(ovh);
    Q_EMIT preset->activated(ovh);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(), QStringLiteral("ssl0.ovh.net"));
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 465);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("perHourSpin"))->value(), 180);
    dialog.findChild<QLineEdit *>(QStringLiteral("fromNameEdit"))->setText(QStringLiteral("Les Amis"));
    dialog.findChild<QLineEdit *>(QStringLiteral("fromAddressEdit"))
        ->setText(QStringLiteral("bureau@amis.example.org"));
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("s3cr3t"));
    dialog.findChild<QLineEdit *>(QStringLiteral("testToEdit"))->setText(QStringLiteral("me@example.org"));
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
    // The server refuses: the failure and the protocol log are shown.
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.testRunning(), 5000);
    QVERIFY2(result->text().contains(QStringLiteral("421")), qPrintable(result->text()));
    auto *log = dialog.findChild<QPlainTextEdit *>(QStringLiteral("protocolLog"));
    QVERIFY(log->isVisible());
    QVERIFY(log->toPlainText().contains(QStringLiteral("S: 421")));
    saveShot(&dialog, QStringLiteral("smtp-account-dialog.png"));
    // The server accepts.
    serverDown = false;
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.testRunning(), 5000);
    QVERIFY2(result->text().contains(QStringLiteral("accepted")), qPrintable(result->text()));
    QCOMPARE(server.delivered, QStringList{QStringLiteral("me@example.org")});
    dialog.accept();
    const Mail::SmtpAccount saved = Mail::SmtpAccount::load(m_db->context().databaseSettings()).value();
    QCOMPARE(saved.host, QStringLiteral("ssl0.ovh.net"));
    QCOMPARE(saved.from.address, QStringLiteral("bureau@amis.example.org"));
    QCOMPARE(saved.limits.perHour, 180);
    // The password stays in memory for the session, never in the file.
    QCOMPARE(m_db->context().sessionSmtpPassword(), QStringLiteral("s3cr3t"));
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM settings WHERE value LIKE '%s3cr3t%'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestMainWindow::outboxSendsOnAWorkerAndResolvesUnknown()
{
    Mail::SmtpAccount account;
    account.host = QStringLiteral("127.0.0.1");
    account.security = Smtp::Security::None;
    account.from = {QStringLiteral("Bureau"), QStringLiteral("bureau@asso.example.org")};
    QVERIFY(m_db->context()
                .database()
                .write([&] { return Mail::SmtpAccount::save(m_db->context().databaseSettings(), account); })
                .ok());
    Mail::Outbox outbox(m_db->context().database(), m_db->clock());
    QList<Mail::OutgoingItem> items;
    for (int i = 0; i < 5; ++i) {
        Mail::Message m;
        m.from = account.from;
        m.to = {{QString(), QStringLiteral("m%1@example.org").arg(i)}};
        m.subject = QStringLiteral("AG");
        m.text = QStringLiteral("Bonjour");
        auto built = Mail::Mime::build(m);
        QVERIFY(built.ok());
        items.append({built.value().envelopeTo.first(), built.value().envelopeFrom, false, built.value().bytes,
                      built.value().messageId, 0});
    }
    auto batch = outbox.queue(QStringLiteral("AG"), QString(), items);
    QVERIFY(batch.ok());
    // One message was interrupted in an earlier run: it is `unknown`, and stays so until the user decides.
    const qint64 interrupted = outbox.deliveries(batch.value()).value().first().id;
    QVERIFY(outbox.markSending(interrupted).ok());
    QVERIFY(outbox.recoverInterrupted().ok());

    FakeSmtpServer::Shared server;
    Gui::OutboxDialog dialog(m_db->context(), [&server]() -> std::unique_ptr<Smtp::Transport> {
        return std::make_unique<FakeSmtpServer>(&server);
    });
    dialog.show();
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("outboxList"));
    QCOMPARE(list->topLevelItemCount(), 5);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("sendNowButton")), Qt::LeftButton);
    QVERIFY(dialog.isSending());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSending(), 10000);
    QCOMPARE(server.delivered.size(), 4); // the unknown one is not sent again by itself
    QVERIFY2(dialog.findChild<QLabel *>(QStringLiteral("outboxCounts"))->text().startsWith(QStringLiteral("4 sent")),
             qPrintable(dialog.findChild<QLabel *>(QStringLiteral("outboxCounts"))->text()));
    saveShot(&dialog, QStringLiteral("outbox-dialog.png"));
    // The user says it did arrive.
    list->setCurrentItem(list->topLevelItem(0));
    auto *markSent = dialog.findChild<QPushButton *>(QStringLiteral("markSentButton"));
    QVERIFY(markSent->isEnabled());
    QTest::mouseClick(markSent, Qt::LeftButton);
    QCOMPARE(outbox.counts(batch.value()).value().value(QStringLiteral("sent")), 5);
    QCOMPARE(server.delivered.size(), 4);
}

void TestMainWindow::waitingMessagesGoByThemselves()
{
    // A real SMTP server process on 127.0.0.1 (the fault tests' script, healthy).
    QTemporaryDir out;
    QProcess server;
    server.start(QStringLiteral("python3"), {QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/smtp_faults.py"),
                                             QStringLiteral("--out"), out.path()});
    QVERIFY(server.waitForStarted(10000));
    QByteArray line;
    while (!line.contains('\n') && server.waitForReadyRead(15000))
        line += server.readAllStandardOutput();
    QVERIFY(line.startsWith("PORT "));
    Mail::SmtpAccount account;
    account.host = QStringLiteral("127.0.0.1");
    account.port = quint16(line.mid(5).trimmed().toInt());
    account.security = Smtp::Security::None;
    account.from = {QStringLiteral("Bureau"), QStringLiteral("bureau@asso.example.org")};
    QVERIFY(m_db->context()
                .database()
                .write([&] { return Mail::SmtpAccount::save(m_db->context().databaseSettings(), account); })
                .ok());
    Mail::Outbox outbox(m_db->context().database(), m_db->clock());
    QList<Mail::OutgoingItem> items;
    for (const char *to : {"a@example.org", "b@example.org"}) {
        Mail::Message m;
        m.from = account.from;
        m.to = {{QString(), QString::fromLatin1(to)}};
        m.subject = QStringLiteral("AG");
        m.text = QStringLiteral("Bonjour");
        auto built = Mail::Mime::build(m);
        QVERIFY(built.ok());
        items.append({built.value().envelopeTo.first(), built.value().envelopeFrom, false, built.value().bytes,
                      built.value().messageId, 0});
    }
    auto batch = outbox.queue(QStringLiteral("AG"), QString(), items);
    QVERIFY(batch.ok());
    auto w = openWindow();
    QVERIFY(w);
    w->resumeSending(); // what the window does by itself a few seconds after it opens, then every minute
    QTRY_COMPARE_WITH_TIMEOUT(QDir(out.path()).entryList({QStringLiteral("*.json")}, QDir::Files).size(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(outbox.counts(batch.value()).value().value(QStringLiteral("sent")), 2, 5000);
    w->resumeSending(); // nothing left: nothing sent twice
    QTest::qWait(300);
    QCOMPARE(QDir(out.path()).entryList({QStringLiteral("*.json")}, QDir::Files).size(), 2);
    server.closeWriteChannel();
    server.waitForFinished(5000);
}

void TestMainWindow::reportWizardWalkedWithTheKeyboard()
{
    auto w = openWindow();
    QVERIFY(w);
    const QString out = m_db->dir() + QStringLiteral("/cpl.csv");
    // CARNET_TEST_LANGUAGE=fr_FR takes the French screenshots; the wording checks are English.
    const bool english = qEnvironmentVariable("CARNET_TEST_LANGUAGE", QStringLiteral("en")) == QLatin1String("en");
    QString liveCount, askedCount, previewTotal;
    int totalsRows = -1;
    bool walked = false, answered = false, exported = false;
    whenDialog(this, QStringLiteral("reportWizard"), [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ReportWizard *>(modal);
        QVERIFY(wizard);
        auto failed = qScopeGuard([&] { // a failed check must not leave the modal wizard open
            if (!walked)
                wizard->reject();
        });
        QTest::keyClick(wizard, Qt::Key_Enter); // 1 What -> 2 Columns
        QCOMPARE(wizard->currentId(), int(Gui::ReportWizard::ColumnsPage));
        auto *available = wizard->findChild<QListWidget *>(QStringLiteral("availableList"));
        auto *chosen = wizard->findChild<QListWidget *>(QStringLiteral("chosenList"));
        QCOMPARE(chosen->count(), 3); // first name, last name, email to start with
        for (int i = 0; i < available->count(); ++i)
            if (available->item(i)->data(Qt::UserRole + 1).toString() == QLatin1String("section"))
                available->setCurrentRow(i);
        auto press = [](const char *name, QWidget *in) {
            auto *button = in->findChild<QPushButton *>(QString::fromLatin1(name));
            button->setFocus();
            QTest::keyClick(button, Qt::Key_Space);
        };
        press("addButton", wizard);
        QCOMPARE(chosen->count(), 4);
        QCOMPARE(chosen->currentItem()->data(Qt::UserRole + 1).toString(), QStringLiteral("section"));
        press("upButton", wizard);
        QCOMPARE(chosen->item(2)->data(Qt::UserRole + 1).toString(), QStringLiteral("section"));
        press("removeButton", wizard); // not wanted after all
        QCOMPARE(chosen->count(), 3);
        QTest::keyClick(wizard, Qt::Key_Enter); // -> 3 Filters
        auto *add = wizard->findChild<QPushButton *>(QStringLiteral("filterAddCondition"));
        add->setFocus();
        QTest::keyClick(add, Qt::Key_Space);
        auto *field = wizard->findChild<QComboBox *>(QStringLiteral("filterField"));
        QVERIFY(field);
        field->setFocus();
        QTest::keyClicks(field, Core::MemberFields::label(Core::MemberField::Section));
        QCOMPARE(field->currentData().toString(), QStringLiteral("section"));
        auto *value = wizard->findChild<QComboBox *>(QStringLiteral("filterValue"));
        value->setFocus();
        QTest::keyClicks(value, QStringLiteral("CPL"));
        auto *count = wizard->findChild<QLabel *>(QStringLiteral("liveCount"));
        QTRY_VERIFY_WITH_TIMEOUT(count->text().startsWith(QStringLiteral("2 ")), 10000);
        liveCount = count->text();
        auto *ask = wizard->findChild<QCheckBox *>(QStringLiteral("filterAsk"));
        ask->setFocus();
        QTest::keyClick(ask, Qt::Key_Space); // which section: asked when run
        QVERIFY(!english ||
                wizard->findChild<QLineEdit *>(QStringLiteral("filterQuestion"))->text() == QLatin1String("Section?"));
        QTRY_VERIFY(!count->text().startsWith(QStringLiteral("2 ")));
        askedCount = count->text();
        saveShot(wizard, QStringLiteral("report-wizard-filters.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // -> 4 Sort and totals
        auto *groupBy = wizard->findChild<QComboBox *>(QStringLiteral("groupBy"));
        groupBy->setFocus();
        QTest::keyClicks(groupBy, Core::MemberFields::label(Core::MemberField::Category).left(3)); // ASCII keys
        QCOMPARE(groupBy->currentData().toString(), QStringLiteral("category"));
        QTest::keyClick(wizard, Qt::Key_Enter); // -> 5 Preview: the question first
        auto *answer = wizard->findChild<QLineEdit *>(QStringLiteral("answer_section"));
        QVERIFY(answer);
        QTest::keyClicks(answer, QStringLiteral("CPL"));
        auto *total = wizard->findChild<QLabel *>(QStringLiteral("previewTotal"));
        QTRY_VERIFY_WITH_TIMEOUT(total->text().startsWith(QStringLiteral("2 ")), 10000);
        previewTotal = total->text();
        totalsRows = wizard->findChild<QTableWidget *>(QStringLiteral("totalsTable"))->rowCount();
        QCOMPARE(wizard->findChild<QTableWidget *>(QStringLiteral("previewTable"))->rowCount(), 2);
        saveShot(wizard, QStringLiteral("report-wizard-preview.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // -> 6 Save
        QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("CPL members"));
        auto *group = wizard->findChild<QComboBox *>(QStringLiteral("groupEdit"));
        group->setFocus();
        QTest::keyClicks(group, QStringLiteral("AG"));
        auto *after = wizard->findChild<QComboBox *>(QStringLiteral("afterCombo"));
        after->setCurrentIndex(after->findData(int(Gui::ReportWizard::After::Export)));
        // The export asks the report's question again (the preview's answer offered), then its wizard opens.
        whenDialog(this, QStringLiteral("reportParamsDialog"), [&](QWidget *dialog) {
            QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("answer_section"))->text(), QStringLiteral("CPL"));
            QTest::keyClick(dialog, Qt::Key_Enter);
            answered = true;
            whenDialog(this, QStringLiteral("exportWizard"), [&](QWidget *exportModal) {
                auto *exportWizard = qobject_cast<Gui::ExportWizard *>(exportModal);
                auto failed = qScopeGuard([&] {
                    if (!exported)
                        exportWizard->reject();
                });
                auto *excelFr = exportWizard->findChild<QRadioButton *>(QStringLiteral("excelFrRadio"));
                excelFr->setFocus();
                QTest::keyClick(excelFr, Qt::Key_Space);
                QTest::keyClick(exportWizard, Qt::Key_Enter); // -> Columns
                QCOMPARE(exportWizard->currentId(), int(Gui::ExportWizard::ColumnsPage));
                QTest::keyClick(exportWizard, Qt::Key_Enter); // -> Purpose (administration)
                QTRY_VERIFY_WITH_TIMEOUT(exportWizard->currentPage()->isComplete(), 10000);
                QVERIFY(!english || exportWizard->findChild<QLabel *>(QStringLiteral("planLabel"))
                                        ->text()
                                        .contains(QStringLiteral("personal data")));
                QTest::keyClick(exportWizard, Qt::Key_Enter); // -> File
                auto *path = exportWizard->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
                path->selectAll();
                QTest::keyClicks(path, out);
                QTest::keyClick(exportWizard, Qt::Key_Enter); // Write
                QTRY_VERIFY_WITH_TIMEOUT(!exportWizard->isVisible(), 10000);
                exported = true;
            });
        });
        QTest::keyClick(wizard, Qt::Key_Enter); // Save
        walked = true;
    });
    w->findChild<QAction *>(QStringLiteral("newReportAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(walked && answered && exported, 30000);
    if (!english)
        return;
    QCOMPARE(askedCount.left(40), QStringLiteral("The number of members depends on the ans"));
    QCOMPARE(previewTotal, QStringLiteral("2 members."));
    QCOMPARE(liveCount, QStringLiteral("2 members match."));
    QCOMPARE(totalsRows, 2); // categories A and B
    // The file: Excel (French), atomically written, the report's order (last name).
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("\xEF\xBB\xBF"
                                        "First name;Last name;Email\r\n") +
                                 QString::fromUtf8("Hélène;Côté;helene@exemple.fr\r\n"
                                                   "Zoé;Gagnon;zoe@example.org\r\n")
                                     .toUtf8());
    // Saved, and in the side panel under Reports › AG; choosing it asks which section.
    auto saved =
        Reports::ReportRepository(m_db->context().database(), m_db->clock()).find(QStringLiteral("CPL members"));
    QVERIFY(saved.ok());
    QCOMPARE(saved.value().group, QStringLiteral("AG"));
    QCOMPARE(saved.value().groupBy, QStringLiteral("category"));
    auto *panel = w->findChild<QTreeWidget *>(QStringLiteral("selectionPanel"));
    QTreeWidgetItem *item = nullptr;
    QTRY_VERIFY((item = [panel]() -> QTreeWidgetItem * {
        for (QTreeWidgetItemIterator it(panel); *it; ++it)
            if ((*it)->text(0) == QLatin1String("CPL members"))
                return *it;
        return nullptr;
    }()));
    QCOMPARE(item->parent()->text(0), QStringLiteral("AG"));
    bool asked = false;
    whenDialog(this, QStringLiteral("reportParamsDialog"), [&](QWidget *dialog) {
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("answer_section"));
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("MPL"));
        QTest::keyClick(dialog, Qt::Key_Enter);
        asked = true;
    });
    panel->setCurrentItem(item);
    QTRY_VERIFY(asked);
    QTRY_COMPARE(table(*w)->model()->rowCount(), 1);
    QVERIFY(table(*w)
                ->model()
                ->index(0, columnWithKey(table(*w)->model(), QStringLiteral("email")))
                .data()
                .toString()
                .startsWith(QStringLiteral("jean@")));
    saveShot(w.get(), QStringLiteral("report-selection.png"));
    // The export is in the audit log.
    auto audit = m_db->context().audit().list();
    QVERIFY(audit.ok());
    QVERIFY(std::any_of(audit.value().cbegin(), audit.value().cend(), [](const Storage::AuditEntry &e) {
        return e.action == QLatin1String("export") &&
               e.details.value(QStringLiteral("report")).toString() == QLatin1String("CPL members");
    }));
}

void TestMainWindow::exportForMailingCopiesOnlyThoseWhoAgreed()
{
    Consent::GrantRequest grant;
    grant.purpose = QStringLiteral("newsletter");
    grant.source = QStringLiteral("form");
    const qint64 helene = m_db->members().findByEmail(QStringLiteral("helene@exemple.fr")).value().id;
    const qint64 jean = m_db->members().findByEmail(QStringLiteral("jean@example.org")).value().id;
    QVERIFY(m_db->context().consent().record(helene, grant).ok());
    QVERIFY(m_db->context().consent().record(jean, grant).ok());
    Consent::WithdrawRequest withdraw;
    withdraw.purposes = {QStringLiteral("newsletter")};
    withdraw.source = QStringLiteral("reply");
    QVERIFY(m_db->context().consent().withdraw(jean, withdraw).ok());
    auto w = openWindow();
    QVERIFY(w);
    QApplication::clipboard()->clear();
    QString plan;
    bool done = false;
    whenDialog(this, QStringLiteral("exportWizard"), [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ExportWizard *>(modal);
        auto failed = qScopeGuard([&] {
            if (!done)
                wizard->reject();
        });
        auto *clipboard = wizard->findChild<QRadioButton *>(QStringLiteral("clipboardRadio"));
        clipboard->setFocus();
        QTest::keyClick(clipboard, Qt::Key_Space);
        QTest::keyClick(wizard, Qt::Key_Enter); // -> Purpose: mailing only
        QCOMPARE(wizard->currentId(), int(Gui::ExportWizard::PurposePage));
        QVERIFY(!wizard->findChild<QRadioButton *>(QStringLiteral("adminRadio"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 10000);
        plan = wizard->findChild<QLabel *>(QStringLiteral("planLabel"))->text();
        saveShot(wizard, QStringLiteral("export-wizard-purpose.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // -> the addresses
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 10000);
        QTest::keyClick(wizard, Qt::Key_Enter); // Copy
        done = true;
    });
    w->findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(plan.startsWith(QStringLiteral("1 address of members who agreed.")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("Withdrawn: 1")) || plan.contains(QStringLiteral("withdrawn: 1")),
             qPrintable(plan));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("helene@exemple.fr"));
}

void TestMainWindow::reportsDuplicatedEditedAndDeletedFromThePanel()
{
    Reports::ReportRepository reports(m_db->context().database(), m_db->clock());
    auto def = Reports::ReportDefinition::fromJson(QJsonDocument::fromJson(R"({"name":"No email","group":"Checks",
        "columns":["first_name","last_name"],"filter":{"field":"email","op":"is_empty"}})")
                                                       .object());
    QVERIFY(def.ok());
    QVERIFY(reports.save(def.value()).ok());
    auto w = openWindow();
    QVERIFY(w);
    auto *panel = w->findChild<Gui::SelectionPanel *>(QStringLiteral("selectionPanel"));
    QTRY_VERIFY(!panel->findItems(QStringLiteral("No email"), Qt::MatchRecursive).isEmpty());
    // Duplicate: the wizard opens on a copy; walking it through saves "No email (copy)", the original stays.
    bool walked = false;
    whenDialog(this, QStringLiteral("reportWizard"), [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ReportWizard *>(modal);
        auto failed = qScopeGuard([&] {
            if (!walked)
                wizard->reject();
        });
        for (int step = 0; step < 4; ++step)
            QTest::keyClick(wizard, Qt::Key_Enter);
        QCOMPARE(wizard->currentId(), int(Gui::ReportWizard::PreviewPage));
        QTRY_VERIFY(
            wizard->findChild<QLabel *>(QStringLiteral("previewTotal"))->text().startsWith(QStringLiteral("0 ")));
        QTest::keyClick(wizard, Qt::Key_Enter);
        auto *after = wizard->findChild<QComboBox *>(QStringLiteral("afterCombo"));
        after->setCurrentIndex(after->findData(int(Gui::ReportWizard::After::Nothing)));
        QTest::keyClick(wizard, Qt::Key_Enter);
        walked = true;
    });
    Q_EMIT panel->reportDuplicateRequested(QStringLiteral("No email"));
    QTRY_VERIFY(walked);
    QVERIFY(reports.find(QStringLiteral("No email")).ok());
    auto copy = reports.find(QStringLiteral("No email (copy)"));
    QVERIFY(copy.ok());
    // The same condition, as the wizard writes it: a group of one.
    QCOMPARE(copy.value().filter, QJsonValue(QJsonObject{{QStringLiteral("all"), QJsonArray{def.value().filter}}}));
    QTRY_VERIFY(!panel->findItems(QStringLiteral("No email (copy)"), Qt::MatchRecursive).isEmpty());
    // Edit: renamed in the Save step, the old name goes.
    walked = false;
    whenDialog(this, QStringLiteral("reportWizard"), [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ReportWizard *>(modal);
        auto failed = qScopeGuard([&] {
            if (!walked)
                wizard->reject();
        });
        for (int step = 0; step < 5; ++step)
            QTest::keyClick(wizard, Qt::Key_Enter);
        auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Without email"));
        QTest::keyClick(wizard, Qt::Key_Enter);
        walked = true;
    });
    Q_EMIT panel->reportEditRequested(QStringLiteral("No email (copy)"));
    QTRY_VERIFY(walked);
    QVERIFY(!reports.find(QStringLiteral("No email (copy)")).ok());
    QVERIFY(reports.find(QStringLiteral("Without email")).ok());
    // Delete asks first; No keeps it, Yes removes it.
    Gui::MessageBox::setNextAnswer(QMessageBox::No);
    Q_EMIT panel->reportDeleteRequested(QStringLiteral("Without email"));
    QVERIFY(reports.find(QStringLiteral("Without email")).ok());
    Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
    Q_EMIT panel->reportDeleteRequested(QStringLiteral("Without email"));
    QVERIFY(!reports.find(QStringLiteral("Without email")).ok());
    QTRY_VERIFY(panel->findItems(QStringLiteral("Without email"), Qt::MatchRecursive).isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
