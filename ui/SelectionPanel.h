#pragma once

#include "storage/Selection.h"

#include <QTreeWidget>

namespace Gui {

// The side panel of selections: All, No email, Membership expired, ending soon, each section, each
// category, with their counts. Later capabilities add their own groups.
class SelectionPanel : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SelectionPanel(QWidget *parent = nullptr);

    void setCounts(const QList<Storage::SelectionCount> &counts);
    Storage::Selection currentSelection() const;
    void select(const Storage::Selection &selection);
    QStringList sections() const { return m_sections; }
    QStringList categories() const { return m_categories; }

Q_SIGNALS:
    void selectionChanged(const Storage::Selection &selection);

private:
    QTreeWidgetItem *itemFor(const Storage::Selection &selection) const;

    QTreeWidgetItem *m_sectionsGroup = nullptr;
    QTreeWidgetItem *m_categoriesGroup = nullptr;
    QStringList m_sections;
    QStringList m_categories;
    bool m_updating = false;
};

} // namespace Gui
