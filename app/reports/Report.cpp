#include "Report.h"

#include "FilterSpec.h"

#include "consent/ConsentService.h"
#include "core/Clock.h"
#include "core/MemberField.h"
#include "storage/BulkRows.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/SplitCount.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <cstring>

using Core::Error;
using Core::Result;

namespace Reports {

namespace {

Error invalid(const QString &message, const QString &field = {})
{
    return Error::make(Error::Code::Invalid, message, field);
}

bool memberField(const QString &key, Core::MemberField *field)
{
    return Core::MemberFields::fromKey(key, field) && *field != Core::MemberField::Extra;
}

bool validColumn(const QString &column)
{
    Core::MemberField f;
    if (memberField(column, &f))
        return true;
    if (column.startsWith(QLatin1String("extra.")) && column.size() > 6)
        return true;
    if (column == QLatin1String("membership"))
        return true;
    return column.startsWith(QLatin1String("consent.")) && column.size() > 8;
}

} // namespace

QString membershipStatus(const Core::Member &member, const QDate &today)
{
    // The same words as the "membership" filter: expired, ending (within 60 days), active; "" when unknown.
    if (member.membershipEnd.isValid()) {
        if (member.membershipEnd < today)
            return QStringLiteral("expired");
        return member.membershipEnd <= today.addDays(60) ? QStringLiteral("ending") : QStringLiteral("active");
    }
    return member.membershipStart.isValid() ? QStringLiteral("active") : QString();
}

Result<BuiltQuery> ReportRunner::build(const ReportDefinition &report, const QHash<QString, QString> &params) const
{
    QHash<QString, QString> answers = params;
    if (auto spec = FilterSpec::fromJson(report.filter); spec.ok()) {
        const QHash<QString, QString> fields = spec.value().parameterFields();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            const QString &field = it.value();
            if ((field != QLatin1String("section") && field != QLatin1String("category")) ||
                !answers.contains(it.key()))
                continue;
            const QString answer = answers.value(it.key());
            QSqlQuery q(m_database.connection());
            // The exact value first (its index answers at once), then the same letters in another case.
            q.prepare(QStringLiteral("SELECT %1 FROM members WHERE %1 = ? LIMIT 1").arg(field));
            q.addBindValue(answer);
            if (q.exec() && q.next())
                continue;
            q.prepare(QStringLiteral("SELECT %1 FROM members WHERE %2 LIMIT 1")
                          .arg(field, Storage::Sql::equalsNoCase(m_database.engine(), field)));
            q.addBindValue(answer);
            if (q.exec() && q.next())
                answers.insert(it.key(), q.value(0).toString());
        }
    }
    return buildFilter(report.filter, answers, consentResolver(), m_clock.today(), m_database.engine());
}

QString membershipStatusLabel(const QString &status)
{
    if (status == QLatin1String("active"))
        return QCoreApplication::translate("Reports::Report", "Active");
    if (status == QLatin1String("ending"))
        return QCoreApplication::translate("Reports::Report", "Ending soon");
    if (status == QLatin1String("expired"))
        return QCoreApplication::translate("Reports::Report", "Expired");
    return status;
}

