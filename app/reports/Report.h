#pragma once

#include "QueryBuilder.h"
#include "SpreadsheetWriter.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace Core {
class Clock;
struct Member;
} // namespace Core
namespace Storage {
class AuditLog;
class Database;
class MemberRepository;
} // namespace Storage
namespace Consent {
class ConsentService;
}

namespace Reports {

struct SortKey
{
    QString field;
    bool descending = false;
};

// A saved report, in the JSON form documented in README: name, group, subgroup, notes, columns, filter,
// sort, group_by. Columns: member field keys, "extra.<name>", "consent.<purpose>", "membership" (status).
struct ReportDefinition
{
    QString name;
    QString group;
    QString subgroup;
    QString notes;
    QStringList columns;
    QJsonValue filter;
    QList<SortKey> sort;
    QString groupBy;

    static Core::Result<ReportDefinition> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

class ReportRepository
{
public:
    explicit ReportRepository(Storage::Database &database, const Core::Clock &clock)
        : m_database(database), m_clock(clock)
    {}
    Core::Result<void> save(const ReportDefinition &report);
    Core::Result<QList<ReportDefinition>> list() const;
    Core::Result<ReportDefinition> find(const QString &name) const;
    Core::Result<void> remove(const QString &name);

private:
    Storage::Database &m_database;
    const Core::Clock &m_clock;
};

// How an export is written: a CSV (separator, BOM, CRLF, dates, header labels) or a spreadsheet. Presets:
// "excel-fr", "excel-en", "mailchimp".
struct ReadOptions
{
    // Set: an .xlsx or .ods file (the header in the user's language, dates as dates shown in dateFormat).
    std::optional<SpreadsheetWriter::Format> spreadsheet;
    QChar delimiter = QLatin1Char(',');
    bool bom = false;
    QString dateFormat = QStringLiteral("yyyy-MM-dd");
    bool labels = false;    // header in the user's language rather than field names
    bool mailchimp = false; // Email Address, First Name, Last Name
    static bool preset(const QString &name, ReadOptions *options);
};

// One cell as a spreadsheet will read it: quoted when needed, and a leading = + - @ tab or CR neutralised
// with an apostrophe so that no spreadsheet ever runs it as a formula.
QString csvCell(const QString &value, QChar delimiter);

// A member's membership status on `today`: "active", "ending" (within 60 days), "expired" or "" (no dates).
QString membershipStatus(const Core::Member &member, const QDate &today);
// The same, in the user's language ("Active", "Ending soon", "Expired").
QString membershipStatusLabel(const QString &status);

// One line of a report's totals: the value of its group_by field ("" for none) and how many members.
struct GroupTotal
{
    QString value;
    qint64 count = 0;
};

// The total of a report and its first members, in order (the wizard's preview).
struct ReportPage
{
    qint64 total = 0;
    std::vector<qint64> ids;
};

// Runs a report: the matching members in order, and each row's values.
class ReportRunner
{
public:
    ReportRunner(Storage::Database &database, Storage::MemberRepository &members, Consent::ConsentService &consent,
                 const Core::Clock &clock);

    Core::Result<std::vector<qint64>> ids(const ReportDefinition &report, const QHash<QString, QString> &params) const;
    Core::Result<qint64> count(const ReportDefinition &report, const QHash<QString, QString> &params) const;
    Core::Result<ReportPage> firstRows(const ReportDefinition &report, const QHash<QString, QString> &params,
                                       int limit) const;
    // Members per value of the report's group_by field (Koha's "math" step), in value order; empty without one.
    Core::Result<QList<GroupTotal>> totals(const ReportDefinition &report, const QHash<QString, QString> &params) const;
    QStringList headers(const ReportDefinition &report, const ReadOptions &options) const;
    // The CSV lines (header excluded) straight from SQLite, for reports whose columns are member fields or
    // attributes: one streaming statement, bytes written as SQLite holds them (the million-row path).
    // `only`: restrict to these ids (for mailing), empty for none. Returns false in `*handled` when a
    // column needs the consent service (the caller then uses rows()). Counts the rows written.
    Core::Result<qint64> streamCsv(const ReportDefinition &report, const QHash<QString, QString> &params,
                                   const std::vector<qint64> *only, const ReadOptions &options,
                                   const std::function<void(const QByteArray &)> &write, bool *handled) const;
    // Streams the rows (values as text, dates in `dateFormat`) by chunks of 500. `words`: the membership status
    // and consent in the user's language, as the member table shows them (a preview, an export for people);
    // otherwise their codes (express, no_consent, active…: scripts, Mailchimp).
    Core::Result<void> rows(const ReportDefinition &report, const std::vector<qint64> &ids, const QString &dateFormat,
                            bool words, const std::function<void(const QStringList &)> &visit) const;

    // The same rows with their values typed, for a spreadsheet: a date as a QDate, a date-time as a QDateTime,
    // an id a number, everything else as text.
    Core::Result<void> cells(const ReportDefinition &report, const std::vector<qint64> &ids, const QString &dateFormat,
                             bool words, const std::function<void(const QVariantList &)> &visit) const;

    Storage::MemberRepository &members() const { return m_members; }

private:
    ConsentResolver consentResolver() const;
    // The members in a consent state judged one by one (while some statuses are still to be worked out).
    Core::Result<std::vector<qint64>> idsIn(const QString &purpose, const QString &state) const;
    // The filter with its questions answered; an answer about a section or a category that differs from an
    // existing value only by case ("plateau") takes that value's spelling ("Plateau").
    Core::Result<BuiltQuery> build(const ReportDefinition &report, const QHash<QString, QString> &params) const;
    Core::Result<std::vector<qint64>> selectIds(const ReportDefinition &report, const BuiltQuery &built,
                                                int limit) const;
    Core::Result<qint64> countBuilt(const BuiltQuery &built) const;

    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    Consent::ConsentService &m_consent;
    const Core::Clock &m_clock;
};

} // namespace Reports
