#pragma once

#include <QTimer>
#include <QWizardPage>

#include <memory>

class QLineEdit;

namespace Ui {
class ReportWizardPagePreview;
}

namespace Gui {

class ReportWizard;
struct ReportPreview;

// Step 5: the first rows and the total, the totals per group, and the answers to the report's questions
// (asked when it runs; given here to see the preview).
class ReportWizardPagePreview : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReportWizardPagePreview(ReportWizard *wizard);
    ~ReportWizardPagePreview() override;

    void initializePage() override;
    void cleanupPage() override;

    static constexpr int kRows = 50;

private:
    void refresh();
    void show(const ReportPreview &preview);

    ReportWizard *m_wizard;
    std::unique_ptr<Ui::ReportWizardPagePreview> m_ui;
    QList<QPair<QString, QLineEdit *>> m_answers;
    QTimer m_debounce;
    int m_ticket = 0;
};

} // namespace Gui
