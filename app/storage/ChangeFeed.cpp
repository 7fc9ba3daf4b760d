#include "ChangeFeed.h"

#include "Database.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <libpq-fe.h>

#include <optional>

namespace Storage {

Q_LOGGING_CATEGORY(lcFeed, "carnet.feed", QtInfoMsg)

namespace {
constexpr int kLongestRetryMs = 30000;
constexpr int kCoalesceMs = 10;
} // namespace

std::unique_ptr<ChangeFeed> ChangeFeed::create(const Database &database, QObject *parent)
{
    const Location &where = database.location();
    if (!where.isServer())
        return nullptr;
    QList<QPair<QByteArray, QByteArray>> parameters;
    auto add = [&parameters](const char *key, const QString &value) {
        if (!value.isEmpty())
            parameters.append({QByteArray(key), value.toUtf8()});
    };
    add("host", where.host);
    add("port", QString::number(where.port));
    add("dbname", where.database);
    add("user", where.user);
    add("password", where.password); // otherwise libpq's PGPASSWORD or ~/.pgpass, as for the window's connection
    add("sslmode", where.sslMode);
    add("sslrootcert", where.sslRootCert);
    add("application_name", QStringLiteral("carnet-feed"));
    add("connect_timeout", QStringLiteral("10"));
    // A vanished computer or network is noticed in about a minute; the server frees the markers as soon.
    add("keepalives_idle", QStringLiteral("20"));
    add("keepalives_interval", QStringLiteral("10"));
    add("keepalives_count", QStringLiteral("3"));
    return std::unique_ptr<ChangeFeed>(new ChangeFeed(std::move(parameters), parent));
}

ChangeFeed::ChangeFeed(QList<QPair<QByteArray, QByteArray>> parameters, QObject *parent)
    : QObject(parent), m_parameters(std::move(parameters))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ChangeFeed::connectNow);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ChangeFeed::flushPending);
    connectNow();
}

ChangeFeed::~ChangeFeed()
{
    watchSocket(false, false);
    if (m_connection)
        PQfinish(m_connection); // the server drops this session's LISTEN and its markers with it
}

int ChangeFeed::backendPid() const
{
    return m_listening ? PQbackendPID(m_connection) : 0;
}

void ChangeFeed::connectNow()
{
    if (m_connection) {
        watchSocket(false, false);
        PQfinish(m_connection);
        m_connection = nullptr;
    }
    QList<const char *> keys;
    QList<const char *> values;
    for (const auto &[key, value] : std::as_const(m_parameters)) {
        keys.append(key.constData());
        values.append(value.constData());
    }
    keys.append(nullptr);
    values.append(nullptr);
    m_connection = PQconnectStartParams(keys.constData(), values.constData(), 0);
    if (!m_connection || PQstatus(m_connection) == CONNECTION_BAD) {
        lost();
        return;
    }
    m_connecting = true;
    // PQconnectStart behaves as if the last poll had said "writing".
    watchSocket(false, true);
}

void ChangeFeed::watchSocket(bool read, bool write)
{
    const int socket = m_connection ? PQsocket(m_connection) : -1;
    if (socket != m_socket || (!read && !write)) {
        // A new socket (libpq may try another address): new notifiers. The old ones may be the sender of the
        // signal being handled: deleted later.
        for (QSocketNotifier *old : {m_readNotifier, m_writeNotifier}) {
            if (old) {
                old->setEnabled(false);
                old->deleteLater();
            }
        }
        m_readNotifier = nullptr;
        m_writeNotifier = nullptr;
        m_socket = -1;
    }
    if (socket < 0 || (!read && !write))
        return;
    if (!m_readNotifier) {
        m_socket = socket;
        m_readNotifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &ChangeFeed::readable);
        m_writeNotifier = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &ChangeFeed::writable);
    }
    m_readNotifier->setEnabled(read);
    m_writeNotifier->setEnabled(write);
}

