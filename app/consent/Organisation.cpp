#include "Organisation.h"

#include "core/EmailAddress.h"
#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QUrl>

namespace Consent {

namespace {

struct Key
{
    const char *key;
    QString Organisation::*member;
};

const Key kKeys[] = {
    {"organisation.name", &Organisation::name},       {"organisation.address", &Organisation::address},
    {"organisation.email", &Organisation::email},     {"organisation.phone", &Organisation::phone},
    {"organisation.website", &Organisation::website}, {"unsubscribe.url", &Organisation::unsubscribeUrl},
};

const char kJurisdiction[] = "organisation.jurisdiction";

} // namespace

QJsonObject Organisation::toJson() const
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("address"), address},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("phone"), phone},
                       {QStringLiteral("website"), website},
                       {QStringLiteral("jurisdiction"), jurisdictionKey(jurisdiction)},
                       {QStringLiteral("unsubscribe_url"), unsubscribeUrl}};
}

Core::Result<Organisation> Organisation::load(const Storage::SettingsRepository &settings)
{
    Organisation o;
    for (const Key &k : kKeys) {
        auto v = settings.value(QString::fromLatin1(k.key));
        if (!v.ok())
            return v.error();
        o.*(k.member) = v.value();
    }
    auto j = settings.value(QString::fromLatin1(kJurisdiction));
    if (!j.ok())
        return j.error();
    o.jurisdiction = jurisdictionFromKey(j.value()).value_or(Jurisdiction::Both);
    return o;
}

Core::Result<void> Organisation::validate(const Organisation &o)
{
    using Core::Error;
    if (o.name.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Consent::Organisation", "The organisation needs a name."),
                           QStringLiteral("name"));
    if (o.address.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Consent::Organisation",
                                                       "The postal address is required: every message must carry it."),
                           QStringLiteral("address"));
    const Core::EmailCheck check = Core::EmailAddress::check(o.email, false);
    if (!check.valid)
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Consent::Organisation", "The contact email is not valid: %1")
                               .arg(check.error.isEmpty() ? o.email : check.error),
                           QStringLiteral("email"));
    // RFC 8058: one-click unsubscribe is an HTTPS POST; a plain http page would leak the token.
    const QUrl page(o.unsubscribeUrl.trimmed(), QUrl::StrictMode);
    if (!o.unsubscribeUrl.trimmed().isEmpty() &&
        (!page.isValid() || page.scheme() != QLatin1String("https") || page.host().isEmpty()))
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Consent::Organisation", "The unsubscribe page must be an https:// address."),
            QStringLiteral("unsubscribe_url"));
    return {};
}

Core::Result<void> Organisation::save(Storage::SettingsRepository &settings, const Organisation &organisation)
{
    Organisation o = organisation;
    o.name = o.name.trimmed();
    o.address = o.address.trimmed();
    o.email = Core::EmailAddress::check(o.email, false).normalized;
    o.phone = o.phone.trimmed();
    o.website = o.website.trimmed();
    o.unsubscribeUrl = o.unsubscribeUrl.trimmed();
    if (auto r = validate(o); !r.ok())
        return r;
    for (const Key &k : kKeys) {
        if (auto r = settings.setValue(QString::fromLatin1(k.key), o.*(k.member)); !r.ok())
            return r;
    }
    return settings.setValue(QString::fromLatin1(kJurisdiction), jurisdictionKey(o.jurisdiction));
}

} // namespace Consent
