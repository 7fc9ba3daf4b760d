#include "Footer.h"

#include <QStringList>

namespace Templates {

namespace {

// Written out per language rather than through the application's translator: the footer follows the
// recipient's language, not the volunteer's.
struct Words
{
    const char *sentBy;
    const char *contact;
    const char *unsubscribe;
    const char *byEmail;
    const char *online;
    const char *withdraw;
};

const Words &words(const QString &language)
{
    static const Words fr{"Message envoyé par",
                          "Contact :",
                          "Pour ne plus recevoir ces messages :",
                          "répondez avec ce lien",
                          "ou en ligne",
                          "Vous pourrez retirer votre consentement à tout moment, par le lien de désabonnement de "
                          "chaque message ou en nous écrivant."};
    static const Words en{"Sent by",
                          "Contact:",
                          "To stop receiving these messages:",
                          "reply through this link",
                          "or online",
                          "You can withdraw your consent at any time, through the unsubscribe link in every "
                          "message or by writing to us."};
    return language == QLatin1String("en") ? en : fr;
}

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

} // namespace

QString Footer::text() const
{
    const Words &w = words(language);
    QStringList lines{QStringLiteral("-- ")};
    lines.append(u(w.sentBy) + QLatin1Char(' ') + organisation);
    lines.append(postalAddress.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
    QStringList contact{contactEmail};
    if (!phone.isEmpty())
        contact.append(phone);
    if (!website.isEmpty())
        contact.append(website);
    lines.append(u(w.contact) + QLatin1Char(' ') + contact.join(QStringLiteral(" · ")));
    if (consentRequest)
        lines.append(u(w.withdraw));
    QString unsubscribe = u(w.unsubscribe) + QLatin1Char(' ') + unsubscribeMailto;
    if (!unsubscribeUrl.isEmpty())
        unsubscribe += QLatin1Char(' ') + u(w.online) + QLatin1Char(' ') + unsubscribeUrl;
    lines.append(unsubscribe);
    return lines.join(QLatin1Char('\n'));
}

QString Footer::html() const
{
    const Words &w = words(language);
    auto link = [](const QString &href, const QString &label) {
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(href.toHtmlEscaped(), label.toHtmlEscaped());
    };
    QStringList address;
    for (const QString &line : postalAddress.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        address.append(line.toHtmlEscaped());
    QStringList contact{link(QStringLiteral("mailto:") + contactEmail, contactEmail)};
    if (!phone.isEmpty())
        contact.append(phone.toHtmlEscaped());
    if (!website.isEmpty() &&
        (website.startsWith(QLatin1String("https://")) || website.startsWith(QLatin1String("http://"))))
        contact.append(link(website, website));
    else if (!website.isEmpty())
        contact.append(website.toHtmlEscaped());
    QString out =
        QStringLiteral("<hr><p style=\"font-size:small;color:#555\">%1 %2<br>%3<br>%4 %5")
            .arg(u(w.sentBy).toHtmlEscaped(), organisation.toHtmlEscaped(), address.join(QStringLiteral("<br>")),
                 u(w.contact).toHtmlEscaped(), contact.join(QStringLiteral(" · ")));
    if (consentRequest)
        out += QStringLiteral("<br>") + u(w.withdraw).toHtmlEscaped();
    out += QStringLiteral("<br>%1 %2").arg(u(w.unsubscribe).toHtmlEscaped(), link(unsubscribeMailto, u(w.byEmail)));
    if (!unsubscribeUrl.isEmpty())
        out += QLatin1Char(' ') + u(w.online).toHtmlEscaped() + QLatin1Char(' ') + link(unsubscribeUrl, unsubscribeUrl);
    return out + QStringLiteral("</p>");
}

} // namespace Templates
