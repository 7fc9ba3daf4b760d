#include "OutboxDialog.h"

#include "AsideRun.h"
#include "MessageBox.h"

#include "AppContext.h"
#include "mail/Outbox.h"
#include "mail/OutboxJob.h"
#include "mail/SmtpAccount.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace Gui {

namespace {

QString stateLabel(Mail::DeliveryState state)
{
    switch (state) {
    case Mail::DeliveryState::Queued: return QCoreApplication::translate("Gui::OutboxDialog", "waiting");
    case Mail::DeliveryState::Sending: return QCoreApplication::translate("Gui::OutboxDialog", "sending");
    case Mail::DeliveryState::Sent: return QCoreApplication::translate("Gui::OutboxDialog", "sent");
    case Mail::DeliveryState::Deferred: return QCoreApplication::translate("Gui::OutboxDialog", "deferred");
    case Mail::DeliveryState::Failed: return QCoreApplication::translate("Gui::OutboxDialog", "failed");
    case Mail::DeliveryState::Cancelled: return QCoreApplication::translate("Gui::OutboxDialog", "cancelled");
    case Mail::DeliveryState::Unknown: return QCoreApplication::translate("Gui::OutboxDialog", "unknown");
    }
    return {};
}

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

OutboxDialog::OutboxDialog(AppContext &context, Mail::OutboxRunner::TransportFactory transports, QWidget *parent,
                           qint64 batchId)
    : QDialog(parent), m_context(context), m_transports(std::move(transports)),
      m_reader(new AsideRun(QStringLiteral("outbox-reader"), QThread::InheritPriority, this))
{
    setObjectName(QStringLiteral("outboxDialog"));
    setWindowTitle(tr("Outbox"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_batch = new QComboBox(this);
    m_batch->setObjectName(QStringLiteral("batchCombo"));
    top->addWidget(new QLabel(tr("Batch"), this));
    top->addWidget(m_batch, 1);
    layout->addLayout(top);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("outboxCounts"));
    layout->addWidget(m_counts);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setHeaderLabels({tr("Recipient"), tr("State"), tr("Attempts"), tr("Server's reply"), tr("Next attempt")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 1);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("outboxProgress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("outboxStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_send = new QPushButton(tr("&Send now"), this);
    m_send->setObjectName(QStringLiteral("sendNowButton"));
    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setEnabled(false);
    m_cancel = new QPushButton(tr("&Cancel what is left…"), this);
    m_cancel->setObjectName(QStringLiteral("cancelBatchButton"));
    m_markSent = new QPushButton(tr("Mark as &sent"), this);
    m_markSent->setObjectName(QStringLiteral("markSentButton"));
    m_resend = new QPushButton(tr("Send a&gain…"), this);
    m_resend->setObjectName(QStringLiteral("resendButton"));
    for (QPushButton *b : {m_send, m_pause, m_cancel})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(m_markSent);
    buttons->addWidget(m_resend);
    layout->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, &OutboxDialog::sendNow);
    connect(m_pause, &QPushButton::clicked, this, &OutboxDialog::pause);
    connect(m_batch, &QComboBox::activated, this, &OutboxDialog::refresh);
    connect(m_markSent, &QPushButton::clicked, this, [this] { resolveSelected(true); });
    connect(m_resend, &QPushButton::clicked, this, [this] { resolveSelected(false); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const qint64 batch = currentBatch();
        if (batch == 0)
            return;
        if (MessageBox::question(this, tr("Outbox"),
                                 tr("Cancel the messages of this batch that have not gone yet? Those already sent stay "
                                    "sent."),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
            return;
        auto done = Mail::Outbox(m_context.database(), m_context.clock()).cancel(batch);
        m_status->setText(done.ok() ? tr("%1 message(s) cancelled.").arg(done.value()) : done.error().message);
        refresh();
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const bool unknown = item && item->data(1, Qt::UserRole).toString() == QLatin1String("unknown");
        m_markSent->setEnabled(unknown);
        m_resend->setEnabled(unknown);
    });

    // Batches, newest first.
    m_batch->addItem(tr("Every batch"), qint64(0));
    if (auto batches = Mail::Outbox(m_context.database(), m_context.clock()).batches(200); batches.ok()) {
        for (const auto &[id, subject] : batches.value())
            m_batch->addItem(QStringLiteral("%1 — %2").arg(id).arg(subject), id);
    }
    if (const int index = m_batch->findData(batchId); index >= 0)
        m_batch->setCurrentIndex(index); // read once, on the batch asked for
    refresh();
    resize(820, 520);
}

QString OutboxDialog::summary(int sent, int deferred, int failed, int unknown)
{
    return tr("%1, %2, %3, %4.")
        .arg(tr("%n sent", nullptr, sent), tr("%n deferred", nullptr, deferred), tr("%n failed", nullptr, failed),
             tr("%n unknown", nullptr, unknown));
}

OutboxDialog::~OutboxDialog()
{
    delete m_reader; // waits for a read still running, which reaches it through this dialog
    if (m_thread) {
        QMetaObject::invokeMethod(m_job, "pause", Qt::QueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

void OutboxDialog::showBatch(qint64 batchId)
{
    const int index = m_batch->findData(batchId);
    if (index >= 0)
        m_batch->setCurrentIndex(index);
    refresh();
}

qint64 OutboxDialog::currentBatch() const
{
    return m_batch->currentData().toLongLong();
}

struct OutboxDialog::Snapshot
{
    qint64 batch = 0;
    Core::Result<QMap<QString, qint64>> counts = QMap<QString, qint64>();
    Core::Result<QList<Mail::Delivery>> rows = QList<Mail::Delivery>();
};

bool OutboxDialog::isReading() const
{
    return m_reader->busy();
}

void OutboxDialog::refresh()
{
    auto read = std::make_shared<Snapshot>();
    read->batch = currentBatch();
    m_reader->start([this, read, path = m_context.database().connectPath(), &clock = m_context.clock()] {
        auto database = Storage::Database::open(path);
        if (!database.ok()) {
            read->counts = database.error();
        } else {
            Mail::Outbox outbox(*database.value(), clock);
            read->counts = outbox.counts(read->batch);
            // The counts cover everything; the list shows the first 5,000 (read as such: each row holds a
            // message's bytes).
            if (read->counts.ok())
                read->rows = outbox.deliveries(read->batch, 5000);
        }
        m_reader->post([this, read] {
            if (read->batch == currentBatch())
                fill(*read);
            else
                refresh(); // another batch was chosen meanwhile
        });
    });
}

void OutboxDialog::fill(const Snapshot &read)
{
    if (!read.counts.ok()) {
        m_counts->setText(read.counts.error().message);
        return;
    }
    QStringList parts;
    for (Mail::DeliveryState s :
         {Mail::DeliveryState::Sent, Mail::DeliveryState::Queued, Mail::DeliveryState::Deferred,
          Mail::DeliveryState::Failed, Mail::DeliveryState::Unknown, Mail::DeliveryState::Cancelled})
        parts.append(QStringLiteral("%1 %2").arg(QLocale().toString(read.counts.value().value(Mail::stateKey(s))),
                                                 stateLabel(s)));
    m_counts->setText(parts.join(QStringLiteral(" · ")));
    m_waiting =
        read.counts.value().value(QStringLiteral("queued")) + read.counts.value().value(QStringLiteral("deferred"));
    const qint64 keep = m_list->currentItem() ? m_list->currentItem()->data(0, IdRole).toLongLong() : 0;
    m_list->clear();
    m_markSent->setEnabled(false);
    m_resend->setEnabled(false);
    if (!read.rows.ok()) {
        m_status->setText(read.rows.error().message);
        return;
    }
    const QLocale locale;
    QList<QTreeWidgetItem *> items;
    items.reserve(read.rows.value().size());
    QTreeWidgetItem *current = nullptr;
    for (const Mail::Delivery &d : read.rows.value()) {
        const QJsonObject json = d.toJson();
        // Which volunteer's computer is sending it (on a shared member file, several may send at once).
        const QString state = d.state == Mail::DeliveryState::Sending && !d.claimedBy.isEmpty()
                                  ? tr("%1 — from %2").arg(stateLabel(d.state), d.claimedBy)
                                  : stateLabel(d.state);
        auto *item = new QTreeWidgetItem(
            {d.address, state, QString::number(d.attempts), json.value(QStringLiteral("reply")).toString(),
             d.nextAttemptAt.isValid() ? locale.toString(d.nextAttemptAt.toLocalTime(), QLocale::ShortFormat)
                                       : QString()});
        item->setData(0, IdRole, d.id);
        item->setData(1, Qt::UserRole, Mail::stateKey(d.state));
        if (d.id == keep)
            current = item;
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    if (current)
        m_list->setCurrentItem(current); // the row the user was on, through a refresh while sending
}

void OutboxDialog::resolveSelected(bool asSent)
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (!asSent &&
        MessageBox::question(
            this, tr("Outbox"),
            tr("Send this message again? If the first attempt did arrive, %1 gets it twice.").arg(item->text(0)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    auto done =
        Mail::Outbox(m_context.database(), m_context.clock()).resolve(item->data(0, IdRole).toLongLong(), asSent);
    if (!done.ok())
        m_status->setText(done.error().message);
    refresh();
}

void OutboxDialog::sendNow()
{
    if (m_thread)
        return;
    auto account = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!account.ok() || !account.value().isConfigured()) {
        m_status->setText(tr("No sending account yet: Edit › Sending account…"));
        return;
    }
    auto transports = m_transports;
    if (!transports) {
        auto factory = Smtp::SslTransport::factory(account.value().caFile, account.value().trustFingerprint);
        if (!factory.ok()) {
            m_status->setText(factory.error().message);
            return;
        }
        transports = factory.value();
    }
    m_progress->setRange(0, int(std::max<qint64>(1, m_waiting))); // as last read
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_status->setText(tr("Sending…"));
    m_send->setEnabled(false);
    m_pause->setEnabled(true);

    m_thread = new QThread(this);
    auto *job = new Mail::OutboxJob(m_context.database().connectPath(), account.value(),
                                    m_context.sessionSmtpPassword(), currentBatch(), transports);
    m_job = job;
    job->moveToThread(m_thread);
    connect(job, &Mail::OutboxJob::progress, this, [this](int done) {
        m_progress->setValue(done);
        if (done % 10 == 0)
            refresh();
    });
    connect(job, &Mail::OutboxJob::finished, this,
            [this, job](int sent, int deferred, int failed, int unknown, const QString &error, bool limited,
                        const QDateTime &resumeAt) {
                QString text = summary(sent, deferred, failed, unknown);
                if (limited)
                    text +=
                        QLatin1Char(' ') + tr("The account's limits are reached; the rest can go from %1.")
                                               .arg(QLocale().toString(resumeAt.toLocalTime(), QLocale::ShortFormat));
                if (!error.isEmpty())
                    text += QLatin1Char('\n') + error;
                m_status->setText(text);
                job->deleteLater(); // on its thread, with its connection
                m_job = nullptr;
            });
    connect(job, &QObject::destroyed, m_thread, &QThread::quit);
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_progress->setVisible(false);
        m_send->setEnabled(true);
        m_pause->setEnabled(false);
        refresh();
        Q_EMIT sendingFinished();
    });
    m_thread->start();
    QMetaObject::invokeMethod(job, &Mail::OutboxJob::start, Qt::QueuedConnection);
}

void OutboxDialog::pause()
{
    if (m_job)
        QMetaObject::invokeMethod(static_cast<Mail::OutboxJob *>(m_job), &Mail::OutboxJob::pause, Qt::QueuedConnection);
    m_pause->setEnabled(false);
    m_status->setText(tr("Pausing after the message in flight…"));
}

} // namespace Gui
