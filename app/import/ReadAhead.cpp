#include "ReadAhead.h"

namespace Import {

ReadAhead::ReadAhead(std::unique_ptr<TableSource> source) : m_source(std::move(source))
{
    m_hasHeader = m_source->hasHeader();
    m_header = m_source->header();
    m_headerLine = m_source->headerLine();
    m_size = m_source->size();
    m_position = m_source->position();
    m_encoding = m_source->encoding();
    m_delimiter = m_source->delimiter();
    m_sheet = m_source->sheet();
    m_sheetName = m_source->sheetName();
    m_thread.reset(QThread::create([this] { read(); }));
    m_thread->setObjectName(QStringLiteral("carnet-read")); // the thread's name in a profiler or a debugger
    m_thread->start();
}

ReadAhead::~ReadAhead()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread->wait();
}

void ReadAhead::read()
{
    for (;;) {
        std::vector<CsvRecord> batch;
        batch.reserve(kBatchRecords);
        CsvRecord record;
        bool more = true;
        while (batch.size() < size_t(kBatchRecords) && (more = m_source->next(record)))
            batch.push_back(std::move(record));
        m_position.store(m_source->position(), std::memory_order_relaxed);
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_queue.size() < size_t(kQueuedBatches); });
        if (m_stop)
            return;
        // The records the caller is done with are freed here, on the thread that allocated them (see next()).
        std::deque<std::vector<CsvRecord>> spent;
        spent.swap(m_spent);
        if (!batch.empty())
            m_queue.push_back(std::move(batch));
        if (!more) {
            m_finished = true;
            m_changed.notify_all();
            return;
        }
        m_changed.notify_all();
        lock.unlock();
        spent.clear();
    }
}

bool ReadAhead::next(CsvRecord &record)
{
    while (m_taken == m_current.size()) {
        if (m_done)
            return false;
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_finished; });
        if (m_queue.empty()) {
            // The thread has ended its work: what the file said about itself is now ours to read.
            lock.unlock();
            m_thread->wait();
            m_problems = m_source->problems();
            m_readError = m_source->readError();
            m_position = m_source->position();
            m_done = true;
            m_current.clear();
            m_taken = 0;
            return false;
        }
        if (!m_current.empty())
            m_spent.push_back(std::move(m_current));
        m_current = std::move(m_queue.front());
        m_queue.pop_front();
        m_taken = 0;
        m_changed.notify_all();
    }
    // The caller's previous record takes this one's place: its strings go back to the reading thread with
    // the batch, to be freed there. Freed here, each would take the lock of the other thread's allocator
    // arena, which that thread needs for every string it allocates.
    std::swap(record, m_current[m_taken++]);
    return true;
}

} // namespace Import
