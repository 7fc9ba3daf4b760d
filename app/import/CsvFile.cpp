#include "CsvFile.h"

#include "DialectSniffer.h"

#include <QCoreApplication>
#include <QFileInfo>

using Core::Error;

#include <algorithm>

namespace Import {

namespace {
// A line of separators only (";;;": Excel writes one for an empty row that carries formatting) is a blank
// line, not a member without an email.
bool blankRow(const CsvRecord &record)
{
    return std::all_of(record.fields.cbegin(), record.fields.cend(),
                       [](const QString &f) { return f.trimmed().isEmpty(); });
}
} // namespace

namespace {
constexpr qint64 kHeadSize = 64 * 1024;
constexpr qint64 kChunkSize = 1024 * 1024;

Error unusable(const QString &message)
{
    return Error::make(Error::Code::Invalid, message);
}
} // namespace

Core::Result<std::unique_ptr<CsvFile>> CsvFile::open(const QString &path, const ReadOptions &options)
{
    const QFileInfo info(path);
    if (!info.exists())
        return unusable(QCoreApplication::translate("Import::CsvFile", "%1 does not exist.").arg(path));
    if (info.isDir())
        return unusable(QCoreApplication::translate("Import::CsvFile", "%1 is a folder, not a spreadsheet file.")
                            .arg(info.fileName()));
    std::unique_ptr<CsvFile> file(new CsvFile);
    file->m_file.setFileName(path);
    if (!file->m_file.open(QIODevice::ReadOnly))
        return unusable(QCoreApplication::translate("Import::CsvFile", "%1 cannot be read: %2")
                            .arg(info.fileName(), file->m_file.errorString()));
    file->m_size = file->m_file.size();
    if (file->m_size == 0)
        return unusable(QCoreApplication::translate("Import::CsvFile", "%1 is empty.").arg(info.fileName()));

    const QByteArray head = file->m_file.read(kHeadSize);
    const bool whole = head.size() == file->m_size;
    Encoding detected = EncodingDetector::detect(head, whole);
    if (!options.encoding.isEmpty()) {
        // A forced encoding still skips a byte-order mark that matches it.
        const Encoding forced{options.encoding, false, 0};
        file->m_encoding = forced;
        if (detected.bom && detected.name == options.encoding)
            file->m_encoding = detected;
    } else {
        if (EncodingDetector::looksBinary(head, detected))
            return unusable(QCoreApplication::translate("Import::CsvFile",
                                                        "%1 is not a member list: it is neither a spreadsheet (.xlsx, "
                                                        ".ods) nor text (CSV), but looks like a binary file (an image, "
                                                        "a PDF, a program). Check that you chose the right file.")
                                .arg(info.fileName()));
        file->m_encoding = detected;
    }
    file->m_decoder.emplace(file->m_encoding.name.constData(), QStringDecoder::Flag::ConvertInvalidToNull);
    if (!file->m_decoder->isValid())
        return unusable(QCoreApplication::translate("Import::CsvFile", "Unknown encoding \"%1\".")
                            .arg(QString::fromLatin1(file->m_encoding.name)));
    const QByteArray &name = file->m_encoding.name;
    file->m_eightBit = !name.startsWith("UTF-");

    // The separator, from the first 64 KiB as text.
    QString sample = QStringDecoder(name.constData())(head.mid(file->m_encoding.bomLength));
    file->m_delimiter = options.delimiter.isNull() ? DialectSniffer::guessDelimiter(sample) : options.delimiter;

    // Stream from the start (after the BOM).
    file->m_file.seek(file->m_encoding.bomLength);
    file->m_reader = std::make_unique<CsvReader>(file->m_delimiter);
    QList<QStringList> first;
    CsvRecord record;
    while (first.size() < 20 && file->fill()) {
        while (file->m_reader->hasRecord() && first.size() < 20) {
            record = file->m_reader->takeRecord();
            if (blankRow(record))
                continue;
            file->checkDecoding(record);
            first.append(record.fields);
            file->m_lookahead.append(record);
        }
    }
    while (file->m_reader->hasRecord() && first.size() < 20) {
        record = file->m_reader->takeRecord();
        if (blankRow(record))
            continue;
        file->checkDecoding(record);
        first.append(record.fields);
        file->m_lookahead.append(record);
    }
    if (file->m_readError)
        return *file->m_readError;
    file->m_hasHeader = options.hasHeader.has_value() ? *options.hasHeader : DialectSniffer::guessHeader(first);
    if (file->m_hasHeader && !file->m_lookahead.isEmpty()) {
        const CsvRecord header = file->m_lookahead.takeFirst();
        file->m_header = header.fields;
        file->m_headerLine = header.line;
    }
    if (!options.keptColumns.isEmpty())
        file->m_reader->setKeptColumns(options.keptColumns); // rows already read keep their text
    return file;
}

// Reads and parses the next chunk; false once everything is read.
bool CsvFile::fill()
{
    if (m_eof)
        return false;
    const QByteArray bytes = m_file.read(kChunkSize);
    if (bytes.isEmpty()) {
        if (m_file.error() != QFileDevice::NoError)
            m_readError = Error::make(Error::Code::Storage, m_file.errorString());
        feed(m_decoder->decode(QByteArrayView()));
        m_reader->finish();
        if (const qint64 line = m_reader->unterminatedQuoteLine())
            m_problems.append({line, QCoreApplication::translate("Import::CsvFile",
                                                                 "A quoted value opened on this line is never closed; "
                                                                 "the rest of the file was read as part of it.")});
        m_eof = true;
        return true;
    }
    feed(m_decoder->decode(bytes));
    if (const qint64 line = m_reader->oversizedFieldLine(); line && !m_readError)
        m_readError =
            Error::make(Error::Code::Invalid,
                        QCoreApplication::translate("Import::CsvFile",
                                                    "Line %1 holds a value of more than a million characters: "
                                                    "this is not a member list. Check that you chose the right file.")
                            .arg(line));
    return !m_readError;
}

// The records only need checkDecoding() once some text held what it replaces: one quick pass over each
// chunk rather than one over every value.
void CsvFile::feed(const QString &text)
{
    if (!m_unreadable) {
        bool found = false; // no early exit: the loop stays branch-free for the compiler to vectorise
        for (const QChar c : text)
            found |= unreadable(c.unicode());
        m_unreadable = found;
    }
    m_reader->feed(text);
}

// What the decoder could not read (it writes U+0000 for it), and in an 8-bit file a C1 control: a byte
// of another encoding.
bool CsvFile::unreadable(char16_t u) const
{
    return u == 0 || (m_eightBit && u >= 0x80 && u <= 0x9F);
}

void CsvFile::checkDecoding(CsvRecord &record)
{
    bool bad = false;
    for (QString &field : record.fields) {
        // Read without touching (a write access would copy a shared string); replaced only where needed.
        const QStringView view(field);
        if (std::none_of(view.begin(), view.end(), [&](QChar c) { return unreadable(c.unicode()); }))
            continue;
        bad = true;
        for (QChar &c : field) {
            if (unreadable(c.unicode()))
                c = QChar(QChar::ReplacementCharacter);
        }
    }
    if (bad)
        m_problems.append({record.line, QCoreApplication::translate(
                                            "Import::CsvFile", "Some bytes on this line cannot be read as %1; they "
                                                               "are shown as \uFFFD. Check the file's encoding.")
                                            .arg(QString::fromLatin1(m_encoding.name))});
}

bool CsvFile::next(CsvRecord &record)
{
    if (!m_lookahead.isEmpty()) {
        record = m_lookahead.takeFirst();
        return true;
    }
    for (;;) {
        while (!m_reader->hasRecord()) {
            if (!fill())
                return false;
            if (m_readError)
                return false;
        }
        record = m_reader->takeRecord();
        if (blankRow(record))
            continue;
        if (m_unreadable)
            checkDecoding(record);
        return true;
    }
}

} // namespace Import
