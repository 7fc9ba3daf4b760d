#include "DefaultPaths.h"

#include <QDir>
#include <QStandardPaths>

namespace Settings::DefaultPaths {

namespace {
QString dataDir()
{
    // Independent of the executable name, so the GUI and the CLI agree.
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return base + QStringLiteral("/Carnet");
}
} // namespace

QString database()
{
    const QString fromEnvironment = qEnvironmentVariable("CARNET_DATABASE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return dataDir() + QStringLiteral("/carnet.sqlite");
}

QString demoDatabase()
{
    return dataDir() + QStringLiteral("/demo-association.sqlite");
}

} // namespace Settings::DefaultPaths
