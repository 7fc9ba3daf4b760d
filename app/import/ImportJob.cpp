#include "ImportJob.h"

#include "consent/StatusStore.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"

#include <QThread>

namespace Import {

ImportJob::ImportJob(QString databasePath, const Core::Clock &clock, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_clock(clock)
{}

ImportJob::~ImportJob()
{
    cancel();
    wait();
}

void ImportJob::wait()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void ImportJob::cancel()
{
    m_cancel = true;
}

void ImportJob::start(const QString &file, const ImportOptions &options)
{
    wait();
    m_cancel = false;
    m_report.reset();
    m_error.reset();
    m_thread = QThread::create([this, file, options] {
        std::optional<ImportReport> report;
        std::optional<Core::Error> error;
        {
            auto database = Storage::Database::open(m_databasePath);
            if (!database.ok()) {
                error = database.error();
            } else {
                Storage::MemberRepository members(*database.value(), m_clock);
                Consent::StatusStore statuses(*database.value()); // the consent columns' statuses, at commit
                Importer importer(*database.value(), members, m_clock);
                auto result = importer.run(
                    file, options,
                    [this](double fraction) {
                        QMetaObject::invokeMethod(
                            this, [this, fraction] { Q_EMIT progressed(fraction); }, Qt::QueuedConnection);
                    },
                    &m_cancel);
                if (result.ok())
                    report = std::move(result).value();
                else
                    error = result.error();
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, report, error] {
                wait();
                m_report = report;
                m_error = error;
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("import"));
    m_thread->start();
}

} // namespace Import
