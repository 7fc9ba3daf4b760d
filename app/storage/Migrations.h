#pragma once

#include "Engine.h"

#include <QList>
#include <QString>

namespace Storage {

// The numbered .sql files embedded under :/storage/migrations/ENGINE (NNNN_what.sql): the same numbers
// and the same tables on both engines, each written in its engine's DDL.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

namespace Migrations {
const QList<Migration> &all(Engine engine = Engine::Sqlite);
int latestVersion(Engine engine = Engine::Sqlite);
// Splits a migration into statements (on ';' at the end of a line, outside quotes and comments).
QStringList statements(const QString &sql);
} // namespace Migrations

} // namespace Storage
