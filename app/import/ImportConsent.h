#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Storage {
class Database;
}

namespace Import {

struct CsvRecord;

// Consent a member file carries: Mailchimp's OPTIN_TIME / CONFIRM_TIME (express, with those dates),
// Mailchimp's unsubscribed and cleaned exports (withdrawals), a yes/no newsletter column (Paheko's
// "Inscription à la lettre d'information", a generic "Newsletter: Oui/Non"). Found from the header
// alone; recorded only for a purpose the user chose — a file never grants consent on its own.
struct ConsentColumns
{
    enum class Kind { None, MailchimpOptIn, MailchimpUnsubscribed, MailchimpCleaned, YesNo };

    Kind kind = Kind::None;
    int optinTime = -1;
    int confirmTime = -1;
    int eventTime = -1; // UNSUB_TIME or CLEAN_TIME
    int reason = -1;    // UNSUB_REASON
    int yesNo = -1;
    QString column; // the header that carries it, for messages

    static ConsentColumns detect(const QStringList &header);
    bool found() const { return kind != Kind::None; }
    QString kindKey() const;     // "mailchimp-optin", "mailchimp-unsubscribed", "mailchimp-cleaned", "yes-no"
    QString description() const; // translated, for the wizard
};

struct ConsentCounts
{
    qint64 granted = 0;
    qint64 withdrawn = 0;
    qint64 suppressed = 0; // grants not recorded: the address is on the suppression list
    qint64 undated = 0;    // opt-in rows without a time: nothing recorded
};

// Writes the ledger events of one import, inside the importer's transaction, each with source
// "import FILE, line N" and the batch id (so that undoing the import removes them).
class ConsentRecorder
{
public:
    ConsentRecorder(Storage::Database &database, ConsentColumns columns, QString purpose, QString fileName,
                    QDateTime now, bool dryRun);

    Core::Result<void> prepare(); // checks the purpose, loads the suppression list
    void setBatch(qint64 batchId) { m_batchId = batchId; }
    Core::Result<void> row(const CsvRecord &record, qint64 memberId, const QString &email);
    const ConsentCounts &counts() const { return m_counts; }
    QJsonObject toJson() const;

private:
    Core::Result<void> append(qint64 memberId, qint64 line, bool grant, const QDate &date, const QString &wording);

    Storage::Database &m_database;
    ConsentColumns m_columns;
    QString m_purpose;
    QString m_fileName;
    QDateTime m_now;
    bool m_dryRun;
    qint64 m_batchId = 0;
    QSet<QByteArray> m_suppressed;
    ConsentCounts m_counts;
};

} // namespace Import
