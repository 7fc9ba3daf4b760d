#include "SplitCount.h"

#include "Database.h"

#include <QSqlQuery>
#include <QThread>

#include <memory>

namespace Storage {

namespace {

std::optional<qint64> countRange(const QSqlDatabase &connection, const QString &range, qint64 middle,
                                 const QString &where, const QVariantList &bindings)
{
    QSqlQuery q(connection);
    streamRows(q);
    if (!q.prepare(QStringLiteral("SELECT count(*) FROM members WHERE members.id %1 ? AND (%2)").arg(range, where)))
        return std::nullopt;
    q.addBindValue(middle);
    for (const QVariant &v : bindings)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

// Whether SQLite reads the whole table for it: a condition an index answers (a section, a date) is quicker
// on one core than split, and splitting a list of ids (a consent's members) would make each half build it.
bool scansEveryMember(const QSqlDatabase &connection, const QString &where, const QVariantList &bindings)
{
    QSqlQuery q(connection);
    if (!q.prepare(QStringLiteral("EXPLAIN QUERY PLAN SELECT count(*) FROM members WHERE %1").arg(where)))
        return false;
    for (const QVariant &v : bindings)
        q.addBindValue(v);
    if (!q.exec())
        return false;
    while (q.next()) {
        if (q.value(3).toString() == QLatin1String("SCAN members"))
            return true;
    }
    return false;
}

std::optional<qint64> dataVersion(const QSqlDatabase &connection)
{
    QSqlQuery q(connection);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace

std::optional<qint64> countInHalves(Database &database, const QString &where, const QVariantList &bindings,
                                    qint64 splitFrom)
{
    if (database.engine() != Engine::Sqlite || database.isWriting() || where.isEmpty())
        return std::nullopt;
    const QSqlDatabase connection = database.connection();
    qint64 middle = 0;
    {
        QSqlQuery q(connection);
        if (!q.exec(QStringLiteral("SELECT (SELECT min(id) FROM members), (SELECT max(id) FROM members)")) ||
            !q.next() || q.isNull(0))
            return std::nullopt;
        const qint64 first = q.value(0).toLongLong();
        const qint64 last = q.value(1).toLongLong();
        if (last - first < splitFrom)
            return std::nullopt;
        middle = first + (last - first) / 2;
    }
    if (!scansEveryMember(connection, where, bindings))
        return std::nullopt;
    const std::optional<qint64> before = dataVersion(connection);
    if (!before)
        return std::nullopt;
    std::optional<qint64> upper;
    const QString path = database.path();
    std::unique_ptr<QThread> helper(QThread::create([&] {
        const QString name = Database::uniqueConnectionName(QStringLiteral("carnet-split-count"));
        {
            auto opened = Database::openConnection(path, name);
            if (opened.ok())
                upper = countRange(opened.value(), QStringLiteral(">"), middle, where, bindings);
        }
        QSqlDatabase::removeDatabase(name);
    }));
    helper->setObjectName(QStringLiteral("carnet-count"));
    helper->start();
    const std::optional<qint64> lower = countRange(connection, QStringLiteral("<="), middle, where, bindings);
    helper->wait();
    if (!lower || !upper || dataVersion(connection) != before)
        return std::nullopt;
    return *lower + *upper;
}

} // namespace Storage
