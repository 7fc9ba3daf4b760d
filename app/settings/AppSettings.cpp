#include "AppSettings.h"

namespace Settings {

namespace {
struct Entry
{
    Key key;
    const char *name;
    QVariant defaultValue;
};

const Entry &entry(Key key)
{
    static const Entry entries[] = {
        {Key::Language, "general/language", QStringLiteral("system")},
        {Key::LastDatabase, "general/lastDatabase", QString()},
        {Key::RecentServers, "general/recentServers", QStringList()},
    };
    return entries[static_cast<int>(key)];
}
} // namespace

AppSettings::AppSettings(std::unique_ptr<QSettings> settings)
    : m_settings(settings ? std::move(settings)
                          : std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                        QStringLiteral("Carnet"), QStringLiteral("carnet")))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::name(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant AppSettings::value(Key key) const
{
    return m_settings->value(name(key), defaultValue(key));
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(name(key), value);
    m_settings->sync();
}

void AppSettings::reset(Key key)
{
    m_settings->remove(name(key));
}

} // namespace Settings
