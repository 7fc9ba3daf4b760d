#pragma once

#include "ImportConsent.h"
#include "TableSource.h"
#include "ValueParser.h"
#include "core/Member.h"
#include "core/Result.h"
#include "storage/ImportBatchRepository.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Core {
class Clock;
}
namespace Storage {
class Database;
class MemberRepository;
} // namespace Storage

namespace Import {

enum class ImportMode { Create, Update, Fill };
enum class RowStatus { New, Update, Unchanged, Duplicate, Rejected, Skipped };

struct RowIssue
{
    qint64 line = 0;
    QString column;
    QString value;
    QString message;
    QJsonObject toJson() const;
};

struct ImportOptions
{
    ReadOptions csv;
    QHash<QString, QString> mapping; // header -> field, overriding the automatic mapping ("" ignores)
    ImportMode mode = ImportMode::Create;
    bool skipNoEmail = false;
    QStringList protectedFields;              // never overwritten in update and fill modes
    DateOrder dateOrder = DateOrder::Unknown; // the user's answer when the file cannot tell
    bool dryRun = false;
    int previewRows = 200;
    // The purpose the file's consent columns speak for (the user's explicit choice). Empty: they are
    // kept as other information and no consent is recorded.
    QString consentPurpose;
};

struct PlannedRow
{
    qint64 line = 0;
    RowStatus status = RowStatus::New;
    Core::Member member;
    qint64 existingId = 0;
    QStringList changedFields;
    QString reason;
};

struct ImportReport : Storage::ImportCounts
{
    qint64 batchId = 0;
    qint64 rows = 0;
    qint64 skipped = 0;
    QList<RowIssue> errors;   // rejected rows
    QList<RowIssue> warnings; // kept rows that deserve a look (lost leading zero, unreadable bytes…)
    QList<PlannedRow> preview;
    QStringList header;
    QStringList mapping;
    QByteArray encoding;
    QChar delimiter;
    FileFormat format = FileFormat::Csv;
    QString sheet; // a spreadsheet's sheet that was read
    bool hasHeader = true;
    DateOrder dateOrder = DateOrder::Unknown;
    bool dateOrderAmbiguous = false; // dates like 03/04/2024 and nothing to settle them
    ConsentColumns consentColumns;   // what consent the file carries, found from its header
    QJsonObject consent;             // what was recorded: {"detected", "purpose", "granted", "withdrawn", …}

    QJsonObject toJson() const; // the CLI contract
};

// Imports a member file in one transaction, recorded as an import batch that can be undone.
// Matching on email (case-insensitive), then member number, within the file and against the database.
class Importer
{
public:
    using Progress = std::function<void(double fraction)>;

    Importer(Storage::Database &database, Storage::MemberRepository &members, const Core::Clock &clock);

    Core::Result<ImportReport> run(const QString &path, const ImportOptions &options, const Progress &progress = {},
                                   const std::atomic_bool *cancel = nullptr);

    static QString modeName(ImportMode mode);
    static bool modeFromName(const QString &name, ImportMode *mode);
    static bool isValidTarget(const QString &field); // a member key, full_name, extra.<name>
    // The rows the day/month order is first decided from (the whole file checks it as it is imported).
    static constexpr qint64 kDateSampleRows = 10000;
    // From about this many rows (guessed from the file's size) an import is large: the indexes it fills are
    // built once at the end, and a file nobody else has open is written without its WAL (Database::writeAlone).
    static constexpr qint64 kLargeRows = 50000;

private:
    Core::Result<QStringList> resolveMapping(TableSource &file, const ImportReport &report,
                                             const ImportOptions &options, QString *rememberedKey) const;
    // `restart` set: the day/month order is taken from the first rows and, should the whole file say
    // otherwise, the run stops with `*restart` set to the file's order (nothing written).
    Core::Result<ImportReport> runOnce(const QString &path, const ImportOptions &options, const Progress &progress,
                                       const std::atomic_bool *cancel, std::optional<DateOrder> *restart);
    // The day/month order the dates of the first `limit` rows (0: every row) point to.
    static Core::Result<DateOrder> scanDateOrder(const QString &path, const ImportReport &report,
                                                 const QStringList &mapping, const ImportOptions &options,
                                                 const std::atomic_bool *cancel, qint64 limit);
    static DateOrder decideOrder(qint64 dayMonth, qint64 monthDay);

    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    const Core::Clock &m_clock;
};

} // namespace Import
