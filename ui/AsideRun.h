#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>

namespace Gui {

// A read of the member file that the window asks for again and again (the side panel's counts, the
// invitations' counts, the outbox's list) run on a thread of its own, one at a time: asked again while one
// runs, the newest request runs once that one ends, and the requests in between are dropped. The job runs
// aside and hands what is to be shown to post(), which runs it on the owner's thread; the destructor waits for
// the running job, so a posted function may use its owner.
class AsideRun : public QObject
{
    Q_OBJECT

public:
    AsideRun(const QString &name, QThread::Priority priority, QObject *parent);
    ~AsideRun() override;

    void start(std::function<void()> job);
    bool busy() const { return m_thread || m_next; } // running, or a request waiting
    void post(std::function<void()> show);           // from the job: `show` runs on the owner's thread

private:
    QString m_name;
    QThread::Priority m_priority;
    QThread *m_thread = nullptr;
    std::function<void()> m_next;
};

} // namespace Gui
