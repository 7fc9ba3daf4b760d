#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ExportWizardPagePurpose;
}

namespace Gui {

class ExportWizard;

// Step 3: for a mailing (through the consent service; who is left out and why is shown before writing)
// or for administration.
class ExportWizardPagePurpose : public QWizardPage
{
    Q_OBJECT

public:
    explicit ExportWizardPagePurpose(ExportWizard *wizard);
    ~ExportWizardPagePurpose() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    ExportWizard *m_wizard;
    std::unique_ptr<Ui::ExportWizardPagePurpose> m_ui;
    void replan();
    int m_ticket = 0;
    bool m_ready = false;
};

} // namespace Gui
