#include "mail/inbound/InboundMessage.h"

#include <QMap>
#include <QStringDecoder>

namespace Mail::Inbound {

namespace {

// Where the header block ends: the first empty line (CRLF CRLF, LF LF, or an empty first line).
qsizetype headerEnd(QByteArrayView bytes, qsizetype *bodyStart)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        qsizetype nl = bytes.indexOf('\n', i);
        if (nl < 0) {
            *bodyStart = bytes.size();
            return bytes.size();
        }
        QByteArrayView line = bytes.sliced(i, nl - i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            *bodyStart = nl + 1;
            return i;
        }
        i = nl + 1;
    }
    *bodyStart = bytes.size();
    return bytes.size();
}

QByteArray unquote(QByteArrayView v)
{
    v = v.trimmed();
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        QByteArray out;
        for (qsizetype i = 1; i + 1 < v.size(); ++i) {
            if (v[i] == '\\' && i + 2 < v.size())
                ++i;
            out += v[i];
        }
        return out;
    }
    return v.toByteArray();
}

QByteArray percentDecoded(QByteArrayView v)
{
    return QByteArray::fromPercentEncoding(v.toByteArray());
}

// The parameters of a Content-Type value: "text/plain; charset=\"utf-8\"; name*0=a; name*1=b".
QList<std::pair<QByteArray, QByteArray>> parameters(QByteArrayView value)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    qsizetype i = value.indexOf(';');
    while (i >= 0 && i < value.size()) {
        ++i;
        // One parameter up to the next ';' outside quotes.
        qsizetype j = i;
        bool quoted = false;
        while (j < value.size()) {
            char c = value[j];
            if (c == '"')
                quoted = !quoted;
            else if (c == '\\' && quoted)
                ++j;
            else if (c == ';' && !quoted)
                break;
            ++j;
        }
        QByteArrayView item = value.sliced(i, std::min(j, value.size()) - i);
        const qsizetype eq = item.indexOf('=');
        if (eq > 0)
            out.append({item.first(eq).trimmed().toByteArray().toLower(), unquote(item.sliced(eq + 1))});
        i = j < value.size() ? j : -1;
    }
    return out;
}

