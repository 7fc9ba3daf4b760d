#pragma once

#include "OutboxRunner.h"
#include "SmtpAccount.h"

#include <QObject>

#include <memory>

namespace Core {
class Clock;
}
namespace Storage {
class Database;
}

namespace Mail {

class ConsentGate;

// Sending from the window: an OutboxRunner on a worker thread with its own connection to the file, so
// the window stays live. Create it, move it to a QThread, then call start() through the event loop
// (QMetaObject::invokeMethod); pause() stops after the message in flight. Signals arrive queued.
class OutboxJob : public QObject
{
    Q_OBJECT

public:
    OutboxJob(QString databasePath, SmtpAccount account, QString password, qint64 batchId,
              OutboxRunner::TransportFactory transports);
    ~OutboxJob() override;

public Q_SLOTS:
    void start();
    void pause();

Q_SIGNALS:
    void progress(int done);
    void certificateRefused(const Smtp::CertificateInfo &certificate);
    void finished(int sent, int deferred, int failed, int unknown, const QString &error, bool limited,
                  const QDateTime &resumeAt);

private:
    QString m_databasePath;
    SmtpAccount m_account;
    QString m_password;
    qint64 m_batchId;
    OutboxRunner::TransportFactory m_transports;
    std::unique_ptr<Core::Clock> m_clock;
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ConsentGate> m_gate;
    OutboxRunner *m_runner = nullptr;
};

} // namespace Mail
