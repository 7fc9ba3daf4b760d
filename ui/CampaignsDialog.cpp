#include "CampaignsDialog.h"

#include "CampaignComposerDialog.h"
#include "MessageBox.h"
#include "OutboxDialog.h"
#include "UnsubscribeRequestsDialog.h"
#include "WorkAside.h"

#include "AppContext.h"
#include "mail/CampaignService.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <memory>

namespace Gui {

using Consent::Reason;

namespace {

constexpr Reason kLeftOut[] = {Reason::NoConsent,     Reason::Expired,      Reason::Withdrawn, Reason::Suppressed,
                               Reason::Undeliverable, Reason::InvalidEmail, Reason::NoEmail};

QString kindLabel(Mail::Campaign::Kind kind)
{
    return kind == Mail::Campaign::Kind::Invitation ? QCoreApplication::translate("Gui::CampaignsDialog", "Invitation")
                                                    : QCoreApplication::translate("Gui::CampaignsDialog", "Newsletter");
}

// "Left out — No consent: 3 · Withdrawn: 1", or nothing.
QString leftOut(const QMap<QString, qint64> &excluded)
{
    QStringList parts;
    for (Reason r : kLeftOut)
        if (const qint64 n = excluded.value(Consent::reasonKey(r)))
            parts.append(QCoreApplication::translate("Gui::CampaignsDialog", "%1: %2")
                             .arg(Consent::reasonLabel(r), QLocale().toString(n)));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

namespace CampaignFlow {

qint64 compose(AppContext &context, Mail::Campaign::Kind kind, const QString &audience,
               const Mail::OutboxRunner::TransportFactory &transports, QWidget *parent, const Mail::Campaign *existing,
               const std::function<void()> &saved)
{
    CampaignComposerDialog composer(context, existing ? existing->kind : kind, existing ? existing->audience : audience,
                                    parent);
    if (existing)
        composer.setCampaign(*existing);
    QObject::connect(&composer, &CampaignComposerDialog::testQueued, &composer,
                     [&](qint64 batch) { sendBatch(context, batch, transports, &composer); });
    if (composer.exec() != QDialog::Accepted)
        return 0;
    if (saved)
        saved();
    if (composer.sendRequested())
        send(context, composer.campaignId(), transports, parent);
    return composer.campaignId();
}

bool send(AppContext &context, qint64 campaignId, const Mail::OutboxRunner::TransportFactory &transports,
          QWidget *parent)
{
    Mail::CampaignService &campaigns = context.campaigns();
    const QString title = QCoreApplication::translate("Gui::CampaignsDialog", "Campaign");
    auto campaign = campaigns.campaigns().find(campaignId, Mail::CampaignRepository::Parts::WithoutAttachments);
    if (!campaign.ok()) {
        MessageBox::critical(parent, title, campaign.error().message);
        return false;
    }
    qint64 batchId = campaign.value().batchId;
    if (!campaign.value().queuedAt.isValid()) {
        // The summary: who it reaches, who it leaves out and why, before anything is queued — one resolution
        // of the audience for the counts and the names alike.
        // At a hundred thousand members this is seconds: worked out aside, the window painted meanwhile.
        Mail::CampaignPlan p;
        auto planned =
            WorkAside::run(context, parent,
                           QCoreApplication::translate("Gui::CampaignsDialog", "Preparing the summary of “%1”…")
                               .arg(campaign.value().name),
                           [&p, &campaign](AppContext &aside, const WorkAside::Progress &) -> Core::Result<void> {
                               auto plan = aside.campaigns().plan(campaign.value());
                               if (!plan.ok())
                                   return plan.error();
                               p = std::move(plan).value();
                               return {};
                           });
        if (!planned.ok()) {
            MessageBox::critical(parent, title, planned.error().message);
            return false;
        }
        QMap<QString, qint64> excluded;
        QStringList names;
        for (Reason r : kLeftOut) {
            excluded.insert(Consent::reasonKey(r), p.excludedCount(r));
            for (qint64 id : p.excluded.value(r)) {
                if (names.size() >= 500)
                    break;
                if (auto m = context.members().find(id); m.ok())
                    names.append(QStringLiteral("%1 — %2").arg(m.value().displayName(), Consent::reasonLabel(r)));
            }
        }
        const QString left = leftOut(excluded);
        if (p.recipients.empty()) {
            MessageBox::information(
                parent, title,
                QCoreApplication::translate("Gui::CampaignsDialog", "Nobody in this audience may receive it.") +
                    (left.isEmpty() ? QString() : QLatin1Char('\n') + left));
            return false;
        }
        QString text = QCoreApplication::translate("Gui::CampaignsDialog", "Send “%1” to %n member(s)?", nullptr,
                                                   int(p.recipients.size()))
                           .arg(campaign.value().name);
        if (!left.isEmpty())
            text += QLatin1Char('\n') + QCoreApplication::translate("Gui::CampaignsDialog", "Left out — %1").arg(left);
        QMessageBox box(QMessageBox::Question, QCoreApplication::translate("Gui::CampaignsDialog", "Send"), text,
                        QMessageBox::Yes | QMessageBox::No, parent);
        box.setObjectName(QStringLiteral("campaignSummary"));
        box.setDefaultButton(QMessageBox::Yes);
        if (!names.isEmpty())
            box.setDetailedText(names.join(QLatin1Char('\n'))); // the list of who is left out, on demand
        if (MessageBox::answerFor(box) != QMessageBox::Yes)
            return false;
        // Every message written to the outbox in one transaction, aside, with its progress and Cancel (then
        // nothing is queued).
        Mail::CampaignStatus status;
        auto queued = WorkAside::run(
            context, parent,
            QCoreApplication::translate("Gui::CampaignsDialog", "Putting the messages of “%1” in the outbox…")
                .arg(campaign.value().name),
            [&status, campaignId](AppContext &aside, const WorkAside::Progress &progress) -> Core::Result<void> {
                auto done = aside.campaigns().queue(campaignId, progress);
                if (!done.ok())
                    return done.error();
                status = done.value();
                return {};
            });
        if (!queued.ok()) {
            if (queued.error().code == Core::Error::Code::Cancelled)
                MessageBox::information(parent, title, queued.error().message);
            else
                MessageBox::critical(parent, title, queued.error().message);
            return false;
        }
        batchId = status.batchId;
    }
    sendBatch(context, batchId, transports, parent);
    return true;
}

void sendBatch(AppContext &context, qint64 batchId, const Mail::OutboxRunner::TransportFactory &transports,
               QWidget *parent)
{
    OutboxDialog outbox(context, transports, parent);
    outbox.showBatch(batchId);
    outbox.sendNow();
    outbox.exec();
}

} // namespace CampaignFlow

CampaignsDialog::CampaignsDialog(AppContext &context, Mail::OutboxRunner::TransportFactory transports, QWidget *parent)
    : QDialog(parent), m_context(context), m_transports(std::move(transports))
{
    setObjectName(QStringLiteral("campaignsDialog"));
    setWindowTitle(tr("Campaigns"));
    auto *layout = new QVBoxLayout(this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("campaignList"));
    m_list->setHeaderLabels({tr("Campaign"), tr("Kind"), tr("Recipients"), tr("Sent"), tr("Waiting"), tr("Deferred"),
                             tr("Failed"), tr("Unknown"), tr("Created")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_list, 2);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("campaignDetails"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_charts = new QTabWidget(this);
    for (QChartView **view : {&m_progress, &m_coverage}) {
        *view = new QChartView(new QChart, m_charts);
        (*view)->setRenderHint(QPainter::Antialiasing);
        (*view)->chart()->legend()->setAlignment(Qt::AlignBottom);
        (*view)->setMinimumHeight(220);
    }
    m_progress->setObjectName(QStringLiteral("progressChart"));
    m_coverage->setObjectName(QStringLiteral("coverageChart"));
    m_charts->addTab(m_progress, tr("Progress"));
    m_charts->addTab(m_coverage, tr("Consent coverage"));
    layout->addWidget(m_charts, 3);
    connect(m_charts, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            showCoverage();
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *newsletter = buttons->addButton(tr("New &newsletter…"), QDialogButtonBox::ActionRole);
    newsletter->setObjectName(QStringLiteral("newNewsletterButton"));
    QPushButton *invitation = buttons->addButton(tr("New &invitation…"), QDialogButtonBox::ActionRole);
    invitation->setObjectName(QStringLiteral("newInvitationButton"));
    m_edit = buttons->addButton(tr("&Edit…"), QDialogButtonBox::ActionRole);
    m_edit->setObjectName(QStringLiteral("editCampaignButton"));
    m_send = buttons->addButton(tr("&Send…"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("sendCampaignButton"));
    m_retry = buttons->addButton(tr("&Retry failed and deferred"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("retryCampaignButton"));
    m_recipients = buttons->addButton(tr("Re&cipients…"), QDialogButtonBox::ActionRole);
    m_recipients->setObjectName(QStringLiteral("recipientsButton"));
    QPushButton *requests = buttons->addButton(tr("&Unsubscribe requests…"), QDialogButtonBox::ActionRole);
    requests->setObjectName(QStringLiteral("unsubscribeRequestsButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(newsletter, &QPushButton::clicked, this, [this] { newCampaign(Mail::Campaign::Kind::Newsletter); });
    connect(invitation, &QPushButton::clicked, this, [this] { newCampaign(Mail::Campaign::Kind::Invitation); });
    connect(m_send, &QPushButton::clicked, this, &CampaignsDialog::sendCurrent);
    connect(m_edit, &QPushButton::clicked, this, &CampaignsDialog::editCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &CampaignsDialog::editCurrent);
    connect(m_retry, &QPushButton::clicked, this, &CampaignsDialog::retryCurrent);
    connect(m_recipients, &QPushButton::clicked, this, &CampaignsDialog::showRecipients);
    connect(requests, &QPushButton::clicked, this, [this] {
        UnsubscribeRequestsDialog dialog(m_context, this);
        dialog.exec();
        refresh();
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CampaignsDialog::showDetails);
    refresh();
    resize(980, 680);
}

qint64 CampaignsDialog::currentCampaign() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
}

void CampaignsDialog::refresh()
{
    const qint64 keep = currentCampaign();
    // Rebuilt quietly: the details (a whole audience resolved, for a campaign not sent yet) once, at the end.
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    auto campaigns = m_context.campaigns().campaigns().list();
    if (!campaigns.ok()) {
        m_summary->setText(campaigns.error().message);
        return;
    }
    QList<qint64> queued;
    for (const Mail::Campaign &c : campaigns.value()) {
        if (c.queuedAt.isValid())
            queued.append(c.id);
    }
    const QHash<qint64, Core::Result<Mail::CampaignStatus>> statuses = statusesAside(queued);
    const QLocale locale;
    for (const Mail::Campaign &c : campaigns.value()) {
        QStringList columns{c.name, kindLabel(c.kind)};
        if (c.queuedAt.isValid()) {
            const Core::Result<Mail::CampaignStatus> s =
                statuses.value(c.id, Core::Error::make(Core::Error::Code::Storage, QString()));
            if (s.ok()) {
                const Mail::CampaignStatus &st = s.value();
                columns << locale.toString(st.recipients) << locale.toString(st.value(QStringLiteral("sent")))
                        << locale.toString(st.value(QStringLiteral("queued")) + st.value(QStringLiteral("sending")))
                        << locale.toString(st.value(QStringLiteral("deferred")))
                        << locale.toString(st.value(QStringLiteral("failed")))
                        << locale.toString(st.value(QStringLiteral("unknown")));
            }
        } else {
            columns << tr("not sent yet") << QString() << QString() << QString() << QString() << QString();
        }
        columns << locale.toString(c.createdAt.toLocalTime(), QLocale::ShortFormat);
        auto *item = new QTreeWidgetItem(columns);
        item->setData(0, Qt::UserRole, c.id);
        m_list->addTopLevelItem(item);
        if (c.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showDetails();
}

void CampaignsDialog::showDetails()
{
    const qint64 id = currentCampaign();
    m_send->setEnabled(id != 0);
    m_edit->setEnabled(false);
    if (id) {
        auto c = m_context.campaigns().campaigns().find(id, Mail::CampaignRepository::Parts::WithoutAttachments);
        m_edit->setEnabled(c.ok() && !c.value().queuedAt.isValid());
    }
    m_retry->setEnabled(false);
    m_recipients->setEnabled(false);
    QChart *chart = m_progress->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis); // the caller owns a removed axis
        delete axis;
    }
    if (!id) {
        m_summary->setText(tr("No campaign yet: write a newsletter or an invitation."));
        return;
    }
    // Its summary (for a draft, its whole audience resolved) and its progress over time (every message sent):
    // aside, as a campaign to every member of a large file has a million of either.
    Core::Result<Mail::CampaignStatus> s = Mail::CampaignStatus{};
    Core::Result<QList<QPair<QDateTime, qint64>>> points = QList<QPair<QDateTime, qint64>>();
    auto done = WorkAside::run(m_context, this, tr("Counting the campaigns' recipients…"),
                               [&s, &points, id](AppContext &aside, const WorkAside::Progress &) -> Core::Result<void> {
                                   s = aside.campaigns().status(id);
                                   if (s.ok() && s.value().queued)
                                       points = aside.campaigns().progressOverTime(id);
                                   return {};
                               });
    if (!done.ok())
        s = done.error();
    if (!s.ok()) {
        m_summary->setText(s.error().message);
        return;
    }
    const Mail::CampaignStatus &st = s.value();
    QString text = st.queued ? tr("Sent to %1 of %n recipient(s).", nullptr, int(st.recipients))
                                   .arg(QLocale().toString(st.value(QStringLiteral("sent"))))
                             : tr("Not sent yet: it would go to %n member(s).", nullptr, int(st.recipients));
    if (!leftOut(st.excluded).isEmpty())
        text += QLatin1Char(' ') + tr("Left out — %1").arg(leftOut(st.excluded));
    m_summary->setText(text);
    m_retry->setEnabled(st.value(QStringLiteral("failed")) + st.value(QStringLiteral("deferred")) > 0);
    m_recipients->setEnabled(st.queued);

    // Progress over time: messages sent so far, hour by hour, against the recipients.
    if (!points.ok() || points.value().isEmpty())
        return;
    auto *sent = new QLineSeries;
    sent->setName(tr("Sent"));
    for (const auto &[when, total] : points.value())
        sent->append(double(when.toMSecsSinceEpoch()), double(total));
    chart->addSeries(sent);
    auto *x = new QDateTimeAxis;
    x->setFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    x->setRange(points.value().first().first,
                std::max(points.value().last().first, points.value().first().first.addSecs(60)));
    x->setTickCount(4);
    auto *y = new QValueAxis;
    y->setRange(0, double(std::max<qint64>(1, st.recipients)));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(int(std::clamp<qint64>(st.recipients + 1, 2, 6)));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    sent->attachAxis(x);
    sent->attachAxis(y);
    chart->setTitle(tr("Messages sent"));
}

QHash<qint64, Core::Result<Mail::CampaignStatus>> CampaignsDialog::statusesAside(const QList<qint64> &ids)
{
    QHash<qint64, Core::Result<Mail::CampaignStatus>> out;
    if (ids.isEmpty())
        return out;
    auto done = WorkAside::run(m_context, this, tr("Counting the campaigns' recipients…"),
                               [&out, &ids](AppContext &aside, const WorkAside::Progress &) -> Core::Result<void> {
                                   for (qint64 id : ids)
                                       out.insert(id, aside.campaigns().status(id));
                                   return {};
                               });
    if (!done.ok()) {
        for (qint64 id : ids)
            out.insert(id, done.error());
    }
    return out;
}

void CampaignsDialog::showCoverage()
{
    if (m_coverageShown)
        return;
    m_coverageShown = true;
    // Per purpose: who may receive its messages, and why the others may not — a pass over every member per
    // purpose, on a thread of its own with its own connection; the chart says so meanwhile.
    m_coverage->chart()->setTitle(tr("Counting the members per purpose…"));
    auto result = std::make_shared<Core::Result<QList<Consent::PurposeCoverage>>>(QList<Consent::PurposeCoverage>());
    QThread *thread = QThread::create([result, path = m_context.database().connectPath(), &clock = m_context.clock()] {
        auto database = Storage::Database::open(path);
        if (!database.ok()) {
            *result = database.error();
            return;
        }
        Storage::MemberRepository members(*database.value(), clock);
        Storage::AuditLog audit(*database.value(), clock);
        Storage::SettingsRepository settings(*database.value());
        Consent::ConsentService consent(*database.value(), members, audit, settings, clock);
        *result = consent.coverage();
    });
    thread->setObjectName(QStringLiteral("coverage"));
    // The dialog closed first: the thread ends on its own and nothing is drawn.
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, result] { drawCoverage(*result); });
    thread->start(QThread::LowPriority);
}

void CampaignsDialog::drawCoverage(const Core::Result<QList<Consent::PurposeCoverage>> &coverage)
{
    QChart *chart = m_coverage->chart();
    if (!coverage.ok()) {
        chart->setTitle(tr("The members per purpose could not be counted: %1").arg(coverage.error().message));
        return;
    }
    auto *series = new QHorizontalStackedBarSeries;
    auto *eligible = new QBarSet(tr("May receive"));
    eligible->setColor(QColor(0x2e, 0x7d, 0x32));
    series->append(eligible);
    // Green for who may receive; the reasons of the others in colours that cannot be taken for it.
    const QColor colours[] = {QColor(0x9e, 0x9e, 0x9e), QColor(0xf9, 0xa8, 0x25), QColor(0xc6, 0x28, 0x28),
                              QColor(0x42, 0x42, 0x42), QColor(0x6d, 0x4c, 0x41), QColor(0x6a, 0x1b, 0x9a),
                              QColor(0xcf, 0xd8, 0xdc)};
    static_assert(sizeof(colours) / sizeof(colours[0]) == std::size(kLeftOut), "a colour for every reason left out");
    QMap<Reason, QBarSet *> sets;
    for (int i = 0; i < int(std::size(kLeftOut)); ++i) {
        auto *set = new QBarSet(Consent::reasonLabel(kLeftOut[i]));
        set->setColor(colours[i]);
        sets.insert(kLeftOut[i], set);
        series->append(set);
    }
    QStringList labels;
    qint64 most = 1;
    for (const Consent::PurposeCoverage &c : coverage.value()) {
        labels.append(c.purpose.displayLabel());
        *eligible << double(c.eligible);
        qint64 all = c.eligible;
        for (Reason r : kLeftOut) {
            *sets.value(r) << double(c.excluded.value(r));
            all += c.excluded.value(r);
        }
        most = std::max(most, all);
    }
    chart->addSeries(series);
    auto *axis = new QBarCategoryAxis;
    axis->append(labels);
    chart->addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%d"));
    values->setRange(0, double(most));
    values->setTickCount(int(std::min<qint64>(most, 5)) + 1); // whole members on every tick
    chart->addAxis(values, Qt::AlignBottom);
    chart->legend()->setAlignment(Qt::AlignRight); // the reasons' labels whole, one under the other
    series->attachAxis(values);
    chart->setTitle(tr("Members per purpose"));
    Q_EMIT coverageDrawn();
}

void CampaignsDialog::newCampaign(Mail::Campaign::Kind kind)
{
    CampaignFlow::compose(m_context, kind, QStringLiteral("all"), m_transports, this, nullptr, [this] { refresh(); });
    refresh();
}

void CampaignsDialog::editCurrent()
{
    auto c = m_context.campaigns().campaigns().find(currentCampaign());
    if (!c.ok() || c.value().queuedAt.isValid())
        return; // sent or on its way: its recipients are shown instead (Recipients…)
    CampaignFlow::compose(m_context, c.value().kind, c.value().audience, m_transports, this, &c.value(),
                          [this] { refresh(); });
    refresh();
}

void CampaignsDialog::sendCurrent()
{
    if (const qint64 id = currentCampaign())
        CampaignFlow::send(m_context, id, m_transports, this);
    refresh();
}

void CampaignsDialog::retryCurrent()
{
    const qint64 id = currentCampaign();
    auto again = m_context.campaigns().retry(id);
    if (!again.ok()) {
        MessageBox::critical(this, tr("Campaign"), again.error().message);
        return;
    }
    CampaignFlow::send(m_context, id, m_transports, this);
    refresh();
}

void CampaignsDialog::showRecipients()
{
    // Its batch only: the counts are the outbox window's own.
    auto c =
        m_context.campaigns().campaigns().find(currentCampaign(), Mail::CampaignRepository::Parts::WithoutAttachments);
    if (!c.ok() || !c.value().queuedAt.isValid())
        return;
    OutboxDialog outbox(m_context, m_transports, this, c.value().batchId);
    outbox.exec();
    refresh();
}

} // namespace Gui