Result<ReportDefinition> ReportDefinition::fromJson(const QJsonObject &json)
{
    ReportDefinition r;
    r.name = json.value(QStringLiteral("name")).toString().trimmed();
    if (r.name.isEmpty())
        return invalid(QCoreApplication::translate("Reports::Report", "The report needs a name."),
                       QStringLiteral("name"));
    r.group = json.value(QStringLiteral("group")).toString().trimmed();
    r.subgroup = json.value(QStringLiteral("subgroup")).toString().trimmed();
    r.notes = json.value(QStringLiteral("notes")).toString();
    for (const QJsonValue &c : json.value(QStringLiteral("columns")).toArray()) {
        if (!c.isString() || !validColumn(c.toString()))
            return invalid(QCoreApplication::translate("Reports::Report", "Unknown column \"%1\".")
                               .arg(c.isString() ? c.toString() : QStringLiteral("?")),
                           QStringLiteral("columns"));
        r.columns.append(c.toString());
    }
    if (r.columns.isEmpty())
        return invalid(QCoreApplication::translate("Reports::Report", "The report needs at least one column."),
                       QStringLiteral("columns"));
    r.filter = json.value(QStringLiteral("filter"));
    for (const QJsonValue &s : json.value(QStringLiteral("sort")).toArray()) {
        const QJsonObject o = s.toObject();
        Core::MemberField f;
        if (!memberField(o.value(QStringLiteral("field")).toString(), &f))
            return invalid(QCoreApplication::translate("Reports::Report", "Reports sort by member fields only."),
                           QStringLiteral("sort"));
        r.sort.append({o.value(QStringLiteral("field")).toString(),
                       o.value(QStringLiteral("order")).toString() == QLatin1String("desc")});
    }
    r.groupBy = json.value(QStringLiteral("group_by")).toString();
    Core::MemberField g;
    if (!r.groupBy.isEmpty() && !memberField(r.groupBy, &g))
        return invalid(QCoreApplication::translate("Reports::Report", "Reports group by member fields only."),
                       QStringLiteral("group_by"));
    // The filter must make sense now (parameters are only asked when run).
    QHash<QString, QString> dummy;
    const QHash<QString, QString> asked = filterParameters(r.filter);
    for (auto it = asked.cbegin(); it != asked.cend(); ++it)
        dummy.insert(it.key(), QStringLiteral("x"));
    auto consentNever = [](const QString &, const QString &) -> Result<ConsentMatch> { return ConsentMatch{}; };
    if (auto built = buildFilter(r.filter, dummy, consentNever, QDate(2000, 1, 1)); !built.ok())
        return built.error();
    return r;
}

QJsonObject ReportDefinition::toJson() const
{
    QJsonArray sortJson;
    for (const SortKey &s : sort)
        sortJson.append(
            QJsonObject{{QStringLiteral("field"), s.field},
                        {QStringLiteral("order"), s.descending ? QStringLiteral("desc") : QStringLiteral("asc")}});
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("group"), group},
                       {QStringLiteral("subgroup"), subgroup},
                       {QStringLiteral("notes"), notes},
                       {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
                       {QStringLiteral("filter"), filter.isUndefined() ? QJsonValue(QJsonObject()) : filter},
                       {QStringLiteral("sort"), sortJson},
                       {QStringLiteral("group_by"), groupBy.isEmpty() ? QJsonValue() : QJsonValue(groupBy)}};
}

Result<void> ReportRepository::save(const ReportDefinition &report)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(
            QStringLiteral("INSERT INTO saved_reports (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, "
                           "updated_at = excluded.updated_at"));
        const QString now = m_clock.now().toUTC().toString(Qt::ISODate);
        q.addBindValue(report.name);
        q.addBindValue(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)));
        q.addBindValue(now);
        q.addBindValue(now);
        return Storage::exec(q, QStringLiteral("save report"));
    });
}

Result<QList<ReportDefinition>> ReportRepository::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT definition FROM saved_reports ORDER BY name")))
        return Storage::Database::errorFrom(q.lastError(), QStringLiteral("reports"));
    QList<ReportDefinition> out;
    while (q.next()) {
        auto r = ReportDefinition::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        if (r.ok())
            out.append(r.value());
    }
    return out;
}

Result<ReportDefinition> ReportRepository::find(const QString &name) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT definition FROM saved_reports WHERE name = ?"));
    q.addBindValue(name);
    if (auto e = Storage::exec(q, QStringLiteral("report")); !e.ok())
        return e.error();
    if (!q.next())
        return Error::make(Error::Code::NotFound,
                           QCoreApplication::translate("Reports::Report", "There is no report \"%1\".").arg(name));
    return ReportDefinition::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

Result<void> ReportRepository::remove(const QString &name)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM saved_reports WHERE name = ?"));
        q.addBindValue(name);
        if (auto e = Storage::exec(q, QStringLiteral("delete report")); !e.ok())
            return e;
        if (q.numRowsAffected() == 0)
            return Error::make(Error::Code::NotFound,
                               QCoreApplication::translate("Reports::Report", "There is no report \"%1\".").arg(name));
        return {};
    });
}

