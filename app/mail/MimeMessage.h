#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mail {

struct Mailbox
{
    QString name;    // display name, any Unicode; may be empty
    QString address; // checked by Core::EmailAddress
};

struct Attachment
{
    QString fileName;
    QByteArray contentType = "application/octet-stream";
    QByteArray data;
};

// A message to build: what the campaign or `mail send` provides.
struct Message
{
    Mailbox from;
    QList<Mailbox> to;
    Mailbox replyTo; // empty address: none
    QString subject;
    QString text; // the text/plain part (always present)
    QString html; // the text/html alternative, when not empty
    QList<Attachment> attachments;
    QStringList listUnsubscribe; // "mailto:…" and/or "https://…" URIs, in that order
    bool oneClick = false;       // with an HTTPS URI: List-Unsubscribe-Post (RFC 8058)
    QString listId;              // "Newsletter <newsletter.asso.example.org>"
    QDateTime date;              // null: now
    QString messageId;           // empty: generated on the sender's domain
};

struct BuiltMessage
{
    QByteArray bytes;  // RFC 5322, CRLF line ends, every line ≤ 998 octets
    QString messageId; // without angle brackets
    bool needsSmtpUtf8 = false;
    QString envelopeFrom; // the addresses as SMTP sends them (punycode domains unless SMTPUTF8)
    QStringList envelopeTo;
};

// RFC 5322 + MIME (RFC 2045–2047, 2231): encoded words for non-ASCII names and subjects, folded;
// quoted-printable text; base64 attachments with RFC 2231 file names; multipart/alternative and
// multipart/mixed. Header injection is impossible: line breaks in names and subjects become spaces,
// and an address with anything but an address in it is refused.
namespace Mime {
Core::Result<BuiltMessage> build(const Message &message);

// The pieces, public for their conformance tests.
QByteArray quotedPrintable(const QByteArray &data);              // text mode: line breaks kept as CRLF
QByteArray encodedWords(const QString &text, int firstLineUsed); // folded with CRLF SP between words
QByteArray base64Lines(const QByteArray &data);                  // 76-character lines, CRLF
QByteArray rfc2822Date(const QDateTime &dateTime);               // "Sat, 21 Nov 2026 12:00:00 +0000"
} // namespace Mime

} // namespace Mail
