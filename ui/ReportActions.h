#pragma once

#include "ReportFields.h"
#include "core/Result.h"
#include "storage/Selection.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

class AppContext;
class QWidget;

namespace Storage {
class MemberTableModel;
}

namespace Gui {

class SelectionPanel;

// The saved reports in the window: new, edit, duplicate, delete, export, and a report chosen in the side
// panel becoming the table's selection (after asking its questions). Keeps MainWindow free of it.
class ReportActions : public QObject
{
    Q_OBJECT

public:
    ReportActions(AppContext &context, QWidget *window, SelectionPanel *panel, Storage::MemberTableModel *model);
    ~ReportActions() override;

    void newReport();
    void edit(const QString &name);
    void duplicate(const QString &name);
    void remove(const QString &name);
    void exportReport(const QString &name);
    // The window's current selection (the rows shown, or the selected rows) through the export wizard.
    void exportShown(std::vector<qint64> ids, const QString &what);
    // A selection chosen in the side panel: a report's questions asked first; Cancel keeps the previous one.
    void choose(const Storage::Selection &selection);
    // The members of a report selection, in id order (the table's resolver).
    Core::Result<std::vector<qint64>> resolve(const Storage::Selection &selection) const;
    void refreshPanel();

Q_SIGNALS:
    void message(const QString &text);

private:
    ReportFields fields() const;
    bool ask(const QString &name, QHash<QString, QString> *answers);
    void runWizard(const QString &name, bool duplicate);
    void after(int choice, const QString &name, const QHash<QString, QString> &answers);

    AppContext &m_context;
    QWidget *m_window;
    SelectionPanel *m_panel;
    Storage::MemberTableModel *m_model;
    QHash<QString, QHash<QString, QString>> m_answers; // per report: the last answers given
};

} // namespace Gui
