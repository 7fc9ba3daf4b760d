// The main window driven offscreen: the member table, search, selections, the member editor, preferences, import by
// drag and drop.
#include "CliRun.h"
#include "MemberActions.h"
#include "WindowTest.h"

#include "storage/DatabaseCopy.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QProcess>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>

class TestMainWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installLanguage(); }
    void init() { QVERIFY(setUp()); }
    void cleanup() { tearDown(); }
    void opensOnTheMemberTable();
    void searchNarrowsTheTable();
    void selectionFiltersTheTable();
    void editorRefusesMissingNameAndBadEmail();
    void addsAMemberWithTheKeyboard();
    void enterEditsTheCurrentMember();
    void languagePreferenceIsSaved();
    void deletesOnlyAfterConfirmation();
    void deletesManyMembersAside();
    void emptyDatabaseShowsWelcome();
    void columnChoiceIsRemembered();
    void droppedFileIsImportedThroughTheWizard();
    void droppedSpreadsheetShowsItsSheets();
    void spreadsheetSheetsAreCountedAside();
    void droppedImageIsRefused();
    void droppedMemberFileIsRefused();
    void chromeSaysWhichFileAndWhatIsShown();
    void undoAnImportFromTheFileMenu();
    void savesACopy();
    void anEditNeverOverwritesAnotherOne();
};

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
    auto noEmail = [panel] { // counted on a worker: the panel's items are built again then
        const auto items = panel->findItems(QStringLiteral("No email address"), Qt::MatchExactly);
        return items.isEmpty() ? QString() : items.first()->text(1);
    };
    QTRY_COMPARE(noEmail(), QStringLiteral("1"));
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
    // Esc with changes asks first: "Cancel" keeps the editor open, "Discard" leaves it without saving.
    bool stayed = false;
    whenModal(this, [&stayed](QWidget *modal) {
        auto *dialog = qobject_cast<MemberEditorDialog *>(modal);
        if (!dialog)
            return;
        auto *city = dialog->findChild<QLineEdit *>(QStringLiteral("cityEdit"));
        city->clear();
        QTest::keyClicks(city, QStringLiteral("Lyon"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::keyClick(city, Qt::Key_Escape);
        stayed = dialog->isVisible() && Gui::MessageBox::lastText().contains(QStringLiteral("Discard the changes"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Discard);
        QTest::keyClick(city, Qt::Key_Escape);
        Gui::MessageBox::clearNextAnswer();
    });
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(stayed);
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
    // Changed by someone else after the table showed it: the deletion says who changed what before it goes.
    view->selectRow(0);
    const Core::Member shown = w->memberModel()->memberAt(0);
    Core::Member changed = m_db->members().find(shown.id).value();
    changed.city = QStringLiteral("Rimouski");
    QVERIFY(m_db->members().save(changed).ok());
    Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY2(Gui::MessageBox::lastText().contains(QStringLiteral("Rimouski")), qPrintable(Gui::MessageBox::lastText()));
    QVERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("after this list showed it")));
    QCOMPARE(m_db->members().count().value(), 1);
    QCOMPARE(view->model()->rowCount(), 1);
    // Delete typed in the search box deletes text, never members.
    auto *search = w->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Delete);
    QCOMPARE(m_db->members().count().value(), 1);
}

// Selecting all and deleting: more than a hundred members are deleted aside (in chunks, the window answering,
// progress and Cancel when it lasts); one changed by someone else after the table showed it is asked about.
void TestMainWindow::deletesManyMembersAside()
{
    for (int i = 0; i < Gui::MemberActions::kDeleteOneByOneUpTo + 30; ++i) {
        Core::Member m;
        m.firstName = QStringLiteral("Membre");
        m.lastName = QStringLiteral("Numéro %1").arg(i, 3, 10, QLatin1Char('0'));
        m.email = QStringLiteral("membre%1@example.org").arg(i);
        QVERIFY(m_db->members().save(m).ok());
    }
    const qint64 all = m_db->members().count().value();
    auto w = openWindow();
    QVERIFY(w);
    QTableView *view = table(*w);
    QCOMPARE(view->model()->rowCount(), int(all));
    view->setFocus();
    view->selectAll();
    // The first row was shown (painted: the table read its page); another volunteer changes it meanwhile.
    view->viewport()->repaint();
    QTRY_VERIFY(w->memberModel()->shownVersion(0) != 0);
    Core::Member changed = m_db->members().find(w->memberModel()->memberIdAt(0)).value();
    QCOMPARE(w->memberModel()->shownVersion(0), changed.version);
    changed.city = QStringLiteral("Rimouski");
    QVERIFY(m_db->members().save(changed).ok());
    Gui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_db->members().count().value(), all);
    QVERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("%1 members").arg(all)));
    Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(view, Qt::Key_Delete);
    // Asked about the changed one (answered Yes: deleted as it is now), then every member is gone.
    QVERIFY2(Gui::MessageBox::lastText().contains(QStringLiteral("changed by someone else")),
             qPrintable(Gui::MessageBox::lastText()));
    QCOMPARE(m_db->members().count().value(), 0);
    QTRY_COMPARE(view->model()->rowCount(), 0);
    QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("%1 members deleted").arg(all)));
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

