#pragma once

#include "mail/ReturnedMailService.h"

#include <QDialog>

class AppContext;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace Gui {

class MailboxChecker;

// Mailings › Bounces and replies…: what Carnet read in the association's mailbox — when, about which member
// and which message, the category in words, the receiving server's own words, the action taken — with
// Undo (the member's state and the ledger restored, the message moved back to where it was), the original
// message, and the messages left for a person with "Open in my mail program". "Check now" reads the
// mailbox at once (on the checker's worker thread; the list follows).
class ReturnedMailDialog : public QDialog
{
    Q_OBJECT

public:
    ReturnedMailDialog(AppContext &context, MailboxChecker &checker, QWidget *parent = nullptr);

    void refresh();
    void undoSelected();
    void openSelected();      // the original in the user's mail program (a .eml file)
    void viewSelected();      // the original, as text, here
    void showOnly(int index); // the filter: 0 everything, 1 left for a person, 2 acted on, 3 undone
    qint64 selectedId() const;
    // Where "Open in my mail program" writes the message (tests read it); empty until then.
    QString lastOpenedFile() const { return m_lastOpened; }

Q_SIGNALS:
    void acted(); // an undo changed a member: the table and the counts follow

private:
    void showDetails();
    void withOriginal(qint64 id, std::function<void(const QByteArray &)> use);
    Mail::ReturnRecord selectedRecord() const;

    AppContext &m_context;
    MailboxChecker &m_checker;
    QList<Mail::ReturnRecord> m_records;
    QComboBox *m_filter = nullptr;
    QLabel *m_lastCheck = nullptr;
    QPushButton *m_check = nullptr;
    QProgressBar *m_progress = nullptr;
    QTreeWidget *m_list = nullptr;
    QTextBrowser *m_details = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_view = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_status = nullptr;
    QString m_lastOpened;
    bool m_fetching = false; // a message asked of the server, not answered yet
};

} // namespace Gui
