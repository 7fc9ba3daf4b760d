#include "MemberRowDelegate.h"

#include "storage/MemberTableModel.h"

#include <QHeaderView>
#include <QTableView>

namespace Gui {

MemberRowDelegate::MemberRowDelegate(QTableView *view) : QStyledItemDelegate(view), m_view(view)
{}

void MemberRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(Storage::MemberTableModel::EditorsRole).toStringList().isEmpty())
        return;
    option->backgroundBrush = QColor(0xff, 0xf4, 0xce);
    const QHeaderView *header = m_view->horizontalHeader();
    int first = 0;
    while (first < header->count() && header->isSectionHidden(header->logicalIndex(first)))
        ++first;
    if (index.column() == header->logicalIndex(first)) {
        option->text = QStringLiteral("✎ ") + option->text;
        option->features |= QStyleOptionViewItem::HasDisplay;
    }
}

} // namespace Gui
