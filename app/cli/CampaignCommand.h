#pragma once

#include <QStringList>

class AppContext;

namespace Mail {
class CampaignComposer;
}

namespace Cli {

// carnet-cli campaign create|preview|list …
class CampaignCommand
{
public:
    explicit CampaignCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    int create(const QStringList &arguments);
    int preview(const QStringList &arguments);
    int list(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
