#pragma once

#include "Campaign.h"
#include "MimeMessage.h"
#include "consent/Organisation.h"
#include "core/Member.h"
#include "templates/MergeFields.h"

namespace Mail {

// One campaign message for one member, as it will arrive: merge fields filled (HTML-escaped in the HTML
// part), the Markdown rendered to HTML with a plain-text alternative, the footer that identifies the
// association and says how to unsubscribe (in the member's language), a per-recipient token in the
// mailto: link and in the HTTPS link when the association has an unsubscribe page, and the headers that go
// with it: List-Unsubscribe (+ List-Unsubscribe-Post with HTTPS, RFC 8058), List-Id on newsletters,
// Reply-To the association's contact.
class CampaignComposer
{
public:
    struct Context
    {
        Consent::Organisation organisation;
        Mailbox sender;         // the sending account's From
        QByteArray tokenSecret; // UnsubscribeToken::secret()
        QString unsubscribeUrl; // "https://asso.org/desabonnement" (the token is appended), or empty
        QString purposeLabel;   // for List-Id
    };

    explicit CampaignComposer(Context context) : m_context(std::move(context)) {}

    // The message, and the merge fields that could not be filled for this member (unknown or empty).
    Core::Result<Message> compose(const Campaign &campaign, const Core::Member &member,
                                  QList<Templates::MergeProblem> *problems = nullptr) const;
    QString token(const Campaign &campaign, const Core::Member &member) const;

private:
    Context m_context;
};

} // namespace Mail
