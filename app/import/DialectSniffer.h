#pragma once

#include <QChar>
#include <QList>
#include <QStringList>
#include <QStringView>

namespace Import {

namespace DialectSniffer {
// The separator among , ; tab | that splits the first records into the most consistent number of
// columns (more than one); ',' when nothing splits.
QChar guessDelimiter(QStringView sample);
// Whether the first record is a header: it names known columns, or holds no email, date or number
// where the next records do.
bool guessHeader(const QList<QStringList> &firstRecords);
} // namespace DialectSniffer

} // namespace Import
