#include "MemberValidator.h"

#include "EmailAddress.h"
#include "TextFold.h"

#include <QCoreApplication>

namespace Core::MemberValidator {

namespace {
QString tidy(const QString &s)
{
    const QString t = TextFold::simplified(s);
    return t.isEmpty() ? QString() : t;
}

QString tidyMultiline(const QString &s)
{
    const QString t = s.trimmed();
    return t.isEmpty() ? QString() : t;
}
} // namespace

MemberValidation normalizeAndValidate(Member &m, bool suggestTypos)
{
    MemberValidation v;
    auto addError = [&v](MemberField field, const QString &message) {
        v.errors.append(Error::make(Error::Code::Invalid, message, MemberFields::key(field)));
    };

    m.memberNumber = tidy(m.memberNumber);
    m.firstName = tidy(m.firstName);
    m.lastName = tidy(m.lastName);
    m.phone = tidy(m.phone);
    m.mobile = tidy(m.mobile);
    m.address = tidyMultiline(m.address);
    m.postalCode = tidy(m.postalCode);
    m.city = tidy(m.city);
    m.country = tidy(m.country);
    m.section = tidy(m.section);
    m.category = tidy(m.category);
    m.notes = tidyMultiline(m.notes);
    m.language = tidy(m.language).toLower();

    if (m.firstName.isEmpty())
        addError(MemberField::FirstName,
                 QCoreApplication::translate("Core::MemberValidator", "The first name is required."));
    if (m.lastName.isEmpty())
        addError(MemberField::LastName,
                 QCoreApplication::translate("Core::MemberValidator", "The last name is required."));

    const QString email = TextFold::simplified(m.email);
    if (m.noEmail) {
        if (!email.isEmpty())
            addError(MemberField::Email,
                     QCoreApplication::translate("Core::MemberValidator",
                                                 "\"No email address\" is ticked but an address was given."));
        m.email = QString();
    } else if (email.isEmpty()) {
        addError(MemberField::Email,
                 QCoreApplication::translate(
                     "Core::MemberValidator",
                     "The email address is required (tick \"No email address\" if the member has none)."));
    } else {
        const EmailCheck check = EmailAddress::check(m.email, suggestTypos);
        if (check.valid) {
            m.email = check.normalized;
            v.emailSuggestion = check.suggestion;
        } else {
            addError(MemberField::Email, check.error);
        }
    }

    if (!m.language.isEmpty() && m.language != QLatin1String("fr") && m.language != QLatin1String("en"))
        addError(MemberField::Language,
                 QCoreApplication::translate("Core::MemberValidator", "The language must be fr or en."));
    if (m.membershipStart.isValid() && m.membershipEnd.isValid() && m.membershipEnd < m.membershipStart)
        addError(MemberField::MembershipEnd,
                 QCoreApplication::translate("Core::MemberValidator", "The membership cannot end before it starts."));
    return v;
}

} // namespace Core::MemberValidator
