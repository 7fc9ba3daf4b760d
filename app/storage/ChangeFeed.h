#pragma once

#include "Engine.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>

class QSocketNotifier;
struct pg_conn;

namespace Storage {

class Database;

// What the other volunteers change in a shared member file, as they commit it: a connection of its own to
// the server, LISTENing on Carnet's channel (the triggers of migration 0009 announce every change, ids only).
// Never blocks the thread it lives on: libpq's asynchronous calls under socket notifiers, the connection
// made with PQconnectPoll. When the server goes away it connects again by itself (after 1, 2, 4… up to 30
// seconds), subscribes again and says `everythingChanged` — what happened meanwhile was not heard.
//
// It also carries the "being edited" markers: while this window has a member's editor open, its connection
// holds a shared advisory lock on that member; the others read who holds one (pg_locks, the login from
// pg_stat_activity). A computer that disappears loses its session and with it its locks: no stale marker.
//
// A local file has no feed (create() gives nullptr): SQLite announces nothing; the window compares PRAGMA
// data_version instead.
class ChangeFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kChannel = "carnet_changes";
    static std::unique_ptr<ChangeFeed> create(const Database &database, QObject *parent = nullptr);
    ~ChangeFeed() override;

    bool isListening() const { return m_listening; }
    // The advisory lock's first key: the two-key form (this, member id), apart from Carnet's other locks.
    static constexpr int kEditingLockClass = 0x4361726F; // "Caro"

    // Markers: this window edits `memberId` from now until endEditing() (several at once are fine).
    void beginEditing(qint64 memberId);
    void endEditing(qint64 memberId);
    // The other logins that have this member's editor open (never this window's own).
    QStringList editorsOf(qint64 memberId) const { return m_editors.value(memberId); }
    const QHash<qint64, QStringList> &editors() const { return m_editors; }
    // Asks the server again who edits what (after `editingChanged` from another window, done by itself).
    void refreshEditors();
    // Tests: how long to wait before connecting again after the connection was lost (default 1 s, doubling).
    void setRetryDelay(int milliseconds) { m_firstRetryMs = milliseconds; }
    // Tests: this feed's server session (0 while not connected).
    int backendPid() const;

Q_SIGNALS:
    void membersChanged(const QList<qint64> &ids); // added, changed or removed; the receiver reads them
    void consentChanged(const QList<qint64> &memberIds);
    void everythingChanged(); // many members at once (an import, its undo), or after a reconnection
    void allConsentChanged();
    void mailChanged();     // campaigns, the outbox, deliveries, unsubscribe replies
    void purposesChanged(); // the consent columns themselves
    void editorsChanged();
    void listeningChanged(bool listening);

private:
    explicit ChangeFeed(QList<QPair<QByteArray, QByteArray>> parameters, QObject *parent);
    enum class Reply { None, Editors };
    struct Command
    {
        QByteArray sql;
        Reply reply = Reply::None;
    };

    void connectNow();
    void pollConnection();
    void connected();
    void lost();
    void watchSocket(bool read, bool write);
    void readable();
    void writable();
    void send(const QByteArray &sql, Reply reply = Reply::None);
    void sendNext();
    void handle(const QByteArray &payload);
    void flushPending();
    QByteArray editorsQuery() const;
    // "SELECT function(class, member)" on a marker, with the others told to look again when `announce`.
    static QByteArray markerSql(const char *function, qint64 memberId, bool announce);

    QList<QPair<QByteArray, QByteArray>> m_parameters; // libpq keywords and values
    pg_conn *m_connection = nullptr;
    bool m_connecting = false;
    bool m_listening = false;
    bool m_everListened = false;
    int m_socket = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QList<Command> m_queue;
    bool m_busy = false;
    Reply m_current = Reply::None;
    QTimer m_retry;
    int m_firstRetryMs = 1000;
    int m_retryMs = 1000;

    // Notifications are gathered for a moment (one flood, one refresh), then said.
    QTimer m_coalesce;
    QSet<qint64> m_changedMembers;
    QSet<qint64> m_changedConsent;
    bool m_allMembers = false;
    bool m_allConsent = false;
    bool m_mail = false;
    bool m_purposes = false;
    bool m_editorsDirty = false;

    QHash<qint64, int> m_editing; // members this window edits, how many editors each
    QHash<qint64, QStringList> m_editors;
};

} // namespace Storage
