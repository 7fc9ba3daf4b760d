#pragma once

#include <QDate>
#include <QString>

namespace Import {

// How the day and the month are ordered in a file's dates: decided from all its rows.
enum class DateOrder { Unknown, DayMonth, MonthDay };

namespace ValueParser {
// Accepts ISO (2024-03-15, 2016-04-18 13:51:14), d/m/Y, d/m/y, m/d/Y (also with '.' or '-').
// `order` settles 03/04/2024; without it an ambiguous date is invalid.
QDate parseDate(const QString &text, DateOrder order);
// What a date tells about the order: 25/03/2024 says DayMonth, 03/25/2024 MonthDay, 03/04/2024 nothing.
DateOrder evidence(const QString &text);
// Oui/Non/Yes/No/True/False/1/0/x/vrai/faux; nullopt-like: returns -1 when not a boolean.
int parseBool(const QString &text);
// "GAUTHIER Théo", "Côté, Hélène", "Théo Gauthier": {first, last}. `lastFirst`: the column's name says
// the last name comes first ("Nom & prénom").
std::pair<QString, QString> splitFullName(const QString &text, bool lastFirst);
// A French phone or postal code that a spreadsheet turned into a number lost its leading zero.
bool lostLeadingZero(const QString &text, bool postalCode);
} // namespace ValueParser

} // namespace Import
