#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class ExportWizardPageFile;
}

namespace Gui {

class ExportWizard;

// Step 4: the file, written on the worker (whole or nothing), or the addresses copied.
class ExportWizardPageFile : public QWizardPage
{
    Q_OBJECT

public:
    explicit ExportWizardPageFile(ExportWizard *wizard);
    ~ExportWizardPageFile() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    ExportWizard *m_wizard;
    std::unique_ptr<Ui::ExportWizardPageFile> m_ui;
    void start();
    QString suffix() const; // of the format chosen: csv, xlsx, ods
    int m_ticket = 0;
    bool m_busy = false;
    bool m_done = false;
};

} // namespace Gui
