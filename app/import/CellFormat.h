#pragma once

#include <QDateTime>
#include <QString>

namespace Import {

// What a spreadsheet's number format makes of a number, so that a cell is read as the user saw it: a
// date rather than a serial number, "01310" rather than 1310, digits rather than 6.12345678E8.
class CellFormat
{
public:
    enum class Kind {
        General,  // a plain number: its digits, never an exponent for a phone-sized integer
        Date,     // a serial day number shown as a date
        Time,     // a fraction of a day shown as a time
        DateTime, // both
        Digits,   // zeros that pad ("00000", "0# ## ## ## ##"): the text shown
        Text,     // "@": the number as typed
    };

    CellFormat() = default;
    // An .xlsx number format: its id (built-in ids 14–22, 27–36, 45–47, 50–58 are dates and times) and,
    // for a custom one, its code. Quoted text, \x escapes, [Red], [$-40C] and _x / *x are not taken as
    // date letters.
    static CellFormat fromExcel(int id, const QString &code);
    // An ODS number style: only "keeps leading zeros" matters there (dates carry their own value).
    static CellFormat digits(int minimumDigits);

    Kind kind() const { return m_kind; }
    // The text of `value` through this format. A date is ISO (2024-03-15, 2024-03-15 13:45:00).
    QString format(double value, bool date1904) const;

    // A number as its plain digits: 612345678, 1310, 12.5, 0.125; never 6.12345678E8.
    static QString plain(double value);
    // A spreadsheet serial day number as a date and time (the 1900 system counts 1900-02-29, which did
    // not exist; the 1904 system starts on 1904-01-01). Invalid when out of any sensible range.
    static QDateTime fromSerial(double serial, bool date1904);
    // Excel's escapes of characters XML cannot hold: _x000D_ is a carriage return, _x005F_ an underscore.
    static QString unescape(const QString &text);

private:
    Kind m_kind = Kind::General;
    bool m_elapsed = false; // [h]:mm — a duration
    QString m_pattern;      // Digits: '0' and '#' placeholders with the literal characters between them
};

} // namespace Import
