#include "OutboxJob.h"

#include "ConsentGate.h"

#include "core/Clock.h"
#include "storage/Database.h"

namespace Mail {

OutboxJob::OutboxJob(QString databasePath, SmtpAccount account, QString password, qint64 batchId,
                     OutboxRunner::TransportFactory transports)
    : m_databasePath(std::move(databasePath)), m_account(std::move(account)), m_password(std::move(password)),
      m_batchId(batchId), m_transports(std::move(transports))
{}

OutboxJob::~OutboxJob()
{
    delete m_runner;
    m_gate.reset();
    m_outbox.reset();
    m_database.reset();
}

void OutboxJob::start()
{
    // Everything below lives on this object's (worker) thread.
    m_clock = std::make_unique<Core::SystemClock>();
    auto database = Storage::Database::open(m_databasePath);
    if (!database.ok()) {
        Q_EMIT finished(0, 0, 0, 0, database.error().message, false, {});
        return;
    }
    m_database = std::move(database).value();
    m_outbox = std::make_unique<Outbox>(*m_database, *m_clock);
    m_runner = new OutboxRunner(*m_outbox, m_account.sessionSettings(m_password), m_account.limits,
                                m_account.retrySeconds, m_transports, m_batchId);
    m_gate = std::make_unique<ConsentGate>(*m_database, *m_clock);
    m_runner->setGate([this](const Delivery &d) { return m_gate->check(d); });
    connect(m_runner, &OutboxRunner::progress, this, &OutboxJob::progress);
    connect(m_runner, &OutboxRunner::certificateRefused, this, &OutboxJob::certificateRefused);
    connect(m_runner, &OutboxRunner::finished, this, [this] {
        const OutboxRunner::Summary &s = m_runner->summary();
        Q_EMIT finished(s.sent, s.deferred, s.failed, s.unknown, s.error, s.limited, s.resumeAt);
    });
    m_runner->start();
}

void OutboxJob::pause()
{
    if (m_runner)
        m_runner->stop();
}

} // namespace Mail
