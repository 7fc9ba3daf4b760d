#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Gui {

class ImportWizard;

// Step 1: the file, its encoding, separator and header as detected — each can be overridden. For a
// spreadsheet (.xlsx, .ods) the sheets take the place of the encoding and the separator.
class ImportWizardPageFile : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportWizardPageFile(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void reload();

    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QComboBox *m_encoding;
    QComboBox *m_separator;
    QComboBox *m_sheet;
    QFormLayout *m_form;
    QCheckBox *m_header;
    QLabel *m_detected;
    QLabel *m_error;
    QTableWidget *m_sample;
    bool m_ok = false;
    bool m_loading = false;
};

} // namespace Gui
