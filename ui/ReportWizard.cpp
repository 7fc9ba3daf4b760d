#include "ReportWizard.h"

#include "AppContext.h"
#include "ReportWizardPageColumns.h"
#include "ReportWizardPageFilters.h"
#include "ReportWizardPagePreview.h"
#include "ReportWizardPageSave.h"
#include "ReportWizardPageSort.h"
#include "ReportWizardPageSubject.h"
#include "ReportWorker.h"
#include "storage/Database.h"

namespace Gui {

ReportWizard::ReportWizard(AppContext &context, const ReportFields &fields, const Reports::ReportDefinition &r,
                           QWidget *parent)
    : QWizard(parent), report(r), originalName(r.name), m_context(context), m_fields(fields)
{
    setObjectName(QStringLiteral("reportWizard"));
    setWindowTitle(r.name.isEmpty() ? tr("New report") : tr("Edit the report \"%1\"").arg(r.name));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::HaveHelpButton, false);
    m_worker = new ReportWorker(context.database().connectPath(), context.clock(), this);
    setPage(SubjectPage, new ReportWizardPageSubject(this));
    setPage(ColumnsPage, new ReportWizardPageColumns(this));
    setPage(FiltersPage, new ReportWizardPageFilters(this));
    setPage(SortPage, new ReportWizardPageSort(this));
    setPage(PreviewPage, new ReportWizardPagePreview(this));
    setPage(SavePage, new ReportWizardPageSave(this));
    resize(900, 620);
}

ReportWizard::~ReportWizard() = default;

} // namespace Gui
