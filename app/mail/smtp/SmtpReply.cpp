#include "SmtpReply.h"

#include <QRegularExpression>

namespace Smtp {

QString Reply::text() const
{
    return lines.join(QLatin1Char(' ')).trimmed();
}

QString Reply::toString() const
{
    QString out = QString::number(code);
    if (!enhanced.isEmpty())
        out += QLatin1Char(' ') + enhanced;
    if (const QString t = text(); !t.isEmpty())
        out += QLatin1Char(' ') + t;
    return out;
}

Reply Reply::synthetic(int code, const QString &enhanced, const QString &text)
{
    Reply r;
    r.code = code;
    r.enhanced = enhanced;
    r.lines = {text};
    return r;
}

void ReplyParser::clear()
{
    m_buffer.clear();
    m_lines.clear();
    m_ready.clear();
}

void ReplyParser::feed(const QByteArray &bytes)
{
    if (failed())
        return;
    m_buffer += bytes;
    parse();
}

bool ReplyParser::next(Reply *reply)
{
    if (m_ready.isEmpty())
        return false;
    *reply = m_ready.takeFirst();
    return true;
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

void ReplyParser::parse()
{
    while (!failed()) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end < 0) {
            if (m_buffer.size() > kMaxLineLength)
                m_error = QStringLiteral("reply line longer than %1 bytes").arg(kMaxLineLength);
            return;
        }
        QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > kMaxLineLength) {
            m_error = QStringLiteral("reply line longer than %1 bytes").arg(kMaxLineLength);
            return;
        }
        if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) || line[0] < '2' ||
            line[0] > '5' || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
            m_error = QStringLiteral("not an SMTP reply: \"%1\"").arg(QString::fromLatin1(line.left(80)));
            return;
        }
        if (!m_lines.isEmpty() && line.left(3) != m_lines.first().left(3)) {
            m_error = QStringLiteral("the reply code changed inside a multi-line reply");
            return;
        }
        m_lines.append(line);
        if (m_lines.size() > kMaxLines) {
            m_error = QStringLiteral("reply longer than %1 lines").arg(kMaxLines);
            return;
        }
        const bool last = line.size() == 3 || line[3] == ' ';
        if (!last)
            continue;

        Reply reply;
        reply.code = m_lines.first().left(3).toInt();
        static const QRegularExpression enhanced(QStringLiteral("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s+|$)"));
        for (const QByteArray &l : std::as_const(m_lines)) {
            QString text = QString::fromUtf8(l.mid(4));
            // The enhanced code repeats on each line; its class must match the reply's (RFC 2034 §4).
            const auto match = enhanced.match(text);
            if (match.hasMatch() && match.captured(1).toInt() == reply.code / 100) {
                if (reply.enhanced.isEmpty())
                    reply.enhanced =
                        QStringLiteral("%1.%2.%3").arg(match.captured(1), match.captured(2), match.captured(3));
                text = text.mid(match.capturedLength());
            }
            reply.lines.append(text);
        }
        m_lines.clear();
        m_ready.append(reply);
    }
}

} // namespace Smtp
