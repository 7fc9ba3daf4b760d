#include "CampaignComposer.h"

#include "Markdown.h"
#include "UnsubscribeToken.h"
#include "templates/Footer.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace Mail {

using Templates::MergeFields::Escape;

QString CampaignComposer::token(const Campaign &campaign, const Core::Member &member) const
{
    return UnsubscribeToken{member.id, campaign.purpose}.sign(m_context.tokenSecret);
}

Core::Result<Message> CampaignComposer::compose(const Campaign &campaign, const Core::Member &member,
                                                QList<Templates::MergeProblem> *problems) const
{
    const Consent::Organisation &org = m_context.organisation;
    if (!org.isComplete())
        return Core::Error::make(Core::Error::Code::Invalid,
                                 QCoreApplication::translate("Mail::CampaignComposer",
                                                             "Every message must say who sends it: fill in the "
                                                             "organisation's name, postal address and contact "
                                                             "email first (Consent › Organisation)."),
                                 QStringLiteral("organisation"));
    if (member.email.isEmpty())
        return Core::Error::make(
            Core::Error::Code::Invalid,
            QCoreApplication::translate("Mail::CampaignComposer", "%1 has no email address.").arg(member.displayName()),
            QStringLiteral("email"));
    const QString signedToken = token(campaign, member);

    Templates::Footer footer;
    footer.organisation = org.name;
    footer.postalAddress = org.address;
    footer.contactEmail = org.email;
    footer.phone = org.phone;
    footer.website = org.website;
    footer.language = member.language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("fr");
    footer.consentRequest = campaign.kind == Campaign::Kind::Invitation;
    // RFC 6068: the subject carries the token, so a plain reply is enough to unsubscribe.
    QUrl mailto;
    mailto.setScheme(QStringLiteral("mailto"));
    mailto.setPath(org.email);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("subject"), QStringLiteral("unsubscribe ") + signedToken);
    mailto.setQuery(query);
    footer.unsubscribeMailto = QString::fromLatin1(mailto.toEncoded());
    if (!m_context.unsubscribeUrl.isEmpty()) {
        QUrl url(m_context.unsubscribeUrl);
        QUrlQuery q(url);
        q.addQueryItem(QStringLiteral("t"), signedToken);
        url.setQuery(q);
        footer.unsubscribeUrl = QString::fromLatin1(url.toEncoded());
    }

    Message m;
    m.from = campaign.from.address.isEmpty() ? m_context.sender : campaign.from;
    if (m.from.name.isEmpty())
        m.from.name = org.name;
    m.to = {{member.displayName(), member.email}};
    m.replyTo = {org.name, org.email};
    const Campaign::Text text = campaign.textFor(member.language);
    m.subject = Templates::MergeFields::render(text.subject, member, Escape::None, problems);
    const QString &body = text.body;
    m.text = Templates::MergeFields::render(body, member, Escape::None, problems).trimmed() + QStringLiteral("\n\n") +
             footer.text() + QLatin1Char('\n');
    QString htmlBody;
    if (!campaign.html.trimmed().isEmpty() && text.body == campaign.body) {
        // Pasted HTML: fields filled, escaped; the rest as the user gave it.
        htmlBody = Templates::MergeFields::render(campaign.html, member, Escape::Html, nullptr);
    } else {
        QStringList fields;
        htmlBody = Templates::MergeFields::restore(markdownToHtml(Templates::MergeFields::protect(body, &fields)),
                                                   fields, member, Escape::Html);
    }
    m.html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"></head><body>\n%2\n%3\n"
                            "</body></html>\n")
                 .arg(footer.language, htmlBody, footer.html());
    m.attachments = campaign.attachments;
    m.listUnsubscribe = {footer.unsubscribeMailto};
    if (!footer.unsubscribeUrl.isEmpty()) {
        m.listUnsubscribe.append(footer.unsubscribeUrl);
        m.oneClick = true;
    }
    if (campaign.kind == Campaign::Kind::Newsletter) {
        const QString domain = org.email.section(QLatin1Char('@'), 1).toLower();
        QString id;
        for (QChar c : campaign.purpose.toLower())
            id += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('-');
        m.listId = QStringLiteral("%1 <%2.%3>")
                       .arg(m_context.purposeLabel.isEmpty() ? campaign.purpose : m_context.purposeLabel, id, domain);
    }
    return m;
}

} // namespace Mail
