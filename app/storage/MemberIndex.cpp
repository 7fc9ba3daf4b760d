#include "MemberIndex.h"

#include "Database.h"
#include "core/TextFold.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <cstring>

namespace Storage {

using Core::MemberField;

namespace {
constexpr char kFieldSep = '\x1f';
constexpr char kRowSep = '\n';

int fieldIndexOf(MemberField field)
{
    switch (field) {
    case MemberField::MemberNumber: return 0;
    case MemberField::FirstName: return 1;
    case MemberField::LastName: return 2;
    case MemberField::Email: return 3;
    case MemberField::City: return 4;
    default: return -1;
    }
}
} // namespace

bool MemberIndex::canSort(MemberField field)
{
    return fieldIndexOf(field) >= 0;
}

Core::Result<std::shared_ptr<MemberIndex>> MemberIndex::build(const QSqlDatabase &db, const std::atomic_bool *cancel)
{
    std::shared_ptr<MemberIndex> index(new MemberIndex);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT id, member_number, first_name, last_name, email, city FROM members ORDER BY id")))
        return Database::errorFrom(q.lastError(), QStringLiteral("index"));
    int n = 0;
    while (q.next()) {
        if (cancel && (++n & 0xfff) == 0 && cancel->load())
            return Core::Error::make(Core::Error::Code::Storage, QStringLiteral("cancelled"));
        index->append(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                      q.value(4).toString(), q.value(5).toString());
    }
    index->m_sortedSlots = qsizetype(index->m_ids.size());
    index->m_appended.clear();
    index->m_text.squeeze();
    return index;
}

void MemberIndex::append(qint64 id, const QString &number, const QString &first, const QString &last,
                         const QString &email, const QString &city)
{
    m_scratch.clear();
    for (const QString *part : {&number, &first, &last, &email, &city}) {
        if (part != &number)
            m_scratch += QLatin1Char(kFieldSep);
        Core::TextFold::appendFolded(*part, m_scratch);
    }
    m_offset.push_back(quint32(m_text.size()));
    m_text += m_scratch.toUtf8();
    m_text += kRowSep;
    m_ids.push_back(id);
    m_appended.insert(id, qsizetype(m_ids.size()) - 1);
    m_maxId = std::max(m_maxId, id);
    ++m_live;
}

qsizetype MemberIndex::slotOf(qint64 id) const
{
    if (auto it = m_appended.constFind(id); it != m_appended.constEnd())
        return it.value();
    const auto begin = m_ids.begin();
    const auto end = m_ids.begin() + m_sortedSlots;
    const auto it = std::lower_bound(begin, end, id);
    if (it != end && *it == id)
        return it - begin;
    return -1;
}

void MemberIndex::upsert(const Core::Member &m)
{
    remove(m.id);
    append(m.id, m.memberNumber, m.firstName, m.lastName, m.email, m.city);
}

void MemberIndex::remove(qint64 id)
{
    const qsizetype slot = slotOf(id);
    if (slot < 0)
        return;
    m_appended.remove(id);
    if (slot < m_sortedSlots) {
        // Keep the sorted part binary-searchable: a tombstone keeps its id, the row text is blanked.
        const qsizetype begin = m_offset[size_t(slot)];
        for (qsizetype i = begin; m_text[i] != kRowSep; ++i)
            m_text[i] = kFieldSep;
        m_appended.insert(id, -1 - slot); // marks "removed" for slotOf callers via negative value
    } else {
        m_ids[size_t(slot)] = 0;
    }
    --m_live;
}

qsizetype MemberIndex::rowAt(qsizetype offset) const
{
    const auto it = std::upper_bound(m_offset.begin(), m_offset.end(), quint32(offset));
    return (it - m_offset.begin()) - 1;
}

std::string_view MemberIndex::field(qsizetype slot, int fieldIndex) const
{
    const char *row = m_text.constData() + m_offset[size_t(slot)];
    const char *end =
        static_cast<const char *>(std::memchr(row, kRowSep, size_t(m_text.size() - m_offset[size_t(slot)])));
    const char *start = row;
    for (int i = 0; i < fieldIndex; ++i) {
        start = static_cast<const char *>(std::memchr(start, kFieldSep, size_t(end - start)));
        if (!start)
            return {};
        ++start;
    }
    const char *stop = static_cast<const char *>(std::memchr(start, kFieldSep, size_t(end - start)));
    return {start, size_t((stop ? stop : end) - start)};
}

std::vector<bool> MemberIndex::match(const QString &text) const
{
    std::vector<bool> result(size_t(m_maxId + 1), false);
    QList<QByteArray> words;
    for (const QString &w : Core::TextFold::fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words.append(w.toUtf8());
    if (words.isEmpty() || m_ids.empty())
        return result;
    // Scan the buffer for the longest word, then check the others inside each candidate row.
    std::sort(words.begin(), words.end(), [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    const QByteArray &first = words.first();
    const char *base = m_text.constData();
    const char *end = base + m_text.size();
    const char *pos = base;
    while (pos < end) {
        const void *hit = memmem(pos, size_t(end - pos), first.constData(), size_t(first.size()));
        if (!hit)
            break;
        const qsizetype slot = rowAt(static_cast<const char *>(hit) - base);
        const char *rowStart = base + m_offset[size_t(slot)];
        const char *rowEnd =
            static_cast<const char *>(std::memchr(hit, kRowSep, size_t(end - static_cast<const char *>(hit))));
        bool all = true;
        for (qsizetype w = 1; w < words.size() && all; ++w)
            all = memmem(rowStart, size_t(rowEnd - rowStart), words[w].constData(), size_t(words[w].size())) != nullptr;
        const qint64 id = m_ids[size_t(slot)];
        if (all && id > 0) {
            // A tombstoned row in the sorted part has blank text, so it cannot match.
            result[size_t(id)] = true;
        }
        pos = rowEnd + 1;
    }
    return result;
}

void MemberIndex::sort(std::vector<qint64> &ids, MemberField field, Qt::SortOrder order) const
{
    const int primary = fieldIndexOf(field);
    if (primary < 0)
        return;
    // Ties on a name are broken by the other name, then by id.
    const int secondary = field == MemberField::LastName ? 1 : (field == MemberField::FirstName ? 2 : -1);
    struct Key
    {
        std::string_view a;
        std::string_view b;
        qint64 id;
    };
    std::vector<Key> keys;
    keys.reserve(ids.size());
    for (qint64 id : ids) {
        const qsizetype slot = slotOf(id);
        if (slot < 0) {
            keys.push_back({{}, {}, id});
            continue;
        }
        keys.push_back(
            {this->field(slot, primary), secondary >= 0 ? this->field(slot, secondary) : std::string_view(), id});
    }
    auto less = [](const Key &x, const Key &y) {
        if (int c = x.a.compare(y.a); c != 0)
            return c < 0;
        if (int c = x.b.compare(y.b); c != 0)
            return c < 0;
        return x.id < y.id;
    };
    if (order == Qt::AscendingOrder)
        std::sort(keys.begin(), keys.end(), less);
    else
        std::sort(keys.begin(), keys.end(), [&less](const Key &x, const Key &y) { return less(y, x); });
    for (size_t i = 0; i < keys.size(); ++i)
        ids[i] = keys[i].id;
}

} // namespace Storage
