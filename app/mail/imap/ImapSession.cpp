#include "mail/imap/ImapSession.h"

#include <QCoreApplication>
#include <QSet>

namespace Imap {

using Core::Error;
using Core::Result;

namespace {

Error connectionError(const QString &message, const QString &detail = {})
{
    return Error::make(Error::Code::Connection, message, {}, detail);
}

QString summarise(const QByteArray &line)
{
    // The log shows commands and responses, not the messages: literals are summarised.
    QByteArray shown = line.left(300);
    shown.replace("\r", "");
    shown.replace("\n", " ");
    return QString::fromUtf8(shown);
}

// "[CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] " for the log.
QString codeText(const Response &r)
{
    if (r.code.isEmpty())
        return {};
    QStringList parts{QString::fromLatin1(r.code)};
    for (const Value &v : r.codeArguments)
        parts.append(v.isList() ? QStringLiteral("(…)") : QString::fromUtf8(v.bytes.left(100)));
    return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QStringLiteral("] ");
}

} // namespace

Session::Session(Settings settings, std::unique_ptr<Smtp::Transport> transport, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_transport(std::move(transport))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(tr("The mail server stopped answering (%1 s without a reply).")
                 .arg(m_timer.interval() / 1000.0, 0, 'f', 1));
    });
    connect(m_transport.get(), &Smtp::Transport::connected, this, [this] {
        if (m_state == State::Connecting)
            m_state = State::Greeting; // the greeting timer keeps running
    });
    connect(m_transport.get(), &Smtp::Transport::encrypted, this, [this] {
        if (m_state != State::TlsHandshake)
            return;
        log(QStringLiteral("-- TLS established"));
        // Nothing the server said before the handshake is trusted (RFC 3207/2595 injection).
        m_parser = ResponseParser();
        m_capabilities.clear();
        askCapabilities();
    });
    connect(m_transport.get(), &Smtp::Transport::received, this, &Session::onReceived);
    connect(m_transport.get(), &Smtp::Transport::certificateRefused, this, &Session::certificateRefused);
    connect(m_transport.get(), &Smtp::Transport::failed, this, [this](const QString &message) {
        if (m_state != State::Closed)
            fail(message);
    });
    connect(m_transport.get(), &Smtp::Transport::closed, this, [this] {
        if (m_state != State::Closed)
            fail(tr("The mail server closed the connection."));
    });
}

Session::~Session() = default;

void Session::log(const QString &line)
{
    if (m_log.size() < 5000)
        m_log.append(line);
    if (qEnvironmentVariableIsSet("CARNET_IMAP_DEBUG"))
        fprintf(stderr, "imap %s\n", qPrintable(line));
}

bool Session::has(const QString &capability) const
{
    return m_capabilities.contains(capability, Qt::CaseInsensitive);
}

void Session::start()
{
    m_state = State::Connecting;
    m_timer.start(std::max(1, m_settings.greetingTimeoutMs));
    log(QStringLiteral("-- connecting to %1:%2 (%3)")
            .arg(m_settings.host)
            .arg(m_settings.port)
            .arg(m_settings.security == Security::Tls ? QStringLiteral("TLS") : QStringLiteral("STARTTLS")));
    m_transport->connectToHost(m_settings.host, m_settings.port, m_settings.security == Security::Tls);
}

void Session::fail(const QString &message)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    log(QStringLiteral("-- failed: ") + message);
    // The command in flight and those waiting learn why; then the session says it is over.
    QList<Command> waiting = std::move(m_queue);
    m_queue.clear();
    if (m_inFlight)
        waiting.prepend(m_current);
    m_inFlight = false;
    m_transport->close();
    for (const Command &c : std::as_const(waiting)) {
        if (c.finished) {
            Response r;
            r.kind = Response::Kind::Tagged;
            r.tag = c.tag;
            r.status = "BYE";
            r.text = message;
            c.finished(r);
        }
    }
    Q_EMIT failed(message);
}

