#include "ImportConsent.h"

#include "ColumnMapper.h"
#include "CsvReader.h"
#include "ValueParser.h"
#include "consent/ConsentLedger.h"
#include "consent/ConsentService.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>

using Core::Error;
using Core::Result;

namespace Import {

namespace {

// Normalised headers of yes/no newsletter columns, in French and English.
const QStringList kYesNoHeaders = {
    QStringLiteral("newsletter"),
    QStringLiteral("lettredinformation"),
    QStringLiteral("inscriptionalalettredinformation"),
    QStringLiteral("abonnementalalettredinformation"),
    QStringLiteral("abonnealalettredinformation"),
    QStringLiteral("infolettre"),
    QStringLiteral("abonnementinfolettre"),
    QStringLiteral("abonnementnewsletter"),
    QStringLiteral("inscriptionnewsletter"),
    QStringLiteral("accepterlanewsletter"),
    QStringLiteral("acceptelanewsletter"),
    QStringLiteral("consentementnewsletter"),
    QStringLiteral("newsletteroptin"),
    QStringLiteral("subscribedtonewsletter"),
    QStringLiteral("emailoptin"),
    QStringLiteral("optin"),
};

QDate dateOf(const QString &text)
{
    // Mailchimp writes "2016-04-18 13:51:14"; a plain ISO date is accepted too.
    const QString t = text.trimmed();
    if (t.size() < 10)
        return {};
    return QDate::fromString(t.left(10), Qt::ISODate);
}

} // namespace

ConsentColumns ConsentColumns::detect(const QStringList &header)
{
    ConsentColumns c;
    for (int i = 0; i < header.size(); ++i) {
        const QString raw = header[i].trimmed().toUpper();
        if (raw == QLatin1String("OPTIN_TIME"))
            c.optinTime = i;
        else if (raw == QLatin1String("CONFIRM_TIME"))
            c.confirmTime = i;
        else if (raw == QLatin1String("UNSUB_TIME") || raw == QLatin1String("CLEAN_TIME"))
            c.eventTime = i;
        else if (raw == QLatin1String("UNSUB_REASON"))
            c.reason = i;
        else if (c.yesNo < 0 && kYesNoHeaders.contains(ColumnMapper::normalizeHeader(header[i])))
            c.yesNo = i;
    }
    if (c.eventTime >= 0) {
        const bool cleaned = header[c.eventTime].trimmed().toUpper() == QLatin1String("CLEAN_TIME");
        c.kind = cleaned ? Kind::MailchimpCleaned : Kind::MailchimpUnsubscribed;
        c.column = header[c.eventTime];
    } else if (c.optinTime >= 0 || c.confirmTime >= 0) {
        c.kind = Kind::MailchimpOptIn;
        c.column = header[c.confirmTime >= 0 ? c.confirmTime : c.optinTime];
    } else if (c.yesNo >= 0) {
        c.kind = Kind::YesNo;
        c.column = header[c.yesNo];
    }
    return c;
}

QString ConsentColumns::kindKey() const
{
    switch (kind) {
    case Kind::None: return {};
    case Kind::MailchimpOptIn: return QStringLiteral("mailchimp-optin");
    case Kind::MailchimpUnsubscribed: return QStringLiteral("mailchimp-unsubscribed");
    case Kind::MailchimpCleaned: return QStringLiteral("mailchimp-cleaned");
    case Kind::YesNo: return QStringLiteral("yes-no");
    }
    return {};
}

QString ConsentColumns::description() const
{
    switch (kind) {
    case Kind::None: return {};
    case Kind::MailchimpOptIn:
        return QCoreApplication::translate("Import::ConsentColumns",
                                           "Mailchimp opt-in times (%1): each row is an express consent on that date.")
            .arg(column);
    case Kind::MailchimpUnsubscribed:
        return QCoreApplication::translate("Import::ConsentColumns",
                                           "A Mailchimp unsubscribed list: each row is a withdrawal.");
    case Kind::MailchimpCleaned:
        return QCoreApplication::translate(
            "Import::ConsentColumns", "A Mailchimp cleaned list (addresses that bounced): each row is a withdrawal.");
    case Kind::YesNo:
        return QCoreApplication::translate(
                   "Import::ConsentColumns",
                   "The column \"%1\" says yes or no: yes is an express consent, no withdraws a consent given before.")
            .arg(column);
    }
    return {};
}

ConsentRecorder::ConsentRecorder(Storage::Database &database, ConsentColumns columns, QString purpose, QString fileName,
                                 QDateTime now, bool dryRun)
    : m_database(database), m_columns(std::move(columns)), m_purpose(std::move(purpose)),
      m_fileName(std::move(fileName)), m_now(std::move(now)), m_dryRun(dryRun)
{}

Result<void> ConsentRecorder::prepare()
{
    Consent::ConsentLedger ledger(m_database);
    auto purposes = ledger.purposes();
    if (!purposes.ok())
        return purposes.error();
    QStringList keys;
    for (const Consent::Purpose &p : purposes.value())
        keys.append(p.key);
    if (!keys.contains(m_purpose))
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Import::ConsentRecorder", "There is no purpose \"%1\". Purposes: %2.")
                .arg(m_purpose, keys.join(QStringLiteral(", "))),
            QStringLiteral("consent_purpose"));
    auto suppressed = ledger.suppressedHashes();
    if (!suppressed.ok())
        return suppressed.error();
    m_suppressed = std::move(suppressed).value();
    return {};
}

