#pragma once

#include <QStyledItemDelegate>

class QTableView;

namespace Gui {

// The member table's rows as drawn: a row whose member another volunteer has open right now is tinted, and
// its first visible cell starts with a pencil (the tooltip names who; MemberTableModel::EditorsRole).
class MemberRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MemberRowDelegate(QTableView *view);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QTableView *m_view;
};

} // namespace Gui
