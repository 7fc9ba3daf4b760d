#pragma once

#include "mail/OutboxRunner.h"
#include "mail/SmtpAccount.h"
#include "settings/CredentialStore.h"

#include <QCommandLineParser>
#include <QStringList>

class AppContext;

namespace Cli {

// carnet-cli smtp set|show|test …
class SmtpCommand
{
public:
    explicit SmtpCommand(AppContext &context) : m_context(context) {}
    int run(const QStringList &arguments);
    static QString help();

    // Shared with `outbox run`: the password (CARNET_SMTP_PASSWORD or --password-file), and the
    // transports for the account (its extra CA file and trusted fingerprint).
    static bool password(const QCommandLineParser &parser, const Mail::SmtpAccount &account,
                         Settings::CredentialStore &credentials, QString *password);
    static Mail::OutboxRunner::TransportFactory transports(const Mail::SmtpAccount &account, QString *error);

private:
    int set(const QStringList &arguments);
    int show(const QStringList &arguments);
    int test(const QStringList &arguments);

    AppContext &m_context;
};

} // namespace Cli
