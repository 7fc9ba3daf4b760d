#include "MergeFields.h"

#include "core/TextFold.h"

#include <QLocale>
#include <QRegularExpression>

namespace Templates::MergeFields {

namespace {

const QRegularExpression &fieldPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\})"));
    return re;
}

QString fold(const QString &name)
{
    return Core::TextFold::fold(name).remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
}

// The member's value for a field name (folded), or nullopt when the name means nothing.
std::optional<QString> valueOf(const QString &name, const Core::Member &m)
{
    const QString f = fold(name);
    if (f == QLatin1String("first_name") || f == QLatin1String("prenom") || f == QLatin1String("firstname"))
        return m.firstName;
    if (f == QLatin1String("last_name") || f == QLatin1String("nom") || f == QLatin1String("lastname"))
        return m.lastName;
    if (f == QLatin1String("email") || f == QLatin1String("courriel") || f == QLatin1String("e_mail"))
        return m.email;
    if (f == QLatin1String("section"))
        return m.section;
    if (f == QLatin1String("category") || f == QLatin1String("categorie"))
        return m.category;
    if (f == QLatin1String("membership_end") || f == QLatin1String("fin_adhesion") ||
        f == QLatin1String("fin_d_adhesion"))
        return !m.membershipEnd.isValid() ? QString()
               : m.language == QLatin1String("en")
                   ? QLocale(QLocale::English).toString(m.membershipEnd, QStringLiteral("MMMM d, yyyy"))
                   : QLocale(QLocale::French).toString(m.membershipEnd, QStringLiteral("d MMMM yyyy"));
    if (f == QLatin1String("member_number") || f == QLatin1String("numero"))
        return m.memberNumber;
    if (f == QLatin1String("city") || f == QLatin1String("ville"))
        return m.city;
    for (auto it = m.extra.begin(); it != m.extra.end(); ++it)
        if (fold(it.key()) == f)
            return it.value().toVariant().toString();
    return std::nullopt;
}

bool isBuiltIn(const QString &name)
{
    return valueOf(name, Core::Member()).has_value();
}

QString fill(const QRegularExpressionMatch &match, const Core::Member &member, Escape escape,
             QList<MergeProblem> *problems)
{
    const QString name = match.captured(1);
    const QString fallback = match.captured(2).trimmed();
    const std::optional<QString> value = valueOf(name, member);
    QString out = value.value_or(QString()).trimmed();
    if (out.isEmpty()) {
        if (problems && (!value || match.capturedLength(2) == 0 || fallback.isEmpty()))
            problems->append({value ? MergeProblem::Kind::Empty : MergeProblem::Kind::Unknown, name});
        out = fallback;
    }
    return escape == Escape::Html ? out.toHtmlEscaped() : out;
}

} // namespace

QString render(const QString &text, const Core::Member &member, Escape escape, QList<MergeProblem> *problems)
{
    QString out;
    qsizetype last = 0;
    auto it = fieldPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        out += fill(match, member, escape, problems);
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

QList<MergeProblem> unknownFields(const QString &text, const QStringList &attributeNames)
{
    QList<MergeProblem> out;
    auto it = fieldPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        const bool attribute = std::any_of(attributeNames.cbegin(), attributeNames.cend(),
                                           [&](const QString &a) { return fold(a) == fold(name); });
        if (!isBuiltIn(name) && !attribute && !out.contains({MergeProblem::Kind::Unknown, name}))
            out.append({MergeProblem::Kind::Unknown, name});
    }
    return out;
}

QString fieldList(const QList<MergeProblem> &problems)
{
    QStringList names;
    for (const MergeProblem &p : problems)
        names.append(QStringLiteral("{{%1}}").arg(p.field));
    names.removeDuplicates();
    return names.join(QStringLiteral(", "));
}

QStringList knownNames()
{
    return {QStringLiteral("first_name"), QStringLiteral("last_name"),    QStringLiteral("email"),
            QStringLiteral("section"),    QStringLiteral("category"),     QStringLiteral("membership_end"),
            QStringLiteral("city"),       QStringLiteral("member_number")};
}

QString protect(const QString &text, QStringList *fields)
{
    QString out;
    qsizetype last = 0;
    auto it = fieldPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        out += QStringLiteral("CARNETFIELD%1X").arg(fields->size());
        fields->append(match.captured(0));
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

QString restore(const QString &text, const QStringList &fields, const Core::Member &member, Escape escape,
                QList<MergeProblem> *problems)
{
    static const QRegularExpression token(QStringLiteral("CARNETFIELD(\\d+)X"));
    QString out;
    qsizetype last = 0;
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        const int index = match.captured(1).toInt();
        if (index >= 0 && index < fields.size()) {
            const auto field = fieldPattern().match(fields[index]);
            out += fill(field, member, escape, problems);
        }
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace Templates::MergeFields
