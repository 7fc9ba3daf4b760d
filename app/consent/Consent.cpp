#include "Consent.h"

#include <QCoreApplication>
#include <QLocale>

#include <initializer_list>

namespace Consent {

namespace {

QJsonValue dateOrNull(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QString basisKey(Basis basis)
{
    switch (basis) {
    case Basis::Express: return QStringLiteral("express");
    case Basis::ImpliedMembership: return QStringLiteral("implied-membership");
    case Basis::Implied: return QStringLiteral("implied");
    case Basis::LegitimateInterest: return QStringLiteral("legitimate-interest");
    }
    return {};
}

std::optional<Basis> basisFromKey(const QString &key)
{
    return basisFromUtf8(key.toUtf8());
}

QString basisLabel(Basis basis)
{
    switch (basis) {
    case Basis::Express: return QCoreApplication::translate("Consent", "Express consent");
    case Basis::ImpliedMembership: return QCoreApplication::translate("Consent", "Implied by membership");
    case Basis::Implied: return QCoreApplication::translate("Consent", "Implied, with an expiry date");
    case Basis::LegitimateInterest: return QCoreApplication::translate("Consent", "Legitimate interest");
    }
    return {};
}

QString jurisdictionKey(Jurisdiction jurisdiction)
{
    switch (jurisdiction) {
    case Jurisdiction::Canada: return QStringLiteral("ca");
    case Jurisdiction::Eu: return QStringLiteral("eu");
    case Jurisdiction::Both: return QStringLiteral("both");
    }
    return {};
}

std::optional<Jurisdiction> jurisdictionFromKey(const QString &key)
{
    for (Jurisdiction j : {Jurisdiction::Canada, Jurisdiction::Eu, Jurisdiction::Both}) {
        if (jurisdictionKey(j) == key)
            return j;
    }
    return std::nullopt;
}

QString jurisdictionLabel(Jurisdiction jurisdiction)
{
    switch (jurisdiction) {
    case Jurisdiction::Canada: return QCoreApplication::translate("Consent", "Canada (CASL)");
    case Jurisdiction::Eu: return QCoreApplication::translate("Consent", "European Union (GDPR)");
    case Jurisdiction::Both: return QCoreApplication::translate("Consent", "Both (CASL and GDPR)");
    }
    return {};
}

QJsonObject Event::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("member"), memberId},
        {QStringLiteral("purpose"), purpose},
        {QStringLiteral("action"), action == Action::Grant ? QStringLiteral("grant") : QStringLiteral("withdraw")},
        {QStringLiteral("basis"), basis ? QJsonValue(basisKey(*basis)) : QJsonValue()},
        {QStringLiteral("date"), dateOrNull(occurredOn)},
        {QStringLiteral("expires"), dateOrNull(expiresOn)},
        {QStringLiteral("recorded_at"), recordedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("source"), source},
        {QStringLiteral("wording"), textOrNull(wording)},
        {QStringLiteral("evidence_note"), textOrNull(evidenceNote)},
        {QStringLiteral("evidence_sha256"), textOrNull(evidenceSha256)},
        {QStringLiteral("evidence_file"), textOrNull(evidenceName)},
        {QStringLiteral("recorded_by"), textOrNull(recordedBy)},
        {QStringLiteral("import_batch"), importBatchId ? QJsonValue(importBatchId) : QJsonValue()},
    };
}

QString Purpose::displayLabel() const
{
    if (builtin && key == QLatin1String("association"))
        return QCoreApplication::translate("Consent", "Association life");
    if (builtin && key == QLatin1String("newsletter"))
        return QCoreApplication::translate("Consent", "Newsletter");
    return label;
}

std::optional<Basis> Purpose::defaultBasis(Jurisdiction jurisdiction) const
{
    auto covering = [](Basis b) -> std::optional<Basis> {
        if (b == Basis::ImpliedMembership || b == Basis::LegitimateInterest)
            return b;
        return std::nullopt;
    };
    switch (jurisdiction) {
    case Jurisdiction::Canada: return covering(defaultBasisCanada);
    case Jurisdiction::Eu: return covering(defaultBasisEu);
    case Jurisdiction::Both: {
        const auto ca = covering(defaultBasisCanada);
        const auto eu = covering(defaultBasisEu);
        if (!ca || !eu)
            return std::nullopt;
        // Implied by membership ends; legitimate interest does not: the stricter one is the one that ends.
        return (*ca == Basis::ImpliedMembership || *eu == Basis::ImpliedMembership) ? Basis::ImpliedMembership
                                                                                    : Basis::LegitimateInterest;
    }
    }
    return std::nullopt;
}

QJsonObject Purpose::toJson() const
{
    return QJsonObject{{QStringLiteral("key"), key},
                       {QStringLiteral("label"), displayLabel()},
                       {QStringLiteral("builtin"), builtin},
                       {QStringLiteral("default_basis_ca"), basisKey(defaultBasisCanada)},
                       {QStringLiteral("default_basis_eu"), basisKey(defaultBasisEu)}};
}

