#include "CellFormat.h"

#include <cmath>

namespace Import {

namespace {

bool builtInDate(int id)
{
    return (id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58);
}

bool builtInTime(int id)
{
    return (id >= 18 && id <= 21) || (id >= 45 && id <= 47) || id == 32 || id == 33;
}

} // namespace

CellFormat CellFormat::fromExcel(int id, const QString &code)
{
    CellFormat f;
    if (id == 49) {
        f.m_kind = Kind::Text;
        return f;
    }
    if (id == 22) {
        f.m_kind = Kind::DateTime;
        return f;
    }
    if (builtInDate(id)) {
        f.m_kind = Kind::Date;
        return f;
    }
    if (builtInTime(id)) {
        f.m_kind = Kind::Time;
        return f;
    }
    if (code.isEmpty() || code.compare(QLatin1String("General"), Qt::CaseInsensitive) == 0)
        return f;
    // The first section (positive numbers) with what is shown literally taken out; the pattern keeps the
    // literals for the Digits kind.
    QString letters;
    QString pattern;
    bool elapsed = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (c == QLatin1Char(';'))
            break;
        if (c == QLatin1Char('"')) {
            const qsizetype end = code.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype stop = end < 0 ? code.size() : end;
            pattern += code.mid(i + 1, stop - i - 1);
            i = stop;
            continue;
        }
        if (c == QLatin1Char('\\') && i + 1 < code.size()) {
            pattern += code[++i];
            continue;
        }
        if ((c == QLatin1Char('_') || c == QLatin1Char('*')) && i + 1 < code.size()) {
            ++i; // a space as wide as the next character, or a fill: nothing shown for us
            continue;
        }
        if (c == QLatin1Char('[')) {
            const qsizetype end = code.indexOf(QLatin1Char(']'), i + 1);
            const QString inside = code.mid(i + 1, (end < 0 ? code.size() : end) - i - 1).toLower();
            if (!inside.isEmpty() &&
                (inside[0] == QLatin1Char('h') || inside[0] == QLatin1Char('m') || inside[0] == QLatin1Char('s')) &&
                inside.count(inside[0]) == inside.size())
                elapsed = true; // [h]:mm, a duration
            i = end < 0 ? code.size() : end;
            continue;
        }
        letters += c.toLower();
        pattern += c;
    }
    if (letters == QLatin1String("@")) {
        f.m_kind = Kind::Text;
        return f;
    }
    const bool date = letters.contains(QLatin1Char('d')) || letters.contains(QLatin1Char('y')) ||
                      (letters.contains(QLatin1Char('m')) && !letters.contains(QLatin1Char('h')) &&
                       !letters.contains(QLatin1Char('s')));
    const bool time = elapsed || letters.contains(QLatin1Char('h')) || letters.contains(QLatin1Char('s'));
    if (elapsed) { // [h]:mm, a duration: hours past 24 shown as such
        f.m_kind = Kind::Time;
        f.m_elapsed = true;
        return f;
    }
    if (date && !letters.contains(QLatin1Char('0')) && !letters.contains(QLatin1Char('#'))) {
        f.m_kind = time ? Kind::DateTime : Kind::Date;
        return f;
    }
    if (time && !letters.contains(QLatin1Char('0')) && !letters.contains(QLatin1Char('#'))) {
        f.m_kind = Kind::Time;
        return f;
    }
    // Padding zeros: only placeholders and separators, no decimals, no thousands, no exponent, and a zero
    // that is not the last digit (a plain "0" pads nothing).
    bool onlyDigits = letters.contains(QLatin1Char('0'));
    int placeholders = 0;
    for (QChar c : letters) {
        if (c == QLatin1Char('0') || c == QLatin1Char('#'))
            ++placeholders;
        else if (!QStringLiteral(" -()/+").contains(c))
            onlyDigits = false;
    }
    if (onlyDigits && placeholders > 1) {
        f.m_kind = Kind::Digits;
        f.m_pattern = pattern;
    }
    return f;
}

