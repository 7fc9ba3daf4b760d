#include "ExportWizardPageFormat.h"

#include "ExportWizard.h"
#include "ui_ExportWizardPageFormat.h"

#include <QLocale>

namespace Gui {

ExportWizardPageFormat::ExportWizardPageFormat(ExportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ExportWizardPageFormat>())
{
    m_ui->setupUi(this);
    m_ui->delimiterCombo->addItem(tr("Comma ,"), QStringLiteral(","));
    m_ui->delimiterCombo->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_ui->delimiterCombo->addItem(tr("Tab"), QStringLiteral("\t"));
    // French users' Excel expects semicolons and day/month dates.
    if (QLocale().language() == QLocale::French)
        m_ui->excelFrRadio->setChecked(true);
    else
        m_ui->excelEnRadio->setChecked(true);
    auto custom = [this] {
        m_ui->delimiterCombo->setEnabled(m_ui->customRadio->isChecked());
        m_ui->bomCheck->setEnabled(m_ui->customRadio->isChecked());
    };
    connect(m_ui->customRadio, &QRadioButton::toggled, this, custom);
    custom();
}

ExportWizardPageFormat::~ExportWizardPageFormat() = default;

void ExportWizardPageFormat::initializePage()
{}

bool ExportWizardPageFormat::isComplete() const
{
    return true;
}

bool ExportWizardPageFormat::validatePage()
{
    Reports::ReadOptions options;
    if (m_ui->excelFrRadio->isChecked())
        Reports::ReadOptions::preset(QStringLiteral("excel-fr"), &options);
    else if (m_ui->excelEnRadio->isChecked())
        Reports::ReadOptions::preset(QStringLiteral("excel-en"), &options);
    else if (m_ui->mailchimpRadio->isChecked())
        Reports::ReadOptions::preset(QStringLiteral("mailchimp"), &options);
    else if (m_ui->customRadio->isChecked()) {
        options.delimiter = m_ui->delimiterCombo->currentData().toString().at(0);
        options.bom = m_ui->bomCheck->isChecked();
        options.labels = true;
    }
    m_wizard->request.options = options;
    m_wizard->clipboard = m_ui->clipboardRadio->isChecked();
    return true;
}

int ExportWizardPageFormat::nextId() const
{
    // Mailchimp's columns are fixed; the addresses are addresses.
    if (m_ui->mailchimpRadio->isChecked() || m_ui->clipboardRadio->isChecked())
        return ExportWizard::PurposePage;
    return ExportWizard::ColumnsPage;
}

} // namespace Gui
