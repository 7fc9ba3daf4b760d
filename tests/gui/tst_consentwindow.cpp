// Consent in the window, driven offscreen: columns, the Consent tab, bulk recording, side-panel selections, erasure,
// the organisation profile, import consent, copied addresses, the audit log.
#include "WindowTest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

class TestConsentWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installLanguage(); }
    void init() { QVERIFY(setUp()); }
    void cleanup() { tearDown(); }
    void consentColumnsShowEachPurpose();
    void consentTabRecordsAndWithdraws();
    void bulkConsentForASelection();
    void consentSelectionsInTheSidePanel();
    void eraseFromTheConsentTab();
    void organisationProfileIsChecked();
    void mailchimpConsentThroughTheWizard();
    void copiedAddressesGoThroughConsent();
    void auditLogExportsNeutralisedCsv();
};

void TestConsentWindow::consentColumnsShowEachPurpose()
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

void TestConsentWindow::consentTabRecordsAndWithdraws()
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

void TestConsentWindow::bulkConsentForASelection()
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

void TestConsentWindow::consentSelectionsInTheSidePanel()
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

void TestConsentWindow::eraseFromTheConsentTab()
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

void TestConsentWindow::organisationProfileIsChecked()
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

void TestConsentWindow::mailchimpConsentThroughTheWizard()
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

void TestConsentWindow::copiedAddressesGoThroughConsent()
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

void TestConsentWindow::auditLogExportsNeutralisedCsv()
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
    // As a workbook: when a date-time, who and what as text, the hostile source still plain text.
    const QString xlsx = dir.filePath(QStringLiteral("audit.xlsx"));
    QCOMPARE(dialog.exportTo(xlsx), QString());
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/read_spreadsheet.py"), xlsx});
    QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);
    const QJsonArray rows = QJsonDocument::fromJson(python.readAllStandardOutput())
                                .object()
                                .value("sheets")
                                .toArray()[0]
                                .toObject()
                                .value("rows")
                                .toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1].toArray()[0].toObject().value("t").toString(), QStringLiteral("d"));
    QCOMPARE(rows[1].toArray()[1].toObject().value("v").toString(), QStringLiteral("@admin"));
    QCOMPARE(rows[1].toArray()[1].toObject().value("t").toString(), QStringLiteral("s"));
    QCOMPARE(rows[1].toArray()[3].toObject().value("v").toInt(), int(helene));
}

QTEST_MAIN(TestConsentWindow)
#include "tst_consentwindow.moc"
