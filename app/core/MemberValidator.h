#pragma once

#include "Member.h"
#include "Result.h"

#include <QList>

namespace Core {

struct MemberValidation
{
    QList<Error> errors;     // one per broken rule, each naming its field
    QString emailSuggestion; // a likely typo fix, offered to the user

    bool ok() const { return errors.isEmpty(); }
    Error first() const { return errors.value(0); }
};

// The rules a member must satisfy before it is stored, independent of the database: names
// required, email valid or explicitly absent, dates in order, language fr/en. Normalises the member
// in place (trimmed names, normalised email, empty strings made absent).
namespace MemberValidator {
// `suggestTypos`: also look for a likely typo in the email's domain (the editor and the CLI do; a bulk
// import does not).
MemberValidation normalizeAndValidate(Member &member, bool suggestTypos = true);
} // namespace MemberValidator

} // namespace Core
