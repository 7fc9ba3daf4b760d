#pragma once

#include "core/Result.h"

#include <QIODevice>
#include <QStringList>

#include <memory>

struct zip;
struct zip_file;

namespace Import {

// A zip file read with libzip, for the spreadsheets (.xlsx, .ods are zip files of XML). Nothing in the
// archive's headers is trusted: an entry is read as a stream and the bytes it inflates to are counted as
// they come, against limits on the whole archive, on each entry's ratio to its compressed size and on the
// number of entries, so that a zip bomb stops with a message after a bounded amount of work.
class ZipArchive
{
public:
    struct Limits
    {
        qint64 totalBytes = qint64(2) << 30;      // everything inflated, all entries together
        qint64 ratioFreeBytes = qint64(16) << 20; // an entry may inflate this much whatever its ratio
        qint64 maxRatio = 500;                    // beyond that, inflated / compressed
        qint64 maxEntries = 20000;
    };

    ~ZipArchive();
    // Fails with a clear message for a file that is not a zip, or a damaged or truncated one.
    static Core::Result<std::unique_ptr<ZipArchive>> open(const QString &path, const Limits &limits);
    static Core::Result<std::unique_ptr<ZipArchive>> open(const QString &path) { return open(path, Limits()); }

    bool contains(const QString &name) const;
    // What the entry's header says it inflates to: for progress and estimates only, never trusted for limits.
    qint64 declaredSize(const QString &name) const;
    QStringList names() const { return m_names; }
    // An entry as a sequential device, read as it is inflated. Null when absent.
    std::unique_ptr<QIODevice> entry(const QString &name);
    // A small entry whole (a manifest, the relationships): refused beyond `maxBytes`.
    Core::Result<QByteArray> readAll(const QString &name, qint64 maxBytes = 64 << 20);

    qint64 fileSize() const { return m_fileSize; }
    qint64 inflated() const { return m_inflated; }
    // Why reading an entry stopped (the limits, or damaged data), once it has; empty otherwise.
    const QString &lastError() const { return m_lastError; }
    QString fileName() const { return m_fileName; }

private:
    friend class ZipEntryDevice;
    ZipArchive() = default;

    zip *m_zip = nullptr;
    Limits m_limits;
    QStringList m_names;
    QString m_fileName;
    qint64 m_fileSize = 0;
    qint64 m_inflated = 0;
    QString m_lastError;
};

} // namespace Import
