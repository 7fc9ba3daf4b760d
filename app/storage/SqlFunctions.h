#pragma once

#include <QSqlDatabase>

namespace Storage {

// Functions Carnet adds to each of its SQLite connections (a file opened by the sqlite3 shell does not have
// them: they serve Carnet's own queries, never a stored view, trigger or index).
//   carnet_contains(needle, a, b, …) — whether the values that are not NULL or empty, joined by a space and
//   folded as the member table's search folds them (Core::TextFold: lower case, no accents, ligatures spelled
//   out), hold the needle (folded already): a report's free text finds "Hélène" for "helene" as the search
//   box does, without making a string of the folded text for each member.
void addSqliteFunctions(const QSqlDatabase &db);

} // namespace Storage
