#include "QueryBuilder.h"

#include "core/TextFold.h"

#include "core/MemberField.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
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

struct Builder
{
    const QHash<QString, QString> &params;
    const ConsentResolver &consent;
    QDate today;
    Storage::Engine engine;
    QVariantList bindings;

    Result<QString> node(const QJsonValue &v, int depth);
    Result<QString> condition(const QJsonObject &c);
    Result<QString> membership(const QString &op, const QJsonValue &value, const QJsonValue &days);
    Result<QString> freeText(const QString &op, const QJsonValue &value);
    Result<QJsonValue> resolve(const QJsonValue &value);
};

// The user's text as a LIKE pattern with % and _ taken literally.
QString likePattern(const QString &text, bool prefix)
{
    QString pattern = text;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return prefix ? QString(pattern + QStringLiteral("%"))
                  : QString(QStringLiteral("%") + pattern + QStringLiteral("%"));
}

Result<QJsonValue> Builder::resolve(const QJsonValue &value)
{
    if (!value.isObject())
        return value;
    const QJsonObject o = value.toObject();
    const QString key = o.value(QStringLiteral("param")).toString();
    if (key.isEmpty())
        return invalid(
            QCoreApplication::translate("Reports::QueryBuilder", "A value is an object but not a parameter."));
    if (!params.contains(key))
        return invalid(QCoreApplication::translate("Reports::QueryBuilder",
                                                   "The report asks for \"%1\": give it with --param %2=VALUE.")
                           .arg(o.value(QStringLiteral("label")).toString(key), key));
    return QJsonValue(params.value(key));
}

QString scalar(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return {};
}

