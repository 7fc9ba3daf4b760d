#include "MimeMessage.h"

#include "core/EmailAddress.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUrl>

using Core::Error;
using Core::Result;

namespace Mail::Mime {

namespace {

bool isAsciiPrintable(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// Line breaks and other control characters in a header value become spaces: no header can be injected.
QString singleLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QLatin1Char(' ') : c;
    return out.simplified();
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

// Folds an ASCII header at spaces so no line passes 78 characters where it can be helped.
QByteArray foldAscii(const QByteArray &name, const QByteArray &value)
{
    QByteArray out = name + ": ";
    int lineLength = int(out.size());
    const QList<QByteArray> words = value.split(' ');
    for (int i = 0; i < words.size(); ++i) {
        const QByteArray &w = words[i];
        if (i > 0) {
            if (lineLength + 1 + w.size() > 78) {
                out += "\r\n ";
                lineLength = 1;
            } else {
                out += ' ';
                ++lineLength;
            }
        }
        out += w;
        lineLength += int(w.size());
    }
    return out + "\r\n";
}

QByteArray headerText(const QByteArray &name, const QString &value)
{
    const QString v = singleLine(value);
    if (isAsciiPrintable(v) && !v.contains(QLatin1String("=?")))
        return foldAscii(name, v.toLatin1());
    return name + ": " + encodedWords(v, int(name.size()) + 2) + "\r\n";
}

struct Address
{
    QByteArray header; // for From/To: display name and address
    QString envelope;  // for MAIL FROM / RCPT TO
    bool smtpUtf8 = false;
};

Result<Address> address(const Mailbox &box, const char *field)
{
    if (box.address.contains(QLatin1Char('\r')) || box.address.contains(QLatin1Char('\n')))
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Mail::Mime", "The %1 address contains a line break.")
                               .arg(QString::fromLatin1(field)),
                           QString::fromLatin1(field));
    const Core::EmailCheck check = Core::EmailAddress::check(box.address, false);
    if (!check.valid)
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Mail::Mime", "The %1 address \"%2\" cannot be used: %3")
                               .arg(QString::fromLatin1(field), box.address, check.error),
                           QString::fromLatin1(field));
    Address a;
    const QString local = check.normalized.section(QLatin1Char('@'), 0, -2);
    a.smtpUtf8 = check.needsSmtpUtf8;
    // International domains travel as punycode unless the local part needs SMTPUTF8 anyway.
    a.envelope = a.smtpUtf8 ? check.normalized : local + QLatin1Char('@') + check.asciiDomain;
    const QByteArray addr = "<" + a.envelope.toUtf8() + ">";
    const QString name = singleLine(box.name);
    if (name.isEmpty()) {
        a.header = addr;
    } else if (isAsciiPrintable(name)) {
        // A quoted string: specials, quotes and backslashes are safe inside it once escaped.
        QString quoted = name;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        a.header = "\"" + quoted.toLatin1() + "\" " + addr;
    } else {
        a.header = encodedWords(name, 6) + " " + addr;
    }
    return a;
}

QByteArray textPart(const QByteArray &subtype, const QString &text)
{
    return "Content-Type: text/" + subtype +
           "; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
           quotedPrintable(text.toUtf8());
}

QByteArray fileNameParameter(const QByteArray &parameter, const QString &fileName)
{
    const QString name = singleLine(fileName);
    if (isAsciiPrintable(name) && !name.contains(QLatin1Char('"')) && !name.contains(QLatin1Char('\\')))
        return parameter + "=\"" + name.toLatin1() + "\"";
    // RFC 2231: charset'language'percent-encoded value.
    return parameter + "*=UTF-8''" + QUrl::toPercentEncoding(name, "!#$&+-.^_`|~");
}

} // namespace

QByteArray rfc2822Date(const QDateTime &dateTime)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime local = dateTime.toLocalTime();
    const int offset = local.offsetFromUtc() / 60;
    const QDate d = local.date();
    const QTime t = local.time();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()) + " " + months[d.month() - 1] +
           " " + QByteArray::number(d.year()) + " " +
           QTime(t.hour(), t.minute(), t.second()).toString(Qt::ISODate).toLatin1() + " " + (offset < 0 ? "-" : "+") +
           QByteArray::number(std::abs(offset) / 60).rightJustified(2, '0') +
           QByteArray::number(std::abs(offset) % 60).rightJustified(2, '0');
}

QByteArray quotedPrintable(const QByteArray &data)
{
    // Text mode: CRLF, LF or CR are hard line breaks; lines are kept under 76 characters with soft
    // breaks; "=" and bytes outside printable ASCII are encoded, and so is whitespace before a break.
    QByteArray out;
    out.reserve(data.size() * 11 / 10 + 16);
    int lineLength = 0;
    auto put = [&](const QByteArray &token) {
        if (lineLength + token.size() > 75) {
            out += "=\r\n";
            lineLength = 0;
        }
        out += token;
        lineLength += int(token.size());
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (c == '\r' || c == '\n') {
            out += "\r\n";
            lineLength = 0;
            if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n')
                ++i;
            continue;
        }
        const bool beforeBreak = i + 1 == data.size() || data[i + 1] == '\r' || data[i + 1] == '\n';
        const bool plain = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !beforeBreak);
        // A dot alone at the start of a line is fine in SMTP (dot-stuffing), but encode it anyway so a
        // line never reads "." to a careless relay.
        if (plain && !(c == '.' && lineLength == 0))
            put(QByteArray(1, char(c)));
        else
            put("=" + QByteArray::number(c, 16).toUpper().rightJustified(2, '0'));
    }
    return out; // the caller ends the part (a multipart delimiter brings its own CRLF)
}

