#include "ReportWizardPageFilters.h"

#include "FilterGroupWidget.h"
#include "ReportWizard.h"
#include "ReportWorker.h"
#include "ui_ReportWizardPageFilters.h"

namespace Gui {

ReportWizardPageFilters::ReportWizardPageFilters(ReportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ReportWizardPageFilters>())
{
    m_ui->setupUi(this);
    m_group = new FilterGroupWidget(wizard->fields(), false, this);
    m_ui->filterScroll->setWidget(m_group);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ReportWizardPageFilters::recount);
    connect(m_group, &FilterGroupWidget::changed, this, &ReportWizardPageFilters::edited);
    connect(&wizard->worker(), &ReportWorker::counted, this,
            [this](int ticket, qint64 count, const QString &error, qint64 ms) {
                if (ticket != m_ticket)
                    return;
                if (!error.isEmpty()) {
                    m_ui->liveCount->setText(error);
                    m_ui->liveCount->setToolTip(QString());
                    return;
                }
                const int n = int(qMin<qint64>(count, INT_MAX));
                m_ui->liveCount->setText(tr("%Ln member(s) match.", nullptr, n));
                m_ui->liveCount->setToolTip(tr("Counted in %1 ms.").arg(ms));
            });
}

ReportWizardPageFilters::~ReportWizardPageFilters() = default;

void ReportWizardPageFilters::initializePage()
{
    auto spec = Reports::FilterSpec::fromJson(m_wizard->report.filter);
    m_group->setSpec(spec.ok() ? spec.value() : Reports::FilterSpec());
    recount();
}

void ReportWizardPageFilters::edited()
{
    Q_EMIT completeChanged();
    m_debounce.start();
}

void ReportWizardPageFilters::recount()
{
    const QString problem = m_group->problem();
    if (!problem.isEmpty()) {
        m_ticket = 0;
        m_ui->liveCount->setText(problem);
        return;
    }
    const Reports::FilterSpec spec = m_group->spec();
    if (!spec.parameters().isEmpty()) {
        m_ticket = 0;
        m_ui->liveCount->setText(
            tr("The number of members depends on the answers asked when the report runs; the preview asks them."));
        return;
    }
    Reports::ReportDefinition probe = m_wizard->report;
    probe.filter = spec.toJson();
    m_ui->liveCount->setText(tr("Counting…"));
    m_ticket = m_wizard->worker().count(probe, {});
}

bool ReportWizardPageFilters::isComplete() const
{
    return m_group->problem().isEmpty();
}

bool ReportWizardPageFilters::validatePage()
{
    m_wizard->report.filter = m_group->spec().toJson();
    return true;
}

} // namespace Gui
