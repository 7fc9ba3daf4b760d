#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Smtp {

// One server reply (RFC 5321 §4.2), possibly multi-line, with its enhanced status code (RFC 3463)
// when the server gives one.
struct Reply
{
    int code = 0;             // 250, 354, 421…
    QString enhanced;         // "2.1.0", or empty
    QStringList lines;        // each line's text, without the code (and without the enhanced code)
    QString text() const;     // the lines joined with spaces
    QString toString() const; // "550 5.1.1 No such user here"

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    bool isPermanent() const { return code >= 500; }
    // Replies that mean "later", not "failed": 421, 450, 451, 452, 454 (and any 4xx).
    bool isRateLimitOrLater() const { return isTransient(); }

    static Reply synthetic(int code, const QString &enhanced, const QString &text);
};

// Reads replies from a byte stream that arrives in arbitrary pieces: a reply split across packets,
// several replies in one packet (pipelining), bare LF line ends, a bare "250" without text. A line
// that is not a reply, a code that changes inside a multi-line reply, or an endless line is a protocol
// error: failed() turns true and the session gives up on the connection.
class ReplyParser
{
public:
    static constexpr int kMaxLineLength = 4096; // RFC 5321 says 512; some servers are generous
    static constexpr int kMaxLines = 512;

    void feed(const QByteArray &bytes);
    bool next(Reply *reply); // takes the next complete reply, if there is one
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    void clear(); // forgets anything buffered (after STARTTLS, RFC 3207 §4.2)
    bool isEmpty() const { return m_buffer.isEmpty() && m_lines.isEmpty(); }

private:
    void parse();

    QByteArray m_buffer;
    QList<QByteArray> m_lines; // lines of the reply being read
    QList<Reply> m_ready;
    QString m_error;
};

} // namespace Smtp
