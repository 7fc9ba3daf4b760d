#include "Importer.h"

#include "ColumnMapper.h"
#include "ReadAhead.h"
#include "core/Clock.h"
#include "core/EmailAddress.h"
#include "core/KeyTable.h"
#include "core/MemberValidator.h"
#include "core/TextFold.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/ImportBatchRepository.h"
#include "storage/MemberRepository.h"
#include "storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <optional>

using Core::Error;
using Core::Member;
using Core::MemberField;
using Core::Result;
namespace MemberFields = Core::MemberFields;

namespace Import {

namespace {
QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

QString normalizeLanguage(const QString &value)
{
    const QString v = Core::TextFold::fold(value.trimmed());
    if (v == QLatin1String("fr") || v.startsWith(QLatin1String("fr-")) || v.startsWith(QLatin1String("fr_")) ||
        v == QLatin1String("francais") || v == QLatin1String("french") || v == QLatin1String("fre") ||
        v == QLatin1String("fra"))
        return QStringLiteral("fr");
    if (v == QLatin1String("en") || v.startsWith(QLatin1String("en-")) || v.startsWith(QLatin1String("en_")) ||
        v == QLatin1String("anglais") || v == QLatin1String("english") || v == QLatin1String("eng"))
        return QStringLiteral("en");
    return {};
}

// The same set of headers, whatever their order, case, accents or spacing.
QString rememberedMappingKey(const QStringList &header)
{
    QStringList normalized;
    for (const QString &h : header)
        normalized.append(ColumnMapper::normalizeHeader(h));
    normalized.sort();
    return QStringLiteral("import.mapping.") +
           QString::fromLatin1(
               QCryptographicHash::hash(normalized.join(QLatin1Char('\x1f')).toUtf8(), QCryptographicHash::Sha1)
                   .toHex());
}

bool isEmptyValue(const QVariant &v)
{
    return v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isEmpty());
}
} // namespace

QJsonObject RowIssue::toJson() const
{
    return {{QStringLiteral("line"), line},
            {QStringLiteral("column"), column},
            {QStringLiteral("value"), value},
            {QStringLiteral("message"), message}};
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray errorsJson;
    for (const RowIssue &e : errors)
        errorsJson.append(e.toJson());
    QJsonArray warningsJson;
    for (const RowIssue &w : warnings)
        warningsJson.append(w.toJson());
    QJsonObject json{{QStringLiteral("batch"), batchId ? QJsonValue(batchId) : QJsonValue()},
                     {QStringLiteral("skipped"), skipped},
                     {QStringLiteral("errors"), errorsJson},
                     {QStringLiteral("warnings"), warningsJson}};
    addTo(json);
    json.insert(QStringLiteral("format"), formatName(format));
    if (format != FileFormat::Csv)
        json.insert(QStringLiteral("sheet"), sheet);
    QJsonObject consentJson = consent;
    if (consentJson.isEmpty() && consentColumns.found())
        consentJson = QJsonObject{{QStringLiteral("detected"), consentColumns.kindKey()},
                                  {QStringLiteral("column"), consentColumns.column},
                                  {QStringLiteral("purpose"), QJsonValue()}};
    json.insert(QStringLiteral("consent"), consentJson.isEmpty() ? QJsonValue() : QJsonValue(consentJson));
    return json;
}

Importer::Importer(Storage::Database &database, Storage::MemberRepository &members, const Core::Clock &clock)
    : m_database(database), m_members(members), m_clock(clock)
{}

QString Importer::modeName(ImportMode mode)
{
    switch (mode) {
    case ImportMode::Create: return QStringLiteral("create");
    case ImportMode::Update: return QStringLiteral("update");
    case ImportMode::Fill: return QStringLiteral("fill");
    }
    return {};
}

bool Importer::modeFromName(const QString &name, ImportMode *mode)
{
    for (ImportMode m : {ImportMode::Create, ImportMode::Update, ImportMode::Fill}) {
        if (name == modeName(m)) {
            *mode = m;
            return true;
        }
    }
    return false;
}

