#include "mail/inbound/ReturnedMail.h"

#include "mail/UnsubscribeToken.h"
#include "mail/inbound/InboundMessage.h"
#include "mail/inbound/ReturnClassifier.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Mail::Inbound {

namespace {

using namespace detail;
using RE = QRegularExpression;
constexpr auto kCase = QRegularExpression::CaseInsensitiveOption;
constexpr auto kMulti = QRegularExpression::MultilineOption;

const RE &addressRe()
{
    static const RE re(QStringLiteral(
        // Latin letters with accents too (RFC 6531 addresses of French and Québec members); not every
        // script, so that an address is not glued to the Japanese or Russian words around it.
        R"((?:"[^"\r\n<>@]{1,64}"|[A-Za-z0-9À-ÖØ-öø-ɏ_%+=!#$&'*^`{|}~?-][A-Za-z0-9À-ÖØ-öø-ɏ._%+=!#$&'*/^`{|}~?-]*))"
        R"(@[A-Za-z0-9À-ÖØ-öø-ɏ](?:[A-Za-z0-9À-ÖØ-öø-ɏ-]*[A-Za-z0-9À-ÖØ-öø-ɏ])?)"
        R"((?:\.[A-Za-z0-9À-ÖØ-öø-ɏ](?:[A-Za-z0-9À-ÖØ-öø-ɏ-]*[A-Za-z0-9À-ÖØ-öø-ɏ])?)+)"));
    return re;
}

// The first address in a header value ("Nyanko <nekochan@example.jp>", "rfc822; a@b").
QString firstAddress(const QString &value)
{
    const auto m = addressRe().match(value);
    return m.hasMatch() ? lowerDomain(m.captured(0)) : QString();
}

QStringList allAddresses(const QString &value)
{
    QStringList out;
    auto it = addressRe().globalMatch(value);
    while (it.hasNext())
        out.append(lowerDomain(it.next().captured(0)));
    return out;
}

QString key(const QString &address)
{
    return address.toLower();
}

bool isDaemonAddress(const QString &address)
{
    static const RE re(QStringLiteral(R"(^(mailer-?daemon|mail-?daemon|postmaster|mailerdaemon|mailer_daemon|)"
                                      R"(mail\.?delivery\.?(subsystem|system)?|maildelivery|noreply|no-reply|)"
                                      R"(root|abuse|bounces?|bounce-[^@]*|devnull|nobody)@)"),
                       kCase);
    return re.match(address).hasMatch();
}

QString stripHtml(QString html)
{
    static const RE blocks(QStringLiteral(R"(<(br|p|div|tr|li|h\d)\b[^>]*>)"), kCase);
    static const RE tags(QStringLiteral("<[^>]*>"));
    static const RE styles(QStringLiteral(R"(<(style|script)\b.*?</\1>)"),
                           kCase | QRegularExpression::DotMatchesEverythingOption);
    html.remove(styles);
    html.replace(blocks, QStringLiteral("\n"));
    html.remove(tags);
    html.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    html.replace(QLatin1String("&lt;"), QLatin1String("<"));
    html.replace(QLatin1String("&gt;"), QLatin1String(">"));
    html.replace(QLatin1String("&quot;"), QLatin1String("\""));
    html.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return html;
}

// The line where a non-standard report starts quoting the message it returns.
const RE &originalMarker()
{
    // A decorated separator line that mentions the original ("----- Original message -----",
    // "------ This is a copy of the message, including all the headers. ------"), or one of the
    // plain sentences some servers use.
    static const RE re(
        QStringLiteral(
            R"(^[ \t>]*(?:(?:-{2,}|={3,}|_{3,}|\*{3,})[ \t]*[^\n]*\b(?:original message|copy of (?:the|your|this) message|)"
            R"(returned message|unsent message|message header|header of the original|original mail|original headers|)"
            R"(below this line|message text follows|undelivered message|mensaje original|message d'origine|)"
            R"(message original|ursprüngliche nachricht|original message headers)\b[^\n]*|)"
            R"(original message follows\.?|original message headers:?|below this line is a copy of the message\.?|)"
            R"(content-type: message/rfc822|original message:)[ \t]*$)"),
        kCase | kMulti);
    return re;
}

struct Text
{
    QString report;                        // the human-readable explanation, without the returned message
    QString returnedHeaders;               // the returned message's header block as text, when it is quoted inline
    const InboundPart *returned = nullptr; // message/rfc822 or text/rfc822-headers part
};

bool insideMessage(const InboundPart &root, const InboundPart *target)
{
    // True when `target` lies inside a message/* part of `root` (a quoted message, not the report).
    std::function<bool(const InboundPart &, bool)> visit = [&](const InboundPart &p, bool inside) -> bool {
        if (&p == target)
            return inside;
        const bool nowInside = inside || (p.contentType().startsWith("message/") && &p != &root) ||
                               p.contentType() == "text/rfc822-headers";
        for (const InboundPart &c : p.parts()) {
            if (visit(c, nowInside))
                return true;
        }
        return false;
    };
    return visit(root, false);
}

Text reportText(const InboundPart &msg)
{
    Text t;
    const auto parts = msg.walk();
    for (const InboundPart *p : parts) {
        const QByteArray type = p->contentType();
        if (!t.returned &&
            (type == "message/rfc822" || type == "message/global" || type == "text/rfc822-headers" ||
             type == "message/rfc822-headers") &&
            p != &msg && !p->parts().isEmpty()) {
            t.returned = &p->parts().first();
        }
    }
    QString text;
    bool sawHtmlOnly = true;
    for (const InboundPart *p : parts) {
        if (insideMessage(msg, p))
            continue;
        if (p->isMultipart()) {
            // A multipart whose delimiters cannot be found: its body is all there is to read.
            if (p->parts().isEmpty()) {
                text += decodeCharset(p->body(), "utf-8") + QLatin1Char('\n');
                sawHtmlOnly = false;
            }
            continue;
        }
        const QByteArray type = p->contentType();
        if (type == "text/plain" || type == "text/enriched" || type == "text/x-aol") {
            text += p->bodyText() + QLatin1Char('\n');
            sawHtmlOnly = false;
        }
    }
    if (sawHtmlOnly) {
        for (const InboundPart *p : parts) {
            if (!p->isMultipart() && p->contentType() == "text/html" && !insideMessage(msg, p))
                text += stripHtml(p->bodyText()) + QLatin1Char('\n');
        }
    }
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const auto marker = originalMarker().match(text);
    if (marker.hasMatch() && marker.capturedStart() > 0) {
        t.returnedHeaders = text.mid(marker.capturedEnd());
        text.truncate(marker.capturedStart());
    }
    t.report = text;
    return t;
}

// ---- classification ------------------------------------------------------------------------

const RE &delayedRe()
{
    static const RE re(
        QStringLiteral(
            R"(will (?:keep|continue) (?:trying|to try)|has not (?:yet )?been delivered|not yet been delivered|)"
            R"(still (?:trying|pending|undelivered)|will be retried|will retry|delivery (?:is )?delayed|)"
            R"(delayed delivery|warning: message|\(delay\)|delivery status notification \(delay\)|)"
            R"(retry timeout not exceeded|no action is required on your part|retrying|warning message only|)"
            R"(do not need to resend|will be retried|message will be retried)"),
        kCase);
    return re;
}

const RE &permanentWordsRe()
{
    static const RE re(
        QStringLiteral(R"(permanent|given up|gave up|giving up|fatal|failed permanently|could not be delivered)"),
        kCase);
    return re;
}

QString fieldText(const InboundPart::Field &f)
{
    return decodeWords(f.value);
}

// RFC 3461's xtext: "+XX" for a byte written in hexadecimal (Qt's percent decoding with "+" for "%").
QString fromXtext(const QString &value)
{
    return QString::fromLatin1(QByteArray::fromPercentEncoding(value.toLatin1(), '+'));
}

QString stripType(const QByteArray &value)
{
    // "rfc822; kijitora@example.jp" → the address; "utf-8; …" too.
    const qsizetype semi = value.indexOf(';');
    QString v = decodeWords(semi < 0 ? value : value.mid(semi + 1)).trimmed();
    if (v.startsWith(QLatin1Char('<')) && v.endsWith(QLatin1Char('>')))
        v = v.mid(1, v.size() - 2);
    return v;
}

// RFC 3464 / 6533: the per-recipient groups of a delivery-status part.
QList<ReturnedRecipient> readDeliveryStatus(const InboundPart &part, QString *envelopeId, const QString &human)
{
    QList<ReturnedRecipient> out;
    QSet<QString> badMailboxes; // the sending server's own class for these addresses (PowerMTA)
    QByteArray body = part.body();
    body.replace("\r\n", "\n");
    // Some reports indent or add blank lines with spaces: treat a line of blanks as the separator.
    const QList<QByteArray> lines = body.split('\n');
    QList<QByteArray> groups;
    QByteArray current;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty()) {
            if (!current.isEmpty())
                groups.append(current);
            current.clear();
            continue;
        }
        current += line.startsWith(' ') || line.startsWith('\t') ? line : line.trimmed();
        current += '\n';
    }
    if (!current.isEmpty())
        groups.append(current);
    for (const QByteArray &g : std::as_const(groups)) {
        const auto fields = InboundPart::parseFields(g);
        ReturnedRecipient r;
        QString original;
        QString finalRecipient;
        bool badMailbox = false;
        for (const auto &f : fields) {
            const QByteArray n = f.name.toLower();
            if (n == "original-envelope-id")
                *envelopeId = fromXtext(fieldText(f).trimmed());
            else if (n == "final-recipient")
                finalRecipient = firstAddress(stripType(f.value));
            else if (n == "original-recipient")
                original = firstAddress(stripType(f.value));
            else if (n == "action") {
                r.action = QString::fromLatin1(f.value).trimmed().toLower().section(QLatin1Char(' '), 0, 0);
                if (r.action == QLatin1String("deliverable")) // the answer to a "verify" request (sendmail -bv)
                    r.action = QStringLiteral("delivered");
            } else if (n == "status")
                r.status = statusFromField(f.value);
            else if (n == "diagnostic-code") {
                const qsizetype semi = f.value.indexOf(';');
                r.diagnostic = oneLine(decodeWords(semi < 0 ? f.value : f.value.mid(semi + 1)));
            } else if (n == "x-powermta-bouncecategory") {
                badMailbox = f.value.trimmed().toLower() == "bad-mailbox";
            }
        }
        r.address = !finalRecipient.isEmpty() ? finalRecipient : original;
        if (r.address.isEmpty())
            continue;
        if (r.action.isEmpty())
            r.action = r.status.startsWith(QLatin1Char('4')) ? QStringLiteral("delayed") : QStringLiteral("failed");
        if (std::none_of(out.cbegin(), out.cend(), [&r](const auto &o) { return key(o.address) == key(r.address); })) {
            out.append(r);
            if (badMailbox)
                badMailboxes.insert(key(r.address));
        }
    }
    // The human-readable part about each address, for reports whose fields say little: around its
    // first mention, and (several recipients) up to the next line naming another one, so that a
    // neighbour's words are not read as this address's.
    for (ReturnedRecipient &r : out) {
        QString context;
        const qsizetype at = human.indexOf(r.address, 0, Qt::CaseInsensitive);
        if (at < 0) {
            context = human.left(1500);
        } else if (out.size() == 1) {
            context = human.mid(std::max<qsizetype>(0, at - 200), 1200);
        } else {
            const qsizetype from = human.lastIndexOf(QLatin1Char('\n'), at) + 1;
            const qsizetype lineEnd = human.indexOf(QLatin1Char('\n'), at);
            qsizetype to = std::min<qsizetype>(human.size(), at + 1200);
            for (const ReturnedRecipient &o : std::as_const(out)) {
                const qsizetype next = human.indexOf(o.address, at + r.address.size(), Qt::CaseInsensitive);
                if (&o != &r && next >= 0 && next < to)
                    to = next;
            }
            // Cut at the start of the line naming the neighbour, but never inside this address's own line.
            if (to < human.size()) {
                const qsizetype neighbourLine = human.lastIndexOf(QLatin1Char('\n'), to) + 1;
                to = std::max(neighbourLine, lineEnd < 0 ? human.size() : lineEnd);
            }
            context = human.mid(from, to - from);
        }
        classifyRecipient(r, context, badMailboxes.contains(key(r.address)));
    }
    return out;
}

QStringList messageIdsIn(const QByteArray &value)
{
    QStringList out;
    const QString v = QString::fromLatin1(value);
    static const RE re(QStringLiteral("<([^<>\\s]+@[^<>\\s]+)>"));
    auto it = re.globalMatch(v);
    while (it.hasNext())
        out.append(it.next().captured(1));
    return out;
}

bool looksLikeBounceSender(const InboundPart &msg)
{
    const QString from = msg.text("From");
    static const RE daemon(
        QStringLiteral(R"(mailer-?daemon|mail-?daemon|post_?master|mail delivery (?:subsystem|system)|)"
                       R"(delivery (?:status )?notification|mail ?delivery|mailerdaemon|mail administrator|)"
                       R"(internet mail delivery|administrator@|returned mail|system administrator|)"
                       R"(mail transport system|nicht zustellbar|microsoftexchange)"),
        kCase);
    return daemon.match(from).hasMatch();
}

bool looksLikeBounceSubject(const QString &subject)
{
    static const RE re(
        QStringLiteral(
            R"(undeliver|undelivered|delivery (?:status|failure|failed|notification|problem|report|has failed)|)"
            R"(failure notice|returned mail|mail delivery (?:failed|failure|system)|delivery fail|)"
            R"(could not (?:be )?deliver|non remis|non distribu|échec de (?:la )?remise|echec de (?:la )?remise|)"
            R"(message not delivered|not delivered|mail (?:could not|not) (?:be )?delivered|nondeliverable|)"
            R"(non-deliverable|delivery notification|rejected|warning: could not send|returned to sender|)"
            R"(unzustellbar|nicht zustellbar|delayed mail|delivery delayed|mail system error|)"
            R"(delivery report|message delivery|unable to deliver|delivery error|failed delivery|)"
            R"(bounce|unknown user|mail error|permanent error|temporary error)"),
        kCase);
    return re.match(subject).hasMatch();
}

const RE &reportBodyRe()
{
    static const RE re(
        QStringLiteral(
            R"(this is the (?:qmail-send program|mail system at|mail delivery)|)"
            R"(created automatically by mail delivery software|could not be delivered to (?:one or more|all|)"
            R"(the following)|delivery (?:to the following recipient|has failed to these recipients)|)"
            R"(the following (?:address(?:es)?|recipient\(?s?\)?) (?:had|failed|could not)|)"
            R"(unable to deliver (?:your )?message|permanent fatal errors|transcript of session follows|)"
            R"(i'm afraid i wasn't able to deliver|your message (?:could not|cannot|wasn't|was not) be delivered|)"
            R"(message (?:could not|was not|wasn't) (?:be )?delivered|delivery failed|undeliverable|)"
            R"(failed to deliver|not be delivered|returned to sender|user unknown|delivery to the following|)"
            R"(invalid user address|requested action not taken)"),
        kCase);
    return re;
}

// A non-standard report: the addresses it is about, from X-Failed-Recipients or from its text.
QList<ReturnedRecipient> readPlainReport(const InboundPart &msg, const Text &t, const QSet<QString> &ours)
{
    QList<ReturnedRecipient> out;
    QStringList addresses;
    for (const QByteArray &v : msg.fieldAll("X-Failed-Recipients"))
        addresses += allAddresses(decodeWords(v));

    static const RE skipLine(QStringLiteral(R"(^\s*(?:message-id|in-reply-to|references|received|return-path|from|)"
                                            R"(reply-to|sender|date|dkim-signature|x-[a-z-]+|by|id|with|envelope-from|)"
                                            R"(mail from|for)\b)"),
                             kCase);
    // A quoted header ("To: …", "Delivered-To: …") names the sender or a relay, not a failed recipient;
    // "please contact <support@…>" names a helpdesk.
    static const RE headerLine(QStringLiteral(R"(^(?:to|cc|bcc|delivered-to|x-original-to|envelope-to|)"
                                              R"(x-[a-z0-9-]+|subject|resent-[a-z]+):\s)"),
                               kCase);
    static const RE contactLine(QStringLiteral(R"(contact|assistance|questions|send mail to|write to|help ?desk|)"
                                               R"(support@|for further|please (?:send|mail|write))"),
                                kCase);
    QList<std::pair<QString, qsizetype>> mentions; // every candidate mention (address, offset)
    // Two passes: without our own addresses, then (a report about a message to ourselves) with them.
    // (With X-Failed-Recipients, the text is still read for where each address is discussed.)
    const bool named = !addresses.isEmpty();
    for (int pass = 0; pass < 2 && (addresses.isEmpty() || (named && pass == 0)); ++pass) {
        const QString &text = t.report;
        qsizetype lineStart = 0;
        while (lineStart < text.size()) {
            qsizetype nl = text.indexOf(QLatin1Char('\n'), lineStart);
            if (nl < 0)
                nl = text.size();
            QString line = text.mid(lineStart, nl - lineStart);
            qsizetype quote = 0;
            while (quote < line.size() && (line[quote] == QLatin1Char('>') || line[quote] == QLatin1Char(' ')))
                ++quote;
            const QString unquoted = line.mid(quote);
            if (!skipLine.match(unquoted).hasMatch() && !headerLine.match(unquoted).hasMatch() &&
                !contactLine.match(unquoted).hasMatch()) {
                auto it = addressRe().globalMatch(line);
                while (it.hasNext()) {
                    const auto m = it.next();
                    // A Message-ID quoted in the text: "<…@…>" right after "id" words is skipped above;
                    // an address glued to a word (=3D…) is not an address.
                    const QString a = lowerDomain(m.captured(0));
                    if ((pass == 0 && ours.contains(key(a))) || isDaemonAddress(a))
                        continue;
                    mentions.append({a, lineStart + m.capturedStart()});
                    if (!named && !addresses.contains(a, Qt::CaseInsensitive))
                        addresses.append(a);
                }
            }
            lineStart = nl + 1;
        }
    }
    if (addresses.isEmpty()) {
        // The report names nobody: the returned message's recipient.
        QString to;
        if (t.returned)
            to = t.returned->text("To");
        else if (!t.returnedHeaders.isEmpty()) {
            const auto fields = InboundPart::parseFields(t.returnedHeaders.trimmed().toUtf8());
            for (const auto &f : fields) {
                if (f.name.compare("To", Qt::CaseInsensitive) == 0)
                    to = decodeWords(f.value);
            }
        }
        for (const QString &a : allAddresses(to)) {
            if (!ours.contains(key(a)))
                addresses.append(a);
        }
    }
    static const RE warningOnly(QStringLiteral("warning message only|do not need to resend|will be retried for"),
                                kCase);
    const bool delayed = (delayedRe().match(t.report).hasMatch() && !permanentWordsRe().match(t.report).hasMatch()) ||
                         warningOnly.match(t.report).hasMatch();
    for (const QString &a : std::as_const(addresses)) {
        ReturnedRecipient r;
        r.address = a;
        r.action = delayed ? QStringLiteral("delayed") : QStringLiteral("failed");
        // The words about this address: from its first mention to the next other address.
        QString context = t.report;
        if (addresses.size() > 1) {
            qsizetype from = -1;
            qsizetype to = t.report.size();
            for (const auto &[addr, at] : std::as_const(mentions)) {
                if (from < 0 && key(addr) == key(a))
                    from = at;
                else if (from >= 0 && key(addr) != key(a) && at > from) {
                    to = at;
                    break;
                }
            }
            if (from >= 0) {
                const qsizetype lineStart = t.report.lastIndexOf(QLatin1Char('\n'), from) + 1;
                context = t.report.mid(lineStart, to - lineStart);
            }
        }
        // The server's words: the lines of the context that carry a reply or a status.
        QString diagnostic;
        for (const QString &line : context.split(QLatin1Char('\n'))) {
            if (statusRe().match(line).hasMatch() || replyRe().match(line).hasMatch()) {
                diagnostic = oneLine(line);
                break;
            }
        }
        r.diagnostic = diagnostic.left(500);
        classifyRecipient(r, context);
        out.append(r);
    }
    return out;
}

const RE &autoReplySubjectRe()
{
    static const RE re(
        QStringLiteral(R"(^\s*(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|autoreply|auto:|)"
                       R"(out of (?:the )?office|réponse automatique|reponse automatique|absent|absence|)"
                       R"(abwesenheit|vacation|away from|on leave|en congé|en vacances|automatische antwort|)"
                       R"(respuesta automática|i am (?:currently )?(?:out|away)|je suis absent|)"
                       R"(message d'absence|réponse automatique d'absence|thank you for your (?:email|message)))"),
        kCase);
    return re;
}

bool isAutoReply(const InboundPart &msg)
{
    const QByteArray autoSubmitted = msg.field("Auto-Submitted").trimmed().toLower();
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
        return true;
    if (msg.hasField("X-Autoreply") || msg.hasField("X-Autorespond") || msg.hasField("X-Autoresponse"))
        return true;
    const QByteArray precedence = msg.field("Precedence").trimmed().toLower();
    if (precedence == "auto_reply")
        return true;
    if (msg.field("X-Auto-Response-Suppress").isEmpty() == false &&
        autoReplySubjectRe().match(msg.text("Subject")).hasMatch())
        return true;
    return autoReplySubjectRe().match(msg.text("Subject")).hasMatch();
}

} // namespace

