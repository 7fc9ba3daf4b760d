#pragma once

#include "ReportFields.h"
#include "reports/FilterSpec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace Gui {

// One condition of a report filter: field, operator, value (or "ask when run" with its question).
// The value widgets follow the field: a date picker for dates, a list for sections, consent and membership
// states, a text box otherwise.
class FilterConditionWidget : public QWidget
{
    Q_OBJECT

public:
    FilterConditionWidget(const ReportFields &fields, QWidget *parent = nullptr);

    Reports::FilterCondition condition() const;
    void setCondition(const Reports::FilterCondition &condition);
    QString problem() const; // why the condition cannot be used yet ("" when it can)

Q_SIGNALS:
    void changed();
    void removeRequested();

private:
    void fieldChanged();
    void operatorChanged();
    const ReportField *field() const;

    const ReportFields &m_fields;
    QComboBox *m_field = nullptr;
    QComboBox *m_operator = nullptr;
    QStackedWidget *m_values = nullptr;
    QComboBox *m_value = nullptr; // text, a known value, or a fixed state
    QDateEdit *m_date = nullptr;
    QLabel *m_and = nullptr;
    QLineEdit *m_value2 = nullptr;
    QDateEdit *m_date2 = nullptr;
    QLabel *m_dateAnd = nullptr;
    QSpinBox *m_days = nullptr;
    QCheckBox *m_ask = nullptr;
    QLineEdit *m_question = nullptr;
    QToolButton *m_remove = nullptr;
    bool m_loading = false;
};

} // namespace Gui
