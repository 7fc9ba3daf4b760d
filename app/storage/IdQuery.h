#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <vector>

namespace Storage {

// Runs a query whose single column is an integer id and returns all of them. With the SQLite driver
// it steps the statement through SQLite's C API (a million ids in tens of milliseconds, where going
// through QVariant per row costs ten times more); with any other driver it uses QSqlQuery. This is
// the one SQLite-specific shortcut of the storage layer.
Core::Result<std::vector<qint64>> selectIds(const QSqlDatabase &db, const QString &sql, const QVariantList &bindings);

} // namespace Storage