void TestMainWindow::droppedFileIsImportedThroughTheWizard()
{
    auto w = openWindow();
    QVERIFY(w);
    QString detected;
    QString preview;
    QString result;
    QString importButton;
    QStringList partnerColumns;
    bool walked = false;
    whenModal(this, [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ImportWizard *>(modal);
        if (!wizard)
            return;
        detected = wizard->findChild<QLabel *>(QStringLiteral("importDetectedLabel"))->text();
        if (const QString dir = qEnvironmentVariable("CARNET_SCREENSHOT_DIR"); !dir.isEmpty())
            wizard->grab().save(dir + QStringLiteral("/import-wizard-file.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // 1 -> 2
        // Cagette's partner columns are shown as what they become: a second member of the household.
        for (auto *combo : wizard->findChildren<QComboBox *>()) {
            if (combo->objectName().startsWith(QLatin1String("importTarget_")) &&
                combo->currentText().startsWith(QLatin1String("Partner's")))
                partnerColumns.append(combo->currentText());
        }
        QTest::keyClick(wizard, Qt::Key_Enter); // 2 -> 3: the dry run starts
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        importButton = wizard->buttonText(QWizard::NextButton);
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
    QCOMPARE(importButton, QStringLiteral("&Import")); // the preview's button imports, and says so
    QVERIFY2(partnerColumns.contains(QStringLiteral("Partner's first name (a second member, same household)")),
             qPrintable(partnerColumns.join(QLatin1Char('|'))));
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

// The spreadsheets written by real programs (openpyxl, odfpy) into `dir`.
static bool makeSpreadsheets(const QString &dir)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/make_spreadsheets.py"), dir});
    return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0;
}

// An .xlsx dropped as it is: the first step shows its sheets (the active one chosen, the hidden one
// marked) instead of an encoding and a separator; another sheet can be picked; the import reads the
// sheet chosen.
void TestMainWindow::droppedSpreadsheetShowsItsSheets()
{
    QTemporaryDir files;
    QVERIFY(makeSpreadsheets(files.path()));
    auto w = openWindow();
    QVERIFY(w);
    QStringList sheets;
    QString chosen;
    QString detected;
    bool encodingShown = true;
    QString headerAfterSwitch;
    QString result;
    bool walked = false;
    whenModal(this, [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ImportWizard *>(modal);
        if (!wizard)
            return;
        auto *sheet = wizard->findChild<QComboBox *>(QStringLiteral("importSheetCombo"));
        QTRY_VERIFY(sheet->isEnabled()); // the sheets listed aside
        for (int i = 0; i < sheet->count(); ++i)
            sheets.append(sheet->itemText(i));
        chosen = sheet->currentText();
        detected = wizard->findChild<QLabel *>(QStringLiteral("importDetectedLabel"))->text();
        encodingShown = wizard->findChild<QComboBox *>(QStringLiteral("importEncodingCombo"))->isVisible();
        if (const QString dir = qEnvironmentVariable("CARNET_SCREENSHOT_DIR"); !dir.isEmpty())
            wizard->grab().save(dir + QStringLiteral("/import-wizard-sheets.png"));
        sheet->setCurrentIndex(0); // the "Notes" sheet: one line of text
        auto *sample = wizard->findChild<QTableWidget *>();
        // One line of text: shown as the column's name or as the first row, whichever the header guess says.
        if (sample->columnCount() > 0 && sample->horizontalHeaderItem(0))
            headerAfterSwitch = sample->horizontalHeaderItem(0)->text();
        if (sample->rowCount() > 0 && sample->item(0, 0))
            headerAfterSwitch = sample->item(0, 0)->text();
        sheet->setCurrentIndex(1);              // back to the members
        QTest::keyClick(wizard, Qt::Key_Enter); // 1 -> 2
        QTest::keyClick(wizard, Qt::Key_Enter); // 2 -> 3: the dry run
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        QTest::keyClick(wizard, Qt::Key_Enter); // 3 -> 4: the import
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        result = wizard->findChild<QLabel *>(QStringLiteral("importResultSummary"))->text();
        QTest::keyClick(wizard, Qt::Key_Enter);
        walked = true;
    });
    drop(w.get(), files.filePath(QStringLiteral("openpyxl_members.xlsx")));
    QTRY_VERIFY_WITH_TIMEOUT(walked, 30000);
    QCOMPARE(sheets, (QStringList{QStringLiteral("Notes — 1 row"), QStringLiteral("Adhérents — 4 rows"),
                                  QStringLiteral("Archive — 2 rows (hidden)")}));
    QCOMPARE(chosen, QStringLiteral("Adhérents — 4 rows"));
    QVERIFY(!encodingShown);
    QVERIFY2(detected.contains(QStringLiteral("Excel workbook")), qPrintable(detected));
    QCOMPARE(headerAfterSwitch, QStringLiteral("Liste tenue par le bureau"));
    QVERIFY2(result.startsWith(QStringLiteral("1 member")) || result.contains(QStringLiteral("added")),
             qPrintable(result));
    QVERIFY(m_db->members().findByEmail(QStringLiteral("theo@example.org")).ok());
    const Core::Member theo = m_db->members().findByEmail(QStringLiteral("theo@example.org")).value();
    QCOMPARE(theo.postalCode, QStringLiteral("01310"));
}

// The sheets of an .ods take a pass over the whole file to list (seconds for a million rows): the wizard's first
// step shows the sheet it reads at once, its first rows, and the list when it is ready; closing it meanwhile
// stops the listing.
void TestMainWindow::spreadsheetSheetsAreCountedAside()
{
    QTemporaryDir files;
    QVERIFY(makeSpreadsheets(files.path()));
    const QString ods = files.filePath(QStringLiteral("odfpy_members.ods"));
    {
        Gui::ImportWizard wizard(m_db->context(), ods);
        wizard.show(); // the first step reads the file; the listing is handed to its thread
        auto *sheet = wizard.findChild<QComboBox *>(QStringLiteral("importSheetCombo"));
        QVERIFY(sheet);
        QCOMPARE(sheet->count(), 1);
        QCOMPARE(sheet->itemText(0), QStringLiteral("Membres — counting the rows…"));
        QVERIFY(!sheet->isEnabled());
        auto *sample = wizard.findChild<QTableWidget *>();
        QVERIFY(sample->rowCount() > 0); // the first rows are there already
        saveShot(&wizard, QStringLiteral("import-wizard-counting.png"));
        QTRY_VERIFY(sheet->isEnabled());
        QCOMPARE(sheet->count(), 3);
        QCOMPARE(sheet->currentIndex(), 1);
        QCOMPARE(sheet->currentText(), QStringLiteral("Membres — 5 rows"));
        QVERIFY(sheet->itemText(2).endsWith(QStringLiteral("(hidden)")));
        // Another sheet chosen: read again, the list kept.
        sheet->setCurrentIndex(2);
        QCOMPARE(sheet->count(), 3);
        QCOMPARE(sheet->currentIndex(), 2);
        QVERIFY(sheet->isEnabled());
    }
    // Closed while it lists: nothing waits for the whole pass, nothing is left running.
    for (int i = 0; i < 5; ++i) {
        Gui::ImportWizard wizard(m_db->context(), ods);
        wizard.show();
    }
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

// The member file itself, dropped on the window by mistake, is refused without being read.
void TestMainWindow::droppedMemberFileIsRefused()
{
    auto w = openWindow();
    QVERIFY(w);
    Gui::MessageBox::setNextAnswer(QMessageBox::Ok);
    drop(w.get(), m_db->path());
    QTRY_VERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("cannot be imported into itself")));
    QCOMPARE(m_db->members().count().value(), 3);
}

// The title names the file (Qt adds the application's name), the status bar says where it is; an empty
// search result says so; editing and deleting are offered only with a member to act on; a consent column
// does not pretend to sort.
void TestMainWindow::chromeSaysWhichFileAndWhatIsShown()
{
    auto w = openWindow();
    QVERIFY(w);
    auto *location = w->findChild<QLabel *>(QStringLiteral("fileLocation"));
    QVERIFY(location && location->isVisible());
    if (m_db->isServer()) { // user@host:port/database, in the title and the status bar
        const QString where = m_db->context().database().displayName();
        QVERIFY2(where.startsWith(QStringLiteral("carnet_admin@127.0.0.1:")) && where.contains(QStringLiteral("/t_")),
                 qPrintable(where));
        QCOMPARE(w->windowTitle(), where);
        QCOMPARE(location->text(), QStringLiteral("Server: ") + where);
    } else {
        QCOMPARE(w->windowTitle(), QStringLiteral("carnet.sqlite"));
        QCOMPARE(location->toolTip(), QDir::toNativeSeparators(m_db->path()));
    }
    w->setFileLabel(QStringLiteral("demo association"));
    QCOMPARE(w->windowTitle(), QStringLiteral("demo association"));

    auto *edit = w->findChild<QAction *>(QStringLiteral("editMemberAction"));
    auto *remove = w->findChild<QAction *>(QStringLiteral("deleteMemberAction"));
    QVERIFY(edit && remove);
    table(*w)->setCurrentIndex(table(*w)->model()->index(0, 0));
    QVERIFY(edit->isEnabled());
    auto *search = w->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *note = w->findChild<QLabel *>(QStringLiteral("emptyResult"));
    QVERIFY(note);
    QVERIFY(!note->isVisible());
    QTest::keyClicks(search, QStringLiteral("zzzz"));
    QCOMPARE(table(*w)->model()->rowCount(), 0);
    QTRY_VERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("No member matches “zzzz”."));
    QVERIFY(!edit->isEnabled());
    QVERIFY(!remove->isEnabled());
    saveShot(w.get(), QStringLiteral("empty-search.png"));
    // It stays in the middle of the table when the window is resized.
    w->resize(1500, 900);
    QWidget *viewport = table(*w)->viewport();
    QTRY_VERIFY(qAbs(note->geometry().center().x() - viewport->rect().center().x()) < 20 &&
                note->width() > viewport->width() / 2);
    search->clear();
    QTRY_VERIFY(!note->isVisible());

    // A click on a consent column's header: the order and the arrow stay as they were, and the status says why.
    QHeaderView *header = table(*w)->horizontalHeader();
    const int before = header->sortIndicatorSection();
    const int consent = columnWithKey(table(*w)->model(), QStringLiteral("consent:newsletter"));
    QVERIFY(consent >= 0);
    header->setSortIndicator(consent, Qt::AscendingOrder);
    QCOMPARE(header->sortIndicatorSection(), before);
    QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("cannot be sorted")));
}

