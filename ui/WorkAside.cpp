#include "WorkAside.h"

#include "AppContext.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace Gui::WorkAside {

namespace {

// The window's clock, read from the worker: both sides agree on "today" (a test's fixed day included).
class SameClock final : public Core::Clock
{
public:
    explicit SameClock(const Core::Clock &clock) : m_clock(clock) {}
    QDateTime now() const override { return m_clock.now(); }

private:
    const Core::Clock &m_clock;
};

struct Shared
{
    std::atomic_int done{0};
    std::atomic_int total{0};
    std::atomic_bool cancel{false};
    std::atomic_bool finished{false};
    Core::Result<void> result;
};

} // namespace

Core::Result<void> run(AppContext &context, QWidget *parent, const QString &label,
                       const std::function<Core::Result<void>(AppContext &aside, const Progress &progress)> &job)
{
    auto shared = std::make_shared<Shared>();
    QThread *thread = QThread::create([shared, job, path = context.database().connectPath(), clock = &context.clock()] {
        auto aside = AppContext::open(path, std::make_unique<SameClock>(*clock));
        if (!aside.ok()) {
            shared->result = aside.error();
            return;
        }
        shared->result = job(*aside.value(), [&shared](int done, int total) {
            shared->done = done;
            shared->total = total;
            return !shared->cancel;
        });
    });
    thread->setObjectName(QStringLiteral("work-aside"));
    QProgressDialog dialog(label, QCoreApplication::translate("Gui::WorkAside", "Cancel"), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("workAsideProgress"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [shared, &dialog] {
        shared->cancel = true;
        dialog.setLabelText(QCoreApplication::translate("Gui::WorkAside", "Stopping…"));
    });
    // The dialog only when it lasts (a small association never sees it); its bar follows the job.
    QTimer tick;
    tick.setInterval(100);
    QObject::connect(&tick, &QTimer::timeout, &dialog, [shared, &dialog] {
        if (const int total = shared->total; total > 0) {
            dialog.setMaximum(total);
            dialog.setValue(std::min(int(shared->done), total));
        }
    });
    QObject::connect(thread, &QThread::finished, &dialog, [shared] { shared->finished = true; });
    thread->start();
    tick.start();
    // Until the dialog shows, user input waits (it is not lost): nothing else starts in the middle.
    while (!shared->finished) {
        QCoreApplication::processEvents(dialog.isVisible()
                                            ? QEventLoop::WaitForMoreEvents
                                            : QEventLoop::WaitForMoreEvents | QEventLoop::ExcludeUserInputEvents);
    }
    thread->wait();
    delete thread;
    return shared->result;
}

} // namespace Gui::WorkAside
