#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Import {
class ImportJob;
}

namespace Gui {

class ImportWizard;

// Step 4: the import itself, in one transaction, then what it did — and Undo.
class ImportWizardPageResult : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportWizardPageResult(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void showResult();

    ImportWizard *m_wizard;
    Import::ImportJob *m_job;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QPushButton *m_undo;
    qint64 m_batch = 0;
    bool m_done = false;
};

} // namespace Gui
