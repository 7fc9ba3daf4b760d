#include "ImportBatchRepository.h"

#include "BackgroundInsert.h"
#include "BulkRows.h"
#include "Database.h"
#include "MemberRepository.h"
#include "SqliteStatement.h"
#include "core/Clock.h"
#include "core/EmailAddress.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using Core::Error;
using Core::Member;
using Core::MemberField;
using Core::Result;
namespace MemberFields = Core::MemberFields;

namespace Storage {

namespace {
QString isoNow(const Core::Clock &clock)
{
    return clock.now().toUTC().toString(Qt::ISODateWithMs);
}

// 2024-03-15, as QDate::toString(Qt::ISODate) writes it for the years a member file holds, without its
// printf (a million dates an import).
QString isoDate(const QDate &d)
{
    if (d.year() < 1000 || d.year() > 9999)
        return d.toString(Qt::ISODate);
    char16_t out[10];
    auto put = [&out](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            out[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, d.year(), 4);
    out[4] = u'-';
    put(5, d.month(), 2);
    out[7] = u'-';
    put(8, d.day(), 2);
    return QString(reinterpret_cast<const QChar *>(out), 10);
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The stored columns of a member, in MemberFields order, without id: what INSERT and UPDATE bind.
QStringList writableColumns()
{
    QStringList columns;
    for (MemberField f : MemberFields::all()) {
        if (f != MemberField::Id)
            columns.append(MemberFields::key(f));
    }
    columns.append(QStringLiteral("email_key"));
    return columns;
}

// Calls text(QString), integer(qint64) or null() for each stored column of a member, in writableColumns()
// order: one description of a row for both ways of binding it.
template<typename Text, typename Integer, typename Null>
void forEachValue(const Member &m, Text text, Integer integer, Null null)
{
    // Every member of an import carries the same timestamps: format them once.
    thread_local QDateTime lastTime;
    thread_local QString lastText;
    auto timeText = [](const QDateTime &t) {
        if (t != lastTime) {
            lastTime = t;
            lastText = t.toUTC().toString(Qt::ISODateWithMs);
        }
        return lastText;
    };
    for (MemberField f : MemberFields::all()) {
        switch (f) {
        case MemberField::Id: break;
        case MemberField::MembershipStart:
        case MemberField::MembershipEnd: {
            const QDate d = f == MemberField::MembershipStart ? m.membershipStart : m.membershipEnd;
            d.isValid() ? text(isoDate(d)) : null();
            break;
        }
        case MemberField::HouseholdId: m.householdId ? integer(m.householdId) : null(); break;
        case MemberField::Extra: text(m.extra.isEmpty() ? QStringLiteral("{}") : json(m.extra)); break;
        case MemberField::CreatedAt: text(timeText(m.createdAt)); break;
        case MemberField::UpdatedAt: text(timeText(m.updatedAt)); break;
        default: {
            const QString *s = m.text(f);
            !s || s->isEmpty() ? null() : text(*s);
            break;
        }
        }
    }
    m.email.isEmpty() ? null() : text(Core::EmailAddress::key(m.email));
}

void bindMember(QSqlQuery &q, const Member &m)
{
    forEachValue(
        m, [&q](const QString &s) { q.addBindValue(s); }, [&q](qint64 v) { q.addBindValue(v); },
        [&q] { q.addBindValue(QVariant(QMetaType::fromType<QString>())); });
}

void bindMember(SqliteStatement &statement, const Member &m, int first)
{
    statement.bindInt(first, m.id);
    int index = first;
    forEachValue(
        m, [&](const QString &s) { statement.bindText(++index, s); }, [&](qint64 v) { statement.bindInt(++index, v); },
        [&] { statement.bindNull(++index); });
}

ImportBatch batchFromRow(const QSqlQuery &q)
{
    ImportBatch b;
    b.id = q.value(0).toLongLong();
    b.fileName = q.value(1).toString();
    b.fileSha256 = q.value(2).toString();
    b.mapping = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    b.mode = q.value(4).toString();
    b.created = q.value(5).toLongLong();
    b.updated = q.value(6).toLongLong();
    b.unchanged = q.value(7).toLongLong();
    b.duplicates = q.value(8).toLongLong();
    b.rejected = q.value(9).toLongLong();
    b.noEmail = q.value(10).toLongLong();
    b.firstMemberId = q.value(11).toLongLong();
    b.lastMemberId = q.value(12).toLongLong();
    b.importedAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    b.undoneAt = q.value(14).isNull() ? QDateTime() : QDateTime::fromString(q.value(14).toString(), Qt::ISODateWithMs);
    return b;
}

const char *const kBatchColumns = "id, file_name, file_sha256, mapping, mode, created, updated, unchanged, duplicates, "
                                  "rejected, no_email, first_member_id, last_member_id, imported_at, undone_at";
} // namespace

void ImportCounts::addTo(QJsonObject &json) const
{
    json.insert(QStringLiteral("created"), created);
    json.insert(QStringLiteral("updated"), updated);
    json.insert(QStringLiteral("unchanged"), unchanged);
    json.insert(QStringLiteral("duplicates"), duplicates);
    json.insert(QStringLiteral("rejected"), rejected);
    json.insert(QStringLiteral("no_email"), noEmail);
}

QJsonObject ImportBatch::toJson() const
{
    QJsonObject json{{QStringLiteral("batch"), id},
                     {QStringLiteral("file"), fileName},
                     {QStringLiteral("sha256"), fileSha256},
                     {QStringLiteral("mode"), mode},
                     {QStringLiteral("imported_at"), importedAt.toUTC().toString(Qt::ISODate)},
                     {QStringLiteral("undone_at"),
                      undoneAt.isValid() ? QJsonValue(undoneAt.toUTC().toString(Qt::ISODate)) : QJsonValue()},
                     {QStringLiteral("mapping"), mapping}};
    addTo(json);
    return json;
}

struct ImportBatchRepository::Statements
{
    explicit Statements(const QSqlDatabase &db) : insert(db), update(db), before(db) {}
    std::unique_ptr<BackgroundInsert> background; // SQLite
    std::unique_ptr<CopyWriter> copy;             // PostgreSQL
    qint64 nextId = 0; // the ids given: after the table's last (SQLite), or the sequence's next (PostgreSQL)
    qint64 lastCopiedId = 0;
    std::vector<std::function<Result<void>()>> afterCopy;
    QSqlQuery insert;
    QSqlQuery update;
    QSqlQuery before;
    bool prepared = false;
};

ImportBatchRepository::ImportBatchRepository(Database &database, const Core::Clock &clock)
    : m_database(database), m_clock(clock)
{}

ImportBatchRepository::~ImportBatchRepository() = default;

Result<qint64> ImportBatchRepository::begin(const ImportBatch &batch)
{
    QSqlQuery q(m_database.connection());
    // The file's SHA-256 comes with finish(): it is computed beside the import.
    q.prepare(QStringLiteral("INSERT INTO import_batches (file_name, file_sha256, mapping, mode, imported_at) "
                             "VALUES (?, '', ?, ?, ?) RETURNING id"));
    q.addBindValue(batch.fileName);
    q.addBindValue(json(batch.mapping));
    q.addBindValue(batch.mode);
    q.addBindValue(isoNow(m_clock));
    if (auto r = exec(q, QStringLiteral("import batch")); !r.ok())
        return r.error();
    const qint64 batchId = returnedId(q);
    if (auto r = m_database.lockForBulkInsert(QStringLiteral("members")); !r.ok())
        return r.error();
    m_statements = std::make_unique<Statements>(m_database.connection());
    const QStringList columns = writableColumns();
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    const QString insertSql = QStringLiteral("INSERT INTO members (%1) VALUES (%2)")
                                  .arg(columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    // The ids are given here: the table is this transaction's to write until it ends (SQLite's write lock,
    // a server's table lock), so the ids after the last one are free.
    const QString row = QStringLiteral("(?, %1)").arg(marks.join(QStringLiteral(", ")));
    const QString insertWithId =
        QStringLiteral("INSERT INTO members (id, %1) VALUES ").arg(columns.join(QStringLiteral(", ")));
    auto fast = SqliteStatement::prepare(m_database.connection(), insertWithId + row);
    if (fast) {
        // Rows by 32: well under SQLite's oldest limit of 999 parameters a statement.
        constexpr int kRows = 32;
        const int parameters = int(columns.size()) + 1;
        QStringList rows;
        for (int i = 0; i < kRows; ++i)
            rows.append(row);
        auto many = SqliteStatement::prepare(m_database.connection(), insertWithId + rows.join(QStringLiteral(", ")));
        QSqlQuery last(m_database.connection());
        if (!last.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM members")) || !last.next())
            return Database::errorFrom(last.lastError(), QStringLiteral("import ids"));
        m_statements->nextId = last.value(0).toLongLong();
        m_statements->background = std::make_unique<BackgroundInsert>(
            std::move(fast), std::move(many), kRows, parameters,
            [](SqliteStatement &statement, const Member &member, int first) { bindMember(statement, member, first); });
    } else {
        m_statements->copy = CopyWriter::create(m_database.connection(), QStringLiteral("members"),
                                                QStringList{QStringLiteral("id")} + columns);
    }
    if (m_statements->copy) {
        // The table is locked against other writers until the end of the transaction: the ids that
        // follow the sequence's next value are this import's, and the sequence is moved past them at the end.
        QSqlQuery next(m_database.connection());
        if (!next.exec(QStringLiteral("SELECT nextval(pg_get_serial_sequence('members', 'id'))")) || !next.next())
            return Database::errorFrom(next.lastError(), QStringLiteral("import ids"));
        m_statements->nextId = next.value(0).toLongLong();
    } else if (!m_statements->background) {
        m_statements->insert.prepare(insertSql + QStringLiteral(" RETURNING id"));
    }
    m_statements->update.prepare(QStringLiteral("UPDATE members SET %1 = ?, version = version + 1 WHERE id = ?")
                                     .arg(columns.join(QStringLiteral(" = ?, "))));
    m_statements->before.prepare(
        QStringLiteral("INSERT INTO import_changes (batch_id, member_id, before) VALUES (?, ?, ?)"));
    return batchId;
}

Result<qint64> ImportBatchRepository::insertMember(const Member &member)
{
    BackgroundInsert *background = m_statements->background.get();
    CopyWriter *copy = m_statements->copy.get();
    if (background || copy) {
        // The id is given here (see begin()); the row goes to the inserting thread or into the COPY.
        const qint64 id = m_statements->nextId++;
        if (background) {
            Member withId = member;
            withId.id = id;
            if (auto r = background->add(std::move(withId)); !r.ok())
                return r.error();
        } else {
            copy->addInt(id);
            forEachValue(
                member, [copy](const QString &s) { copy->addText(s); }, [copy](qint64 v) { copy->addInt(v); },
                [copy] { copy->addNull(); });
            m_statements->lastCopiedId = id;
            if (auto r = copy->endRow(); !r.ok())
                return r.error();
        }
        if (m_statements->afterCopy.size() >= 10000) { // consent rows waiting for their members
            if (auto r = flushInserts(); !r.ok())
                return r.error();
        }
        return id;
    }
    QSqlQuery &q = m_statements->insert;
    bindMember(q, member);
    if (!q.exec())
        return Database::errorFrom(q.lastError(), QStringLiteral("import insert"));
    return returnedId(q);
}

Result<void> ImportBatchRepository::updateMember(qint64 batchId, const Member &before, const Member &after)
{
    if (auto r = flushInserts(); !r.ok())
        return r;
    QSqlQuery &b = m_statements->before;
    b.addBindValue(batchId);
    b.addBindValue(before.id);
    QJsonObject row = before.toJson();
    row.insert(QStringLiteral("created_at"), before.createdAt.toUTC().toString(Qt::ISODateWithMs));
    row.insert(QStringLiteral("updated_at"), before.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    b.addBindValue(json(row));
    if (!b.exec()) // a member matched twice in one file is refused earlier, as a duplicate
        return Database::errorFrom(b.lastError(), QStringLiteral("import before"));
    b.finish();
    QSqlQuery &q = m_statements->update;
    bindMember(q, after);
    q.addBindValue(after.id);
    if (!q.exec())
        return Database::errorFrom(q.lastError(), QStringLiteral("import update"));
    return {};
}

Result<void> ImportBatchRepository::whenWritten(std::function<Result<void>()> action)
{
    const bool pending = m_statements && ((m_statements->copy && m_statements->copy->hasPending()) ||
                                          (m_statements->background && m_statements->background->hasPending()));
    if (!pending)
        return action();
    m_statements->afterCopy.push_back(std::move(action));
    return {};
}

Result<void> ImportBatchRepository::runAfterCopy()
{
    std::vector<std::function<Result<void>()>> actions;
    actions.swap(m_statements->afterCopy);
    for (const auto &action : actions) {
        if (auto r = action(); !r.ok())
            return r;
    }
    return {};
}

void ImportBatchRepository::abandonInserts()
{
    if (!m_statements)
        return;
    if (m_statements->copy)
        m_statements->copy->abandon();
    m_statements->background.reset(); // its thread stops; the rows it had not inserted go with the rollback
    m_statements->afterCopy.clear();
}

Result<void> ImportBatchRepository::flushInserts()
{
    if (!m_statements)
        return {};
    if (m_statements->copy) {
        if (auto r = m_statements->copy->flush(); !r.ok())
            return r;
    } else if (m_statements->background) {
        if (auto r = m_statements->background->flush(); !r.ok())
            return r;
    } else {
        return {};
    }
    return runAfterCopy();
}

Result<void> ImportBatchRepository::linkHousehold(qint64 memberId, qint64 partnerId)
{
    return whenWritten([this, memberId, partnerId] { return writeHousehold(memberId, partnerId); });
}

Result<void> ImportBatchRepository::writeHousehold(qint64 memberId, qint64 partnerId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO households (created_at) VALUES (?) RETURNING id"));
    q.addBindValue(isoNow(m_clock));
    if (auto r = exec(q, QStringLiteral("import household")); !r.ok())
        return r;
    const qint64 household = returnedId(q);
    q.prepare(QStringLiteral("UPDATE members SET household_id = ?, version = version + 1 WHERE id IN (?, ?)"));
    q.addBindValue(household);
    q.addBindValue(memberId);
    q.addBindValue(partnerId);
    return exec(q, QStringLiteral("import household link"));
}

Result<void> ImportBatchRepository::suspendIndexes(const QSet<QString> &filledColumns)
{
    // On a server the indexes stay: dropping one locks the table against every other computer's reads
    // until the import commits, and the server keeps them up to date on its own core while the COPY
    // streams (measured: the same time either way at a million rows).
    if (m_database.engine() == Engine::Postgres)
        return {};
    QSqlQuery q(m_database.connection());
    auto indexes = m_database.secondaryIndexes(QStringLiteral("members"));
    if (!indexes.ok())
        return indexes.error();
    QStringList names;
    for (const auto &[name, create] : indexes.value()) {
        q.prepare(QStringLiteral("SELECT name FROM pragma_index_info(?)"));
        q.addBindValue(name);
        if (!q.exec())
            return Database::errorFrom(q.lastError(), QStringLiteral("index columns"));
        // A unique index stays out: an insert that could fail half-way through it needs a statement
        // journal, one write to a temporary file per member (measured: 9 s more at a million) — unless it
        // leaves out the NULLs and the file fills none of its columns (the member number of most files):
        // no insert then touches it.
        bool filled = create.startsWith(QLatin1String("CREATE UNIQUE"), Qt::CaseInsensitive) &&
                      !create.contains(QLatin1String(" IS NOT NULL"), Qt::CaseInsensitive);
        while (q.next())
            filled = filled || q.isNull(0) || filledColumns.contains(q.value(0).toString()); // NULL: an expression
        if (!filled)
            continue;
        names.append(name);
        m_suspendedIndexes.append(create);
    }
    for (const QString &name : std::as_const(names)) {
        if (!q.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name))) // names from the schema, not from users
            return Database::errorFrom(q.lastError(), QStringLiteral("drop index"));
    }
    return {};
}

Result<void> ImportBatchRepository::finish(const ImportBatch &batch)
{
    if (auto r = flushInserts(); !r.ok())
        return r;
    QSqlQuery q(m_database.connection());
    if (m_statements && m_statements->copy && m_statements->lastCopiedId) {
        q.prepare(QStringLiteral("SELECT setval(pg_get_serial_sequence('members', 'id'), ?)"));
        q.addBindValue(m_statements->lastCopiedId);
        if (auto r = exec(q, QStringLiteral("import ids")); !r.ok())
            return r;
    }
    m_statements.reset();
    // The indexes are sorted with SQLite's default cache (a larger one makes each sort about twice as
    // slow: measured 4.9 s against 2.1 s for the seven at a million members) and a helper thread.
    (void)m_database.endBulkInsert();
    if (!m_suspendedIndexes.isEmpty())
        q.exec(QStringLiteral("PRAGMA threads = 2"));
    for (const QString &create : std::as_const(m_suspendedIndexes)) {
        if (!q.exec(create))
            return Database::errorFrom(q.lastError(), QStringLiteral("rebuild index"));
    }
    if (!m_suspendedIndexes.isEmpty())
        q.exec(QStringLiteral("PRAGMA threads = 0"));
    m_suspendedIndexes.clear();
    q.prepare(QStringLiteral("UPDATE import_batches SET file_sha256 = ?, created = ?, updated = ?, unchanged = ?, "
                             "duplicates = ?, rejected = ?, no_email = ?, first_member_id = ?, last_member_id = ? "
                             "WHERE id = ?"));
    q.addBindValue(batch.fileSha256.isNull() ? QStringLiteral("") : batch.fileSha256);
    const ImportCounts &counts = batch;
    for (qint64 v :
         {counts.created, counts.updated, counts.unchanged, counts.duplicates, counts.rejected, counts.noEmail})
        q.addBindValue(v);
    q.addBindValue(batch.firstMemberId ? QVariant(batch.firstMemberId) : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(batch.lastMemberId ? QVariant(batch.lastMemberId) : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(batch.id);
    if (auto r = exec(q, QStringLiteral("finish batch")); !r.ok() || !batch.firstMemberId)
        return r;
    // The versions of the members it created, as the import leaves them: its undo refuses when they moved on.
    q.prepare(QStringLiteral("UPDATE import_batches SET created_versions = (SELECT coalesce(sum(version), 0) FROM "
                             "members WHERE id BETWEEN ? AND ?) WHERE id = ?"));
    q.addBindValue(batch.firstMemberId);
    q.addBindValue(batch.lastMemberId);
    q.addBindValue(batch.id);
    return exec(q, QStringLiteral("finish batch versions"));
}

Result<QList<ImportBatch>> ImportBatchRepository::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(
            QStringLiteral("SELECT %1 FROM import_batches ORDER BY id DESC").arg(QString::fromLatin1(kBatchColumns))))
        return Database::errorFrom(q.lastError(), QStringLiteral("batches"));
    QList<ImportBatch> out;
    while (q.next())
        out.append(batchFromRow(q));
    return out;
}

Result<ImportBatch> ImportBatchRepository::find(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM import_batches WHERE id = ?").arg(QString::fromLatin1(kBatchColumns)));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("batch")); !r.ok())
        return r.error();
    if (!q.next())
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("Storage::ImportBatchRepository", "There is no import %1.").arg(id));
    return batchFromRow(q);
}

Result<void> ImportBatchRepository::checkUnchangedSince(const ImportBatch &batch)
{
    // Who changed what since: the members it updated are one version past what it kept of them; those it
    // created add up to the sum of versions it recorded at its end.
    QStringList changed;
    qint64 more = 0;
    auto note = [&](const QString &first, const QString &last, const QString &who) {
        if (changed.size() >= 10) {
            ++more;
            return;
        }
        const QString member = QStringLiteral("%1 %2").arg(first, last).trimmed();
        changed.append(who.isEmpty() ? member : QStringLiteral("%1 (%2)").arg(member, who));
    };
    QSqlQuery changes(m_database.connection());
    changes.prepare(QStringLiteral("SELECT c.before, m.version, m.first_name, m.last_name, m.updated_by FROM "
                                   "import_changes c JOIN members m ON m.id = c.member_id WHERE c.batch_id = ?"));
    changes.addBindValue(batch.id);
    if (auto r = exec(changes, QStringLiteral("undo check")); !r.ok())
        return r;
    while (changes.next()) {
        const QJsonValue before =
            QJsonDocument::fromJson(changes.value(0).toString().toUtf8()).object().value(QStringLiteral("version"));
        if (before.isUndefined() || changes.value(1).toLongLong() == before.toInteger() + 1)
            continue; // unchanged since (or imported by a Carnet that kept no version)
        note(changes.value(2).toString(), changes.value(3).toString(), changes.value(4).toString());
    }
    changes.finish();
    bool createdChanged = false;
    if (batch.firstMemberId) {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT created_versions, (SELECT coalesce(sum(version), 0) FROM members WHERE id "
                                 "BETWEEN ? AND ?) FROM import_batches WHERE id = ?"));
        q.addBindValue(batch.firstMemberId);
        q.addBindValue(batch.lastMemberId);
        q.addBindValue(batch.id);
        if (auto r = exec(q, QStringLiteral("undo check")); !r.ok())
            return r;
        createdChanged = q.next() && !q.value(0).isNull() && q.value(0).toLongLong() != q.value(1).toLongLong();
        q.finish();
        if (createdChanged) {
            // Named when changed in Carnet since the import (their time moved on); a change made around Carnet
            // shows in the versions only.
            q.prepare(QStringLiteral("SELECT first_name, last_name, updated_by FROM members WHERE id BETWEEN ? AND ? "
                                     "AND updated_at > ? ORDER BY id"));
            q.addBindValue(batch.firstMemberId);
            q.addBindValue(batch.lastMemberId);
            q.addBindValue(batch.importedAt.toUTC().toString(Qt::ISODateWithMs));
            if (auto r = exec(q, QStringLiteral("undo check")); !r.ok())
                return r;
            while (q.next())
                note(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        }
    }
    if (changed.isEmpty() && !createdChanged)
        return {};
    QString list = changed.join(QStringLiteral(", "));
    if (more > 0)
        list += QCoreApplication::translate("Storage::ImportBatchRepository", " and %n more", nullptr, int(more));
    if (list.isEmpty())
        list = QCoreApplication::translate("Storage::ImportBatchRepository", "members it created");
    return Error::make(Error::Code::Stale,
                       QCoreApplication::translate("Storage::ImportBatchRepository",
                                                   "Import %1 cannot be undone: members it would restore or remove "
                                                   "were changed since — %2. Undoing it would lose those changes; "
                                                   "nothing was changed.")
                           .arg(batch.id)
                           .arg(list));
}

Result<void> ImportBatchRepository::undo(qint64 id)
{
    auto batch = find(id);
    if (!batch.ok())
        return batch.error();
    if (batch.value().undoneAt.isValid())
        return Error::make(
            Error::Code::Conflict,
            QCoreApplication::translate("Storage::ImportBatchRepository", "Import %1 was already undone.").arg(id));
    return m_database.write([&]() -> Result<void> {
        if (auto r = checkUnchangedSince(batch.value()); !r.ok())
            return r;
        QSqlQuery q(m_database.connection());
        // Consent the file recorded goes with it (members it created take theirs along by cascade).
        q.prepare(QStringLiteral("DELETE FROM consent_events WHERE import_batch_id = ?"));
        q.addBindValue(id);
        if (auto r = exec(q, QStringLiteral("undo consent")); !r.ok())
            return r;
        if (batch.value().firstMemberId) {
            q.prepare(QStringLiteral("DELETE FROM members WHERE id BETWEEN ? AND ?"));
            q.addBindValue(batch.value().firstMemberId);
            q.addBindValue(batch.value().lastMemberId);
            if (auto r = exec(q, QStringLiteral("undo created")); !r.ok())
                return r;
        }
        QSqlQuery changes(m_database.connection());
        changes.prepare(QStringLiteral("SELECT member_id, before FROM import_changes WHERE batch_id = ?"));
        changes.addBindValue(id);
        if (auto r = exec(changes, QStringLiteral("undo changes")); !r.ok())
            return r;
        QSqlQuery restore(m_database.connection());
        const QStringList columns = writableColumns();
        restore.prepare(QStringLiteral("UPDATE members SET %1 = ?, version = version + 1 WHERE id = ?")
                            .arg(columns.join(QStringLiteral(" = ?, "))));
        while (changes.next()) {
            const QJsonObject row = QJsonDocument::fromJson(changes.value(1).toString().toUtf8()).object();
            Member m;
            for (MemberField f : MemberFields::all()) {
                const QJsonValue v = row.value(MemberFields::key(f));
                if (v.isNull() || v.isUndefined())
                    continue;
                if (f == MemberField::Extra)
                    m.extra = v.toObject();
                else if (MemberFields::type(f) == Core::FieldType::DateTime)
                    m.setValue(f, QDateTime::fromString(v.toString(), Qt::ISODateWithMs));
                else
                    m.setValue(f, v.toVariant());
            }
            m.id = changes.value(0).toLongLong();
            bindMember(restore, m);
            restore.addBindValue(m.id);
            if (!restore.exec())
                return Database::errorFrom(restore.lastError(), QStringLiteral("undo restore"));
        }
        // Households the batch created are gone with their members.
        if (!q.exec(QStringLiteral("DELETE FROM households WHERE id NOT IN "
                                   "(SELECT household_id FROM members WHERE household_id IS NOT NULL)")))
            return Database::errorFrom(q.lastError(), QStringLiteral("undo households"));
        q.prepare(QStringLiteral("UPDATE import_batches SET undone_at = ? WHERE id = ?"));
        q.addBindValue(isoNow(m_clock));
        q.addBindValue(id);
        return exec(q, QStringLiteral("undo mark"));
    });
}

} // namespace Storage
