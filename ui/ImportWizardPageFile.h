#pragma once

#include "import/TableSource.h"

#include <QWizardPage>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Gui {

class AsideRun;
class ImportWizard;

// Step 1: the file, its encoding, separator and header as detected — each can be overridden. For a
// spreadsheet (.xlsx, .ods) the sheets take the place of the encoding and the separator; they are listed with
// their rows on a thread of their own (a million-row .ods takes seconds), the sheet being read shown meanwhile.
class ImportWizardPageFile : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportWizardPageFile(ImportWizard *wizard);
    ~ImportWizardPageFile() override;
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void reload();
    void listSheets(std::unique_ptr<Import::TableSource> opened);
    void showSheets();

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
    QString m_loadedPath; // the path last read
    // The sheets, once listed aside, for the file they belong to; the sheet being read meanwhile.
    QString m_listedPath;
    QList<Import::SheetInfo> m_listed;
    int m_readingSheet = 0;
    QString m_readingSheetName;
    std::atomic<bool> m_closing = false;
    std::unique_ptr<AsideRun> m_lister; // after m_closing: destroyed (waiting for its job) before it
};

} // namespace Gui
