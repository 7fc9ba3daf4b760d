#include "MailingActions.h"

#include "CampaignsDialog.h"
#include "MailboxAccountDialog.h"
#include "MailboxChecker.h"
#include "MessageBox.h"
#include "ReturnedMailDialog.h"
#include "UnsubscribeRequestsDialog.h"
#include "storage/ChangeFeed.h"

#include "AppContext.h"
#include "mail/CampaignService.h"

#include <QDesktopServices>
#include <QInputDialog>
#include <QMenu>
#include <QUrl>

namespace Gui {

MailingActions::MailingActions(AppContext &context, QWidget *window, CurrentMember currentMember)
    : QObject(window), m_context(context), m_window(window), m_currentMember(std::move(currentMember))
{
    m_menu = new QMenu(tr("&Mailings"), window);
    QAction *campaigns = m_menu->addAction(tr("&Campaigns…"), this, &MailingActions::showCampaigns);
    campaigns->setObjectName(QStringLiteral("campaignsAction"));
    campaigns->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_invite = m_menu->addAction(tr("Send &invitations to the never invited…"), this,
                                 [this] { sendInvitations(QStringLiteral("never-invited")); });
    m_invite->setObjectName(QStringLiteral("sendInvitationsAction"));
    QAction *remind = m_menu->addAction(tr("Send a &reminder to the invited who did not answer…"), this,
                                        [this] { sendInvitations(QStringLiteral("invited-no-answer")); });
    remind->setObjectName(QStringLiteral("sendReminderAction"));
    QAction *requests = m_menu->addAction(tr("&Unsubscribe requests…"), this, &MailingActions::showUnsubscribeRequests);
    requests->setObjectName(QStringLiteral("unsubscribeRequestsAction"));
    QAction *returned = m_menu->addAction(tr("&Bounces and replies…"), this, &MailingActions::showReturnedMail);
    returned->setObjectName(QStringLiteral("returnedMailAction"));
    m_menu->addSeparator();
    QAction *personal =
        m_menu->addAction(tr("&Personal invitation to this member…"), this, [this] { personalInvitation(false); });
    personal->setObjectName(QStringLiteral("personalInvitationAction"));
    QAction *mailto =
        m_menu->addAction(tr("Personal invitation in &my mail program…"), this, [this] { personalInvitation(true); });
    mailto->setObjectName(QStringLiteral("mailtoInvitationAction"));
    QAction *accepted =
        m_menu->addAction(tr("This member &accepted the invitation"), this, [this] { recordAnswer(true); });
    accepted->setObjectName(QStringLiteral("invitationAcceptedAction"));
    QAction *declined =
        m_menu->addAction(tr("This member &declined the invitation"), this, [this] { recordAnswer(false); });
    declined->setObjectName(QStringLiteral("invitationDeclinedAction"));
    QAction *deliverable =
        m_menu->addAction(tr("This member's address is deli&verable again"), this, &MailingActions::markDeliverable);
    deliverable->setObjectName(QStringLiteral("markDeliverableAction"));

    // The mailbox is read while the window is open; what it changes shows in the table and the counts.
    m_checker = new MailboxChecker(m_context, this);
    connect(m_checker, &MailboxChecker::message, this, &MailingActions::message);
    connect(m_checker, &MailboxChecker::acted, this, &MailingActions::consentChanged);
    m_mailboxAccount = new QAction(tr("&Mailbox…"), this);
    m_mailboxAccount->setObjectName(QStringLiteral("mailboxAccountAction"));
    connect(m_mailboxAccount, &QAction::triggered, this, &MailingActions::editMailboxAccount);
}

void MailingActions::showReturnedMail()
{
    ReturnedMailDialog dialog(m_context, *m_checker, m_window);
    connect(&dialog, &ReturnedMailDialog::acted, this, &MailingActions::consentChanged);
    dialog.exec();
}

void MailingActions::markDeliverable()
{
    const qint64 id = m_currentMember();
    if (!id)
        return;
    if (auto r = m_context.returnedMail().undeliverable().markDeliverable(id); !r.ok()) {
        MessageBox::critical(m_window, tr("Undeliverable address"), r.error().message);
        return;
    }
    auto member = m_context.members().find(id);
    Q_EMIT message(tr("%1 will be mailed again at %2.")
                       .arg(member.ok() ? member.value().displayName() : QString(),
                            member.ok() ? member.value().email : QString()));
    Q_EMIT consentChanged();
}

void MailingActions::editMailboxAccount()
{
    MailboxAccountDialog dialog(m_context, {}, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_checker->reschedule();
    Q_EMIT message(tr("Mailbox saved: Mailings › Bounces and replies… shows what Carnet reads there."));
}

void MailingActions::showCampaigns()
{
    CampaignsDialog dialog(m_context, m_transports, m_window);
    if (m_feed)
        connect(m_feed, &Storage::ChangeFeed::mailChanged, &dialog, &CampaignsDialog::refresh);
    dialog.exec();
    Q_EMIT consentChanged(); // the invitations' selections and the consent counts may have moved
}

void MailingActions::sendInvitations(const QString &audience)
{
    QString chosen = audience;
    if (audience == QLatin1String("invited-no-answer")) {
        bool ok = false;
        const int days = QInputDialog::getInt(m_window, tr("Reminder"),
                                              tr("Remind the members invited at least this many days ago who have "
                                                 "not answered:"),
                                              14, 0, 365, 1, &ok);
        if (!ok)
            return;
        chosen = QStringLiteral("invited-no-answer:%1").arg(days);
    }
    CampaignFlow::compose(m_context, Mail::Campaign::Kind::Invitation, chosen, m_transports, m_window);
    Q_EMIT consentChanged();
}

void MailingActions::recordAnswer(bool accepted)
{
    const qint64 id = m_currentMember();
    if (!id)
        return;
    auto r = m_context.campaigns().recordAnswer(id, accepted);
    if (!r.ok()) {
        MessageBox::critical(m_window, tr("Invitation"), r.error().message);
        return;
    }
    auto member = m_context.members().find(id);
    const QString name = member.ok() ? member.value().displayName() : QString();
    Q_EMIT message(accepted ? tr("%1 accepted: express consent recorded.").arg(name)
                            : tr("%1 declined the invitation.").arg(name));
    Q_EMIT consentChanged();
}

void MailingActions::personalInvitation(bool ownMailProgram)
{
    const qint64 id = m_currentMember();
    if (!id)
        return;
    const QString audience = QStringLiteral("member:%1").arg(id);
    if (!ownMailProgram) {
        CampaignFlow::compose(m_context, Mail::Campaign::Kind::Invitation, audience, m_transports, m_window);
        Q_EMIT consentChanged();
        return;
    }
    // The default invitation, filled in for this member, handed to the user's mail program.
    auto member = m_context.members().find(id);
    if (!member.ok())
        return;
    Mail::Campaign c;
    c.kind = Mail::Campaign::Kind::Invitation;
    c.purpose = QStringLiteral("newsletter");
    c.audience = audience;
    auto text = m_context.campaigns().defaultText(c.kind, member.value().language, c.purpose);
    if (!text.ok()) {
        MessageBox::critical(m_window, tr("Invitation"), text.error().message);
        return;
    }
    c.subject = text.value().subject;
    c.body = text.value().body;
    auto url = m_context.campaigns().personalMailto(c, id);
    if (!url.ok()) {
        MessageBox::critical(m_window, tr("Invitation"), url.error().message);
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromEncoded(url.value().toLatin1())))
        Q_EMIT message(tr("No mail program answered; nothing was sent."));
}

void MailingActions::showUnsubscribeRequests()
{
    UnsubscribeRequestsDialog dialog(m_context, m_window);
    dialog.exec();
    Q_EMIT consentChanged();
}

} // namespace Gui
