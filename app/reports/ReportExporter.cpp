#include "ReportExporter.h"

#include "core/MemberField.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QSet>

using Core::Error;
using Core::Result;

namespace Reports {

Result<ExportPlan> ReportExporter::plan(const ExportRequest &request, bool wantRows) const
{
    ExportPlan plan;
    plan.forMailing = !request.purpose.isEmpty();
    // A list for mailing is sending by other means: not a reader's (who can export for administration).
    if (plan.forMailing && !m_database.access().canEdit())
        return Error::make(Error::Code::Forbidden, m_database.access().needEditor());
    plan.restricted = plan.forMailing || request.members.has_value();
    if (!plan.restricted && !wantRows) {
        auto count = m_runner.count(request.report, request.params);
        if (!count.ok())
            return count.error();
        plan.rowCount = count.value();
        return plan;
    }
    if (request.members) {
        plan.rows = *request.members;
    } else {
        auto ids = m_runner.ids(request.report, request.params);
        if (!ids.ok())
            return ids.error();
        plan.rows = std::move(ids).value();
    }
    if (plan.forMailing) {
        // The consent service decides, at this instant; the report keeps its order.
        auto eligible = m_consent.eligible(request.purpose, plan.rows);
        if (!eligible.ok())
            return eligible.error();
        plan.eligibility = std::move(eligible).value();
        std::vector<qint64> allowed = plan.eligibility.eligible;
        std::sort(allowed.begin(), allowed.end());
        std::erase_if(plan.rows,
                      [&allowed](qint64 id) { return !std::binary_search(allowed.begin(), allowed.end(), id); });
    }
    plan.rowCount = qint64(plan.rows.size());
    return plan;
}

Result<qint64> ReportExporter::write(const ExportRequest &request, const ExportPlan &plan,
                                     const std::function<void(const QByteArray &)> &sink,
                                     const std::atomic_bool *cancel) const
{
    ReportDefinition report = request.report;
    const ReadOptions &options = request.options;
    if (options.mailchimp)
        report.columns = {QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name")};
    if (!request.purpose.isEmpty() && !m_database.access().canEdit())
        return Error::make(Error::Code::Forbidden, m_database.access().needEditor());
    if (options.spreadsheet)
        return writeSpreadsheet(request, plan, report, cancel);
    const bool toFile = !request.path.isEmpty();
    auto cannotWrite = [&](const QString &why) {
        return Error::make(Error::Code::Storage,
                           QCoreApplication::translate("Reports::ReportExporter", "Cannot write %1: %2")
                               .arg(QDir::toNativeSeparators(request.path), why));
    };
    QSaveFile file(request.path);
    if (toFile && !file.open(QIODevice::WriteOnly))
        return cannotWrite(file.errorString());
    bool writeFailed = false;
    bool stopped = false;
    auto out = [&](const QByteArray &bytes) {
        if (writeFailed || stopped)
            return;
        if (cancel && cancel->load()) {
            stopped = true;
            return;
        }
        if (!toFile)
            sink(bytes);
        else if (file.write(bytes) != bytes.size())
            writeFailed = true;
    };
    QByteArray header = options.bom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    QStringList cells;
    for (const QString &h : m_runner.headers(report, options))
        cells.append(csvCell(h, options.delimiter));
    header += cells.join(options.delimiter).toUtf8() + "\r\n";
    out(header);

    bool handled = false;
    auto streamed =
        m_runner.streamCsv(report, request.params, plan.forMailing ? &plan.rows : nullptr, options, out, &handled);
    if (!streamed.ok())
        return streamed.error();
    qint64 written = streamed.value();
    if (!handled) {
        // Consent columns: through the consent service, a chunk at a time.
        auto rowIds = idsToWrite(request, plan, report);
        if (!rowIds.ok())
            return rowIds.error();
        const std::vector<qint64> ids = std::move(rowIds).value();
        // A spreadsheet for people (the Excel presets) reads as the member table does; plain CSV and
        // Mailchimp keep the codes.
        const bool words = options.labels && !options.mailchimp;
        auto done = m_runner.rows(report, ids, options.dateFormat, words, [&](const QStringList &values) {
            QStringList line;
            for (const QString &v : values)
                line.append(csvCell(v, options.delimiter));
            out(line.join(options.delimiter).toUtf8() + "\r\n");
        });
        if (!done.ok())
            return done.error();
        written = qint64(ids.size());
    }
    if (stopped) {
        file.cancelWriting();
        return Error::make(Error::Code::Cancelled,
                           QCoreApplication::translate("Reports::ReportExporter", "The export was stopped."));
    }
    if (toFile && (writeFailed || !file.commit())) {
        const QString why = file.errorString();
        file.cancelWriting();
        return cannotWrite(why);
    }
    if (auto a = audit(request, written, toFile ? QFileInfo(request.path).fileName() : QStringLiteral("-")); !a.ok())
        return a.error();
    return written;
}

Result<std::vector<qint64>> ReportExporter::idsToWrite(const ExportRequest &request, const ExportPlan &plan,
                                                       const ReportDefinition &report) const
{
    // The plan holds the exact rows for a mailing or a selection; otherwise every match, read now.
    if (plan.restricted || !plan.rows.empty() || plan.rowCount == 0)
        return plan.rows;
    return m_runner.ids(report, request.params);
}

Result<qint64> ReportExporter::writeSpreadsheet(const ExportRequest &request, const ExportPlan &plan,
                                                const ReportDefinition &report, const std::atomic_bool *cancel) const
{
    const ReadOptions &options = request.options;
    if (request.path.isEmpty())
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Reports::ReportExporter", "A spreadsheet is written to a file: "
                                                                                  "give the file's name."));
    auto rowIds = idsToWrite(request, plan, report);
    if (!rowIds.ok())
        return rowIds.error();
    const std::vector<qint64> ids = std::move(rowIds).value();
    SpreadsheetWriter::Options sheetOptions;
    sheetOptions.title = report.name;
    sheetOptions.datePattern = options.dateFormat;
    auto writer = SpreadsheetWriter::create(*options.spreadsheet, request.path, sheetOptions);
    // A spreadsheet is for people: the header in their language (Mailchimp's own names for Mailchimp).
    ReadOptions labelled = options;
    labelled.labels = true;
    const QStringList titles = m_runner.headers(report, labelled);
    QList<SheetColumn> columns;
    for (qsizetype i = 0; i < report.columns.size(); ++i) {
        SheetColumn column{titles.value(i), CellType::Text};
        Core::MemberField field;
        if (Core::MemberFields::fromKey(report.columns[i], &field)) {
            switch (Core::MemberFields::type(field)) {
            case Core::FieldType::Date: column.type = CellType::Date; break;
            case Core::FieldType::DateTime: column.type = CellType::DateTime; break;
            case Core::FieldType::Integer: column.type = CellType::Number; break;
            default: break;
            }
        }
        columns.append(column);
    }
    const QString sheetName =
        report.name.isEmpty() ? QCoreApplication::translate("Reports::ReportExporter", "Members") : report.name;
    if (auto s = writer->addSheet(sheetName, columns); !s.ok())
        return s.error();
    std::optional<Error> failed;
    bool stopped = false;
    auto done = m_runner.cells(report, ids, options.dateFormat, !options.mailchimp, [&](const QVariantList &values) {
        if (failed || stopped)
            return;
        if (cancel && cancel->load()) {
            stopped = true;
            return;
        }
        if (auto r = writer->addRow(values); !r.ok())
            failed = r.error();
    });
    if (!done.ok())
        return done.error();
    if (failed)
        return *failed;
    if (stopped)
        return Error::make(Error::Code::Cancelled,
                           QCoreApplication::translate("Reports::ReportExporter", "The export was stopped."));
    if (auto c = writer->commit(); !c.ok())
        return c.error();
    const qint64 written = writer->rowsWritten();
    if (auto a = audit(request, written, QFileInfo(request.path).fileName()); !a.ok())
        return a.error();
    return written;
}