namespace detail {

QString lowerDomain(const QString &address)
{
    QString a = address;
    while (a.endsWith(QLatin1Char('.')))
        a.chop(1);
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return a;
    return a.left(at) + a.mid(at).toLower();
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return text.simplified();
}

QString messageIdOf(const QByteArray &value)
{
    QString v = decodeWords(value).trimmed();
    const qsizetype lt = v.indexOf(QLatin1Char('<'));
    const qsizetype gt = v.indexOf(QLatin1Char('>'), lt + 1);
    if (lt >= 0 && gt > lt)
        return v.mid(lt + 1, gt - lt - 1).trimmed();
    return v.section(QLatin1Char(' '), 0, 0);
}

void classifyRecipient(ReturnedRecipient &r, const QString &context, bool badMailbox)
{
    // The enhanced status the server wrote in its own words wins over the report's summary field.
    const QString said = findStatus(r.diagnostic);
    if (!isVagueStatus(said))
        r.status = said;
    if (r.status.isEmpty()) {
        r.status = findStatus(r.diagnostic.isEmpty() ? context : r.diagnostic + QLatin1Char(' ') + context);
    } else if (isVagueStatus(r.status) && r.diagnostic.isEmpty()) {
        // A report's bare "5.0.0" beside a human part that states the server's own code for this address.
        const QString inContext = findStatus(context);
        if (!isVagueStatus(inContext) && inContext.at(0) == r.status.at(0))
            r.status = inContext;
    }
    if (r.reply == 0)
        r.reply = findReply(r.diagnostic.isEmpty() ? context : r.diagnostic);
    if (r.reply == 0 && !r.diagnostic.isEmpty())
        r.reply = findReply(context);
    bool permanent = false;
    QStringList texts;
    if (!r.diagnostic.isEmpty())
        texts.append(r.diagnostic);
    if (!context.isEmpty())
        texts.append(context);
    r.category = classifyIn(r.status, r.reply, texts, &permanent, badMailbox);
    if (r.action == QLatin1String("delayed") && permanent) {
        // A delay is never the address's fault yet.
        permanent = false;
        r.category = r.category == ReturnCategory::MailboxFull ? r.category : ReturnCategory::Temporary;
    }
    if (r.action == QLatin1String("delivered") || r.action == QLatin1String("relayed") ||
        r.action == QLatin1String("expanded")) {
        permanent = false;
        r.category = ReturnCategory::Other;
    }
    r.permanent = permanent;
}

} // namespace detail

