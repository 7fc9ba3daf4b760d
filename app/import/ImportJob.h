#pragma once

#include "Importer.h"

#include <QObject>

#include <atomic>
#include <optional>

class QThread;

namespace Core {
class Clock;
}

namespace Import {

// Runs an import (or a dry run) on a worker thread with its own database connection, reporting
// progress by signals; the window stays live and Cancel rolls everything back.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    ImportJob(QString databasePath, const Core::Clock &clock, QObject *parent = nullptr);
    ~ImportJob() override;

    void start(const QString &file, const ImportOptions &options);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

    const std::optional<ImportReport> &report() const { return m_report; }
    const std::optional<Core::Error> &error() const { return m_error; }

Q_SIGNALS:
    void progressed(double fraction);
    void finished();

private:
    void wait();

    QString m_databasePath;
    const Core::Clock &m_clock;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel{false};
    std::optional<ImportReport> m_report;
    std::optional<Core::Error> m_error;
};

} // namespace Import