Result<void> ReportExporter::audit(const ExportRequest &request, qint64 rows, const QString &destination) const
{
    QStringList columns = request.report.columns;
    if (request.options.mailchimp)
        columns = {QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name")};
    return m_database.write(
        [&] {
            return m_audit.append(QStringLiteral("export"), 0,
                                  {{QStringLiteral("report"), request.report.name},
                                   {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
                                   {QStringLiteral("rows"), rows},
                                   {QStringLiteral("file"), destination},
                                   {QStringLiteral("purpose"), request.purpose.isEmpty()
                                                                   ? QStringLiteral("administration")
                                                                   : QStringLiteral("mailing:") + request.purpose}});
        },
        Storage::Database::WriteKind::AuditOnly);
}

Result<QStringList> ReportExporter::addresses(const std::vector<qint64> &ids) const
{
    QStringList addresses;
    QSet<QString> seen;
    constexpr size_t kChunk = 500;
    for (size_t start = 0; start < ids.size(); start += kChunk) {
        const std::vector<qint64> chunk(ids.begin() + qsizetype(start),
                                        ids.begin() + qsizetype(std::min(ids.size(), start + kChunk)));
        auto members = m_runner.members().fetch(chunk);
        if (!members.ok())
            return members.error();
        for (const Core::Member &m : members.value()) {
            const QString key = m.email.toLower();
            if (!m.email.isEmpty() && !seen.contains(key)) {
                seen.insert(key);
                addresses.append(m.email);
            }
        }
    }
    return addresses;
}

} // namespace Reports
