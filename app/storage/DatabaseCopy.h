#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <functional>

namespace Storage {

class Database;

// Copies a whole member file from one database to another, on either engine (a local file onto the
// board's server, or the server into a local file): every table, ids kept, sequences moved past them, in
// one transaction on the target, so that a failure or a cancel leaves it as empty as it was. Then every
// table's rows are counted and checksummed on both sides and compared.
//
// The checksum of a table: SHA-256 of its rows' digests in sorted order, each digest the SHA-256 of the
// row's values in column-name order (NULL, text, integer and bytes told apart). It depends on neither the
// engine nor the order rows are stored or collated in. Engine bookkeeping in settings (keys storage.*)
// stays with each engine and is left out.
class DatabaseCopy
{
public:
    struct Table
    {
        qint64 rows = 0;
        QString checksum; // hex
        friend bool operator==(const Table &a, const Table &b) { return a.rows == b.rows && a.checksum == b.checksum; }
    };
    struct Report
    {
        QMap<QString, Table> source;
        QMap<QString, Table> target;
        bool ok() const { return !source.isEmpty() && source == target; }
        // {"tables": {NAME: {"rows", "checksum"}}, "ok"} — the target's figures, and where they differ
        // "source_rows"/"source_checksum" too.
        QJsonObject toJson() const;
    };
    // Called as the rows go; returning false cancels (the target keeps nothing).
    using Progress = std::function<bool(const QString &table, qint64 done, qint64 total)>;

    // The target must hold no member data (a new file, or a server database that is empty or only has
    // Carnet's empty schema); anything else is refused with Conflict before anything is written.
    static Core::Result<Report> copy(Database &source, Database &target, const Progress &progress = {});
    static Core::Result<QMap<QString, Table>> checksums(Database &database);
    static Core::Result<bool> holdsData(Database &database);
};

} // namespace Storage
