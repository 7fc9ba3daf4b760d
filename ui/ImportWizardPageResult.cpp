#include "ImportWizardPageResult.h"

#include "ImportWizard.h"

#include "AppContext.h"
#include "MessageBox.h"
#include "import/ImportJob.h"
#include "storage/ImportBatchRepository.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

ImportWizardPageResult::ImportWizardPageResult(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard),
      m_job(new Import::ImportJob(wizard->context().database().connectPath(), wizard->context().clock(), this))
{
    setTitle(tr("4. Import"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importResultSummary"));
    m_summary->setWordWrap(true);
    m_undo = new QPushButton(tr("Undo this import"), this);
    m_undo->setObjectName(QStringLiteral("importUndoButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_undo, 0, Qt::AlignLeft);
    layout->addStretch();
    connect(m_job, &Import::ImportJob::progressed, this, [this](double f) { m_progress->setValue(int(f * 1000)); });
    connect(m_job, &Import::ImportJob::finished, this, &ImportWizardPageResult::showResult);
    connect(wizard, &ImportWizard::cancelRequested, m_job, &Import::ImportJob::cancel);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        Storage::ImportBatchRepository batches(m_wizard->context().database(), m_wizard->context().clock());
        if (auto r = batches.undo(m_batch); !r.ok()) {
            MessageBox::critical(this, tr("Undo this import"), r.error().message);
            return;
        }
        m_undo->setEnabled(false);
        m_summary->setText(tr("The import was undone: the member list is as it was before."));
        Q_EMIT m_wizard->undone(m_batch);
    });
}

void ImportWizardPageResult::initializePage()
{
    m_done = false;
    m_undo->hide();
    m_summary->setText(tr("Importing…"));
    Import::ImportOptions options = m_wizard->options;
    options.dryRun = false;
    m_job->start(m_wizard->file, options);
    Q_EMIT completeChanged();
}

void ImportWizardPageResult::showResult()
{
    m_progress->setValue(1000);
    m_done = true;
    if (m_job->error()) {
        m_summary->setText(tr("Nothing was imported: %1").arg(m_job->error()->message));
    } else {
        const Import::ImportReport &r = *m_job->report();
        m_wizard->lastReport = r;
        m_batch = r.batchId;
        m_summary->setText(tr("%1 members added, %2 updated, %3 unchanged, %4 duplicates skipped, %5 rows rejected.")
                               .arg(r.created)
                               .arg(r.updated)
                               .arg(r.unchanged)
                               .arg(r.duplicates)
                               .arg(r.rejected));
        m_undo->setVisible(m_batch != 0);
        m_undo->setEnabled(true);
        Q_EMIT m_wizard->imported(m_batch);
    }
    Q_EMIT completeChanged();
}

bool ImportWizardPageResult::isComplete() const
{
    return m_done;
}

} // namespace Gui
