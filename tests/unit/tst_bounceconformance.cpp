// The shared bounce suite (../shared/conformance/bounces): 514 real delivery reports, complaints and
// auto-replies with sisimai's reading in expected.json. Per file: the recipients found and, for each,
// the class that decides what Carnet does — the address is permanently wrong, a temporary failure, a
// refusal by policy (not the member's fault), a complaint, an auto-reply, or "delivered" — compared with
// sisimai's. The agreement rate is printed; every file where Carnet reads otherwise is listed below with
// its reason, so that a new difference (or a listed one that now agrees) fails the test.
#include "mail/inbound/ReturnedMail.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTest>

using Mail::Inbound::ReturnCategory;
using Mail::Inbound::ReturnedMail;
using Mail::Inbound::ReturnKind;

class TestBounceConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithSisimai();
};

namespace {

// sisimai's reason → the class of action.
QString expectedClass(const QJsonObject &r)
{
    const QString reason = r.value(QStringLiteral("reason")).toString();
    if (reason == QLatin1String("feedback"))
        return QStringLiteral("complaint");
    if (reason == QLatin1String("vacation"))
        return QStringLiteral("auto_reply");
    if (reason == QLatin1String("delivered"))
        return QStringLiteral("delivered");
    if (r.value(QStringLiteral("hard")).toInt() == 1)
        return QStringLiteral("permanent");
    static const QSet<QString> policy = {
        QStringLiteral("blocked"),         QStringLiteral("rejected"),      QStringLiteral("filtered"),
        QStringLiteral("policyviolation"), QStringLiteral("spamdetected"),  QStringLiteral("authfailure"),
        QStringLiteral("requireptr"),      QStringLiteral("securityerror"), QStringLiteral("badreputation"),
        QStringLiteral("norelaying"),      QStringLiteral("virusdetected"), QStringLiteral("contenterror"),
        QStringLiteral("notcompliantrfc"), QStringLiteral("speeding")};
    if (policy.contains(reason))
        return QStringLiteral("policy");
    return QStringLiteral("temporary"); // mailboxfull, expired, networkerror, systemerror, suspend, mesgtoobig…
}

QString actualClass(const Mail::Inbound::ReturnedRecipient &r)
{
    switch (r.category) {
    case ReturnCategory::Complaint: return QStringLiteral("complaint");
    case ReturnCategory::AutoReply: return QStringLiteral("auto_reply");
    case ReturnCategory::Policy: return QStringLiteral("policy");
    default: break;
    }
    if (r.action == QLatin1String("delivered") || r.action == QLatin1String("relayed") ||
        r.action == QLatin1String("expanded"))
        return QStringLiteral("delivered");
    return r.permanent ? QStringLiteral("permanent") : QStringLiteral("temporary");
}

// Why Carnet reads a file otherwise than sisimai: a design decision, or a limit of reading the words
// without sisimai's per-product and per-host tables.
const QMap<QString, QString> &reasons()
{
    static const QMap<QString, QString> r = {
        {QStringLiteral("filter-user-unknown"),
         QStringLiteral("the server says the address does not exist; sisimai knows the product or host (m-FILTER, "
                        "SurfControl, MXLogic, Mail2000, Zoho, Amazon WorkMail…) and reads it as a content filter's "
                        "refusal. Carnet believes the words, unless the refusal answered DATA with no RCPT error")},
        {QStringLiteral("carrier-filter"),
         QStringLiteral(
             "a Japanese mobile carrier (ezweb, docomo, mineo) answers \"user unknown\" when the subscriber's "
             "filter refuses the sender; sisimai has a table of those hosts, Carnet (France, Québec) does not")},
        {QStringLiteral("refusal-words"),
         QStringLiteral("the words name a refusal (rejected, access denied, a block list, a policy code 5.7.x/5.4.1): "
                        "Carnet does not mark the member for what may be the sender's fault; sisimai's host module "
                        "calls it a dead address or a temporary failure")},
        {QStringLiteral("block-list"),
         QStringLiteral("the server names a block list (Spamhaus, \"blacklisted\"): Carnet says policy, never the "
                        "member's fault; sisimai reads the status code")},
        {QStringLiteral("permanent-words"),
         QStringLiteral("the server says the address or domain does not exist (5.1.1, \"No such user\", \"host not "
                        "reachable\") and Carnet marks it; sisimai reads the report's other clues as temporary")},
        {QStringLiteral("no-permanent-words"),
         QStringLiteral("nothing in the report says the address is wrong (a 5.5.0 \"service unavailable\", a "
                        "security product's \"unable to deliver\", an MX without SMTP service): Carnet counts a "
                        "temporary failure rather than lose a member on a guess")},
        {QStringLiteral("no-policy-words"),
         QStringLiteral("a bare 5.5.0/5.6.9/4.4.7 with no word of policy: Carnet counts it as temporary, sisimai's "
                        "module for the host says blocked or content error")},
        {QStringLiteral("temporary-code"),
         QStringLiteral("a 4xx/4.x.x answer is temporary by definition (RFC 5321): Carnet never marks an address on "
                        "one, even when the words say user unknown")},
        {QStringLiteral("delayed"),
         QStringLiteral("a delay notice (Action: delayed, \"will keep trying\"): Carnet does not count it at all; "
                        "sisimai classifies the delay's cause")},
        {QStringLiteral("same-words"),
         QStringLiteral("sisimai reads the same words differently in another file of the set (gmail-04/gmail-07, "
                        "postfix-17/aol-06); Carnet reads both the same way")},
        {QStringLiteral("several-recipients"),
         QStringLiteral("a report on several recipients whose per-address explanations are laid out so that Carnet "
                        "attaches a neighbour's words to one of them")},
        {QStringLiteral("sisimai-invented"),
         QStringLiteral("the complaint names no recipient; sisimai invents undisclosed-recipient-in-headers@…invalid")},
        {QStringLiteral("ses-simulator"),
         QStringLiteral("an Amazon SES notification: sisimai gives the SES simulator address of the JSON's "
                        "\"destination\", Carnet the bounced recipient of \"bouncedRecipients\"")},
        {QStringLiteral("empty-report"),
         QStringLiteral("the report's body is only the returned headers; Carnet takes the sender's To, sisimai the "
                        "postmaster address it saw")},
        {QStringLiteral("no-failure-words"),
         QStringLiteral("a Mail2000 report whose text part is unlabelled iso-2022-jp; Carnet finds no failure in it "
                        "and leaves it for a person")},
        {QStringLiteral("mailing-list-loop"),
         QStringLiteral("an fml mailing-list loop alert is not a delivery report: Carnet leaves it for a person")},
        {QStringLiteral("sender-as-recipient"),
         QStringLiteral("a success report (Action: deliverable) where sisimai also counts the sender's address")},
        {QStringLiteral("one-report-two-verdicts"),
         QStringLiteral("sisimai lists a second recipient from the HTML copy of the report; Carnet reads the delivery "
                        "status, which names one")},
        {QStringLiteral("truncated-address"),
         QStringLiteral("the report writes the address cut or padded (\"kijitora@exampl\", one digit more); Carnet "
                        "keeps what the report says")},
        {QStringLiteral("other-domain"),
         QStringLiteral("the delivery status names a rewritten address (another domain) and sisimai prefers the "
                        "returned message's; Carnet keeps the report's Final-Recipient")},
        {QStringLiteral("malformed-address"),
         QStringLiteral("Exim's \"incorrectly constructed\" report names two addresses on one line; Carnet cannot tell "
                        "which one was refused")},
    };
    return r;
}

// The files Carnet reads otherwise than sisimai, each with its reason above.
const QMap<QString, QString> &knownDifferences()
{
    static const QMap<QString, QString> d = {
        {QStringLiteral("arf-12.eml"), QStringLiteral("sisimai-invented")},
        {QStringLiteral("arf-15.eml"), QStringLiteral("sisimai-invented")},
        {QStringLiteral("lhost-activehunter-02.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-amazonses-01.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-amazonses-02.eml"), QStringLiteral("carrier-filter")},
        {QStringLiteral("lhost-amazonses-10.eml"), QStringLiteral("ses-simulator")},
        {QStringLiteral("lhost-apachejames-01.eml"), QStringLiteral("truncated-address")},
        {QStringLiteral("lhost-domino-03.eml"), QStringLiteral("other-domain")},
        {QStringLiteral("lhost-dragonfly-04.eml"), QStringLiteral("empty-report")},
        {QStringLiteral("lhost-exchange2003-04.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-exim-03.eml"), QStringLiteral("other-domain")},
        {QStringLiteral("lhost-exim-31.eml"), QStringLiteral("block-list")},
        {QStringLiteral("lhost-exim-37.eml"), QStringLiteral("refusal-words")},
        {QStringLiteral("lhost-exim-45.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-exim-52.eml"), QStringLiteral("malformed-address")},
        {QStringLiteral("lhost-ezweb-02.eml"), QStringLiteral("carrier-filter")},
        {QStringLiteral("lhost-fml-03.eml"), QStringLiteral("mailing-list-loop")},
        {QStringLiteral("lhost-gmail-07.eml"), QStringLiteral("same-words")},
        {QStringLiteral("lhost-mailfoundry-01.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-mailru-06.eml"), QStringLiteral("no-permanent-words")},
        {QStringLiteral("lhost-messagingserver-08.eml"), QStringLiteral("carrier-filter")},
        {QStringLiteral("lhost-mxlogic-03.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-office365-04.eml"), QStringLiteral("truncated-address")},
        {QStringLiteral("lhost-opensmtpd-12.eml"), QStringLiteral("delayed")},
        {QStringLiteral("lhost-postfix-01.eml"), QStringLiteral("permanent-words")},
        {QStringLiteral("lhost-postfix-05.eml"), QStringLiteral("temporary-code")},
        {QStringLiteral("lhost-postfix-59.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-postfix-80.eml"), QStringLiteral("block-list")},
        {QStringLiteral("lhost-qmail-04.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-receivingses-02.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-sendmail-02.eml"), QStringLiteral("several-recipients")},
        {QStringLiteral("lhost-sendmail-16.eml"), QStringLiteral("no-policy-words")},
        {QStringLiteral("lhost-sendmail-21.eml"), QStringLiteral("no-policy-words")},
        {QStringLiteral("lhost-sendmail-27.eml"), QStringLiteral("carrier-filter")},
        {QStringLiteral("lhost-sendmail-48.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-sendmail-56.eml"), QStringLiteral("no-policy-words")},
        {QStringLiteral("lhost-surfcontrol-01.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-trendmicro-03.eml"), QStringLiteral("no-permanent-words")},
        {QStringLiteral("lhost-v5sendmail-01.eml"), QStringLiteral("truncated-address")},
        {QStringLiteral("lhost-v5sendmail-05.eml"), QStringLiteral("several-recipients")},
        {QStringLiteral("lhost-v5sendmail-07.eml"), QStringLiteral("several-recipients")},
        {QStringLiteral("lhost-x1-01.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-x1-02.eml"), QStringLiteral("no-failure-words")},
        {QStringLiteral("lhost-x2-01.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("lhost-x2-02.eml"), QStringLiteral("several-recipients")},
        {QStringLiteral("lhost-yahoo-06.eml"), QStringLiteral("carrier-filter")},
        {QStringLiteral("lhost-zoho-03.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("rfc3464-01.eml"), QStringLiteral("permanent-words")},
        {QStringLiteral("rfc3464-28.eml"), QStringLiteral("sender-as-recipient")},
        {QStringLiteral("rfc3464-35.eml"), QStringLiteral("several-recipients")},
        {QStringLiteral("rfc3464-42.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("rfc3464-57.eml"), QStringLiteral("carrier-filter")},
        {QStringLiteral("rfc3464-66.eml"), QStringLiteral("filter-user-unknown")},
        {QStringLiteral("rhost-aol-03.eml"), QStringLiteral("one-report-two-verdicts")},
        {QStringLiteral("rhost-aol-06.eml"), QStringLiteral("same-words")},
        {QStringLiteral("rhost-messagelabs-03.eml"), QStringLiteral("refusal-words")},
        {QStringLiteral("rhost-spectrum-01.eml"), QStringLiteral("refusal-words")},
        {QStringLiteral("rhost-zoho-04.eml"), QStringLiteral("refusal-words")},
    };
    return d;
}

} // namespace

void TestBounceConformance::agreesWithSisimai()
{
    const QString root = QStringLiteral(CARNET_SHARED_DIR "/conformance/bounces/");
    QFile ef(root + QStringLiteral("expected.json"));
    QVERIFY(ef.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(ef.readAll()).object();
    QVERIFY(expected.size() >= 500);

    int agree = 0;
    QStringList unexplained;
    QStringList explainedButAgreeing;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QFile f(root + QStringLiteral("emails/") + it.key());
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(it.key()));
        const ReturnedMail mail = ReturnedMail::read(f.readAll());

        // Expected: address → class ("" address for an auto-reply, where the reply's sender is the member).
        QMap<QString, QString> want;
        for (const QJsonValue &v : it.value().toArray()) {
            const QJsonObject r = v.toObject();
            const QString cls = expectedClass(r);
            want.insert(cls == QLatin1String("auto_reply") ? QString()
                                                           : r.value(QStringLiteral("recipient")).toString().toLower(),
                        cls);
        }
        QMap<QString, QString> got;
        if (mail.kind != ReturnKind::Other && mail.kind != ReturnKind::Unsubscribe) {
            for (const auto &r : mail.recipients) {
                const QString cls = actualClass(r);
                got.insert(cls == QLatin1String("auto_reply") ? QString() : r.address.toLower(), cls);
            }
        }
        const bool same = want == got;
        if (same) {
            ++agree;
            if (knownDifferences().contains(it.key()))
                explainedButAgreeing.append(it.key());
            continue;
        }
        if (knownDifferences().contains(it.key()))
            continue;
        QStringList w, g;
        for (auto i = want.begin(); i != want.end(); ++i)
            w.append(i.key() + QLatin1Char('=') + i.value());
        for (const auto &r : mail.recipients)
            g.append(r.address + QLatin1Char('=') + actualClass(r) + QLatin1Char('/') +
                     Mail::Inbound::categoryKey(r.category) + QLatin1Char(' ') + r.status + QLatin1Char(' ') +
                     r.action + QLatin1String(" [") + r.diagnostic.left(100) + QLatin1Char(']'));
        unexplained.append(QStringLiteral("%1 (%2): sisimai %3 | Carnet %4")
                               .arg(it.key(), Mail::Inbound::kindKey(mail.kind), w.join(QLatin1String(", ")),
                                    g.join(QLatin1String(", "))));
    }
    const double rate = 100.0 * agree / expected.size();
    qInfo("Bounce conformance: %d of %lld files read as sisimai reads them (%.1f %%), %lld known differences", agree,
          qlonglong(expected.size()), rate, qlonglong(knownDifferences().size()));
    for (const QString &u : std::as_const(unexplained))
        qWarning("%s", qPrintable(u));
    QVERIFY2(explainedButAgreeing.isEmpty(),
             qPrintable(QStringLiteral("listed as differences but now agreeing: ") + explainedButAgreeing.join(u' ')));
    QVERIFY2(unexplained.isEmpty(), qPrintable(QStringLiteral("%1 unexplained differences").arg(unexplained.size())));
    for (auto it = knownDifferences().begin(); it != knownDifferences().end(); ++it)
        QVERIFY2(reasons().contains(it.value()), qPrintable(it.key()));
    // The target is 95 %; the measured floor without sisimai's per-host tables is this (README).
    QVERIFY2(rate >= 88.0, qPrintable(QString::number(rate)));
}

QTEST_GUILESS_MAIN(TestBounceConformance)
#include "tst_bounceconformance.moc"
