// The association's mailbox in the window, driven offscreen against a real Dovecot: Edit › Mailbox… (a refused
// certificate trusted, the test signs in and counts), Mailings › Bounces and replies… ("Check now" on the
// worker thread, what was read and done, the server's words, the message left for a person fetched for the
// user's mail program, Undo moving the message back), the member table's icon and tooltip on the address
// found dead and the side panel's "Undeliverable addresses" selection with its count.
#include "ConsentColumns.h"
#include "LocalImapServer.h"
#include "MailboxAccountDialog.h"
#include "MailboxChecker.h"
#include "MailingActions.h"
#include "ReturnedMailDialog.h"
#include "WindowTest.h"
#include "mail/MailboxAccount.h"
#include "mail/inbound/ReturnedMail.h"

#include <QDesktopServices>
#include <QIcon>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextBrowser>

class TestMailboxWindow : public QObject, private WindowFixture
{
    Q_OBJECT

public Q_SLOTS:
    // QDesktopServices' handler for file: URLs, so that no real mail program opens during the test.
    void openFile(const QUrl &url) { m_opened.append(url); }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); }
    void init() { QVERIFY(setUp()); }
    void cleanup();
    void mailboxAccountTrustTestAndSave();
    void bouncesAndRepliesInTheWindow();

private:
    Mail::MailboxAccount account() const;
    QHash<QString, QString> seedDeliveries(); // address → Message-ID (without <>)
    void append(const QList<QByteArray> &messages);

    QTemporaryDir m_dir;
    LocalImapServer m_imap;
    QList<QUrl> m_opened;
    int m_appended = 0;
};

namespace {

// The window's words in the language of the run (CARNET_TEST_LANGUAGE=fr_FR takes the screenshots in French).
QString trAccount(const char *text, int n = -1)
{
    return QCoreApplication::translate("Gui::MailboxAccountDialog", text, nullptr, n);
}
QString trChecker(const char *text, int n)
{
    return QCoreApplication::translate("Gui::MailboxChecker", text, nullptr, n);
}
QString trDialog(const char *text)
{
    return QCoreApplication::translate("Gui::ReturnedMailDialog", text);
}

QByteArray crlf(QByteArray text)
{
    text.replace("\r\n", "\n");
    text.replace("\n", "\r\n");
    return text;
}

QByteArray bounce(const QString &to, const QString &messageId)
{
    return crlf("From: MAILER-DAEMON@mx.exemple.fr (Mail Delivery System)\n"
                "To: bureau@amis-du-jardin.fr\n"
                "Subject: Undelivered Mail Returned to Sender\n"
                "Date: Tue, 01 Dec 2026 10:00:00 +0100\n"
                "Message-ID: <report.1@mx.exemple.fr>\n"
                "MIME-Version: 1.0\n"
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\n"
                "\n"
                "--R\n"
                "Content-Type: text/plain\n"
                "\n"
                "<" +
                to.toUtf8() +
                ">: host mx.exemple.fr said: 550 5.1.1 User unknown\n"
                "--R\n"
                "Content-Type: message/delivery-status\n"
                "\n"
                "Reporting-MTA: dns; mx.exemple.fr\n"
                "\n"
                "Final-Recipient: rfc822; " +
                to.toUtf8() +
                "\n"
                "Action: failed\n"
                "Status: 5.1.1\n"
                "Diagnostic-Code: smtp; 550 5.1.1 <" +
                to.toUtf8() +
                ">: Recipient address rejected: User unknown\n"
                "\n"
                "--R\n"
                "Content-Type: text/rfc822-headers\n"
                "\n"
                "From: Bureau <bureau@amis-du-jardin.fr>\n"
                "To: " +
                to.toUtf8() +
                "\n"
                "Subject: Nouvelles du jardin\n"
                "Message-ID: <" +
                messageId.toUtf8() + ">\n\n--R--\n");
}

} // namespace

void TestMailboxWindow::initTestCase()
{
    installLanguage();
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_imap.start(m_dir.filePath(QStringLiteral("imap"))), "Dovecot (dovecot-imapd) did not start");
    QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openFile");
}

void TestMailboxWindow::cleanup()
{
    tearDown();
    m_opened.clear();
}

