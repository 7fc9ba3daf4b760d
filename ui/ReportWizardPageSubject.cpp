#include "ReportWizardPageSubject.h"

#include "ReportWizard.h"
#include "ui_ReportWizardPageSubject.h"

namespace Gui {

ReportWizardPageSubject::ReportWizardPageSubject(ReportWizard *wizard)
    : QWizardPage(wizard), m_ui(std::make_unique<Ui::ReportWizardPageSubject>())
{
    m_ui->setupUi(this);
}

ReportWizardPageSubject::~ReportWizardPageSubject() = default;

} // namespace Gui
