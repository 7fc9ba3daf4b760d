#include "Selection.h"

#include <QCoreApplication>

namespace Storage {

QString Selection::key() const
{
    switch (kind) {
    case Kind::All: return QStringLiteral("all");
    case Kind::NoEmail: return QStringLiteral("no-email");
    case Kind::MembershipExpired: return QStringLiteral("expired");
    case Kind::MembershipEndingSoon: return QStringLiteral("ending-soon");
    case Kind::Section: return QStringLiteral("section:") + value;
    case Kind::Category: return QStringLiteral("category:") + value;
    case Kind::ConsentMissing: return QStringLiteral("consent-missing:") + value;
    case Kind::ConsentExpiring: return QStringLiteral("consent-expiring:") + value;
    case Kind::ConsentWithdrawn: return QStringLiteral("consent-withdrawn:") + value;
    case Kind::Report: return QStringLiteral("report:") + value;
    case Kind::Invitation: return QStringLiteral("invitation:") + value;
    case Kind::Undeliverable: return QStringLiteral("undeliverable");
    }
    return {};
}

Selection Selection::fromKey(const QString &key)
{
    if (key == QLatin1String("no-email"))
        return {Kind::NoEmail, {}};
    if (key == QLatin1String("expired"))
        return {Kind::MembershipExpired, {}};
    if (key == QLatin1String("undeliverable"))
        return {Kind::Undeliverable, {}};
    if (key == QLatin1String("ending-soon"))
        return {Kind::MembershipEndingSoon, {}};
    if (key.startsWith(QLatin1String("section:")))
        return {Kind::Section, key.mid(8)};
    if (key.startsWith(QLatin1String("category:")))
        return {Kind::Category, key.mid(9)};
    if (key.startsWith(QLatin1String("report:")) && key.size() > 7)
        return {Kind::Report, key.mid(7)};
    if (key == QLatin1String("invitation:never-invited") || key == QLatin1String("invitation:invited-no-answer"))
        return {Kind::Invitation, key.mid(11)};
    for (auto [prefix, kind] :
         {std::pair{"consent-missing:", Kind::ConsentMissing}, std::pair{"consent-expiring:", Kind::ConsentExpiring},
          std::pair{"consent-withdrawn:", Kind::ConsentWithdrawn}}) {
        const QLatin1String p(prefix);
        if (key.startsWith(p) && key.size() > p.size())
            return {kind, key.mid(p.size())};
    }
    return {};
}

QString Selection::label() const
{
    switch (kind) {
    case Kind::All: return QCoreApplication::translate("Storage::Selection", "All members");
    case Kind::NoEmail: return QCoreApplication::translate("Storage::Selection", "No email address");
    case Kind::MembershipExpired: return QCoreApplication::translate("Storage::Selection", "Membership expired");
    case Kind::MembershipEndingSoon:
        return QCoreApplication::translate("Storage::Selection", "Membership ending within %n day(s)", nullptr,
                                           kEndingSoonDays);
    case Kind::Section:
    case Kind::Category: return value.isEmpty() ? QCoreApplication::translate("Storage::Selection", "(none)") : value;
    case Kind::ConsentMissing: return QCoreApplication::translate("Storage::Selection", "Consent missing");
    case Kind::ConsentExpiring:
        return QCoreApplication::translate("Storage::Selection", "Consent expiring within %n day(s)", nullptr,
                                           kEndingSoonDays);
    case Kind::ConsentWithdrawn: return QCoreApplication::translate("Storage::Selection", "Withdrawn");
    case Kind::Report: return value;
    case Kind::Invitation:
        return value == QLatin1String("never-invited")
                   ? QCoreApplication::translate("Storage::Selection", "Never invited")
                   : QCoreApplication::translate("Storage::Selection", "Invited, no answer");
    case Kind::Undeliverable: return QCoreApplication::translate("Storage::Selection", "Undeliverable addresses");
    }
    return {};
}

} // namespace Storage