void Session::onReceived(const QByteArray &bytes)
{
    if (m_state == State::TlsHandshake || m_state == State::Closed)
        return; // bytes in clear after our STARTTLS was accepted: never read
    m_parser.feed(bytes);
    while (m_parser.hasResponse() && m_state != State::Closed) {
        const Response r = m_parser.take();
        onResponse(r);
        if (m_state == State::TlsHandshake) {
            m_parser = ResponseParser(); // whatever came with the OK is dropped
            return;
        }
    }
    if (m_parser.hasError())
        fail(m_parser.error());
}

void Session::onResponse(const Response &r)
{
    if (r.kind == Response::Kind::Continuation) {
        log(QStringLiteral("S: + ") + r.text.left(100));
        if (!m_inFlight || m_current.continuation.isEmpty()) {
            fail(tr("The mail server asked for data Carnet was not sending."));
            return;
        }
        const QByteArray next = m_current.continuation.takeFirst();
        log(QStringLiteral("C: [%1 bytes]").arg(next.size()));
        m_transport->write(next + "\r\n");
        m_timer.start(std::max(1, m_current.timeoutMs));
        return;
    }
    if (r.kind == Response::Kind::Untagged) {
        if (r.name == "FETCH")
            log(QStringLiteral("S: * %1 FETCH …").arg(r.number));
        else
            log(QStringLiteral("S: * %1%2 %3%4")
                    .arg(r.hasNumber ? QString::number(r.number) + QLatin1Char(' ') : QString(),
                         QString::fromLatin1(r.status.isEmpty() ? r.name : r.status), codeText(r), r.text.left(200)));
        if (r.name == "CAPABILITY") {
            m_capabilities.clear();
            for (const Value &v : r.values)
                m_capabilities.append(QString::fromLatin1(v.bytes).toUpper());
        } else if (!r.status.isEmpty() && r.code == "CAPABILITY") {
            m_capabilities.clear();
            for (const Value &v : r.codeArguments)
                m_capabilities.append(QString::fromLatin1(v.bytes).toUpper());
        }
        if (m_state == State::Greeting) {
            afterGreeting(r);
            return;
        }
        if (r.status == "BYE" && !(m_inFlight && m_current.line.startsWith("LOGOUT"))) {
            fail(tr("The mail server ended the session: %1").arg(r.text));
            return;
        }
        if (m_inFlight && m_current.untagged)
            m_current.untagged(r);
        return;
    }
    // Tagged: the end of the command in flight.
    log(QStringLiteral("S: %1 %2 %3%4")
            .arg(QString::fromLatin1(r.tag), QString::fromLatin1(r.status), codeText(r), r.text.left(200)));
    if (!m_inFlight || r.tag != m_current.tag) {
        fail(tr("The mail server answered a command Carnet did not send."));
        return;
    }
    if (r.code == "CAPABILITY") {
        m_capabilities.clear();
        for (const Value &v : r.codeArguments)
            m_capabilities.append(QString::fromLatin1(v.bytes).toUpper());
    }
    m_timer.stop();
    m_inFlight = false;
    const Command done = std::move(m_current);
    m_current = Command();
    if (done.finished)
        done.finished(r);
    if (m_state != State::Closed)
        sendNext();
}

void Session::send(Command command)
{
    command.tag = "C" + QByteArray::number(m_nextTag++);
    if (command.timeoutMs <= 0)
        command.timeoutMs = m_settings.commandTimeoutMs;
    m_queue.append(std::move(command));
    sendNext();
}

void Session::sendNext()
{
    if (m_inFlight || m_queue.isEmpty() || m_state == State::Closed)
        return;
    m_current = m_queue.takeFirst();
    m_inFlight = true;
    log(QStringLiteral("C: %1 %2")
            .arg(QString::fromLatin1(m_current.tag),
                 m_current.logged.isEmpty() ? summarise(m_current.line) : QString::fromUtf8(m_current.logged)));
    m_transport->write(m_current.tag + ' ' + m_current.line + "\r\n");
    m_timer.start(std::max(1, m_current.timeoutMs));
}

QString Session::statusText(const Response &r)
{
    return r.text.isEmpty() ? QString::fromLatin1(r.status) : r.text;
}

