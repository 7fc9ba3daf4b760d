#include "ZipArchive.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <zip.h>
#include <zlib.h>

using Core::Error;

namespace Import {

namespace {
Error invalid(const QString &message)
{
    return Error::make(Error::Code::Invalid, message);
}
} // namespace

// One entry, inflated here (zlib, raw deflate) from the compressed bytes libzip hands over, so that the
// ratio is measured on what was actually read so far — a bomb shows itself within the first megabytes —
// and every byte counted against the archive's limits. The CRC is checked at the end.
class ZipEntryDevice : public QIODevice
{
public:
    ZipEntryDevice(ZipArchive &archive, zip_file *file, bool deflated, quint32 crc)
        : m_archive(archive), m_file(file), m_deflated(deflated), m_expectedCrc(crc)
    {
        if (m_deflated && inflateInit2(&m_stream, -MAX_WBITS) != Z_OK)
            m_failed = true;
        QIODevice::open(QIODevice::ReadOnly);
    }
    ~ZipEntryDevice() override
    {
        if (m_deflated)
            inflateEnd(&m_stream);
        if (m_file)
            zip_fclose(m_file);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (!m_file || m_failed)
            return -1;
        qint64 produced = 0;
        if (!m_deflated) {
            const zip_int64_t n = zip_fread(m_file, data, zip_uint64_t(maxSize));
            if (n < 0)
                return fail(QString::fromUtf8(zip_file_strerror(m_file)));
            m_compressed += n;
            produced = n;
        } else {
            m_stream.next_out = reinterpret_cast<Bytef *>(data);
            m_stream.avail_out = uInt(std::min<qint64>(maxSize, 1 << 30));
            while (m_stream.avail_out > 0 && !m_ended) {
                if (m_stream.avail_in == 0) {
                    const zip_int64_t n = zip_fread(m_file, m_input, sizeof m_input);
                    if (n < 0)
                        return fail(QString::fromUtf8(zip_file_strerror(m_file)));
                    if (n == 0) { // the compressed data ends before the deflate stream does
                        if (produced == 0)
                            return fail(QCoreApplication::translate("Import::ZipArchive", "it ends too early"));
                        break;
                    }
                    m_compressed += n;
                    m_stream.next_in = reinterpret_cast<Bytef *>(m_input);
                    m_stream.avail_in = uInt(n);
                }
                const uInt before = m_stream.avail_out;
                const int z = inflate(&m_stream, Z_NO_FLUSH);
                produced += before - m_stream.avail_out;
                if (z == Z_STREAM_END)
                    m_ended = true;
                else if (z != Z_OK && !(z == Z_BUF_ERROR && m_stream.avail_in == 0))
                    return fail(QString::fromUtf8(m_stream.msg ? m_stream.msg : "inflate"));
            }
        }
        m_crc = crc32(m_crc, reinterpret_cast<const Bytef *>(data), uInt(produced));
        m_read += produced;
        m_archive.m_inflated += produced;
        const ZipArchive::Limits &limits = m_archive.m_limits;
        if (m_archive.m_inflated > limits.totalBytes ||
            (m_read > limits.ratioFreeBytes && m_read / std::max<qint64>(1, m_compressed) > limits.maxRatio)) {
            m_failed = true;
            m_archive.m_lastError = QCoreApplication::translate(
                "Import::ZipArchive", "it unpacks to far more data than a spreadsheet of its size can hold (a "
                                      "\"zip bomb\"); reading stopped");
            setErrorString(m_archive.m_lastError);
            return -1;
        }
        const bool atEnd = m_deflated ? m_ended : (produced == 0 && maxSize > 0);
        if (atEnd && !m_checked) {
            m_checked = true;
            if (m_crc != m_expectedCrc)
                return fail(QCoreApplication::translate("Import::ZipArchive", "its checksum does not match"));
        }
        return produced;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 fail(const QString &why)
    {
        m_failed = true;
        m_archive.m_lastError = QCoreApplication::translate("Import::ZipArchive", "the file is damaged (%1)").arg(why);
        setErrorString(m_archive.m_lastError);
        return -1;
    }

    ZipArchive &m_archive;
    zip_file *m_file;
    bool m_deflated;
    quint32 m_expectedCrc;
    z_stream m_stream{};
    char m_input[16 * 1024]; // small, so that the ratio is known early
    qint64 m_compressed = 0;
    qint64 m_read = 0;
    uLong m_crc = crc32(0L, Z_NULL, 0);
    bool m_ended = false;
    bool m_checked = false;
    bool m_failed = false;
};

ZipArchive::~ZipArchive()
{
    if (m_zip)
        zip_discard(m_zip);
}

Core::Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const QString &path, const Limits &limits)
{
    const QFileInfo info(path);
    int code = 0;
    zip *z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!z) {
        QFile file(path);
        const bool zipStart = file.open(QIODevice::ReadOnly) && file.read(2) == "PK";
        if (code == ZIP_ER_NOZIP && !zipStart)
            return invalid(QCoreApplication::translate("Import::ZipArchive",
                                                       "%1 is not a spreadsheet file: it is not the zip "
                                                       "file an .xlsx or .ods file is.")
                               .arg(info.fileName()));
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        // A zip's table of contents is at its end: without it, the file was cut short.
        const QString why = code == ZIP_ER_NOZIP
                                ? QCoreApplication::translate("Import::ZipArchive", "its end is missing")
                                : QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return invalid(QCoreApplication::translate("Import::ZipArchive",
                                                   "%1 is damaged or incomplete (%2): was it completely downloaded or "
                                                   "copied? Open it in your spreadsheet and save it again.")
                           .arg(info.fileName(), why));
    }
    std::unique_ptr<ZipArchive> archive(new ZipArchive);
    archive->m_zip = z;
    archive->m_limits = limits;
    archive->m_fileName = info.fileName();
    archive->m_fileSize = info.size();
    const zip_int64_t count = zip_get_num_entries(z, 0);
    if (count > limits.maxEntries)
        return invalid(QCoreApplication::translate("Import::ZipArchive",
                                                   "%1 holds %2 files packed inside: no spreadsheet has that many. "
                                                   "It was not read.")
                           .arg(info.fileName())
                           .arg(count));
    archive->m_names.reserve(int(count));
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *name = zip_get_name(z, zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        archive->m_names.append(name ? QString::fromUtf8(name) : QString());
    }
    return archive;
}

