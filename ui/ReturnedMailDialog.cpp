#include "ReturnedMailDialog.h"

#include "MailboxChecker.h"
#include "MessageBox.h"

#include "AppContext.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace Gui {

namespace {

enum Column { Read, Kind, Address, Member, Category, Action, ColumnCount };
enum Filter { Everything, LeftForPerson, ActedOn, Undone };

bool undoable(const Mail::ReturnRecord &r)
{
    return !r.undoneAt.isValid() && r.action != Mail::ReturnAction::Left && r.action != Mail::ReturnAction::None;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

ReturnedMailDialog::ReturnedMailDialog(AppContext &context, MailboxChecker &checker, QWidget *parent)
    : QDialog(parent), m_context(context), m_checker(checker)
{
    setObjectName(QStringLiteral("returnedMailDialog"));
    setWindowTitle(tr("Bounces and replies"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("filterCombo"));
    m_filter->addItems({tr("Everything read"), tr("Left for you to read"), tr("Acted on"), tr("Undone")});
    m_lastCheck = new QLabel(this);
    m_lastCheck->setObjectName(QStringLiteral("lastCheck"));
    m_lastCheck->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_check = new QPushButton(tr("&Check now"), this);
    m_check->setObjectName(QStringLiteral("checkNowButton"));
    top->addWidget(new QLabel(tr("&Show:"), this));
    qobject_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_filter);
    top->addWidget(m_filter);
    top->addWidget(m_lastCheck, 1);
    top->addWidget(m_progress);
    top->addWidget(m_check);
    layout->addLayout(top);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("returnedList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Read"), tr("What"), tr("Address"), tr("Member"), tr("Category"), tr("Action")});
    m_list->header()->setStretchLastSection(true);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("returnedDetails"));
    m_details->setOpenLinks(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *actions = new QHBoxLayout;
    m_undo = new QPushButton(tr("&Undo"), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_undo->setToolTip(tr("Puts the member's state and the consent ledger back as they were, and moves the message "
                          "back to the folder it came from"));
    m_view = new QPushButton(tr("&View the message"), this);
    m_view->setObjectName(QStringLiteral("viewButton"));
    m_open = new QPushButton(tr("&Open in my mail program"), this);
    m_open->setObjectName(QStringLiteral("openButton"));
    actions->addWidget(m_undo);
    actions->addWidget(m_view);
    actions->addWidget(m_open);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("returnedStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ReturnedMailDialog::showOnly);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ReturnedMailDialog::showDetails);
    connect(m_list, &QTreeWidget::itemActivated, this, &ReturnedMailDialog::viewSelected);
    connect(m_undo, &QPushButton::clicked, this, &ReturnedMailDialog::undoSelected);
    connect(m_view, &QPushButton::clicked, this, &ReturnedMailDialog::viewSelected);
    connect(m_open, &QPushButton::clicked, this, &ReturnedMailDialog::openSelected);
    connect(m_check, &QPushButton::clicked, &m_checker, &MailboxChecker::checkNow);
    connect(&m_checker, &MailboxChecker::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_check->setEnabled(!busy);
    });
    connect(&m_checker, &MailboxChecker::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(&m_checker, &MailboxChecker::checked, this, [this](const Mail::MailboxRunSummary &, const QString &) {
        refresh();
        m_progress->setRange(0, 0);
    });
    connect(&m_checker, &MailboxChecker::movedBack, this, [this](const QString &error) {
        m_status->setText(error.isEmpty()
                              ? tr("Undone; the message is back where it was.")
                              : tr("Undone in Carnet, but the message could not be moved back: %1").arg(error));
        refresh();
    });

    if (!m_checker.isAllowed()) {
        m_check->setEnabled(false);
        m_check->setToolTip(m_context.database().access().needAdmin());
    }
    m_progress->setVisible(m_checker.isBusy());
    m_check->setEnabled(m_check->isEnabled() && !m_checker.isBusy());
    resize(980, 640);
    refresh();
}

void ReturnedMailDialog::refresh()
{
    const qint64 current = selectedId();
    auto records = m_context.returnedMail().list(2000);
    if (!records.ok()) {
        m_status->setText(records.error().message);
        return;
    }
    m_records = records.value();
    auto account = Mail::MailboxAccount::load(m_context.databaseSettings());
    if (!account.ok() || !account.value().isConfigured())
        m_lastCheck->setText(tr("No mailbox is set up yet: Edit › Mailbox…"));
    else if (m_checker.lastCheck().isValid())
        m_lastCheck->setText(tr("%1 — checked at %2").arg(m_checker.lastResult(), when(m_checker.lastCheck())));
    else
        m_lastCheck->setText(
            account.value().everyMinutes > 0
                ? tr("%1, checked every %n minute(s) while Carnet is open.", nullptr, account.value().everyMinutes)
                      .arg(account.value().user)
                : tr("%1, checked on \"Check now\" only.").arg(account.value().user));
    showOnly(m_filter->currentIndex());
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == current) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            break;
        }
    }
}

