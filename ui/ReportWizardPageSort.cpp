#include "ReportWizardPageSort.h"

#include "ReportWizard.h"
#include "ui_ReportWizardPageSort.h"

namespace Gui {

ReportWizardPageSort::ReportWizardPageSort(ReportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ReportWizardPageSort>())
{
    m_ui->setupUi(this);
    for (QComboBox *box : {m_ui->sortField1, m_ui->sortField2, m_ui->groupBy})
        box->addItem(tr("(none)"), QString());
    for (const ReportField &f : wizard->fields().all()) {
        if (!f.sortable)
            continue;
        m_ui->sortField1->addItem(f.label, f.key);
        m_ui->sortField2->addItem(f.label, f.key);
        m_ui->groupBy->addItem(f.label, f.key);
    }
    for (QComboBox *box : {m_ui->sortOrder1, m_ui->sortOrder2}) {
        box->addItem(tr("ascending (A → Z, oldest first)"), false);
        box->addItem(tr("descending (Z → A, newest first)"), true);
    }
}

ReportWizardPageSort::~ReportWizardPageSort() = default;

void ReportWizardPageSort::initializePage()
{
    const QList<Reports::SortKey> sort = m_wizard->report.sort;
    QComboBox *fields[] = {m_ui->sortField1, m_ui->sortField2};
    QComboBox *orders[] = {m_ui->sortOrder1, m_ui->sortOrder2};
    for (int i = 0; i < 2; ++i) {
        const QString key =
            i < sort.size() ? sort[i].field : (i == 0 ? QStringLiteral("last_name") : QStringLiteral("first_name"));
        fields[i]->setCurrentIndex(qMax(0, fields[i]->findData(key)));
        orders[i]->setCurrentIndex(i < sort.size() && sort[i].descending ? 1 : 0);
    }
    m_ui->groupBy->setCurrentIndex(qMax(0, m_ui->groupBy->findData(m_wizard->report.groupBy)));
}

bool ReportWizardPageSort::validatePage()
{
    m_wizard->report.sort.clear();
    QComboBox *fields[] = {m_ui->sortField1, m_ui->sortField2};
    QComboBox *orders[] = {m_ui->sortOrder1, m_ui->sortOrder2};
    for (int i = 0; i < 2; ++i) {
        const QString key = fields[i]->currentData().toString();
        if (!key.isEmpty())
            m_wizard->report.sort.append({key, orders[i]->currentData().toBool()});
    }
    m_wizard->report.groupBy = m_ui->groupBy->currentData().toString();
    return true;
}

} // namespace Gui
