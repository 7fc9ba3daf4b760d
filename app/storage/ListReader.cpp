#include "ListReader.h"

#include "Database.h"
#include "MemberRepository.h"

#include <QMetaObject>

namespace Storage {

class ListReader::Worker : public QObject
{
public:
    Worker(QString path, const Core::Clock &clock) : m_path(std::move(path)), m_clock(clock) {}

    ListReader::Result read(qint64 generation, const MemberQuery &query)
    {
        ListReader::Result result;
        result.generation = generation;
        if (!m_database) {
            auto database = Database::open(m_path);
            if (!database.ok()) {
                result.ids = database.error();
                return result;
            }
            m_database = std::move(database).value();
            m_members = std::make_unique<MemberRepository>(*m_database, m_clock);
        }
        auto ids = m_members->ids(query);
        if (!ids.ok()) {
            result.ids = ids.error();
            return result;
        }
        if (query.selection.isResolved() && m_resolver) {
            if (auto chosen = m_resolver(*m_database, query.selection)) {
                if (!chosen->ok()) {
                    result.ids = chosen->error();
                    return result;
                }
                const std::vector<qint64> &wanted = chosen->value();
                std::erase_if(ids.value(),
                              [&wanted](qint64 id) { return !std::binary_search(wanted.begin(), wanted.end(), id); });
                result.resolved = true;
            }
        }
        if (query.selection.kind == Selection::Kind::All && query.limit < 0) {
            result.total = qint64(ids.value().size());
        } else {
            auto total = m_members->count();
            if (!total.ok()) {
                result.ids = total.error();
                return result;
            }
            result.total = total.value();
        }
        result.ids = std::move(ids);
        return result;
    }

    ListReader::Resolver m_resolver;

private:
    QString m_path;
    const Core::Clock &m_clock;
    std::unique_ptr<Database> m_database; // opened on this thread at the first read
    std::unique_ptr<MemberRepository> m_members;
};

ListReader::ListReader(QString path, const Core::Clock &clock, QObject *receiver, Receiver deliver)
    : m_receiver(receiver), m_deliver(std::move(deliver))
{
    m_worker = new Worker(std::move(path), clock);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("member-list"));
    m_thread.start();
}

ListReader::~ListReader()
{
    m_latest->store(-1); // whatever is queued is skipped
    m_thread.quit();
    m_thread.wait();
}

void ListReader::setResolver(Resolver resolver)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, resolver = std::move(resolver)] { worker->m_resolver = resolver; },
        Qt::QueuedConnection);
}

void ListReader::read(qint64 generation, const MemberQuery &query)
{
    m_latest->store(generation);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, latest = m_latest, receiver = m_receiver, deliver = m_deliver, generation, query] {
            if (latest->load() != generation)
                return; // a newer read was asked before this one started
            ListReader::Result result = worker->read(generation, query);
            if (latest->load() != generation)
                return;
            QMetaObject::invokeMethod(
                receiver, [deliver, result = std::move(result)]() mutable { deliver(std::move(result)); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Storage