// The last imports can be undone from the File menu, not only from the import wizard's last page.
void TestMainWindow::undoAnImportFromTheFileMenu()
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir.path(), QStringLiteral("nouveaux.csv"),
                                  "Prénom;Nom;Courriel\nLéa;David;lea@example.org\nMarc;Roy;marc@example.org\n");
    const Run imported = ::cli({QStringLiteral("--database"), m_db->path(), QStringLiteral("import"), csv});
    QCOMPARE(imported.exitCode, 0);
    auto w = openWindow();
    QVERIFY(w);
    QCOMPARE(table(*w)->model()->rowCount(), 5);
    auto *menu = w->findChild<QMenu *>(QStringLiteral("undoImportMenu"));
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(menu->actions().first()->text().startsWith(QStringLiteral("nouveaux.csv")));
    Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
    menu->actions().first()->trigger();
    QTRY_COMPARE(table(*w)->model()->rowCount(), 3);
    QCOMPARE(m_db->members().count().value(), 3);
    Q_EMIT menu->aboutToShow();
    QVERIFY(!menu->actions().first()->isEnabled()); // "No import to undo"
}

// Save a copy: a consistent, openable file written by SQLite itself, while the window keeps the original. From
// the server: File › Save a local copy makes a local file of every table, which compares equal.
void TestMainWindow::savesACopy()
{
    auto w = openWindow();
    QVERIFY(w);
    const QString copy = QDir(m_db->dir()).filePath(QStringLiteral("copie.sqlite"));
    if (m_db->isServer()) {
        auto *action = w->findChild<QAction *>(QStringLiteral("saveCopyAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&Save a local copy…"));
        QVERIFY(!w->findChild<QAction *>(QStringLiteral("moveToServerAction"))); // already on a server
        whenModal(w.get(), [&](QWidget *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            QVERIFY(files);
            files->selectFile(copy);
            QMetaObject::invokeMethod(files, "accept", Qt::QueuedConnection);
        });
        action->trigger();
        QTRY_VERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("local copy")));
        auto opened = AppContext::open(copy);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value()->members().count().value(), 3);
        auto local = Storage::DatabaseCopy::checksums(opened.value()->database());
        auto server = Storage::DatabaseCopy::checksums(m_db->context().database());
        QVERIFY(local.ok() && server.ok());
        QVERIFY(local.value() == server.value());
        return;
    }
    QVERIFY(m_db->context().database().saveCopy(copy).ok());
    QVERIFY(!QFile::exists(copy + QStringLiteral(".part")));
    QVERIFY(!m_db->context().database().saveCopy(m_db->path()).ok()); // never over the file itself
    auto opened = AppContext::open(copy);
    QVERIFY(opened.ok());
    QCOMPARE(opened.value()->members().count().value(), 3);
    QVERIFY(QFile::exists(m_db->path() + QStringLiteral("-wal"))); // the window's file is still in use, untouched
}