void ChangeFeed::pollConnection()
{
    switch (PQconnectPoll(m_connection)) {
    case PGRES_POLLING_READING: watchSocket(true, false); break;
    case PGRES_POLLING_WRITING: watchSocket(false, true); break;
    case PGRES_POLLING_OK: connected(); break;
    default: lost(); break;
    }
}

void ChangeFeed::connected()
{
    m_connecting = false;
    if (PQsetnonblocking(m_connection, 1) != 0) {
        lost();
        return;
    }
    watchSocket(true, false);
    m_retryMs = m_firstRetryMs;
    m_queue.clear();
    m_busy = false;
    send(QByteArray("LISTEN ") + kChannel);
    // The markers this window holds went with the old session: taken again.
    for (auto it = m_editing.cbegin(); it != m_editing.cend(); ++it)
        send(markerSql("pg_advisory_lock_shared", it.key(), false));
    if (!m_editing.isEmpty())
        send(QByteArray("SELECT pg_notify('") + kChannel + "', 'editing')");
    send(editorsQuery(), Reply::Editors);
    m_listening = true;
    qCDebug(lcFeed) << "listening";
    Q_EMIT listeningChanged(true);
    if (m_everListened)
        Q_EMIT everythingChanged(); // what was committed while away was not heard
    m_everListened = true;
}

void ChangeFeed::lost()
{
    watchSocket(false, false);
    if (m_connection) {
        qCDebug(lcFeed) << "connection lost:" << PQerrorMessage(m_connection);
        PQfinish(m_connection);
        m_connection = nullptr;
    }
    m_connecting = false;
    m_busy = false;
    m_queue.clear();
    const bool was = m_listening;
    m_listening = false;
    if (!m_editors.isEmpty()) {
        m_editors.clear();
        Q_EMIT editorsChanged();
    }
    if (was)
        Q_EMIT listeningChanged(false);
    m_retry.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, kLongestRetryMs);
}

void ChangeFeed::writable()
{
    if (m_connecting) {
        pollConnection();
        return;
    }
    const int flushed = PQflush(m_connection);
    if (flushed < 0)
        lost();
    else if (flushed == 0)
        watchSocket(true, false);
}

void ChangeFeed::readable()
{
    if (m_connecting) {
        pollConnection();
        return;
    }
    if (!PQconsumeInput(m_connection)) {
        lost();
        return;
    }
    while (m_busy && !PQisBusy(m_connection)) {
        PGresult *result = PQgetResult(m_connection);
        if (!result) {
            m_busy = false;
            sendNext();
            continue;
        }
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            qCWarning(lcFeed) << "statement failed:" << PQresultErrorMessage(result);
        else if (m_current == Reply::Editors) {
            QHash<qint64, QStringList> editors;
            for (int row = 0; row < PQntuples(result); ++row) {
                QStringList &who = editors[QByteArray(PQgetvalue(result, row, 0)).toLongLong()];
                const QString login = QString::fromUtf8(PQgetvalue(result, row, 1));
                if (!who.contains(login))
                    who.append(login);
            }
            if (editors != m_editors) {
                m_editors = std::move(editors);
                Q_EMIT editorsChanged();
            }
        }
        PQclear(result);
    }
    while (PGnotify *notice = PQnotifies(m_connection)) {
        handle(QByteArray(notice->extra));
        PQfreemem(notice);
    }
    if (PQstatus(m_connection) == CONNECTION_BAD)
        lost();
}

void ChangeFeed::send(const QByteArray &sql, Reply reply)
{
    m_queue.append({sql, reply});
    sendNext();
}

void ChangeFeed::sendNext()
{
    if (m_busy || m_queue.isEmpty() || !m_connection || m_connecting)
        return;
    const Command next = m_queue.takeFirst();
    if (!PQsendQuery(m_connection, next.sql.constData())) {
        lost();
        return;
    }
    m_busy = true;
    m_current = next.reply;
    const int flushed = PQflush(m_connection);
    if (flushed < 0)
        lost();
    else
        watchSocket(true, flushed == 1);
}

