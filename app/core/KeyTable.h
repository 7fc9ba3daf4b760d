#pragma once

#include <QStringView>

#include <vector>

namespace Core {

// Text keys to numbers, for the million keys of an import (email addresses, member numbers): every key's
// characters in one buffer, the entries in one array and an open-addressing index over them, rather than
// a QHash's node and string allocation per key — a million small allocations kept while a million rows
// are allocated and freed around them fragment the heap, and malloc took more time than the lookups.
class KeyTable
{
public:
    qint64 value(QStringView key) const; // 0 when absent
    void insert(QStringView key, qint64 value);
    qsizetype size() const { return qsizetype(m_entries.size()); }
    void reserve(qsizetype keys);

private:
    struct Entry
    {
        size_t hash;
        qint64 value;
        size_t offset;
        size_t length;
    };
    size_t find(QStringView key, size_t hash) const; // the key's slot, or the empty slot where it would go
    void rehash(size_t slotCount);

    std::vector<char16_t> m_chars;
    std::vector<Entry> m_entries;
    std::vector<quint32> m_slots; // 0: empty; otherwise an index in m_entries, plus one
};

} // namespace Core
