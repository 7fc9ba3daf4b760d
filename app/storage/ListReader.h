#pragma once

#include "MemberQuery.h"
#include "Selection.h"
#include "core/Result.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Core {
class Clock;
}

namespace Storage {

class Database;

// Reads a selection's member ids, in order, on a thread of its own with its own connection, so a list of a
// million members is read, sorted or resolved while the window keeps answering. A read superseded by a newer
// one before it starts is skipped; a result is delivered on the receiver's thread, and not at all once the
// receiver is gone.
class ListReader
{
public:
    // Runs on the reader's thread with its own database: the ids of a selection SQL cannot express (consent),
    // in increasing order; nullopt when it cannot be decided there (the caller resolves it on its own thread).
    using Resolver = std::function<std::optional<Core::Result<std::vector<qint64>>>(Database &, const Selection &)>;

    struct Result
    {
        qint64 generation = 0;
        Core::Result<std::vector<qint64>> ids = std::vector<qint64>();
        bool resolved = false; // a resolved selection's ids were already narrowed by the resolver
        qint64 total = -1;     // every member the login sees (-1 when the read failed)
    };
    using Receiver = std::function<void(Result)>;

    ListReader(QString path, const Core::Clock &clock, QObject *receiver, Receiver deliver);
    ~ListReader();
    ListReader(const ListReader &) = delete;
    ListReader &operator=(const ListReader &) = delete;

    void setResolver(Resolver resolver);
    void read(qint64 generation, const MemberQuery &query);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
    QObject *m_receiver;        // owns this reader
    Receiver m_deliver;
    std::shared_ptr<std::atomic<qint64>> m_latest = std::make_shared<std::atomic<qint64>>(0);
};

} // namespace Storage
