#pragma once

#include "Report.h"
#include "consent/ConsentService.h"
#include "core/Result.h"

#include <QJsonObject>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace Storage {
class AuditLog;
}

namespace Reports {

// One export of a report: to a file, or to a sink (standard output), for administration (every row) or for
// mailing (only the members the consent service allows for `purpose`).
struct ExportRequest
{
    ReportDefinition report;
    QHash<QString, QString> params;
    ReadOptions options;
    QString purpose; // empty: for administration
    QString path;    // empty: the sink given to write()
    // Set: exactly these members (the window's current selection), the report giving columns and order.
    std::optional<std::vector<qint64>> members;
};

// What an export will write, known before writing: the rows (for mailing: only those allowed, in the
// report's order) and, for mailing, who is left out and why.
struct ExportPlan
{
    bool forMailing = false;
    bool restricted = false;  // rows is the exact list to write (for mailing, or given members)
    std::vector<qint64> rows; // for mailing, given members, or when the caller asked for them; otherwise empty
    qint64 rowCount = 0;
    Consent::Eligibility eligibility; // for mailing: the excluded ids by reason
    QJsonObject excluded() const { return forMailing ? eligibility.excludedJson() : QJsonObject(); }
};

// Writes reports out: CSV with the chosen options or a spreadsheet (.xlsx, .ods), atomically (a temporary file renamed
// at the end: never a half-written file; a full disk or a refused write leaves any previous file as it was), every
// export in the audit log. The addresses for an e-mail program's BCC come from here too, through the consent service.
class ReportExporter
{
public:
    ReportExporter(ReportRunner &runner, Consent::ConsentService &consent, Storage::Database &database,
                   Storage::AuditLog &audit)
        : m_runner(runner), m_consent(consent), m_database(database), m_audit(audit)
    {}

    Core::Result<ExportPlan> plan(const ExportRequest &request, bool wantRows = false) const;
    // The CSV (header and rows) to the file in request.path, or to `sink` when the path is empty; a spreadsheet
    // (request.options.spreadsheet) only to a file. `cancel`,
    // when set during the run, stops it with a Cancelled error and no file. Returns the rows written.
    Core::Result<qint64> write(const ExportRequest &request, const ExportPlan &plan,
                               const std::function<void(const QByteArray &)> &sink = {},
                               const std::atomic_bool *cancel = nullptr) const;
    // The audit entry of an export (write() adds it itself; for exports written elsewhere, e.g. JSON).
    Core::Result<void> audit(const ExportRequest &request, qint64 rows, const QString &destination) const;

    // The addresses of these members, each once (a household may share a mailbox), in the order given;
    // an e-mail program's Bcc field takes them joined with "; ".
    Core::Result<QStringList> addresses(const std::vector<qint64> &ids) const;

private:
    Core::Result<std::vector<qint64>> idsToWrite(const ExportRequest &request, const ExportPlan &plan,
                                                 const ReportDefinition &report) const;
    Core::Result<qint64> writeSpreadsheet(const ExportRequest &request, const ExportPlan &plan,
                                          const ReportDefinition &report, const std::atomic_bool *cancel) const;

    ReportRunner &m_runner;
    Consent::ConsentService &m_consent;
    Storage::Database &m_database;
    Storage::AuditLog &m_audit;
};

} // namespace Reports