QString reasonKey(Reason reason)
{
    switch (reason) {
    case Reason::Express: return QStringLiteral("express");
    case Reason::ImpliedMembership: return QStringLiteral("implied-membership");
    case Reason::Implied: return QStringLiteral("implied");
    case Reason::LegitimateInterest: return QStringLiteral("legitimate-interest");
    case Reason::NoConsent: return QStringLiteral("no_consent");
    case Reason::Expired: return QStringLiteral("expired");
    case Reason::Withdrawn: return QStringLiteral("withdrawn");
    case Reason::Suppressed: return QStringLiteral("suppressed");
    case Reason::Undeliverable: return QStringLiteral("undeliverable");
    case Reason::InvalidEmail: return QStringLiteral("invalid_email");
    case Reason::NoEmail: return QStringLiteral("no_email");
    }
    return {};
}

std::optional<Reason> reasonFromKey(const QString &key)
{
    return reasonFromUtf8(key.toUtf8());
}

namespace {

// The value of an enum whose key (reasonKey, basisKey…) is `key`: the keys made once as UTF-8.
template<typename E>
std::optional<E> fromKeyBytes(QByteArrayView key, std::initializer_list<E> all, QString (*keyOf)(E))
{
    static const QList<std::pair<QByteArray, E>> keys = [&] {
        QList<std::pair<QByteArray, E>> k;
        for (E e : all)
            k.append({keyOf(e).toUtf8(), e});
        return k;
    }();
    for (const auto &[k, e] : keys) {
        if (k == key)
            return e;
    }
    return std::nullopt;
}

} // namespace

std::optional<Reason> reasonFromUtf8(QByteArrayView key)
{
    return fromKeyBytes(key,
                        {Reason::Express, Reason::ImpliedMembership, Reason::Implied, Reason::LegitimateInterest,
                         Reason::NoConsent, Reason::Expired, Reason::Withdrawn, Reason::Suppressed,
                         Reason::Undeliverable, Reason::InvalidEmail, Reason::NoEmail},
                        reasonKey);
}

std::optional<Basis> basisFromUtf8(QByteArrayView key)
{
    return fromKeyBytes(key, {Basis::Express, Basis::ImpliedMembership, Basis::Implied, Basis::LegitimateInterest},
                        basisKey);
}

QDate isoDate(QByteArrayView text)
{
    if (text.size() != 10 || text.at(4) != '-' || text.at(7) != '-')
        return QDate::fromString(QString::fromUtf8(text), Qt::ISODate);
    auto number = [&text](int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; ++i) {
            const char c = text.at(i);
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
    return y < 0 || m < 0 || d < 0 ? QDate() : QDate(y, m, d);
}

QString reasonLabel(Reason reason)
{
    switch (reason) {
    case Reason::Express: return QCoreApplication::translate("Consent", "Express consent");
    case Reason::ImpliedMembership: return QCoreApplication::translate("Consent", "Implied by membership");
    case Reason::Implied: return QCoreApplication::translate("Consent", "Implied consent");
    case Reason::LegitimateInterest: return QCoreApplication::translate("Consent", "Legitimate interest");
    case Reason::NoConsent: return QCoreApplication::translate("Consent", "No consent");
    case Reason::Expired: return QCoreApplication::translate("Consent", "Consent expired");
    case Reason::Withdrawn: return QCoreApplication::translate("Consent", "Withdrawn");
    case Reason::Suppressed: return QCoreApplication::translate("Consent", "Address on the suppression list");
    case Reason::Undeliverable: return QCoreApplication::translate("Consent", "Address undeliverable (mail came back)");
    case Reason::InvalidEmail: return QCoreApplication::translate("Consent", "Invalid email address");
    case Reason::NoEmail: return QCoreApplication::translate("Consent", "No email address");
    }
    return {};
}

QJsonObject Status::toJson() const
{
    return QJsonObject{{QStringLiteral("eligible"), eligible},
                       {QStringLiteral("basis"), basis ? QJsonValue(basisKey(*basis)) : QJsonValue()},
                       {QStringLiteral("since"), dateOrNull(since)},
                       {QStringLiteral("valid_until"), dateOrNull(validUntil)},
                       {QStringLiteral("reason"), reasonKey(reason)},
                       {QStringLiteral("by_default"), byDefault}};
}

QString Status::explanation() const
{
    const QLocale locale;
    const QString sinceText = since.isValid() ? locale.toString(since, QLocale::ShortFormat) : QString();
    const QString untilText = validUntil.isValid() ? locale.toString(validUntil, QLocale::ShortFormat) : QString();
    QString text = reasonLabel(reason);
    if (byDefault && eligible)
        text += QCoreApplication::translate("Consent", " (the purpose's default basis)");
    if (reason == Reason::Withdrawn && !sinceText.isEmpty())
        return QCoreApplication::translate("Consent", "Withdrawn on %1: a new express consent is needed.")
            .arg(sinceText);
    if (reason == Reason::Expired && !untilText.isEmpty())
        return QCoreApplication::translate("Consent", "%1 expired on %2.")
            .arg(basis ? basisLabel(*basis) : text, untilText);
    if (eligible && !sinceText.isEmpty())
        text += QCoreApplication::translate("Consent", ", since %1").arg(sinceText);
    if (eligible && !untilText.isEmpty())
        text += QCoreApplication::translate("Consent", ", valid until %1").arg(untilText);
    else if (eligible && basis == Basis::ImpliedMembership)
        text += QCoreApplication::translate("Consent", ", valid while a member and 2 years after");
    else if (eligible && (basis == Basis::Express || basis == Basis::LegitimateInterest))
        text += QCoreApplication::translate("Consent", ", valid until withdrawn");
    return text;
}

} // namespace Consent