Result<void> ConsentRecorder::append(qint64 memberId, qint64 line, bool grant, const QDate &date,
                                     const QString &wording)
{
    if (grant)
        ++m_counts.granted;
    else
        ++m_counts.withdrawn;
    if (m_dryRun || memberId <= 0)
        return {};
    Consent::Event e;
    e.memberId = memberId;
    e.purpose = m_purpose;
    e.action = grant ? Consent::Action::Grant : Consent::Action::Withdraw;
    if (grant)
        e.basis = Consent::Basis::Express;
    e.occurredOn = date.isValid() && date <= m_now.toLocalTime().date() ? date : m_now.toLocalTime().date();
    e.recordedAt = m_now;
    e.source = QCoreApplication::translate("Import::ConsentRecorder", "import %1, line %2").arg(m_fileName).arg(line);
    e.wording = wording;
    e.recordedBy = m_database.access().login;
    e.importBatchId = m_batchId;
    auto id = Consent::ConsentLedger(m_database).append(e);
    if (!id.ok())
        return id.error();
    return {};
}

Result<void> ConsentRecorder::row(const CsvRecord &record, qint64 memberId, const QString &email)
{
    const QStringList &f = record.fields;
    const QByteArray hash = Consent::suppressionHash(email);
    const bool suppressed = !hash.isEmpty() && m_suppressed.contains(hash);
    switch (m_columns.kind) {
    case ConsentColumns::Kind::None: return {};
    case ConsentColumns::Kind::MailchimpOptIn: {
        const QString optin = f.value(m_columns.optinTime).trimmed();
        const QString confirm = f.value(m_columns.confirmTime).trimmed();
        const QDate date = dateOf(confirm).isValid() ? dateOf(confirm) : dateOf(optin);
        if (!date.isValid()) {
            ++m_counts.undated;
            return {};
        }
        if (suppressed) {
            ++m_counts.suppressed;
            return {};
        }
        QString wording = QStringLiteral("Mailchimp opt-in");
        if (!optin.isEmpty())
            wording += QStringLiteral(" OPTIN_TIME %1").arg(optin);
        if (!confirm.isEmpty())
            wording += QStringLiteral(", CONFIRM_TIME %1").arg(confirm);
        return append(memberId, record.line, true, date, wording);
    }
    case ConsentColumns::Kind::MailchimpUnsubscribed:
    case ConsentColumns::Kind::MailchimpCleaned: {
        QString wording = m_columns.kind == ConsentColumns::Kind::MailchimpCleaned
                              ? QStringLiteral("Mailchimp cleaned (the address bounced)")
                              : QStringLiteral("Mailchimp unsubscribed");
        if (const QString reason = f.value(m_columns.reason).trimmed(); !reason.isEmpty())
            wording += QStringLiteral(": ") + reason;
        return append(memberId, record.line, false, dateOf(f.value(m_columns.eventTime)), wording);
    }
    case ConsentColumns::Kind::YesNo: {
        const QString value = f.value(m_columns.yesNo).trimmed();
        const int yes = ValueParser::parseBool(value);
        if (yes < 0)
            return {}; // empty or not a yes/no: nothing said
        const QString wording = QStringLiteral("%1: %2").arg(m_columns.column.trimmed(), value);
        if (yes == 1) {
            if (suppressed) {
                ++m_counts.suppressed;
                return {};
            }
            return append(memberId, record.line, true, {}, wording);
        }
        // "No" withdraws only a consent given before; otherwise there is nothing to withdraw.
        if (memberId <= 0)
            return {};
        QSqlQuery q(m_database.connection());
        q.prepare(
            QStringLiteral("SELECT 1 FROM consent_events WHERE member_id = ? AND purpose = ? AND action = 'grant' "
                           "LIMIT 1"));
        q.addBindValue(memberId);
        q.addBindValue(m_purpose);
        if (auto r = Storage::exec(q, QStringLiteral("consent before import")); !r.ok())
            return r;
        if (!q.next())
            return {};
        return append(memberId, record.line, false, {}, wording);
    }
    }
    return {};
}

QJsonObject ConsentRecorder::toJson() const
{
    return QJsonObject{{QStringLiteral("detected"), m_columns.kindKey()},
                       {QStringLiteral("column"), m_columns.column},
                       {QStringLiteral("purpose"), m_purpose},
                       {QStringLiteral("granted"), m_counts.granted},
                       {QStringLiteral("withdrawn"), m_counts.withdrawn},
                       {QStringLiteral("skipped_suppressed"), m_counts.suppressed},
                       {QStringLiteral("without_date"), m_counts.undated}};
}

} // namespace Import
