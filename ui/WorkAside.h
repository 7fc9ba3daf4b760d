#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

class AppContext;
class QWidget;

namespace Gui {

// Long work on the member file (a campaign's summary or its queue at a hundred thousand members) run on a
// thread of its own, with an AppContext of its own on the same file (same login, same clock), while the window
// keeps painting; a progress dialog with Cancel appears when it lasts. User input waits meanwhile, so nothing
// else starts in the middle. `job` gets a progress callback to call with (done, total); it returns false once
// Cancel was clicked, and the job then stops and returns what it returns (an Error of code Cancelled, usually).
namespace WorkAside {
using Progress = std::function<bool(int done, int total)>;
Core::Result<void> run(AppContext &context, QWidget *parent, const QString &label,
                       const std::function<Core::Result<void>(AppContext &aside, const Progress &progress)> &job);
} // namespace WorkAside

} // namespace Gui
