#pragma once

#include "TableSource.h"

#include <QFile>
#include <QStringDecoder>

#include <memory>
#include <optional>

namespace Import {

// A CSV member file: encoding and separator detected (or forced), header found (or not), then data
// records streamed in chunks. Undecodable bytes are kept visible (as U+FFFD) and reported with their
// line; a quote left open is reported too.
class CsvFile : public TableSource
{
public:
    static Core::Result<std::unique_ptr<CsvFile>> open(const QString &path, const ReadOptions &options = {});

    FileFormat format() const override { return FileFormat::Csv; }
    Encoding encoding() const override { return m_encoding; }
    QChar delimiter() const override { return m_delimiter; }
    qint64 size() const override { return m_size; }
    qint64 position() const override { return m_file.pos(); }
    bool next(CsvRecord &record) override;

private:
    CsvFile() = default;
    bool fill();
    void checkDecoding(CsvRecord &record);
    void feed(const QString &text);
    bool unreadable(char16_t u) const;

    QFile m_file;
    qint64 m_size = 0;
    Encoding m_encoding;
    QChar m_delimiter;
    std::optional<QStringDecoder> m_decoder;
    std::unique_ptr<CsvReader> m_reader;
    bool m_eof = false;
    bool m_eightBit = false;
    bool m_unreadable = false;    // some decoded text held a character checkDecoding() replaces
    QList<CsvRecord> m_lookahead; // records read while detecting the header
};

} // namespace Import
