#pragma once

#include <QString>
#include <QVariantList>

#include <optional>

namespace Storage {

class Database;

// `SELECT count(*) FROM members WHERE <where>` on both cores: the lower half of the ids counted on the
// caller's connection while a connection of its own, on a thread of its own, counts the upper half. For the
// conditions that read every member (free text, "not eligible"…) on a large local file.
//
// The two halves must see the same file: PRAGMA data_version (which moves when another connection commits)
// is read before both start and after both finished; a commit in between, a small file, a server (which
// has its own parallel scans), a caller inside a write transaction (its changes are not visible from
// another connection) or any failure of the second connection give nullopt, and the caller counts on its
// own connection as before.
// Below `splitFrom` ids between the first member and the last, one count is quicker than starting a thread.
inline constexpr qint64 kSplitCountFrom = 200'000;
std::optional<qint64> countInHalves(Database &database, const QString &where, const QVariantList &bindings,
                                    qint64 splitFrom = kSplitCountFrom);

} // namespace Storage
