#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli purposes list|add …
class PurposesCommand
{
public:
    explicit PurposesCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    AppContext &m_context;
};

} // namespace Cli