bool ZipArchive::contains(const QString &name) const
{
    return zip_name_locate(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE) >= 0;
}

qint64 ZipArchive::declaredSize(const QString &name) const
{
    const zip_int64_t index = zip_name_locate(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (index < 0 || zip_stat_index(m_zip, zip_uint64_t(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return 0;
    return qint64(std::min<zip_uint64_t>(stat.size, zip_uint64_t(1) << 40));
}

std::unique_ptr<QIODevice> ZipArchive::entry(const QString &name)
{
    const zip_int64_t index = zip_name_locate(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE);
    if (index < 0)
        return {};
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_zip, zip_uint64_t(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_COMP_METHOD) ||
        !(stat.valid & ZIP_STAT_CRC))
        return {};
    const bool deflated = stat.comp_method == ZIP_CM_DEFLATE;
    if ((!deflated && stat.comp_method != ZIP_CM_STORE) ||
        ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)) {
        m_lastError =
            QCoreApplication::translate("Import::ZipArchive", "a part of it is packed in a way spreadsheets do not use "
                                                              "(encrypted, or compressed other than by deflate)");
        return {};
    }
    // The compressed bytes as they are: inflated by the device, which counts them.
    zip_file *file = zip_fopen_index(m_zip, zip_uint64_t(index), ZIP_FL_COMPRESSED);
    if (!file)
        return {};
    return std::make_unique<ZipEntryDevice>(*this, file, deflated, quint32(stat.crc));
}

Core::Result<QByteArray> ZipArchive::readAll(const QString &name, qint64 maxBytes)
{
    auto device = entry(name);
    if (!device)
        return Error::make(Error::Code::NotFound, name);
    QByteArray out;
    char buffer[64 * 1024];
    for (;;) {
        const qint64 n = device->read(buffer, sizeof buffer);
        if (n < 0)
            return invalid(device->errorString());
        if (n == 0)
            break;
        out.append(buffer, n);
        if (out.size() > maxBytes)
            return invalid(
                QCoreApplication::translate("Import::ZipArchive", "%1 inside the file is too large").arg(name));
    }
    return out;
}

} // namespace Import
