#include "mail/imap/ImapResponse.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace Imap {

quint64 Value::number(bool *ok) const
{
    if (type != Type::Atom) {
        if (ok)
            *ok = false;
        return 0;
    }
    return bytes.toULongLong(ok);
}

namespace {

QString text(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString s = utf8.decode(bytes);
    if (utf8.hasError())
        return QString::fromLatin1(bytes);
    return s;
}

// The literal announced at the end of a line ("… {123}\r\n"), or -1.
qsizetype literalAtEnd(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (!line.endsWith('}'))
        return -1;
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0)
        return -1;
    QByteArrayView digits = line.sliced(open + 1, line.size() - open - 2);
    if (digits.endsWith('+') || digits.endsWith('-')) // LITERAL+ / LITERAL- (from a client; tolerated)
        digits.chop(1);
    if (digits.isEmpty() || digits.size() > 12)
        return -1;
    qsizetype n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

class Tokenizer
{
public:
    explicit Tokenizer(const QByteArray &raw) : m_raw(raw) {}

    bool atEnd() const { return m_pos >= m_raw.size() || m_raw[m_pos] == '\r' || m_raw[m_pos] == '\n'; }
    void skipSpaces()
    {
        while (m_pos < m_raw.size() && m_raw[m_pos] == ' ')
            ++m_pos;
    }
    char peek() const { return m_pos < m_raw.size() ? m_raw[m_pos] : '\0'; }
    void advance() { ++m_pos; }
    qsizetype pos() const { return m_pos; }
    bool failed() const { return m_failed; }

    // The rest of the current line (text of a status response).
    QByteArray restOfLine()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_raw.size() && m_raw[m_pos] != '\r' && m_raw[m_pos] != '\n')
            ++m_pos;
        return m_raw.mid(start, m_pos - start);
    }

    QByteArray atom(bool inCode)
    {
        const qsizetype start = m_pos;
        int brackets = 0;
        while (m_pos < m_raw.size()) {
            const char c = m_raw[m_pos];
            if (c == '\r' || c == '\n')
                break;
            if (brackets == 0 && (c == ' ' || c == '(' || c == ')' || (c == ']' && inCode)))
                break;
            if (c == '[')
                ++brackets;
            else if (c == ']' && brackets > 0)
                --brackets;
            ++m_pos;
        }
        return m_raw.mid(start, m_pos - start);
    }

    bool value(Value *out, int depth, bool inCode)
    {
        skipSpaces();
        if (depth > ResponseParser::kMaxDepth || atEnd()) {
            m_failed = true;
            return false;
        }
        const char c = peek();
        if (c == '(') {
            advance();
            out->type = Value::Type::List;
            for (;;) {
                skipSpaces();
                if (atEnd()) {
                    m_failed = true;
                    return false;
                }
                if (peek() == ')') {
                    advance();
                    return true;
                }
                Value v;
                if (!value(&v, depth + 1, inCode))
                    return false;
                out->list.append(std::move(v));
            }
        }
        if (c == '"') {
            advance();
            out->type = Value::Type::String;
            while (m_pos < m_raw.size()) {
                const char d = m_raw[m_pos++];
                if (d == '"')
                    return true;
                if (d == '\\' && m_pos < m_raw.size())
                    out->bytes += m_raw[m_pos++];
                else if (d == '\r' || d == '\n')
                    break;
                else
                    out->bytes += d;
            }
            m_failed = true;
            return false;
        }
        if (c == '{' || (c == '~' && m_pos + 1 < m_raw.size() && m_raw[m_pos + 1] == '{')) {
            if (c == '~')
                advance();
            const qsizetype close = m_raw.indexOf('}', m_pos);
            if (close < 0) {
                m_failed = true;
                return false;
            }
            bool ok = false;
            QByteArray digits = m_raw.mid(m_pos + 1, close - m_pos - 1);
            if (digits.endsWith('+') || digits.endsWith('-'))
                digits.chop(1);
            const qsizetype n = digits.toLongLong(&ok);
            m_pos = close + 1;
            if (m_pos < m_raw.size() && m_raw[m_pos] == '\r')
                ++m_pos;
            if (m_pos < m_raw.size() && m_raw[m_pos] == '\n')
                ++m_pos;
            if (!ok || n < 0 || m_pos + n > m_raw.size()) {
                m_failed = true;
                return false;
            }
            out->type = Value::Type::String;
            out->bytes = m_raw.mid(m_pos, n);
            m_pos += n;
            return true;
        }
        out->bytes = atom(inCode);
        if (out->bytes.isEmpty()) {
            // A stray ')' or ']' where a value should be.
            m_failed = true;
            return false;
        }
        out->type = out->bytes.compare("NIL", Qt::CaseInsensitive) == 0 ? Value::Type::Nil : Value::Type::Atom;
        if (out->type == Value::Type::Nil)
            out->bytes.clear();
        return true;
    }

private:
    const QByteArray &m_raw;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

bool isStatus(const QByteArray &word)
{
    return word == "OK" || word == "NO" || word == "BAD" || word == "PREAUTH" || word == "BYE";
}

} // namespace

void ResponseParser::feed(const QByteArray &bytes)
{
    if (hasError())
        return;
    m_buffer += bytes;
    parseAvailable();
}

