#include "MemberField.h"

#include <QCoreApplication>

namespace Core {

namespace {
struct FieldInfo
{
    MemberField field;
    const char *key;
    const char *label;
    FieldType type;
};

// clang-format off
const FieldInfo kFields[] = {
    {MemberField::Id,              "id",               QT_TRANSLATE_NOOP("Core::MemberField", "ID"),               FieldType::Integer},
    {MemberField::MemberNumber,    "member_number",    QT_TRANSLATE_NOOP("Core::MemberField", "Member number"),    FieldType::Text},
    {MemberField::FirstName,       "first_name",       QT_TRANSLATE_NOOP("Core::MemberField", "First name"),       FieldType::Text},
    {MemberField::LastName,        "last_name",        QT_TRANSLATE_NOOP("Core::MemberField", "Last name"),        FieldType::Text},
    {MemberField::Email,           "email",            QT_TRANSLATE_NOOP("Core::MemberField", "Email"),            FieldType::Text},
    {MemberField::Phone,           "phone",            QT_TRANSLATE_NOOP("Core::MemberField", "Phone"),            FieldType::Text},
    {MemberField::Mobile,          "mobile",           QT_TRANSLATE_NOOP("Core::MemberField", "Mobile"),           FieldType::Text},
    {MemberField::Address,         "address",          QT_TRANSLATE_NOOP("Core::MemberField", "Address"),          FieldType::Text},
    {MemberField::PostalCode,      "postal_code",      QT_TRANSLATE_NOOP("Core::MemberField", "Postal code"),      FieldType::Text},
    {MemberField::City,            "city",             QT_TRANSLATE_NOOP("Core::MemberField", "City"),             FieldType::Text},
    {MemberField::Country,         "country",          QT_TRANSLATE_NOOP("Core::MemberField", "Country"),          FieldType::Text},
    {MemberField::Section,         "section",          QT_TRANSLATE_NOOP("Core::MemberField", "Section"),          FieldType::Text},
    {MemberField::Category,        "category",         QT_TRANSLATE_NOOP("Core::MemberField", "Category"),         FieldType::Text},
    {MemberField::MembershipStart, "membership_start", QT_TRANSLATE_NOOP("Core::MemberField", "Member since"),     FieldType::Date},
    {MemberField::MembershipEnd,   "membership_end",   QT_TRANSLATE_NOOP("Core::MemberField", "Membership ends"),  FieldType::Date},
    {MemberField::Language,        "language",         QT_TRANSLATE_NOOP("Core::MemberField", "Language"),         FieldType::Text},
    {MemberField::Notes,           "notes",            QT_TRANSLATE_NOOP("Core::MemberField", "Notes"),            FieldType::Text},
    {MemberField::HouseholdId,     "household_id",     QT_TRANSLATE_NOOP("Core::MemberField", "Household"),        FieldType::Integer},
    {MemberField::Extra,           "extra",            QT_TRANSLATE_NOOP("Core::MemberField", "Other information"), FieldType::Json},
    {MemberField::CreatedAt,       "created_at",       QT_TRANSLATE_NOOP("Core::MemberField", "Created"),          FieldType::DateTime},
    {MemberField::UpdatedAt,       "updated_at",       QT_TRANSLATE_NOOP("Core::MemberField", "Updated"),          FieldType::DateTime},
};
// clang-format on

const FieldInfo &info(MemberField field)
{
    return kFields[static_cast<int>(field)];
}
} // namespace

namespace MemberFields {

const QList<MemberField> &all()
{
    static const QList<MemberField> fields = [] {
        QList<MemberField> list;
        for (const auto &f : kFields)
            list.append(f.field);
        return list;
    }();
    return fields;
}

QString key(MemberField field)
{
    return QString::fromLatin1(info(field).key);
}

QString label(MemberField field)
{
    return QCoreApplication::translate("Core::MemberField", info(field).label);
}

FieldType type(MemberField field)
{
    return info(field).type;
}

bool fromKey(const QString &key, MemberField *field)
{
    for (const auto &f : kFields) {
        if (key == QLatin1String(f.key)) {
            *field = f.field;
            return true;
        }
    }
    return false;
}

bool isFoldedText(MemberField field)
{
    switch (field) {
    case MemberField::FirstName:
    case MemberField::LastName:
    case MemberField::Email:
    case MemberField::MemberNumber:
    case MemberField::City: return true;
    default: return false;
    }
}

} // namespace MemberFields
} // namespace Core
