#include "ImportWizardPagePreview.h"

#include "ImportWizard.h"

#include "AppContext.h"
#include "MessageBox.h"
#include "import/ImportJob.h"
#include "import/IssueReport.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using Import::RowStatus;

namespace Gui {

namespace {
QString statusText(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return QCoreApplication::translate("Gui::ImportWizardPagePreview", "New");
    case RowStatus::Update: return QCoreApplication::translate("Gui::ImportWizardPagePreview", "Update");
    case RowStatus::Unchanged: return QCoreApplication::translate("Gui::ImportWizardPagePreview", "Unchanged");
    case RowStatus::Duplicate:
        return QCoreApplication::translate("Gui::ImportWizardPagePreview", "Duplicate in the file");
    case RowStatus::Rejected: return QCoreApplication::translate("Gui::ImportWizardPagePreview", "Rejected");
    case RowStatus::Skipped: return QCoreApplication::translate("Gui::ImportWizardPagePreview", "Skipped");
    }
    return {};
}
} // namespace

ImportWizardPagePreview::ImportWizardPagePreview(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard),
      m_job(new Import::ImportJob(wizard->context().database().connectPath(), wizard->context().clock(), this))
{
    setTitle(tr("3. Preview"));
    setSubTitle(tr("Nothing is written yet. Check the rows, then import."));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importPreviewSummary"));
    m_summary->setWordWrap(true);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("importPreviewFilter"));
    m_filter->addItem(tr("All rows"), -1);
    for (RowStatus s : {RowStatus::New, RowStatus::Update, RowStatus::Unchanged, RowStatus::Duplicate,
                        RowStatus::Rejected, RowStatus::Skipped})
        m_filter->addItem(statusText(s), int(s));
    m_saveRejected = new QPushButton(tr("Save the rejected rows…"), this);
    m_saveRejected->setObjectName(QStringLiteral("importSaveRejectedButton"));
    m_rows = new QTableWidget(this);
    m_rows->setObjectName(QStringLiteral("importPreviewTable"));
    m_rows->setColumnCount(5);
    m_rows->setHorizontalHeaderLabels({tr("Line"), tr("Status"), tr("Member"), tr("Email"), tr("Details")});
    m_rows->horizontalHeader()->setStretchLastSection(true);
    m_rows->verticalHeader()->setVisible(false);
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setWordWrap(false);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter);
    bar->addStretch();
    bar->addWidget(m_saveRejected);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addLayout(bar);
    layout->addWidget(m_rows, 1);

    connect(m_job, &Import::ImportJob::progressed, this, [this](double f) { m_progress->setValue(int(f * 1000)); });
    connect(m_job, &Import::ImportJob::finished, this, &ImportWizardPagePreview::showReport);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ImportWizardPagePreview::fillTable);
    connect(wizard, &ImportWizard::cancelRequested, m_job, &Import::ImportJob::cancel);
    connect(m_saveRejected, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the rejected rows"), QFileInfo(m_wizard->file).dir().filePath(tr("rejected-rows.csv")),
            tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (auto r = Import::writeIssueReport(path, m_wizard->lastReport.errors); !r.ok())
            MessageBox::critical(this, tr("Save the rejected rows"), r.error().message);
    });
}

void ImportWizardPagePreview::initializePage()
{
    m_done = false;
    m_rows->setRowCount(0);
    m_summary->setText(tr("Reading the file…"));
    m_progress->setValue(0);
    m_progress->show();
    m_saveRejected->setEnabled(false);
    Import::ImportOptions options = m_wizard->options;
    options.dryRun = true;
    options.previewRows = 5000;
    m_job->start(m_wizard->file, options);
    Q_EMIT completeChanged();
}

void ImportWizardPagePreview::cleanupPage()
{
    m_job->cancel();
}

void ImportWizardPagePreview::showReport()
{
    if (m_job->error()) {
        m_summary->setText(m_job->error()->message);
        return;
    }
    m_wizard->lastReport = *m_job->report();
    const Import::ImportReport &r = m_wizard->lastReport;
    m_progress->hide();
    QString text = tr("%1 new, %2 to update, %3 unchanged, %4 duplicates in the file, %5 rejected; %6 without email.")
                       .arg(r.created)
                       .arg(r.updated)
                       .arg(r.unchanged)
                       .arg(r.duplicates)
                       .arg(r.rejected)
                       .arg(r.noEmail);
    if (!r.warnings.isEmpty())
        text += QLatin1Char(' ') + tr("%n row(s) deserve a look (see Details).", nullptr, int(r.warnings.size()));
    m_summary->setText(text);
    m_saveRejected->setEnabled(!r.errors.isEmpty());
    fillTable();
    m_done = true;
    Q_EMIT completeChanged();
}

void ImportWizardPagePreview::fillTable()
{
    const int filter = m_filter->currentData().toInt();
    m_rows->setRowCount(0);
    for (const Import::PlannedRow &row : std::as_const(m_wizard->lastReport.preview)) {
        if (filter >= 0 && int(row.status) != filter)
            continue;
        const int r = m_rows->rowCount();
        m_rows->insertRow(r);
        m_rows->setItem(r, 0, new QTableWidgetItem(QString::number(row.line)));
        m_rows->setItem(r, 1, new QTableWidgetItem(statusText(row.status)));
        m_rows->setItem(r, 2, new QTableWidgetItem(row.member.displayName()));
        m_rows->setItem(r, 3, new QTableWidgetItem(row.member.email));
        const QString details =
            row.status == RowStatus::Update ? row.changedFields.join(QStringLiteral(", ")) : row.reason;
        m_rows->setItem(r, 4, new QTableWidgetItem(details));
    }
    m_rows->resizeColumnsToContents();
}

bool ImportWizardPagePreview::isComplete() const
{
    return m_done && !m_job->isRunning();
}

} // namespace Gui