void Session::afterGreeting(const Response &r)
{
    if (r.status == "BYE") {
        fail(tr("The mail server refused the connection: %1").arg(r.text));
        return;
    }
    if (r.status == "PREAUTH") {
        // Logged in before we said who we are: only acceptable on an encrypted connection, and even
        // then it is not the account we were given. Refused.
        fail(tr("The mail server says the session is already authenticated; Carnet does not use such a session."));
        return;
    }
    if (r.status != "OK") {
        fail(tr("The mail server's greeting was not understood."));
        return;
    }
    m_timer.stop();
    if (m_settings.security == Security::StartTls) {
        m_state = State::StartTls;
        auto startTls = [this] {
            if (!has(QStringLiteral("STARTTLS"))) {
                fail(tr("The mail server does not offer STARTTLS; Carnet will not send the password in clear. "
                        "Choose TLS (port 993)."));
                return;
            }
            Command c;
            c.line = "STARTTLS";
            c.finished = [this](const Response &done) {
                if (done.status != "OK") {
                    fail(tr("The mail server refused STARTTLS: %1").arg(statusText(done)));
                    return;
                }
                m_state = State::TlsHandshake;
                m_timer.start(std::max(1, m_settings.greetingTimeoutMs));
                log(QStringLiteral("-- TLS handshake"));
                m_transport->startTls();
            };
            send(std::move(c));
        };
        if (m_capabilities.isEmpty()) {
            Command c;
            c.line = "CAPABILITY";
            c.finished = [this, startTls](const Response &done) {
                if (done.status != "OK")
                    fail(tr("The mail server refused CAPABILITY: %1").arg(statusText(done)));
                else
                    startTls();
            };
            send(std::move(c));
        } else {
            startTls();
        }
        return;
    }
    if (m_capabilities.isEmpty())
        askCapabilities();
    else
        authenticate();
}

void Session::askCapabilities()
{
    m_state = State::Capability;
    Command c;
    c.line = "CAPABILITY";
    c.finished = [this](const Response &done) {
        if (done.status != "OK") {
            fail(tr("The mail server refused CAPABILITY: %1").arg(statusText(done)));
            return;
        }
        authenticate();
    };
    send(std::move(c));
}

void Session::authenticate()
{
    if (!m_transport->isEncrypted()) {
        fail(tr("The connection is not encrypted; Carnet will not send the password."));
        return;
    }
    m_state = State::Authenticating;
    Command c;
    const QByteArray user = m_settings.user.toUtf8();
    if (!m_settings.oauthToken.isEmpty() && has(QStringLiteral("AUTH=XOAUTH2"))) {
        const QByteArray xoauth =
            QByteArray("user=" + user + "\x01" + "auth=Bearer " + m_settings.oauthToken.toUtf8() + "\x01\x01")
                .toBase64();
        c.line = "AUTHENTICATE XOAUTH2 " + xoauth;
        c.logged = "AUTHENTICATE XOAUTH2 [redacted]";
        c.continuation = {QByteArray()}; // the error details the server may ask us to acknowledge
    } else if (has(QStringLiteral("AUTH=PLAIN"))) {
        const QByteArray plain =
            QByteArray(QByteArray(1, '\0') + user + QByteArray(1, '\0') + m_settings.password.toUtf8()).toBase64();
        if (has(QStringLiteral("SASL-IR"))) {
            c.line = "AUTHENTICATE PLAIN " + plain;
        } else {
            c.line = "AUTHENTICATE PLAIN";
            c.continuation = {plain};
        }
        c.logged = "AUTHENTICATE PLAIN [redacted]";
    } else if (!has(QStringLiteral("LOGINDISABLED"))) {
        const QByteArray password = m_settings.password.toUtf8();
        if (password.contains('\r') || password.contains('\n') || user.contains('\r') || user.contains('\n')) {
            fail(tr("The user name or password contains a line break."));
            return;
        }
        auto arg = [](const QByteArray &v) -> std::pair<QByteArray, QByteArray> {
            // 8-bit text needs a literal: the line stops at "{n}" and the bytes follow the "+".
            for (char ch : v) {
                if (uchar(ch) >= 0x80)
                    return {"{" + QByteArray::number(v.size()) + "}", v};
            }
            return {quoted(v), {}};
        };
        const auto [userArg, userLiteral] = arg(user);
        const auto [passArg, passLiteral] = arg(password);
        if (!userLiteral.isEmpty() || !passLiteral.isEmpty()) {
            fail(tr("The mail server offers only LOGIN, which cannot carry this user name or password (accented "
                    "characters). Ask the provider for AUTH=PLAIN."));
            return;
        }
        c.line = "LOGIN " + userArg + ' ' + passArg;
        c.logged = "LOGIN " + userArg + " [redacted]";
    } else {
        fail(tr("The mail server offers no way to log in that Carnet can use (no AUTH=PLAIN, and LOGIN disabled)."));
        return;
    }
    c.finished = [this](const Response &done) {
        if (done.status != "OK") {
            fail(tr("The mail server refused the user name or password: %1").arg(statusText(done)));
            return;
        }
        // The capabilities may change once logged in (RFC 9051 §6.2.3); ask again unless they came with the OK.
        if (done.code == "CAPABILITY") {
            becomeReady();
            return;
        }
        Command again;
        again.line = "CAPABILITY";
        again.finished = [this](const Response &) { becomeReady(); };
        send(std::move(again));
    };
    send(std::move(c));
}

