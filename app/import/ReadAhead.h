#pragma once

#include "TableSource.h"

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace Import {

// A member file read on a thread of its own: the next records are decoded and split (CSV) or unpacked and
// parsed (a spreadsheet) on one core while the caller checks and stores the previous ones on the other.
// Records come in batches through a bounded queue, so memory stays flat whatever the file's size. The
// file's problems and read error are those of the file once its end is reached; stopping early (the
// wrapper destroyed) stops the thread.
class ReadAhead : public TableSource
{
public:
    explicit ReadAhead(std::unique_ptr<TableSource> source);
    ~ReadAhead() override;

    FileFormat format() const override { return m_source->format(); }
    qint64 size() const override { return m_size; }
    qint64 position() const override { return m_position.load(std::memory_order_relaxed); }
    bool next(CsvRecord &record) override;
    Encoding encoding() const override { return m_encoding; }
    QChar delimiter() const override { return m_delimiter; }
    int sheet() const override { return m_sheet; }
    QString sheetName() const override { return m_sheetName; }

    static constexpr int kBatchRecords = 1024;
    static constexpr int kQueuedBatches = 8;

private:
    void read();

    std::unique_ptr<TableSource> m_source; // the thread's alone until it ended
    qint64 m_size = 0;
    Encoding m_encoding;
    QChar m_delimiter;
    int m_sheet = -1;
    QString m_sheetName;
    std::atomic<qint64> m_position{0};

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<CsvRecord>> m_queue;
    std::deque<std::vector<CsvRecord>> m_spent; // read by the caller, to be freed by the thread
    bool m_finished = false;                    // the thread read its last record
    bool m_stop = false;                        // the caller wants no more
    std::vector<CsvRecord> m_current;
    size_t m_taken = 0;
    bool m_done = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace Import