bool ReadOptions::preset(const QString &name, ReadOptions *o)
{
    ReadOptions p;
    if (name == QLatin1String("excel-fr")) {
        p.delimiter = QLatin1Char(';');
        p.bom = true;
        p.dateFormat = QStringLiteral("dd/MM/yyyy");
        p.labels = true;
    } else if (name == QLatin1String("excel-en")) {
        p.delimiter = QLatin1Char(',');
        p.bom = true;
        p.dateFormat = QStringLiteral("yyyy-MM-dd");
        p.labels = true;
    } else if (name == QLatin1String("mailchimp")) {
        p.mailchimp = true;
    } else {
        return false;
    }
    *o = p;
    return true;
}

QString csvCell(const QString &value, QChar delimiter)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.at(0)))
        v.prepend(QLatin1Char('\''));
    if (v.contains(delimiter) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}

ReportRunner::ReportRunner(Storage::Database &database, Storage::MemberRepository &members,
                           Consent::ConsentService &consent, const Core::Clock &clock)
    : m_database(database), m_members(members), m_consent(consent), m_clock(clock)
{}

ConsentResolver ReportRunner::consentResolver() const
{
    return [this](const QString &purpose, const QString &state) -> Result<ConsentMatch> {
        // Read from the stored statuses when they are all settled; otherwise the members judged one by one.
        auto condition = m_consent.condition(purpose, state);
        if (!condition.ok())
            return condition.error();
        if (condition.value())
            return ConsentMatch{std::make_pair(condition.value()->sql, condition.value()->bindings), {}};
        auto ids = idsIn(purpose, state);
        if (!ids.ok())
            return ids.error();
        return ConsentMatch{std::nullopt, std::move(ids).value()};
    };
}

Result<std::vector<qint64>> ReportRunner::idsIn(const QString &purpose, const QString &state) const
{
    if (state == QLatin1String("withdrawn"))
        return m_consent.select(purpose, Consent::ConsentSelection::Withdrawn);
    if (state == QLatin1String("expiring"))
        return m_consent.select(purpose, Consent::ConsentSelection::Expiring);
    if (state != QLatin1String("eligible") && state != QLatin1String("not_eligible"))
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Reports::Report",
                                                       "A consent condition is eligible, not_eligible, withdrawn "
                                                       "or expiring, not \"%1\".")
                               .arg(state.left(40)));
    auto e = m_consent.eligible(purpose);
    if (!e.ok())
        return e.error();
    if (state == QLatin1String("eligible"))
        return e.value().eligible;
    std::vector<qint64> out;
    for (const auto &ids : e.value().excluded)
        out.insert(out.end(), ids.begin(), ids.end());
    std::sort(out.begin(), out.end());
    return out;
}

Result<std::vector<qint64>> ReportRunner::ids(const ReportDefinition &report,
                                              const QHash<QString, QString> &params) const
{
    auto built = build(report, params);
    if (!built.ok())
        return built.error();
    return selectIds(report, built.value(), -1);
}

Result<std::vector<qint64>> ReportRunner::selectIds(const ReportDefinition &report, const BuiltQuery &built,
                                                    int limit) const
{
    QStringList order;
    for (const SortKey &s : report.sort) // validated member field keys; empty values first, as SQLite does
        order.append(s.field +
                     (s.descending ? QStringLiteral(" DESC NULLS LAST") : QStringLiteral(" ASC NULLS FIRST")));
    order.append(QStringLiteral("id"));
    QVariantList bindings = built.bindings;
    if (limit >= 0)
        bindings.append(limit);
    return Storage::selectIds(m_database.connection(),
                              QStringLiteral("SELECT id FROM members %1 ORDER BY %2%3")
                                  .arg(built.where.isEmpty() ? QString() : QStringLiteral("WHERE ") + built.where,
                                       order.join(QStringLiteral(", ")),
                                       limit < 0 ? QString() : QStringLiteral(" LIMIT ?")),
                              bindings);
}

