#pragma once

#include "ReportFields.h"
#include "reports/ReportExporter.h"

#include <QWizard>

class AppContext;

namespace Gui {

class ReportWorker;

// Exporting a report or the window's current selection, step by step: 1 format (Excel French or English,
// Mailchimp, CSV with my choices, or the addresses for a Bcc field), 2 columns and labels, 3 purpose (for a
// mailing: only the members the consent service allows, with who is left out and why, shown before
// writing; for administration: every row, with a reminder), 4 the file (written on the report worker,
// atomically; Cancel stops it) or the addresses copied to the clipboard. Every export goes to the audit log.
class ExportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FormatPage, ColumnsPage, PurposePage, FilePage };

    // `request`: the report (or a report made for the current selection, with `members` set) and its answers.
    ExportWizard(AppContext &context, const ReportFields &fields, const Reports::ExportRequest &request,
                 const QString &what, QWidget *parent = nullptr);
    ~ExportWizard() override;

    AppContext &context() { return m_context; }
    const ReportFields &fields() const { return m_fields; }
    ReportWorker &worker() { return *m_worker; }
    const QString &what() const { return m_what; }

    Reports::ExportRequest request;
    Reports::ExportPlan plan;
    bool clipboard = false;
    QString resultMessage; // for the status bar

    void reject() override;

private:
    AppContext &m_context;
    const ReportFields &m_fields;
    QString m_what;
    ReportWorker *m_worker = nullptr;
};

} // namespace Gui
