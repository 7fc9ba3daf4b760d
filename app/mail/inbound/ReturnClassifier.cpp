#include "mail/inbound/ReturnClassifier.h"

#include <QCoreApplication>

namespace Mail::Inbound {

namespace detail {

namespace {

using RE = QRegularExpression;
constexpr auto kCase = QRegularExpression::CaseInsensitiveOption;

struct Rule
{
    ReturnCategory category;
    RE re;
    bool overridesPolicyCode = false; // words precise enough to win over a 4.7.x / 5.7.x code
};

const QList<Rule> &textRules()
{
    static const QList<Rule> rules = [] {
        QList<Rule> r;
        auto add = [&r](ReturnCategory c, const char *pattern) {
            r.append({c, RE(QString::fromUtf8(pattern), kCase), c != ReturnCategory::Temporary});
        };
        // Most specific first: the words that name one cause, then the broad ones.
        add(ReturnCategory::TooLarge,
            R"(message (?:is )?too (?:large|big)|message size exceeds|exceeds? (?:the )?(?:maximum|max)?\s*(?:message )?size|)"
            R"(size (?:limit|exceeded)|mail size limit|message length exceeds|too large for|message file too big|)"
            R"(maximum (?:allowed )?message size|taille (?:du message|maximale))");
        add(ReturnCategory::MailboxFull,
            R"(mailbox (?:is )?full|mail ?box full|over ?quota|quota (?:exceeded|full|limit)|exceeded (?:the |its |his |her )?)"
            R"((?:storage )?(?:quota|allocation)|insufficient (?:system )?storage|disk quota|user is over|mailbox size limit|)"
            R"(mailbox (?:has )?exceeded|too many messages in (?:the|this) mailbox|mailfolder is full|boîte (?:aux lettres )?pleine|)"
            R"(boite (?:aux lettres )?pleine|full mailbox|storage (?:space )?(?:is )?full|not enough (?:disk )?space|)"
            R"(account is full|inbox is full|mailbox.{0,20}\bfull\b)");
        // The member's account locked for a while ("please try again later" follows): whatever the code.
        add(ReturnCategory::Temporary, R"((?:user|account|mailbox)\b.{0,60}\btemporar(?:y|ily) (?:locked|blocked))");
        r.last().overridesPolicyCode = true;
        // Slow down and try later: the receiving server's limits, never the address's fault.
        add(ReturnCategory::Temporary,
            R"(rate (?:limit|that prevents)|frequency limit|too many (?:recipients|connections|messages|mails|concurrent)|)"
            R"(throttl|try (?:again )?later|essayer plus tard|greylist|temporarily (?:deferred|rejected|unavailable)|)"
            R"(resources temporarily|connection (?:rate|limit)|exceeded (?:the )?(?:connection|rate)|mailer error|on hold|)"
            R"(internal (?:system |server )?error|system error|message expired|connection (?:refused|timed out|reset)|)"
            R"(lost connection|hop count|timed out|not accepting connections)");
        // Exchange Online (directory-based edge blocking) and many relays answer an address they do
        // not have with "Recipient address rejected: Access denied", whatever code they give.
        add(ReturnCategory::AddressUnknown, R"(recipient address rejected: access denied)");
        add(ReturnCategory::AddressUnknown,
            R"(user unknown|unknown (?:user|recipient|address|local[- ]part|mailbox|account)|no such (?:user|recipient|)"
            R"(mailbox|address|person|account|local user)|(?:user|recipient|mailbox|address|account)(?: name)? (?:does not|)"
            R"(doesn'?t) exist|recipient unknown|addressee unknown|user not found|mailbox not found|recipient not found|)"
            R"(invalid (?:recipient|mailbox|user)|not a valid (?:user|mailbox|recipient)|bad destination mailbox|)"
            R"(unknown or illegal (?:alias|user)|mailbox unavailable|no mailbox here|adresse (?:inconnue|inexistante)|)"
            R"(destinataire inconnu|utilisateur inconnu|this user doesn'?t have|not our customer|)"
            R"(the email account that you tried to reach does not exist|no such user|unknown recipient|)"
            R"(recipient address rejected: (?:user unknown|undeliverable address|unknown)|)"
            R"(not listed in (?:the )?(?:domino directory|public name|[^.\n]{0,40}address book)|)"
            R"(recipient name is not recognized|(?:account|address) (?:or domain )?may not exist|)"
            R"(invalid recipient|adresse destinataire invalide|doesn'?t have an? [^ ]+ account|)"
            R"(invalid final delivery userid|no valid recipients|user not listed|invalid user address)");
        add(ReturnCategory::Temporary,
            R"(account (?:has been |is |was )?(?:temporarily )?(?:disabled|suspended|inactive|blocked|locked|frozen)|)"
            R"((?:mailbox|account|address|user|recipient)(?: account)? (?:is )?(?:disabled|inactive|suspended|blocked|frozen)|)"
            R"(tried to reach is (?:disabled|inactive)|disabled recipient|compte (?:du destinataire )?(?:est )?(?:bloqu|suspendu|désactivé|desactive|inactif)|)"
            R"(temporarily disabled|account blocked|recipient account is blocked)");
        r.last().overridesPolicyCode = true; // a suspended account, whatever the code
        add(ReturnCategory::AccountClosed,
            R"(account (?:has been |is |was )?(?:closed|deactivated|expired|deleted|terminated|removed|cancel+ed)|)"
            R"((?:mailbox|account|address|user)(?: has)? (?:is )?no longer (?:active|valid|available|in use|exists?)|)"
            R"((?:is )?no longer (?:active|valid|available|in use|with us|exists?)|has (?:been )?(?:moved|closed|terminated)|)"
            R"(compte (?:supprimé|fermé|clos)|address (?:has )?changed|has moved)");
        add(ReturnCategory::DomainUnknown,
            R"(host (?:or domain name )?(?:not found|unknown)|unknown host|domain (?:not found|does not exist|unknown|name not found)|)"
            R"(no such domain|name or service not known|unrouteable (?:mail )?domain|no mx|nxdomain|domain (?:is )?(?:invalid|)"
            R"(not exist)|host not reachable|domain is not reachable|unknown domain|domaine (?:inconnu|inexistant)|)"
            R"(illegal host|bad domain|invalid domain|host name lookup failure|authoritative answer from name server|)"
            R"(no (?:valid )?(?:mx|mail exchanger)|indicated no smtp service|null mx)");
        add(ReturnCategory::Policy,
            R"(spam|junk|blacklist|black list|blocklist|block list|blocked|\bdnsbl|\brbl\b|spamhaus|spamcop|barracuda|)"
            R"(abuseat|sorbs|reputation|dmarc|\bspf\b|dkim|\bptr\b|reverse dns|rdns|reverse lookup|not authori[sz]ed|)"
            R"(relay(?:ing)? (?:access )?(?:denied|not permitted|prohibited)|not permitted to relay|unable to relay|)"
            R"(insecure mail relay|we do not relay|virus|malware|infected|content (?:filter|rejected|policy)|policy|)"
            R"(prohibited|refused|denied|not allowed|security polic|security reasons|authentication (?:failed|required)|unauthenticated|)"
            R"(sender (?:address )?(?:rejected|refused|denied|verify failed)|sender domain|domain of sender|sender reject|)"
            R"(your (?:ip|server|domain|address|email)|rejected by (?:the )?recipient|message (?:was |has been )?)"
            R"((?:rejected|filtered)|filtered|suspicious|not accepted|mail receiving disabled|listed|tls required|)"
            R"(encryption required|helo|hostname|not compliant|rfc ?5322|rfc ?2822|message rejected|rejected|)"
            R"(permission to post|mismatches client ip|invalid ip|header error|protocol violation|mail rejete|)"
            R"(access denied|client host|sending ips?\b|unverifi?[ay]ble)");
        add(ReturnCategory::AddressUnknown,
            R"(does not exist|doesn'?t exist|not exist|address rejected|recipient (?:address )?rejected|invalid address|)"
            R"(undeliverable address|is not a valid|not found|not listed|n'existe pas|unbekannt|nicht bekannt|)"
            R"(unable to find|cannot be found|no account|unknown account|mailbox name (?:invalid|not allowed))");
        add(ReturnCategory::Temporary,
            R"(expired|timed? ?out|time limit|retry time|could not be delivered (?:within|for)|delivery time|)"
            R"(connection (?:refused|reset|closed|timed out|lost|failure)|lost connection|network|temporar|later|)"
            R"(deferred|delay|service (?:not available|unavailable)|system (?:error|failure|not available)|)"
            R"(internal (?:server )?error|resources|out of memory|loop|too many hops|hop count|local error|)"
            R"(unable to connect|could not connect|host is down|server busy|i/o error|malformed|syntax error|)"
            R"(command (?:not recognized|unrecognized)|protocol error|unexpected|mailer error|on hold)");
        return r;
    }();
    return rules;
}

// Words that put the refusal on the sending side whatever the code says (a block list, a group's
// posting permission, an SPF failure).
const RE &policyFirstRe()
{
    static const RE re(
        QStringLiteral(
            R"(permission to post|groups\.google\.com|google groups|spf record|not allowed to send from|)"
            R"(blacklisted|blocklisted|spamhaus|\bdnsbl|\brbl\b|(?:refused|rejected) due to|)"
            R"(poor reputation|bad reputation|dmarc policy|rejected as spam|spam message|unroutable sender|sender (?:address )?rejected)"),
        kCase);
    return re;
}

// The SMTP command the refusal answered, when the report says.
enum class Phase { Unknown, Rcpt, Data, MailFrom, Connect };

Phase smtpPhase(const QString &text)
{
    static const RE data(QStringLiteral(R"((?:in reply to|after) (?:end of )?data\b|>>> data\s*\n\s*<<< [45]|)"
                                        R"(after end of data|data command|end of data|smtp command:?\s*\n?\s*data\b)"),
                         kCase);
    // qmail says "does not like recipient", Yahoo's relay "[RCPT_TO]".
    static const RE rcpt(
        QStringLiteral(R"((?:in reply to|after|our) rcpt(?: to|\b)|>>> rcpt to|smtp command:?\s*\n?\s*rcpt\b|)"
                       R"(does not like recipient|\[rcpt_to\])"),
        kCase);
    static const RE mail(QStringLiteral(R"((?:in reply to|after) mail from|mail from command)"), kCase);
    if (rcpt.match(text).hasMatch() || text.contains(QLatin1String("Need RCPT"), Qt::CaseInsensitive))
        return Phase::Rcpt;
    if (data.match(text).hasMatch())
        return Phase::Data;
    if (mail.match(text).hasMatch())
        return Phase::MailFrom;
    static const RE connect(QStringLiteral(R"(after (?:the )?initial connection|in reply to (?:the )?greeting|)"
                                           R"(while connecting|during (?:the )?(?:smtp )?greeting)"),
                            kCase);
    if (connect.match(text).hasMatch())
        return Phase::Connect;
    return Phase::Unknown;
}

ReturnCategory fromStatus(const QString &status, bool *strong)
{
    *strong = true;
    // The codes that say it all (RFC 3463).
    if (status == QLatin1String("5.1.1") || status == QLatin1String("5.1.0") || status == QLatin1String("5.1.3"))
        return ReturnCategory::AddressUnknown;
    if (status == QLatin1String("5.1.10"))
        return ReturnCategory::AddressUnknown; // null MX: RFC 7505, the address cannot exist
    if (status == QLatin1String("5.1.2"))
        return ReturnCategory::DomainUnknown;
    if (status == QLatin1String("5.1.6"))
        return ReturnCategory::AccountClosed;
    if (status == QLatin1String("4.2.2") || status == QLatin1String("5.2.2"))
        return ReturnCategory::MailboxFull;
    if (status == QLatin1String("5.3.4") || status == QLatin1String("5.2.3") || status == QLatin1String("4.3.4"))
        return ReturnCategory::TooLarge;
    // 5.7.x security or policy; 5.6.x the message's content or format refused (RFC 3463 "media
    // errors") — ours, not the member's.
    if (status.startsWith(QLatin1String("5.7.")) || status.startsWith(QLatin1String("4.7.")) ||
        status.startsWith(QLatin1String("5.6.")))
        return ReturnCategory::Policy;
    if (status == QLatin1String("4.4.7") || status == QLatin1String("5.4.7"))
        return ReturnCategory::Temporary;
    *strong = false;
    // 5.2.1 "mailbox disabled": closed for good, unless the words say suspended for a while.
    if (status == QLatin1String("5.2.1"))
        return ReturnCategory::AccountClosed;
    if (status.startsWith(QLatin1Char('4')))
        return ReturnCategory::Temporary;
    if (status.startsWith(QLatin1String("5.1.")))
        return ReturnCategory::AddressUnknown;
    if (status == QLatin1String("5.4.4"))
        return ReturnCategory::DomainUnknown;
    if (status.startsWith(QLatin1String("5.4.")) || status.startsWith(QLatin1String("5.3.")))
        return ReturnCategory::Temporary;
    return ReturnCategory::Other;
}

} // namespace

bool isPermanentCategory(ReturnCategory c)
{
    return c == ReturnCategory::AddressUnknown || c == ReturnCategory::DomainUnknown ||
           c == ReturnCategory::AccountClosed;
}

// ---- reports -------------------------------------------------------------------------------

const RE &statusRe()
{
    static const RE re(QStringLiteral(R"((?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d))"));
    return re;
}

const RE &replyRe()
{
    static const RE re(QStringLiteral(R"((?<![\w.#-])(?<!\S:)([245][0-5]\d)(?=[ -][^\d]|[ -]?$|-\d\.|\s|,\D))"));
    return re;
}

bool isVagueStatus(const QString &s)
{
    return s.isEmpty() || s == QLatin1String("5.0.0") || s == QLatin1String("4.0.0") || s == QLatin1String("5.5.0");
}

QString findStatus(const QString &text)
{
    auto it = statusRe().globalMatch(text);
    QString weak;
    while (it.hasNext()) {
        const auto m = it.next();
        const QString s = m.captured(0);
        if (isVagueStatus(s)) {
            if (weak.isEmpty())
                weak = s;
            continue;
        }
        return s;
    }
    return weak;
}

int findReply(const QString &text)
{
    auto it = replyRe().globalMatch(text);
    while (it.hasNext()) {
        const int code = it.next().captured(1).toInt();
        if (code >= 421)
            return code;
    }
    return 0;
}

QString statusFromField(const QByteArray &value)
{
    const auto m = statusRe().match(QString::fromLatin1(value));
    return m.hasMatch() ? m.captured(0) : QString();
}

ReturnCategory classifyIn(const QString &status, int reply, const QStringList &texts, bool *permanent, bool badMailbox)
{
    bool strong = false;
    const ReturnCategory byStatus = status.isEmpty() ? ReturnCategory::Other : fromStatus(status, &strong);
    ReturnCategory category = ReturnCategory::Other;
    bool precise = false;
    bool policyFirst = false;
    for (const QString &text : texts)
        policyFirst = policyFirst || policyFirstRe().match(text).hasMatch();
    if (policyFirst) {
        category = ReturnCategory::Policy;
    } else if (strong && byStatus != ReturnCategory::Policy) {
        category = byStatus;
    } else {
        // The server's own words first, then the report around them.
        for (const QString &text : texts) {
            for (const Rule &rule : textRules()) {
                if (rule.re.match(text).hasMatch()) {
                    category = rule.category;
                    precise = rule.overridesPolicyCode;
                    break;
                }
            }
            if (category != ReturnCategory::Other)
                break;
        }
        if (strong && byStatus == ReturnCategory::Policy) {
            // 5.7.x is used for "user unknown" too; the words decide between those two only.
            if (!precise)
                category = ReturnCategory::Policy;
        }
        if (category == ReturnCategory::Other)
            category = byStatus;
        if (category == ReturnCategory::Other && reply >= 400 && reply < 500)
            category = ReturnCategory::Temporary;
    }
    // "User unknown" answered to the message's content (after DATA), not to the address (RCPT TO), is
    // a content filter speaking: the address was accepted. And a refusal of our MAIL FROM is about us.
    const Phase phase = smtpPhase(texts.join(QLatin1Char('\n')));
    static const RE explicitRecipient(
        QStringLiteral("invalid recipient|destinataire invalide|doesn.t have an? [^ ]+ account"), kCase);
    if (phase == Phase::Data && category == ReturnCategory::AddressUnknown && !strong &&
        !explicitRecipient.match(texts.join(QLatin1Char('\n'))).hasMatch())
        category = ReturnCategory::Policy;
    if (phase == Phase::MailFrom && isPermanentCategory(category))
        category = ReturnCategory::Policy;
    // 5.2.1 says the mailbox exists and does not accept this message (RFC 3463, "mailbox disabled"): the words
    // "user unknown" beside it are the address's fault only when the server said them to the address itself
    // (RCPT TO) or the sending server classed the mailbox as bad; otherwise a filter on the member's side
    // refused the message (Japanese carriers answer so), which is not a reason to stop mailing them.
    if (status == QLatin1String("5.2.1") && category == ReturnCategory::AddressUnknown && phase != Phase::Rcpt &&
        !badMailbox)
        category = ReturnCategory::Policy;
    // Refused before any address was given (the server's greeting): the sending server is the one refused.
    if (phase == Phase::Connect && (isPermanentCategory(category) || category == ReturnCategory::Other) &&
        !status.startsWith(QLatin1Char('4')) && !(reply >= 400 && reply < 500))
        category = ReturnCategory::Policy;
    // A temporary answer (4.x.x, 4xx) never makes an address permanently wrong.
    const bool temporaryCode = status.startsWith(QLatin1Char('4')) || (status.isEmpty() && reply >= 400 && reply < 500);
    if (temporaryCode && isPermanentCategory(category))
        category = ReturnCategory::Temporary;
    *permanent = isPermanentCategory(category);
    return category;
}

} // namespace detail

ReturnCategory classify(const QString &status, int reply, const QString &text, bool *permanent)
{
    return detail::classifyIn(status, reply, {text}, permanent);
}

QString kindKey(ReturnKind kind)
{
    switch (kind) {
    case ReturnKind::Bounce: return QStringLiteral("bounce");
    case ReturnKind::Complaint: return QStringLiteral("complaint");
    case ReturnKind::AutoReply: return QStringLiteral("auto_reply");
    case ReturnKind::Unsubscribe: return QStringLiteral("unsubscribe");
    case ReturnKind::Other: break;
    }
    return QStringLiteral("other");
}

QString categoryKey(ReturnCategory cat)
{
    switch (cat) {
    case ReturnCategory::AddressUnknown: return QStringLiteral("address_unknown");
    case ReturnCategory::DomainUnknown: return QStringLiteral("domain_unknown");
    case ReturnCategory::AccountClosed: return QStringLiteral("account_closed");
    case ReturnCategory::MailboxFull: return QStringLiteral("mailbox_full");
    case ReturnCategory::Temporary: return QStringLiteral("temporary");
    case ReturnCategory::Policy: return QStringLiteral("policy");
    case ReturnCategory::TooLarge: return QStringLiteral("too_large");
    case ReturnCategory::Complaint: return QStringLiteral("complaint");
    case ReturnCategory::AutoReply: return QStringLiteral("auto_reply");
    case ReturnCategory::Other: break;
    }
    return QStringLiteral("other");
}

ReturnCategory categoryFromKey(const QString &key)
{
    for (ReturnCategory c :
         {ReturnCategory::AddressUnknown, ReturnCategory::DomainUnknown, ReturnCategory::AccountClosed,
          ReturnCategory::MailboxFull, ReturnCategory::Temporary, ReturnCategory::Policy, ReturnCategory::TooLarge,
          ReturnCategory::Complaint, ReturnCategory::AutoReply})
        if (categoryKey(c) == key)
            return c;
    return ReturnCategory::Other;
}

QString kindText(ReturnKind kind)
{
    switch (kind) {
    case ReturnKind::Bounce: return QCoreApplication::translate("Mail::Inbound", "Delivery failure report");
    case ReturnKind::Complaint: return QCoreApplication::translate("Mail::Inbound", "Spam complaint");
    case ReturnKind::AutoReply: return QCoreApplication::translate("Mail::Inbound", "Automatic reply");
    case ReturnKind::Unsubscribe: return QCoreApplication::translate("Mail::Inbound", "Unsubscribe request");
    case ReturnKind::Other: break;
    }
    return QCoreApplication::translate("Mail::Inbound", "Not understood (left for a person)");
}

QString categoryText(ReturnCategory cat)
{
    switch (cat) {
    case ReturnCategory::AddressUnknown: return QCoreApplication::translate("Mail::Inbound", "Address does not exist");
    case ReturnCategory::DomainUnknown: return QCoreApplication::translate("Mail::Inbound", "Domain does not exist");
    case ReturnCategory::AccountClosed: return QCoreApplication::translate("Mail::Inbound", "Account closed");
    case ReturnCategory::MailboxFull: return QCoreApplication::translate("Mail::Inbound", "Mailbox full");
    case ReturnCategory::Temporary: return QCoreApplication::translate("Mail::Inbound", "Temporary failure");
    case ReturnCategory::Policy:
        return QCoreApplication::translate("Mail::Inbound", "Refused by the receiving server's policy");
    case ReturnCategory::TooLarge: return QCoreApplication::translate("Mail::Inbound", "Message too large");
    case ReturnCategory::Complaint: return QCoreApplication::translate("Mail::Inbound", "Marked as spam");
    case ReturnCategory::AutoReply: return QCoreApplication::translate("Mail::Inbound", "Away (automatic reply)");
    case ReturnCategory::Other: break;
    }
    return QCoreApplication::translate("Mail::Inbound", "Not understood");
}

} // namespace Mail::Inbound
