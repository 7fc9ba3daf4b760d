#include "MemberConsentWidget.h"

#include "ConsentColumns.h"
#include "ConsentDialog.h"
#include "MessageBox.h"
#include "WorkAside.h"

#include "AppContext.h"
#include "consent/MemberPrivacy.h"
#include "mail/CampaignService.h"
#include "reports/TableExport.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gui {

MemberConsentWidget::MemberConsentWidget(AppContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("memberConsent"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_status = new QTreeWidget(this);
    m_status->setObjectName(QStringLiteral("consentStatus"));
    m_status->setHeaderLabels({tr("Purpose"), tr("Status")});
    m_status->setRootIsDecorated(false);
    m_status->setMaximumHeight(110);
    m_status->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_status->setAccessibleName(tr("Consent status"));
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    auto *grant = new QPushButton(tr("Record &consent…"), this);
    grant->setObjectName(QStringLiteral("recordConsentButton"));
    auto *withdraw = new QPushButton(tr("Record &withdrawal…"), this);
    withdraw->setObjectName(QStringLiteral("recordWithdrawalButton"));
    auto *exportButton = new QPushButton(tr("E&xport this member's data…"), this);
    exportButton->setObjectName(QStringLiteral("exportMemberButton"));
    auto *eraseButton = new QPushButton(tr("E&rase this member…"), this);
    eraseButton->setObjectName(QStringLiteral("eraseMemberButton"));
    buttons->addWidget(grant);
    buttons->addWidget(withdraw);
    buttons->addStretch();
    buttons->addWidget(exportButton);
    buttons->addWidget(eraseButton);
    layout->addLayout(buttons);

    m_invitations = new QLabel(this);
    m_invitations->setObjectName(QStringLiteral("invitationSummary"));
    m_invitations->setWordWrap(true);
    layout->addWidget(m_invitations);

    auto *historyLabel = new QLabel(tr("History"), this);
    QFont bold = historyLabel->font();
    bold.setBold(true);
    historyLabel->setFont(bold);
    layout->addWidget(historyLabel);
    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("consentHistory"));
    m_history->setHeaderLabels(
        {tr("Date"), tr("Purpose"), tr("Event"), tr("Source"), tr("Wording"), tr("Evidence"), tr("Recorded")});
    m_history->setRootIsDecorated(false);
    m_history->setAlternatingRowColors(true);
    m_history->setAccessibleName(tr("Consent history"));
    layout->addWidget(m_history, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("consentMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    // A double-click on an event with evidence saves the kept scan or email where the user wants it.
    connect(m_history, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString sha = item->data(5, Qt::UserRole).toString();
        if (sha.isEmpty())
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the evidence"),
                                                          item->text(5).section(QStringLiteral(" — "), 0, 0));
        if (path.isEmpty())
            return;
        auto bytes = m_context.consent().evidence(sha);
        QSaveFile file(path);
        if (!bytes.ok() || !file.open(QIODevice::WriteOnly) || file.write(bytes.value()) < 0 || !file.commit())
            MessageBox::critical(this, tr("Save the evidence"),
                                 bytes.ok() ? tr("%1 could not be written: %2").arg(path, file.errorString())
                                            : bytes.error().message);
    });
    connect(grant, &QPushButton::clicked, this, [this] { record(true); });
    connect(withdraw, &QPushButton::clicked, this, [this] { record(false); });
    connect(exportButton, &QPushButton::clicked, this, &MemberConsentWidget::exportData);
    connect(eraseButton, &QPushButton::clicked, this, &MemberConsentWidget::erase);
}

void MemberConsentWidget::setMember(const Core::Member &member)
{
    m_member = member;
    refresh();
}

