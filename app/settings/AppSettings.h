#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace Settings {

// Typed application settings with one table of defaults (KeePassXC's Config, qBittorrent's
// SettingValue). UI-only keys (window geometry, table columns) stay in ui/.
enum class Key {
    Language,      // "system", "fr", "fr_CA", "en"
    LastDatabase,  // the file opened last, when not the default one
    RecentServers, // postgresql:// addresses connected to (never a password), most recent first
};

class AppSettings
{
public:
    // `settings` defaults to the user's Carnet settings file; tests pass a temporary one.
    explicit AppSettings(std::unique_ptr<QSettings> settings = nullptr);
    ~AppSettings();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    static QString name(Key key);
    static QVariant defaultValue(Key key);

    QString language() const { return value(Key::Language).toString(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Settings
