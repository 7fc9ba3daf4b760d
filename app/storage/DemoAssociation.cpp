#include "DemoAssociation.h"

#include "MemberRepository.h"
#include "core/Clock.h"
#include "core/TextFold.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QStringList>

namespace Storage::DemoAssociation {

namespace {
// clang-format off
const char *const kFirstFr[] = {"Élodie", "Zoé", "Françoise", "Jérôme", "Hélène", "Noël", "Loïc", "Anaïs", "Benoît",
    "Cécile", "Chloé", "Océane", "Gaëlle", "Maëlys", "Théo", "Léa", "Lucas", "Manon", "Camille", "Jean-Philippe",
    "Marie-Ève", "Mathieu", "Sophie", "Aurélie", "Renée", "Raphaël", "Inès", "Yannick", "Gérard", "Michèle", "Ève",
    "François", "Amélie", "Étienne"};
const char *const kFirstEn[] = {"Emma", "Olivia", "Liam", "Noah", "Charlotte", "James", "Amelia", "Oliver",
    "Sophia", "William", "Grace", "Henry", "Ella", "Jack", "Ruby", "Thomas"};
const char *const kLast[] = {"Dupont", "Lefèvre", "Côté", "Gagnon", "Bouchard", "Tremblay", "Roy", "Gauthier",
    "Morin", "Lavoie", "Fortin", "Gélinas", "Bélanger", "Lévesque", "Pelletier", "Bergeron", "Leblanc", "Girard",
    "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lambert", "Martin", "Bernard", "Thomas",
    "Petit", "Robert", "Smith", "Brown", "Wilson", "MacDonald", "O'Brien", "Taylor", "Campbell", "Anderson"};
struct Place { const char *city; const char *postal; const char *country; };
const Place kPlaces[] = {{"Montréal", "H2X 1Y4", "Canada"}, {"Québec", "G1R 4P5", "Canada"},
    {"Sherbrooke", "J1H 5H3", "Canada"}, {"Gatineau", "J8X 3X7", "Canada"}, {"Lyon", "69001", "France"},
    {"Paris", "75011", "France"}, {"Nantes", "44000", "France"}, {"Lille", "59000", "France"}};
const char *const kStreets[] = {"rue Saint-Denis", "avenue du Parc", "rue des Érables", "boulevard René-Lévesque",
    "rue de la Paix", "chemin du Lac", "rue Victor-Hugo", "avenue Jean-Jaurès"};
const char *const kSections[] = {"Centre-ville", "Plateau", "Vieux-Port", "Rive-Sud"};
const char *const kCategories[] = {"Adulte", "Étudiant", "Famille", "Bénévole", "Honneur"};
const char *const kDomains[] = {"example.org", "exemple.fr", "courriel.example.ca", "example.com"};
// clang-format on

template<typename T, size_t N>
const T &pick(QRandomGenerator &rng, const T (&array)[N])
{
    return array[rng.bounded(quint32(N))];
}

QString emailFor(const QString &first, const QString &last, int n, QRandomGenerator &rng)
{
    QString local = Core::TextFold::fold(QString(first + QLatin1Char('.') + last));
    local.remove(QLatin1Char('\'')).replace(QLatin1Char(' '), QLatin1Char('-'));
    return QStringLiteral("%1.%2@%3").arg(local).arg(n).arg(QString::fromUtf8(pick(rng, kDomains)));
}
} // namespace

Core::Result<int> populate(MemberRepository &members, const Core::Clock &clock)
{
    QRandomGenerator rng(20261121);
    const QDate today = clock.today();
    int created = 0;
    qint64 previousId = 0;
    for (int i = 0; i < kMemberCount; ++i) {
        Core::Member m;
        const bool english = rng.bounded(4) == 0;
        m.firstName = QString::fromUtf8(english ? pick(rng, kFirstEn) : pick(rng, kFirstFr));
        m.lastName = QString::fromUtf8(pick(rng, kLast));
        m.language = english ? QStringLiteral("en") : QStringLiteral("fr");
        m.memberNumber = QStringLiteral("B%1").arg(1000 + i);
        const Place &place = pick(rng, kPlaces);
        m.city = QString::fromUtf8(place.city);
        m.postalCode = QString::fromUtf8(place.postal);
        m.country = QString::fromUtf8(place.country);
        m.address = QStringLiteral("%1 %2").arg(rng.bounded(1, 9999)).arg(QString::fromUtf8(pick(rng, kStreets)));
        m.phone = QStringLiteral("514-555-%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'));
        if (rng.bounded(3) == 0)
            m.mobile = QStringLiteral("438-555-%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'));
        m.section = QString::fromUtf8(pick(rng, kSections));
        m.category = QString::fromUtf8(pick(rng, kCategories));
        // Yearly memberships joined over the last six years; most renewed, some lapsed, some ending soon.
        m.membershipStart = today.addDays(-qint64(rng.bounded(30, 6 * 365)));
        m.membershipEnd = m.membershipStart.addYears(1);
        if (m.membershipEnd < today && rng.bounded(100) < 80)
            m.membershipEnd = today.addDays(rng.bounded(1, 365));
        qint64 householdWith = 0;
        const int kind = int(rng.bounded(20));
        if (kind == 0) {
            m.noEmail = true; // on the paper register only
            m.notes = QCoreApplication::translate("Storage::DemoAssociation", "No email: send the newsletter by post.");
        } else {
            m.email = emailFor(m.firstName, m.lastName, i, rng);
        }
        if (kind == 1 && previousId != 0) {
            householdWith = previousId; // a partner, as in Cagette's partner columns
            m.notes = QCoreApplication::translate("Storage::DemoAssociation", "Family membership.");
        }
        auto saved = members.save(m, householdWith);
        if (!saved.ok())
            return saved.error();
        previousId = saved.value().id;
        ++created;
    }
    return created;
}

} // namespace Storage::DemoAssociation
