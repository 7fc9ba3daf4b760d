#include "KeyTable.h"

#include <QHash>

namespace Core {

namespace {
size_t hashOf(QStringView key)
{
    return qHash(key, size_t(0x9e3779b97f4a7c15ULL));
}
} // namespace

size_t KeyTable::find(QStringView key, size_t hash) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            return i;
        const Entry &e = m_entries[slot - 1];
        if (e.hash == hash && QStringView(m_chars.data() + e.offset, qsizetype(e.length)) == key)
            return i;
    }
}

qint64 KeyTable::value(QStringView key) const
{
    if (m_slots.empty())
        return 0;
    const quint32 slot = m_slots[find(key, hashOf(key))];
    return slot ? m_entries[slot - 1].value : 0;
}

void KeyTable::insert(QStringView key, qint64 value)
{
    if ((m_entries.size() + 1) * 2 > m_slots.size()) // at most half full: short probes
        rehash(std::max<size_t>(16, m_slots.size() * 2));
    const size_t hash = hashOf(key);
    quint32 &slot = m_slots[find(key, hash)];
    if (slot) {
        m_entries[slot - 1].value = value;
        return;
    }
    m_entries.push_back({hash, value, m_chars.size(), size_t(key.size())});
    m_chars.insert(m_chars.end(), key.utf16(), key.utf16() + key.size());
    slot = quint32(m_entries.size());
}

void KeyTable::reserve(qsizetype keys)
{
    size_t count = 16;
    while (count < size_t(keys) * 2)
        count *= 2;
    if (count > m_slots.size())
        rehash(count);
    m_entries.reserve(size_t(keys));
}

void KeyTable::rehash(size_t slotCount)
{
    m_slots.assign(slotCount, 0);
    const size_t mask = slotCount - 1;
    for (size_t n = 0; n < m_entries.size(); ++n) {
        size_t i = m_entries[n].hash & mask;
        while (m_slots[i])
            i = (i + 1) & mask;
        m_slots[i] = quint32(n + 1);
    }
}

} // namespace Core
