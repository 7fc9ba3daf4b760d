#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Core {

// Loads Carnet's translation (French, with the Québec wording layered on top for fr_CA) and Qt's
// own, so that standard buttons are translated too.
namespace Translations {
// language: "" or "system" to follow the system, else "fr", "fr_CA", "en"…
QLocale localeFor(const QString &language);
void install(QCoreApplication &app, const QString &language);
} // namespace Translations

} // namespace Core
