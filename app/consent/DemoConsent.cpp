#include "DemoConsent.h"

#include "ConsentService.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace Consent::DemoConsent {

Core::Result<int> populate(ConsentService &consent, const Core::Clock &clock)
{
    // The association's profile, so that its messages and default texts read as a real one's would.
    if (auto org = consent.organisation(); org.ok() && org.value().name.isEmpty()) {
        Organisation demo;
        demo.name = QCoreApplication::translate("Consent::DemoConsent", "Friends of the Park");
        demo.address = QCoreApplication::translate("Consent::DemoConsent", "12 Lilac Street\n75011 Paris");
        demo.email = QStringLiteral("contact@amis-du-parc.example.org");
        demo.website = QStringLiteral("https://amis-du-parc.example.org");
        demo.jurisdiction = Jurisdiction::Both;
        if (auto saved = consent.setOrganisation(demo); !saved.ok())
            return saved.error();
    }
    auto all = consent.eligible(QStringLiteral("association"));
    if (!all.ok())
        return all.error();
    std::vector<qint64> members = all.value().eligible;
    for (const auto &ids : all.value().excluded)
        members.insert(members.end(), ids.begin(), ids.end());
    std::sort(members.begin(), members.end());
    QRandomGenerator rng(20261121);
    const QDate today = clock.today();
    int events = 0;
    for (qint64 id : members) {
        const int draw = int(rng.bounded(100));
        if (draw >= 65)
            continue; // never asked
        GrantRequest grant;
        grant.purpose = QStringLiteral("newsletter");
        grant.basis = Basis::Express;
        grant.date = today.addDays(-qint64(rng.bounded(10, 900)));
        grant.source = draw % 2 ? QCoreApplication::translate("Consent::DemoConsent", "Paper form, general assembly")
                                : QCoreApplication::translate("Consent::DemoConsent", "Website form");
        grant.wording = QCoreApplication::translate("Consent::DemoConsent",
                                                    "I would like to receive the library's newsletter (form v2).");
        grant.recordedBy = QStringLiteral("demo");
        if (!consent.record(id, grant).ok())
            continue; // a member without an address, say
        ++events;
        if (draw < 5) {
            WithdrawRequest withdraw;
            withdraw.purposes = draw == 0 ? QStringList() : QStringList{QStringLiteral("newsletter")};
            withdraw.date = today.addDays(-qint64(rng.bounded(1, 9)));
            withdraw.source = QCoreApplication::translate("Consent::DemoConsent", "Unsubscribe link");
            withdraw.recordedBy = QStringLiteral("demo");
            if (consent.withdraw(id, withdraw).ok())
                ++events;
        }
    }
    return events;
}

} // namespace Consent::DemoConsent
