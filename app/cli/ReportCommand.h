#pragma once

#include <QHash>
#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli report save|list|show|delete|run|totals …
class ReportCommand
{
public:
    explicit ReportCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    int save(const QStringList &arguments);
    int list(const QStringList &arguments);
    int show(const QStringList &arguments);
    int remove(const QStringList &arguments);
    int runReport(const QStringList &arguments);
    int totals(const QStringList &arguments);
    static bool parseParams(const QStringList &values, QHash<QString, QString> *params);

    AppContext &m_context;
};

} // namespace Cli
