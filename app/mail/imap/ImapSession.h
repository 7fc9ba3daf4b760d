#pragma once

#include "core/Result.h"
#include "mail/imap/ImapResponse.h"
#include "mail/smtp/SmtpTransport.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace Imap {

// IMAP is only ever spoken encrypted: TLS from the start (993) or STARTTLS (143).
enum class Security { Tls, StartTls };

// How to reach the mailbox: values only. The session reads no global settings.
struct Settings
{
    QString host;
    quint16 port = 993;
    Security security = Security::Tls;
    QString user;
    QString password; // UTF-8 allowed
    // The room for XOAUTH2 (Gmail, Microsoft 365): an OAuth access token used instead of the password
    // with AUTHENTICATE XOAUTH2 when the server offers it (README, "The mailbox").
    QString oauthToken;
    int greetingTimeoutMs = 30 * 1000;
    int commandTimeoutMs = 60 * 1000;
    int fetchTimeoutMs = 5 * 60 * 1000;
};

struct SelectedFolder
{
    QString name;
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint32 exists = 0;
};

struct FetchedMessage
{
    quint32 uid = 0;
    QByteArray bytes; // the whole message, BODY.PEEK[] (the \Seen flag untouched)
    QList<QByteArray> flags;
};

// The IMAP client session (RFC 9051, RFC 3501 servers too) as a state machine over the same transport as
// SMTP: greeting, CAPABILITY, STARTTLS when asked (anything the server sent before the handshake is
// discarded; the capabilities are asked again after it), then AUTHENTICATE PLAIN (with SASL-IR when
// offered), or LOGIN when the server allows it — never a password before the connection is encrypted,
// and never LOGIN where LOGINDISABLED is announced. Then one command at a time, each with its timeout:
// SELECT, UID SEARCH, UID FETCH BODY.PEEK[], LIST, CREATE, UID MOVE (or, with UIDPLUS, UID COPY + UID
// STORE \Deleted + UID EXPUNGE of exactly those messages), APPEND, LOGOUT. Asynchronous: callbacks,
// no waitFor*, no nested event loop. A protocol log with the password redacted.
class Session : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Core::Result<void> &)>;

    Session(Settings settings, std::unique_ptr<Smtp::Transport> transport, QObject *parent = nullptr);
    ~Session() override;

    void start(); // → ready() or failed()
    bool isReady() const { return m_state == State::Ready; }

    void select(const QString &folder, std::function<void(const Core::Result<SelectedFolder> &)> done);
    // UIDs of the selected folder matching `criteria` ("ALL", "UNSEEN", "UID 120:*"…), ascending.
    void uidSearch(const QByteArray &criteria, std::function<void(const Core::Result<QList<quint32>> &)> done);
    // Each message as it arrives (in chunks of kFetchChunk UIDs); `done` after the last.
    void uidFetch(const QList<quint32> &uids, std::function<void(const FetchedMessage &)> each, Done done);
    void list(std::function<void(const Core::Result<QStringList> &)> done); // every folder, decoded
    // The hierarchy delimiter the server uses ("/" or "."), known after list(); "/" before.
    QString delimiter() const { return m_delimiter; }
    void create(const QString &folder, Done done);
    // Moves messages of the selected folder; gives old UID → new UID when the server says (COPYUID).
    // Without MOVE or UIDPLUS nothing is moved: NotSupported (the caller leaves them in place).
    void uidMove(const QList<quint32> &uids, const QString &folder,
                 std::function<void(const Core::Result<QMap<quint32, quint32>> &)> done);
    // Adds a message to a folder; gives its UID when the server says (APPENDUID), else 0.
    void append(const QString &folder, const QByteArray &message, const QList<QByteArray> &flags,
                std::function<void(const Core::Result<quint32> &)> done);
    void logout(Done done);

    QStringList capabilities() const { return m_capabilities; }
    bool has(const QString &capability) const;
    bool canMove() const { return has(QStringLiteral("MOVE")) || has(QStringLiteral("UIDPLUS")); }
    QStringList protocolLog() const { return m_log; } // the password redacted, message bodies summarised

    static constexpr int kFetchChunk = 100;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    void certificateRefused(const Smtp::CertificateInfo &certificate);

private:
    enum class State { Idle, Connecting, Greeting, Capability, StartTls, TlsHandshake, Authenticating, Ready, Closed };

    struct Command
    {
        QByteArray tag;
        QByteArray line;                // without CRLF
        QByteArray logged;              // what the log shows instead of `line` (passwords)
        QList<QByteArray> continuation; // sent one by one at each "+" (literals, SASL without SASL-IR)
        int timeoutMs = 0;
        std::function<void(const Response &)> untagged;
        std::function<void(const Response &)> finished; // the tagged status
    };

    void onReceived(const QByteArray &bytes);
    void onResponse(const Response &r);
    void send(Command command);
    void sendNext();
    void fail(const QString &message);
    void log(const QString &line);
    void afterGreeting(const Response &r);
    void askCapabilities();
    void authenticate();
    void becomeReady();
    void fetchChunk(const QList<quint32> &uids, qsizetype from, const std::function<void(const FetchedMessage &)> &each,
                    const Done &done);
    static QByteArray uidSet(const QList<quint32> &uids);
    static QString statusText(const Response &r);

    Settings m_settings;
    std::unique_ptr<Smtp::Transport> m_transport;
    ResponseParser m_parser;
    QTimer m_timer;
    State m_state = State::Idle;
    QStringList m_capabilities;
    QString m_delimiter = QStringLiteral("/");
    QStringList m_log;
    int m_nextTag = 1;
    QList<Command> m_queue;
    bool m_inFlight = false;
    Command m_current;
};

} // namespace Imap
