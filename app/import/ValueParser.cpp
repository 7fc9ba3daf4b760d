#include "ValueParser.h"

#include "core/TextFold.h"

#include <QRegularExpression>
#include <QStringList>

namespace Import::ValueParser {

namespace {
const QRegularExpression &isoDate()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T].*)?$"));
    return re;
}

const QRegularExpression &slashDate()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})(?:[ T].*)?$"));
    return re;
}

int fullYear(const QString &y)
{
    const int v = y.toInt();
    if (y.size() == 4)
        return v;
    return v < 70 ? 2000 + v : 1900 + v; // 24 -> 2024, 87 -> 1987
}
} // namespace

QDate parseDate(const QString &text, DateOrder order)
{
    // Fast path: exactly YYYY-MM-DD, the ISO dates most exports write.
    if (text.size() == 10 && text[4] == QLatin1Char('-') && text[7] == QLatin1Char('-')) {
        auto digits = [&text](int from, int count) {
            int v = 0;
            for (int i = from; i < from + count; ++i) {
                const char16_t c = text[i].unicode();
                if (c < '0' || c > '9')
                    return -1;
                v = v * 10 + (c - '0');
            }
            return v;
        };
        const int y = digits(0, 4);
        const int mo = digits(5, 2);
        const int d = digits(8, 2);
        if (y >= 0 && mo >= 0 && d >= 0)
            return QDate(y, mo, d);
    }
    const QString t = text.trimmed();
    if (auto m = isoDate().match(t); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (auto m = slashDate().match(t); m.hasMatch()) {
        const int a = m.captured(1).toInt();
        const int b = m.captured(2).toInt();
        const int year = fullYear(m.captured(3));
        DateOrder o = order;
        if (a > 12)
            o = DateOrder::DayMonth;
        else if (b > 12)
            o = DateOrder::MonthDay;
        if (o == DateOrder::DayMonth)
            return QDate(year, b, a);
        if (o == DateOrder::MonthDay)
            return QDate(year, a, b);
        if (a == b)
            return QDate(year, a, b); // 05/05/2024 is the same either way
    }
    return {};
}

DateOrder evidence(const QString &text)
{
    const auto m = slashDate().match(text.trimmed());
    if (!m.hasMatch())
        return DateOrder::Unknown;
    if (m.captured(1).toInt() > 12)
        return DateOrder::DayMonth;
    if (m.captured(2).toInt() > 12)
        return DateOrder::MonthDay;
    return DateOrder::Unknown;
}

int parseBool(const QString &text)
{
    const QString t = Core::TextFold::fold(text.trimmed());
    static const QStringList yes = {QStringLiteral("oui"), QStringLiteral("yes"),  QStringLiteral("y"),
                                    QStringLiteral("o"),   QStringLiteral("true"), QStringLiteral("vrai"),
                                    QStringLiteral("1"),   QStringLiteral("x")};
    static const QStringList no = {QStringLiteral("non"),
                                   QStringLiteral("no"),
                                   QStringLiteral("n"),
                                   QStringLiteral("false"),
                                   QStringLiteral("faux"),
                                   QStringLiteral("0"),
                                   QString()};
    if (yes.contains(t))
        return 1;
    if (no.contains(t))
        return 0;
    return -1;
}

std::pair<QString, QString> splitFullName(const QString &text, bool lastFirst)
{
    const QString t = Core::TextFold::simplified(text);
    if (const qsizetype comma = t.indexOf(QLatin1Char(',')); comma > 0) // "Côté, Hélène"
        return {t.mid(comma + 1).trimmed(), t.left(comma).trimmed()};
    QStringList words = t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 2)
        return {QString(), t};
    // Words written in capitals are the last name, wherever they stand ("GAUTHIER Théo", "Théo LE GALL").
    QStringList upper;
    QStringList other;
    for (const QString &w : std::as_const(words)) {
        const bool caps = w.size() > 1 && w == w.toUpper() && w != w.toLower();
        (caps ? upper : other).append(w);
    }
    if (!upper.isEmpty() && !other.isEmpty())
        return {other.join(QLatin1Char(' ')), upper.join(QLatin1Char(' '))};
    if (lastFirst) // "Gauthier Théo": the first name is the last word
        return {words.takeLast(), words.join(QLatin1Char(' '))};
    const QString first = words.takeFirst();
    return {first, words.join(QLatin1Char(' '))};
}

bool lostLeadingZero(const QString &text, bool postalCode)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    const QString t = text.trimmed();
    if (!digits.match(t).hasMatch())
        return false;
    return postalCode ? t.size() == 4 : t.size() == 9; // 1000 for 01000; 612345678 for 06 12 34 56 78
}

} // namespace Import::ValueParser
