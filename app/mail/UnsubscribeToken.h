#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Storage {
class SettingsRepository;
}

namespace Mail {

// The per-recipient unsubscribe token carried by every campaign message (in the mailto: link's subject
// and the HTTPS link): the member and the purpose, signed with HMAC-SHA256 under a secret kept in the
// member file, so that nobody can forge another member's request. "MTI6bmV3c2xldHRlcg.k3J…".
struct UnsubscribeToken
{
    qint64 memberId = 0;
    QString purpose;

    QString sign(const QByteArray &secret) const;
    // Invalid when it is not one of ours (malformed, altered, or signed under another secret).
    static Core::Result<UnsubscribeToken> verify(const QString &token, const QByteArray &secret);
    // The member file's secret, created (32 random bytes) the first time it is needed.
    static Core::Result<QByteArray> secret(Storage::SettingsRepository &settings);
    // The first valid token in a reply (its headers, plain, quoted-printable or base64 text, or a quoted
    // List-Unsubscribe), or empty; `from` and `date` get the message's From and Date headers.
    static QString findIn(const QByteArray &message, const QByteArray &secret, QString *from, QDateTime *date);
};

} // namespace Mail
