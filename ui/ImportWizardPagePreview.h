#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Import {
class ImportJob;
}

namespace Gui {

class ImportWizard;

// Step 3: every row as it would be imported — new, update (with the fields that change), unchanged,
// duplicate, rejected (with the reason) — from a dry run that writes nothing.
class ImportWizardPagePreview : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportWizardPagePreview(ImportWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void showReport();
    void fillTable();

    ImportWizard *m_wizard;
    Import::ImportJob *m_job;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QComboBox *m_filter;
    QTableWidget *m_rows;
    QPushButton *m_saveRejected;
    bool m_done = false;
};

} // namespace Gui
