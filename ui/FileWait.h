#pragma once

#include <QString>

class QWidget;

namespace Gui {

// Opening the member file while another program holds it alone (a large `carnet-cli import` with no window
// open: Storage::Database::writeAlone) would wait in SQLite, with nothing on screen. This shows a window saying
// so, with a busy bar and Cancel, and asks again four times a second.
namespace FileWait {
// True once the file is free (at once when it is), false when the user gave up waiting.
bool untilFree(const QString &path, QWidget *parent = nullptr);
} // namespace FileWait

} // namespace Gui
