#include "MemberIndex.h"

#include "BulkRows.h"
#include "Database.h"
#include "core/TextFold.h"

#include <QSqlError>
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
    auto rows = RowStream::open(
        db, QStringLiteral("SELECT id, member_number, first_name, last_name, email, city FROM members ORDER BY id"));
    if (!rows.ok())
        return rows.error();
    int n = 0;
    bool cancelled = false;
    auto read = rows.value()->each([&](const RowStream &row) {
        if (cancel && (++n & 0xfff) == 0 && cancel->load()) {
            cancelled = true;
            return false;
        }
        index->append(row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5));
        return true;
    });
    if (!read.ok())
        return read.error();
    if (cancelled)
        return Core::Error::make(Core::Error::Code::Storage, QStringLiteral("cancelled"));
    index->m_sortedSlots = qsizetype(index->m_ids.size());
    index->m_built = true;
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
    const quint32 slot = quint32(m_ids.size() - 1);
    if (m_sortedSlots > 0 || m_built)
        m_appended.insert(id, slot); // after the build; during it, slotList are found by binary search
    m_maxId = std::max(m_maxId, id);
    ++m_live;
    for (int f = 0; f < 5; ++f) {
        std::vector<quint32> &order = m_orders[f];
        if (order.empty())
            continue;
        const int secondary = f == 2 ? 1 : (f == 1 ? 2 : -1);
        const auto at = std::lower_bound(order.begin(), order.end(), slot,
                                         [&](quint32 a, quint32 b) { return slotLess(a, b, f, secondary); });
        order.insert(at, slot);
    }
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
    for (auto &order : m_orders) {
        const auto at = std::find(order.begin(), order.end(), quint32(slot));
        if (at != order.end())
            order.erase(at);
    }
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

bool MemberIndex::isLive(qsizetype slot) const
{
    const qint64 id = m_ids[size_t(slot)];
    return id > 0 && slotOf(id) == slot;
}

namespace {
// The first 8 bytes of a folded field, big-endian, zero-padded: most comparisons end here.
quint64 prefixOf(std::string_view s)
{
    quint64 p = 0;
    for (size_t i = 0; i < 8; ++i)
        p = (p << 8) | (i < s.size() ? quint8(s[i]) : 0);
    return p;
}

int secondaryOf(int primary)
{
    return primary == 2 ? 1 : (primary == 1 ? 2 : -1); // last name then first name, and the reverse
}
} // namespace

bool MemberIndex::slotLess(quint32 a, quint32 b, int primary, int secondary) const
{
    if (int c = field(a, primary).compare(field(b, primary)); c != 0)
        return c < 0;
    if (secondary >= 0) {
        if (int c = field(a, secondary).compare(field(b, secondary)); c != 0)
            return c < 0;
    }
    return m_ids[a] < m_ids[b];
}

bool MemberIndex::less(qint64 a, qint64 b, MemberField field) const
{
    const qsizetype slotA = slotOf(a);
    const qsizetype slotB = slotOf(b);
    if (slotA < 0 || slotB < 0)
        return (slotA < 0) != (slotB < 0) ? slotA < 0 : a < b;
    const int primary = fieldIndexOf(field);
    if (primary < 0)
        return a < b;
    return slotLess(quint32(slotA), quint32(slotB), primary, secondaryOf(primary));
}

bool MemberIndex::matches(qint64 id, const QString &text) const
{
    const qsizetype slot = slotOf(id);
    if (slot < 0)
        return false;
    const char *row = m_text.constData() + m_offset[size_t(slot)];
    const char *end =
        static_cast<const char *>(std::memchr(row, kRowSep, size_t(m_text.size() - m_offset[size_t(slot)])));
    const QStringList words = Core::TextFold::fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty() || !end)
        return false;
    for (const QString &word : words) {
        const QByteArray bytes = word.toUtf8();
        if (!memmem(row, size_t(end - row), bytes.constData(), size_t(bytes.size())))
            return false;
    }
    return true;
}

void MemberIndex::sortSlots(std::vector<quint32> &slotList, int primary) const
{
    const int secondary = secondaryOf(primary);
    struct Key
    {
        quint64 p1;
        quint64 p2;
        quint32 slot;
    };
    std::vector<Key> keys;
    keys.reserve(slotList.size());
    for (quint32 slot : slotList)
        keys.push_back({prefixOf(field(slot, primary)), secondary >= 0 ? prefixOf(field(slot, secondary)) : 0, slot});
    std::vector<quint32>().swap(slotList);
    std::sort(keys.begin(), keys.end(), [&](const Key &x, const Key &y) {
        if (x.p1 != y.p1)
            return x.p1 < y.p1;
        // Equal prefixes: the strings are equal when shorter than 8 bytes, else compare them whole.
        if ((x.p1 & 0xff) != 0) {
            if (int c = field(x.slot, primary).compare(field(y.slot, primary)); c != 0)
                return c < 0;
        }
        if (x.p2 != y.p2)
            return x.p2 < y.p2;
        if (secondary >= 0 && (x.p2 & 0xff) != 0) {
            if (int c = field(x.slot, secondary).compare(field(y.slot, secondary)); c != 0)
                return c < 0;
        }
        return m_ids[x.slot] < m_ids[y.slot];
    });
    slotList.reserve(keys.size());
    for (const Key &k : keys)
        slotList.push_back(k.slot);
}

const std::vector<quint32> &MemberIndex::order(int fieldIndex) const
{
    std::vector<quint32> &order = m_orders[fieldIndex];
    if (order.empty() && m_live > 0) {
        order.reserve(size_t(m_live));
        for (qsizetype slot = 0; slot < qsizetype(m_ids.size()); ++slot) {
            if (isLive(slot))
                order.push_back(quint32(slot));
        }
        sortSlots(order, fieldIndex);
    }
    return order;
}

void MemberIndex::prepareOrder(MemberField field) const
{
    if (const int f = fieldIndexOf(field); f >= 0)
        order(f);
}

void MemberIndex::sort(std::vector<qint64> &ids, MemberField field, Qt::SortOrder order) const
{
    const int primary = fieldIndexOf(field);
    if (primary < 0 || ids.empty())
        return;
    std::vector<qint64> unknown; // added by another program since the index was built
    if (qsizetype(ids.size()) * 32 < m_live) {
        // A small selection: sort it directly.
        std::vector<quint32> slotList;
        slotList.reserve(ids.size());
        for (qint64 id : ids) {
            const qsizetype slot = slotOf(id);
            if (slot >= 0)
                slotList.push_back(quint32(slot));
            else
                unknown.push_back(id);
        }
        sortSlots(slotList, primary);
        ids.clear();
        for (quint32 slot : slotList)
            ids.push_back(m_ids[slot]);
    } else {
        // A large one: walk the field's cached order and keep the selected ids.
        std::vector<bool> selected(size_t(std::max(m_maxId, *std::max_element(ids.begin(), ids.end())) + 1), false);
        for (qint64 id : ids)
            selected[size_t(id)] = true;
        ids.clear();
        for (quint32 slot : this->order(primary)) {
            const qint64 id = m_ids[slot];
            if (selected[size_t(id)]) {
                ids.push_back(id);
                selected[size_t(id)] = false;
            }
        }
        for (size_t id = 0; id < selected.size(); ++id) {
            if (selected[id])
                unknown.push_back(qint64(id));
        }
    }
    ids.insert(ids.begin(), unknown.begin(), unknown.end());
    if (order == Qt::DescendingOrder)
        std::reverse(ids.begin(), ids.end());
}

} // namespace Storage
