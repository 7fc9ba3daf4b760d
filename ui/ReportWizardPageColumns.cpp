#include "ReportWizardPageColumns.h"

#include "ReportWizard.h"
#include "ui_ReportWizardPageColumns.h"

namespace Gui {

namespace {
constexpr int KeyRole = Qt::UserRole + 1;
}

ReportWizardPageColumns::ReportWizardPageColumns(ReportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ReportWizardPageColumns>())
{
    m_ui->setupUi(this);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ReportWizardPageColumns::add);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ReportWizardPageColumns::remove);
    connect(m_ui->upButton, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_ui->downButton, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_ui->availableList, &QListWidget::itemDoubleClicked, this, &ReportWizardPageColumns::add);
    connect(m_ui->availableList, &QListWidget::itemActivated, this, &ReportWizardPageColumns::add);
    connect(m_ui->chosenList, &QListWidget::itemDoubleClicked, this, &ReportWizardPageColumns::remove);
}

ReportWizardPageColumns::~ReportWizardPageColumns() = default;

void ReportWizardPageColumns::initializePage()
{
    m_ui->availableList->clear();
    m_ui->chosenList->clear();
    QStringList chosen = m_wizard->report.columns;
    if (chosen.isEmpty()) // a new report starts with what a mailing list needs
        chosen = {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email")};
    for (const QString &key : chosen) {
        auto *item = new QListWidgetItem(m_wizard->fields().label(key), m_ui->chosenList);
        item->setData(KeyRole, key);
    }
    for (const ReportField &f : m_wizard->fields().all()) {
        if (!f.column || chosen.contains(f.key))
            continue;
        auto *item = new QListWidgetItem(f.label, m_ui->availableList);
        item->setData(KeyRole, f.key);
    }
    m_ui->availableList->setCurrentRow(0);
    Q_EMIT completeChanged();
}

void ReportWizardPageColumns::add()
{
    const QList<QListWidgetItem *> items = m_ui->availableList->selectedItems();
    for (QListWidgetItem *item : items) {
        m_ui->availableList->takeItem(m_ui->availableList->row(item));
        m_ui->chosenList->addItem(item);
    }
    if (!items.isEmpty())
        m_ui->chosenList->setCurrentItem(items.last());
    Q_EMIT completeChanged();
}

void ReportWizardPageColumns::remove()
{
    QListWidgetItem *item = m_ui->chosenList->currentItem();
    if (!item)
        return;
    m_ui->chosenList->takeItem(m_ui->chosenList->row(item));
    m_ui->availableList->addItem(item);
    Q_EMIT completeChanged();
}

void ReportWizardPageColumns::move(int by)
{
    const int row = m_ui->chosenList->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_ui->chosenList->count())
        return;
    QListWidgetItem *item = m_ui->chosenList->takeItem(row);
    m_ui->chosenList->insertItem(to, item);
    m_ui->chosenList->setCurrentRow(to);
}

bool ReportWizardPageColumns::isComplete() const
{
    return m_ui->chosenList->count() > 0;
}

bool ReportWizardPageColumns::validatePage()
{
    m_wizard->report.columns.clear();
    for (int i = 0; i < m_ui->chosenList->count(); ++i)
        m_wizard->report.columns.append(m_ui->chosenList->item(i)->data(KeyRole).toString());
    return true;
}

} // namespace Gui
