#pragma once

#include "ReportFields.h"
#include "reports/Report.h"

#include <QWizard>

class AppContext;

namespace Gui {

class ReportWorker;

// A saved report, step by step (Koha's guided reports without SQL): 1 what, 2 columns, 3 filters with a
// live count, 4 sort and totals, 5 preview, 6 save. The pages edit `report`; the last one saves it. Counts
// and previews run on a ReportWorker thread, so a million members never freeze the window.
class ReportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SubjectPage, ColumnsPage, FiltersPage, SortPage, PreviewPage, SavePage };
    enum class After { Nothing, Show, Export };

    // `report`: the one to edit (its name kept as originalName), or a new one (empty name).
    ReportWizard(AppContext &context, const ReportFields &fields, const Reports::ReportDefinition &report,
                 QWidget *parent = nullptr);
    ~ReportWizard() override;

    AppContext &context() { return m_context; }
    const ReportFields &fields() const { return m_fields; }
    ReportWorker &worker() { return *m_worker; }

    Reports::ReportDefinition report;
    QString originalName;            // the saved report being edited ("" for a new one)
    QHash<QString, QString> answers; // the values given to its questions in the preview
    After after = After::Show;

private:
    AppContext &m_context;
    const ReportFields &m_fields;
    ReportWorker *m_worker = nullptr;
};

} // namespace Gui
