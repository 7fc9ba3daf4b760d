#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ReportWizardPageSubject;
}

namespace Gui {

class ReportWizard;

// Step 1: what the report lists (members; the structure leaves room for other subjects).
class ReportWizardPageSubject : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReportWizardPageSubject(ReportWizard *wizard);
    ~ReportWizardPageSubject() override;

private:
    std::unique_ptr<Ui::ReportWizardPageSubject> m_ui;
};

} // namespace Gui