void Session::becomeReady()
{
    m_state = State::Ready;
    log(QStringLiteral("-- ready: %1").arg(m_capabilities.join(QLatin1Char(' '))));
    Q_EMIT ready();
}

void Session::select(const QString &folder, std::function<void(const Result<SelectedFolder> &)> done)
{
    auto selected = std::make_shared<SelectedFolder>();
    selected->name = folder;
    Command c;
    c.line = "SELECT " + quoted(encodeMailboxName(folder));
    c.untagged = [selected](const Response &r) {
        if (r.name == "EXISTS")
            selected->exists = quint32(r.number);
        else if (r.code == "UIDVALIDITY" && !r.codeArguments.isEmpty())
            selected->uidValidity = quint32(r.codeArguments.first().number());
        else if (r.code == "UIDNEXT" && !r.codeArguments.isEmpty())
            selected->uidNext = quint32(r.codeArguments.first().number());
    };
    c.finished = [selected, done, folder](const Response &r) {
        if (r.status != "OK") {
            done(connectionError(tr("The folder \"%1\" cannot be opened: %2").arg(folder, statusText(r))));
            return;
        }
        if (r.code == "UIDVALIDITY" && !r.codeArguments.isEmpty())
            selected->uidValidity = quint32(r.codeArguments.first().number());
        done(*selected);
    };
    send(std::move(c));
}

void Session::uidSearch(const QByteArray &criteria, std::function<void(const Result<QList<quint32>> &)> done)
{
    auto uids = std::make_shared<QList<quint32>>();
    Command c;
    c.line = "UID SEARCH " + criteria;
    c.untagged = [uids](const Response &r) {
        if (r.name != "SEARCH")
            return;
        for (const Value &v : r.values) {
            bool ok = false;
            const quint64 n = v.number(&ok);
            if (ok && n > 0 && n <= 0xffffffffu)
                uids->append(quint32(n));
        }
    };
    c.finished = [uids, done](const Response &r) {
        if (r.status != "OK") {
            done(connectionError(tr("The mail server refused the search: %1").arg(statusText(r))));
            return;
        }
        std::sort(uids->begin(), uids->end());
        uids->erase(std::unique(uids->begin(), uids->end()), uids->end());
        done(*uids);
    };
    send(std::move(c));
}

QByteArray Session::uidSet(const QList<quint32> &uids)
{
    QList<quint32> sorted = uids;
    std::sort(sorted.begin(), sorted.end());
    QByteArray out;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::number(sorted[i]);
        if (j > i)
            out += ':' + QByteArray::number(sorted[j]);
        i = j + 1;
    }
    return out;
}