// The editor open on a member while another computer saves it: Save never overwrites. The conflict says who
// changed what; "Use mine for the fields I changed" keeps both when they touched different fields; when both
// changed the same field that choice is off, and Review shows their version with this editor's changes on top.
void TestMainWindow::anEditNeverOverwritesAnotherOne()
{
    auto members = m_db->members().list(Storage::MemberQuery{});
    QVERIFY(members.ok() && !members.value().isEmpty());
    const Core::Member original = members.value().first();
    auto elsewhere = [&](const std::function<void(Core::Member &)> &change) {
        Core::Member m = m_db->members().find(original.id).value();
        change(m);
        QVERIFY(m_db->members().save(m).ok());
    };
    {
        MemberEditorDialog dialog(m_db->members());
        dialog.setMember(m_db->members().find(original.id).value());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        elsewhere([](Core::Member &m) { m.city = QStringLiteral("Lyon"); });
        dialog.findChild<QLineEdit *>(QStringLiteral("phoneEdit"))->setText(QStringLiteral("0612345678"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Apply);
        dialog.accept();
        QVERIFY2(Gui::MessageBox::lastText().contains(QStringLiteral("Lyon")), qPrintable(Gui::MessageBox::lastText()));
        QVERIFY2(!dialog.isVisible(), qPrintable(dialog.findChild<QLabel *>(QStringLiteral("generalError"))->text() +
                                                 Gui::MessageBox::lastText()));
        const Core::Member now = m_db->members().find(original.id).value();
        QCOMPARE(now.city, QStringLiteral("Lyon"));
        QCOMPARE(now.phone, QStringLiteral("0612345678"));
    }
    {
        MemberEditorDialog dialog(m_db->members());
        dialog.setMember(m_db->members().find(original.id).value());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        elsewhere([](Core::Member &m) { m.city = QStringLiteral("Québec"); });
        auto *city = dialog.findChild<QLineEdit *>(QStringLiteral("cityEdit"));
        city->setText(QStringLiteral("Montréal"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Apply); // off: both changed the city, so it reviews
        dialog.accept();
        QVERIFY(Gui::MessageBox::lastText().contains(QStringLiteral("same field")));
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_db->members().find(original.id).value().city, QStringLiteral("Québec")); // theirs, untouched
        QCOMPARE(city->text(), QStringLiteral("Montréal"));                                 // mine on top
        saveShot(&dialog, QStringLiteral("editor-conflict-review.png"));
        Gui::MessageBox::clearNextAnswer();
        dialog.accept(); // saved again, from their version
        QVERIFY(!dialog.isVisible());
        QCOMPARE(m_db->members().find(original.id).value().city, QStringLiteral("Montréal"));
    }
    {
        MemberEditorDialog dialog(m_db->members());
        dialog.setMember(m_db->members().find(original.id).value());
        elsewhere([](Core::Member &m) { m.notes = QStringLiteral("theirs"); });
        dialog.findChild<QLineEdit *>(QStringLiteral("cityEdit"))->setText(QStringLiteral("Paris"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Discard); // keep theirs
        dialog.accept();
        const Core::Member now = m_db->members().find(original.id).value();
        QCOMPARE(now.notes, QStringLiteral("theirs"));
        QCOMPARE(now.city, QStringLiteral("Montréal"));
        QCOMPARE(dialog.savedMember().notes, QStringLiteral("theirs"));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
