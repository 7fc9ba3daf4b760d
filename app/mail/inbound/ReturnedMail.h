#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mail::Inbound {

// What a message that came back to the association's mailbox is.
enum class ReturnKind { Bounce, Complaint, AutoReply, Unsubscribe, Other };

// Why a delivery failed, in words a volunteer understands (README, "Bounces and replies").
enum class ReturnCategory {
    AddressUnknown, // 5.1.1, "user unknown": the address does not exist
    DomainUnknown,  // 5.1.2, "host not found": the domain does not exist
    AccountClosed,  // 5.2.1, 5.1.6, "account disabled": it existed and is gone
    MailboxFull,    // 4.2.2 / 5.2.2, "over quota"
    Temporary,      // expired, network trouble, a server error: try again later
    Policy,         // 5.7.x, spam filters, block lists, DMARC/SPF/DKIM: not the member's fault
    TooLarge,       // 5.3.4, "message size exceeds"
    Complaint,      // an ARF report: the member called it spam
    AutoReply,      // out of office
    Other,          // a delivery report we could not place (or one that says "delivered")
};

struct ReturnedRecipient
{
    QString address;    // as the report names it (lower-cased domain)
    QString action;     // RFC 3464: failed, delayed, delivered, relayed, expanded ("" when not said)
    QString status;     // RFC 3463 enhanced code ("5.1.1"), "" when none
    int reply = 0;      // SMTP reply code (550), 0 when none
    QString diagnostic; // the receiving server's own words, one line
    ReturnCategory category = ReturnCategory::Other;
    bool permanent = false; // the address itself is permanently wrong: stop mailing it

    // A failure that counts (Action: failed, or a non-standard report of a failure).
    bool failed() const { return action == QLatin1String("failed"); }
};

struct ReturnedMail
{
    ReturnKind kind = ReturnKind::Other;
    QList<ReturnedRecipient> recipients;
    // The Message-IDs (without <>) that may be ours: of the returned message (its headers, an rfc822
    // part, In-Reply-To/References of a reply), in the order found.
    QStringList originalMessageIds;
    QString envelopeId;   // RFC 3461 ENVID from a delivery report (Original-Envelope-Id)
    QString feedbackType; // ARF: abuse, fraud, opt-out…
    QString unsubscribeToken;
    // Of the message itself.
    QString from; // the address only
    QString subject;
    QString messageId;
    QDateTime date;

    static ReturnedMail read(const QByteArray &raw, const QByteArray &unsubscribeSecret = {});
};

QString kindKey(ReturnKind kind);        // "bounce", "complaint", "auto_reply", "unsubscribe", "other"
QString kindText(ReturnKind kind);       // translated
QString categoryKey(ReturnCategory cat); // "address_unknown" … "other" (the CLI contract)
ReturnCategory categoryFromKey(const QString &key);
QString categoryText(ReturnCategory cat); // translated, for the window
// Which category a server's answer falls in, from its enhanced status, reply code and text.
ReturnCategory classify(const QString &status, int reply, const QString &text, bool *permanent);

} // namespace Mail::Inbound