ReturnedMail ReturnedMail::read(const QByteArray &raw, const QByteArray &unsubscribeSecret)
{
    ReturnedMail out;
    const InboundPart msg = InboundPart::parse(raw);
    out.from = firstAddress(msg.text("From"));
    out.subject = oneLine(msg.text("Subject"));
    out.messageId = messageIdOf(msg.field("Message-ID"));
    out.date = QDateTime::fromString(QString::fromLatin1(msg.field("Date")).trimmed(), Qt::RFC2822Date);

    const Text t = reportText(msg);
    // Our own addresses, never a failed recipient: who the report goes to and who sent the original.
    QSet<QString> ours;
    for (const QString &a : allAddresses(msg.text("To")))
        ours.insert(key(a));
    if (t.returned) {
        for (const char *name : {"From", "Sender", "Return-Path", "Reply-To"}) {
            for (const QString &a : allAddresses(t.returned->text(name)))
                ours.insert(key(a));
        }
        if (const QString id = messageIdOf(t.returned->field("Message-ID")); !id.isEmpty())
            out.originalMessageIds.append(id);
    }
    if (!t.returnedHeaders.isEmpty()) {
        const auto fields = InboundPart::parseFields(t.returnedHeaders.trimmed().toUtf8());
        for (const auto &f : fields) {
            const QByteArray n = f.name.toLower();
            if (n == "from" || n == "sender" || n == "return-path" || n == "reply-to") {
                for (const QString &a : allAddresses(decodeWords(f.value)))
                    ours.insert(key(a));
            } else if (n == "message-id") {
                const QString id = messageIdOf(f.value);
                if (!id.isEmpty() && !out.originalMessageIds.contains(id))
                    out.originalMessageIds.append(id);
            }
        }
    }

    const auto parts = msg.walk();
    // 1. A complaint (ARF, RFC 5965).
    for (const InboundPart *p : parts) {
        if (p->contentType() != "message/feedback-report")
            continue;
        out.kind = ReturnKind::Complaint;
        const auto fields = InboundPart::parseFields(p->body());
        QStringList addresses;
        for (const auto &f : fields) {
            const QByteArray n = f.name.toLower();
            if (n == "feedback-type")
                out.feedbackType = fieldText(f).trimmed().toLower();
            else if (n == "original-rcpt-to" || n == "removal-recipient")
                addresses += allAddresses(fieldText(f));
            else if (n == "original-envelope-id")
                out.envelopeId = fromXtext(fieldText(f).trimmed());
        }
        if (addresses.isEmpty() && t.returned)
            addresses = allAddresses(t.returned->text("To"));
        for (const QString &a : std::as_const(addresses)) {
            ReturnedRecipient r;
            r.address = a;
            r.category = ReturnCategory::Complaint;
            bool dup = false;
            for (const auto &o : std::as_const(out.recipients))
                dup = dup || key(o.address) == key(a);
            if (!dup)
                out.recipients.append(r);
        }
        return out;
    }
    // 1b. A complaint forwarded without ARF (Hotmail's "complaint about message from …").
    static const RE complaintSubject(QStringLiteral(R"(^complaint about message from|^abuse report|^spam complaint)"),
                                     kCase);
    if (complaintSubject.match(out.subject).hasMatch() && t.returned) {
        out.kind = ReturnKind::Complaint;
        QStringList addresses = allAddresses(t.returned->text("X-HmXmrOriginalRecipient"));
        if (addresses.isEmpty())
            addresses = allAddresses(t.returned->text("To"));
        for (const QString &a : std::as_const(addresses)) {
            ReturnedRecipient r;
            r.address = a;
            r.category = ReturnCategory::Complaint;
            out.recipients.append(r);
        }
        return out;
    }
    // 1c. Amazon SES notifications.
    {
        ReturnedMail ses = out;
        if (readSesNotification(t.report, &ses))
            return ses;
    }
    // 2. A standard delivery report (RFC 3464, RFC 6533).
    for (const InboundPart *p : parts) {
        const QByteArray type = p->contentType();
        if (type != "message/delivery-status" && type != "message/global-delivery-status")
            continue;
        out.recipients = readDeliveryStatus(*p, &out.envelopeId, t.report);
        if (!out.recipients.isEmpty()) {
            out.kind = ReturnKind::Bounce;
            return out;
        }
    }
    // 2b. Delivery-status fields written as text (a report whose MIME structure was lost).
    if (const qsizetype at = t.report.indexOf(QLatin1String("Final-Recipient:"), 0, Qt::CaseInsensitive); at >= 0) {
        // Back to the start of the group (Reporting-MTA…) is not needed: the per-recipient groups suffice.
        InboundPart pseudo =
            InboundPart::parse("Content-Type: message/delivery-status\r\n\r\n" + t.report.mid(at).toUtf8());
        out.recipients = readDeliveryStatus(pseudo, &out.envelopeId, t.report.left(at));
        if (!out.recipients.isEmpty()) {
            out.kind = ReturnKind::Bounce;
            return out;
        }
    }
    // 3. A non-standard report: a delivery system's message that names failed addresses.
    const bool bounceSignals = msg.hasField("X-Failed-Recipients") || looksLikeBounceSender(msg) ||
                               looksLikeBounceSubject(out.subject) || reportBodyRe().match(t.report).hasMatch() ||
                               msg.contentType() == "multipart/report";
    const bool autoReply = isAutoReply(msg);
    if (bounceSignals && !(autoReply && !looksLikeBounceSender(msg) && !msg.hasField("X-Failed-Recipients") &&
                           !reportBodyRe().match(t.report).hasMatch())) {
        out.recipients = readPlainReport(msg, t, ours);
        if (!out.recipients.isEmpty()) {
            out.kind = ReturnKind::Bounce;
            return out;
        }
    }
    // 4. An auto-reply (RFC 3834 and its common relatives): the member is away.
    if (autoReply) {
        out.kind = ReturnKind::AutoReply;
        for (const QByteArray &v : {msg.field("In-Reply-To"), msg.field("References")}) {
            for (const QString &id : messageIdsIn(v)) {
                if (!out.originalMessageIds.contains(id))
                    out.originalMessageIds.append(id);
            }
        }
        ReturnedRecipient r;
        r.address = out.from;
        r.category = ReturnCategory::AutoReply;
        if (!r.address.isEmpty())
            out.recipients.append(r);
        return out;
    }
    // 5. An unsubscribe reply: one of our signed tokens.
    if (!unsubscribeSecret.isEmpty()) {
        QString from;
        QDateTime date;
        out.unsubscribeToken = Mail::UnsubscribeToken::findIn(raw, unsubscribeSecret, &from, &date);
        if (!out.unsubscribeToken.isEmpty()) {
            out.kind = ReturnKind::Unsubscribe;
            for (const QByteArray &v : {msg.field("In-Reply-To"), msg.field("References")}) {
                for (const QString &id : messageIdsIn(v)) {
                    if (!out.originalMessageIds.contains(id))
                        out.originalMessageIds.append(id);
                }
            }
            return out;
        }
    }
    out.kind = ReturnKind::Other;
    return out;
}

} // namespace Mail::Inbound
