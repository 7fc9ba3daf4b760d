#pragma once

#include "CsvReader.h"
#include "EncodingDetector.h"
#include "core/Result.h"

#include <QFile>
#include <QStringDecoder>

#include <memory>
#include <optional>

namespace Import {

struct CsvOptions
{
    QByteArray encoding;           // empty: detect
    QChar delimiter;               // null: detect
    std::optional<bool> hasHeader; // unset: detect
    QList<bool> keptColumns;       // data rows keep only these columns' text (see CsvReader)
};

// Something the file did that the user should hear about, with its line.
struct LineProblem
{
    qint64 line = 0;
    QString message;
};

// A member file opened for reading: encoding and separator detected (or forced), header found (or
// not), then data records streamed in chunks so a million rows never sit in memory. Undecodable bytes
// are kept visible (as U+FFFD) and reported with their line; a quote left open is reported too.
class CsvFile
{
public:
    static Core::Result<std::unique_ptr<CsvFile>> open(const QString &path, const CsvOptions &options = {});

    const Encoding &encoding() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }
    bool hasHeader() const { return m_hasHeader; }
    const QStringList &header() const { return m_header; }
    qint64 headerLine() const { return m_headerLine; }
    qint64 size() const { return m_size; }
    qint64 position() const { return m_file.pos(); }

    // The next data record; false at the end (or on a read error: see readError()).
    bool next(CsvRecord &record);
    const QList<LineProblem> &problems() const { return m_problems; }
    const std::optional<Core::Error> &readError() const { return m_readError; }

private:
    CsvFile() = default;
    bool fill();
    void checkDecoding(CsvRecord &record);

    QFile m_file;
    qint64 m_size = 0;
    Encoding m_encoding;
    QChar m_delimiter;
    bool m_hasHeader = true;
    QStringList m_header;
    qint64 m_headerLine = 0;
    std::optional<QStringDecoder> m_decoder;
    std::unique_ptr<CsvReader> m_reader;
    bool m_eof = false;
    bool m_eightBit = false;
    QList<LineProblem> m_problems;
    std::optional<Core::Error> m_readError;
    QList<CsvRecord> m_lookahead; // records read while detecting the header
};

} // namespace Import
