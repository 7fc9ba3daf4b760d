#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ExportWizardPageColumns;
}

namespace Gui {

class ExportWizard;

// Step 2: which columns, in which order, with labels in the user's language or field names.
class ExportWizardPageColumns : public QWizardPage
{
    Q_OBJECT

public:
    explicit ExportWizardPageColumns(ExportWizard *wizard);
    ~ExportWizardPageColumns() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    ExportWizard *m_wizard;
    std::unique_ptr<Ui::ExportWizardPageColumns> m_ui;
    void move(int by);
};

} // namespace Gui
