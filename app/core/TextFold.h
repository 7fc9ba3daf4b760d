#pragma once

#include <QString>
#include <QStringView>

namespace Core {

// Folding for search and sorting: lower case, no accents, ligatures spelled out, every kind of
// Unicode space made a plain space. "Hélène CÔTÉ" -> "helene cote", "Œuvre" -> "oeuvre".
namespace TextFold {
QString fold(QStringView text);
void appendFolded(QStringView text, QString &out);
// Trimmed, with inner runs of (Unicode) white space collapsed to one space: names, cities.
QString simplified(QStringView text);
QString simplified(const QString &text); // the same string, shared, when it is already simplified
} // namespace TextFold

} // namespace Core
