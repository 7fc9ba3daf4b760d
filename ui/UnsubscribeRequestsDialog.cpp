#include "UnsubscribeRequestsDialog.h"

#include "AppContext.h"
#include "mail/CampaignService.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gui {

UnsubscribeRequestsDialog::UnsubscribeRequestsDialog(AppContext &context, QWidget *parent)
    : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("unsubscribeRequestsDialog"));
    setWindowTitle(tr("Unsubscribe requests"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Canada's anti-spam law asks that each request be honoured within 10 business days, "
                                "and that it be kept with the action taken."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("unsubscribeList"));
    m_list->setHeaderLabels(
        {tr("Received"), tr("Member"), tr("Purpose"), tr("From"), tr("Action taken"), tr("To process by")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("unsubscribeStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *paste = buttons->addButton(tr("&Paste a reply…"), QDialogButtonBox::ActionRole);
    QPushButton *open = buttons->addButton(tr("&Open a message…"), QDialogButtonBox::ActionRole);
    QPushButton *token = buttons->addButton(tr("Type a &token…"), QDialogButtonBox::ActionRole);
    m_process = buttons->addButton(tr("&Withdraw…"), QDialogButtonBox::ActionRole);
    m_process->setObjectName(QStringLiteral("withdrawRequestButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(paste, &QPushButton::clicked, this, &UnsubscribeRequestsDialog::pasteReply);
    connect(open, &QPushButton::clicked, this, &UnsubscribeRequestsDialog::openMessage);
    connect(token, &QPushButton::clicked, this, &UnsubscribeRequestsDialog::typeToken);
    connect(m_process, &QPushButton::clicked, this, &UnsubscribeRequestsDialog::withdrawCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_process->setEnabled(item && item->data(4, Qt::UserRole).toBool()); });
    refresh();
    resize(900, 460);
}

void UnsubscribeRequestsDialog::refresh()
{
    m_list->clear();
    m_process->setEnabled(false);
    auto requests = m_context.campaigns().unsubscribeRequests();
    if (!requests.ok()) {
        m_status->setText(requests.error().message);
        return;
    }
    const QLocale locale;
    const QDate today = m_context.clock().today();
    int waiting = 0;
    for (const Mail::UnsubscribeRequest &r : requests.value()) {
        QString purpose = r.purpose;
        if (auto p = m_context.consent().purpose(r.purpose); p.ok())
            purpose = p.value().displayLabel();
        auto *item =
            new QTreeWidgetItem({locale.toString(r.receivedAt.toLocalTime(), QLocale::ShortFormat),
                                 r.memberName.isEmpty() ? tr("(not in the member file)") : r.memberName, purpose,
                                 r.source, r.processed() ? r.action : tr("waiting"),
                                 r.processed() ? QString() : locale.toString(r.deadline(), QLocale::ShortFormat)});
        item->setData(0, Qt::UserRole, r.id);
        item->setData(4, Qt::UserRole, !r.processed() && r.memberId != 0);
        if (!r.processed()) {
            ++waiting;
            if (r.deadline() < today)
                item->setForeground(5, QColor(0xb0, 0x00, 0x20));
        }
        m_list->addTopLevelItem(item);
    }
    if (waiting)
        m_status->setText(tr("%n request(s) waiting for your decision.", nullptr, waiting));
}

void UnsubscribeRequestsDialog::readMessage(const QByteArray &message, const QString &source)
{
    auto done = m_context.campaigns().unsubscribeMessage(message, source);
    if (!done.ok()) {
        m_status->setText(done.error().message);
        return;
    }
    refresh();
    m_status->setText(done.value().processed()
                          ? tr("%1: %2.").arg(done.value().memberName, done.value().action)
                          : tr("No unsubscribe token in it: the request is recorded and waits for your decision."));
}

void UnsubscribeRequestsDialog::readToken(const QString &token)
{
    auto done = m_context.campaigns().unsubscribeToken(token, tr("token typed in"));
    if (!done.ok()) {
        m_status->setText(done.error().message);
        return;
    }
    refresh();
    m_status->setText(tr("%1: %2.").arg(done.value().memberName, done.value().action));
}

void UnsubscribeRequestsDialog::processCurrent(const QStringList &purposes)
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    auto done = m_context.campaigns().processRequest(item->data(0, Qt::UserRole).toLongLong(), purposes);
    if (!done.ok()) {
        m_status->setText(done.error().message);
        return;
    }
    refresh();
    m_status->setText(tr("%1: %2.").arg(done.value().memberName, done.value().action));
}

void UnsubscribeRequestsDialog::pasteReply()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Paste a reply"), tr("The whole message, headers included if your mail program shows them:"),
        QString(), &ok);
    if (ok && !text.trimmed().isEmpty())
        readMessage(text.toUtf8(), tr("pasted reply"));
}

void UnsubscribeRequestsDialog::openMessage()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a message"), QString(), tr("Messages (*.eml);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 50 * 1024 * 1024) {
        m_status->setText(tr("Cannot read %1.").arg(path));
        return;
    }
    readMessage(f.readAll(), tr("message %1").arg(QFileInfo(path).fileName()));
}

void UnsubscribeRequestsDialog::typeToken()
{
    bool ok = false;
    const QString token =
        QInputDialog::getText(this, tr("Type a token"), tr("Unsubscribe token:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !token.trimmed().isEmpty())
        readToken(token.trimmed());
}

void UnsubscribeRequestsDialog::withdrawCurrent()
{
    QStringList items{tr("Every purpose (the address goes on the suppression list)")};
    QStringList keys{QString()};
    if (auto purposes = m_context.consent().purposes(); purposes.ok()) {
        for (const Consent::Purpose &p : purposes.value()) {
            items.append(p.displayLabel());
            keys.append(p.key);
        }
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Withdraw"), tr("Withdraw the consent for:"), items, 1, false, &ok);
    if (!ok)
        return;
    const QString key = keys.value(items.indexOf(chosen));
    processCurrent(key.isEmpty() ? QStringList() : QStringList{key});
}

} // namespace Gui
