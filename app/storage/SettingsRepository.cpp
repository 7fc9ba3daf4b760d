#include "SettingsRepository.h"

#include "Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Storage {

Core::Result<QString> SettingsRepository::value(const QString &key) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (auto r = exec(q, QStringLiteral("setting")); !r.ok())
        return r.error();
    return q.next() ? q.value(0).toString() : QString();
}

Core::Result<void> SettingsRepository::setValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    return exec(q, QStringLiteral("set setting"));
}

} // namespace Storage
