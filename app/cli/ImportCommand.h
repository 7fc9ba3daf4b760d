#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli import FILE [--dry-run] [--mode create|update|fill] [--map "HEADER=field"]… [--encoding E]
//                        [--delimiter D] [--no-header] [--skip-no-email] [--protect FIELD]… [--date-order dmy|mdy]
//                        [--json]
// carnet-cli import list [--json]       carnet-cli import undo BATCH
class ImportCommand
{
public:
    explicit ImportCommand(AppContext &context);
    int run(const QStringList &arguments);
    static QString help();

private:
    int importFile(const QStringList &arguments);
    int list(const QStringList &arguments);
    int undo(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
