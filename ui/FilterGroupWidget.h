#pragma once

#include "ReportFields.h"
#include "reports/FilterSpec.h"

#include <QFrame>

class QComboBox;
class QVBoxLayout;

namespace Gui {

// A group of filter conditions matching all or any of them; groups nest ("section is CPL, and any of: no
// email, or consent withdrawn"). Edits a Reports::FilterSpec.
class FilterGroupWidget : public QFrame
{
    Q_OBJECT

public:
    FilterGroupWidget(const ReportFields &fields, bool nested, QWidget *parent = nullptr);

    Reports::FilterSpec spec() const;
    void setSpec(const Reports::FilterSpec &spec);
    QString problem() const; // the first condition that cannot be used yet, and why

    void addCondition(const Reports::FilterCondition &condition = {});
    FilterGroupWidget *addGroup(const Reports::FilterSpec &spec = {});

Q_SIGNALS:
    void changed();
    void removeRequested();

private:
    void removeChild(QWidget *child);

    const ReportFields &m_fields;
    QComboBox *m_match = nullptr;
    QVBoxLayout *m_children = nullptr;
    QList<QWidget *> m_items; // FilterConditionWidget or FilterGroupWidget, in order
};

} // namespace Gui
