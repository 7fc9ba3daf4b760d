#pragma once

#include "core/MemberField.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Import {

// What a column of the file becomes in a member, decided once from its mapping target (a member field, a
// name to split, an extra attribute, nothing) rather than for every cell.
struct ColumnRole
{
    enum Kind { Skip, Extra, FullName, Field } kind = Skip;
    Core::MemberField field = Core::MemberField::Id;
    QString extraKey;        // Extra: the attribute's name
    bool attributes = false; // Extra: listmonk's JSON "attributes" column
};

// Maps the header cells of a member file to member fields, whatever the tool that wrote it:
// French and English labels, with accents, case, spaces, punctuation and Unicode spaces ignored, and
// the known layouts (Koha's borrowers columns, Cagette, Mailchimp, listmonk, Galette, Paheko, CiviCRM,
// Google and Outlook contacts). Values: a member JSON key ("first_name"…), "full_name" for a single
// "name and first name" column to split, "extra.<header>" for a column kept as an extra attribute.
namespace ColumnMapper {
QString normalizeHeader(const QString &header); // "Date d'adhésion " -> "datedadhesion"
QString fieldFor(const QString &header);        // known field or full_name; empty when unknown
QStringList map(const QStringList &header);     // one value per column; duplicates become extra
// Without a header: columns are named "column_N"; an email column is recognised by its content.
QStringList mapByContent(const QList<QStringList> &rows, int columns);
QString extraKey(const QString &header, int column); // "extra.<trimmed header>" or "extra.column_N"
// Cagette's partner columns (firstName2, "Partner's firstname", "Prénom conjoint(e)"…): the member field
// they hold for the second member of the household, or an empty string.
QString partnerFieldFor(const QString &header);
// One role per mapping value (as map() gives them).
QList<ColumnRole> roles(const QStringList &mapping);
// The member table's columns these roles can give a value (a full name both names, an email its key).
QSet<QString> filledColumns(const QList<ColumnRole> &roles);
} // namespace ColumnMapper

} // namespace Import
