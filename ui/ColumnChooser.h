#pragma once

#include <QMenu>

class QHeaderView;

namespace Gui {

// A menu of checkable columns for the member table; the choice is remembered between runs.
class ColumnChooser : public QMenu
{
    Q_OBJECT

public:
    ColumnChooser(QHeaderView *header, QWidget *parent = nullptr);

    void restore(); // from the user's settings (or the default columns)
    void save() const;
    QStringList visibleKeys() const;
    static QStringList defaultKeys();
    void rebuild(); // after the model's columns changed (a consent purpose added)

private:
    QString keyOf(int column) const;

    QHeaderView *m_header;
};

} // namespace Gui
