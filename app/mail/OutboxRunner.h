#pragma once

#include "Outbox.h"
#include "core/Result.h"
#include "mail/smtp/SmtpSession.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace Mail {

// Sends what the outbox holds that is due, within the provider's limits, through as many SMTP sessions
// as the per-connection limit needs. Each recipient's state is committed before and after its SMTP
// transaction. Asynchronous: start(), then finished().
class OutboxRunner : public QObject
{
    Q_OBJECT

public:
    using TransportFactory = Smtp::TransportFactory;
    // Asked just before each message goes: empty to send it, else why it must not go (the member withdrew
    // since it was queued); the message is then cancelled with that reason. An error (the database cannot
    // answer now) cancels nothing: the message stays queued and the run stops with that error.
    using Gate = std::function<Core::Result<QString>(const Delivery &delivery)>;

    struct Summary
    {
        int sent = 0;
        int deferred = 0;
        int failed = 0;
        int unknown = 0;
        int recovered = 0;    // rows found interrupted in `sending`, now `unknown`
        int cancelled = 0;    // stopped by the gate
        bool limited = false; // stopped by a per-minute/hour/day limit
        QDateTime resumeAt;   // when the limits allow more
        QString error;        // why a session could not go on (connection, sign-in, TLS)
        QStringList log;      // the protocol log of the last session
    };

    OutboxRunner(Outbox &outbox, Smtp::Settings settings, Limits limits, int retryBaseSeconds,
                 TransportFactory transports, qint64 batchId = 0, QObject *parent = nullptr);

    void setGate(Gate gate) { m_gate = std::move(gate); }
    void start();
    void stop(); // after the message in flight
    const Summary &summary() const { return m_summary; }

Q_SIGNALS:
    void progress(int done);
    void certificateRefused(const Smtp::CertificateInfo &certificate);
    void finished();

private:
    void openSession();
    void sendNext();
    void done(const QString &error = {});

    Outbox &m_outbox;
    Smtp::Settings m_settings;
    Limits m_limits;
    int m_retryBase;
    TransportFactory m_transports;
    Gate m_gate;
    bool m_stopOnError = false; // the gate could not answer: the run ends after this session
    qint64 m_batchId;
    Smtp::Session *m_session = nullptr;
    QList<Delivery> m_queue;
    qint64 m_current = 0;
    Delivery m_currentDelivery;
    int m_onConnection = 0;
    int m_take = 0;   // messages this connection may carry
    int m_misses = 0; // claims lost in a row to another computer
    static constexpr int kMissesBeforeReading = 4;
    int m_done = 0;
    bool m_stop = false;
    bool m_finished = false;
    Summary m_summary;
};

} // namespace Mail
