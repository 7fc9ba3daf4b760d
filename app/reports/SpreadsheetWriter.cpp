#include "SpreadsheetWriter.h"

#include "SpreadsheetFormats.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <ctime>

using Core::Error;
using Core::Result;

namespace Reports {

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;
constexpr int kMaxWidth = 60;
constexpr int kMaxSheetName = 31; // Excel's limit, LibreOffice takes it

// A part made of bytes and temporary files, read in turn by libzip as it compresses (zip_source_function):
// a sheet's rows are never in memory whole.
struct PartReader
{
    const std::vector<SpreadsheetWriter::Segment> *segments = nullptr;
    size_t index = 0;
    qint64 offset = 0;
    qint64 total = 0;
    zip_error_t error{};
};

zip_int64_t readPart(void *userdata, void *data, zip_uint64_t length, zip_source_cmd_t command)
{
    auto *reader = static_cast<PartReader *>(userdata);
    switch (command) {
    case ZIP_SOURCE_OPEN:
        reader->index = 0;
        reader->offset = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        char *out = static_cast<char *>(data);
        zip_int64_t filled = 0;
        while (zip_uint64_t(filled) < length && reader->index < reader->segments->size()) {
            const SpreadsheetWriter::Segment &segment = (*reader->segments)[reader->index];
            const qint64 wanted = qint64(length) - filled;
            qint64 got = 0;
            if (segment.file) {
                if (!segment.file->seek(reader->offset)) {
                    zip_error_set(&reader->error, ZIP_ER_READ, EIO);
                    return -1;
                }
                got = segment.file->read(out + filled, wanted);
                if (got < 0) {
                    zip_error_set(&reader->error, ZIP_ER_READ, EIO);
                    return -1;
                }
            } else {
                got = std::min<qint64>(wanted, segment.bytes.size() - reader->offset);
                std::memcpy(out + filled, segment.bytes.constData() + reader->offset, size_t(got));
            }
            filled += got;
            reader->offset += got;
            if (got == 0 || (!segment.file && reader->offset >= segment.bytes.size())) {
                ++reader->index;
                reader->offset = 0;
            }
        }
        return filled;
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE: return 0;
    case ZIP_SOURCE_STAT: {
        auto *stat = static_cast<zip_stat_t *>(data);
        zip_stat_init(stat);
        stat->size = zip_uint64_t(reader->total);
        stat->mtime = time(nullptr);
        stat->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
        return sizeof(*stat);
    }
    case ZIP_SOURCE_ERROR: return zip_error_to_data(&reader->error, data, length);
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default: zip_error_set(&reader->error, ZIP_ER_OPNOTSUPP, 0); return -1;
    }
}

bool needsCare(QChar c, bool excelEscapes)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == '&' || u == '<' || u == '>' || u == '"' || (excelEscapes && u == '_') ||
           (u >= 0xD800 && u <= 0xDFFF) || u >= 0xFFFE;
}

bool isEscapeLike(QStringView text, qsizetype at)
{
    // "_x0041_": Excel would read it as "A".
    if (at + 7 > text.size() || text[at + 1] != QLatin1Char('x') || text[at + 6] != QLatin1Char('_'))
        return false;
    for (qsizetype i = at + 2; i < at + 6; ++i) {
        if (!isxdigit(text[i].toLatin1()) || text[i].unicode() > 0x7F)
            return false;
    }
    return true;
}

} // namespace

SpreadsheetWriter::Sheet::~Sheet() = default;
SpreadsheetWriter::~SpreadsheetWriter() = default;

std::unique_ptr<SpreadsheetWriter> SpreadsheetWriter::create(Format format, const QString &path, const Options &options)
{
    if (format == Format::Ods)
        return std::make_unique<OdsSheetWriter>(path, options);
    return std::make_unique<XlsxSheetWriter>(path, options);
}

bool SpreadsheetWriter::formatFromName(const QString &name, Format *format)
{
    if (name.compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0)
        *format = Format::Xlsx;
    else if (name.compare(QLatin1String("ods"), Qt::CaseInsensitive) == 0)
        *format = Format::Ods;
    else
        return false;
    return true;
}

QString SpreadsheetWriter::suffix(Format format)
{
    return format == Format::Ods ? QStringLiteral("ods") : QStringLiteral("xlsx");
}