Result<qint64> ReportRunner::countBuilt(const BuiltQuery &built) const
{
    if (const std::optional<qint64> split = Storage::countInHalves(m_database, built.where, built.bindings))
        return *split;
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(QStringLiteral("SELECT count(*) FROM members %1")
                  .arg(built.where.isEmpty() ? QString() : QStringLiteral("WHERE ") + built.where));
    for (const QVariant &v : built.bindings)
        q.addBindValue(v);
    if (auto e = Storage::exec(q, QStringLiteral("count report")); !e.ok())
        return e.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<ReportPage> ReportRunner::firstRows(const ReportDefinition &report, const QHash<QString, QString> &params,
                                           int limit) const
{
    // One filter (the consent service asked once), two statements: the total and the first ids.
    auto built = build(report, params);
    if (!built.ok())
        return built.error();
    auto total = countBuilt(built.value());
    if (!total.ok())
        return total.error();
    auto ids = selectIds(report, built.value(), limit);
    if (!ids.ok())
        return ids.error();
    return ReportPage{total.value(), std::move(ids).value()};
}

namespace {

// One CSV cell from UTF-8 bytes: neutralised and quoted like csvCell().
void appendCell(QByteArray &line, const char *data, int size, char delimiter)
{
    bool quote = false;
    for (int i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    const bool neutralise = size > 0 && std::strchr("=+-@\t\r", data[0]) != nullptr;
    if (!quote) {
        if (neutralise)
            line += '\'';
        line.append(data, size);
        return;
    }
    line += '"';
    if (neutralise)
        line += '\'';
    for (int i = 0; i < size; ++i) {
        if (data[i] == '"')
            line += '"';
        line += data[i];
    }
    line += '"';
}

} // namespace

Result<qint64> ReportRunner::streamCsv(const ReportDefinition &report, const QHash<QString, QString> &params,
                                       const std::vector<qint64> *only, const ReadOptions &options,
                                       const std::function<void(const QByteArray &)> &write, bool *handled) const
{
    *handled = false;
    QStringList select;
    QVariantList selectBindings;
    QList<bool> isDate;
    for (const QString &c : report.columns) {
        Core::MemberField f;
        if (memberField(c, &f)) {
            select.append(Core::MemberFields::key(f)); // whitelisted
            isDate.append(f == Core::MemberField::MembershipStart || f == Core::MemberField::MembershipEnd);
        } else if (c.startsWith(QLatin1String("extra.")) && !c.contains(QLatin1Char('"'))) {
            select.append(Storage::Sql::jsonText(m_database.engine(), QStringLiteral("extra")));
            selectBindings.append(Storage::Sql::jsonPath(m_database.engine(), c.mid(6)));
            isDate.append(false);
        } else {
            return 0; // a consent or membership-status column: not this path
        }
    }
    auto built = build(report, params);
    if (!built.ok())
        return built.error();
    QStringList where;
    if (!built.value().where.isEmpty())
        where.append(QStringLiteral("(%1)").arg(built.value().where));
    QVariantList bindings = selectBindings + built.value().bindings;
    if (only) {
        QByteArray ids = "[";
        for (size_t i = 0; i < only->size(); ++i) {
            if (i)
                ids += ',';
            ids += QByteArray::number((*only)[i]);
        }
        ids += ']';
        where.append(QStringLiteral("id IN (%1)").arg(Storage::Sql::idsFromJson(m_database.engine())));
        bindings.append(QString::fromLatin1(ids));
    }
    QStringList order;
    for (const SortKey &s : report.sort)
        order.append(s.field +
                     (s.descending ? QStringLiteral(" DESC NULLS LAST") : QStringLiteral(" ASC NULLS FIRST")));
    order.append(QStringLiteral("id"));
    const QString sql =
        QStringLiteral("SELECT %1 FROM members %2 ORDER BY %3")
            .arg(select.join(QStringLiteral(", ")),
                 where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")),
                 order.join(QStringLiteral(", ")));
    // The engine's bulk path (COPY on the server), straight into CSV: no QVariant, no Member.
    auto rowsRead = Storage::RowStream::open(m_database.connection(), sql, bindings);
    if (!rowsRead.ok())
        return rowsRead.error();
    *handled = true;
    const char delimiter = char(options.delimiter.toLatin1());
    const bool isoDates = options.dateFormat == QLatin1String("yyyy-MM-dd");
    QByteArray buffer;
    buffer.reserve(1 << 20);
    qint64 rows = 0;
    const int columns = int(select.size());
    auto read = rowsRead.value()->each([&](const Storage::RowStream &row) {
        for (int c = 0; c < columns; ++c) {
            if (c)
                buffer += delimiter;
            if (row.isNull(c))
                continue;
            const QByteArrayView cell = row.utf8(c);
            const char *text = cell.data();
            const int size = int(cell.size());
            if (isDate[c] && !isoDates && size == 10) {
                const QByteArray formatted = QDate::fromString(QString::fromLatin1(text, size), Qt::ISODate)
                                                 .toString(options.dateFormat)
                                                 .toUtf8();
                appendCell(buffer, formatted.constData(), int(formatted.size()), delimiter);
            } else {
                appendCell(buffer, text, size, delimiter);
            }
        }
        buffer += "\r\n";
        ++rows;
        if (buffer.size() > (1 << 20) - 4096) {
            write(buffer);
            buffer.clear();
        }
    });
    if (!read.ok())
        return read.error();
    if (!buffer.isEmpty())
        write(buffer);
    return rows;
}

Result<qint64> ReportRunner::count(const ReportDefinition &report, const QHash<QString, QString> &params) const
{
    // The live count: SQLite counts without handing a million ids over.
    auto built = build(report, params);
    if (!built.ok())
        return built.error();
    return countBuilt(built.value());
}

Result<QList<GroupTotal>> ReportRunner::totals(const ReportDefinition &report,
                                               const QHash<QString, QString> &params) const
{
    Core::MemberField f;
    if (report.groupBy.isEmpty() || !memberField(report.groupBy, &f))
        return QList<GroupTotal>();
    auto built = build(report, params);
    if (!built.ok())
        return built.error();
    const QString column = Core::MemberFields::key(f); // whitelisted
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    q.prepare(
        QStringLiteral("SELECT %1, count(*) FROM members %2 GROUP BY %1 ORDER BY %1 NULLS FIRST")
            .arg(column, built.value().where.isEmpty() ? QString() : QStringLiteral("WHERE ") + built.value().where));
    for (const QVariant &v : built.value().bindings)
        q.addBindValue(v);
    if (auto e = Storage::exec(q, QStringLiteral("report totals")); !e.ok())
        return e.error();
    QList<GroupTotal> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong()});
    return out;
}

