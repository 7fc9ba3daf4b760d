#pragma once

#include <QStringList>

class AppContext;
class QCommandLineParser;

namespace Cli {

// carnet-cli campaign create|preview|send|status|retry|list …
class CampaignCommand
{
public:
    explicit CampaignCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();
    // Queues the campaign (once) and sends its batch, then prints its status; `retry` first puts its failed
    // and deferred messages back in the queue. Shared with `invite`.
    static int sendCampaign(AppContext &context, const QCommandLineParser &parser, qint64 id, bool retry);

private:
    int create(const QStringList &arguments);
    int preview(const QStringList &arguments);
    int list(const QStringList &arguments);
    int send(const QStringList &arguments, bool retry);
    int status(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
