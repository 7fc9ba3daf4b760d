#include "UnsubscribeToken.h"

#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace Mail {

namespace {

constexpr auto kEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int kMacBytes = 16; // 128 bits: not guessable, short enough for a subject line

QByteArray mac(const QByteArray &payload, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(payload, secret, QCryptographicHash::Sha256).left(kMacBytes);
}

Core::Error notOurs()
{
    return Core::Error::make(Core::Error::Code::Invalid,
                             QCoreApplication::translate("Mail::UnsubscribeToken",
                                                         "This is not an unsubscribe token from this member file."),
                             QStringLiteral("token"));
}

} // namespace

QString UnsubscribeToken::sign(const QByteArray &secret) const
{
    const QByteArray payload = QByteArray::number(memberId) + ':' + purpose.toUtf8();
    return QString::fromLatin1(payload.toBase64(kEncoding) + '.' + mac(payload, secret).toBase64(kEncoding));
}

Core::Result<UnsubscribeToken> UnsubscribeToken::verify(const QString &token, const QByteArray &secret)
{
    const QString trimmed = token.trimmed();
    const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
    if (dot <= 0 || trimmed.size() > 400)
        return notOurs();
    auto payload = QByteArray::fromBase64Encoding(trimmed.left(dot).toLatin1(),
                                                  kEncoding | QByteArray::AbortOnBase64DecodingErrors);
    auto signature = QByteArray::fromBase64Encoding(trimmed.mid(dot + 1).toLatin1(),
                                                    kEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload || !signature || signature.decoded.size() != kMacBytes)
        return notOurs();
    // Constant-time comparison: how far a forged signature matches says nothing.
    const QByteArray expected = mac(payload.decoded, secret);
    unsigned char diff = 0;
    for (int i = 0; i < kMacBytes; ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ signature.decoded[i]);
    if (diff != 0)
        return notOurs();
    const qsizetype colon = payload.decoded.indexOf(':');
    bool ok = false;
    UnsubscribeToken t;
    t.memberId = payload.decoded.left(colon).toLongLong(&ok);
    t.purpose = QString::fromUtf8(payload.decoded.mid(colon + 1));
    if (colon <= 0 || !ok || t.memberId <= 0)
        return notOurs();
    return t;
}

Core::Result<QByteArray> UnsubscribeToken::secret(Storage::SettingsRepository &settings)
{
    const QString key = QStringLiteral("unsubscribe.secret");
    auto stored = settings.value(key);
    if (!stored.ok())
        return stored.error();
    if (!stored.value().isEmpty())
        return QByteArray::fromBase64(stored.value().toLatin1());
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), 8);
    if (auto saved = settings.setValue(key, QString::fromLatin1(secret.toBase64())); !saved.ok())
        return saved.error();
    return secret;
}

QString UnsubscribeToken::findIn(const QByteArray &message, const QByteArray &secret, QString *from, QDateTime *date)
{
    // Headers: unfolded, until the first empty line.
    QByteArray raw = message;
    raw.replace("\r\n", "\n");
    const qsizetype split = raw.indexOf("\n\n");
    QByteArray head = split < 0 ? raw : raw.left(split);
    head.replace("\n ", " ").replace("\n\t", " ");
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QString value = QString::fromUtf8(line.mid(colon + 1)).trimmed();
        if (name == "from")
            *from = value;
        else if (name == "date")
            *date = QDateTime::fromString(value, Qt::RFC2822Date);
    }
    // The token: in the subject of a reply to the mailto: link, or quoted in the body. Quoted-printable
    // soft line breaks are joined first, so a token cut across lines is found whole.
    // A List-Unsubscribe header quoted whole carries it percent-encoded after "unsubscribe%20".
    QByteArray text = head + '\n' + (split < 0 ? QByteArray() : raw.mid(split));
    // Parts sent in base64 (many mail programs do so for UTF-8 text) are decoded and searched too.
    static const QRegularExpression base64Part(
        QStringLiteral("content-transfer-encoding:\\s*base64[^\\n]*\\n(?:[^\\n]+\\n)*?\\n((?:[A-Za-z0-9+/=]+\\n?)+)"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto parts = base64Part.globalMatch(QString::fromLatin1(raw)); parts.hasNext();)
        text += '\n' + QByteArray::fromBase64(parts.next().captured(1).toLatin1());
    text.replace("=\n", "").replace("%20", " ");
    static const QRegularExpression candidate(
        QStringLiteral("[A-Za-z0-9_-]{4,200}\\.[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])"));
    auto matches = candidate.globalMatch(QString::fromLatin1(text));
    while (matches.hasNext()) {
        const QString token = matches.next().captured(0);
        if (verify(token, secret).ok())
            return token;
    }
    return {};
}

} // namespace Mail