QStringList ReportRunner::headers(const ReportDefinition &report, const ReadOptions &options) const
{
    if (options.mailchimp)
        return {QStringLiteral("Email Address"), QStringLiteral("First Name"), QStringLiteral("Last Name")};
    QStringList out;
    auto purposes = options.labels ? m_consent.purposes() : Result<QList<Consent::Purpose>>(QList<Consent::Purpose>());
    for (const QString &c : report.columns) {
        Core::MemberField f;
        if (!options.labels) {
            out.append(c);
        } else if (memberField(c, &f)) {
            out.append(Core::MemberFields::label(f));
        } else if (c == QLatin1String("membership")) {
            out.append(QCoreApplication::translate("Reports::Report", "Membership status"));
        } else if (c.startsWith(QLatin1String("extra."))) {
            out.append(c.mid(6));
        } else {
            QString label = c.mid(8);
            for (const Consent::Purpose &p : purposes.ok() ? purposes.value() : QList<Consent::Purpose>())
                if (p.key == label)
                    label = p.displayLabel();
            out.append(QCoreApplication::translate("Reports::Report", "Consent: %1").arg(label));
        }
    }
    return out;
}

Result<void> ReportRunner::rows(const ReportDefinition &report, const std::vector<qint64> &ids,
                                const QString &dateFormat, bool words,
                                const std::function<void(const QStringList &)> &visit) const
{
    return cells(report, ids, dateFormat, words, [&](const QVariantList &values) {
        QStringList row;
        row.reserve(values.size());
        for (const QVariant &v : values) {
            if (v.typeId() == QMetaType::QDate)
                row.append(v.toDate().toString(dateFormat));
            else if (v.typeId() == QMetaType::QDateTime)
                row.append(v.toDateTime().toUTC().toString(Qt::ISODate));
            else
                row.append(v.toString());
        }
        visit(row);
    });
}