Error SpreadsheetWriter::cannotWrite(const QString &why) const
{
    return Error::make(Error::Code::Storage,
                       QCoreApplication::translate("Reports::SpreadsheetWriter", "Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(m_path), why));
}

QString SpreadsheetWriter::uniqueName(const QString &wanted) const
{
    QString name;
    for (QChar c : wanted.simplified()) {
        // Neither Excel nor LibreOffice takes these in a sheet's name.
        name += QStringLiteral("[]:*?/\\").contains(c) || c.unicode() < 0x20 ? QLatin1Char('_') : c;
    }
    while (name.startsWith(QLatin1Char('\'')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('\'')))
        name.chop(1);
    if (name.trimmed().isEmpty())
        name = QStringLiteral("Carnet");
    name = name.left(kMaxSheetName).trimmed();
    auto taken = [this](const QString &candidate) {
        for (const auto &sheet : m_sheets) {
            if (sheet->name.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QString candidate = name;
    for (int n = 2; taken(candidate); ++n) {
        const QString tail = QStringLiteral(" (%1)").arg(n);
        candidate = name.left(kMaxSheetName - int(tail.size())).trimmed() + tail;
    }
    return candidate;
}

Result<void> SpreadsheetWriter::addSheet(const QString &name, const QList<SheetColumn> &columns)
{
    if (m_done)
        return Error::make(Error::Code::Invalid, QCoreApplication::translate("Reports::SpreadsheetWriter",
                                                                             "This spreadsheet is already written."));
    if (auto f = flush(); !f.ok())
        return f;
    m_continuation = 1;
    auto started = startSheet(uniqueName(name), columns);
    if (started.ok())
        m_seriesName = m_sheets.back()->name;
    return started;
}

Result<void> SpreadsheetWriter::startSheet(const QString &name, const QList<SheetColumn> &columns)
{
    auto sheet = std::make_unique<Sheet>();
    sheet->name = name;
    sheet->columns = columns;
    sheet->body =
        std::make_unique<QTemporaryFile>(QDir(QDir::tempPath()).filePath(QStringLiteral("carnet-sheet-XXXXXX")));
    if (!sheet->body->open())
        return cannotWrite(sheet->body->errorString());
    QVariantList titles;
    for (const SheetColumn &c : columns) {
        titles.append(c.title);
        const int typical = c.type == CellType::Date       ? int(m_options.datePattern.size())
                            : c.type == CellType::DateTime ? int(m_options.datePattern.size()) + 6
                                                           : 4;
        sheet->widths.push_back(std::min(kMaxWidth, std::max(int(c.title.size()), typical)));
    }
    m_sheets.push_back(std::move(sheet));
    writeRow(m_buffer, *m_sheets.back(), titles, true);
    ++m_sheets.back()->rows;
    return {};
}

Result<void> SpreadsheetWriter::addRow(const QVariantList &values)
{
    if (m_done || m_sheets.empty())
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Reports::SpreadsheetWriter", "This spreadsheet has no sheet to write to."));
    if (m_sheets.back()->rows >= std::max<qint64>(2, m_options.maxRows)) {
        // The sheet is full: the next rows go on a sheet of the same name, numbered, the header repeated.
        if (auto f = flush(); !f.ok())
            return f;
        const QString base = m_seriesName;
        const QList<SheetColumn> columns = m_sheets.back()->columns;
        ++m_continuation;
        const QString tail = QStringLiteral(" (%1)").arg(m_continuation);
        if (auto s = startSheet(uniqueName(base.left(kMaxSheetName - int(tail.size())) + tail), columns); !s.ok())
            return s;
    }
    Sheet &sheet = *m_sheets.back();
    QVariantList cells = values;
    for (qsizetype i = 0; i < cells.size() && i < qsizetype(sheet.widths.size()); ++i) {
        if (cells[i].typeId() == QMetaType::QString) {
            const QString text = clipped(cells[i].toString());
            if (text.size() != cells[i].toString().size())
                cells[i] = text;
            // The longest line, for the width (a long note makes a wide column, up to a point).
            int longest = 0;
            for (QStringView line : QStringView(text).split(QLatin1Char('\n')))
                longest = std::max(longest, int(line.size()));
            sheet.widths[size_t(i)] = std::min(kMaxWidth, std::max(sheet.widths[size_t(i)], longest));
        } else if (!cells[i].isNull()) {
            const int length = int(display(cells[i], m_options.datePattern).size());
            sheet.widths[size_t(i)] = std::min(kMaxWidth, std::max(sheet.widths[size_t(i)], length));
        }
    }
    writeRow(m_buffer, sheet, cells, false);
    ++sheet.rows;
    ++m_rowsWritten;
    if (m_buffer.size() >= kFlushBytes)
        return flush();
    return {};
}

Result<void> SpreadsheetWriter::flush()
{
    if (m_buffer.isEmpty() || m_sheets.empty())
        return {};
    QTemporaryFile &body = *m_sheets.back()->body;
    if (body.write(m_buffer) != m_buffer.size())
        return cannotWrite(body.errorString());
    m_buffer.clear();
    return {};
}

QString SpreadsheetWriter::clipped(const QString &text)
{
    if (text.size() <= kMaxCellChars)
        return text;
    ++m_truncated;
    qsizetype cut = kMaxCellChars;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut);
}

Result<void> SpreadsheetWriter::commit()
{
    if (m_done)
        return Error::make(Error::Code::Invalid, QCoreApplication::translate("Reports::SpreadsheetWriter",
                                                                             "This spreadsheet is already written."));
    if (m_sheets.empty())
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Reports::SpreadsheetWriter", "This spreadsheet has no sheet to write to."));
    if (auto f = flush(); !f.ok())
        return f;
    for (const auto &sheet : m_sheets) {
        if (!sheet->body->flush())
            return cannotWrite(sheet->body->errorString());
    }
    m_done = true;
    return zip(parts());
}

Result<void> SpreadsheetWriter::zip(std::vector<Part> &&parts)
{
    const QFileInfo target(m_path);
    if (!target.absoluteDir().exists())
        return cannotWrite(QCoreApplication::translate("Reports::SpreadsheetWriter", "the folder does not exist"));
    if (target.isDir())
        return cannotWrite(QCoreApplication::translate("Reports::SpreadsheetWriter", "it is a folder"));
    int code = 0;
    // libzip writes the whole archive to a temporary file beside the destination at zip_close() and renames
    // it over the destination only when everything is written.
    zip_t *archive = zip_open(QFile::encodeName(m_path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString why = QString::fromLocal8Bit(zip_error_strerror(&error));
        zip_error_fini(&error);
        return cannotWrite(why);
    }
    auto fail = [&](const QString &why) {
        zip_discard(archive);
        return cannotWrite(why);
    };
    std::vector<std::unique_ptr<PartReader>> readers;
    for (const Part &part : parts) {
        auto reader = std::make_unique<PartReader>();
        reader->segments = &part.segments;
        for (const Segment &s : part.segments)
            reader->total += s.file ? s.file->size() : s.bytes.size();
        zip_error_init(&reader->error);
        zip_source_t *source = zip_source_function(archive, readPart, reader.get());
        if (!source)
            return fail(QString::fromLocal8Bit(zip_strerror(archive)));
        const zip_int64_t index = zip_file_add(archive, part.name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            return fail(QString::fromLocal8Bit(zip_strerror(archive)));
        }
        // Level 3: a third faster than zlib's default for a few percent more bytes.
        if (zip_set_file_compression(archive, zip_uint64_t(index), part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     part.stored ? 0 : 3) < 0)
            return fail(QString::fromLocal8Bit(zip_strerror(archive)));
        readers.push_back(std::move(reader));
    }
    if (zip_close(archive) < 0)
        return fail(QString::fromLocal8Bit(zip_strerror(archive)));
    return {};
}

QString SpreadsheetWriter::display(const QVariant &value, const QString &datePattern)
{
    switch (value.typeId()) {
    case QMetaType::QDate: return value.toDate().toString(datePattern);
    case QMetaType::QDateTime: return value.toDateTime().toLocalTime().toString(datePattern + QStringLiteral(" hh:mm"));
    case QMetaType::Double: return QString::number(value.toDouble(), 'g', 15);
    default: return value.toString();
    }
}

void SpreadsheetWriter::appendEscaped(QByteArray &out, QStringView text, bool attribute, bool excelEscapes)
{
    bool plain = true;
    for (QChar c : text) {
        if (needsCare(c, excelEscapes)) {
            plain = false;
            break;
        }
    }
    if (plain) {
        out += text.toUtf8();
        return;
    }
    QString clean;
    clean.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            clean += c;
            clean += text[++i];
        } else if (c.isSurrogate() || u >= 0xFFFE) {
            continue; // nothing XML can hold
        } else if (u == '&') {
            clean += QLatin1String("&amp;");
        } else if (u == '<') {
            clean += QLatin1String("&lt;");
        } else if (u == '>') {
            clean += QLatin1String("&gt;");
        } else if (u == '"' && attribute) {
            clean += QLatin1String("&quot;");
        } else if (u == '_' && excelEscapes && isEscapeLike(text, i)) {
            clean += QLatin1String("_x005F_");
        } else if (u < 0x20 && u != '\t' && u != '\n') {
            if (excelEscapes)
                clean += QStringLiteral("_x%1_")
                             .arg(int(u), 4, 16, QLatin1Char('0'))
                             .toUpper()
                             .replace(QLatin1String("_X"), QLatin1String("_x"));
        } else {
            clean += c;
        }
    }
    out += clean.toUtf8();
}

QList<DateToken> dateTokens(const QString &pattern)
{
    QList<DateToken> tokens;
    for (qsizetype i = 0; i < pattern.size();) {
        const QChar c = pattern[i];
        qsizetype run = 1;
        while (i + run < pattern.size() && pattern[i + run] == c)
            ++run;
        DateToken token;
        if (c == QLatin1Char('d') || c == QLatin1Char('M') || c == QLatin1Char('y')) {
            token.kind = c == QLatin1Char('d')   ? DateToken::Day
                         : c == QLatin1Char('M') ? DateToken::Month
                                                 : DateToken::Year;
            token.longForm = c == QLatin1Char('y') ? run >= 4 : run >= 2;
        } else {
            token.literal = QString(run, c);
        }
        if (token.kind == DateToken::Literal && !tokens.isEmpty() && tokens.last().kind == DateToken::Literal)
            tokens.last().literal += token.literal;
        else
            tokens.append(token);
        i += run;
    }
    return tokens;
}

} // namespace Reports