void ResponseParser::parseAvailable()
{
    while (!hasError()) {
        // The bytes of a literal being received are taken as they are.
        if (m_literalLeft > 0) {
            const qsizetype available = m_buffer.size() - m_scanned;
            if (available < m_literalLeft) {
                m_literalLeft -= available;
                m_scanned = m_buffer.size();
                return;
            }
            m_scanned += m_literalLeft;
            m_literalLeft = 0;
            m_segmentStart = m_scanned;
        }
        const qsizetype nl = m_buffer.indexOf('\n', m_scanned);
        if (nl < 0) {
            if (m_buffer.size() - m_segmentStart > kMaxLine)
                m_error =
                    QCoreApplication::translate("Imap::ResponseParser", "The server sent a line longer than %1 bytes.")
                        .arg(kMaxLine);
            m_scanned = m_buffer.size();
            return;
        }
        if (nl - m_segmentStart > kMaxLine) {
            m_error =
                QCoreApplication::translate("Imap::ResponseParser", "The server sent a line longer than %1 bytes.")
                    .arg(kMaxLine);
            return;
        }
        // Does the text that ends here announce a literal?
        const qsizetype literal =
            literalAtEnd(QByteArrayView(m_buffer).sliced(m_segmentStart, nl + 1 - m_segmentStart));
        if (literal >= 0) {
            if (literal > kMaxLiteral) {
                m_error = QCoreApplication::translate("Imap::ResponseParser",
                                                      "The server announced %1 bytes of data, more than Carnet reads "
                                                      "(%2).")
                              .arg(literal)
                              .arg(kMaxLiteral);
                return;
            }
            m_scanned = nl + 1;
            m_literalLeft = literal;
            if (literal == 0)
                m_segmentStart = m_scanned;
            continue;
        }
        // A whole response: from the start of the buffer to this line end.
        const QByteArray raw = m_buffer.left(nl + 1);
        m_buffer.remove(0, nl + 1);
        m_scanned = 0;
        m_segmentStart = 0;
        Response r;
        if (!parseResponse(raw, &r)) {
            m_error =
                QCoreApplication::translate("Imap::ResponseParser", "The server sent a response Carnet cannot read: %1")
                    .arg(text(raw.left(200)).trimmed());
            return;
        }
        m_ready.append(std::move(r));
    }
}

bool ResponseParser::parseResponse(const QByteArray &raw, Response *out)
{
    Tokenizer t(raw);
    const QByteArray tag = t.atom(false);
    if (tag.isEmpty())
        return false;
    t.skipSpaces();
    if (tag == "+") {
        out->kind = Response::Kind::Continuation;
        out->text = text(t.restOfLine());
        return true;
    }
    out->kind = tag == "*" ? Response::Kind::Untagged : Response::Kind::Tagged;
    out->tag = tag;
    QByteArray word = t.atom(false).toUpper();
    bool isNumber = false;
    const quint64 n = word.toULongLong(&isNumber);
    if (isNumber && out->kind == Response::Kind::Untagged) {
        out->number = n;
        out->hasNumber = true;
        t.skipSpaces();
        word = t.atom(false).toUpper();
    }
    if (word.isEmpty())
        return false;
    if (isStatus(word) && !out->hasNumber) {
        out->status = word;
        t.skipSpaces();
        if (t.peek() == '[') {
            t.advance();
            out->code = t.atom(true).toUpper();
            for (;;) {
                t.skipSpaces();
                if (t.atEnd())
                    return false;
                if (t.peek() == ']') {
                    t.advance();
                    break;
                }
                Value v;
                if (!t.value(&v, 0, true))
                    return false;
                out->codeArguments.append(std::move(v));
            }
            t.skipSpaces();
        }
        out->text = text(t.restOfLine());
        return true;
    }
    if (out->kind == Response::Kind::Tagged)
        return false; // a tagged response is always a status
    out->name = word;
    for (;;) {
        t.skipSpaces();
        if (t.atEnd())
            break;
        Value v;
        if (!t.value(&v, 0, false))
            return false;
        out->values.append(std::move(v));
    }
    return !t.failed();
}

QByteArray encodeMailboxName(const QString &name)
{
    QByteArray out;
    QString pending; // characters waiting to be base64-encoded
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        QByteArray utf16;
        for (QChar c : std::as_const(pending)) {
            utf16 += char(c.unicode() >> 8);
            utf16 += char(c.unicode() & 0xff);
        }
        QByteArray b64 = utf16.toBase64(QByteArray::OmitTrailingEquals);
        b64.replace('/', ',');
        out += '&' + b64 + '-';
        pending.clear();
    };
    for (QChar c : name) {
        const ushort u = c.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            out += u == '&' ? QByteArray("&-") : QByteArray(1, char(u));
        } else {
            pending += c;
        }
    }
    flush();
    return out;
}

QString decodeMailboxName(const QByteArray &encoded)
{
    QString out;
    qsizetype i = 0;
    while (i < encoded.size()) {
        const char c = encoded[i];
        if (c != '&') {
            out += QLatin1Char(c);
            ++i;
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0) {
            out += QString::fromLatin1(encoded.mid(i));
            break;
        }
        if (end == i + 1) {
            out += QLatin1Char('&');
        } else {
            QByteArray b64 = encoded.mid(i + 1, end - i - 1);
            b64.replace(',', '/');
            const QByteArray utf16 = QByteArray::fromBase64(b64);
            for (qsizetype k = 0; k + 1 < utf16.size(); k += 2)
                out += QChar(ushort((uchar(utf16[k]) << 8) | uchar(utf16[k + 1])));
        }
        i = end + 1;
    }
    return out;
}

QByteArray quoted(const QByteArray &value)
{
    bool literal = false;
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0' || uchar(c) >= 0x80)
            literal = true;
    }
    if (literal)
        return '{' + QByteArray::number(value.size()) + "}\r\n" + value;
    QByteArray out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace Imap
