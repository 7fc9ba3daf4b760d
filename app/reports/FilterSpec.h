#pragma once

#include "core/Result.h"

#include <QHash>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace Reports {

// One condition of a report's filter: field, operator, value — or the value asked when the report runs.
struct FilterCondition
{
    QString field; // a member field key, "extra.<name>", "consent.<purpose>", "membership" or "text"
    QString op;    // eq, ne, in, contains, starts_with, before, after, between, is_empty, is_not_empty
    QJsonValue value{QJsonValue::Undefined}; // text, a number, a list (in, between); none for is_empty…
    QString param;                           // non-empty: asked when run, under this key
    QString paramLabel;                      // the question asked ("Which section?")
    int days = 0;                            // membership "ending": within this many days (0: the default, 60)

    friend bool operator==(const FilterCondition &, const FilterCondition &) = default;
};

// A report's filter as a value the wizard edits: a group matching all or any of its children (conditions or
// groups), or a single condition. Its JSON form is the saved-report format read by buildFilter():
//   {"all": […]} / {"any": […]} / {"field": …, "op": …, "value": …}; {} is "every member".
struct FilterSpec
{
    enum class Kind { All, Any, Condition };

    Kind kind = Kind::All;
    std::vector<FilterSpec> children; // All / Any
    FilterCondition condition;        // Condition

    bool isGroup() const { return kind != Kind::Condition; }
    bool isEmpty() const { return isGroup() && children.empty(); }
    // Parameters asked when run: key -> label, in the order they appear.
    QList<QPair<QString, QString>> parameters() const;
    // The field each question is about (its first condition's): lets a form offer the values that field has.
    QHash<QString, QString> parameterFields() const;

    // The structure only (a group holds a list, a condition names a field and an operator, nesting ≤ 16);
    // what the fields and values mean is checked by buildFilter().
    static Core::Result<FilterSpec> fromJson(const QJsonValue &json);
    QJsonValue toJson() const;

    static FilterSpec of(const FilterCondition &condition)
    {
        FilterSpec s;
        s.kind = Kind::Condition;
        s.condition = condition;
        return s;
    }

    friend bool operator==(const FilterSpec &, const FilterSpec &) = default;

private:
    QJsonValue toJsonNested() const; // an empty group inside another stays {"all": []}
};

} // namespace Reports