void Session::uidFetch(const QList<quint32> &uids, std::function<void(const FetchedMessage &)> each, Done done)
{
    if (uids.isEmpty()) {
        done({});
        return;
    }
    fetchChunk(uids, 0, each, done);
}

void Session::fetchChunk(const QList<quint32> &uids, qsizetype from,
                         const std::function<void(const FetchedMessage &)> &each, const Done &done)
{
    const QList<quint32> chunk = uids.mid(from, kFetchChunk);
    const QSet<quint32> wanted(chunk.begin(), chunk.end());
    Command c;
    c.line = "UID FETCH " + uidSet(chunk) + " (UID FLAGS BODY.PEEK[])";
    c.timeoutMs = m_settings.fetchTimeoutMs;
    c.untagged = [each, wanted](const Response &r) {
        if (r.name != "FETCH" || r.values.isEmpty() || !r.values.first().isList())
            return;
        FetchedMessage m;
        bool hasBody = false;
        const QList<Value> &items = r.values.first().list;
        for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
            const Value &key = items[i];
            const Value &value = items[i + 1];
            if (key.isAtom("UID")) {
                m.uid = quint32(value.number());
            } else if (key.isAtom("FLAGS") && value.isList()) {
                for (const Value &f : value.list)
                    m.flags.append(f.bytes);
            } else if (key.type == Value::Type::Atom && key.bytes.toUpper().startsWith("BODY[")) {
                m.bytes = value.bytes;
                hasBody = true;
            }
        }
        // A FETCH for another message (a flag change another client made) is not ours to report.
        if (hasBody && wanted.contains(m.uid))
            each(m);
    };
    c.finished = [this, uids, from, each, done](const Response &r) {
        if (r.status != "OK") {
            done(connectionError(tr("The mail server refused to give the messages: %1").arg(statusText(r))));
            return;
        }
        if (from + kFetchChunk < uids.size())
            fetchChunk(uids, from + kFetchChunk, each, done);
        else
            done({});
    };
    send(std::move(c));
}

void Session::list(std::function<void(const Result<QStringList> &)> done)
{
    auto names = std::make_shared<QStringList>();
    Command c;
    c.line = "LIST \"\" \"*\"";
    c.untagged = [this, names](const Response &r) {
        if (r.name != "LIST" || r.values.size() < 3)
            return;
        if (r.values.at(1).type == Value::Type::String && r.values.at(1).bytes.size() == 1)
            m_delimiter = QString::fromLatin1(r.values.at(1).bytes);
        names->append(decodeMailboxName(r.values.at(2).bytes));
    };
    c.finished = [names, done](const Response &r) {
        if (r.status != "OK")
            done(connectionError(tr("The mail server refused to list the folders: %1").arg(statusText(r))));
        else
            done(*names);
    };
    send(std::move(c));
}

void Session::create(const QString &folder, Done done)
{
    Command c;
    c.line = "CREATE " + quoted(encodeMailboxName(folder));
    c.finished = [done, folder](const Response &r) {
        // ALREADYEXISTS (RFC 5530) is what we wanted.
        if (r.status == "OK" || r.code == "ALREADYEXISTS")
            done({});
        else
            done(connectionError(tr("The folder \"%1\" cannot be created: %2").arg(folder, statusText(r))));
    };
    send(std::move(c));
}

