#pragma once

#include "reports/Report.h"
#include "reports/ReportExporter.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace Core {
class Clock;
}

namespace Gui {

// What the preview step shows: the first rows, the total, and the totals per group.
struct ReportPreview
{
    QStringList headers;
    QList<QStringList> rows;
    qint64 total = 0;
    QList<Reports::GroupTotal> totals;
};

// Runs report counts, previews, export plans and exports on a thread of its own with its own database
// connection, so a million members never freeze the window. Each request returns a ticket; a result arrives
// by signal with its ticket. Counts coalesce: a count superseded by a newer one is skipped. cancel() stops a
// running export (no file is left behind).
class ReportWorker : public QObject
{
    Q_OBJECT

public:
    ReportWorker(const QString &databasePath, const Core::Clock &clock, QObject *parent = nullptr);
    ~ReportWorker() override;

    int count(const Reports::ReportDefinition &report, const QHash<QString, QString> &params);
    int preview(const Reports::ReportDefinition &report, const QHash<QString, QString> &params, int limit);
    int plan(const Reports::ExportRequest &request);
    int write(const Reports::ExportRequest &request, const Reports::ExportPlan &plan);
    // The addresses for an e-mail program's BCC, of the plan's rows.
    int addresses(const Reports::ExportPlan &plan);
    void cancel() { m_cancel = true; }

Q_SIGNALS:
    void counted(int ticket, qint64 count, const QString &error, qint64 milliseconds);
    void previewed(int ticket, const Gui::ReportPreview &preview, const QString &error);
    void planned(int ticket, const Reports::ExportPlan &plan, const QString &error);
    void written(int ticket, qint64 rows, const QString &error, bool cancelled);
    void addressesReady(int ticket, const QString &addresses, const QString &error);

private:
    class Engine;
    void post(std::function<void(Engine &)> job);

    QThread m_thread;
    Engine *m_engine = nullptr; // lives in m_thread
    int m_nextTicket = 0;
    std::shared_ptr<std::atomic_int> m_latestCount = std::make_shared<std::atomic_int>(0);
    std::atomic_bool m_cancel{false};
};

} // namespace Gui