Result<QString> Builder::condition(const QJsonObject &c)
{
    const QString field = c.value(QStringLiteral("field")).toString();
    const QString op = c.value(QStringLiteral("op")).toString();
    static const QStringList ops = {QStringLiteral("eq"),          QStringLiteral("ne"),
                                    QStringLiteral("in"),          QStringLiteral("contains"),
                                    QStringLiteral("starts_with"), QStringLiteral("before"),
                                    QStringLiteral("after"),       QStringLiteral("between"),
                                    QStringLiteral("is_empty"),    QStringLiteral("is_not_empty")};
    if (!ops.contains(op))
        return invalid(
            QCoreApplication::translate("Reports::QueryBuilder", "Unknown operator \"%1\".").arg(op.left(40)));
    auto value = resolve(c.value(QStringLiteral("value")));
    if (!value.ok())
        return value.error();

    if (field == QLatin1String("membership"))
        return membership(op, value.value(), c.value(QStringLiteral("days")));
    if (field == QLatin1String("text"))
        return freeText(op, value.value());

    // consent.<purpose>: the consent service's condition, or a set of member ids bound as one JSON array.
    if (field.startsWith(QLatin1String("consent."))) {
        if (op != QLatin1String("eq") && op != QLatin1String("ne"))
            return invalid(QCoreApplication::translate("Reports::QueryBuilder", "A consent field takes eq or ne."));
        const QString state = scalar(value.value());
        if (!consent)
            return invalid(
                QCoreApplication::translate("Reports::QueryBuilder", "Consent conditions cannot be used here."));
        auto match = consent(field.mid(8), state);
        if (!match.ok())
            return match.error();
        if (match.value().sql) {
            bindings.append(match.value().sql->second);
            // Never NULL (the service sees to it), so NOT is its complement; left bare, SQLite can start from the
            // statuses' member ids rather than read every member.
            return (op == QLatin1String("eq") ? QStringLiteral("(%1)") : QStringLiteral("(NOT %1)"))
                .arg(match.value().sql->first);
        }
        QJsonArray array;
        for (qint64 id : match.value().ids)
            array.append(id);
        bindings.append(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        return QStringLiteral("id %1 (%2)")
            .arg(op == QLatin1String("eq") ? QStringLiteral("IN") : QStringLiteral("NOT IN"),
                 Storage::Sql::idsFromJson(engine));
    }

    QString column;
    QString extraPath;
    if (field.startsWith(QLatin1String("extra."))) {
        const QString name = field.mid(6);
        if (name.isEmpty())
            return invalid(QCoreApplication::translate("Reports::QueryBuilder", "extra. needs a name."));
        // The JSON path is a bound value and the name sits between quotes in it, so a name with a quote or
        // a control character cannot be expressed: refused, rather than a path SQLite would misread.
        if (std::any_of(name.cbegin(), name.cend(),
                        [](QChar c) { return c == QLatin1Char('"') || c.unicode() < 0x20; }))
            return invalid(QCoreApplication::translate("Reports::QueryBuilder",
                                                       "The attribute name \"%1\" cannot be used in a filter.")
                               .arg(name.left(60)));
        extraPath = Storage::Sql::jsonPath(engine, name);
    } else {
        Core::MemberField f = Core::MemberField::Id;
        if (!Core::MemberFields::fromKey(field, &f) || f == Core::MemberField::Extra)
            return invalid(
                QCoreApplication::translate("Reports::QueryBuilder", "Unknown field \"%1\".").arg(field.left(60)));
        column = Core::MemberFields::key(f); // whitelisted
    }
    // Each use of the column, in the order it appears in the SQL text (an attribute's path is bound anew).
    auto use = [&]() -> QString {
        if (extraPath.isEmpty())
            return column;
        bindings.append(extraPath);
        return Storage::Sql::jsonText(engine, QStringLiteral("extra"));
    };
    auto checkScalar = [&](const QJsonValue &v) -> Result<QString> {
        if (!(v.isString() || v.isDouble() || v.isBool()))
            return invalid(
                QCoreApplication::translate("Reports::QueryBuilder", "The value of %1 must be text or a number.")
                    .arg(field.left(60)));
        return scalar(v);
    };
    const QJsonValue v = value.value();
    if (op == QLatin1String("is_empty")) {
        const QString a = use(), b = use();
        return QStringLiteral("(%1 IS NULL OR %2 = '')").arg(a, b);
    }
    if (op == QLatin1String("is_not_empty")) {
        const QString a = use(), b = use();
        return QStringLiteral("(%1 IS NOT NULL AND %2 <> '')").arg(a, b);
    }
    if (op == QLatin1String("in") || op == QLatin1String("between")) {
        const bool in = op == QLatin1String("in");
        if (!v.isArray() || v.toArray().isEmpty() || (in ? v.toArray().size() > 1000 : v.toArray().size() != 2))
            return invalid(
                in ? QCoreApplication::translate("Reports::QueryBuilder", "in takes a list of 1 to 1,000 values.")
                   : QCoreApplication::translate("Reports::QueryBuilder", "between takes two values."));
        QStringList values;
        for (const QJsonValue &item : v.toArray()) {
            auto s = checkScalar(item);
            if (!s.ok())
                return s.error();
            values.append(s.value());
        }
        const QString col = use();
        for (const QString &value : std::as_const(values))
            bindings.append(value);
        if (!in)
            return QStringLiteral("%1 BETWEEN ? AND ?").arg(col);
        QStringList marks;
        for (qsizetype i = 0; i < values.size(); ++i)
            marks.append(QStringLiteral("?"));
        return QStringLiteral("%1 IN (%2)").arg(col, marks.join(QLatin1Char(',')));
    }
    auto s = checkScalar(v);
    if (!s.ok())
        return s.error();
    const QString text = s.value();
    if (op == QLatin1String("ne")) {
        const QString a = use(), b = use();
        bindings.append(text);
        return QStringLiteral("(%1 IS NULL OR %2 <> ?)").arg(a, b);
    }
    const QString col = use();
    if (op == QLatin1String("eq")) {
        bindings.append(text);
        return QStringLiteral("%1 = ?").arg(col);
    }
    if (op == QLatin1String("before")) {
        bindings.append(text);
        return QStringLiteral("%1 < ?").arg(col);
    }
    if (op == QLatin1String("after")) {
        bindings.append(text);
        return QStringLiteral("%1 > ?").arg(col);
    }
    // contains / starts_with: LIKE with the user's % and _ escaped.
    bindings.append(likePattern(text, op == QLatin1String("starts_with")));
    return Storage::Sql::likeNoCase(engine, col);
}

Result<QString> Builder::membership(const QString &op, const QJsonValue &value, const QJsonValue &daysValue)
{
    if (op != QLatin1String("eq") && op != QLatin1String("ne"))
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "The membership status takes eq or ne."));
    const QString state = scalar(value);
    QString condition;
    const QString todayIso = today.toString(Qt::ISODate);
    if (state == QLatin1String("active")) {
        // Paid up today: an end date from today on, or a start without an end (open-ended membership).
        bindings.append(todayIso);
        condition =
            QStringLiteral("(membership_end >= ? OR (membership_end IS NULL AND membership_start IS NOT NULL))");
    } else if (state == QLatin1String("expired")) {
        bindings.append(todayIso);
        condition = QStringLiteral("membership_end < ?");
    } else if (state == QLatin1String("ending")) {
        const int days = daysValue.isUndefined() || daysValue.isNull() ? 60 : daysValue.toInt(-1);
        if (!daysValue.isUndefined() && !daysValue.isNull() && (!daysValue.isDouble() || days < 1 || days > 3650))
            return invalid(
                QCoreApplication::translate("Reports::QueryBuilder", "days is a number of days from 1 to 3,650."));
        bindings.append(todayIso);
        bindings.append(today.addDays(days).toString(Qt::ISODate));
        condition = QStringLiteral("membership_end BETWEEN ? AND ?");
    } else {
        return invalid(QCoreApplication::translate("Reports::QueryBuilder",
                                                   "The membership status is active, expired or ending, not \"%1\".")
                           .arg(state.left(40)));
    }
    return op == QLatin1String("eq") ? condition : QStringLiteral("NOT coalesce(%1, FALSE)").arg(condition);
}

