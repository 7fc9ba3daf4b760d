#include "BackgroundSender.h"

#include "MessageBox.h"
#include "OutboxDialog.h"

#include "AppContext.h"
#include "mail/Outbox.h"
#include "mail/OutboxJob.h"
#include "mail/SmtpAccount.h"
#include "mail/smtp/SmtpTransport.h"
#include "settings/CredentialStore.h"

#include <QMessageBox>
#include <QPushButton>
#include <QThread>
#include <QTimer>

namespace Gui {

BackgroundSender::BackgroundSender(AppContext &context, QObject *parent) : QObject(parent), m_context(context)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &BackgroundSender::resume);
    m_timer->start();
    QTimer::singleShot(5000, this, &BackgroundSender::resume);
}

BackgroundSender::~BackgroundSender()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

int BackgroundSender::waitingCount() const
{
    Mail::Outbox outbox(m_context.database(), m_context.clock());
    auto counts = outbox.counts(0);
    if (!counts.ok())
        return 0;
    return int(counts.value().value(QStringLiteral("queued")) + counts.value().value(QStringLiteral("deferred")) +
               counts.value().value(QStringLiteral("sending")));
}

void BackgroundSender::stopAfterCurrent()
{
    m_timer->stop();
    if (m_job)
        QMetaObject::invokeMethod(m_job, &Mail::OutboxJob::pause, Qt::QueuedConnection);
    else
        Q_EMIT stopped();
}

BackgroundSender::Quit BackgroundSender::askBeforeQuitting(QWidget *window)
{
    const int waiting = waitingCount();
    const bool sending = isSending();
    if (waiting == 0 && !sending)
        return Quit::Now;
    QString text = tr("%n message(s) are waiting in the outbox.", nullptr, waiting);
    if (sending)
        text += QLatin1Char(' ') + tr("Carnet is sending them now.");
    QMessageBox box(QMessageBox::Question, tr("Quit Carnet"), text,
                    QMessageBox::Yes | QMessageBox::Cancel | (sending ? QMessageBox::Discard : QMessageBox::NoButton),
                    window);
    box.setInformativeText(sending ? tr("Send them later: Carnet finishes the message in flight and quits; the rest "
                                        "go the next time Carnet is open. Quit anyway: the message being sent may "
                                        "have to be checked by hand (its fate becomes unknown).")
                                   : tr("They will go the next time Carnet is open, within the sending account's "
                                        "limits."));
    box.button(QMessageBox::Yes)->setText(tr("Send them &later"));
    box.button(QMessageBox::Cancel)->setText(tr("&Keep waiting"));
    if (sending)
        box.button(QMessageBox::Discard)->setText(tr("&Quit anyway"));
    box.setDefaultButton(QMessageBox::Yes);
    switch (MessageBox::answerFor(box)) {
    case QMessageBox::Yes:
        if (!sending)
            return Quit::Now;
        stopAfterCurrent();
        return Quit::AfterCurrent;
    case QMessageBox::Discard: return Quit::Now;
    default: return Quit::Stay;
    }
}

void BackgroundSender::resume()
{
    if (m_thread || !m_timer->isActive())
        return;
    auto account = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!account.ok() || !account.value().isConfigured())
        return;
    Mail::Outbox outbox(m_context.database(), m_context.clock());
    auto due = outbox.due(0, 1);
    auto allowed = outbox.allowance(account.value().limits);
    if (!due.ok() || due.value().isEmpty() || !allowed.ok() || allowed.value() == 0)
        return;
    const Mail::SmtpAccount &a = account.value();
    if (a.user.isEmpty() || !m_context.sessionSmtpPassword().isEmpty()) {
        start(m_context.sessionSmtpPassword());
        return;
    }
    const QString key = Settings::CredentialStore::smtpKey(a.user, a.host);
    connect(
        &m_context.credentials(), &Settings::CredentialStore::readDone, this,
        [this, key](const QString &k, const QString &secret, const QString &) {
            if (k != key)
                return;
            if (!secret.isEmpty()) {
                m_context.setSessionSmtpPassword(secret);
                start(secret);
            } else if (!m_toldAboutPassword) {
                m_toldAboutPassword = true;
                Q_EMIT message(tr("Messages are waiting in the outbox: give the password in Edit › Sending "
                                  "account… and they will go."));
            }
        },
        Qt::SingleShotConnection);
    m_context.credentials().read(key);
}

void BackgroundSender::start(const QString &password)
{
    if (m_thread || !m_timer->isActive())
        return;
    auto account = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!account.ok())
        return;
    const Mail::SmtpAccount a = account.value();
    auto transports = Smtp::SslTransport::factory(a.caFile, a.trustFingerprint);
    if (!transports.ok()) {
        Q_EMIT message(tr("Outbox: %1").arg(transports.error().message));
        return;
    }
    auto *job = new Mail::OutboxJob(m_context.database().connectPath(), a, password, 0, transports.value());
    m_job = job;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("outbox"));
    job->moveToThread(m_thread);
    connect(
        job, &Mail::OutboxJob::finished, this,
        [this, job](int sent, int deferred, int failed, int unknown, const QString &error, bool, const QDateTime &) {
            if (sent + deferred + failed + unknown > 0 || !error.isEmpty())
                Q_EMIT message(tr("Outbox: %1%2")
                                   .arg(OutboxDialog::summary(sent, deferred, failed, unknown),
                                        error.isEmpty() ? QString() : QLatin1Char(' ') + error));
            job->deleteLater();
        });
    connect(job, &QObject::destroyed, m_thread, &QThread::quit);
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (!m_timer->isActive())
            Q_EMIT stopped();
    });
    m_thread->start(QThread::LowPriority);
    QMetaObject::invokeMethod(job, &Mail::OutboxJob::start, Qt::QueuedConnection);
}

} // namespace Gui
