#include "AsideRun.h"

#include <utility>

namespace Gui {

AsideRun::AsideRun(const QString &name, QThread::Priority priority, QObject *parent)
    : QObject(parent), m_name(name), m_priority(priority)
{}

AsideRun::~AsideRun()
{
    m_next = {};
    if (m_thread)
        m_thread->wait();
}

void AsideRun::start(std::function<void()> job)
{
    if (m_thread) {
        m_next = std::move(job); // once this one is done
        return;
    }
    m_thread = QThread::create(std::move(job));
    m_thread->setObjectName(m_name);
    m_thread->setParent(this); // deleted with its owner if it outlives the finished() handler
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (m_next)
            start(std::exchange(m_next, {}));
    });
    m_thread->start(m_priority);
}

void AsideRun::post(std::function<void()> show)
{
    QMetaObject::invokeMethod(this, std::move(show), Qt::QueuedConnection);
}

} // namespace Gui
