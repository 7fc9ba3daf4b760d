#include "ExportWizardPageColumns.h"

#include "ExportWizard.h"
#include "ui_ExportWizardPageColumns.h"

namespace Gui {

namespace {
constexpr int KeyRole = Qt::UserRole + 1;
}

ExportWizardPageColumns::ExportWizardPageColumns(ExportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ExportWizardPageColumns>())
{
    m_ui->setupUi(this);
    m_ui->headerCombo->addItem(tr("Header: column names in your language"), true);
    m_ui->headerCombo->addItem(tr("Header: field names (email, first_name…)"), false);
    // Every field the report has, ticked, then every other field, not ticked.
    const QStringList chosen = wizard->request.report.columns;
    for (const QString &key : chosen) {
        auto *item = new QListWidgetItem(wizard->fields().label(key), m_ui->columnList);
        item->setData(KeyRole, key);
        item->setCheckState(Qt::Checked);
    }
    for (const ReportField &f : wizard->fields().all()) {
        if (!f.column || chosen.contains(f.key))
            continue;
        auto *item = new QListWidgetItem(f.label, m_ui->columnList);
        item->setData(KeyRole, f.key);
        item->setCheckState(Qt::Unchecked);
    }
    m_ui->columnList->setCurrentRow(0);
    connect(m_ui->columnList, &QListWidget::itemChanged, this, &ExportWizardPageColumns::completeChanged);
    connect(m_ui->upButton, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_ui->downButton, &QPushButton::clicked, this, [this] { move(1); });
}

ExportWizardPageColumns::~ExportWizardPageColumns() = default;

void ExportWizardPageColumns::initializePage()
{
    m_ui->headerCombo->setCurrentIndex(m_wizard->request.options.labels ? 0 : 1);
}

void ExportWizardPageColumns::move(int by)
{
    const int row = m_ui->columnList->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_ui->columnList->count())
        return;
    QListWidgetItem *item = m_ui->columnList->takeItem(row);
    m_ui->columnList->insertItem(to, item);
    m_ui->columnList->setCurrentRow(to);
}

bool ExportWizardPageColumns::isComplete() const
{
    for (int i = 0; i < m_ui->columnList->count(); ++i)
        if (m_ui->columnList->item(i)->checkState() == Qt::Checked)
            return true;
    return false;
}

bool ExportWizardPageColumns::validatePage()
{
    QStringList columns;
    for (int i = 0; i < m_ui->columnList->count(); ++i)
        if (m_ui->columnList->item(i)->checkState() == Qt::Checked)
            columns.append(m_ui->columnList->item(i)->data(KeyRole).toString());
    m_wizard->request.report.columns = columns;
    m_wizard->request.options.labels = m_ui->headerCombo->currentData().toBool();
    return true;
}

int ExportWizardPageColumns::nextId() const
{
    return ExportWizard::PurposePage;
}

} // namespace Gui
