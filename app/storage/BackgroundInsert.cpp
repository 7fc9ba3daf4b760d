#include "BackgroundInsert.h"

#include <algorithm>

namespace Storage {

BackgroundInsert::BackgroundInsert(std::unique_ptr<SqliteStatement> one, std::unique_ptr<SqliteStatement> many,
                                   int rowsPerStatement, int parametersPerRow, Bind bind)
    : m_one(std::move(one)), m_many(std::move(many)), m_rowsPerStatement(size_t(std::max(1, rowsPerStatement))),
      m_parametersPerRow(parametersPerRow), m_bind(std::move(bind))
{
    if (!m_many)
        m_rowsPerStatement = 1;
    m_filling.reserve(kBatchRows);
    m_thread.reset(QThread::create([this] { insert(); }));
    m_thread->setObjectName(QStringLiteral("carnet-insert")); // the thread's name in a profiler or a debugger
    m_thread->start();
}

BackgroundInsert::~BackgroundInsert()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_changed.notify_all();
    m_thread->wait();
}

void BackgroundInsert::insert()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return;
        std::vector<Core::Member> batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        m_changed.notify_all(); // room in the queue
        lock.unlock();
        std::optional<Core::Error> failed;
        for (size_t at = 0; at < batch.size() && !failed;) {
            const bool many = m_rowsPerStatement > 1 && batch.size() - at >= m_rowsPerStatement;
            SqliteStatement &statement = many ? *m_many : *m_one;
            const size_t rows = many ? m_rowsPerStatement : 1;
            for (size_t row = 0; row < rows; ++row)
                m_bind(statement, batch[at + row], int(row) * m_parametersPerRow + 1);
            if (auto r = statement.run(); !r.ok())
                failed = r.error();
            at += rows;
        }
        lock.lock();
        // The members' strings go back to be freed by the thread that allocated them: freed here, each would
        // take the allocator's lock of the other thread's arena, which that thread needs for every allocation.
        m_spent.push_back(std::move(batch));
        m_busy = false;
        if (failed) {
            m_error = failed;
            m_queue.clear(); // what follows a failed row is not inserted
        }
        m_changed.notify_all();
    }
}

Core::Result<void> BackgroundInsert::firstError()
{
    if (m_error)
        return *m_error;
    return {};
}

Core::Result<void> BackgroundInsert::add(Core::Member &&member)
{
    m_pending = true;
    m_filling.push_back(std::move(member));
    if (m_filling.size() < kBatchRows)
        return {};
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_error || m_queue.size() < kQueuedBatches; });
    if (m_error)
        return *m_error;
    m_queue.push_back(std::move(m_filling));
    m_filling = {};
    std::deque<std::vector<Core::Member>> spent;
    spent.swap(m_spent);
    m_changed.notify_all();
    lock.unlock();
    spent.clear();
    m_filling.reserve(kBatchRows);
    return {};
}

Core::Result<void> BackgroundInsert::flush()
{
    std::unique_lock lock(m_mutex);
    if (!m_filling.empty() && !m_error) {
        m_queue.push_back(std::move(m_filling));
        m_filling = {};
        m_filling.reserve(kBatchRows);
        m_changed.notify_all();
    }
    m_changed.wait(lock, [this] { return m_error || (m_queue.empty() && !m_busy); });
    m_pending = false;
    std::deque<std::vector<Core::Member>> spent;
    spent.swap(m_spent);
    const Core::Result<void> result = firstError();
    lock.unlock();
    return result;
}

} // namespace Storage
