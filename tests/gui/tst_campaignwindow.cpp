// Campaigns in the window, driven offscreen against a real SMTP server on 127.0.0.1 (aiosmtpd): a newsletter
// composed, previewed for a member, summarised and sent; invitations from the "Never invited" selection;
// an answer recorded from the member; an unsubscribe token read back.
#include "CampaignComposerDialog.h"
#include "CampaignsDialog.h"
#include "LocalSmtpServer.h"
#include "MailingActions.h"
#include "UnsubscribeRequestsDialog.h"
#include "WindowTest.h"
#include "WorkAside.h"
#include "mail/CampaignService.h"

#include <QBarSet>
#include <QChartView>
#include <QElapsedTimer>
#include <QHorizontalStackedBarSeries>
#include <QPointer>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QThread>
#include <QTimer>

#include <QTextBrowser>
#include <atomic>

class TestCampaignWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installLanguage(); }
    void init();
    void cleanup();
    void composePreviewAndSendNewsletter();
    void invitationsFromNeverInvited();
    void aDraftIsOpenedAgainAndChanged();
    void longWorkRunsAsideAndCanBeCancelled();

private:
    QTemporaryDir m_dir;
    LocalSmtpServer m_server;
    bool m_english = qEnvironmentVariable("CARNET_TEST_LANGUAGE", QStringLiteral("en")) == QLatin1String("en");
};

void TestCampaignWindow::init()
{
    QVERIFY(setUp());
    static int n = 0;
    QVERIFY(m_server.start(QStringLiteral("plain"), m_dir.filePath(QStringLiteral("out%1").arg(++n))));
    QVERIFY(useLocalServer(m_server.port()));
    AppContext &c = m_db->context();
    Consent::Organisation org;
    org.name = QStringLiteral("Bibliothèque du quartier");
    org.address = QStringLiteral("12 rue des Lilas\n69001 Lyon");
    org.email = QStringLiteral("contact@biblio.example.org");
    org.jurisdiction = Consent::Jurisdiction::Eu;
    QVERIFY(c.consent().setOrganisation(org).ok());
    // Hélène and Zoé agreed to the newsletter; Jean did not.
    for (const char *email : {"helene@exemple.fr", "zoe@example.org"}) {
        Consent::GrantRequest r;
        r.purpose = QStringLiteral("newsletter");
        r.source = QStringLiteral("formulaire");
        QVERIFY(c.consent().record(c.members().findByEmail(QString::fromLatin1(email)).value().id, r).ok());
    }
}

// A campaign's summary and its queue at a hundred thousand members are seconds of work: they run on a thread
// of their own with a context of their own on the same file and clock, the window painting meanwhile, a
// progress dialog with Cancel appearing when it lasts.
void TestCampaignWindow::longWorkRunsAsideAndCanBeCancelled()
{
    auto w = openWindow();
    QVERIFY(w);
    AppContext &c = m_db->context();
    std::atomic_bool release{false};
    std::atomic_int progressAnswers{0};
    QThread *ranOn = nullptr;
    QDate asideToday;
    QString seen;
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(20);
    QElapsedTimer took;
    took.start();
    // The dialog shows once the work lasts; Cancel is clicked on it.
    QPointer<QProgressDialog> shown;
    bool dialogSeen = false;
    whenDialog(this, QStringLiteral("workAsideProgress"), [&](QWidget *dialog) {
        shown = qobject_cast<QProgressDialog *>(dialog);
        QVERIFY(shown);
        dialogSeen = true;
        QTRY_COMPARE(shown->maximum(), 100); // the job's progress reached the bar
        QTest::mouseClick(shown->findChild<QPushButton *>(), Qt::LeftButton);
        release = true;
    });
    auto result = Gui::WorkAside::run(
        c, w.get(), QStringLiteral("Working"), [&](AppContext &aside, const Gui::WorkAside::Progress &progress) {
            ranOn = QThread::currentThread();
            asideToday = aside.clock().today();
            seen = aside.members().findByEmail(QStringLiteral("zoe@example.org")).value().firstName;
            for (int done = 0;; ++done) {
                if (!progress(0, 100)) { // no estimate: the dialog shows once the work has lasted
                    ++progressAnswers;
                    return Core::Result<void>(
                        Core::Error::make(Core::Error::Code::Cancelled, QStringLiteral("Stopped: nothing was done.")));
                }
                if (release && done > 1000000)
                    return Core::Result<void>(); // never reached: Cancel was clicked first
                QThread::msleep(5);
            }
        });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Core::Error::Code::Cancelled);
    QCOMPARE(int(progressAnswers), 1);
    QVERIFY(dialogSeen);
    QVERIFY(ranOn && ranOn != QThread::currentThread());
    QCOMPARE(asideToday, c.clock().today());
    QCOMPARE(seen, c.members().findByEmail(QStringLiteral("zoe@example.org")).value().firstName);
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks) + QStringLiteral(" ticks in ") +
                                     QString::number(took.elapsed()))); // the window's own timers ran meanwhile
}