void ReturnedMailDialog::showOnly(int index)
{
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    for (const Mail::ReturnRecord &r : std::as_const(m_records)) {
        const bool left = r.action == Mail::ReturnAction::Left;
        if ((index == LeftForPerson && !left) || (index == ActedOn && (left || r.undoneAt.isValid())) ||
            (index == Undone && !r.undoneAt.isValid()))
            continue;
        auto *item = new QTreeWidgetItem;
        item->setData(0, Qt::UserRole, r.id);
        item->setText(Read, when(r.readAt));
        item->setText(Kind, Mail::Inbound::kindText(r.kind));
        item->setText(Address, r.address);
        item->setText(Member,
                      r.memberName.isEmpty() && r.memberId > 0 ? tr("member %1").arg(r.memberId) : r.memberName);
        item->setText(Category, r.category.isEmpty()
                                    ? QString()
                                    : Mail::Inbound::categoryText(Mail::Inbound::categoryFromKey(r.category)));
        item->setText(Action, r.undoneAt.isValid() ? tr("%1 (undone)").arg(Mail::actionText(r.action))
                                                   : Mail::actionText(r.action));
        if (left) {
            QFont f = item->font(Action);
            f.setBold(true);
            item->setFont(Action, f);
        }
        if (r.undoneAt.isValid())
            for (int c = 0; c < ColumnCount; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    for (int c = 0; c < ColumnCount - 1; ++c)
        m_list->resizeColumnToContents(c);
    if (m_list->topLevelItemCount() > 0 && !m_list->currentItem())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (items.isEmpty())
        m_details->setHtml(m_records.isEmpty() ? tr("<p>Nothing read from the mailbox yet.</p>")
                                               : tr("<p>No message here.</p>"));
    showDetails();
}

qint64 ReturnedMailDialog::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

Mail::ReturnRecord ReturnedMailDialog::selectedRecord() const
{
    const qint64 id = selectedId();
    for (const Mail::ReturnRecord &r : m_records)
        if (r.id == id)
            return r;
    return {};
}

void ReturnedMailDialog::showDetails()
{
    const Mail::ReturnRecord r = selectedRecord();
    m_undo->setEnabled(r.id > 0 && undoable(r) && m_context.database().access().canEdit());
    m_view->setEnabled(r.id > 0);
    m_open->setEnabled(r.id > 0);
    if (r.id == 0)
        return;
    auto row = [](const QString &label, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                                     .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing=4>");
    html += row(tr("Read"), when(r.readAt));
    html += row(tr("Sent by the server on"), when(r.receivedAt));
    html += row(tr("What"), Mail::Inbound::kindText(r.kind));
    html += row(tr("Address"), r.address);
    html +=
        row(tr("Member"), r.memberName.isEmpty() && r.memberId > 0 ? tr("member %1").arg(r.memberId) : r.memberName);
    html += row(tr("About the message"), r.subject);
    if (!r.category.isEmpty())
        html += row(tr("Category"), Mail::Inbound::categoryText(Mail::Inbound::categoryFromKey(r.category)));
    html += row(tr("Status code"), r.status);
    html += row(r.action == Mail::ReturnAction::Left ? tr("Why it was left") : tr("The server's words"), r.diagnostic);
    html += row(tr("Action"), Mail::actionText(r.action));
    html += row(tr("Undone"), when(r.undoneAt));
    html += row(tr("In the folder"), r.movedTo.isEmpty() ? r.place.folder : r.movedTo);
    html += QStringLiteral("</table>");
    if (r.action == Mail::ReturnAction::Left)
        html += tr("<p>Carnet did not understand this message: it is still in %1, unread, untouched. Read it in "
                   "your mail program.</p>")
                    .arg(r.place.folder.toHtmlEscaped());
    m_details->setHtml(html);
}

void ReturnedMailDialog::withOriginal(qint64 id, std::function<void(const QByteArray &)> use)
{
    auto stored = m_context.returnedMail().message(id);
    if (stored.ok() && !stored.value().isEmpty()) {
        use(stored.value());
        return;
    }
    // Mail left for a person is not kept in the member file: asked of the server (still unread there), once
    // at a time.
    if (m_fetching)
        return;
    const auto record =
        std::find_if(m_records.cbegin(), m_records.cend(), [id](const Mail::ReturnRecord &r) { return r.id == id; });
    if (record == m_records.cend())
        return;
    m_fetching = true;
    m_status->setText(tr("Fetching the message from the mailbox…"));
    connect(
        &m_checker, &MailboxChecker::fetched, this,
        [this, use](const QByteArray &message, const QString &error) {
            m_fetching = false;
            m_status->setText(error);
            if (error.isEmpty())
                use(message);
        },
        Qt::SingleShotConnection);
    m_checker.fetch(record->place);
}

void ReturnedMailDialog::viewSelected()
{
    const qint64 id = selectedId();
    if (id == 0)
        return;
    withOriginal(id, [this](const QByteArray &message) {
        auto *viewer = new QDialog(this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->setObjectName(QStringLiteral("originalViewer"));
        viewer->setWindowTitle(tr("The message as received"));
        auto *text = new QPlainTextEdit(viewer);
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        // As the bytes came: headers and bodies in their transfer encoding (UTF-8 where they are not ASCII).
        text->setPlainText(QString::fromUtf8(message));
        auto *l = new QVBoxLayout(viewer);
        l->addWidget(text);
        auto *close = new QDialogButtonBox(QDialogButtonBox::Close, viewer);
        connect(close, &QDialogButtonBox::rejected, viewer, &QDialog::reject);
        l->addWidget(close);
        viewer->resize(820, 600);
        viewer->show();
    });
}

void ReturnedMailDialog::openSelected()
{
    const qint64 id = selectedId();
    if (id == 0)
        return;
    withOriginal(id, [this, id](const QByteArray &message) {
        // A .eml file: every mail program opens one (Thunderbird, Outlook, Apple Mail, Evolution).
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
        const QString path = QDir(folder).filePath(QStringLiteral("carnet-message-%1.eml").arg(id));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size() || !file.commit()) {
            m_status->setText(tr("The message could not be written to %1.").arg(QDir::toNativeSeparators(path)));
            return;
        }
        m_lastOpened = path;
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            m_status->setText(
                tr("No mail program answered; the message is in %1.").arg(QDir::toNativeSeparators(path)));
        else
            m_status->setText(tr("Opened in your mail program."));
    });
}

void ReturnedMailDialog::undoSelected()
{
    const Mail::ReturnRecord r = selectedRecord();
    if (r.id == 0 || !undoable(r))
        return;
    if (MessageBox::question(this, tr("Undo"),
                             tr("Undo \"%1\" for %2? The member's state and the consent ledger are put back as they "
                                "were, and the message goes back to %3, where the next check will leave it alone.")
                                 .arg(Mail::actionText(r.action), r.address, r.place.folder),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes) != QMessageBox::Yes)
        return;
    auto undone = m_context.returnedMail().undo(r.id);
    if (!undone.ok()) {
        MessageBox::critical(this, tr("Undo"), undone.error().message);
        return;
    }
    Q_EMIT acted();
    if (undone.value().movedTo.isEmpty()) {
        m_status->setText(tr("Undone."));
        refresh();
        return;
    }
    m_status->setText(tr("Undone; moving the message back…"));
    refresh();
    m_checker.moveBack(undone.value());
}

} // namespace Gui
