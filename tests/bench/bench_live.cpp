// Live updates on a shared member file: how long from one volunteer's committed edit to the other windows'
// member tables showing it, and what that refresh reads from the server.
//   bench_live URL [CLIENTS] [SAMPLES]      (defaults 4 and 50)
// CLIENTS member tables (each with its own AppContext, connections, search index and change feed, as on
// CLIENTS computers — here in one process and one thread, so the last table's figure includes the others'
// work) show the whole list sorted by last name; a writer (a fifth AppContext) saves one random member's city
// SAMPLES times. Printed: the latency until every table had placed the change (median and worst), the rows
// each refresh read, and, for comparison, what reading the list again — the way before notifications — costs.
#include "AppContext.h"
#include "storage/ChangeFeed.h"
#include "storage/MemberTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>

#include <algorithm>

namespace {

struct Client
{
    std::unique_ptr<AppContext> context;
    std::unique_ptr<Storage::MemberTableModel> model;
    std::unique_ptr<Storage::ChangeFeed> feed;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

bool spinUntil(const std::function<bool()> &done, int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > milliseconds)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc < 2) {
        QTextStream(stderr) << "usage: bench_live URL [CLIENTS] [SAMPLES]\n";
        return 2;
    }
    const QString url = QString::fromLocal8Bit(argv[1]);
    const int clients = argc > 2 ? std::max(1, atoi(argv[2])) : 4;
    const int samples = argc > 3 ? std::max(1, atoi(argv[3])) : 50;

    QElapsedTimer opening;
    opening.start();
    std::vector<Client> tables(static_cast<size_t>(clients));
    for (Client &c : tables) {
        auto context = AppContext::open(url);
        if (!context.ok()) {
            QTextStream(stderr) << context.error().message << '\n';
            return 1;
        }
        c.context = std::move(context).value();
        c.model = std::make_unique<Storage::MemberTableModel>(c.context->members(), c.context->clock());
        c.feed = Storage::ChangeFeed::create(c.context->database());
        c.model->setChangeFeed(c.feed.get());
    }
    if (!spinUntil(
            [&] {
                return std::all_of(tables.begin(), tables.end(),
                                   [](const Client &c) { return c.model->isIndexReady() && c.feed->isListening(); });
            },
            600000)) {
        QTextStream(stderr) << "the tables did not open within 10 minutes\n";
        return 1;
    }
    auto writer = AppContext::open(url);
    if (!writer.ok()) {
        QTextStream(stderr) << writer.error().message << '\n';
        return 1;
    }
    const qint64 members = tables.front().model->totalCount();
    out << clients << " member tables of " << members << " members open and listening in " << opening.elapsed()
        << " ms\n";
    // What a view on screen reads: the first screenful of each.
    for (Client &c : tables) {
        for (int row = 0; row < 40; ++row)
            (void)c.model->data(c.model->index(row, 0));
    }

    std::vector<double> worst;    // per sample: until the last table had it (ms)
    std::vector<double> perTable; // every table, every sample (ms)
    std::vector<double> readPerRefresh;
    QRandomGenerator random(20261202);
    const std::vector<qint64> ids = [&] {
        std::vector<qint64> v;
        for (int row = 0; row < 1000; ++row)
            v.push_back(tables.front().model->memberIdAt(int(random.bounded(quint32(members)))));
        return v;
    }();
    for (int s = 0; s < samples; ++s) {
        const qint64 id = ids[size_t(s) % ids.size()];
        auto member = writer.value()->members().find(id);
        if (!member.ok()) {
            QTextStream(stderr) << member.error().message << '\n';
            return 1;
        }
        Core::Member m = member.value();
        m.city = QStringLiteral("Bench %1").arg(s);
        std::vector<qint64> seenAt(size_t(clients), -1);
        std::vector<qint64> readBefore;
        QList<QMetaObject::Connection> connections;
        QElapsedTimer clock;
        for (size_t i = 0; i < tables.size(); ++i) {
            readBefore.push_back(tables[i].model->rowsRead());
            connections.append(QObject::connect(tables[i].model.get(), &Storage::MemberTableModel::membersChanged,
                                                [&seenAt, &clock, i] {
                                                    if (seenAt[i] < 0)
                                                        seenAt[i] = clock.nsecsElapsed();
                                                }));
        }
        if (auto saved = writer.value()->members().save(m); !saved.ok()) {
            QTextStream(stderr) << saved.error().message << '\n';
            return 1;
        }
        clock.start(); // committed
        const bool all = spinUntil(
            [&] { return std::none_of(seenAt.begin(), seenAt.end(), [](qint64 t) { return t < 0; }); }, 10000);
        for (const auto &c : std::as_const(connections))
            QObject::disconnect(c);
        if (!all) {
            QTextStream(stderr) << "sample " << s << ": not every table heard the change within 10 s\n";
            return 1;
        }
        double last = 0;
        for (size_t i = 0; i < tables.size(); ++i) {
            const double ms = double(seenAt[i]) / 1e6;
            perTable.push_back(ms);
            last = std::max(last, ms);
            // The refresh's own reads, and the screenful the view reads again after it.
            for (int row = 0; row < 40; ++row)
                (void)tables[i].model->data(tables[i].model->index(row, 0));
            readPerRefresh.push_back(double(tables[i].model->rowsRead() - readBefore[i]));
        }
        worst.push_back(last);
        QThread::msleep(20);
    }
    out << QStringLiteral("notification latency, commit -> every table updated (%1 samples, %2 tables): median "
                          "%3 ms, worst %4 ms; any single table: median %5 ms\n")
               .arg(samples)
               .arg(clients)
               .arg(median(worst), 0, 'f', 1)
               .arg(*std::max_element(worst.begin(), worst.end()), 0, 'f', 1)
               .arg(median(perTable), 0, 'f', 1);
    out << QStringLiteral("rows read per refresh (the changed member, plus the pages on screen when it moved): "
                          "median %1, worst %2\n")
               .arg(median(readPerRefresh), 0, 'f', 0)
               .arg(*std::max_element(readPerRefresh.begin(), readPerRefresh.end()), 0, 'f', 0);

    // One refresh timed alone, and the old way for comparison: the whole list's ids read again.
    Storage::MemberTableModel &model = *tables.front().model;
    std::vector<double> inPlace;
    for (int s = 0; s < 20; ++s) {
        const qint64 id = ids[size_t(100 + s)];
        Core::Member m = writer.value()->members().find(id).value();
        m.lastName = QStringLiteral("Zz%1").arg(s); // moves to the end of the list
        (void)writer.value()->members().save(m);
        QElapsedTimer timer;
        timer.start();
        model.membersChangedElsewhere({id});
        inPlace.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::vector<double> reread;
    qint64 rereadRows = 0;
    for (int s = 0; s < 3; ++s) {
        const qint64 before = model.rowsRead();
        QElapsedTimer timer;
        timer.start();
        model.reload();
        reread.push_back(double(timer.nsecsElapsed()) / 1e6);
        rereadRows = model.rowsRead() - before;
    }
    out << QStringLiteral("one refresh in place (read the member, move its row): median %1 ms; reading the list "
                          "again instead: median %2 ms, %3 rows\n")
               .arg(median(inPlace), 0, 'f', 2)
               .arg(median(reread), 0, 'f', 0)
               .arg(rereadRows);
    return 0;
}
