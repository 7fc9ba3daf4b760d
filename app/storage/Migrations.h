#pragma once

#include <QList>
#include <QString>

namespace Storage {

// The numbered .sql files embedded under :/storage/migrations (NNNN_what.sql).
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

namespace Migrations {
const QList<Migration> &all();
int latestVersion();
// Splits a migration into statements (on ';' at the end of a line, outside quotes and comments).
QStringList statements(const QString &sql);
} // namespace Migrations

} // namespace Storage
