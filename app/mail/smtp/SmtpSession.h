#pragma once

#include "SmtpReply.h"
#include "SmtpTransport.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace Smtp {

enum class Security { StartTls, Tls, None };

// How to reach the server: values only. The session reads no global settings.
struct Settings
{
    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString user;     // empty: no AUTH
    QString password; // UTF-8 allowed
    QString heloName = QStringLiteral("localhost");
    int maxMessagesPerConnection = 100;
    // RFC 5321 §4.5.3.2 minimum timeouts, in milliseconds; tests make them short.
    int greetingTimeoutMs = 5 * 60 * 1000;
    int commandTimeoutMs = 5 * 60 * 1000;
    int dataTimeoutMs = 2 * 60 * 1000;
    int finalDotTimeoutMs = 10 * 60 * 1000;
};

// One message: the envelope and the RFC 5322 bytes.
struct Envelope
{
    QString from; // the reverse path (an address)
    QStringList recipients;
    QByteArray data; // the message; line ends are normalised and dots stuffed here
    bool needsSmtpUtf8 = false;
    // RFC 3461: when the server offers DSN, sent as ENVID (with RET=HDRS: a report returns the headers, not the
    // whole message) so that a delivery report names the message even without its headers. Printable ASCII,
    // at most 100 characters; otherwise not sent.
    QString envelopeId;
};

// What became of each recipient of one message.
enum class Outcome { Sent, Deferred, Failed, Unknown };

struct RecipientResult
{
    QString address;
    Outcome outcome = Outcome::Unknown;
    Reply reply; // the RCPT reply if it refused, otherwise the reply to the final dot
};

struct MessageResult
{
    QList<RecipientResult> recipients;
};

// The SMTP client session as a state machine over a Transport: greeting, EHLO (HELO fallback),
// STARTTLS when required (never falling back to clear text; never AUTH in clear unless the user chose
// an unencrypted relay), AUTH PLAIN or LOGIN, then one message at a time — MAIL, RCPT…, DATA, pipelined
// when the server offers PIPELINING — with RSET between messages, and QUIT. Each command has its
// timeout. Asynchronous: no waitFor*, no nested event loop.
//
// Use: start(); on ready(), send() a message; on messageDone(), send() the next one or quit().
class Session : public QObject
{
    Q_OBJECT

public:
    static QByteArray xtext(const QString &value); // RFC 3461's encoding of ENVID; "" when it cannot be sent
    Session(Settings settings, std::unique_ptr<Transport> transport, QObject *parent = nullptr);
    ~Session() override;

    void start();
    void send(const Envelope &envelope);
    void quit();

    bool isReady() const { return m_state == State::Ready; }
    int messagesSent() const { return m_messagesOnConnection; }
    QStringList protocolLog() const { return m_log; } // AUTH redacted, message bodies summarised
    QStringList extensions() const { return m_extensions; }

    // Normalises line ends to CRLF (bare LF or CR included), stuffs leading dots, ends with CRLF.CRLF.
    static QByteArray dotStuff(const QByteArray &message);

Q_SIGNALS:
    void ready();
    void messageDone(const Smtp::MessageResult &result);
    // The session cannot go on. `beforeReady`: nothing was sent on this connection. A message in
    // flight gets its messageDone() first (deferred or unknown).
    void failed(const QString &message, const Smtp::Reply &reply);
    void certificateRefused(const Smtp::CertificateInfo &certificate);
    void finished();

private:
    enum class State {
        Idle,
        Connecting,
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        TlsHandshake,
        AuthPlain,
        AuthLoginUser,
        AuthLoginPassword,
        AuthLoginDone,
        Ready,
        MailFrom,
        RcptTo,
        Data,
        Body,
        Rset,
        Quit,
        Done,
    };

    void onReceived(const QByteArray &bytes);
    void onReply(const Reply &reply);
    void command(const QByteArray &line, int timeoutMs, const QByteArray &logged = {});
    void arm(int timeoutMs);
    void sayHello(bool afterTls);
    void authenticate();
    void beginMessage();
    void sendBody();
    void finishMessage(const Reply &finalReply, bool unknown);
    void abort(const QString &message, const Reply &reply = {});
    void log(const QString &line);
    bool has(const QString &extension) const;

    Settings m_settings;
    std::unique_ptr<Transport> m_transport;
    ReplyParser m_parser;
    QTimer m_timer;
    State m_state = State::Idle;
    QStringList m_extensions;
    QStringList m_log;
    int m_messagesOnConnection = 0;
    bool m_usedHelo = false;

    // The message in flight.
    Envelope m_envelope;
    int m_rcptIndex = 0;      // next RCPT reply expected
    int m_pendingReplies = 0; // pipelined commands whose replies are awaited
    QList<RecipientResult> m_results;
    int m_accepted = 0;
    bool m_pipelined = false;
    bool m_rsetFirst = false; // RSET pipelined ahead of the next envelope
    bool m_mailRefused = false;
    Reply m_mailReply;
};

QString outcomeKey(Outcome outcome); // "sent", "deferred", "failed", "unknown"

} // namespace Smtp

Q_DECLARE_METATYPE(Smtp::MessageResult)
Q_DECLARE_METATYPE(Smtp::Reply)
