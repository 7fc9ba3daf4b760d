#include "Member.h"

#include <QJsonValue>

namespace Core {

namespace {
QVariant textOrNull(const QString &s)
{
    return s.isNull() ? QVariant() : QVariant(s);
}
} // namespace

QVariant Member::value(MemberField field) const
{
    switch (field) {
    case MemberField::Id: return id ? QVariant(id) : QVariant();
    case MemberField::MemberNumber: return textOrNull(memberNumber);
    case MemberField::FirstName: return textOrNull(firstName);
    case MemberField::LastName: return textOrNull(lastName);
    case MemberField::Email: return textOrNull(email);
    case MemberField::Phone: return textOrNull(phone);
    case MemberField::Mobile: return textOrNull(mobile);
    case MemberField::Address: return textOrNull(address);
    case MemberField::PostalCode: return textOrNull(postalCode);
    case MemberField::City: return textOrNull(city);
    case MemberField::Country: return textOrNull(country);
    case MemberField::Section: return textOrNull(section);
    case MemberField::Category: return textOrNull(category);
    case MemberField::MembershipStart: return membershipStart.isValid() ? QVariant(membershipStart) : QVariant();
    case MemberField::MembershipEnd: return membershipEnd.isValid() ? QVariant(membershipEnd) : QVariant();
    case MemberField::Language: return textOrNull(language);
    case MemberField::Notes: return textOrNull(notes);
    case MemberField::HouseholdId: return householdId ? QVariant(householdId) : QVariant();
    case MemberField::Extra: return extra;
    case MemberField::CreatedAt: return createdAt;
    case MemberField::UpdatedAt: return updatedAt;
    }
    return {};
}

const QString *Member::text(MemberField field) const
{
    switch (field) {
    case MemberField::MemberNumber: return &memberNumber;
    case MemberField::FirstName: return &firstName;
    case MemberField::LastName: return &lastName;
    case MemberField::Email: return &email;
    case MemberField::Phone: return &phone;
    case MemberField::Mobile: return &mobile;
    case MemberField::Address: return &address;
    case MemberField::PostalCode: return &postalCode;
    case MemberField::City: return &city;
    case MemberField::Country: return &country;
    case MemberField::Section: return &section;
    case MemberField::Category: return &category;
    case MemberField::Language: return &language;
    case MemberField::Notes: return &notes;
    case MemberField::Id:
    case MemberField::MembershipStart:
    case MemberField::MembershipEnd:
    case MemberField::HouseholdId:
    case MemberField::Extra:
    case MemberField::CreatedAt:
    case MemberField::UpdatedAt: break;
    }
    return nullptr;
}

void Member::setValue(MemberField field, const QVariant &v)
{
    const QString s = v.isNull() ? QString() : v.toString();
    switch (field) {
    case MemberField::Id: id = v.toLongLong(); break;
    case MemberField::MemberNumber: memberNumber = s; break;
    case MemberField::FirstName: firstName = s; break;
    case MemberField::LastName: lastName = s; break;
    case MemberField::Email: email = s; break;
    case MemberField::Phone: phone = s; break;
    case MemberField::Mobile: mobile = s; break;
    case MemberField::Address: address = s; break;
    case MemberField::PostalCode: postalCode = s; break;
    case MemberField::City: city = s; break;
    case MemberField::Country: country = s; break;
    case MemberField::Section: section = s; break;
    case MemberField::Category: category = s; break;
    case MemberField::MembershipStart:
        membershipStart = v.isNull() ? QDate() : QDate::fromString(s, Qt::ISODate);
        break;
    case MemberField::MembershipEnd: membershipEnd = v.isNull() ? QDate() : QDate::fromString(s, Qt::ISODate); break;
    case MemberField::Language: language = s; break;
    case MemberField::Notes: notes = s; break;
    case MemberField::HouseholdId: householdId = v.toLongLong(); break;
    case MemberField::Extra: extra = v.toJsonObject(); break;
    case MemberField::CreatedAt: createdAt = v.toDateTime(); break;
    case MemberField::UpdatedAt: updatedAt = v.toDateTime(); break;
    }
}

QString Member::displayName() const
{
    return QStringLiteral("%1 %2").arg(firstName, lastName).trimmed();
}

QJsonObject Member::toJson() const
{
    QJsonObject o;
    for (MemberField f : MemberFields::all()) {
        const QVariant v = value(f);
        QJsonValue j;
        if (!v.isNull()) {
            switch (MemberFields::type(f)) {
            case FieldType::Integer: j = v.toLongLong(); break;
            case FieldType::Text: j = v.toString(); break;
            case FieldType::Date: j = v.toDate().toString(Qt::ISODate); break;
            case FieldType::DateTime:
                j = v.toDateTime().isValid() ? QJsonValue(v.toDateTime().toUTC().toString(Qt::ISODate)) : QJsonValue();
                break;
            case FieldType::Json: j = extra; break;
            }
        }
        o.insert(MemberFields::key(f), j);
    }
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("updated_by"), updatedBy.isNull() ? QJsonValue() : QJsonValue(updatedBy));
    return o;
}

} // namespace Core
