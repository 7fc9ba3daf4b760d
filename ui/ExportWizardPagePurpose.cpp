#include "ExportWizardPagePurpose.h"

#include "AppContext.h"
#include "ExportWizard.h"
#include "ReportWorker.h"
#include "consent/ConsentService.h"
#include "ui_ExportWizardPagePurpose.h"

#include <QLocale>

namespace Gui {

ExportWizardPagePurpose::ExportWizardPagePurpose(ExportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ExportWizardPagePurpose>())
{
    m_ui->setupUi(this);
    if (auto purposes = wizard->context().consent().purposes(); purposes.ok())
        for (const Consent::Purpose &p : purposes.value())
            m_ui->purposeCombo->addItem(p.displayLabel(), p.key);
    const int newsletter = m_ui->purposeCombo->findData(QStringLiteral("newsletter"));
    if (newsletter >= 0)
        m_ui->purposeCombo->setCurrentIndex(newsletter);
    m_ui->adminRadio->setChecked(true);
    connect(m_ui->mailingRadio, &QRadioButton::toggled, this, &ExportWizardPagePurpose::replan);
    connect(m_ui->purposeCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_ui->mailingRadio->isChecked())
            replan();
    });
    connect(&wizard->worker(), &ReportWorker::planned, this,
            [this](int ticket, const Reports::ExportPlan &plan, const QString &error) {
                if (ticket != m_ticket)
                    return;
                if (!error.isEmpty()) {
                    m_ui->planLabel->setText(error);
                    return;
                }
                m_wizard->plan = plan;
                m_ready = true;
                const int rows = int(qMin<qint64>(plan.rowCount, INT_MAX));
                QString text = m_wizard->clipboard ? tr("%Ln address(es) of members who agreed.", nullptr, rows)
                                                   : tr("%Ln row(s) will be written.", nullptr, rows);
                if (plan.forMailing) {
                    QStringList left;
                    for (auto it = plan.eligibility.excluded.cbegin(); it != plan.eligibility.excluded.cend(); ++it)
                        if (!it.value().empty())
                            left.append(tr("%1: %2").arg(Consent::reasonLabel(it.key()),
                                                         QLocale().toString(qint64(it.value().size()))));
                    text += QLatin1Char('\n') + (left.isEmpty()
                                                     ? tr("No one is left out.")
                                                     : tr("Left out — %1.").arg(left.join(QStringLiteral("; "))));
                } else {
                    text += QLatin1Char('\n') + tr("Reminder: this file holds personal data. Keep it where only the "
                                                   "people who need it can read it, and delete it when done.");
                }
                m_ui->planLabel->setText(text);
                Q_EMIT completeChanged();
            });
}

ExportWizardPagePurpose::~ExportWizardPagePurpose() = default;

void ExportWizardPagePurpose::initializePage()
{
    // Addresses and Mailchimp lists are for mailing: consent decides, always.
    const bool mailingOnly = m_wizard->clipboard || m_wizard->request.options.mailchimp;
    m_ui->adminRadio->setEnabled(!mailingOnly);
    if (mailingOnly)
        m_ui->mailingRadio->setChecked(true);
    replan();
}

void ExportWizardPagePurpose::replan()
{
    m_ready = false;
    Q_EMIT completeChanged();
    m_wizard->request.purpose =
        m_ui->mailingRadio->isChecked() ? m_ui->purposeCombo->currentData().toString() : QString();
    m_ui->purposeCombo->setEnabled(m_ui->mailingRadio->isChecked());
    m_ui->planLabel->setText(m_ui->mailingRadio->isChecked() ? tr("Checking consent…") : tr("Counting…"));
    m_ticket = m_wizard->worker().plan(m_wizard->request);
}

bool ExportWizardPagePurpose::isComplete() const
{
    return m_ready;
}

bool ExportWizardPagePurpose::validatePage()
{
    return m_ready;
}

int ExportWizardPagePurpose::nextId() const
{
    return ExportWizard::FilePage;
}

} // namespace Gui