Mail::MailboxAccount TestMailboxWindow::account() const
{
    Mail::MailboxAccount a;
    a.host = QStringLiteral("127.0.0.2");
    a.port = m_imap.port();
    a.security = Imap::Security::StartTls;
    a.user = LocalImapServer::user();
    a.everyMinutes = 0; // only on "Check now" in these tests
    a.caFile = m_imap.certificate();
    return a;
}

QHash<QString, QString> TestMailboxWindow::seedDeliveries()
{
    // A newsletter sent to the three members (as the outbox leaves it once the server accepted each).
    AppContext &c = m_db->context();
    Mail::Outbox outbox(c.database(), c.clock());
    auto batch = outbox.createBatch(QStringLiteral("Nouvelles du jardin"), QStringLiteral("newsletter"));
    if (!batch.ok())
        return {};
    QHash<QString, QString> ids;
    QList<Mail::OutgoingItem> items;
    const auto members = c.members().list(Storage::MemberQuery{}).value();
    for (const Core::Member &m : members) {
        const QString id = QStringLiteral("n%1.%2@amis-du-jardin.fr").arg(m.id).arg(m_appended);
        ids.insert(m.email, id);
        items.append({m.email, QStringLiteral("bureau@amis-du-jardin.fr"), false, QByteArray("Subject: x\r\n\r\nx\r\n"),
                      id, m.id});
    }
    if (!outbox.append(batch.value(), items).ok())
        return {};
    QSqlQuery q(c.database().connection());
    q.prepare(QStringLiteral("UPDATE deliveries SET state = 'sent', sent_at = ?"));
    q.addBindValue(c.clock().now().addDays(-1).toUTC().toString(Qt::ISODate));
    if (!q.exec())
        return {};
    return ids;
}