CellFormat CellFormat::digits(int minimumDigits)
{
    CellFormat f;
    if (minimumDigits > 1) {
        f.m_kind = Kind::Digits;
        f.m_pattern = QString(minimumDigits, QLatin1Char('0'));
    }
    return f;
}

QString CellFormat::plain(double value)
{
    if (!std::isfinite(value))
        return QString();
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    // 15 significant digits, as the spreadsheet shows them, without an exponent.
    QString s = QString::number(value, 'f', std::max(0, 14 - int(std::floor(std::log10(std::fabs(value))))));
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

QDateTime CellFormat::fromSerial(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958466) // 9999-12-31
        return {};
    double days = std::floor(serial);
    const qint64 msecs = qint64(std::llround((serial - days) * 86400000.0));
    QDate base;
    if (date1904) {
        base = QDate(1904, 1, 1);
    } else {
        // Serial 60 is 1900-02-29, a day that never was (Lotus 1-2-3's bug, kept by Excel): it is read as
        // 1900-02-28's neighbour, and every serial after it is one day less than the count says.
        base = QDate(1899, 12, 31);
        if (serial >= 61)
            days -= 1;
        else if (serial >= 60)
            days = 59;
    }
    return QDateTime(base.addDays(qint64(days)), QTime(0, 0)).addMSecs(msecs);
}

QString CellFormat::format(double value, bool date1904) const
{
    switch (m_kind) {
    case Kind::General:
    case Kind::Text: return plain(value);
    case Kind::Date:
    case Kind::DateTime:
    case Kind::Time: {
        if (m_elapsed && value >= 0 && value < 1e7) {
            const qint64 seconds = std::llround(value * 86400.0);
            return QStringLiteral("%1:%2:%3")
                .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
                .arg(seconds % 60, 2, 10, QLatin1Char('0'));
        }
        const QDateTime when = fromSerial(value, date1904);
        if (!when.isValid())
            return plain(value);
        // A time rounded to the second, as shown.
        const QTime t = QTime::fromMSecsSinceStartOfDay(
            int(std::llround(when.time().msecsSinceStartOfDay() / 1000.0) * 1000 % 86400000));
        if (m_kind == Kind::Time)
            return t.toString(QStringLiteral("HH:mm:ss"));
        if (m_kind == Kind::Date)
            return when.date().toString(Qt::ISODate);
        return when.date().toString(Qt::ISODate) + QLatin1Char(' ') + t.toString(QStringLiteral("HH:mm:ss"));
    }
    case Kind::Digits: {
        if (value < 0 || value != std::floor(value) || value >= 1e15)
            return plain(value);
        const QString digits = QString::number(qint64(value));
        qsizetype next = digits.size() - 1;
        QString out;
        qsizetype leftmost = -1; // where digits beyond the placeholders go
        for (qsizetype i = m_pattern.size() - 1; i >= 0; --i) {
            const QChar c = m_pattern[i];
            if (c == QLatin1Char('0')) {
                out.prepend(next >= 0 ? digits[next--] : QLatin1Char('0'));
                leftmost = 0;
            } else if (c == QLatin1Char('#')) {
                if (next >= 0)
                    out.prepend(digits[next--]);
                leftmost = 0;
            } else {
                out.prepend(c);
                if (leftmost >= 0)
                    ++leftmost;
            }
        }
        if (next >= 0) // more digits than placeholders: before the first one
            out.insert(std::max<qsizetype>(0, leftmost), digits.left(next + 1));
        return out;
    }
    }
    return plain(value);
}

QString CellFormat::unescape(const QString &text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('_') && i + 6 < text.size() && text[i + 1] == QLatin1Char('x') &&
            text[i + 6] == QLatin1Char('_')) {
            bool ok = false;
            const uint code = QStringView(text).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace Import
