#pragma once

#include "mail/OutboxRunner.h"

#include <QObject>

#include <functional>

class AppContext;
class QAction;
class QMenu;
class QWidget;

namespace Storage {
class ChangeFeed;
}

namespace Gui {

class MailboxChecker;

// The Mailings menu: campaigns, invitations (to the never invited, a reminder after N days, a personal one
// written here or in the user's own mail program), the answer of the member shown, the unsubscribe requests,
// the bounces and replies read in the association's mailbox (and Edit › Mailbox…, which the window places in
// its Edit menu). Owns the mailbox checker. Keeps this out of MainWindow, which only hosts it.
class MailingActions : public QObject
{
    Q_OBJECT

public:
    using CurrentMember = std::function<qint64()>;

    MailingActions(AppContext &context, QWidget *window, CurrentMember currentMember);

    QMenu *menu() const { return m_menu; }
    QAction *inviteAction() const { return m_invite; }                 // "Send invitations to the never invited…"
    QAction *mailboxAccountAction() const { return m_mailboxAccount; } // Edit › Mailbox… (admins)
    MailboxChecker *mailboxChecker() const { return m_checker; }
    // Tests and the side panel: the transports the outbox uses ({}: the real network).
    void setTransports(Mail::OutboxRunner::TransportFactory transports) { m_transports = std::move(transports); }
    // A shared member file's notifications: the campaigns dialog follows the other computers' sending.
    void setChangeFeed(Storage::ChangeFeed *feed) { m_feed = feed; }

    void showCampaigns();
    void sendInvitations(const QString &audience); // "never-invited" or "invited-no-answer"
    void recordAnswer(bool accepted);
    void personalInvitation(bool ownMailProgram);
    void showUnsubscribeRequests();
    void showReturnedMail();
    void markDeliverable(); // the member shown: the address the mailbox found dead works again
    void editMailboxAccount();

Q_SIGNALS:
    void message(const QString &text);
    void consentChanged();

private:
    AppContext &m_context;
    QWidget *m_window;
    CurrentMember m_currentMember;
    Mail::OutboxRunner::TransportFactory m_transports;
    QMenu *m_menu = nullptr;
    QAction *m_invite = nullptr;
    QAction *m_mailboxAccount = nullptr;
    MailboxChecker *m_checker = nullptr;
    Storage::ChangeFeed *m_feed = nullptr;
};

} // namespace Gui
