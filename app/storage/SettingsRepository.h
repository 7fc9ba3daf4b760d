#pragma once

#include "core/Result.h"

#include <QString>

namespace Storage {

class Database;

// Settings that belong to the member list rather than to one user (the database's settings table):
// remembered import mappings now; the organisation profile later.
class SettingsRepository
{
public:
    explicit SettingsRepository(Database &database) : m_database(database) {}
    Core::Result<QString> value(const QString &key) const; // a null string when absent
    Core::Result<void> setValue(const QString &key, const QString &value);

private:
    Database &m_database;
};

} // namespace Storage
