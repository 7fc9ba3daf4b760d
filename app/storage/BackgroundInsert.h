#pragma once

#include "SqliteStatement.h"
#include "core/Member.h"
#include "core/Result.h"

#include <QThread>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace Storage {

// Members inserted into a SQLite file by a thread of its own while the caller reads and checks the next
// ones: an import's parsing and checking on one core, SQLite's inserting on the other. The statement runs
// on the caller's connection, inside its transaction; the caller leaves the connection alone until
// flush() returned (the thread then waits for more). Rows come in batches through a bounded queue.
// Should a row fail, the rows after it are not inserted and the error comes back from the next add() or
// flush(); destroying the object drops what was not inserted yet (the caller's transaction rolls back).
//
// Rows go in by `rowsPerStatement` through `many` (an INSERT of that many rows), the rest one by one
// through `one`: each statement of SQLite opens a statement journal and copies into it every page it
// changes that was already there (the table's last page, an index's), so a million single-row inserts
// copy a million pages. bind() puts a member's values from parameter `first` on.
class BackgroundInsert
{
public:
    using Bind = std::function<void(SqliteStatement &, const Core::Member &, int first)>;
    BackgroundInsert(std::unique_ptr<SqliteStatement> one, std::unique_ptr<SqliteStatement> many, int rowsPerStatement,
                     int parametersPerRow, Bind bind);
    ~BackgroundInsert();

    Core::Result<void> add(Core::Member &&member);
    Core::Result<void> flush();
    bool hasPending() const { return m_pending; }

    static constexpr size_t kBatchRows = 512;
    static constexpr size_t kQueuedBatches = 8;

private:
    void insert();
    Core::Result<void> firstError(); // with the mutex held

    std::unique_ptr<SqliteStatement> m_one; // the thread's while it runs a batch
    std::unique_ptr<SqliteStatement> m_many;
    size_t m_rowsPerStatement;
    int m_parametersPerRow;
    Bind m_bind;
    std::vector<Core::Member> m_filling;
    bool m_pending = false; // rows given since the last flush()

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<Core::Member>> m_queue;
    std::deque<std::vector<Core::Member>> m_spent; // inserted, to be freed by the caller's thread
    bool m_busy = false;                           // the thread is inserting a batch
    bool m_stop = false;
    std::optional<Core::Error> m_error;
    std::unique_ptr<QThread> m_thread;
};

} // namespace Storage
