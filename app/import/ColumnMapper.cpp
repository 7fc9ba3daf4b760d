#include "ColumnMapper.h"

#include "core/EmailAddress.h"
#include "core/TextFold.h"

#include <QHash>

namespace Import::ColumnMapper {

namespace {
// Normalised header -> field. Sources: Koha borrowers columns; Cagette import (EN/FR UI) and export;
// Mailchimp audience export; listmonk; Galette, Paheko, CiviCRM labels; Galette's import model (its database
// column names: nom_adh, prenom_adh, email_adh, cp_adh…); Google and Outlook contacts.
const QHash<QString, QString> &synonyms()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        auto add = [&t](const char *field, std::initializer_list<const char *> names) {
            for (const char *n : names)
                t.insert(QString::fromLatin1(n), QString::fromLatin1(field));
        };
        add("first_name", {"prenom", "firstname", "first", "givenname", "forename", "prenomadherent", "prenomdumembre",
                           "contactfirstname", "prenoms", "prenomadh"});
        add("last_name", {"nom", "lastname", "surname", "familyname", "nomdefamille", "nomadherent", "nomdumembre",
                          "contactlastname", "nomdusage", "last", "nomadh"});
        add("full_name", {"nometprenom", "prenometnom", "nomprenom", "prenomnom", "fullname", "name", "displayname",
                          "nomcomplet", "identite", "membre", "adherent", "sortname", "contactname"});
        add("email", {"email", "courriel", "mail", "emailaddress", "adressecourriel", "adresseemail", "adressemail",
                      "adresseelectronique", "email1", "email1value", "emailprimaire", "primaryemail",
                      "adressedecourriel", "emailaddress1", "ecourriel", "emailadh"});
        add("phone", {"phone", "telephone", "tel", "phonenumber", "telfixe", "telephonefixe", "homephone",
                      "phone1value", "telephonedomicile", "numerodetelephone", "telephone1", "teladh"});
        add("mobile", {"mobile", "portable", "cellulaire", "cell", "cellphone", "mobilephone", "telportable",
                       "telephoneportable", "telephonemobile", "gsm", "phone2value", "mobilenumber", "gsmadh"});
        add("address", {"address", "adresse", "address1", "adresse1", "street", "rue", "streetaddress", "homestreet",
                        "address1street", "adressepostale", "ligneadresse1", "addressline1", "adresseadh"});
        add("postal_code", {"postalcode", "codepostal", "cp", "zip", "zipcode", "postcode", "homepostalcode",
                            "address1postalcode", "cpadh"});
        add("city",
            {"city", "ville", "town", "localite", "commune", "homecity", "address1city", "municipalite", "villeadh"});
        add("country",
            {"country", "pays", "homecountry", "countryregion", "homecountryregion", "address1country", "paysadh"});
        add("section", {"section", "branch", "branchcode", "bibliotheque", "antenne", "library", "site", "succursale"});
        add("category", {"category", "categorie", "categorycode", "membershiptype", "typeadhesion", "typedadhesion",
                         "typedemembre", "categoriedemembre", "statut"});
        add("membership_start",
            {"dateenrolled", "membershipstart", "dateadhesion", "datedadhesion", "adhesion", "dateinscription",
             "datedinscription", "membersince", "membresdepuis", "membredepuis", "joindate", "joined", "startdate",
             "debutadhesion", "datededebut", "datedebut", "membershipstartdate", "datecreaadh"});
        add("membership_end", {"dateexpiry", "membershipend", "finadhesion", "datefin", "datedefin", "dateexpiration",
                               "datedexpiration", "expiration", "expirydate", "enddate", "echeance", "datefinadhesion",
                               "membershipenddate", "findadhesion", "dateecheance", "dateechadh"});
        add("member_number", {"cardnumber", "membernumber", "numero", "numeroadherent", "numerodadherent",
                              "numerodemembre", "nomembre", "nodemembre", "memberid", "numadherent", "nadherent",
                              "nmembre", "numerodecarte", "carte", "matricule", "numadh"});
        add("language", {"language", "langue", "lang", "preferredlanguage", "languepreferee", "preflang"});
        add("notes", {"notes", "note", "remarques", "remarque", "commentaire", "commentaires", "comments", "comment",
                      "borrowernotes", "observations", "infoadh"});
        return t;
    }();
    return table;
}
} // namespace

