#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli organisation set|show …
class OrganisationCommand
{
public:
    explicit OrganisationCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    AppContext &m_context;
};

} // namespace Cli
