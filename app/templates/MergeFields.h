#pragma once

#include "core/Member.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Templates {

// A merge field that cannot be filled for a member: unknown ({{prenon}}), or empty without a fallback.
struct MergeProblem
{
    enum class Kind { Unknown, Empty };
    Kind kind = Kind::Unknown;
    QString field; // as written, without braces
    friend bool operator==(const MergeProblem &, const MergeProblem &) = default;
};

// Merge fields in a subject or a body: {{first_name}} / {{prenom}}, {{last_name}} / {{nom}}, {{email}} /
// {{courriel}}, {{section}}, {{category}} / {{categorie}}, {{membership_end}} / {{fin_adhesion}},
// {{member_number}} / {{numero}}, {{city}} / {{ville}}, an imported attribute by its name ({{Bénévole}}),
// and a fallback after a bar: {{first_name|Bonjour}}. Names are matched without case or accents.
namespace MergeFields {

enum class Escape { None, Html };

// The text with every field replaced by the member's value (HTML-escaped for Escape::Html); a field that
// cannot be filled becomes its fallback, or nothing, and is reported in `problems`.
QString render(const QString &text, const Core::Member &member, Escape escape, QList<MergeProblem> *problems = nullptr);
// Only the fields that are unknown whatever the member (for the composer, before any member is chosen).
QList<MergeProblem> unknownFields(const QString &text, const QStringList &attributeNames);
// The fields of some problems as the user wrote them, each once: "{{section}}, {{Bénévole}}".
QString fieldList(const QList<MergeProblem> &problems);
// The names offered in the composer's "Insert a field" list.
QStringList knownNames();

// Fields as opaque tokens so that another transformation (Markdown to HTML) cannot alter them: protect()
// before it, then restore() with the member's values.
QString protect(const QString &text, QStringList *fields);
QString restore(const QString &text, const QStringList &fields, const Core::Member &member, Escape escape,
                QList<MergeProblem> *problems = nullptr);

} // namespace MergeFields

} // namespace Templates
