#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Mail::Inbound {

// A received message (RFC 5322 + MIME) taken apart for reading: what comes back to the association's
// mailbox — delivery reports, complaints, auto-replies, replies. Tolerant, as a reader of other
// programs' mail must be: bare LF line ends, a missing final boundary, unknown encodings and charsets
// are read as well as they can be and never refused. Bounded: parts nest at most kMaxDepth deep and a
// message holds at most kMaxParts parts; what lies beyond is kept as an opaque body.
class InboundPart
{
public:
    static constexpr int kMaxDepth = 12;
    static constexpr int kMaxParts = 500;

    struct Field
    {
        QByteArray name;  // as written
        QByteArray value; // unfolded, trimmed, still encoded (RFC 2047 words as they are)
    };

    // The whole message (or any MIME entity).
    static InboundPart parse(const QByteArray &bytes);
    // Header fields only: "Name: value" lines up to the first empty line (a delivery-status group, a
    // feedback report, the headers of a returned message that were sent as text).
    static QList<Field> parseFields(QByteArrayView block);

    const QList<Field> &fields() const { return m_fields; }
    // The first field of that name (case-insensitive), raw; empty when absent.
    QByteArray field(QByteArrayView name) const;
    QList<QByteArray> fieldAll(QByteArrayView name) const;
    bool hasField(QByteArrayView name) const;
    // The field with RFC 2047 encoded words decoded.
    QString text(QByteArrayView name) const;

    // "text/plain" when absent (or "message/rfc822" inside multipart/digest), lower-case.
    QByteArray contentType() const { return m_type; }
    QByteArray parameter(QByteArrayView name) const; // of Content-Type, unquoted (RFC 2231 joined)
    bool isMultipart() const { return m_type.startsWith("multipart/"); }

    // The body as sent (transfer encoding still applied) and decoded (base64, quoted-printable).
    const QByteArray &rawBody() const { return m_rawBody; }
    QByteArray body() const;
    // The decoded body as text in its charset (UTF-8 then Latin-1 when the charset is unknown or wrong).
    QString bodyText() const;

    // multipart/*: the parts in order; message/rfc822 and message/global: the one enclosed message.
    const QList<InboundPart> &parts() const { return m_parts; }

    // Every part, depth first (this one included), for searching.
    QList<const InboundPart *> walk() const;

private:
    void parseInto(const QByteArray &bytes, int depth, int *budget, const QByteArray &defaultType);

    QList<Field> m_fields;
    QByteArray m_type;
    QByteArray m_rawBody;
    QList<InboundPart> m_parts;
};

// RFC 2047: "=?utf-8?Q?Absent_du_bureau?= =?iso-8859-1?B?...?=" made readable; bytes that are not
// UTF-8 outside encoded words are read as Latin-1.
QString decodeWords(QByteArrayView value);
// A charset's bytes as text, falling back on UTF-8 then Latin-1.
QString decodeCharset(const QByteArray &bytes, const QByteArray &charset);
QByteArray decodeQuotedPrintable(QByteArrayView data);

} // namespace Mail::Inbound
