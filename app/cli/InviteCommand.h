#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli invite --never-invited | --reminder DAYS | --answer accepted|declined --member ID|EMAIL | --status …
class InviteCommand
{
public:
    explicit InviteCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    int answer(const QString &answer, const QString &member);
    int status(const QString &member, bool json);

    AppContext &m_context;
};

// carnet-cli unsubscribe --token T | --message FILE.eml | --list | --process ID [--purpose P]…
class UnsubscribeCommand
{
public:
    explicit UnsubscribeCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    AppContext &m_context;
};

} // namespace Cli
