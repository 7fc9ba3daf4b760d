#include "SmtpSession.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace Smtp {

namespace {

Outcome outcomeOf(const Reply &reply)
{
    if (reply.isPositive())
        return Outcome::Sent;
    return reply.isTransient() ? Outcome::Deferred : Outcome::Failed;
}

bool hasEightBit(const QByteArray &data)
{
    for (char c : data) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

} // namespace

QString outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Sent: return QStringLiteral("sent");
    case Outcome::Deferred: return QStringLiteral("deferred");
    case Outcome::Failed: return QStringLiteral("failed");
    case Outcome::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

Session::Session(Settings settings, std::unique_ptr<Transport> transport, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_transport(std::move(transport))
{
    qRegisterMetaType<Smtp::MessageResult>();
    qRegisterMetaType<Smtp::Reply>();
    qRegisterMetaType<Smtp::CertificateInfo>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        abort(tr("The server stopped answering (%1 s without a reply).").arg(m_timer.interval() / 1000.0, 0, 'f', 1));
    });
    connect(m_transport.get(), &Transport::connected, this, [this] {
        if (m_state == State::Connecting)
            m_state = State::Greeting; // the greeting timer keeps running
    });
    connect(m_transport.get(), &Transport::encrypted, this, [this] {
        if (m_state == State::TlsHandshake)
            sayHello(true);
    });
    connect(m_transport.get(), &Transport::received, this, &Session::onReceived);
    connect(m_transport.get(), &Transport::certificateRefused, this, &Session::certificateRefused);
    connect(m_transport.get(), &Transport::failed, this, [this](const QString &message) {
        if (m_state != State::Done)
            abort(message);
    });
    connect(m_transport.get(), &Transport::closed, this, [this] {
        if (m_state == State::Quit) {
            m_state = State::Done;
            m_timer.stop();
            Q_EMIT finished();
        } else if (m_state != State::Done) {
            abort(tr("The server closed the connection."));
        }
    });
}

Session::~Session() = default;

void Session::log(const QString &line)
{
    if (m_log.size() < 2000)
        m_log.append(line);
    static const bool debug = qEnvironmentVariableIsSet("CARNET_SMTP_DEBUG");
    if (debug)
        std::fprintf(stderr, "smtp: %s\n", line.toUtf8().constData()); // already redacted
}

QByteArray Session::xtext(const QString &value)
{
    // RFC 3461 section 4: "+" and "=" and anything outside "!".."~" written as +XX (Qt's percent encoding with
    // "+" for "%"); an id of more than 100 characters, or not ASCII, is not sent at all.
    static const QByteArray plain = [] {
        QByteArray b;
        for (char c = '!'; c <= '~'; ++c) {
            if (c != '+' && c != '=')
                b += c;
        }
        return b;
    }();
    if (value.isEmpty() || value.size() > 100 ||
        std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() > 0x7e; }))
        return {};
    return value.toLatin1().toPercentEncoding(plain, {}, '+');
}

