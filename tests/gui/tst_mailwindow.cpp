// Sending in the window, driven offscreen: the sending account, the outbox, messages that go by themselves.
#include "WindowTest.h"

class TestMailWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installLanguage(); }
    void init() { QVERIFY(setUp()); }
    void cleanup() { tearDown(); }
    void smtpAccountPresetTestAndSave();
    void outboxSendsOnAWorkerAndResolvesUnknown();
    void waitingMessagesGoByThemselves();
};

void TestMailWindow::smtpAccountPresetTestAndSave()
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
    // Gmail needs an app password: the dialog says so when Gmail is chosen, and says nothing for OVHcloud.
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("presetNote"));
    const int gmail = preset->findData(QStringLiteral("gmail"));
    preset->setCurrentIndex(gmail);
    Q_EMIT preset->activated(gmail);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("app password")), qPrintable(note->text()));
    const int ovh = preset->findData(QStringLiteral("ovh"));
    QVERIFY(ovh > 0);
    preset->setCurrentIndex(ovh);
    Q_EMIT preset->activated(ovh);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(), QStringLiteral("ssl0.ovh.net"));
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 465);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("perHourSpin"))->value(), 180);
    QVERIFY(!note->isVisible());
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

void TestMailWindow::outboxSendsOnAWorkerAndResolvesUnknown()
{
    Mail::SmtpAccount account;
    account.host = QStringLiteral("127.0.0.1");
    account.security = Smtp::Security::None;
    account.from = {QStringLiteral("Bureau"), QStringLiteral("bureau@asso.example.org")};
    QVERIFY(saveAccount(account));
    Mail::Outbox outbox(m_db->context().database(), m_db->clock());
    QStringList addresses;
    for (int i = 0; i < 5; ++i)
        addresses.append(QStringLiteral("m%1@example.org").arg(i));
    const QList<Mail::OutgoingItem> items = plainMessages(account.from, addresses);
    QCOMPARE(items.size(), 5);
    auto batch = outbox.queue(QStringLiteral("AG"), QString(), items);
    QVERIFY(batch.ok());
    // One message was interrupted in an earlier run: it is `unknown`, and stays so until the user decides.
    const qint64 interrupted = outbox.deliveries(batch.value()).value().first().id;
    QVERIFY(outbox.markSending(interrupted).ok());
    QSqlQuery gone(m_db->context().database().connection()); // that run's session is gone
    QVERIFY(gone.exec(QStringLiteral("UPDATE deliveries SET claimed_by = 'ana@elsewhere#%1' WHERE id = %2")
                          .arg(m_db->context().database().sessionTag().left(1) + QStringLiteral("4194305"))
                          .arg(interrupted)));
    QCOMPARE(outbox.recoverInterrupted().value(), 1);

    FakeSmtpServer::Shared server;
    Gui::OutboxDialog dialog(m_db->context(), [&server]() -> std::unique_ptr<Smtp::Transport> {
        return std::make_unique<FakeSmtpServer>(&server);
    });
    dialog.show();
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("outboxList"));
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 5, 5000); // read on a thread of its own
    QVERIFY(!dialog.isReading());
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("sendNowButton")), Qt::LeftButton);
    QVERIFY(dialog.isSending());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSending(), 10000);
    QCOMPARE(server.delivered.size(), 4); // the unknown one is not sent again by itself
    QTRY_VERIFY2_WITH_TIMEOUT(
        dialog.findChild<QLabel *>(QStringLiteral("outboxCounts"))->text().startsWith(QStringLiteral("4 sent")),
        qPrintable(dialog.findChild<QLabel *>(QStringLiteral("outboxCounts"))->text()), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isReading(), 5000);
    saveShot(&dialog, QStringLiteral("outbox-dialog.png"));
    // The user says it did arrive.
    list->setCurrentItem(list->topLevelItem(0));
    auto *markSent = dialog.findChild<QPushButton *>(QStringLiteral("markSentButton"));
    QVERIFY(markSent->isEnabled());
    QTest::mouseClick(markSent, Qt::LeftButton);
    QCOMPARE(outbox.counts(batch.value()).value().value(QStringLiteral("sent")), 5);
    QCOMPARE(server.delivered.size(), 4);
    // The window shows it too, once read again.
    QTRY_VERIFY2_WITH_TIMEOUT(
        dialog.findChild<QLabel *>(QStringLiteral("outboxCounts"))->text().startsWith(QStringLiteral("5 sent")),
        qPrintable(dialog.findChild<QLabel *>(QStringLiteral("outboxCounts"))->text()), 5000);
}

void TestMailWindow::waitingMessagesGoByThemselves()
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
    QVERIFY(saveAccount(account));
    Mail::Outbox outbox(m_db->context().database(), m_db->clock());
    const QList<Mail::OutgoingItem> items =
        plainMessages(account.from, {QStringLiteral("a@example.org"), QStringLiteral("b@example.org")});
    QCOMPARE(items.size(), 2);
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

QTEST_MAIN(TestMailWindow)
#include "tst_mailwindow.moc"
