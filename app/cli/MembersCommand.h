#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli members add|edit|delete|show|list|export|erase …
class MembersCommand
{
public:
    explicit MembersCommand(AppContext &context);
    int run(const QStringList &arguments);
    static QString help();

private:
    int add(const QStringList &arguments);
    int edit(const QStringList &arguments);
    int remove(const QStringList &arguments);
    int show(const QStringList &arguments);
    int list(const QStringList &arguments);
    int exportData(const QStringList &arguments);
    int erase(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
