#include "ReportActions.h"

#include "AppContext.h"
#include "ExportWizard.h"
#include "MessageBox.h"
#include "ReportParamsDialog.h"
#include "ReportWizard.h"
#include "SelectionPanel.h"
#include "reports/FilterSpec.h"
#include "storage/MemberTableModel.h"

#include <QApplication>

namespace Gui {

ReportActions::ReportActions(AppContext &context, QWidget *window, SelectionPanel *panel,
                             Storage::MemberTableModel *model)
    : QObject(window), m_context(context), m_window(window), m_panel(panel), m_model(model)
{
    connect(panel, &SelectionPanel::reportEditRequested, this, &ReportActions::edit);
    connect(panel, &SelectionPanel::reportDuplicateRequested, this, &ReportActions::duplicate);
    connect(panel, &SelectionPanel::reportExportRequested, this, &ReportActions::exportReport);
    connect(panel, &SelectionPanel::reportDeleteRequested, this, &ReportActions::remove);
}

ReportActions::~ReportActions() = default;

ReportFields ReportActions::fields() const
{
    return ReportFields::load(m_context, m_panel->sections(), m_panel->categories());
}

void ReportActions::refreshPanel()
{
    auto reports = Reports::ReportRepository(m_context.database(), m_context.clock()).list();
    if (reports.ok())
        m_panel->setReports(reports.value());
}

void ReportActions::newReport()
{
    runWizard(QString(), false);
}

void ReportActions::edit(const QString &name)
{
    runWizard(name, false);
}

void ReportActions::duplicate(const QString &name)
{
    runWizard(name, true);
}

void ReportActions::runWizard(const QString &name, bool duplicate)
{
    Reports::ReportDefinition report;
    if (!name.isEmpty()) {
        auto found = Reports::ReportRepository(m_context.database(), m_context.clock()).find(name);
        if (!found.ok()) {
            MessageBox::critical(m_window, tr("Report"), found.error().message);
            return;
        }
        report = found.value();
    }
    const ReportFields f = fields();
    ReportWizard wizard(m_context, f, report, m_window);
    if (duplicate) {
        wizard.originalName.clear(); // a copy: the original stays
        wizard.report.name = tr("%1 (copy)").arg(name);
        wizard.setWindowTitle(tr("Duplicate the report \"%1\"").arg(name));
    }
    wizard.answers = m_answers.value(name);
    if (wizard.exec() != QDialog::Accepted)
        return;
    const QString saved = wizard.report.name;
    m_answers.insert(saved, wizard.answers);
    refreshPanel();
    Q_EMIT message(tr("Report \"%1\" saved.").arg(saved));
    after(int(wizard.after), saved, wizard.answers);
}

void ReportActions::after(int choice, const QString &name, const QHash<QString, QString> &answers)
{
    switch (ReportWizard::After(choice)) {
    case ReportWizard::After::Nothing: return;
    case ReportWizard::After::Show: {
        const Storage::Selection selection{Storage::Selection::Kind::Report, name};
        m_answers.insert(name, answers);
        if (m_model->selection() == selection)
            m_model->reload(); // edited: the same selection, new members
        m_panel->select(selection);
        return;
    }
    case ReportWizard::After::Export: exportReport(name); return;
    }
}

void ReportActions::remove(const QString &name)
{
    if (MessageBox::question(m_window, tr("Delete the report?"),
                             tr("Delete the report \"%1\"? The members stay; only the report goes.").arg(name),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    auto removed = Reports::ReportRepository(m_context.database(), m_context.clock()).remove(name);
    if (!removed.ok()) {
        MessageBox::critical(m_window, tr("Report"), removed.error().message);
        return;
    }
    m_answers.remove(name);
    refreshPanel(); // the panel falls back to All members when it was shown
    Q_EMIT message(tr("Report \"%1\" deleted.").arg(name));
}

bool ReportActions::ask(const QString &name, QHash<QString, QString> *answers)
{
    auto report = Reports::ReportRepository(m_context.database(), m_context.clock()).find(name);
    if (!report.ok())
        return false;
    auto spec = Reports::FilterSpec::fromJson(report.value().filter);
    const auto questions = spec.ok() ? spec.value().parameters() : QList<QPair<QString, QString>>();
    if (questions.isEmpty())
        return true;
    QHash<QString, QStringList> choices;
    if (spec.ok()) {
        const QHash<QString, QString> fields = spec.value().parameterFields();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            if (it.value() == QLatin1String("section"))
                choices.insert(it.key(), m_panel->sections());
            else if (it.value() == QLatin1String("category"))
                choices.insert(it.key(), m_panel->categories());
        }
    }
    ReportParamsDialog dialog(name, questions, m_answers.value(name), m_window, choices);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *answers = dialog.answers();
    m_answers.insert(name, *answers);
    return true;
}

void ReportActions::choose(const Storage::Selection &selection)
{
    if (selection.kind == Storage::Selection::Kind::Report) {
        QHash<QString, QString> answers;
        if (!ask(selection.value, &answers)) {
            m_panel->select(m_model->selection()); // Cancel: what was shown stays
            return;
        }
    }
    m_model->setSelection(selection);
}

Core::Result<std::vector<qint64>> ReportActions::resolve(const Storage::Selection &selection) const
{
    auto report = Reports::ReportRepository(m_context.database(), m_context.clock()).find(selection.value);
    if (!report.ok())
        return report.error();
    Reports::ReportRunner runner(m_context.database(), m_context.members(), m_context.consent(), m_context.clock());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto ids = runner.ids(report.value(), m_answers.value(selection.value));
    QApplication::restoreOverrideCursor();
    if (!ids.ok())
        return ids.error();
    std::vector<qint64> sorted = std::move(ids).value();
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

void ReportActions::exportReport(const QString &name)
{
    auto report = Reports::ReportRepository(m_context.database(), m_context.clock()).find(name);
    if (!report.ok()) {
        MessageBox::critical(m_window, tr("Export"), report.error().message);
        return;
    }
    QHash<QString, QString> answers;
    if (!ask(name, &answers))
        return;
    Reports::ExportRequest request;
    request.report = report.value();
    request.params = m_answers.value(name);
    const ReportFields f = fields();
    ExportWizard wizard(m_context, f, request, tr("the report \"%1\"").arg(name), m_window);
    if (wizard.exec() == QDialog::Accepted)
        Q_EMIT message(wizard.resultMessage);
}

void ReportActions::exportShown(std::vector<qint64> ids, const QString &what)
{
    Reports::ExportRequest request;
    request.report.name = what;
    request.report.columns = {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email")};
    request.report.sort = {{QStringLiteral("last_name"), false}, {QStringLiteral("first_name"), false}};
    request.members = std::move(ids);
    const ReportFields f = fields();
    ExportWizard wizard(m_context, f, request, what, m_window);
    if (wizard.exec() == QDialog::Accepted)
        Q_EMIT message(wizard.resultMessage);
}

} // namespace Gui
