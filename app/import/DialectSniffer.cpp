#include "DialectSniffer.h"

#include "ColumnMapper.h"
#include "CsvReader.h"
#include "core/EmailAddress.h"

#include <QHash>
#include <QRegularExpression>

namespace Import::DialectSniffer {

QChar guessDelimiter(QStringView sample)
{
    static const QChar candidates[] = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')};
    QChar best = QLatin1Char(',');
    double bestScore = 0;
    for (QChar candidate : candidates) {
        CsvReader reader(candidate);
        reader.feed(sample);
        reader.finish();
        QList<qsizetype> counts;
        while (reader.hasRecord() && counts.size() < 60)
            counts.append(reader.takeRecord().fields.size());
        if (counts.size() > 2)
            counts.removeLast(); // the sample may cut the last record
        QHash<qsizetype, int> frequency;
        for (qsizetype c : counts)
            ++frequency[c];
        qsizetype mode = 1;
        int modeCount = 0;
        for (auto it = frequency.begin(); it != frequency.end(); ++it) {
            if (it.value() > modeCount || (it.value() == modeCount && it.key() > mode)) {
                mode = it.key();
                modeCount = it.value();
            }
        }
        if (mode < 2 || counts.isEmpty())
            continue;
        // Consistency first, then more columns.
        const double score = double(modeCount) / double(counts.size()) * 1000.0 + double(mode);
        if (score > bestScore) {
            bestScore = score;
            best = candidate;
        }
    }
    return best;
}

namespace {
bool looksLikeValue(const QString &cell)
{
    static const QRegularExpression number(QStringLiteral("^[+]?[0-9][0-9 .,/:()-]*$"));
    const QString v = cell.trimmed();
    if (v.isEmpty())
        return false;
    return Core::EmailAddress::check(v).valid || number.match(v).hasMatch();
}
} // namespace

bool guessHeader(const QList<QStringList> &firstRecords)
{
    if (firstRecords.isEmpty())
        return false;
    const QStringList &first = firstRecords.first();
    int known = 0;
    for (const QString &cell : first) {
        if (looksLikeValue(cell))
            return false; // an email, a date or a number is data
        if (!ColumnMapper::fieldFor(cell).isEmpty())
            ++known;
    }
    if (known > 0)
        return true;
    // Unknown labels: a header when the rows below hold values where it holds words.
    for (int r = 1; r < firstRecords.size(); ++r) {
        for (const QString &cell : firstRecords[r]) {
            if (looksLikeValue(cell))
                return true;
        }
    }
    return firstRecords.size() > 1;
}

} // namespace Import::DialectSniffer
