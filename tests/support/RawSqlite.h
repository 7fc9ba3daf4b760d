#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What another program does to a file: checksums, and SQL through a connection that is not Carnet's.
namespace RawSqlite {
QByteArray sha256(const QString &path); // empty when unreadable
bool exec(const QString &path, const QStringList &statements);
} // namespace RawSqlite
