#include "OutboxRunner.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace Mail {

OutboxRunner::OutboxRunner(Outbox &outbox, Smtp::Settings settings, Limits limits, int retryBaseSeconds,
                           TransportFactory transports, qint64 batchId, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_settings(std::move(settings)), m_limits(limits),
      m_retryBase(retryBaseSeconds), m_transports(std::move(transports)), m_batchId(batchId)
{}

void OutboxRunner::start()
{
    auto recovered = m_outbox.recoverInterrupted();
    if (!recovered.ok()) {
        done(recovered.error().message);
        return;
    }
    m_summary.recovered = recovered.value();
    openSession();
}

void OutboxRunner::stop()
{
    m_stop = true;
}

void OutboxRunner::openSession()
{
    if (m_stop) {
        done();
        return;
    }
    auto allowed = m_outbox.allowance(m_limits);
    if (!allowed.ok()) {
        done(allowed.error().message);
        return;
    }
    if (allowed.value() == 0) {
        m_summary.limited = true;
        auto at = m_outbox.nextAllowedAt(m_limits);
        m_summary.resumeAt = at.ok() ? at.value() : QDateTime();
        done();
        return;
    }
    int take = allowed.value() < 0 ? 1000 : allowed.value();
    if (m_limits.perConnection > 0)
        take = std::min(take, m_limits.perConnection);
    take = std::min(take, std::max(1, m_settings.maxMessagesPerConnection));
    m_take = take;
    auto due = m_outbox.due(m_batchId, take);
    if (!due.ok()) {
        done(due.error().message);
        return;
    }
    m_queue = std::move(due).value();
    if (m_queue.isEmpty()) {
        done();
        return;
    }
    m_onConnection = 0;
    m_session = new Smtp::Session(m_settings, m_transports(), this);
    connect(m_session, &Smtp::Session::ready, this, &OutboxRunner::sendNext);
    connect(m_session, &Smtp::Session::certificateRefused, this, &OutboxRunner::certificateRefused);
    connect(m_session, &Smtp::Session::messageDone, this, [this](const Smtp::MessageResult &result) {
        Delivery d = m_currentDelivery;
        d.attempts += 1; // markSending counted this attempt
        m_current = 0;
        const Smtp::RecipientResult r = result.recipients.value(0);
        if (auto saved = m_outbox.markResult(d, r.outcome, r.reply, m_retryBase); !saved.ok())
            m_summary.error = saved.error().message;
        switch (r.outcome) {
        case Smtp::Outcome::Sent: ++m_summary.sent; break;
        case Smtp::Outcome::Deferred: ++m_summary.deferred; break;
        case Smtp::Outcome::Failed: ++m_summary.failed; break;
        case Smtp::Outcome::Unknown: ++m_summary.unknown; break;
        }
        Q_EMIT progress(++m_done);
        if (m_session && m_session->isReady())
            QTimer::singleShot(0, this, &OutboxRunner::sendNext);
    });
    connect(m_session, &Smtp::Session::failed, this,
            [this](const QString &message, const Smtp::Reply &) { m_summary.error = message; });
    connect(m_session, &Smtp::Session::finished, this, [this] {
        m_summary.log = m_session->protocolLog();
        m_session->deleteLater();
        m_session = nullptr;
        // A session that failed before sending anything stops the run: the same would happen again.
        if (!m_summary.error.isEmpty() && (m_onConnection == 0 || m_stopOnError)) {
            done(m_summary.error);
            return;
        }
        // The connection ended (limit per connection, or a failure mid-way): carry on with a new one.
        m_summary.error.clear();
        QTimer::singleShot(0, this, &OutboxRunner::openSession);
    });
    m_session->start();
}

void OutboxRunner::sendNext()
{
    if (!m_session || m_current != 0)
        return;
    if (m_stop || m_queue.isEmpty() || (m_limits.perConnection > 0 && m_onConnection >= m_limits.perConnection)) {
        m_queue.clear();
        m_session->quit();
        return;
    }
    const Delivery d = m_queue.takeFirst();
    if (m_gate) {
        auto verdict = m_gate(d);
        if (!verdict.ok()) { // cannot tell now: nothing is cancelled, the message waits for the next run
            m_summary.error = verdict.error().message;
            m_stopOnError = true;
            m_queue.clear();
            m_session->quit();
            return;
        }
        if (const QString why = verdict.value(); !why.isEmpty()) {
            if (auto cancelled = m_outbox.cancelOne(d.id, why); cancelled.ok())
                ++m_summary.cancelled;
            QTimer::singleShot(0, this, &OutboxRunner::sendNext);
            return;
        }
    }
    // Written before MAIL FROM: a crash from here on leaves `sending`, read back as `unknown`.
    if (auto marked = m_outbox.markSending(d.id, &m_limits); !marked.ok()) {
        if (marked.error().field == QLatin1String("limits")) {
            // The limits, counted over every computer sending: the rest waits for the next run.
            m_summary.limited = true;
            auto at = m_outbox.nextAllowedAt(m_limits);
            m_summary.resumeAt = at.ok() ? at.value() : QDateTime();
            m_queue.clear();
            m_session->quit();
            return;
        }
        // Taken by another computer's run, or cancelled meanwhile. Every computer read the same list in the same
        // order: rather than follow another one message after message (and lose nearly every claim), this run
        // goes on from a random place in its list, and after a few misses in a row reads what is still waiting.
        if (++m_misses % kMissesBeforeReading == 0) {
            auto due = m_outbox.due(m_batchId, std::max(1, m_take - m_onConnection));
            if (!due.ok()) {
                m_summary.error = due.error().message;
                m_stopOnError = true;
                m_queue.clear();
            } else {
                m_queue = std::move(due).value();
            }
        } else if (m_queue.size() > 1) {
            const auto jump = QRandomGenerator::global()->bounded(1, int(m_queue.size()));
            std::rotate(m_queue.begin(), m_queue.begin() + jump, m_queue.end());
        }
        QTimer::singleShot(0, this, &OutboxRunner::sendNext);
        return;
    }
    m_misses = 0;
    m_current = d.id;
    m_currentDelivery = d;
    m_currentDelivery.message.clear(); // the bytes are in the envelope; keep memory flat
    ++m_onConnection;
    Smtp::Envelope envelope;
    envelope.from = d.envelopeFrom;
    envelope.recipients = {d.address};
    envelope.data = d.message;
    envelope.needsSmtpUtf8 = d.smtpUtf8;
    envelope.envelopeId = d.messageId; // a report without the message's headers still names it
    m_session->send(envelope);
}

void OutboxRunner::done(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!error.isEmpty())
        m_summary.error = error;
    Q_EMIT finished();
}

} // namespace Mail