bool Session::has(const QString &extension) const
{
    for (const QString &e : m_extensions) {
        if (e.section(QLatin1Char(' '), 0, 0).compare(extension, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void Session::arm(int timeoutMs)
{
    m_timer.start(std::max(1, timeoutMs));
}

void Session::command(const QByteArray &line, int timeoutMs, const QByteArray &logged)
{
    log(QStringLiteral("C: ") + QString::fromUtf8(logged.isEmpty() ? line : logged));
    m_transport->write(line + "\r\n");
    arm(timeoutMs);
}

void Session::start()
{
    m_state = State::Connecting;
    log(QStringLiteral("connecting to %1:%2 (%3)")
            .arg(m_settings.host)
            .arg(m_settings.port)
            .arg(m_settings.security == Security::Tls        ? QStringLiteral("TLS")
                 : m_settings.security == Security::StartTls ? QStringLiteral("STARTTLS")
                                                             : QStringLiteral("no encryption")));
    arm(m_settings.greetingTimeoutMs);
    m_transport->connectToHost(m_settings.host, m_settings.port, m_settings.security == Security::Tls);
}

void Session::onReceived(const QByteArray &bytes)
{
    m_parser.feed(bytes);
    Reply reply;
    while (m_state != State::Done && m_parser.next(&reply))
        onReply(reply);
    if (m_parser.failed() && m_state != State::Done)
        abort(tr("The server's answer is not SMTP: %1").arg(m_parser.error()));
}

void Session::sayHello(bool afterTls)
{
    Q_UNUSED(afterTls)
    m_extensions.clear();
    m_state = State::Ehlo;
    command("EHLO " + m_settings.heloName.toUtf8(), m_settings.commandTimeoutMs);
}

void Session::authenticate()
{
    if (m_settings.user.isEmpty()) {
        m_state = State::Ready;
        Q_EMIT ready();
        return;
    }
    // Never a password in clear, unless the user chose an unencrypted local relay.
    if (!m_transport->isEncrypted() && m_settings.security != Security::None) {
        abort(tr("The connection is not encrypted: the password was not sent."));
        return;
    }
    QStringList mechanisms;
    for (const QString &e : std::as_const(m_extensions)) {
        if (e.section(QLatin1Char(' '), 0, 0).compare(QLatin1String("AUTH"), Qt::CaseInsensitive) == 0)
            mechanisms += e.section(QLatin1Char(' '), 1).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    if (mechanisms.contains(QLatin1String("PLAIN"))) {
        m_state = State::AuthPlain;
        const QByteArray plain = QByteArray(1, '\0') + user + QByteArray(1, '\0') + password;
        const QByteArray token = plain.toBase64();
        command("AUTH PLAIN " + token, m_settings.commandTimeoutMs, "AUTH PLAIN <redacted>");
    } else if (mechanisms.contains(QLatin1String("LOGIN"))) {
        m_state = State::AuthLoginUser;
        command("AUTH LOGIN", m_settings.commandTimeoutMs);
    } else {
        abort(tr("The server offers no sign-in method Carnet knows (PLAIN or LOGIN)."));
    }
}

void Session::send(const Envelope &envelope)
{
    if (m_state != State::Ready) {
        MessageResult result;
        for (const QString &r : envelope.recipients)
            result.recipients.append(
                {r, Outcome::Deferred, Reply::synthetic(421, QStringLiteral("4.4.0"), tr("Not connected."))});
        Q_EMIT messageDone(result);
        return;
    }
    m_envelope = envelope;
    m_results.clear();
    m_accepted = 0;
    m_rcptIndex = 0;
    m_mailRefused = false;
    if (m_messagesOnConnection > 0) {
        if (has(QStringLiteral("PIPELINING"))) {
            m_rsetFirst = true; // RSET goes in the same pipelined write as the envelope (RFC 2920 §3.1)
        } else {
            m_state = State::Rset;
            command("RSET", m_settings.commandTimeoutMs);
            return;
        }
    }
    beginMessage();
}

void Session::beginMessage()
{
    const QByteArray data = dotStuff(m_envelope.data);
    // SIZE (RFC 1870): a message the server announced it would refuse is not sent at all.
    qint64 maxSize = 0;
    for (const QString &e : std::as_const(m_extensions)) {
        if (e.section(QLatin1Char(' '), 0, 0).compare(QLatin1String("SIZE"), Qt::CaseInsensitive) == 0)
            maxSize = e.section(QLatin1Char(' '), 1, 1).toLongLong();
    }
    auto failAll = [this](const Reply &reply) {
        m_rsetFirst = false;
        MessageResult result;
        for (const QString &r : std::as_const(m_envelope.recipients))
            result.recipients.append({r, Outcome::Failed, reply});
        ++m_messagesOnConnection; // the RSET before the next message is harmless
        m_state = State::Ready;
        Q_EMIT messageDone(result);
    };
    if (maxSize > 0 && data.size() > maxSize) {
        failAll(Reply::synthetic(
            552, QStringLiteral("5.3.4"),
            tr("The message (%1 bytes) is larger than the server accepts (%2 bytes).").arg(data.size()).arg(maxSize)));
        return;
    }
    if (m_envelope.needsSmtpUtf8 && !has(QStringLiteral("SMTPUTF8"))) {
        failAll(Reply::synthetic(553, QStringLiteral("5.6.7"),
                                 tr("An address has non-ASCII characters and the server does not accept them "
                                    "(no SMTPUTF8).")));
        return;
    }
    QByteArray mail = "MAIL FROM:<" + m_envelope.from.toUtf8() + ">";
    if (maxSize > 0 || has(QStringLiteral("SIZE")))
        mail += " SIZE=" + QByteArray::number(data.size());
    if (hasEightBit(data) && has(QStringLiteral("8BITMIME")))
        mail += " BODY=8BITMIME";
    if (m_envelope.needsSmtpUtf8)
        mail += " SMTPUTF8";
    if (const QByteArray envid = xtext(m_envelope.envelopeId); !envid.isEmpty() && has(QStringLiteral("DSN")))
        mail += " RET=HDRS ENVID=" + envid;
    m_envelope.data = data;
    for (const QString &r : std::as_const(m_envelope.recipients))
        m_results.append({r, Outcome::Unknown, {}});
    m_pipelined = has(QStringLiteral("PIPELINING"));
    m_state = State::MailFrom;
    if (m_pipelined) {
        // RFC 2920: the envelope and DATA in one write; the replies come back in order.
        QByteArray batch;
        if (m_rsetFirst) {
            log(QStringLiteral("C: RSET"));
            batch += "RSET\r\n";
            m_state = State::Rset;
        }
        batch += mail + "\r\n";
        log(QStringLiteral("C: ") + QString::fromUtf8(mail));
        for (const QString &r : std::as_const(m_envelope.recipients)) {
            const QByteArray rcpt = "RCPT TO:<" + r.toUtf8() + ">";
            log(QStringLiteral("C: ") + QString::fromUtf8(rcpt));
            batch += rcpt + "\r\n";
        }
        log(QStringLiteral("C: DATA"));
        batch += "DATA\r\n";
        m_transport->write(batch);
        arm(m_settings.commandTimeoutMs);
    } else {
        command(mail, m_settings.commandTimeoutMs);
    }
}

void Session::sendBody()
{
    m_state = State::Body;
    log(QStringLiteral("C: <message, %1 bytes>").arg(m_envelope.data.size()));
    log(QStringLiteral("C: ."));
    m_transport->write(m_envelope.data);
    arm(m_settings.finalDotTimeoutMs);
}

void Session::finishMessage(const Reply &finalReply, bool unknown)
{
    MessageResult result;
    for (RecipientResult r : std::as_const(m_results)) {
        if (r.outcome == Outcome::Unknown) {
            // Accepted at RCPT: the final reply decides, or nobody knows (connection lost after the dot).
            r.outcome = unknown ? Outcome::Unknown : outcomeOf(finalReply);
            r.reply = finalReply;
        }
        result.recipients.append(r);
    }
    ++m_messagesOnConnection;
    m_results.clear();
    Q_EMIT messageDone(result);
}

void Session::onReply(const Reply &reply)
{
    log(QStringLiteral("S: ") + reply.toString());
    m_timer.stop();
    switch (m_state) {
    case State::Connecting:
    case State::Greeting:
        if (reply.code == 220) {
            sayHello(false);
        } else {
            abort(tr("The server refused the connection: %1").arg(reply.toString()), reply);
        }
        return;
    case State::Ehlo:
        if (reply.code == 250) {
            m_extensions = reply.lines.mid(1);
            for (QString &e : m_extensions)
                e = e.trimmed();
            if (m_settings.security == Security::StartTls && !m_transport->isEncrypted()) {
                if (!has(QStringLiteral("STARTTLS"))) {
                    abort(tr("The server does not offer STARTTLS: nothing was sent, no password either. "
                             "Check the port (587) or choose TLS (465)."));
                    return;
                }
                m_state = State::StartTls;
                command("STARTTLS", m_settings.commandTimeoutMs);
                return;
            }
            authenticate();
        } else if (reply.isPermanent()) {
            m_usedHelo = true;
            m_state = State::Helo;
            command("HELO " + m_settings.heloName.toUtf8(), m_settings.commandTimeoutMs);
        } else {
            abort(tr("The server refused EHLO: %1").arg(reply.toString()), reply);
        }
        return;
    case State::Helo:
        if (reply.code != 250) {
            abort(tr("The server refused HELO: %1").arg(reply.toString()), reply);
        } else if (m_settings.security == Security::StartTls && !m_transport->isEncrypted()) {
            abort(tr("The server does not offer STARTTLS: nothing was sent, no password either."));
        } else {
            authenticate();
        }
        return;
    case State::StartTls:
        if (reply.code == 220) {
            m_state = State::TlsHandshake;
            m_parser.clear(); // RFC 3207 §4.2: anything received before the handshake is discarded
            log(QStringLiteral("TLS handshake"));
            m_transport->startTls();
            arm(m_settings.commandTimeoutMs);
        } else {
            abort(tr("The server refused STARTTLS: %1. Nothing was sent, no password either.").arg(reply.toString()),
                  reply);
        }
        return;
    case State::TlsHandshake: return; // nothing may arrive before the handshake ends
    case State::AuthPlain:
    case State::AuthLoginDone:
        if (reply.code == 235) {
            m_state = State::Ready;
            Q_EMIT ready();
        } else {
            abort(tr("Sign-in refused: %1").arg(reply.toString()), reply);
        }
        return;
    case State::AuthLoginUser:
        if (reply.code != 334) {
            abort(tr("Sign-in refused: %1").arg(reply.toString()), reply);
            return;
        }
        m_state = State::AuthLoginPassword;
        command(m_settings.user.toUtf8().toBase64(), m_settings.commandTimeoutMs, "<user, redacted>");
        return;
    case State::AuthLoginPassword:
        if (reply.code != 334) {
            abort(tr("Sign-in refused: %1").arg(reply.toString()), reply);
            return;
        }
        m_state = State::AuthLoginDone;
        command(m_settings.password.toUtf8().toBase64(), m_settings.commandTimeoutMs, "<password, redacted>");
        return;
    case State::Ready:
        if (reply.code == 421)
            abort(tr("The server is closing the connection: %1").arg(reply.toString()), reply);
        return;
    case State::Rset:
        if (reply.code == 250 && m_rsetFirst) {
            m_rsetFirst = false;
            m_state = State::MailFrom; // the envelope's replies follow
            arm(m_settings.commandTimeoutMs);
        } else if (reply.code == 250) {
            beginMessage();
        } else
            abort(tr("The server refused RSET: %1").arg(reply.toString()), reply);
        return;
    case State::MailFrom:
        if (reply.code != 250) {
            // Every recipient shares the sender's fate.
            m_mailRefused = true;
            m_mailReply = reply;
            for (RecipientResult &r : m_results) {
                r.outcome = outcomeOf(reply);
                r.reply = reply;
            }
            if (!m_pipelined) {
                m_state = State::Ready;
                finishMessage(reply, false);
                if (reply.code == 421)
                    abort(tr("The server is closing the connection: %1").arg(reply.toString()), reply);
                return;
            }
        }
        m_state = State::RcptTo;
        m_rcptIndex = 0;
        if (!m_pipelined && !m_results.isEmpty())
            command("RCPT TO:<" + m_results.first().address.toUtf8() + ">", m_settings.commandTimeoutMs);
        else if (m_pipelined)
            arm(m_settings.commandTimeoutMs);
        return;
    case State::RcptTo: {
        if (m_rcptIndex < m_results.size()) {
            RecipientResult &r = m_results[m_rcptIndex];
            if (!m_mailRefused) {
                if (reply.code == 250 || reply.code == 251) {
                    ++m_accepted; // outcome decided by the final dot
                } else {
                    r.outcome = outcomeOf(reply);
                    r.reply = reply;
                }
            }
            ++m_rcptIndex;
        }
        if (m_rcptIndex < m_results.size()) {
            if (!m_pipelined)
                command("RCPT TO:<" + m_results[m_rcptIndex].address.toUtf8() + ">", m_settings.commandTimeoutMs);
            else
                arm(m_settings.commandTimeoutMs);
            return;
        }
        if (!m_pipelined) {
            if (m_accepted == 0) {
                m_state = State::Ready;
                finishMessage(reply, false);
                return;
            }
            m_state = State::Data;
            command("DATA", m_settings.dataTimeoutMs);
        } else {
            m_state = State::Data;
            arm(m_settings.dataTimeoutMs);
        }
        return;
    }
    case State::Data:
        if (reply.code == 354) {
            if (m_accepted > 0 && !m_mailRefused) {
                sendBody();
            } else {
                // Pipelined and every recipient refused, yet the server wants data: end it empty.
                m_state = State::Body;
                m_accepted = 0;
                log(QStringLiteral("C: . (empty: no recipient accepted)"));
                m_transport->write(".\r\n");
                arm(m_settings.finalDotTimeoutMs);
            }
            return;
        }
        // DATA refused: the recipients accepted at RCPT share this reply.
        m_state = State::Ready;
        finishMessage(reply, false);
        return;
    case State::Body:
        m_state = State::Ready;
        finishMessage(reply, false);
        if (reply.code == 421)
            abort(tr("The server is closing the connection: %1").arg(reply.toString()), reply);
        return;
    case State::Quit:
        m_state = State::Done;
        m_transport->close();
        Q_EMIT finished();
        return;
    case State::Idle:
    case State::Done: return;
    }
}

void Session::quit()
{
    if (m_state == State::Ready) {
        m_state = State::Quit;
        command("QUIT", m_settings.commandTimeoutMs);
        return;
    }
    if (m_state != State::Done) {
        m_state = State::Done;
        m_timer.stop();
        m_transport->close();
        Q_EMIT finished();
    }
}

void Session::abort(const QString &message, const Reply &reply)
{
    if (m_state == State::Done)
        return;
    const State was = m_state;
    m_state = State::Done;
    m_timer.stop();
    log(QStringLiteral("error: ") + message);
    if (!m_results.isEmpty()) {
        // A message in flight: after the final dot nobody knows whether it went; before, it did not.
        const bool afterDot = was == State::Body && m_accepted > 0;
        MessageResult result;
        for (RecipientResult r : std::as_const(m_results)) {
            if (r.outcome == Outcome::Unknown) {
                r.outcome = afterDot ? Outcome::Unknown : Outcome::Deferred;
                r.reply = reply.code ? reply : Reply::synthetic(451, QStringLiteral("4.4.2"), message);
            }
            result.recipients.append(r);
        }
        m_results.clear();
        Q_EMIT messageDone(result);
    }
    m_transport->close();
    Q_EMIT failed(message, reply);
    Q_EMIT finished();
}

QByteArray Session::dotStuff(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 50 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '\r' || c == '\n') {
            out += "\r\n";
            if (c == '\r' && i + 1 < message.size() && message[i + 1] == '\n')
                ++i;
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = false;
    }
    if (!lineStart || out.isEmpty())
        out += "\r\n"; // the CRLF of "<CRLF>.<CRLF>" (an empty body too, as smtplib and aiosmtpd agree)
    out += ".\r\n";
    return out;
}

} // namespace Smtp
