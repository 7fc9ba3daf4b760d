#pragma once

#include <QMainWindow>

#include <memory>
#include <vector>

class AppContext;
class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QThread;
class QTimer;

namespace Storage {
class ChangeFeed;
class MemberTableModel;
} // namespace Storage

namespace Gui {

class BackgroundSender;
class ColumnChooser;
class ConsentColumns;
class MailingActions;
class MemberActions;
class PanelCounts;
class ReportActions;
class SelectionPanel;
class WelcomeWidget;

// Hosts the member table, the selections and the search; wires actions to services. No logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The selections' and consent counts are being computed (on a worker) or will be again.
    bool countsPending() const;
    Storage::MemberTableModel *memberModel() const { return m_model; }
    Storage::ChangeFeed *changeFeed() const { return m_feed.get(); } // nullptr for a local file
    MailingActions *mailings() const { return m_mailings; }
    // The title: the member file's name, or what stands for it ("demo association").
    void setFileLabel(const QString &label);

public Q_SLOTS:
    void newMember();
    void editCurrentMember(bool consentTab = false);
    void deleteSelectedMembers();
    void showPreferences();
    void importFiles(const QStringList &paths); // one wizard after another
    void recordConsentForShown();               // bulk: the selected rows, or every member shown
    void showOrganisation();
    void showAuditLog();
    // Sends what the outbox holds that is due, in the background, when the account and its password are
    // known: a batch larger than the day's limit continues by itself the next day. Also run every minute.
    void resumeSending();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void refreshCounts();
    void refreshInvitationCounts();
    void updateStatus();
    void updatePage();
    void openDemo();
    void selectMember(qint64 id);
    void consentChanged();
    void updateActions();
    void fitColumns();
    QList<qint64> selectedMemberIds() const;
    // The selected rows when several are, otherwise every member the table shows; `who` says which.
    std::vector<qint64> shownMemberIds(QString *who = nullptr) const;

    AppContext &m_context;
    Storage::MemberTableModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    WelcomeWidget *m_welcome = nullptr;
    SelectionPanel *m_panel = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    ColumnChooser *m_columns = nullptr;
    ReportActions *m_reports = nullptr;
    MailingActions *m_mailings = nullptr;
    MemberActions *m_memberActions = nullptr;
    QLabel *m_status = nullptr;
    std::unique_ptr<ConsentColumns> m_consentColumns;
    std::unique_ptr<Storage::ChangeFeed> m_feed; // a shared member file's live changes; none for a local file
    PanelCounts *m_counts = nullptr;
    BackgroundSender *m_sender = nullptr;
    QLabel *m_emptyNote = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_columnsFitted = false;
    bool m_quitWhenStopped = false;
};

} // namespace Gui
