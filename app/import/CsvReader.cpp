#include "CsvReader.h"

namespace Import {

CsvReader::CsvReader(QChar delimiter, QChar quote) : m_delimiter(delimiter), m_quote(quote)
{}

CsvRecord CsvReader::takeRecord()
{
    CsvRecord record = std::move(m_ready[m_next++]);
    if (m_next == m_ready.size()) {
        m_ready.clear();
        m_next = 0;
    }
    return record;
}

// Physical lines: CR LF, LF and CR each end one line.
void CsvReader::countLineBreak(QChar c)
{
    if (c == QLatin1Char('\n')) {
        if (!m_lastWasCR)
            ++m_line;
        m_lastWasCR = false;
    } else if (c == QLatin1Char('\r')) {
        ++m_line;
        m_lastWasCR = true;
    } else {
        m_lastWasCR = false;
    }
}

void CsvReader::append(const QChar *data, qsizetype length)
{
    if (!m_kept.isEmpty() && (m_fields.size() >= m_kept.size() || !m_kept[m_fields.size()]))
        return;
    const qsizetype room = kMaxFieldLength - m_field.size();
    if (length > room) {
        if (!m_oversizedLine)
            m_oversizedLine = m_recordLine;
        length = std::max<qsizetype>(room, 0);
    }
    m_field.append(data, length);
}

void CsvReader::endField()
{
    m_fields.append(m_field);
    m_field.clear();
}

void CsvReader::endRecord()
{
    endField();
    const bool blank = m_fields.size() == 1 && m_fields.first().isEmpty() && !m_anyQuoted;
    if (!blank)
        m_ready.append({std::move(m_fields), m_recordLine});
    m_fields = QStringList();
    m_recordStarted = false;
    m_anyQuoted = false;
}

void CsvReader::feed(QStringView text)
{
    if (m_atStart && !text.isEmpty()) {
        m_atStart = false;
        if (text.front() == QChar(QChar::ByteOrderMark))
            text = text.mid(1); // a byte-order mark that survived decoding is not data
    }
    const QChar *p = text.data();
    const QChar *const end = p + text.size();
    const QChar cr = QLatin1Char('\r');
    const QChar lf = QLatin1Char('\n');
    while (p < end) {
        switch (m_state) {
        case State::AfterCR:
            m_state = State::FieldStart;
            if (*p == lf) {
                countLineBreak(*p); // the LF of a CR LF: same line break
                ++p;
            }
            break;
        case State::FieldStart:
            if (!m_recordStarted) {
                m_recordStarted = true;
                m_recordLine = m_line;
            }
            if (*p == m_quote) {
                m_state = State::Quoted;
                m_anyQuoted = true;
                m_quoteLine = m_line;
                m_lastWasCR = false;
                ++p;
            } else {
                m_state = State::Unquoted;
            }
            break;
        case State::Unquoted: {
            const QChar *q = p;
            while (q < end && *q != m_delimiter && *q != lf && *q != cr)
                ++q;
            if (q > p) {
                append(p, q - p);
                m_lastWasCR = false;
            }
            p = q;
            if (p == end)
                break;
            if (*p == m_delimiter) {
                endField();
                m_lastWasCR = false;
                m_state = State::FieldStart;
                m_recordStarted = true;
            } else {
                countLineBreak(*p);
                endRecord();
                m_state = *p == cr ? State::AfterCR : State::FieldStart;
            }
            ++p;
            break;
        }
        case State::Quoted: {
            const QChar *q = p;
            while (q < end && *q != m_quote) {
                countLineBreak(*q);
                ++q;
            }
            if (q > p)
                append(p, q - p);
            p = q;
            if (p == end)
                break;
            m_lastWasCR = false;
            m_state = State::QuoteInQuoted;
            ++p;
            break;
        }
        case State::QuoteInQuoted:
            if (*p == m_quote) { // a doubled quote
                append(&m_quote, 1);
                m_state = State::Quoted;
                ++p;
            } else if (*p == m_delimiter) {
                endField();
                m_state = State::FieldStart;
                ++p;
            } else if (*p == lf || *p == cr) {
                countLineBreak(*p);
                endRecord();
                m_state = *p == cr ? State::AfterCR : State::FieldStart;
                ++p;
            } else {
                m_state = State::Unquoted; // "abc"def: keep the rest as text
            }
            break;
        }
    }
}

void CsvReader::finish()
{
    if (m_state == State::Quoted) {
        m_unterminatedLine = m_quoteLine;
        endRecord();
    } else if (m_state != State::AfterCR && (m_recordStarted || !m_field.isEmpty() || !m_fields.isEmpty())) {
        endRecord();
    }
    m_state = State::FieldStart;
}

} // namespace Import