void TestCampaignWindow::cleanup()
{
    m_server.stop();
    tearDown();
}

void TestCampaignWindow::composePreviewAndSendNewsletter()
{
    auto w = openWindow();
    QVERIFY(w);
    QAction *campaigns = w->findChild<QAction *>(QStringLiteral("campaignsAction"));
    QVERIFY(campaigns);
    bool composed = false;
    bool sent = false;
    QString summary;
    whenDialog(this, QStringLiteral("campaignsDialog"), [&](QWidget *dialog) {
        auto done = qScopeGuard([dialog] { static_cast<QDialog *>(dialog)->reject(); });
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("campaignList"));
        whenDialog(this, QStringLiteral("campaignComposer"), [&](QWidget *composer) {
            auto guard = qScopeGuard([composer] { static_cast<QDialog *>(composer)->reject(); });
            auto *subject = composer->findChild<QLineEdit *>(QStringLiteral("campaignSubject"));
            auto *body = composer->findChild<QPlainTextEdit *>(QStringLiteral("campaignBody"));
            auto *preview = composer->findChild<QTextBrowser *>(QStringLiteral("campaignPreview"));
            auto *problems = composer->findChild<QLabel *>(QStringLiteral("mergeProblems"));
            auto *sample = composer->findChild<QComboBox *>(QStringLiteral("previewMember"));
            QVERIFY(subject && body && preview && problems && sample);
            QCOMPARE(sample->count(), 3); // the audience: every member with an address
            subject->setText(QStringLiteral("Nouvelles pour {{prenom}}"));
            body->setPlainText(QStringLiteral("Bonjour {{prenom}},\n\nLa **fête** du quartier {{inconnu}}.\n"));
            // The live preview: the first member's message, footer included; the unknown field flagged.
            QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(QStringLiteral("Bonjour Hélène,")), 5000);
            QVERIFY(preview->toPlainText().contains(QStringLiteral("Nouvelles pour Hélène")));
            QVERIFY(preview->toPlainText().contains(QStringLiteral("12 rue des Lilas")));
            QVERIFY(problems->text().contains(QStringLiteral("{{inconnu}}")));
            // Another member, another preview.
            sample->setCurrentIndex(1);
            QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(QStringLiteral("Bonjour Jean,")), 5000);
            body->setPlainText(QStringLiteral("Bonjour {{prenom}},\n\nLa **fête** du quartier a lieu samedi.\n"));
            QTRY_VERIFY_WITH_TIMEOUT(!problems->text().contains(QStringLiteral("{{inconnu}}")), 5000);
            saveShot(composer, QStringLiteral("campaign-composer.png"));
            composer->findChild<QLineEdit *>(QStringLiteral("campaignName"))->setText(QStringLiteral("Juin"));
            // The summary is answered Yes; then the outbox window sends the batch.
            Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
            whenDialog(this, QStringLiteral("outboxDialog"), [&](QWidget *outbox) {
                summary = Gui::MessageBox::lastText(); // the summary, answered just before
                auto close = qScopeGuard([outbox] { static_cast<QDialog *>(outbox)->reject(); });
                QTRY_VERIFY2_WITH_TIMEOUT(
                    m_server.received().size() == 2,
                    qPrintable(outbox->findChild<QLabel *>(QStringLiteral("outboxStatus"))->text() +
                               outbox->findChild<QLabel *>(QStringLiteral("outboxCounts"))->text()),
                    20000);
                QTRY_VERIFY_WITH_TIMEOUT(outbox->findChild<QPushButton *>(QStringLiteral("sendNowButton"))->isEnabled(),
                                         20000); // the run is over
                saveShot(outbox, QStringLiteral("campaign-outbox.png"));
                sent = true;
            });
            guard.dismiss();
            QTest::mouseClick(composer->findChild<QPushButton *>(QStringLiteral("saveAndSendButton")), Qt::LeftButton);
            composed = true;
        });
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newNewsletterButton")), Qt::LeftButton);
        Gui::MessageBox::clearNextAnswer();
        // Back in the list: the campaign with its counts, and its chart.
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Juin"));
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("2"));
        QTest::qWait(200); // the chart lays itself out
        saveShot(dialog, QStringLiteral("campaigns.png"));
        // The consent coverage: who may receive each purpose's messages (all three for the association's
        // life, two for the newsletter), and why the others may not.
        // Counted on a worker: the window answers meanwhile, the chart says it is counting.
        QSignalSpy drawn(static_cast<Gui::CampaignsDialog *>(dialog), &Gui::CampaignsDialog::coverageDrawn);
        dialog->findChild<QTabWidget *>()->setCurrentIndex(1);
        auto *coverage = dialog->findChild<QChartView *>(QStringLiteral("coverageChart"));
        QVERIFY(coverage);
        QVERIFY(drawn.wait(10000));
        QVERIFY(coverage->chart()->series().size() == 1);
        auto *bars = qobject_cast<QHorizontalStackedBarSeries *>(coverage->chart()->series().first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().first()->at(0), 3.0);
        QCOMPARE(bars->barSets().first()->at(1), 2.0);
        QTest::qWait(200);
        saveShot(dialog, QStringLiteral("consent-coverage.png"));
    });
    campaigns->trigger();
    QVERIFY(composed);
    QVERIFY(sent);
    // Exactly the two who agreed, once each; Jean was named in the summary as left out.
    QCOMPARE(m_server.received(), (QStringList{"helene@exemple.fr", "zoe@example.org"}));
    QVERIFY2(summary.contains(QStringLiteral("Jean Tremblay")), qPrintable(summary));
    if (m_english)
        QVERIFY2(summary.contains(QStringLiteral("Send “Juin” to 2 members?")), qPrintable(summary));
    const auto list = m_db->context().campaigns().campaigns().list().value();
    QCOMPARE(list.size(), 1);
    const auto status = m_db->context().campaigns().status(list.first().id).value();
    QCOMPARE(status.value(QStringLiteral("sent")), 2);
    QCOMPARE(status.excluded.value(QStringLiteral("no_consent")), 1);
}

