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
    // A workbook by default: it opens in Excel and LibreOffice as it is, leading zeros and dates intact.
    m_ui->xlsxRadio->setChecked(true);
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
    if (m_ui->xlsxRadio->isChecked() || m_ui->odsRadio->isChecked()) {
        options.spreadsheet = m_ui->xlsxRadio->isChecked() ? Reports::SpreadsheetWriter::Format::Xlsx
                                                           : Reports::SpreadsheetWriter::Format::Ods;
        options.labels = true;
        // Dates shown as the user writes them: 31/12/2026 in France, 2026-12-31 in Québec and in English.
        const QLocale locale;
        if (locale.language() == QLocale::French && locale.territory() != QLocale::Canada)
            options.dateFormat = QStringLiteral("dd/MM/yyyy");
    } else if (m_ui->excelFrRadio->isChecked())
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
