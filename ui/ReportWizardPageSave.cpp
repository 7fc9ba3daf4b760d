#include "ReportWizardPageSave.h"

#include "AppContext.h"
#include "MessageBox.h"
#include "ReportWizard.h"
#include "ui_ReportWizardPageSave.h"

namespace Gui {

ReportWizardPageSave::ReportWizardPageSave(ReportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ReportWizardPageSave>())
{
    m_ui->setupUi(this);
    m_ui->nameEdit->setMaxLength(120);
    m_ui->afterCombo->addItem(tr("Show its members in the window"), int(ReportWizard::After::Show));
    m_ui->afterCombo->addItem(tr("Export it…"), int(ReportWizard::After::Export));
    m_ui->afterCombo->addItem(tr("Nothing more"), int(ReportWizard::After::Nothing));
    m_ui->saveError->setStyleSheet(QStringLiteral("color: #b00020"));
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &ReportWizardPageSave::completeChanged);
    setButtonText(QWizard::FinishButton, tr("&Save"));
}

ReportWizardPageSave::~ReportWizardPageSave() = default;

void ReportWizardPageSave::initializePage()
{
    const Reports::ReportDefinition &r = m_wizard->report;
    m_ui->nameEdit->setText(r.name);
    m_ui->groupEdit->clear();
    QStringList groups;
    if (auto all = Reports::ReportRepository(m_wizard->context().database(), m_wizard->context().clock()).list();
        all.ok())
        for (const Reports::ReportDefinition &other : all.value())
            if (!other.group.isEmpty() && !groups.contains(other.group))
                groups.append(other.group);
    m_ui->groupEdit->addItems(groups);
    m_ui->groupEdit->setCurrentText(r.group);
    m_ui->subgroupEdit->setText(r.subgroup);
    m_ui->notesEdit->setPlainText(r.notes);
    m_ui->saveError->clear();
    m_ui->nameEdit->setFocus();
}

bool ReportWizardPageSave::isComplete() const
{
    return !m_ui->nameEdit->text().trimmed().isEmpty();
}

bool ReportWizardPageSave::validatePage()
{
    Reports::ReportDefinition r = m_wizard->report;
    r.name = m_ui->nameEdit->text().trimmed();
    r.group = m_ui->groupEdit->currentText().trimmed();
    r.subgroup = m_ui->subgroupEdit->text().trimmed();
    r.notes = m_ui->notesEdit->toPlainText();
    auto checked = Reports::ReportDefinition::fromJson(r.toJson());
    if (!checked.ok()) {
        m_ui->saveError->setText(checked.error().message);
        return false;
    }
    Reports::ReportRepository repository(m_wizard->context().database(), m_wizard->context().clock());
    if (r.name != m_wizard->originalName && repository.find(r.name).ok() &&
        MessageBox::question(this, tr("Replace the report?"),
                             tr("A report named \"%1\" exists already. Replace it with this one?").arg(r.name),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    if (auto saved = repository.save(checked.value()); !saved.ok()) {
        m_ui->saveError->setText(saved.error().message);
        return false;
    }
    if (!m_wizard->originalName.isEmpty() && m_wizard->originalName != r.name)
        if (auto removed = repository.remove(m_wizard->originalName); !removed.ok()) // renamed: the old name goes
            MessageBox::information(this, tr("Report saved"),
                                    tr("Saved as \"%1\"; the old \"%2\" stays: %3")
                                        .arg(r.name, m_wizard->originalName, removed.error().message));
    m_wizard->report = checked.value();
    m_wizard->after = ReportWizard::After(m_ui->afterCombo->currentData().toInt());
    return true;
}

} // namespace Gui
