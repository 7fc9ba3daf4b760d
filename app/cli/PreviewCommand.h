#pragma once

#include <QStringList>

namespace Cli {

// carnet-cli preview FILE [--encoding E] [--delimiter D] [--no-header] [--limit N] [--json]
// Reads a member file as the import would and shows what Carnet understood. Needs no database.
class PreviewCommand
{
public:
    int run(const QStringList &arguments);
    static QString help();
};

} // namespace Cli