void TestCampaignWindow::invitationsFromNeverInvited()
{
    auto w = openWindow();
    QVERIFY(w);
    auto *panel = w->findChild<Gui::SelectionPanel *>(QStringLiteral("selectionPanel"));
    auto countOf = [panel](const QString &value) {
        const QString key = Storage::Selection{Storage::Selection::Kind::Invitation, value}.key();
        for (QTreeWidgetItemIterator it(panel); *it; ++it)
            if ((*it)->data(0, Qt::UserRole + 1).toString() == key)
                return (*it)->text(1);
        return QString();
    };
    panel->select(Storage::Selection{Storage::Selection::Kind::Invitation, QStringLiteral("never-invited")});
    QTRY_COMPARE(w->memberModel()->rowCount(), 3);
    QAction *button = w->findChild<QAction *>(QStringLiteral("sendInvitationsButton"));
    QVERIFY(button && button->isVisible());
    QTRY_COMPARE(countOf(QStringLiteral("never-invited")), QStringLiteral("3"));
    bool composed = false;
    whenDialog(this, QStringLiteral("campaignComposer"), [&](QWidget *composer) {
        auto guard = qScopeGuard([composer] { static_cast<QDialog *>(composer)->reject(); });
        // The default invitation is there, asking for consent: in the window's language first, the other one
        // in the second tab (for the members who speak it).
        auto *body = composer->findChild<QPlainTextEdit *>(QStringLiteral("campaignBody"));
        auto *second = composer->findChild<QPlainTextEdit *>(QStringLiteral("campaignBodyEn"));
        const QString french = QStringLiteral("« Oui »");
        const QString english = QStringLiteral("reply \"Yes\"");
        QVERIFY(body->toPlainText().contains(m_english ? english : french));
        QVERIFY(second->toPlainText().contains(m_english ? french : english));
        QVERIFY(!body->placeholderText().contains(m_english ? QStringLiteral("Bonjour") : QStringLiteral("Hello")));
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        whenDialog(this, QStringLiteral("outboxDialog"), [&](QWidget *outbox) {
            auto close = qScopeGuard([outbox] { static_cast<QDialog *>(outbox)->reject(); });
            QTRY_VERIFY_WITH_TIMEOUT(m_server.received().size() == 3, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(outbox->findChild<QPushButton *>(QStringLiteral("sendNowButton"))->isEnabled(),
                                     20000); // the run is over
        });
        guard.dismiss();
        QTest::mouseClick(composer->findChild<QPushButton *>(QStringLiteral("saveAndSendButton")), Qt::LeftButton);
        composed = true;
    });
    button->trigger();
    Gui::MessageBox::clearNextAnswer();
    QVERIFY(composed);
    // Invited now: nobody is left in "Never invited"; all three wait for an answer — the panel's counts say so.
    // (Counted on a worker after each change: a count made while the run was sending says 2 for a moment.)
    QTRY_COMPARE(countOf(QStringLiteral("never-invited")), QStringLiteral("0"));
    QTRY_COMPARE(countOf(QStringLiteral("invited-no-answer")), QStringLiteral("3"));
    panel->select(Storage::Selection{Storage::Selection::Kind::Invitation, QStringLiteral("invited-no-answer")});
    QTRY_COMPARE(w->memberModel()->rowCount(), 3);
    panel->select(Storage::Selection{Storage::Selection::Kind::Invitation, QStringLiteral("never-invited")});
    QTRY_COMPARE(w->memberModel()->rowCount(), 0);

    // Jean accepts, in one click from his row: an express consent naming the invitation.
    panel->select(Storage::Selection{});
    QTRY_COMPARE(w->memberModel()->rowCount(), 3);
    auto *table = w->findChild<QTableView *>(QStringLiteral("memberTable"));
    const qint64 jean = m_db->context().members().findByEmail(QStringLiteral("jean@example.org")).value().id;
    for (int row = 0; row < w->memberModel()->rowCount(); ++row)
        if (w->memberModel()->memberIdAt(row) == jean)
            table->setCurrentIndex(w->memberModel()->index(row, 0));
    w->findChild<QAction *>(QStringLiteral("invitationAcceptedAction"))->trigger();
    const auto history = m_db->context().consent().history(jean).value();
    QCOMPARE(history.size(), 1);
    QVERIFY(history.first().source.startsWith(QStringLiteral("Invitation")));

    // An unsubscribe token from a received message, typed in the requests window, records the withdrawal.
    QFile first(m_server.messages().first());
    QVERIFY(first.open(QIODevice::ReadOnly));
    Gui::UnsubscribeRequestsDialog requests(m_db->context(), w.get());
    requests.readMessage(first.readAll(), QStringLiteral("test"));
    auto *list = requests.findChild<QTreeWidget *>(QStringLiteral("unsubscribeList"));
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Hélène Côté"));
    saveShot(&requests, QStringLiteral("unsubscribe-requests.png"));
    const auto helene = m_db->context().members().findByEmail(QStringLiteral("helene@exemple.fr")).value();
    const auto statuses = m_db->context().consent().status(helene).value();
    for (const auto &[purpose, status] : statuses)
        if (purpose.key == QLatin1String("newsletter"))
            QCOMPARE(status.reason, Consent::Reason::Withdrawn);
}

// A campaign saved without sending is a draft: it opens again in the composer, and what is saved replaces it.
void TestCampaignWindow::aDraftIsOpenedAgainAndChanged()
{
    Mail::Campaign draft;
    draft.name = QStringLiteral("Brouillon");
    draft.kind = Mail::Campaign::Kind::Newsletter;
    draft.purpose = QStringLiteral("newsletter");
    draft.audience = QStringLiteral("all");
    draft.subject = QStringLiteral("Premier jet");
    draft.body = QStringLiteral("Bonjour {{prenom}},\n");
    auto id = m_db->context().campaigns().campaigns().create(draft);
    QVERIFY(id.ok());
    // The same name again is refused.
    QVERIFY(!m_db->context().campaigns().campaigns().create(draft).ok());
    auto w = openWindow();
    QVERIFY(w);
    bool edited = false;
    whenDialog(this, QStringLiteral("campaignsDialog"), [&](QWidget *dialog) {
        auto done = qScopeGuard([dialog] { static_cast<QDialog *>(dialog)->reject(); });
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("campaignList"));
        auto *edit = dialog->findChild<QPushButton *>(QStringLiteral("editCampaignButton"));
        QVERIFY(list && edit);
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(edit->isEnabled());
        whenDialog(this, QStringLiteral("campaignComposer"), [&](QWidget *composer) {
            auto guard = qScopeGuard([composer] { static_cast<QDialog *>(composer)->reject(); });
            auto *subject = composer->findChild<QLineEdit *>(QStringLiteral("campaignSubject"));
            QCOMPARE(subject->text(), QStringLiteral("Premier jet"));
            QCOMPARE(composer->findChild<QLineEdit *>(QStringLiteral("campaignName"))->text(),
                     QStringLiteral("Brouillon"));
            subject->setText(QStringLiteral("Version finale"));
            guard.dismiss();
            QTest::mouseClick(composer->findChild<QPushButton *>(QStringLiteral("saveCampaignButton")), Qt::LeftButton);
            edited = true;
        });
        QTest::mouseClick(edit, Qt::LeftButton);
        QCOMPARE(list->topLevelItemCount(), 1); // changed, not copied
    });
    w->findChild<QAction *>(QStringLiteral("campaignsAction"))->trigger();
    QVERIFY(edited);
    const auto saved = m_db->context().campaigns().campaigns().find(id.value());
    QVERIFY(saved.ok());
    QCOMPARE(saved.value().subject, QStringLiteral("Version finale"));
    QCOMPARE(m_db->context().campaigns().campaigns().list().value().size(), 1);
}

QTEST_MAIN(TestCampaignWindow)
#include "tst_campaignwindow.moc"
