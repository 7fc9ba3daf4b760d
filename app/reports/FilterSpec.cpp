#include "FilterSpec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using Core::Error;
using Core::Result;

namespace Reports {

namespace {

constexpr int kMaxDepth = 16;

Error invalid(const QString &message)
{
    return Error::make(Error::Code::Invalid, message, QStringLiteral("filter"));
}

Result<FilterSpec> parse(const QJsonValue &json, int depth)
{
    if (depth > kMaxDepth)
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "The filter is nested too deeply."));
    if (!json.isObject())
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "A filter element must be an object."));
    const QJsonObject o = json.toObject();
    FilterSpec spec;
    const bool all = o.contains(QStringLiteral("all"));
    const bool any = o.contains(QStringLiteral("any"));
    if (all && any)
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "A group is either all or any."));
    if (all || any || (o.isEmpty() && depth == 0)) {
        spec.kind = any ? FilterSpec::Kind::Any : FilterSpec::Kind::All;
        const QJsonValue list = o.value(any ? QStringLiteral("any") : QStringLiteral("all"));
        if (!o.isEmpty() && !list.isArray())
            return invalid(QCoreApplication::translate("Reports::QueryBuilder", "A group holds a list."));
        for (const QJsonValue &child : list.toArray()) {
            auto c = parse(child, depth + 1);
            if (!c.ok())
                return c.error();
            spec.children.push_back(std::move(c).value());
        }
        return spec;
    }
    spec.kind = FilterSpec::Kind::Condition;
    FilterCondition &c = spec.condition;
    c.field = o.value(QStringLiteral("field")).toString();
    c.op = o.value(QStringLiteral("op")).toString();
    if (c.field.isEmpty() || c.op.isEmpty())
        return invalid(
            QCoreApplication::translate("Reports::QueryBuilder", "A condition needs a field and an operator."));
    const QJsonValue value = o.value(QStringLiteral("value"));
    if (value.isObject()) {
        c.param = value.toObject().value(QStringLiteral("param")).toString();
        c.paramLabel = value.toObject().value(QStringLiteral("label")).toString();
        if (c.param.isEmpty())
            return invalid(
                QCoreApplication::translate("Reports::QueryBuilder", "A value is an object but not a parameter."));
    } else {
        c.value = value;
    }
    if (o.contains(QStringLiteral("days")))
        c.days = o.value(QStringLiteral("days")).toInt();
    return spec;
}

void collect(const FilterSpec &spec, QList<QPair<QString, QString>> *out)
{
    if (!spec.isGroup()) {
        if (!spec.condition.param.isEmpty() &&
            std::none_of(out->cbegin(), out->cend(), [&](const auto &p) { return p.first == spec.condition.param; }))
            out->append({spec.condition.param, spec.condition.paramLabel});
        return;
    }
    for (const FilterSpec &child : spec.children)
        collect(child, out);
}

} // namespace

QList<QPair<QString, QString>> FilterSpec::parameters() const
{
    QList<QPair<QString, QString>> out;
    collect(*this, &out);
    return out;
}

QHash<QString, QString> FilterSpec::parameterFields() const
{
    QHash<QString, QString> out;
    if (!isGroup()) {
        if (!condition.param.isEmpty())
            out.insert(condition.param, condition.field);
        return out;
    }
    for (const FilterSpec &child : children) {
        const QHash<QString, QString> more = child.parameterFields();
        for (auto it = more.cbegin(); it != more.cend(); ++it)
            if (!out.contains(it.key()))
                out.insert(it.key(), it.value());
    }
    return out;
}

Result<FilterSpec> FilterSpec::fromJson(const QJsonValue &json)
{
    if (json.isUndefined() || json.isNull())
        return FilterSpec();
    return parse(json, 0);
}

QJsonValue FilterSpec::toJson() const
{
    if (isEmpty() && kind == Kind::All)
        return QJsonObject(); // every member
    return toJsonNested();
}

QJsonValue FilterSpec::toJsonNested() const
{
    if (isGroup()) {
        QJsonArray list;
        for (const FilterSpec &child : children)
            list.append(child.toJsonNested());
        return QJsonObject{{kind == Kind::Any ? QStringLiteral("any") : QStringLiteral("all"), list}};
    }
    QJsonObject o{{QStringLiteral("field"), condition.field}, {QStringLiteral("op"), condition.op}};
    if (!condition.param.isEmpty())
        o.insert(QStringLiteral("value"), QJsonObject{{QStringLiteral("param"), condition.param},
                                                      {QStringLiteral("label"), condition.paramLabel}});
    else if (!condition.value.isUndefined())
        o.insert(QStringLiteral("value"), condition.value);
    if (condition.days > 0)
        o.insert(QStringLiteral("days"), condition.days);
    return o;
}

} // namespace Reports
