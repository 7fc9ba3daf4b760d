#pragma once

#include <QStringList>
#include <QWizardPage>

class QCheckBox;
class QListWidget;
class QComboBox;
class QFormLayout;
class QLabel;
class QTableWidget;

namespace Gui {

class ImportWizard;

// Step 2: what each column holds (detected, editable), how rows meet existing members, and the
// questions only the user can answer (how dates are written, rows without email).
class ImportWizardPageColumns : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportWizardPageColumns(ImportWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    ImportWizard *m_wizard;
    QTableWidget *m_columns;
    QComboBox *m_mode;
    QComboBox *m_dateOrder;
    QCheckBox *m_skipNoEmail;
    QListWidget *m_protected; // fields an update or a fill never overwrites
    QLabel *m_consentInfo;    // what consent the file carries, when it carries some
    QComboBox *m_consentPurpose;
    QFormLayout *m_form;
    QStringList m_keys; // header cells, or column_N
};

} // namespace Gui
