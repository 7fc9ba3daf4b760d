#pragma once

#include <QString>

namespace Core {

// The one email-validation module used everywhere (member editor, CLI, import, mailing).
// Accepts what real mail servers accept: dot-atom local parts (ASCII or UTF-8, RFC 6531), domain
// names with a period (IDN allowed, e.g. exemple.québec). Refuses quoted local parts, IP literals,
// display names, reserved domains (.test, .local, .invalid…), control and invisible characters.
struct EmailCheck
{
    bool valid = false;
    QString normalized;         // trimmed, NFC, domain lower-cased (Unicode form)
    QString asciiDomain;        // the domain as punycode (what SMTP sends without SMTPUTF8)
    bool needsSmtpUtf8 = false; // the local part is not ASCII
    QString error;              // translated reason when !valid
    QString suggestion;         // "gmail.com" for "gmial.com": offered to the user, never applied silently
};

namespace EmailAddress {
// `suggest`: look for a likely typo in the domain (for a person reading the result; bulk checks skip it).
EmailCheck check(const QString &input, bool suggest = true);
// The case-insensitive identity of an address, for uniqueness and de-duplication.
QString key(const QString &normalizedAddress);
// Suggested address for a likely typo in a common provider's domain, or a null string.
QString suggestDomain(const QString &asciiDomain);
} // namespace EmailAddress

} // namespace Core