Result<void> ReportRunner::cells(const ReportDefinition &report, const std::vector<qint64> &ids,
                                 const QString &dateFormat, bool words,
                                 const std::function<void(const QVariantList &)> &visit) const
{
    auto purposes = m_consent.purposes();
    if (!purposes.ok())
        return purposes.error();
    const QDate today = m_clock.today();
    auto rowOf = [&](const Core::Member &m, const QHash<QString, QHash<qint64, Consent::Status>> &consent) {
        QVariantList row;
        row.reserve(report.columns.size());
        for (const QString &c : report.columns) {
            Core::MemberField f;
            if (memberField(c, &f)) {
                const QVariant v = m.value(f);
                if (v.typeId() == QMetaType::QDate || v.typeId() == QMetaType::QDateTime)
                    row.append(v);
                else if (Core::MemberFields::type(f) == Core::FieldType::Integer && !v.toString().isEmpty())
                    row.append(v.toLongLong());
                else
                    row.append(QVariant(v.toString()));
            } else if (c.startsWith(QLatin1String("extra."))) {
                row.append(QVariant(m.extra.value(c.mid(6)).toVariant().toString()));
            } else if (c == QLatin1String("membership")) {
                const QString status = membershipStatus(m, today);
                row.append(QVariant(words ? membershipStatusLabel(status) : status));
            } else {
                const auto it = consent.value(c).constFind(m.id);
                if (it == consent.value(c).cend())
                    row.append(QVariant(QString()));
                else
                    row.append(QVariant((words ? Consent::reasonLabel(it->reason) : Consent::reasonKey(it->reason)) +
                                        (it->validUntil.isValid() && it->eligible
                                             ? QLatin1Char(' ') + it->validUntil.toString(dateFormat)
                                             : QString())));
            }
        }
        return row;
    };
    // Without consent columns only the report's own columns are read, through the engine's bulk path.
    QList<Core::MemberField> fields;
    bool consentColumns = false;
    for (const QString &c : report.columns) {
        Core::MemberField f;
        QList<Core::MemberField> needed;
        if (memberField(c, &f))
            needed = {f};
        else if (c.startsWith(QLatin1String("extra.")))
            needed = {Core::MemberField::Extra};
        else if (c == QLatin1String("membership"))
            needed = {Core::MemberField::MembershipStart, Core::MemberField::MembershipEnd};
        else
            consentColumns = true;
        for (Core::MemberField n : needed) {
            if (!fields.contains(n))
                fields.append(n);
        }
    }
    if (!consentColumns) {
        const QHash<QString, QHash<qint64, Consent::Status>> none;
        return m_members.visit(ids, fields, [&](const Core::Member &m) { visit(rowOf(m, none)); });
    }
    return m_members.fetchInChunks(ids, [&](const std::vector<qint64> &, const QList<Core::Member> &members) {
        QHash<QString, QHash<qint64, Consent::Status>> consent;
        for (const QString &c : report.columns) {
            if (!c.startsWith(QLatin1String("consent.")) || consent.contains(c))
                continue;
            for (const Consent::Purpose &p : purposes.value()) {
                if (p.key == c.mid(8)) {
                    auto s = m_consent.statuses(members, p);
                    if (!s.ok())
                        return Result<void>(s.error());
                    consent.insert(c, s.value());
                }
            }
        }
        for (const Core::Member &m : members)
            visit(rowOf(m, consent));
        return Result<void>();
    });
}

} // namespace Reports
