#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli audit list …
class AuditCommand
{
public:
    explicit AuditCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    AppContext &m_context;
};

} // namespace Cli
