#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ReportWizardPageSave;
}

namespace Gui {

class ReportWizard;

// Step 6: name, group, subgroup and notes; saved in the member file. Then show its members, export it, or
// nothing more.
class ReportWizardPageSave : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReportWizardPageSave(ReportWizard *wizard);
    ~ReportWizardPageSave() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    ReportWizard *m_wizard;
    std::unique_ptr<Ui::ReportWizardPageSave> m_ui;
};

} // namespace Gui
