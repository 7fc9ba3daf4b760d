#include "ReportWizardPagePreview.h"

#include "ReportWizard.h"
#include "ReportWorker.h"
#include "reports/FilterSpec.h"
#include "ui_ReportWizardPagePreview.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>

namespace Gui {

ReportWizardPagePreview::ReportWizardPagePreview(ReportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ReportWizardPagePreview>())
{
    m_ui->setupUi(this);
    m_ui->previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->previewTable->verticalHeader()->setVisible(false);
    m_ui->totalsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->totalsTable->verticalHeader()->setVisible(false);
    m_ui->totalsTable->setColumnCount(2);
    m_ui->totalsTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->totalsTable->setMaximumHeight(160);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &ReportWizardPagePreview::refresh);
    connect(&wizard->worker(), &ReportWorker::previewed, this,
            [this](int ticket, const ReportPreview &preview, const QString &error) {
                if (ticket != m_ticket)
                    return;
                if (!error.isEmpty()) {
                    m_ui->previewTotal->setText(error);
                    m_ui->previewTable->setRowCount(0);
                    return;
                }
                show(preview);
            });
}

ReportWizardPagePreview::~ReportWizardPagePreview() = default;

void ReportWizardPagePreview::initializePage()
{
    // One line per question the report asks, keeping earlier answers.
    for (const auto &[key, edit] : std::as_const(m_answers)) {
        m_ui->paramsForm->removeRow(edit);
    }
    m_answers.clear();
    auto spec = Reports::FilterSpec::fromJson(m_wizard->report.filter);
    const auto params = spec.ok() ? spec.value().parameters() : QList<QPair<QString, QString>>();
    for (const auto &[key, label] : params) {
        auto *edit = new QLineEdit(m_wizard->answers.value(key), this);
        edit->setObjectName(QStringLiteral("answer_") + key);
        m_ui->paramsForm->addRow(label.isEmpty() ? key : label, edit);
        connect(edit, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
        m_answers.append({key, edit});
    }
    m_ui->paramsBox->setVisible(!params.isEmpty());
    m_ui->totalsTable->setVisible(!m_wizard->report.groupBy.isEmpty());
    m_ui->totalsTable->setHorizontalHeaderLabels({m_wizard->fields().label(m_wizard->report.groupBy), tr("Members")});
    if (!m_answers.isEmpty())
        m_answers.first().second->setFocus();
    refresh();
}

void ReportWizardPagePreview::cleanupPage()
{
    m_ticket = 0;
}

void ReportWizardPagePreview::refresh()
{
    QHash<QString, QString> answers;
    for (const auto &[key, edit] : std::as_const(m_answers)) {
        if (edit->text().trimmed().isEmpty()) {
            m_ticket = 0;
            m_ui->previewTotal->setText(tr("Answer the questions above to see the preview."));
            m_ui->previewTable->setRowCount(0);
            return;
        }
        answers.insert(key, edit->text().trimmed());
    }
    m_wizard->answers = answers;
    m_ui->previewTotal->setText(tr("Preparing the preview…"));
    m_ticket = m_wizard->worker().preview(m_wizard->report, answers, kRows);
}

void ReportWizardPagePreview::show(const ReportPreview &preview)
{
    const int total = int(qMin<qint64>(preview.total, INT_MAX));
    const int shown = int(preview.rows.size());
    m_ui->previewTotal->setText(
        shown < total ? tr("%Ln member(s); the first %1 below.", nullptr, total).arg(QLocale().toString(shown))
                      : tr("%Ln member(s).", nullptr, total));
    QTableWidget *table = m_ui->previewTable;
    table->clear();
    table->setColumnCount(int(preview.headers.size()));
    table->setHorizontalHeaderLabels(preview.headers);
    table->setRowCount(shown);
    for (int r = 0; r < shown; ++r)
        for (int c = 0; c < preview.rows[r].size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(preview.rows[r][c]));
    table->resizeColumnsToContents();
    m_ui->totalsTable->setRowCount(int(preview.totals.size()));
    for (int r = 0; r < preview.totals.size(); ++r) {
        const Reports::GroupTotal &g = preview.totals[r];
        m_ui->totalsTable->setItem(r, 0, new QTableWidgetItem(g.value.isEmpty() ? tr("(none)") : g.value));
        auto *n = new QTableWidgetItem(QLocale().toString(g.count));
        n->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_ui->totalsTable->setItem(r, 1, n);
    }
}

} // namespace Gui
