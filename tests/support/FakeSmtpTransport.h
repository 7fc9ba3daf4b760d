#pragma once

#include "mail/smtp/SmtpTransport.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTimer>

// A server that answers what the client writes, step by step: each step expects one command line
// (or the message data) and answers with raw bytes. Replies are delivered asynchronously, like a socket.
class FakeTransport final : public Smtp::Transport
{
    Q_OBJECT

public:
    struct Step
    {
        QByteArray expect; // what the client must send, exactly (CRLF included); empty: anything
        QByteArray reply;  // what the server answers; empty: nothing
        bool closeAfter = false;
        bool silent = false; // the server stops answering
    };

    QList<Step> steps;
    QByteArray written; // everything the client wrote
    QByteArray greeting = "220 mail.example.org ESMTP\r\n";
    bool greetingSilent = false;
    bool encryptedNow = false;
    QStringList mismatches;

    void connectToHost(const QString &, quint16, bool implicitTls) override
    {
        encryptedNow = implicitTls;
        QTimer::singleShot(0, this, [this] {
            Q_EMIT connected();
            if (!greetingSilent)
                Q_EMIT received(greeting);
        });
    }
    void startTls() override
    {
        QTimer::singleShot(0, this, [this] {
            encryptedNow = true;
            Q_EMIT encrypted();
        });
    }
    void write(const QByteArray &bytes) override
    {
        written += bytes;
        m_pending += bytes;
        process();
    }
    void close() override
    {
        if (!m_closed) {
            m_closed = true;
            QTimer::singleShot(0, this, [this] { Q_EMIT closed(); });
        }
    }
    bool isEncrypted() const override { return encryptedNow; }

private:
    void process()
    {
        while (!steps.isEmpty()) {
            const Step &step = steps.first();
            qsizetype length = 0;
            if (step.expect.isEmpty()) {
                length = m_pending.indexOf("\r\n");
                if (length < 0)
                    return;
                length += 2;
            } else {
                if (m_pending.size() < step.expect.size())
                    return;
                length = step.expect.size();
                if (!m_pending.startsWith(step.expect)) {
                    mismatches.append(QString::fromUtf8("expected [" + step.expect + "] got [" + m_pending + "]"));
                    steps.clear();
                    return;
                }
            }
            m_pending.remove(0, length);
            const Step s = steps.takeFirst();
            if (s.silent)
                return;
            QTimer::singleShot(0, this, [this, s] {
                if (!s.reply.isEmpty())
                    Q_EMIT received(s.reply);
                if (s.closeAfter)
                    close();
            });
        }
    }

    QByteArray m_pending;
    bool m_closed = false;
};

// A well-behaved SMTP server in memory, with per-recipient misbehaviour on demand: the reply to RCPT
// or to the final dot for a given address, or the line dropping after the dot. Counts connections
// and keeps what it accepted, so tests can prove nothing arrives twice.
class FakeSmtpServer final : public Smtp::Transport
{
    Q_OBJECT

public:
    struct Shared
    {
        int connections = 0;
        QStringList delivered;                 // RCPT address of every message accepted with 250
        QHash<QString, QByteArray> rcptReply;  // address -> reply line (default "250 2.1.5 Ok")
        QHash<QString, QByteArray> finalReply; // address -> reply to the final dot (default "250 2.0.0 queued")
        QSet<QString> dropAfterDot;            // address -> the line drops after the dot, no reply
        QByteArray ehlo = "250-fake.example.org\r\n250-PIPELINING\r\n250 8BITMIME\r\n";
        QList<QByteArray> messages; // the DATA of accepted messages
    };

    explicit FakeSmtpServer(Shared *shared) : m_shared(shared) {}

    void connectToHost(const QString &, quint16, bool) override
    {
        ++m_shared->connections;
        later([this] {
            Q_EMIT connected();
            Q_EMIT received("220 fake.example.org ESMTP\r\n");
        });
    }
    void startTls() override {}
    bool isEncrypted() const override { return true; }
    void close() override
    {
        if (!m_closed) {
            m_closed = true;
            later([this] { Q_EMIT closed(); });
        }
    }
    void write(const QByteArray &bytes) override
    {
        m_in += bytes;
        QByteArray out;
        while (!m_closed) {
            if (m_inData) {
                const qsizetype end = m_in.indexOf("\r\n.\r\n");
                if (end < 0 && !m_in.startsWith(".\r\n"))
                    break;
                const QByteArray data = end < 0 ? QByteArray() : m_in.left(end + 2);
                m_in.remove(0, end < 0 ? 3 : end + 5);
                m_inData = false;
                if (m_shared->dropAfterDot.contains(m_rcpt)) {
                    close();
                    return;
                }
                const QByteArray reply = m_shared->finalReply.value(m_rcpt, "250 2.0.0 queued");
                if (reply.startsWith("250")) {
                    m_shared->delivered.append(m_rcpt);
                    m_shared->messages.append(data);
                }
                out += reply + "\r\n";
                continue;
            }
            const qsizetype end = m_in.indexOf("\r\n");
            if (end < 0)
                break;
            const QByteArray line = m_in.left(end);
            m_in.remove(0, end + 2);
            const QByteArray verb = line.left(4).toUpper();
            if (verb == "EHLO")
                out += m_shared->ehlo;
            else if (verb == "MAIL" || verb == "RSET")
                out += "250 2.1.0 Ok\r\n";
            else if (verb == "RCPT") {
                m_rcpt = QString::fromUtf8(line.mid(line.indexOf('<') + 1, line.indexOf('>') - line.indexOf('<') - 1));
                const QByteArray reply = m_shared->rcptReply.value(m_rcpt, "250 2.1.5 Ok");
                m_accepted = reply.startsWith("250");
                out += reply + "\r\n";
            } else if (verb == "DATA") {
                if (m_accepted) {
                    m_inData = true;
                    out += "354 go ahead\r\n";
                } else {
                    out += "554 5.5.1 No valid recipients\r\n";
                }
            } else if (verb == "QUIT") {
                out += "221 Bye\r\n";
                later([this, out] {
                    Q_EMIT received(out);
                    close();
                });
                return;
            } else {
                out += "502 5.5.2 What?\r\n";
            }
        }
        if (!out.isEmpty())
            later([this, out] { Q_EMIT received(out); });
    }

private:
    template<typename F>
    void later(F f)
    {
        QTimer::singleShot(0, this, f);
    }

    Shared *m_shared;
    QByteArray m_in;
    bool m_inData = false;
    bool m_accepted = false;
    bool m_closed = false;
    QString m_rcpt;
};
