#pragma once

#include <QString>

namespace Settings::DefaultPaths {
// The member database the GUI and the CLI open by default: $CARNET_DATABASE, else
// <application data folder>/carnet.sqlite (~/.local/share/Carnet/carnet.sqlite on Linux).
QString database();
// The demo association, kept apart so the user's data is never touched.
QString demoDatabase();
} // namespace Settings::DefaultPaths
