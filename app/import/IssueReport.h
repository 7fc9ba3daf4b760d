#pragma once

#include "Importer.h"

namespace Import {
// Writes rejected rows as a CSV report (line, column, value, reason), atomically, UTF-8 with a BOM so
// Excel opens it right. Cells that a spreadsheet would run as a formula are neutralised.
Core::Result<void> writeIssueReport(const QString &path, const QList<RowIssue> &issues);
} // namespace Import
