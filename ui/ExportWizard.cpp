#include "ExportWizard.h"

#include "AppContext.h"
#include "ExportWizardPageColumns.h"
#include "ExportWizardPageFile.h"
#include "ExportWizardPageFormat.h"
#include "ExportWizardPagePurpose.h"
#include "ReportWorker.h"
#include "storage/Database.h"

namespace Gui {

ExportWizard::ExportWizard(AppContext &context, const ReportFields &fields, const Reports::ExportRequest &r,
                           const QString &what, QWidget *parent)
    : QWizard(parent), request(r), m_context(context), m_fields(fields), m_what(what)
{
    setObjectName(QStringLiteral("exportWizard"));
    setWindowTitle(tr("Export %1").arg(what));
    setWizardStyle(QWizard::ClassicStyle);
    m_worker = new ReportWorker(context.database().connectPath(), context.clock(), this);
    setPage(FormatPage, new ExportWizardPageFormat(this));
    setPage(ColumnsPage, new ExportWizardPageColumns(this));
    setPage(PurposePage, new ExportWizardPagePurpose(this));
    setPage(FilePage, new ExportWizardPageFile(this));
    resize(760, 520);
}

ExportWizard::~ExportWizard() = default;

void ExportWizard::reject()
{
    m_worker->cancel(); // a file being written is abandoned; the previous one stays
    QWizard::reject();
}

} // namespace Gui