QByteArray encodedWords(const QString &text, int firstLineUsed)
{
    // "=?UTF-8?B?" + base64 + "?=" at most 75 characters: 45 bytes of UTF-8 a word, split between
    // characters (never inside one).
    QByteArray out;
    QByteArray chunk;
    int used = firstLineUsed;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        const QByteArray word = "=?UTF-8?B?" + chunk.toBase64() + "?=";
        if (!out.isEmpty()) {
            out += "\r\n ";
            used = 1;
        }
        out += word;
        used += int(word.size());
        chunk.clear();
    };
    const QList<uint> codePoints = text.toUcs4();
    for (uint cp : codePoints) {
        const QByteArray bytes = QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1).toUtf8();
        if (chunk.size() + bytes.size() > 45)
            flush();
        chunk += bytes;
    }
    flush();
    Q_UNUSED(used)
    return out.isEmpty() ? QByteArray("=?UTF-8?B?"
                                      "?=")
                         : out;
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

Result<BuiltMessage> build(const Message &m)
{
    BuiltMessage built;
    auto from = address(m.from, "From");
    if (!from.ok())
        return from.error();
    if (m.to.isEmpty())
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Mail::Mime", "The message has no recipient."),
                           QStringLiteral("To"));
    QList<QByteArray> toHeaders;
    for (const Mailbox &box : m.to) {
        auto to = address(box, "To");
        if (!to.ok())
            return to.error();
        toHeaders.append(to.value().header);
        built.envelopeTo.append(to.value().envelope);
        built.needsSmtpUtf8 = built.needsSmtpUtf8 || to.value().smtpUtf8;
    }
    built.envelopeFrom = from.value().envelope;
    built.needsSmtpUtf8 = built.needsSmtpUtf8 || from.value().smtpUtf8;

    const QString domain = built.envelopeFrom.section(QLatin1Char('@'), -1);
    built.messageId = m.messageId.isEmpty()
                          ? QStringLiteral("%1.%2@%3")
                                .arg(QString::fromLatin1(randomHex(12)))
                                .arg((m.date.isValid() ? m.date : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch())
                                .arg(domain)
                          : singleLine(m.messageId).remove(QLatin1Char('<')).remove(QLatin1Char('>'));

    QByteArray h;
    h += "Date: " + rfc2822Date(m.date.isValid() ? m.date : QDateTime::currentDateTime()) + "\r\n";
    h += "From: " + from.value().header + "\r\n";
    h += "To: ";
    for (int i = 0; i < toHeaders.size(); ++i)
        h += (i ? ",\r\n " : "") + toHeaders[i];
    h += "\r\n";
    if (!m.replyTo.address.isEmpty()) {
        auto replyTo = address(m.replyTo, "Reply-To");
        if (!replyTo.ok())
            return replyTo.error();
        h += "Reply-To: " + replyTo.value().header + "\r\n";
    }
    h += headerText("Subject", m.subject);
    h += "Message-ID: <" + built.messageId.toUtf8() + ">\r\n";
    if (!m.listId.isEmpty())
        h += headerText("List-Id", m.listId);
    if (!m.listUnsubscribe.isEmpty()) {
        QByteArrayList uris;
        bool https = false;
        for (const QString &uri : m.listUnsubscribe) {
            const QString u = singleLine(uri);
            if (u.contains(QLatin1Char('<')) || u.contains(QLatin1Char('>')) || u.contains(QLatin1Char(' ')))
                return Error::make(
                    Error::Code::Invalid,
                    QCoreApplication::translate("Mail::Mime", "The unsubscribe link is not a URI: %1").arg(u),
                    QStringLiteral("List-Unsubscribe"));
            https = https || u.startsWith(QLatin1String("https://"));
            uris.append("<" + QUrl(u).toEncoded() + ">");
        }
        h += foldAscii("List-Unsubscribe", uris.join(", "));
        if (m.oneClick && https)
            h += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    h += "MIME-Version: 1.0\r\n";

    QByteArray body;
    QByteArray content = textPart("plain", m.text);
    if (!m.html.isEmpty()) {
        const QByteArray boundary = "=_alt_" + randomHex(12);
        // The CRLF before each delimiter belongs to the delimiter (RFC 2046 §5.1.1), hence the extra one.
        content = "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n" +
                  textPart("plain", m.text) + "\r\n--" + boundary + "\r\n" + textPart("html", m.html) + "\r\n--" +
                  boundary + "--\r\n";
    }
    if (!m.attachments.isEmpty()) {
        const QByteArray boundary = "=_mix_" + randomHex(12);
        QByteArray mixed =
            "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n" + content;
        for (const Attachment &a : m.attachments) {
            QByteArray type = a.contentType.isEmpty() ? QByteArray("application/octet-stream") : a.contentType;
            if (type.contains('\r') || type.contains('\n') || type.contains(';'))
                type = "application/octet-stream";
            mixed += "\r\n--" + boundary + "\r\nContent-Type: " + type + "; " + fileNameParameter("name", a.fileName) +
                     "\r\nContent-Disposition: attachment; " + fileNameParameter("filename", a.fileName) +
                     "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(a.data);
        }
        mixed += "\r\n--" + boundary + "--\r\n";
        content = mixed;
    }
    if (!content.endsWith("\r\n"))
        content += "\r\n"; // a single part: the message still ends its last line
    built.bytes = h + content;
    return built;
}

} // namespace Mail::Mime
