#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace Cli {

// carnet-cli server setup|copy-from|copy-to|grant|revoke|volunteers … --database postgresql://…: the board's
// shared member file and its volunteers.
// It opens the databases itself (a setup reports the version it found; a copy opens two).
class ServerCommand
{
public:
    explicit ServerCommand(QString database) : m_database(std::move(database)) {}
    int run(const QStringList &arguments);
    static QString help();

private:
    int setup(bool json);
    int copy(const QString &file, bool toServer, bool json);
    int grant(const QCommandLineParser &parser);
    int revoke(const QString &login, bool json);
    int volunteers(bool json);

    QString m_database;
};

} // namespace Cli
