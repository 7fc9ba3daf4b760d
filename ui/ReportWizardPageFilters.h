#pragma once

#include <QTimer>
#include <QWizardPage>

#include <memory>

namespace Ui {
class ReportWizardPageFilters;
}

namespace Gui {

class FilterGroupWidget;
class ReportWizard;

// Step 3: the filter, AND / OR groups of conditions, with the number of matching members updated as the
// user edits (counted on the report worker; a newer edit supersedes a count still running).
class ReportWizardPageFilters : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReportWizardPageFilters(ReportWizard *wizard);
    ~ReportWizardPageFilters() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void edited();
    void recount();

    ReportWizard *m_wizard;
    std::unique_ptr<Ui::ReportWizardPageFilters> m_ui;
    FilterGroupWidget *m_group = nullptr;
    QTimer m_debounce;
    int m_ticket = 0;
};

} // namespace Gui
