#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ExportWizardPageFormat;
}

namespace Gui {

class ExportWizard;

// Step 1: the shape of the list (presets, or separator and BOM), or the addresses for a Bcc field.
class ExportWizardPageFormat : public QWizardPage
{
    Q_OBJECT

public:
    explicit ExportWizardPageFormat(ExportWizard *wizard);
    ~ExportWizardPageFormat() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    ExportWizard *m_wizard;
    std::unique_ptr<Ui::ExportWizardPageFormat> m_ui;
};

} // namespace Gui
