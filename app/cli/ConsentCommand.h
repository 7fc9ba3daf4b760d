#pragma once

#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli consent record|withdraw|status|history|eligible|verify …
class ConsentCommand
{
public:
    explicit ConsentCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    int record(const QStringList &arguments);
    int withdraw(const QStringList &arguments);
    int status(const QStringList &arguments);
    int history(const QStringList &arguments);
    int eligible(const QStringList &arguments);
    int verify(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
