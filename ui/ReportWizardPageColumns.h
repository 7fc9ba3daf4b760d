#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ReportWizardPageColumns;
}

namespace Gui {

class ReportWizard;

// Step 2: the columns and their order.
class ReportWizardPageColumns : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReportWizardPageColumns(ReportWizard *wizard);
    ~ReportWizardPageColumns() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void add();
    void remove();
    void move(int by);

    ReportWizard *m_wizard;
    std::unique_ptr<Ui::ReportWizardPageColumns> m_ui;
};

} // namespace Gui