QByteArray ChangeFeed::editorsQuery() const
{
    // Every session of this database holding a marker, but this one; pg_stat_activity names any session's
    // login to every user.
    return QByteArray("SELECT l.objid::bigint, a.usename FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                      "WHERE l.locktype = 'advisory' AND l.classid = %1 AND l.objsubid = 2 AND l.granted "
                      "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                      "AND l.pid <> pg_backend_pid() ORDER BY a.backend_start")
        .replace("%1", QByteArray::number(kEditingLockClass));
}

QByteArray ChangeFeed::markerSql(const char *function, qint64 memberId, bool announce)
{
    QByteArray sql = QByteArray("SELECT ") + function + '(' + QByteArray::number(kEditingLockClass) + ", " +
                     QByteArray::number(memberId) + ')';
    if (announce)
        sql += QByteArray(", pg_notify('") + kChannel + "', 'editing')";
    return sql;
}

void ChangeFeed::refreshEditors()
{
    if (m_listening)
        send(editorsQuery(), Reply::Editors);
}

void ChangeFeed::beginEditing(qint64 memberId)
{
    if (memberId <= 0 || memberId > std::numeric_limits<qint32>::max())
        return;
    if (m_editing[memberId]++ > 0 || !m_listening)
        return;
    send(markerSql("pg_advisory_lock_shared", memberId, true));
}

void ChangeFeed::endEditing(qint64 memberId)
{
    auto it = m_editing.find(memberId);
    if (it == m_editing.end())
        return;
    if (--it.value() > 0)
        return;
    m_editing.erase(it);
    if (m_listening)
        send(markerSql("pg_advisory_unlock_shared", memberId, true));
}

void ChangeFeed::handle(const QByteArray &payload)
{
    const qsizetype colon = payload.indexOf(':');
    const QByteArray kind = colon < 0 ? payload : payload.left(colon);
    const QByteArray rest = colon < 0 ? QByteArray() : payload.mid(colon + 1);
    if (kind == "members" || kind == "consent") {
        const bool members = kind == "members";
        if (rest == "*") {
            (members ? m_allMembers : m_allConsent) = true;
        } else {
            bool ok = false;
            const qint64 id = rest.toLongLong(&ok);
            if (!ok)
                return; // not Carnet's: ignored
            (members ? m_changedMembers : m_changedConsent).insert(id);
        }
    } else if (kind == "mail") {
        m_mail = true;
    } else if (kind == "purposes") {
        m_purposes = true;
    } else if (kind == "editing") {
        m_editorsDirty = true;
    } else {
        return;
    }
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ChangeFeed::flushPending()
{
    // Many at once: cheaper to read everything again than one by one. Otherwise the ids, in order.
    constexpr qsizetype kManyMembers = 1000;
    auto take = [](QSet<qint64> &changed, bool &all) -> std::optional<QList<qint64>> {
        const bool many = std::exchange(all, false) || changed.size() > kManyMembers;
        QList<qint64> ids = many ? QList<qint64>() : QList<qint64>(changed.cbegin(), changed.cend());
        changed.clear();
        std::sort(ids.begin(), ids.end());
        return many ? std::nullopt : std::optional(ids);
    };
    if (m_allMembers || !m_changedMembers.isEmpty()) {
        if (auto ids = take(m_changedMembers, m_allMembers))
            Q_EMIT membersChanged(*ids);
        else
            Q_EMIT everythingChanged();
    }
    if (m_allConsent || !m_changedConsent.isEmpty()) {
        if (auto ids = take(m_changedConsent, m_allConsent))
            Q_EMIT consentChanged(*ids);
        else
            Q_EMIT allConsentChanged();
    }
    if (std::exchange(m_purposes, false))
        Q_EMIT purposesChanged();
    if (std::exchange(m_mail, false))
        Q_EMIT mailChanged();
    if (std::exchange(m_editorsDirty, false))
        refreshEditors();
}

} // namespace Storage
