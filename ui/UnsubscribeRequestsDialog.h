#pragma once

#include <QDialog>

class AppContext;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace Gui {

// Unsubscribe requests (CASL: honoured within 10 business days, kept as proof): each request with the
// member, the purpose, where it came from, the action taken, and the deadline while it waits — overdue
// ones in red. A pasted reply, a saved .eml or a typed token is read here: a valid token records the
// withdrawal at once; a reply without one waits for the user's decision ("Withdraw…").
class UnsubscribeRequestsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UnsubscribeRequestsDialog(AppContext &context, QWidget *parent = nullptr);

    void refresh();
    void readMessage(const QByteArray &message, const QString &source); // a pasted or opened reply
    void readToken(const QString &token);
    void processCurrent(const QStringList &purposes);

private:
    void pasteReply();
    void openMessage();
    void typeToken();
    void withdrawCurrent();

    AppContext &m_context;
    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_process = nullptr;
};

} // namespace Gui
