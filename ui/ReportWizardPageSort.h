#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ReportWizardPageSort;
}

namespace Gui {

class ReportWizard;

// Step 4: sort keys, and optionally members counted per value of a field (Koha's "math" step).
class ReportWizardPageSort : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReportWizardPageSort(ReportWizard *wizard);
    ~ReportWizardPageSort() override;

    void initializePage() override;
    bool validatePage() override;

private:
    ReportWizard *m_wizard;
    std::unique_ptr<Ui::ReportWizardPageSort> m_ui;
};

} // namespace Gui