void MemberConsentWidget::refresh()
{
    m_status->clear();
    m_history->clear();
    if (m_member.id == 0)
        return;
    const QLocale locale;
    auto statuses = m_context.consent().status(m_member);
    if (!statuses.ok()) {
        m_message->setText(statuses.error().message);
        return;
    }
    QHash<QString, QString> labels;
    for (const auto &[purpose, s] : statuses.value()) {
        auto *item = new QTreeWidgetItem({purpose.displayLabel(), s.explanation()});
        item->setIcon(1, ConsentColumns::icon(s, m_context.clock().today()));
        item->setToolTip(1, s.explanation());
        m_status->addTopLevelItem(item);
        labels.insert(purpose.key, purpose.displayLabel());
    }
    // Invitations: when, how many, the last one and the answer.
    if (auto inv = m_context.campaigns().invitation(m_member.id); inv.ok()) {
        const Mail::InvitationInfo &i = inv.value();
        QString text = i.count == 0 ? tr("Never invited.")
                                    : tr("Invited %n time(s), last on %1 (%2).", nullptr, i.count)
                                          .arg(locale.toString(i.invitedAt.toLocalTime(), QLocale::ShortFormat),
                                               i.lastCampaignName);
        if (i.answer == QLatin1String("accepted"))
            text += QLatin1Char(' ') +
                    tr("Accepted on %1.").arg(locale.toString(i.answeredAt.toLocalTime().date(), QLocale::ShortFormat));
        else if (i.answer == QLatin1String("declined"))
            text += QLatin1Char(' ') +
                    tr("Declined on %1.").arg(locale.toString(i.answeredAt.toLocalTime().date(), QLocale::ShortFormat));
        else if (i.count > 0)
            text += QLatin1Char(' ') + tr("No answer yet.");
        m_invitations->setText(text);
    }
    auto history = m_context.consent().history(m_member.id);
    if (!history.ok()) {
        m_message->setText(history.error().message);
        return;
    }
    // Newest first: a timeline reads from today backwards.
    const QList<Consent::Event> &events = history.value();
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const Consent::Event &e = *it;
        QString what = e.action == Consent::Action::Withdraw ? tr("Withdrawn") : Consent::basisLabel(*e.basis);
        if (e.expiresOn.isValid())
            what += QStringLiteral(" — ") + tr("until %1").arg(locale.toString(e.expiresOn, QLocale::ShortFormat));
        QString evidence = e.evidenceName;
        if (!e.evidenceNote.isEmpty())
            evidence = evidence.isEmpty() ? e.evidenceNote : evidence + QStringLiteral(" — ") + e.evidenceNote;
        const QString recorded =
            tr("%1 by %2").arg(locale.toString(e.recordedAt.toLocalTime(), QLocale::ShortFormat), e.recordedBy);
        auto *item =
            new QTreeWidgetItem({locale.toString(e.occurredOn, QLocale::ShortFormat),
                                 labels.value(e.purpose, e.purpose), what, e.source, e.wording, evidence, recorded});
        if (!e.evidenceSha256.isEmpty()) {
            item->setToolTip(5, tr("SHA-256: %1 — double-click to save a copy").arg(e.evidenceSha256));
            item->setData(5, Qt::UserRole, e.evidenceSha256);
        }
        item->setToolTip(4, e.wording);
        m_history->addTopLevelItem(item);
    }
    for (int c = 0; c < m_history->columnCount(); ++c)
        m_history->resizeColumnToContents(c);
    if (events.isEmpty())
        m_message->setText(tr("Nothing recorded yet. Purposes with a default basis (association life) apply "
                              "while the person is a member."));
}

void MemberConsentWidget::record(bool grant)
{
    ConsentDialog dialog(m_context.consent(), m_context.clock(),
                         grant ? ConsentDialog::Mode::Grant : ConsentDialog::Mode::Withdraw, {m_member.id},
                         m_member.displayName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_message->setText(dialog.resultMessage());
    refresh();
    m_message->setText(dialog.resultMessage());
    Q_EMIT consentChanged(m_member.id);
}

void MemberConsentWidget::exportData()
{
    const QString suggested = QStringLiteral("%1-%2.json").arg(m_member.lastName, m_member.firstName);
    // JSON (complete, for another program) or a workbook a person can read: one sheet a part.
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export this member's data"), suggested,
        tr("JSON files (*.json);;Excel workbooks (*.xlsx);;OpenDocument spreadsheets (*.ods)"));
    if (path.isEmpty())
        return;
    auto data = m_context.privacy().exportMember(m_member.id, path);
    if (!data.ok()) {
        MessageBox::critical(this, tr("Export this member's data"), data.error().message);
        return;
    }
    if (const auto sheet = Reports::spreadsheetFormatOf(path)) {
        auto written = Reports::writeTables(path, sheet, Reports::accessTables(data.value()), m_member.displayName());
        if (!written.ok()) {
            MessageBox::critical(this, tr("Export this member's data"), written.error().message);
            return;
        }
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(data.value()).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
            MessageBox::critical(this, tr("Export this member's data"),
                                 tr("%1 could not be written: %2").arg(path, file.errorString()));
            return;
        }
    }
    m_message->setText(tr("Everything Carnet holds about %1 was written to %2.").arg(m_member.displayName(), path));
}

void MemberConsentWidget::erase()
{
    const QString question =
        tr("Erase %1? Their details, consent history and import records are removed for good. Carnet keeps only "
           "a fingerprint of the address so that a later import cannot subscribe them again, and a line in the "
           "audit log.")
            .arg(m_member.displayName());
    if (MessageBox::question(this, tr("Erase this member"), question, QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    // Aside: on a server the rewrite (VACUUM FULL) takes seconds and may wait for another session's transaction.
    const qint64 id = m_member.id;
    auto erased = WorkAside::run(m_context, window(), tr("Erasing %1…").arg(m_member.displayName()),
                                 [id](AppContext &aside, const WorkAside::Progress &) -> Core::Result<void> {
                                     auto done = aside.privacy().erase(id);
                                     return done.ok() ? Core::Result<void>() : Core::Result<void>(done.error());
                                 });
    if (!erased.ok()) {
        MessageBox::critical(this, tr("Erase this member"), erased.error().message);
        return;
    }
    Q_EMIT memberErased(m_member.id);
}

} // namespace Gui