void Session::uidMove(const QList<quint32> &uids, const QString &folder,
                      std::function<void(const Result<QMap<quint32, quint32>> &)> done)
{
    if (uids.isEmpty()) {
        done(QMap<quint32, quint32>());
        return;
    }
    auto mapping = std::make_shared<QMap<quint32, quint32>>();
    // COPYUID 38505 304,319:320 3956:3958: the source set and the destination set, in the same order.
    auto readCopyUid = [mapping](const Response &r) {
        if (r.code != "COPYUID" || r.codeArguments.size() < 3)
            return;
        auto expand = [](const QByteArray &set) {
            QList<quint32> out;
            for (const QByteArray &part : set.split(',')) {
                const qsizetype colon = part.indexOf(':');
                const quint32 a = part.left(colon < 0 ? part.size() : colon).toUInt();
                const quint32 b = colon < 0 ? a : part.mid(colon + 1).toUInt();
                for (quint32 u = std::min(a, b); u <= std::max(a, b) && out.size() < 100000; ++u)
                    out.append(u);
            }
            return out;
        };
        const QList<quint32> from = expand(r.codeArguments.at(1).bytes);
        const QList<quint32> to = expand(r.codeArguments.at(2).bytes);
        for (qsizetype i = 0; i < std::min(from.size(), to.size()); ++i)
            mapping->insert(from[i], to[i]);
    };
    const QByteArray set = uidSet(uids);
    const QByteArray target = quoted(encodeMailboxName(folder));
    if (has(QStringLiteral("MOVE"))) {
        Command c;
        c.line = "UID MOVE " + set + ' ' + target;
        c.untagged = readCopyUid;
        c.finished = [done, mapping, readCopyUid, folder](const Response &r) {
            readCopyUid(r);
            if (r.status != "OK")
                done(connectionError(tr("The messages cannot be moved to \"%1\": %2").arg(folder, statusText(r))));
            else
                done(*mapping);
        };
        send(std::move(c));
        return;
    }
    if (!has(QStringLiteral("UIDPLUS"))) {
        // Without UIDPLUS an EXPUNGE would remove every \Deleted message of the folder, not only ours.
        done(Error::make(Error::Code::Invalid,
                         tr("The mail server can neither move messages (MOVE) nor remove only Carnet's (UIDPLUS); "
                            "they stay where they are.")));
        return;
    }
    Command copy;
    copy.line = "UID COPY " + set + ' ' + target;
    copy.finished = [this, done, mapping, readCopyUid, set, folder](const Response &r) {
        readCopyUid(r);
        if (r.status != "OK") {
            done(connectionError(tr("The messages cannot be copied to \"%1\": %2").arg(folder, statusText(r))));
            return;
        }
        Command store;
        store.line = "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)";
        store.finished = [this, done, mapping, set](const Response &stored) {
            if (stored.status != "OK") {
                done(connectionError(
                    tr("The copied messages cannot be removed from the folder: %1").arg(statusText(stored))));
                return;
            }
            Command expunge;
            expunge.line = "UID EXPUNGE " + set;
            expunge.finished = [done, mapping](const Response &expunged) {
                if (expunged.status != "OK")
                    done(connectionError(
                        tr("The copied messages cannot be removed from the folder: %1").arg(statusText(expunged))));
                else
                    done(*mapping);
            };
            send(std::move(expunge));
        };
        send(std::move(store));
    };
    send(std::move(copy));
}

void Session::append(const QString &folder, const QByteArray &message, const QList<QByteArray> &flags,
                     std::function<void(const Result<quint32> &)> done)
{
    Command c;
    QByteArray flagList;
    for (const QByteArray &f : flags)
        flagList += (flagList.isEmpty() ? "" : " ") + f;
    c.line = "APPEND " + quoted(encodeMailboxName(folder)) + " (" + flagList + ") {" +
             QByteArray::number(message.size()) + "}";
    c.continuation = {message};
    c.timeoutMs = m_settings.fetchTimeoutMs;
    c.finished = [done, folder](const Response &r) {
        if (r.status != "OK") {
            done(connectionError(tr("The message cannot be put in \"%1\": %2").arg(folder, statusText(r))));
            return;
        }
        // APPENDUID uidvalidity uid
        if (r.code == "APPENDUID" && r.codeArguments.size() >= 2)
            done(quint32(r.codeArguments.at(1).number()));
        else
            done(quint32(0));
    };
    send(std::move(c));
}

void Session::logout(Done done)
{
    if (m_state == State::Closed) {
        done({});
        return;
    }
    Command c;
    c.line = "LOGOUT";
    c.finished = [this, done](const Response &) {
        m_state = State::Closed;
        m_timer.stop();
        m_transport->close();
        done({});
    };
    send(std::move(c));
}

} // namespace Imap