void TestMailboxWindow::append(const QList<QByteArray> &messages)
{
    QStringList files;
    for (const QByteArray &m : messages) {
        QFile f(m_dir.filePath(QStringLiteral("in%1.eml").arg(++m_appended)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m);
        files.append(f.fileName());
    }
    const QJsonArray uids =
        QJsonDocument::fromJson(m_imap.tool(QStringList{QStringLiteral("append"), QStringLiteral("INBOX")} + files))
            .array();
    QCOMPARE(uids.size(), messages.size());
}

void TestMailboxWindow::mailboxAccountTrustTestAndSave()
{
    auto w = openWindow();
    QVERIFY(w);
    QAction *action = w->findChild<QAction *>(QStringLiteral("mailboxAccountAction"));
    QVERIFY(action && action->isEnabled());
    bool checked = false;
    whenDialog(this, QStringLiteral("mailboxAccountDialog"), [&](QWidget *widget) {
        auto *dialog = qobject_cast<Gui::MailboxAccountDialog *>(widget);
        QVERIFY(dialog);
        auto *preset = dialog->findChild<QComboBox *>(QStringLiteral("presetCombo"));
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("presetNote"));
        // Gmail: its server, and its note on app passwords.
        const int gmail = preset->findData(QStringLiteral("gmail"));
        QVERIFY(gmail > 0);
        preset->setCurrentIndex(gmail);
        Q_EMIT preset->activated(gmail);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(), QStringLiteral("imap.gmail.com"));
        QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 993);
        QVERIFY(note->isVisibleTo(dialog));
        QCOMPARE(note->text(), Mail::mailboxPresetNote(QStringLiteral("gmail"))); // app passwords
        // Our own server: STARTTLS on the test Dovecot, whose certificate no authority signed.
        preset->setCurrentIndex(0);
        Q_EMIT preset->activated(0);
        QVERIFY(!note->isVisibleTo(dialog));
        dialog->findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("127.0.0.2"));
        dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(m_imap.port());
        auto *security = dialog->findChild<QComboBox *>(QStringLiteral("securityCombo"));
        security->setCurrentIndex(security->findData(QStringLiteral("starttls")));
        dialog->findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(LocalImapServer::user());
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        password->setText(QStringLiteral("wrong"));
        dialog->findChild<QSpinBox *>(QStringLiteral("everySpin"))->setValue(0);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("testResult"));
        auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testButton"));
        // The certificate is refused and shown; trusted, that one only.
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->testRunning(), 15000);
        auto *certificate = dialog->findChild<QLabel *>(QStringLiteral("certificateLabel"));
        QVERIFY2(certificate->isVisibleTo(dialog), qPrintable(result->text()));
        QVERIFY(certificate->text().contains(QStringLiteral("SHA-256")));
        saveShot(dialog, QStringLiteral("mailbox-certificate-refused.png"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("trustButton")), Qt::LeftButton);
        // A wrong password: said, with the protocol log — and never the password in it.
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->testRunning(), 15000);
        QVERIFY2(result->text().startsWith(trAccount("The mailbox could not be read: %1").arg(QString())),
                 qPrintable(result->text()));
        auto *log = dialog->findChild<QPlainTextEdit *>(QStringLiteral("protocolLog"));
        QVERIFY(log->isVisibleTo(dialog));
        QVERIFY(log->toPlainText().contains(QStringLiteral("STARTTLS")));
        QVERIFY(!log->toPlainText().contains(QStringLiteral("wrong")));
        // The right one: signed in, the folder counted.
        password->setText(LocalImapServer::password());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->testRunning(), 15000);
        QCOMPARE(result->text(), trAccount("Signed in: %n message(s) in %1.", 0).arg(QStringLiteral("INBOX")));
        saveShot(dialog, QStringLiteral("mailbox-account-dialog.png"));
        // A processed folder that is the folder read is refused.
        auto *processed = dialog->findChild<QLineEdit *>(QStringLiteral("processedEdit"));
        processed->setText(QStringLiteral("INBOX"));
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("mailboxError"))->isVisibleTo(dialog));
        processed->setText(QStringLiteral("Carnet/Traités"));
        dialog->accept();
        QVERIFY(!dialog->isVisible());
        checked = true;
    });
    action->trigger();
    QVERIFY(checked);
    const Mail::MailboxAccount saved = Mail::MailboxAccount::load(m_db->context().databaseSettings()).value();
    QCOMPARE(saved.host, QStringLiteral("127.0.0.2"));
    QCOMPARE(saved.port, m_imap.port());
    QCOMPARE(saved.security, Imap::Security::StartTls);
    QCOMPARE(saved.processedFolder, QStringLiteral("Carnet/Traités"));
    QCOMPARE(saved.everyMinutes, 0);
    QCOMPARE(saved.trustFingerprint.size(), 64); // that certificate, by its SHA-256
    QCOMPARE(m_db->context().sessionMailboxPassword(), LocalImapServer::password());
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM settings WHERE value LIKE '%s3cr3t%'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestMailboxWindow::bouncesAndRepliesInTheWindow()
{
    AppContext &c = m_db->context();
    QVERIFY(c.database().write([&] { return Mail::MailboxAccount::save(c.databaseSettings(), account()); }).ok());
    c.setSessionMailboxPassword(LocalImapServer::password());
    const QHash<QString, QString> sent = seedDeliveries();
    QCOMPARE(sent.size(), 3);
    // Hélène's address is dead; Jean is away; a question from someone else.
    append({bounce(QStringLiteral("helene@exemple.fr"), sent.value(QStringLiteral("helene@exemple.fr"))),
            crlf("From: <jean@example.org>\nTo: bureau@amis-du-jardin.fr\nSubject: Absent\nMessage-ID: "
                 "<away.jean@example.org>\nIn-Reply-To: <" +
                 sent.value(QStringLiteral("jean@example.org")).toUtf8() +
                 ">\nAuto-Submitted: auto-replied\n\nJe suis absent.\n"),
            crlf("From: Jeanne <jeanne@exemple.fr>\nTo: bureau@amis-du-jardin.fr\nSubject: Question sur les "
                 "semis\nMessage-ID: <q.window@exemple.fr>\n\nBonjour, quand commencent les semis ?\n")});

    auto w = openWindow();
    QVERIFY(w);
    auto *mailings = w->findChild<Gui::MailingActions *>();
    QVERIFY(mailings && mailings->mailboxChecker());
    Gui::MailboxChecker &checker = *mailings->mailboxChecker();
    QVERIFY(checker.isAllowed());
    {
        Gui::ReturnedMailDialog dialog(c, checker, w.get());
        connect(&dialog, &Gui::ReturnedMailDialog::acted, mailings, &Gui::MailingActions::consentChanged);
        dialog.show();
        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("returnedList"));
        QCOMPARE(list->topLevelItemCount(), 0);
        // Check now: read on the worker thread while the dialog stays live.
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("checkNowButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(checker.isBusy(), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(!checker.isBusy() && list->topLevelItemCount() == 3, 30000);
        QVERIFY2(checker.lastResult().startsWith(trChecker("Mailbox: %n message(s) read", 3)),
                 qPrintable(checker.lastResult()));
        QHash<QString, QTreeWidgetItem *> byAddress;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            byAddress.insert(list->topLevelItem(i)->text(2), list->topLevelItem(i));
        QTreeWidgetItem *dead = byAddress.value(QStringLiteral("helene@exemple.fr"));
        QVERIFY(dead);
        QCOMPARE(dead->text(3), QString::fromUtf8("Hélène Côté"));
        QCOMPARE(dead->text(4), Mail::Inbound::categoryText(Mail::Inbound::ReturnCategory::AddressUnknown));
        QCOMPARE(dead->text(5), Mail::actionText(Mail::ReturnAction::MarkedUndeliverable));
        QTreeWidgetItem *away = byAddress.value(QStringLiteral("jean@example.org"));
        QVERIFY(away);
        QCOMPARE(away->text(5), Mail::actionText(Mail::ReturnAction::Away));
        QTreeWidgetItem *question = byAddress.value(QStringLiteral("jeanne@exemple.fr"));
        QVERIFY(question);
        QCOMPARE(question->text(5), Mail::actionText(Mail::ReturnAction::Left));
        // The server's own words, and the message it was about.
        list->setCurrentItem(dead);
        const QString details = dialog.findChild<QTextBrowser *>(QStringLiteral("returnedDetails"))->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("Recipient address rejected: User unknown")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("Nouvelles du jardin")));
        QVERIFY(details.contains(QStringLiteral("5.1.1")));
        saveShot(&dialog, QStringLiteral("bounces-and-replies.png"));
        // "Left for you": only the question, which can be opened in the user's mail program — fetched from
        // the server, where it is still unread.
        dialog.findChild<QComboBox *>(QStringLiteral("filterCombo"))->setCurrentIndex(1);
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("jeanne@exemple.fr"));
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("undoButton"))->isEnabled());
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("openButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_opened.size() == 1, 30000);
        QCOMPARE(m_opened.first().toLocalFile(), dialog.lastOpenedFile());
        QFile eml(dialog.lastOpenedFile());
        QVERIFY(eml.open(QIODevice::ReadOnly));
        QVERIFY(eml.readAll().contains("quand commencent les semis"));
        const QJsonObject state = QJsonDocument::fromJson(m_imap.tool({QStringLiteral("state")})).object();
        const QJsonArray inbox = state.value(QStringLiteral("INBOX")).toArray();
        QCOMPARE(inbox.size(), 1); // the other two moved to Carnet.Traités
        QVERIFY2(!inbox.first().toObject().value(QStringLiteral("flags")).toString().contains(QStringLiteral("Seen")),
                 "the message left for a person stays unread");
        dialog.findChild<QComboBox *>(QStringLiteral("filterCombo"))->setCurrentIndex(0);
    }

    // The table: an icon and a tooltip on Hélène's address; the side panel's selection with its count.
    QTRY_VERIFY_WITH_TIMEOUT(!w->countsPending(), 10000);
    QTableView *view = table(*w);
    Storage::MemberTableModel *model = w->memberModel();
    const int emailColumn = model->columnOf(Core::MemberField::Email);
    auto rowOf = [&](const QString &email) {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, emailColumn).data().toString() == email)
                return r;
        return -1;
    };
    const QModelIndex helene = model->index(rowOf(QStringLiteral("helene@exemple.fr")), emailColumn);
    QVERIFY(helene.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(!helene.data(Qt::DecorationRole).value<QIcon>().isNull(), 5000);
    QVERIFY2(helene.data(Qt::ToolTipRole)
                 .toString()
                 .contains(Mail::Inbound::categoryText(Mail::Inbound::ReturnCategory::AddressUnknown)),
             qPrintable(helene.data(Qt::ToolTipRole).toString()));
    const QModelIndex jean = model->index(rowOf(QStringLiteral("jean@example.org")), emailColumn);
    // Jean answered with an automatic reply: shown as away (another icon), nothing else.
    QCOMPARE(jean.data(Qt::DecorationRole).value<QIcon>().cacheKey(), Gui::ConsentColumns::awayIcon().cacheKey());
    QCOMPARE(helene.data(Qt::DecorationRole).value<QIcon>().cacheKey(),
             Gui::ConsentColumns::undeliverableIcon().cacheKey());
    QVERIFY(jean.data(Qt::ToolTipRole)
                .toString()
                .contains(QLocale().toString(c.clock().now().toLocalTime().date(), QLocale::ShortFormat)));
    const QModelIndex zoe = model->index(rowOf(QStringLiteral("zoe@example.org")), emailColumn);
    QVERIFY(zoe.data(Qt::DecorationRole).value<QIcon>().isNull());
    auto *panel = w->findChild<Gui::SelectionPanel *>();
    const QString undeliverableLabel = Storage::Selection{Storage::Selection::Kind::Undeliverable, {}}.label();
    QTreeWidgetItem *undeliverable = nullptr;
    for (QTreeWidgetItemIterator it(panel); *it; ++it)
        if ((*it)->text(0) == undeliverableLabel)
            undeliverable = *it;
    QVERIFY(undeliverable);
    QTRY_COMPARE_WITH_TIMEOUT(undeliverable->text(1), QStringLiteral("1"), 10000);
    panel->select({Storage::Selection::Kind::Undeliverable, {}});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
    QCOMPARE(model->index(0, emailColumn).data().toString(), QStringLiteral("helene@exemple.fr"));
    saveShot(w.get(), QStringLiteral("member-table-undeliverable.png"));
    view->setCurrentIndex(model->index(0, 0));

    // Undo, in the window: the mark gone, the message back in the inbox — and not acted on again.
    {
        Gui::ReturnedMailDialog dialog(c, checker, w.get());
        connect(&dialog, &Gui::ReturnedMailDialog::acted, mailings, &Gui::MailingActions::consentChanged);
        dialog.show();
        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("returnedList"));
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(2) == QStringLiteral("helene@exemple.fr"))
                list->setCurrentItem(list->topLevelItem(i));
        auto *undo = dialog.findChild<QPushButton *>(QStringLiteral("undoButton"));
        QVERIFY(undo->isEnabled());
        // Asked while a check is under way: the message's move back waits for it, then goes.
        checker.checkNow();
        QVERIFY(checker.isBusy());
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(undo, Qt::LeftButton);
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("returnedStatus"));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), trDialog("Undone; the message is back where it was."), 30000);
        QVERIFY(!undo->isEnabled());
        QCOMPARE(list->currentItem()->text(5),
                 trDialog("%1 (undone)").arg(Mail::actionText(Mail::ReturnAction::MarkedUndeliverable)));
        QCOMPARE(QJsonDocument::fromJson(m_imap.tool({QStringLiteral("state")}))
                     .object()
                     .value(QStringLiteral("INBOX"))
                     .toArray()
                     .size(),
                 2);
        // Checked again: the message moved back is known, and nothing is done twice.
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("checkNowButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(checker.isBusy(), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(!checker.isBusy(), 30000);
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(checker.lastResult(), trChecker("Mailbox: nothing new.", -1));
    }
    QVERIFY(c.returnedMail().undeliverable().members().value().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 5000); // the selection follows
    auto undeliverableCount = [panel, undeliverableLabel] {
        for (QTreeWidgetItemIterator it(panel); *it; ++it)
            if ((*it)->text(0) == undeliverableLabel)
                return (*it)->text(1);
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(undeliverableCount(), QStringLiteral("0"), 10000);
}

QTEST_MAIN(TestMailboxWindow)
#include "tst_mailboxwindow.moc"
