#pragma once

#include "core/Member.h"
#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>

#include <atomic>
#include <memory>
#include <string_view>
#include <vector>

namespace Storage {

// An in-memory index of the searchable text of every member (member number, first and last name,
// email, city), folded (no case, no accents), for an instant search and a French-friendly sort at a
// million members. It is a cache: the database stays the truth, and the index is rebuilt when
// another program changes the file.
//
// Layout: one contiguous buffer of UTF-8 rows "number\x1ffirst\x1flast\x1femail\x1fcity\n", so a
// search is one memmem() pass over ~70 bytes per member.
class MemberIndex
{
public:
    // Reads every member through `db` (which may be a worker thread's connection). `cancel` stops it.
    static Core::Result<std::shared_ptr<MemberIndex>> build(const QSqlDatabase &db,
                                                            const std::atomic_bool *cancel = nullptr);

    void upsert(const Core::Member &member);
    void remove(qint64 id);

    qsizetype size() const { return m_live; }
    bool contains(qint64 id) const { return slotOf(id) >= 0; }
    qint64 maxId() const { return m_maxId; }

    // Bit i is set when member id i matches every word of `text` (folded). Empty text: none set.
    std::vector<bool> match(const QString &text) const;
    // Sorts member ids by a folded text field (first name, last name, email, number, city). Large
    // selections use the field's cached order (a linear pass); small ones are sorted directly.
    void sort(std::vector<qint64> &ids, Core::MemberField field, Qt::SortOrder order) const;
    static bool canSort(Core::MemberField field);
    // Whether `a` comes before `b` in sort(…, field, Qt::AscendingOrder): where one changed member goes in a
    // sorted list without sorting it again. Members not in the index come first, by id.
    bool less(qint64 a, qint64 b, Core::MemberField field) const;
    // Whether member `id` matches every word of `text` (folded), as match() would say for it alone.
    bool matches(qint64 id, const QString &text) const;
    // Computes the cached order of a field now (e.g. on the worker thread that built the index).
    void prepareOrder(Core::MemberField field) const;

private:
    MemberIndex() = default;
    void append(qint64 id, const QString &number, const QString &first, const QString &last, const QString &email,
                const QString &city);
    qsizetype slotOf(qint64 id) const;
    qsizetype rowAt(qsizetype offset) const;
    std::string_view field(qsizetype slot, int fieldIndex) const;
    bool isLive(qsizetype slot) const;
    bool slotLess(quint32 a, quint32 b, int primary, int secondary) const;
    const std::vector<quint32> &order(int fieldIndex) const;
    void sortSlots(std::vector<quint32> &slotList, int fieldIndex) const;

    QByteArray m_text;
    std::vector<qint64> m_ids;           // slot -> member id; 0 for a removed slot
    std::vector<quint32> m_offset;       // slot -> start of its row in m_text
    qsizetype m_sortedSlots = 0;         // slots [0, m_sortedSlots) are in ascending id order
    QHash<qint64, qsizetype> m_appended; // id -> slot for members added or changed since the build
    qsizetype m_live = 0;
    bool m_built = false;
    qint64 m_maxId = 0;
    QString m_scratch;
    // Per sortable field: the live slots in ascending order (empty until first needed).
    mutable std::vector<quint32> m_orders[5];
};

} // namespace Storage
