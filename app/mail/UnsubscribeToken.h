#pragma once

#include "core/Result.h"

#include <QByteArray>
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
};

} // namespace Mail