QString normalizeHeader(const QString &header)
{
    const QString folded = Core::TextFold::fold(header);
    QString out;
    out.reserve(folded.size());
    for (QChar c : folded) {
        if (c.isLetterOrNumber())
            out += c;
    }
    return out;
}

QString fieldFor(const QString &header)
{
    return synonyms().value(normalizeHeader(header));
}

QString partnerFieldFor(const QString &header)
{
    static const QHash<QString, QString> partner = [] {
        QHash<QString, QString> t;
        auto add = [&t](const char *field, std::initializer_list<const char *> names) {
            for (const char *n : names)
                t.insert(QString::fromLatin1(n), QString::fromLatin1(field));
        };
        add("first_name", {"firstname2", "partnersfirstname", "prenomconjoint", "prenomconjointe"});
        add("last_name", {"lastname2", "partnerslastname", "nomconjoint", "nomconjointe"});
        add("email",
            {"email2", "partnersemail", "emailconjoint", "emailconjointe", "courrielconjoint", "courrielconjointe"});
        add("phone", {"phone2", "telephoneconjoint", "telephoneconjointe"});
        add("mobile", {"partnersmobilephone", "telephoneportableconjoint", "telephoneportableconjointe",
                       "portableconjoint", "portableconjointe"});
        return t;
    }();
    return partner.value(normalizeHeader(header));
}

QString extraKey(const QString &header, int column)
{
    const QString name = Core::TextFold::simplified(header);
    return name.isEmpty() ? QStringLiteral("extra.column_%1").arg(column + 1) : QStringLiteral("extra.") + name;
}

QStringList map(const QStringList &header)
{
    QStringList out;
    QStringList used;
    for (int i = 0; i < header.size(); ++i) {
        const QString field = fieldFor(header[i]);
        // A second column for the same field (email2, a partner's columns…) is kept as extra.
        if (!field.isEmpty() && !used.contains(field)) {
            out.append(field);
            used.append(field);
        } else {
            out.append(extraKey(header[i], i));
        }
    }
    // A file with a full-name column and separate first/last names keeps the full name as extra.
    const qsizetype full = out.indexOf(QStringLiteral("full_name"));
    if (full >= 0 && (used.contains(QStringLiteral("first_name")) || used.contains(QStringLiteral("last_name"))))
        out[full] = extraKey(header[full], int(full));
    return out;
}

QStringList mapByContent(const QList<QStringList> &rows, int columns)
{
    QStringList out;
    bool emailFound = false;
    for (int c = 0; c < columns; ++c) {
        int emails = 0;
        int filled = 0;
        for (const QStringList &row : rows) {
            const QString v = row.value(c).trimmed();
            if (v.isEmpty())
                continue;
            ++filled;
            if (Core::EmailAddress::check(v).valid)
                ++emails;
        }
        if (!emailFound && emails > 0 && emails * 2 >= filled) {
            out.append(QStringLiteral("email"));
            emailFound = true;
        } else {
            out.append(extraKey(QString(), c));
        }
    }
    return out;
}

QList<ColumnRole> roles(const QStringList &mapping)
{
    QList<ColumnRole> out;
    for (const QString &target : mapping) {
        ColumnRole role;
        if (target.startsWith(QLatin1String("extra."))) {
            role.kind = ColumnRole::Extra;
            role.extraKey = target.mid(6);
            role.attributes = target == QLatin1String("extra.attributes");
        } else if (target == QLatin1String("full_name")) {
            role.kind = ColumnRole::FullName;
        } else if (!target.isEmpty() && Core::MemberFields::fromKey(target, &role.field)) {
            role.kind = ColumnRole::Field;
        }
        out.append(role);
    }
    return out;
}

QSet<QString> filledColumns(const QList<ColumnRole> &roles)
{
    using Core::MemberField;
    QSet<QString> out;
    for (const ColumnRole &role : roles) {
        if (role.kind == ColumnRole::FullName)
            out += {Core::MemberFields::key(MemberField::FirstName), Core::MemberFields::key(MemberField::LastName)};
        else if (role.kind == ColumnRole::Field)
            out.insert(Core::MemberFields::key(role.field));
    }
    if (out.contains(Core::MemberFields::key(MemberField::Email)))
        out.insert(QStringLiteral("email_key"));
    return out;
}

} // namespace Import::ColumnMapper