Result<QString> Builder::freeText(const QString &op, const QJsonValue &value)
{
    if (op != QLatin1String("contains"))
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "The free text takes contains."));
    if (!(value.isString() || value.isDouble()))
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "The free text must be text."));
    // The fields the member table's search looks in, folded as it folds them (case, accents, ligatures): the
    // text typed is folded here, the members' by the database (see Storage::Sql::foldedSearchText).
    bindings.append(
        Storage::Sql::foldedPattern(engine, Core::TextFold::fold(Core::TextFold::simplified(scalar(value)))));
    return Storage::Sql::containsFolded(engine, Storage::Sql::foldedSearchText(engine));
}

Result<QString> Builder::node(const QJsonValue &v, int depth)
{
    if (depth > kMaxDepth)
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "The filter is nested too deeply."));
    if (!v.isObject())
        return invalid(QCoreApplication::translate("Reports::QueryBuilder", "A filter element must be an object."));
    const QJsonObject o = v.toObject();
    const bool all = o.contains(QStringLiteral("all"));
    const bool any = o.contains(QStringLiteral("any"));
    if (all || any) {
        if (all && any)
            return invalid(QCoreApplication::translate("Reports::QueryBuilder", "A group is either all or any."));
        const QJsonValue children = o.value(all ? QStringLiteral("all") : QStringLiteral("any"));
        if (!children.isArray())
            return invalid(QCoreApplication::translate("Reports::QueryBuilder", "A group holds a list."));
        QStringList parts;
        for (const QJsonValue &child : children.toArray()) {
            auto part = node(child, depth + 1);
            if (!part.ok())
                return part.error();
            parts.append(QStringLiteral("(%1)").arg(part.value()));
        }
        if (parts.isEmpty())
            return all ? QStringLiteral("TRUE") : QStringLiteral("FALSE"); // both engines know these
        return parts.join(all ? QStringLiteral(" AND ") : QStringLiteral(" OR "));
    }
    return condition(o);
}

void collectParams(const QJsonValue &v, QHash<QString, QString> *out, int depth)
{
    if (depth > kMaxDepth)
        return;
    if (v.isArray()) {
        for (const QJsonValue &child : v.toArray())
            collectParams(child, out, depth + 1);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("param")) && o.value(QStringLiteral("param")).isString())
            out->insert(o.value(QStringLiteral("param")).toString(), o.value(QStringLiteral("label")).toString());
        for (auto it = o.begin(); it != o.end(); ++it)
            collectParams(it.value(), out, depth + 1);
    }
}

} // namespace

Result<BuiltQuery> buildFilter(const QJsonValue &filter, const QHash<QString, QString> &params,
                               const ConsentResolver &consent, const QDate &today, Storage::Engine engine)
{
    if (filter.isNull() || filter.isUndefined() || (filter.isObject() && filter.toObject().isEmpty()))
        return BuiltQuery{};
    Builder b{params, consent, today, engine, {}};
    auto where = b.node(filter, 0);
    if (!where.ok())
        return where.error();
    // A NUL character cannot be in any stored text (PostgreSQL refuses it, SQLite's text ends at it).
    for (const QVariant &v : std::as_const(b.bindings)) {
        if (v.typeId() == QMetaType::QString && v.toString().contains(QChar(0)))
            return invalid(QCoreApplication::translate(
                "Reports::QueryBuilder", "A value holds a NUL character, which no member field can hold."));
    }
    return BuiltQuery{where.value(), b.bindings};
}

QHash<QString, QString> filterParameters(const QJsonValue &filter)
{
    QHash<QString, QString> out;
    collectParams(filter, &out, 0);
    return out;
}

} // namespace Reports
