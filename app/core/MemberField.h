#pragma once

#include <QList>
#include <QString>

namespace Core {

// Every member field, in table order. The key is the JSON key of the CLI contract and the SQL column
// name: the only place where column names come from (never from user text).
enum class MemberField {
    Id,
    MemberNumber,
    FirstName,
    LastName,
    Email,
    Phone,
    Mobile,
    Address,
    PostalCode,
    City,
    Country,
    Section,
    Category,
    MembershipStart,
    MembershipEnd,
    Language,
    Notes,
    HouseholdId,
    Extra,
    CreatedAt,
    UpdatedAt,
};

enum class FieldType { Integer, Text, Date, DateTime, Json };

namespace MemberFields {
const QList<MemberField> &all();
QString key(MemberField field);   // "first_name"
QString label(MemberField field); // translated: "First name" / "Prénom"
FieldType type(MemberField field);
bool fromKey(const QString &key, MemberField *field);
bool isFoldedText(MemberField field); // sorted and searched without case or accents
} // namespace MemberFields

} // namespace Core