bool Importer::isValidTarget(const QString &field)
{
    MemberField f;
    if (field == QLatin1String("full_name"))
        return true;
    if (field.startsWith(QLatin1String("extra.")) && field.size() > 6)
        return true;
    return MemberFields::fromKey(field, &f) && f != MemberField::Id && f != MemberField::CreatedAt &&
           f != MemberField::UpdatedAt && f != MemberField::HouseholdId && f != MemberField::Extra;
}

// The columns: detected (from the header, or from the first rows' content), then the mapping the user
// corrected for this set of headers before, then this time's corrections (options.mapping).
Result<QStringList> Importer::resolveMapping(TableSource &file, const ImportReport &report,
                                             const ImportOptions &options, QString *rememberedKey) const
{
    QStringList mapping;
    if (report.hasHeader) {
        mapping = ColumnMapper::map(report.header);
    } else {
        QList<QStringList> firstRows;
        int columns = 0;
        CsvRecord record;
        while (firstRows.size() < 200 && file.next(record)) {
            firstRows.append(record.fields);
            columns = std::max(columns, int(record.fields.size()));
        }
        mapping = ColumnMapper::mapByContent(firstRows, columns);
    }
    *rememberedKey = report.hasHeader ? rememberedMappingKey(report.header) : QString();
    if (!rememberedKey->isEmpty()) {
        auto remembered = Storage::SettingsRepository(m_database).value(*rememberedKey);
        if (!remembered.ok())
            return remembered.error();
        const QJsonObject saved = QJsonDocument::fromJson(remembered.value().toUtf8()).object();
        for (int i = 0; i < mapping.size(); ++i) {
            const QJsonValue v = saved.value(report.header.value(i));
            if (v.isString() && (v.toString().isEmpty() || isValidTarget(v.toString())))
                mapping[i] = v.toString();
        }
    }
    for (int i = 0; i < mapping.size(); ++i) {
        const QString key = report.hasHeader ? report.header.value(i) : QStringLiteral("column_%1").arg(i + 1);
        if (options.mapping.contains(key))
            mapping[i] = options.mapping.value(key);
    }
    return mapping;
}

// Pass 1, only when there are date columns: what all the rows' dates say about the day/month order.
// It keeps the text of those columns only. Unknown when nothing settles it.
Result<DateOrder> Importer::scanDateOrder(const QString &path, const ImportReport &report, const QStringList &mapping,
                                          const ImportOptions &options, const std::atomic_bool *cancel, qint64 limit)
{
    QList<bool> dateColumns;
    for (const QString &target : mapping)
        dateColumns.append(target == QLatin1String("membership_start") || target == QLatin1String("membership_end"));
    if (!dateColumns.contains(true))
        return DateOrder::Unknown;
    ReadOptions scanOptions = options.csv;
    scanOptions.sheet = report.format == FileFormat::Csv ? QString() : options.csv.sheet;
    scanOptions.encoding = report.encoding;
    scanOptions.delimiter = report.delimiter;
    scanOptions.hasHeader = report.hasHeader;
    scanOptions.keptColumns = dateColumns;
    auto scan = TableSource::open(path, scanOptions);
    if (!scan.ok())
        return scan.error();
    int dayMonth = 0;
    int monthDay = 0;
    CsvRecord record;
    qint64 n = 0;
    while ((limit <= 0 || n < limit) && scan.value()->next(record)) {
        for (int c = 0; c < dateColumns.size(); ++c) {
            if (!dateColumns[c])
                continue;
            const DateOrder e = ValueParser::evidence(record.fields.value(c));
            dayMonth += e == DateOrder::DayMonth;
            monthDay += e == DateOrder::MonthDay;
        }
        if (cancel && (++n & 0xfff) == 0 && cancel->load())
            return Error::make(
                Error::Code::Invalid,
                QCoreApplication::translate("Import::Importer", "The import was cancelled; nothing was changed."));
        if (!cancel)
            ++n;
    }
    if (scan.value()->readError())
        return *scan.value()->readError();
    return decideOrder(dayMonth, monthDay);
}

