// Reports in the window, driven offscreen: the report wizard walked with the keyboard, the export wizard, saved reports
// in the side panel.
#include "WindowTest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

class TestReportWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installLanguage(); }
    void init() { QVERIFY(setUp()); }
    void cleanup() { tearDown(); }
    void reportWizardWalkedWithTheKeyboard();
    void exportForMailingCopiesOnlyThoseWhoAgreed();
    void exportWizardWritesAWorkbook();
    void reportsDuplicatedEditedAndDeletedFromThePanel();
};

void TestReportWindow::reportWizardWalkedWithTheKeyboard()
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
        // The sections the members have are offered; an answer typed in another case still finds them.
        auto *combo = qobject_cast<QComboBox *>(edit->parentWidget());
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(0), QStringLiteral("CPL"));
        QCOMPARE(combo->itemText(1), QStringLiteral("MPL"));
        edit->setText(QStringLiteral("mpl"));
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

void TestReportWindow::exportForMailingCopiesOnlyThoseWhoAgreed()
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

// The export wizard's first choice is a workbook: the file's name follows the format, and what it writes opens
// as a spreadsheet (read back by openpyxl) with the header in words and text kept as text.
void TestReportWindow::exportWizardWritesAWorkbook()
{
    auto w = openWindow();
    QVERIFY(w);
    const QString out = m_db->dir() + QStringLiteral("/membres.xlsx");
    QString suggested;
    bool done = false;
    whenDialog(this, QStringLiteral("exportWizard"), [&](QWidget *modal) {
        auto *wizard = qobject_cast<Gui::ExportWizard *>(modal);
        auto failed = qScopeGuard([&] {
            if (!done)
                wizard->reject();
        });
        QVERIFY(wizard->findChild<QRadioButton *>(QStringLiteral("xlsxRadio"))->isChecked());
        saveShot(wizard, QStringLiteral("export-wizard-format.png"));
        QTest::keyClick(wizard, Qt::Key_Enter); // -> Columns
        QCOMPARE(wizard->currentId(), int(Gui::ExportWizard::ColumnsPage));
        QTest::keyClick(wizard, Qt::Key_Enter); // -> Purpose (administration)
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 10000);
        QTest::keyClick(wizard, Qt::Key_Enter); // -> File
        auto *path = wizard->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        suggested = path->text();
        path->selectAll();
        QTest::keyClicks(path, out);
        QTest::keyClick(wizard, Qt::Key_Enter); // Write
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isVisible(), 10000);
        done = true;
    });
    w->findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(suggested.endsWith(QStringLiteral(".xlsx")), qPrintable(suggested));
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/read_spreadsheet.py"), out});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject sheet =
        QJsonDocument::fromJson(python.readAllStandardOutput()).object().value("sheets").toArray()[0].toObject();
    const QJsonArray rows = sheet.value("rows").toArray();
    QCOMPARE(rows.size(), int(m_db->members().count().value()) + 1);
    QCOMPARE(sheet.value("frozen").toString(), QStringLiteral("A2"));
    QVERIFY(rows[0].toArray()[0].toObject().value("bold").toBool());
    QStringList emails;
    for (const QJsonValue &row : rows) {
        for (const QJsonValue &c : row.toArray()) {
            if (c.toObject().value("v").toString().contains(QLatin1Char('@'))) {
                QCOMPARE(c.toObject().value("t").toString(), QStringLiteral("s"));
                emails.append(c.toObject().value("v").toString());
            }
        }
    }
    QVERIFY2(emails.contains(QStringLiteral("helene@exemple.fr")), qPrintable(emails.join(QLatin1Char(' '))));
}

void TestReportWindow::reportsDuplicatedEditedAndDeletedFromThePanel()
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

QTEST_MAIN(TestReportWindow)
#include "tst_reportwindow.moc"
