#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Import {

// One logical CSV record and where it stands in the file.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0; // physical line (1-based) where the record starts
};

// A streaming RFC 4180 reader of our own: decoded text goes in by chunks of any size (a chunk may end
// in the middle of a field, a quote or a CRLF), records come out. Separators, quotes and line breaks
// inside quoted fields, doubled quotes, CRLF / LF / CR endings, a last line without a line break.
// Blank lines are skipped (their line numbers still count). Lenient where spreadsheets are sloppy: a
// quote inside an unquoted field is kept as a character, and text after a closing quote is kept too.
class CsvReader
{
public:
    explicit CsvReader(QChar delimiter = QLatin1Char(','), QChar quote = QLatin1Char('"'));

    void feed(QStringView text);
    void finish(); // end of input: the last record, even without a final line break

    // Only these columns' text is kept (others come out empty): a scan that needs two columns of a
    // million rows allocates nothing for the rest. Empty list: every column.
    void setKeptColumns(const QList<bool> &kept) { m_kept = kept; }

    bool hasRecord() const { return m_next < m_ready.size(); }
    CsvRecord takeRecord();
    qsizetype pending() const { return m_ready.size() - m_next; }

    // A quoted field still open at the end of the input (the line where it started), or 0.
    qint64 unterminatedQuoteLine() const { return m_unterminatedLine; }
    qint64 linesRead() const { return m_line; }
    // A field longer than this (in characters) is cut there and its line reported: no member file has
    // one, and a 100 MB "line" must not take gigabytes of memory.
    static constexpr qsizetype kMaxFieldLength = 1 << 20;
    qint64 oversizedFieldLine() const { return m_oversizedLine; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCR };

    void endField();
    void endRecord();
    void countLineBreak(QChar c);
    void append(const QChar *data, qsizetype length);

    QChar m_delimiter;
    QChar m_quote;
    State m_state = State::FieldStart;
    QString m_field;
    QStringList m_fields;
    bool m_recordStarted = false;
    bool m_anyQuoted = false;
    bool m_lastWasCR = false;
    bool m_atStart = true;
    qint64 m_line = 1;
    qint64 m_recordLine = 1;
    qint64 m_quoteLine = 0;
    qint64 m_unterminatedLine = 0;
    qint64 m_oversizedLine = 0;
    QList<bool> m_kept;
    QList<CsvRecord> m_ready;
    qsizetype m_next = 0;
};

} // namespace Import
