#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class AppContext;

namespace Gui {

// A field the report wizard offers, as a column, a filter, a sort key or a grouping.
struct ReportField
{
    enum class Kind { Text, Choice, Date, Consent, Membership, FreeText };
    QString key; // the report JSON's field: "section", "extra.Bénévole", "consent.newsletter", "membership", "text"
    QString label;
    Kind kind = Kind::Text;
    QStringList choices; // known values (sections, categories…)
    bool column = true;  // offered as a column
    bool sortable = false;
};

// Every field the wizards offer: the member fields, the membership status, consent per purpose, the extra
// attributes seen in imports, and the free-text search.
class ReportFields
{
public:
    static ReportFields load(AppContext &context, const QStringList &sections, const QStringList &categories);

    const QList<ReportField> &all() const { return m_fields; }
    const ReportField *find(const QString &key) const;
    QString label(const QString &key) const; // the key itself when unknown
    // Labels of the operators in the user's language.
    static QString operatorLabel(const QString &op);
    static QStringList operators(ReportField::Kind kind);
    // The values of a consent or membership condition, and their labels.
    static QList<QPair<QString, QString>> fixedValues(ReportField::Kind kind);

private:
    QList<ReportField> m_fields;
};

} // namespace Gui
