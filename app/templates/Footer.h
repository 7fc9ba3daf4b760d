#pragma once

#include <QString>

namespace Templates {

// The footer every newsletter carries and every invitation gets: who sends (name, postal address,
// contact — CASL's identification) and how to unsubscribe (a mailto: carrying the recipient's token, and
// an HTTPS page when the association has one). In the recipient's language: French unless "en".
struct Footer
{
    QString organisation;
    QString postalAddress; // several lines allowed
    QString contactEmail;
    QString phone;
    QString website;
    QString unsubscribeMailto;   // "mailto:contact@asso.org?subject=..."
    QString unsubscribeUrl;      // "https://asso.org/desabonnement?t=...", or empty
    QString language;            // "fr" (default) or "en"
    bool consentRequest = false; // an invitation asking for consent: say how consent can be withdrawn

    QString text() const;
    QString html() const; // escaped; links only to the two unsubscribe addresses and the website
};

} // namespace Templates