QByteArray typeOf(QByteArrayView value)
{
    const qsizetype semi = value.indexOf(';');
    QByteArray type = (semi < 0 ? value : value.first(semi)).trimmed().toByteArray().toLower();
    // "text" alone, or garbage: RFC 2045 says text/plain.
    if (!type.contains('/') || type.startsWith('/') || type.endsWith('/'))
        return {};
    return type;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray decodeQEncoding(QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < data.size() && hexValue(data[i + 1]) >= 0 && hexValue(data[i + 2]) >= 0) {
            out += char(hexValue(data[i + 1]) * 16 + hexValue(data[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// The first "--xxxxxx" line that comes back later as a delimiter.
QByteArray guessBoundary(const QByteArray &body)
{
    qsizetype i = 0;
    while (i < body.size()) {
        qsizetype nl = body.indexOf('\n', i);
        if (nl < 0)
            nl = body.size();
        QByteArrayView line = QByteArrayView(body).sliced(i, nl - i).trimmed();
        if (line.startsWith("--") && line.size() >= 8 && line.size() <= 72 && !line.contains(' ') &&
            !line.sliced(2).startsWith("-")) {
            const QByteArray candidate = line.sliced(2).toByteArray();
            if (body.indexOf(QByteArray("\n--" + candidate), nl) >= 0)
                return candidate;
        }
        i = nl + 1;
    }
    return {};
}

} // namespace

QByteArray decodeQuotedPrintable(QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c != '=') {
            out += c;
            continue;
        }
        // A soft line break: '=' then optional spaces then (CR)LF.
        qsizetype k = i + 1;
        while (k < data.size() && (data[k] == ' ' || data[k] == '\t'))
            ++k;
        if (k < data.size() && (data[k] == '\r' || data[k] == '\n')) {
            if (data[k] == '\r' && k + 1 < data.size() && data[k + 1] == '\n')
                ++k;
            i = k;
            continue;
        }
        if (k >= data.size() && k > i + 1) { // "=  " at the very end
            i = k;
            continue;
        }
        if (i + 2 < data.size() && hexValue(data[i + 1]) >= 0 && hexValue(data[i + 2]) >= 0) {
            out += char(hexValue(data[i + 1]) * 16 + hexValue(data[i + 2]));
            i += 2;
        } else {
            out += c; // a lone '=' as written
        }
    }
    return out;
}

QString decodeCharset(const QByteArray &bytes, const QByteArray &charset)
{
    const QByteArray cs = charset.trimmed().toLower();
    if (cs == "iso-8859-1" || cs == "latin1" || cs == "iso_8859-1" || cs == "windows-1252" || cs == "cp1252")
        return QString::fromLatin1(bytes);
    if (cs == "utf-16" || cs == "utf-16le" || cs == "utf-16be") {
        QStringDecoder d(cs == "utf-16be" ? QStringConverter::Utf16BE
                                          : (cs == "utf-16le" ? QStringConverter::Utf16LE : QStringConverter::Utf16));
        return d.decode(bytes);
    }
    // UTF-8 (and US-ASCII, and every charset Qt cannot decode here): UTF-8 when the bytes are, else Latin-1.
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(bytes);
}

QString decodeWords(QByteArrayView value)
{
    QString out;
    qsizetype i = 0;
    bool lastWasWord = false;
    while (i < value.size()) {
        const qsizetype start = value.indexOf("=?", i);
        if (start < 0)
            break;
        // =?charset?E?text?=
        const qsizetype q1 = value.indexOf('?', start + 2);
        const qsizetype q2 = q1 < 0 ? -1 : value.indexOf('?', q1 + 1);
        const qsizetype end = q2 < 0 ? -1 : value.indexOf("?=", q2 + 1);
        if (q1 < 0 || q2 != q1 + 2 || end < 0) {
            out += decodeCharset(value.sliced(i, start + 2 - i).toByteArray(), "utf-8");
            i = start + 2;
            lastWasWord = false;
            continue;
        }
        const QByteArrayView between = value.sliced(i, start - i);
        // Whitespace between two encoded words is not part of the text (RFC 2047 6.2).
        if (!(lastWasWord && between.trimmed().isEmpty()))
            out += decodeCharset(between.toByteArray(), "utf-8");
        QByteArray charset = value.sliced(start + 2, q1 - start - 2).toByteArray();
        if (const qsizetype star = charset.indexOf('*'); star >= 0) // RFC 2231 language
            charset.truncate(star);
        const char enc = value[q1 + 1];
        const QByteArrayView data = value.sliced(q2 + 1, end - q2 - 1);
        QByteArray raw;
        if (enc == 'B' || enc == 'b')
            raw = QByteArray::fromBase64(data.toByteArray());
        else if (enc == 'Q' || enc == 'q')
            raw = decodeQEncoding(data);
        else
            raw = value.sliced(start, end + 2 - start).toByteArray();
        out += decodeCharset(raw, charset);
        i = end + 2;
        lastWasWord = true;
    }
    if (i < value.size())
        out += decodeCharset(value.sliced(i).toByteArray(), "utf-8");
    return out;
}

QList<InboundPart::Field> InboundPart::parseFields(QByteArrayView block)
{
    QList<Field> fields;
    qsizetype i = 0;
    bool first = true;
    while (i < block.size()) {
        qsizetype nl = block.indexOf('\n', i);
        if (nl < 0)
            nl = block.size();
        QByteArrayView line = block.sliced(i, nl - i);
        if (line.endsWith('\r'))
            line.chop(1);
        i = nl + 1;
        if (line.isEmpty())
            break;
        if (first && line.startsWith("From ")) { // an mbox separator kept in a saved file
            first = false;
            continue;
        }
        first = false;
        if ((line.front() == ' ' || line.front() == '\t')) {
            if (!fields.isEmpty()) {
                QByteArray &v = fields.last().value;
                const QByteArrayView more = line.trimmed();
                if (!more.isEmpty()) {
                    if (!v.isEmpty())
                        v += ' ';
                    v += more;
                }
            }
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a field: skipped, as mail readers do
        const QByteArrayView name = line.first(colon).trimmed();
        if (name.isEmpty() || name.contains(' '))
            continue;
        fields.append({name.toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    }
    return fields;
}

InboundPart InboundPart::parse(const QByteArray &bytes)
{
    InboundPart part;
    int budget = kMaxParts;
    part.parseInto(bytes, 0, &budget, "text/plain");
    return part;
}

void InboundPart::parseInto(const QByteArray &bytes, int depth, int *budget, const QByteArray &defaultType)
{
    --*budget;
    qsizetype bodyStart = 0;
    const qsizetype end = headerEnd(bytes, &bodyStart);
    m_fields = parseFields(QByteArrayView(bytes).first(end));
    m_rawBody = bytes.mid(bodyStart);
    const QByteArray ct = field("Content-Type");
    m_type = typeOf(ct);
    if (m_type.isEmpty())
        m_type = defaultType;
    if (depth >= kMaxDepth || *budget <= 0)
        return;

    if (m_type.startsWith("multipart/")) {
        QByteArray boundary = parameter("boundary");
        // A boundary the body never uses (some servers rewrite one and not the other): the body's own.
        if (boundary.isEmpty() || !m_rawBody.contains(QByteArray("--" + boundary)))
            boundary = guessBoundary(m_rawBody);
        if (boundary.isEmpty())
            return;
        const QByteArray childDefault = m_type == "multipart/digest" ? "message/rfc822" : "text/plain";
        const QByteArray delimiter = "--" + boundary;
        const QByteArrayView body(m_rawBody);
        qsizetype partStart = -1;
        qsizetype i = 0;
        while (i <= body.size()) {
            qsizetype nl = body.indexOf('\n', i);
            const qsizetype lineEnd = nl < 0 ? body.size() : nl;
            QByteArrayView line = body.sliced(i, lineEnd - i);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.startsWith(delimiter)) {
                QByteArrayView rest = line.sliced(delimiter.size());
                const bool closing = rest.startsWith("--");
                if (closing)
                    rest = rest.sliced(2);
                if (rest.trimmed().isEmpty()) {
                    if (partStart >= 0 && *budget > 0) {
                        // The line break before the delimiter belongs to the delimiter.
                        qsizetype partEnd = i;
                        if (partEnd > partStart && body[partEnd - 1] == '\n')
                            --partEnd;
                        if (partEnd > partStart && body[partEnd - 1] == '\r')
                            --partEnd;
                        InboundPart child;
                        child.parseInto(
                            body.sliced(partStart, std::max<qsizetype>(0, partEnd - partStart)).toByteArray(),
                            depth + 1, budget, childDefault);
                        m_parts.append(std::move(child));
                    }
                    if (closing) {
                        partStart = -1;
                        break;
                    }
                    partStart = nl < 0 ? body.size() : nl + 1;
                }
            }
            if (nl < 0)
                break;
            i = nl + 1;
        }
        // No closing delimiter (a truncated report): the last part runs to the end.
        if (partStart >= 0 && partStart < body.size() && *budget > 0) {
            InboundPart child;
            child.parseInto(body.sliced(partStart).toByteArray(), depth + 1, budget, childDefault);
            m_parts.append(std::move(child));
        }
        return;
    }
    if (m_type == "message/rfc822" || m_type == "message/global" || m_type == "text/rfc822-headers" ||
        m_type == "message/rfc822-headers") {
        const QByteArray decoded = body();
        InboundPart child;
        child.parseInto(decoded, depth + 1, budget, "text/plain");
        m_parts.append(std::move(child));
    }
}

QByteArray InboundPart::field(QByteArrayView name) const
{
    for (const Field &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return f.value;
    }
    return {};
}

QList<QByteArray> InboundPart::fieldAll(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const Field &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            out.append(f.value);
    }
    return out;
}

bool InboundPart::hasField(QByteArrayView name) const
{
    for (const Field &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString InboundPart::text(QByteArrayView name) const
{
    return decodeWords(field(name));
}

QByteArray InboundPart::parameter(QByteArrayView name) const
{
    const QByteArray wanted = name.toByteArray().toLower();
    const auto params = parameters(field("Content-Type"));
    QByteArray plain;
    QMap<int, QByteArray> continued;
    for (const auto &[key, value] : params) {
        if (key == wanted) {
            plain = value;
        } else if (key == wanted + '*') {
            // charset'language'percent-encoded
            const qsizetype q = value.indexOf('\'');
            const qsizetype q2 = q < 0 ? -1 : value.indexOf('\'', q + 1);
            return percentDecoded(q2 < 0 ? QByteArrayView(value) : QByteArrayView(value).sliced(q2 + 1));
        } else if (key.startsWith(QByteArray(wanted + '*'))) {
            QByteArray index = key.mid(wanted.size() + 1);
            const bool extended = index.endsWith('*');
            if (extended)
                index.chop(1);
            bool ok = false;
            const int n = index.toInt(&ok);
            if (ok && n >= 0 && n < 100) {
                QByteArray v = value;
                if (extended) {
                    if (n == 0) {
                        const qsizetype q = v.indexOf('\'');
                        const qsizetype q2 = q < 0 ? -1 : v.indexOf('\'', q + 1);
                        if (q2 >= 0)
                            v = v.mid(q2 + 1);
                    }
                    v = percentDecoded(v);
                }
                continued.insert(n, v);
            }
        }
    }
    if (!plain.isEmpty() || continued.isEmpty())
        return plain;
    QByteArray joined;
    for (const QByteArray &v : std::as_const(continued))
        joined += v;
    return joined;
}

QByteArray InboundPart::body() const
{
    const QByteArray cte = field("Content-Transfer-Encoding").trimmed().toLower();
    if (cte == "base64")
        return QByteArray::fromBase64(m_rawBody); // ignores line breaks and stray characters
    if (cte == "quoted-printable")
        return decodeQuotedPrintable(m_rawBody);
    return m_rawBody;
}

QString InboundPart::bodyText() const
{
    return decodeCharset(body(), parameter("charset"));
}

QList<const InboundPart *> InboundPart::walk() const
{
    QList<const InboundPart *> out{this};
    for (const InboundPart &p : m_parts)
        out += p.walk();
    return out;
}

} // namespace Mail::Inbound
