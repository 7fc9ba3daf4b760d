#include "ReportWorker.h"

#include "consent/ConsentService.h"
#include "core/Clock.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

#include <QElapsedTimer>

namespace Gui {

// The services on the worker thread, opened on first use there (a connection belongs to its thread).
class ReportWorker::Engine : public QObject
{
public:
    Engine(QString path, const Core::Clock &clock) : m_path(std::move(path)), m_clock(clock) {}

    QString open()
    {
        if (m_database)
            return {};
        auto database = Storage::Database::open(m_path);
        if (!database.ok())
            return database.error().message;
        m_database = std::move(database).value();
        m_members = std::make_unique<Storage::MemberRepository>(*m_database, m_clock);
        m_audit = std::make_unique<Storage::AuditLog>(*m_database, m_clock);
        m_settings = std::make_unique<Storage::SettingsRepository>(*m_database);
        m_consent = std::make_unique<Consent::ConsentService>(*m_database, *m_members, *m_audit, *m_settings, m_clock);
        m_runner = std::make_unique<Reports::ReportRunner>(*m_database, *m_members, *m_consent, m_clock);
        m_exporter = std::make_unique<Reports::ReportExporter>(*m_runner, *m_consent, *m_database, *m_audit);
        return {};
    }

    Reports::ReportRunner &runner() { return *m_runner; }
    Reports::ReportExporter &exporter() { return *m_exporter; }

private:
    QString m_path;
    const Core::Clock &m_clock;
    // Destroyed in reverse order, the database last.
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Storage::MemberRepository> m_members;
    std::unique_ptr<Storage::AuditLog> m_audit;
    std::unique_ptr<Storage::SettingsRepository> m_settings;
    std::unique_ptr<Consent::ConsentService> m_consent;
    std::unique_ptr<Reports::ReportRunner> m_runner;
    std::unique_ptr<Reports::ReportExporter> m_exporter;
};

ReportWorker::ReportWorker(const QString &databasePath, const Core::Clock &clock, QObject *parent) : QObject(parent)
{
    m_engine = new Engine(databasePath, clock);
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("reports"));
    m_thread.start(QThread::LowPriority);
}

ReportWorker::~ReportWorker()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void ReportWorker::post(std::function<void(Engine &)> job)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, job = std::move(job)] { job(*engine); }, Qt::QueuedConnection);
}

int ReportWorker::count(const Reports::ReportDefinition &report, const QHash<QString, QString> &params)
{
    const int ticket = ++m_nextTicket;
    *m_latestCount = ticket;
    post([this, ticket, report, params, latest = m_latestCount](Engine &engine) {
        if (*latest != ticket)
            return; // a newer count is waiting: this one no longer matters
        QElapsedTimer timer;
        timer.start();
        QString error = engine.open();
        qint64 n = -1;
        if (error.isEmpty()) {
            auto r = engine.runner().count(report, params);
            if (r.ok())
                n = r.value();
            else
                error = r.error().message;
        }
        const qint64 ms = timer.elapsed();
        QMetaObject::invokeMethod(
            this, [this, ticket, n, error, ms] { Q_EMIT counted(ticket, n, error, ms); }, Qt::QueuedConnection);
    });
    return ticket;
}

int ReportWorker::preview(const Reports::ReportDefinition &report, const QHash<QString, QString> &params, int limit)
{
    const int ticket = ++m_nextTicket;
    post([this, ticket, report, params, limit](Engine &engine) {
        ReportPreview preview;
        QString error = engine.open();
        if (error.isEmpty()) {
            auto page = engine.runner().firstRows(report, params, limit);
            if (!page.ok()) {
                error = page.error().message;
            } else {
                preview.total = page.value().total;
                const std::vector<qint64> &first = page.value().ids;
                Reports::ReadOptions labels;
                labels.labels = true;
                preview.headers = engine.runner().headers(report, labels);
                auto rows = engine.runner().rows(report, first, QStringLiteral("yyyy-MM-dd"), true,
                                                 [&preview](const QStringList &row) { preview.rows.append(row); });
                auto totals = engine.runner().totals(report, params);
                if (!rows.ok())
                    error = rows.error().message;
                else if (!totals.ok())
                    error = totals.error().message;
                else
                    preview.totals = totals.value();
            }
        }
        QMetaObject::invokeMethod(
            this, [this, ticket, preview, error] { Q_EMIT previewed(ticket, preview, error); }, Qt::QueuedConnection);
    });
    return ticket;
}

int ReportWorker::plan(const Reports::ExportRequest &request)
{
    const int ticket = ++m_nextTicket;
    post([this, ticket, request](Engine &engine) {
        Reports::ExportPlan plan;
        QString error = engine.open();
        if (error.isEmpty()) {
            auto p = engine.exporter().plan(request);
            if (p.ok())
                plan = std::move(p).value();
            else
                error = p.error().message;
        }
        QMetaObject::invokeMethod(
            this, [this, ticket, plan = std::move(plan), error] { Q_EMIT planned(ticket, plan, error); },
            Qt::QueuedConnection);
    });
    return ticket;
}

int ReportWorker::write(const Reports::ExportRequest &request, const Reports::ExportPlan &plan)
{
    const int ticket = ++m_nextTicket;
    m_cancel = false;
    post([this, ticket, request, plan](Engine &engine) {
        QString error = engine.open();
        qint64 rows = 0;
        bool cancelled = false;
        if (error.isEmpty()) {
            auto r = engine.exporter().write(request, plan, {}, &m_cancel);
            if (r.ok()) {
                rows = r.value();
            } else {
                error = r.error().message;
                cancelled = r.error().code == Core::Error::Code::Cancelled;
            }
        }
        QMetaObject::invokeMethod(
            this, [this, ticket, rows, error, cancelled] { Q_EMIT written(ticket, rows, error, cancelled); },
            Qt::QueuedConnection);
    });
    return ticket;
}

int ReportWorker::addresses(const Reports::ExportPlan &plan)
{
    const int ticket = ++m_nextTicket;
    post([this, ticket, rows = plan.rows](Engine &engine) {
        QString error = engine.open();
        QString text;
        if (error.isEmpty()) {
            auto r = engine.exporter().addresses(rows);
            if (r.ok())
                text = r.value().join(QStringLiteral("; "));
            else
                error = r.error().message;
        }
        QMetaObject::invokeMethod(
            this, [this, ticket, text, error] { Q_EMIT addressesReady(ticket, text, error); }, Qt::QueuedConnection);
    });
    return ticket;
}

} // namespace Gui
