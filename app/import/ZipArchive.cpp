#include "ZipArchive.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <zip.h>

using Core::Error;

namespace Import {

namespace {
Error invalid(const QString &message)
{
    return Error::make(Error::Code::Invalid, message);
}
} // namespace

// One entry, inflated as it is read; every byte counted against the archive's limits.
class ZipEntryDevice : public QIODevice
{
public:
    ZipEntryDevice(ZipArchive &archive, zip_file *file, qint64 compressed)
        : m_archive(archive), m_file(file), m_compressed(std::max<qint64>(1, compressed))
    {
        QIODevice::open(QIODevice::ReadOnly);
    }
    ~ZipEntryDevice() override
    {
        if (m_file)
            zip_fclose(m_file);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (!m_file || m_failed)
            return -1;
        const zip_int64_t n = zip_fread(m_file, data, zip_uint64_t(maxSize));
        if (n < 0) {
            m_failed = true;
            m_archive.m_lastError = QCoreApplication::translate("Import::ZipArchive", "the file is damaged (%1)")
                                        .arg(QString::fromUtf8(zip_file_strerror(m_file)));
            setErrorString(m_archive.m_lastError);
            return -1;
        }
        m_read += n;
        m_archive.m_inflated += n;
        const ZipArchive::Limits &limits = m_archive.m_limits;
        const bool bomb = m_archive.m_inflated > limits.totalBytes ||
                          (m_read > limits.ratioFreeBytes && m_read / m_compressed > limits.maxRatio);
        if (bomb) {
            m_failed = true;
            m_archive.m_lastError = QCoreApplication::translate(
                "Import::ZipArchive", "it unpacks to far more data than a spreadsheet of its size can hold (a "
                                      "\"zip bomb\"); reading stopped");
            setErrorString(m_archive.m_lastError);
            return -1;
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    ZipArchive &m_archive;
    zip_file *m_file;
    qint64 m_compressed;
    qint64 m_read = 0;
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
    qint64 compressed = m_fileSize;
    if (zip_stat_index(m_zip, zip_uint64_t(index), 0, &stat) == 0 && (stat.valid & ZIP_STAT_COMP_SIZE))
        compressed = std::min<qint64>(qint64(stat.comp_size), m_fileSize); // never more than the file holds
    zip_file *file = zip_fopen_index(m_zip, zip_uint64_t(index), 0);
    if (!file)
        return {};
    return std::make_unique<ZipEntryDevice>(*this, file, compressed);
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