DateOrder Importer::decideOrder(qint64 dayMonth, qint64 monthDay)
{
    if (dayMonth > 0 && monthDay == 0)
        return DateOrder::DayMonth;
    if (monthDay > 0 && dayMonth == 0)
        return DateOrder::MonthDay;
    if (dayMonth > 0 && monthDay > 0)
        return dayMonth >= monthDay ? DateOrder::DayMonth : DateOrder::MonthDay;
    return DateOrder::Unknown;
}

Result<ImportReport> Importer::run(const QString &path, const ImportOptions &options, const Progress &progress,
                                   const std::atomic_bool *cancel)
{
    // One pass: the day/month order is decided from the first rows, and the whole file's evidence is counted
    // as it is imported. Should the whole file decide otherwise (a 25/12 far down a file of 03/04s), the
    // transaction is rolled back and the file imported again with the order the whole file gives — the
    // result is always the one a full first pass would have given.
    std::optional<DateOrder> restart;
    auto first = runOnce(path, options, progress, cancel, &restart);
    if (!restart)
        return first;
    ImportOptions again = options;
    again.dateOrder = *restart;
    return runOnce(path, again, progress, cancel, nullptr);
}

Result<ImportReport> Importer::runOnce(const QString &path, const ImportOptions &options, const Progress &progress,
                                       const std::atomic_bool *cancel, std::optional<DateOrder> *restart)
{
    auto opened = TableSource::open(path, options.csv);
    if (!opened.ok())
        return opened.error();
    // The file's SHA-256 (recorded with the batch at its end) is computed on the other core meanwhile.
    struct Hasher
    {
        QString sha;
        std::unique_ptr<QThread> thread;
        ~Hasher()
        {
            if (thread)
                thread->wait();
        }
    } hasher;
    hasher.thread.reset(QThread::create([&hasher, path] { hasher.sha = sha256Of(path); }));
    hasher.thread->start();
    ImportReport report;
    report.encoding = opened.value()->encoding().name;
    report.delimiter = opened.value()->delimiter();
    report.format = opened.value()->format();
    // A spreadsheet is read again from the same sheet (by its number: the active one may be empty).
    ReadOptions readOptions = options.csv;
    if (report.format != FileFormat::Csv) {
        report.sheet = opened.value()->sheetName();
        readOptions.sheet = QString::number(opened.value()->sheet() + 1);
    }
    report.hasHeader = opened.value()->hasHeader();
    report.header = opened.value()->header();
    report.consentColumns = ConsentColumns::detect(report.header);

    QString mappingKey;
    auto resolved = resolveMapping(*opened.value(), report, options, &mappingKey);
    if (!resolved.ok())
        return resolved.error();
    QStringList mapping = resolved.value();
    Storage::SettingsRepository settings(m_database);
    report.dateOrder = options.dateOrder;
    // The date columns, whose evidence for the day/month order is counted over the whole file.
    QList<int> dateColumns;
    for (int c = 0; c < mapping.size(); ++c) {
        if (mapping[c] == QLatin1String("membership_start") || mapping[c] == QLatin1String("membership_end"))
            dateColumns.append(c);
    }
    const bool sampled = report.dateOrder == DateOrder::Unknown && restart && !dateColumns.isEmpty();
    if (report.dateOrder == DateOrder::Unknown) {
        ImportOptions scan = options;
        scan.csv = readOptions;
        auto order = scanDateOrder(path, report, mapping, scan, cancel, restart ? kDateSampleRows : 0);
        if (!order.ok())
            return order.error();
        report.dateOrder = order.value();
    }
    qint64 dayMonthSeen = 0;
    qint64 monthDaySeen = 0;
    // A large file is worth building the indexes once at the end (about 80 bytes a member row).
    const qint64 rowCount = opened.value()->size() / (report.format == FileFormat::Csv ? 80 : 400);
    report.mapping = mapping;

    // Cagette's partner columns describe a second member of the same household: that member takes the
    // partner's name, email and phone, and shares the row's address, section, category and dates.
    QStringList partnerMapping;
    QList<int> partnerColumns;
    for (int i = 0; report.hasHeader && i < mapping.size(); ++i) {
        if (mapping[i].startsWith(QLatin1String("extra.")) &&
            !ColumnMapper::partnerFieldFor(report.header.value(i)).isEmpty())
            partnerColumns.append(i);
    }
    if (!partnerColumns.isEmpty()) {
        static const QStringList personal = {QStringLiteral("first_name"),    QStringLiteral("last_name"),
                                             QStringLiteral("full_name"),     QStringLiteral("email"),
                                             QStringLiteral("phone"),         QStringLiteral("mobile"),
                                             QStringLiteral("member_number"), QStringLiteral("notes")};
        partnerMapping = mapping;
        for (int i = 0; i < mapping.size(); ++i) {
            if (partnerColumns.contains(i)) {
                partnerMapping[i] = ColumnMapper::partnerFieldFor(report.header.value(i));
                mapping[i] = QString(); // the member's own row does not keep them as extra
            } else if (personal.contains(mapping[i]) || mapping[i].startsWith(QLatin1String("extra."))) {
                partnerMapping[i] = QString();
            }
        }
    }
    auto hasPartner = [&partnerColumns](const CsvRecord &record) {
        for (int c : partnerColumns) {
            if (!record.fields.value(c).trimmed().isEmpty())
                return true;
        }
        return false;
    };
    const bool lastFirst = [&] {
        for (int i = 0; i < mapping.size(); ++i) {
            if (mapping[i] == QLatin1String("full_name")) {
                const QString n = ColumnMapper::normalizeHeader(report.header.value(i));
                return n.startsWith(QLatin1String("nom")) || n.startsWith(QLatin1String("last")) ||
                       n.startsWith(QLatin1String("surname"));
            }
        }
        return false;
    }();

    // What each column is, worked out once rather than for every cell.
    const QList<ColumnRole> roles = ColumnMapper::roles(mapping);
    const QList<ColumnRole> partnerRoles = ColumnMapper::roles(partnerMapping);
    // The member columns this file can fill (a partner makes a household): the indexes on none of them are kept.
    QSet<QString> filledColumns = ColumnMapper::filledColumns(roles) + ColumnMapper::filledColumns(partnerRoles);
    if (!partnerColumns.isEmpty())
        filledColumns.insert(MemberFields::key(MemberField::HouseholdId));

    // What the database already holds, to match rows in one pass.
    Core::KeyTable byEmail;
    Core::KeyTable byNumber;
    if (auto loaded = m_members.loadKeys(&byEmail, &byNumber); !loaded.ok())
        return loaded.error();
    byEmail.reserve(byEmail.size() + std::min<qint64>(rowCount, 10'000'000)); // one allocation, not twenty

    // Pass 2: build, check, match, write.
    auto reopened = TableSource::open(path, [&] {
        ReadOptions o = readOptions;
        o.encoding = report.encoding;
        o.delimiter = report.delimiter;
        o.hasHeader = report.hasHeader;
        return o;
    }());
    if (!reopened.ok())
        return reopened.error();
    ReadAhead file(std::move(reopened).value());

    Storage::ImportBatchRepository batches(m_database, m_clock);
    Storage::ImportBatch batch;
    batch.fileName = QFileInfo(path).fileName();
    batch.mode = modeName(options.mode);
    for (int i = 0; i < mapping.size(); ++i)
        batch.mapping.insert(report.hasHeader ? report.header.value(i) : QStringLiteral("column_%1").arg(i + 1),
                             mapping[i].isEmpty() ? QJsonValue() : QJsonValue(mapping[i]));

    const QDateTime now = m_clock.now();
    const Storage::Access &access = m_database.access();
    // Consent columns become ledger events only for the purpose the user named.
    std::optional<ConsentRecorder> consent;
    if (!options.consentPurpose.isEmpty() && report.consentColumns.found()) {
        consent.emplace(m_database, report.consentColumns, options.consentPurpose, batch.fileName, now, options.dryRun);
        if (auto r = consent->prepare(); !r.ok())
            return r.error();
    } else if (!options.consentPurpose.isEmpty()) {
        report.warnings.append({0, QString(), QString(),
                                QCoreApplication::translate(
                                    "Import::Importer", "This file has no consent column: no consent was recorded.")});
    }
    // Most members have an email, some only a number: the larger table is the closer count.
    const qint64 existingMembers = std::max(byEmail.size(), byNumber.size());
    auto body = [&]() -> Result<void> {
        if (!options.dryRun) {
            auto id = batches.begin(batch);
            if (!id.ok())
                return id.error();
            batch.id = id.value();
            if (consent)
                consent->setBatch(batch.id);
            // A big file into a smaller list: build the indexes once at the end.
            if (rowCount > kLargeRows && rowCount > existingMembers) {
                if (auto r = batches.suspendIndexes(filledColumns); !r.ok())
                    return r;
            }
        }
        // One member out of one row, through one mapping. Cagette rows go through twice: the member,
        // then the partner (a second member of the same household).
        struct Outcome
        {
            qint64 id = 0;
            RowStatus status = RowStatus::Rejected;
            QString email;
        };
        auto processRow = [&](const CsvRecord &record, const QStringList &mapping,
                              const QList<ColumnRole> &roles) -> Result<Outcome> {
            PlannedRow row;
            row.line = record.line;
            Member &m = row.member;
            auto reject = [&](int column, const QString &message) {
                row.status = RowStatus::Rejected;
                row.reason = message;
                ++report.rejected;
                report.errors.append({record.line,
                                      column >= 0 ? (report.hasHeader ? report.header.value(column)
                                                                      : QStringLiteral("column_%1").arg(column + 1))
                                                  : QString(),
                                      column >= 0 ? record.fields.value(column) : QString(), message});
            };
            int emailColumn = -1;
            const int sectionColumn = int(mapping.indexOf(MemberFields::key(MemberField::Section)));
            bool rejected = false;
            for (int c = 0; c < mapping.size() && !rejected; ++c) {
                const ColumnRole &role = roles[c];
                if (role.kind == ColumnRole::Skip)
                    continue;
                const QString raw = record.fields.value(c);
                const QString value = Core::TextFold::simplified(raw);
                if (value.isEmpty())
                    continue;
                if (role.kind == ColumnRole::Extra) {
                    // listmonk's "attributes" column is a JSON object: its keys become attributes.
                    if (role.attributes && value.startsWith(QLatin1Char('{'))) {
                        const QJsonObject attributes = QJsonDocument::fromJson(value.toUtf8()).object();
                        if (!attributes.isEmpty() || value == QLatin1String("{}")) {
                            for (auto it = attributes.begin(); it != attributes.end(); ++it)
                                m.extra.insert(it.key(), it.value());
                            continue;
                        }
                    }
                    m.extra.insert(role.extraKey, raw.trimmed());
                    continue;
                }
                if (role.kind == ColumnRole::FullName) {
                    const auto [first, last] = ValueParser::splitFullName(value, lastFirst);
                    if (m.firstName.isEmpty())
                        m.firstName = first;
                    if (m.lastName.isEmpty())
                        m.lastName = last;
                    continue;
                }
                const MemberField field = role.field;
                switch (field) {
                case MemberField::MembershipStart:
                case MemberField::MembershipEnd: {
                    const QDate d = ValueParser::parseDate(value, report.dateOrder);
                    if (!d.isValid()) {
                        reject(c,
                               ValueParser::evidence(value) == DateOrder::Unknown &&
                                       report.dateOrder == DateOrder::Unknown && !value.contains(QLatin1Char('-'))
                                   ? QCoreApplication::translate(
                                         "Import::Importer",
                                         "This date could be day/month or month/day; say which the file uses.")
                                   : QCoreApplication::translate(
                                         "Import::Importer",
                                         "This is not a date this import understands (use 2024-03-15 or 15/03/2024)."));
                        rejected = true;
                    } else if (field == MemberField::MembershipStart) {
                        m.membershipStart = d;
                    } else {
                        m.membershipEnd = d;
                    }
                    break;
                }
                case MemberField::Language: {
                    const QString lang = normalizeLanguage(value);
                    if (lang.isEmpty())
                        m.extra.insert(report.header.value(c, QStringLiteral("language")), value);
                    else
                        m.language = lang;
                    break;
                }
                case MemberField::Phone:
                case MemberField::Mobile:
                case MemberField::PostalCode:
                    if (ValueParser::lostLeadingZero(value, field == MemberField::PostalCode))
                        report.warnings.append(
                            {record.line, report.header.value(c), raw,
                             QCoreApplication::translate(
                                 "Import::Importer",
                                 "This looks like a number whose leading zero was lost by a spreadsheet; "
                                 "it was kept as written.")});
                    *m.text(field) = value;
                    break;
                case MemberField::Email:
                    emailColumn = c;
                    m.email = value;
                    break;
                default:
                    if (QString *text = m.text(field))
                        *text = value;
                    else
                        m.setValue(field, value);
                    break;
                }
            }
            if (!rejected) {
                m.noEmail = m.email.isEmpty();
                if (m.noEmail) {
                    ++report.noEmail;
                    if (options.skipNoEmail) {
                        row.status = RowStatus::Skipped;
                        ++report.skipped;
                        rejected = true;
                    }
                }
            }
            if (!rejected) {
                Core::MemberValidation v = Core::MemberValidator::normalizeAndValidate(m, false);
                if (!v.ok()) {
                    const Error e = v.first();
                    int column = -1;
                    for (int c = 0; c < mapping.size(); ++c) {
                        if (mapping[c] == e.field ||
                            (mapping[c] == QLatin1String("full_name") &&
                             (e.field == QLatin1String("first_name") || e.field == QLatin1String("last_name"))))
                            column = c;
                    }
                    if (e.field == QLatin1String("email"))
                        column = emailColumn;
                    reject(column, e.message);
                    rejected = true;
                }
            }
            // One table answers both questions: a positive value is a member already in the list, a
            // negative one the line of this file that brought the same member (a duplicate).
            const QString emailKey = (!rejected && !m.email.isEmpty()) ? Core::EmailAddress::key(m.email) : QString();
            const qint64 knownByEmail = emailKey.isEmpty() ? 0 : byEmail.value(emailKey);
            if (!rejected) {
                qint64 previous = knownByEmail;
                if (!previous && !m.memberNumber.isEmpty() && emailKey.isEmpty())
                    previous = byNumber.value(m.memberNumber);
                if (previous < 0) {
                    row.status = RowStatus::Duplicate;
                    row.reason =
                        QCoreApplication::translate("Import::Importer", "Same member as line %1.").arg(-previous);
                    ++report.duplicates;
                    rejected = true;
                }
            }
            if (!rejected) {
                qint64 existing = knownByEmail;
                if (!existing && !m.memberNumber.isEmpty())
                    existing = byNumber.value(m.memberNumber);
                if (!existing) {
                    // A member number taken by someone else would break the unique index.
                    if (!m.memberNumber.isEmpty() && byNumber.value(m.memberNumber) != 0) {
                        reject(-1, QCoreApplication::translate("Import::Importer",
                                                               "Member number %1 already belongs to another member.")
                                       .arg(m.memberNumber));
                    } else if (!access.sees(m.section)) {
                        reject(sectionColumn, access.outsideSections(m.section));
                    } else {
                        row.status = RowStatus::New;
                        m.createdAt = now;
                        m.updatedAt = now;
                        if (!options.dryRun) {
                            auto id = batches.insertMember(m);
                            if (!id.ok())
                                return id.error();
                            m.id = id.value();
                            if (!batch.firstMemberId)
                                batch.firstMemberId = m.id;
                            batch.lastMemberId = m.id;
                        }
                        if (!emailKey.isEmpty())
                            byEmail.insert(emailKey, -record.line);
                        if (!m.memberNumber.isEmpty())
                            byNumber.insert(m.memberNumber, -record.line);
                        ++report.created;
                    }
                } else if (options.mode == ImportMode::Create) {
                    row.status = RowStatus::Unchanged;
                    row.existingId = existing;
                    ++report.unchanged;
                    if (!emailKey.isEmpty())
                        byEmail.insert(emailKey, -record.line);
                } else {
                    if (!options.dryRun) {
                        if (auto r = batches.flushInserts(); !r.ok()) // the connection is needed now
                            return r.error();
                    }
                    auto found = m_members.find(existing);
                    if (!found.ok())
                        return found.error();
                    const Member before = found.value();
                    Member after = before;
                    for (MemberField f : MemberFields::all()) {
                        if (f == MemberField::Id || f == MemberField::CreatedAt || f == MemberField::UpdatedAt ||
                            f == MemberField::HouseholdId || f == MemberField::Extra ||
                            options.protectedFields.contains(MemberFields::key(f)))
                            continue;
                        const QVariant incoming = m.value(f);
                        if (isEmptyValue(incoming))
                            continue; // an empty cell never erases what the member list knows
                        if (options.mode == ImportMode::Fill && !isEmptyValue(before.value(f)))
                            continue;
                        if (f == MemberField::Email && !before.email.isEmpty() &&
                            Core::EmailAddress::key(before.email) == Core::EmailAddress::key(m.email))
                            continue; // the same mailbox, whatever its case: the address it matched on stays

                        if (before.value(f) != incoming) {
                            after.setValue(f, MemberFields::type(f) == Core::FieldType::Date
                                                  ? QVariant(incoming.toDate().toString(Qt::ISODate))
                                                  : incoming);
                            row.changedFields.append(MemberFields::key(f));
                        }
                    }
                    if (!options.protectedFields.contains(QStringLiteral("extra"))) {
                        for (auto it = m.extra.begin(); it != m.extra.end(); ++it) {
                            if (options.mode == ImportMode::Fill && after.extra.contains(it.key()))
                                continue;
                            if (after.extra.value(it.key()) != it.value()) {
                                after.extra.insert(it.key(), it.value());
                                if (!row.changedFields.contains(QStringLiteral("extra")))
                                    row.changedFields.append(QStringLiteral("extra"));
                            }
                        }
                    }
                    after.noEmail = after.email.isEmpty();
                    row.existingId = existing;
                    if (!access.sees(after.section)) {
                        // Moving a member out of the volunteer's sections (the server would refuse it).
                        row.changedFields.clear();
                        reject(sectionColumn, access.outsideSections(after.section));
                    } else {
                        if (!emailKey.isEmpty())
                            byEmail.insert(emailKey, -record.line); // a second row for this member is a duplicate
                        if (row.changedFields.isEmpty()) {
                            row.status = RowStatus::Unchanged;
                            ++report.unchanged;
                        } else {
                            row.status = RowStatus::Update;
                            after.updatedAt = now;
                            if (!options.dryRun) {
                                if (auto r = batches.updateMember(batch.id, before, after); !r.ok())
                                    return r.error();
                            }
                            ++report.updated;
                        }
                        row.member = after;
                    }
                }
            }
            if (report.preview.size() < options.previewRows)
                report.preview.append(row);
            return Outcome{row.member.id ? row.member.id : row.existingId, row.status, row.member.email};
        };

        CsvRecord record;
        qint64 n = 0;
        while (file.next(record)) {
            if (cancel && cancel->load())
                return Error::make(
                    Error::Code::Invalid,
                    QCoreApplication::translate("Import::Importer", "The import was cancelled; nothing was changed."));
            if (progress && (++n % 2000) == 0)
                progress(double(file.position()) / double(std::max<qint64>(1, file.size())));
            ++report.rows;
            for (int c : dateColumns) {
                const DateOrder e = ValueParser::evidence(record.fields.value(c));
                dayMonthSeen += e == DateOrder::DayMonth;
                monthDaySeen += e == DateOrder::MonthDay;
            }
            // A spreadsheet's row ends at its last cell holding something: fewer values is not a fault there.
            if (report.hasHeader && record.fields.size() != report.header.size() &&
                (report.format == FileFormat::Csv || record.fields.size() > report.header.size()))
                report.warnings.append(
                    {record.line, QString(), QString(),
                     QCoreApplication::translate("Import::Importer",
                                                 "This line has %1 values where the header has %2 columns.")
                         .arg(record.fields.size())
                         .arg(report.header.size())});
            auto member = processRow(record, mapping, roles);
            if (!member.ok())
                return member.error();
            if (consent && (member.value().status == RowStatus::New || member.value().status == RowStatus::Update ||
                            member.value().status == RowStatus::Unchanged)) {
                // On a server the new members may still be on their way (one COPY for the file).
                if (auto r = batches.whenWritten([&consent, record, outcome = member.value()] {
                        return consent->row(record, outcome.id, outcome.email);
                    });
                    !r.ok())
                    return r;
            }
            if (partnerMapping.isEmpty() || !hasPartner(record))
                continue;
            auto partner = processRow(record, partnerMapping, partnerRoles);
            if (!partner.ok())
                return partner.error();
            if (!options.dryRun && member.value().status == RowStatus::New &&
                partner.value().status == RowStatus::New) {
                if (auto r = batches.linkHousehold(member.value().id, partner.value().id); !r.ok())
                    return r;
            }
        }
        if (file.readError())
            return *file.readError();
        if (sampled && decideOrder(dayMonthSeen, monthDaySeen) != report.dateOrder) {
            // The first rows misled: undo all of it (the transaction rolls back) and import again.
            *restart = decideOrder(dayMonthSeen, monthDaySeen);
            return Error::make(Error::Code::Cancelled, QStringLiteral("date order"));
        }
        if (!options.dryRun) {
            if (auto r = batches.flushInserts(); !r.ok())
                return r;
        }
        for (const LineProblem &p : file.problems())
            report.warnings.append({p.line, QString(), QString(), p.message});
        static_cast<Storage::ImportCounts &>(batch) = report;
        if (consent) {
            report.consent = consent->toJson();
            const ConsentCounts &c = consent->counts();
            if (!options.dryRun && (c.granted > 0 || c.withdrawn > 0)) {
                Storage::AuditLog audit(m_database, m_clock);
                if (auto r = audit.append(QStringLiteral("import.consent"), 0,
                                          {{QStringLiteral("batch"), batch.id},
                                           {QStringLiteral("purpose"), options.consentPurpose},
                                           {QStringLiteral("granted"), c.granted},
                                           {QStringLiteral("withdrawn"), c.withdrawn},
                                           {QStringLiteral("skipped_suppressed"), c.suppressed}});
                    !r.ok())
                    return r;
            }
        }
        if (!options.dryRun && !options.mapping.isEmpty() && !mappingKey.isEmpty()) {
            QJsonObject corrected;
            for (int i = 0; i < report.mapping.size(); ++i)
                corrected.insert(report.header.value(i), report.mapping[i]);
            if (auto r = settings.setValue(mappingKey,
                                           QString::fromUtf8(QJsonDocument(corrected).toJson(QJsonDocument::Compact)));
                !r.ok())
                return r;
        }
        if (options.dryRun)
            return {};
        hasher.thread->wait(); // done long ago, unless the file is small: it ran beside the import
        batch.fileSha256 = hasher.sha;
        return batches.finish(batch);
    };
    auto guarded = [&]() -> Result<void> {
        auto r = body();
        if (!r.ok())
            batches.abandonInserts(); // before the rollback: the connection may be in the middle of a COPY
        return r;
    };
    const Result<void> written = options.dryRun          ? body()
                                 : rowCount > kLargeRows ? m_database.writeAlone(guarded)
                                                         : m_database.write(guarded);
    if (!written.ok())
        return written.error();
    report.batchId = options.dryRun ? 0 : batch.id;
    report.dateOrderAmbiguous = report.dateOrder == DateOrder::Unknown;
    if (progress)
        progress(1.0);
    return report;
}

} // namespace Import
