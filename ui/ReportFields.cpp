#include "ReportFields.h"

#include "AppContext.h"
#include "consent/ConsentService.h"
#include "core/MemberField.h"
#include "storage/MemberRepository.h"

#include <QCoreApplication>

namespace Gui {

using Core::MemberField;

ReportFields ReportFields::load(AppContext &context, const QStringList &sections, const QStringList &categories)
{
    ReportFields out;
    for (MemberField f : Core::MemberFields::all()) {
        if (f == MemberField::Extra)
            continue;
        ReportField field;
        field.key = Core::MemberFields::key(f);
        field.label = Core::MemberFields::label(f);
        field.sortable = true;
        const Core::FieldType type = Core::MemberFields::type(f);
        field.kind = type == Core::FieldType::Date || type == Core::FieldType::DateTime ? ReportField::Kind::Date
                                                                                        : ReportField::Kind::Text;
        if (f == MemberField::Section) {
            field.kind = ReportField::Kind::Choice;
            field.choices = sections;
        } else if (f == MemberField::Category) {
            field.kind = ReportField::Kind::Choice;
            field.choices = categories;
        } else if (f == MemberField::Language) {
            field.kind = ReportField::Kind::Choice;
            field.choices = {QStringLiteral("fr"), QStringLiteral("en")};
        }
        out.m_fields.append(field);
        if (f == MemberField::MembershipEnd)
            out.m_fields.append({QStringLiteral("membership"),
                                 QCoreApplication::translate("Gui::ReportFields", "Membership status"),
                                 ReportField::Kind::Membership,
                                 {},
                                 true,
                                 false});
    }
    if (auto purposes = context.consent().purposes(); purposes.ok()) {
        for (const Consent::Purpose &p : purposes.value())
            out.m_fields.append({QStringLiteral("consent.") + p.key,
                                 QCoreApplication::translate("Gui::ReportFields", "Consent: %1").arg(p.displayLabel()),
                                 ReportField::Kind::Consent,
                                 {},
                                 true,
                                 false});
    }
    if (auto names = context.members().attributeNames(); names.ok()) {
        for (const QString &name : names.value())
            out.m_fields.append({QStringLiteral("extra.") + name,
                                 QCoreApplication::translate("Gui::ReportFields", "%1 (imported)").arg(name),
                                 ReportField::Kind::Text,
                                 {},
                                 true,
                                 false});
    }
    out.m_fields.append({QStringLiteral("text"),
                         QCoreApplication::translate("Gui::ReportFields", "Any of name, email, number, city"),
                         ReportField::Kind::FreeText,
                         {},
                         false,
                         false});
    return out;
}

const ReportField *ReportFields::find(const QString &key) const
{
    for (const ReportField &f : m_fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

QString ReportFields::label(const QString &key) const
{
    const ReportField *f = find(key);
    return f ? f->label : key;
}

QString ReportFields::operatorLabel(const QString &op)
{
    static const char *const labels[][2] = {
        {"eq", QT_TRANSLATE_NOOP("Gui::ReportFields", "is")},
        {"ne", QT_TRANSLATE_NOOP("Gui::ReportFields", "is not")},
        {"in", QT_TRANSLATE_NOOP("Gui::ReportFields", "is one of (separated by ;)")},
        {"contains", QT_TRANSLATE_NOOP("Gui::ReportFields", "contains")},
        {"starts_with", QT_TRANSLATE_NOOP("Gui::ReportFields", "starts with")},
        {"before", QT_TRANSLATE_NOOP("Gui::ReportFields", "is before")},
        {"after", QT_TRANSLATE_NOOP("Gui::ReportFields", "is after")},
        {"between", QT_TRANSLATE_NOOP("Gui::ReportFields", "is between")},
        {"is_empty", QT_TRANSLATE_NOOP("Gui::ReportFields", "is empty")},
        {"is_not_empty", QT_TRANSLATE_NOOP("Gui::ReportFields", "is not empty")},
    };
    for (const auto &l : labels)
        if (op == QLatin1String(l[0]))
            return QCoreApplication::translate("Gui::ReportFields", l[1]);
    return op;
}

QStringList ReportFields::operators(ReportField::Kind kind)
{
    switch (kind) {
    case ReportField::Kind::Text:
        return {QStringLiteral("eq"),          QStringLiteral("ne"), QStringLiteral("contains"),
                QStringLiteral("starts_with"), QStringLiteral("in"), QStringLiteral("is_empty"),
                QStringLiteral("is_not_empty")};
    case ReportField::Kind::Choice:
        return {QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("in"), QStringLiteral("is_empty"),
                QStringLiteral("is_not_empty")};
    case ReportField::Kind::Date:
        return {QStringLiteral("before"), QStringLiteral("after"),    QStringLiteral("between"),
                QStringLiteral("eq"),     QStringLiteral("is_empty"), QStringLiteral("is_not_empty")};
    case ReportField::Kind::Consent:
    case ReportField::Kind::Membership: return {QStringLiteral("eq"), QStringLiteral("ne")};
    case ReportField::Kind::FreeText: return {QStringLiteral("contains")};
    }
    return {};
}

QList<QPair<QString, QString>> ReportFields::fixedValues(ReportField::Kind kind)
{
    if (kind == ReportField::Kind::Consent)
        return {
            {QStringLiteral("eligible"), QCoreApplication::translate("Gui::ReportFields", "may be mailed")},
            {QStringLiteral("not_eligible"), QCoreApplication::translate("Gui::ReportFields", "may not be mailed")},
            {QStringLiteral("withdrawn"), QCoreApplication::translate("Gui::ReportFields", "withdrawn")},
            {QStringLiteral("expiring"), QCoreApplication::translate("Gui::ReportFields", "expiring within 60 days")}};
    if (kind == ReportField::Kind::Membership)
        return {{QStringLiteral("active"), QCoreApplication::translate("Gui::ReportFields", "active")},
                {QStringLiteral("expired"), QCoreApplication::translate("Gui::ReportFields", "expired")},
                {QStringLiteral("ending"), QCoreApplication::translate("Gui::ReportFields", "ending within…")}};
    return {};
}

} // namespace Gui
