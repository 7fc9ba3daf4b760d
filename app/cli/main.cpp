// carnet-cli: every job of the GUI for automation and tests. Thin over the services.
#include "AppContext.h"
#include "AuditCommand.h"
#include "CampaignCommand.h"
#include "CliOutput.h"
#include "ConsentCommand.h"
#include "ImportCommand.h"
#include "InviteCommand.h"
#include "MailCommand.h"
#include "MailboxCommand.h"
#include "MembersCommand.h"
#include "OrganisationCommand.h"
#include "PreviewCommand.h"
#include "PurposesCommand.h"
#include "ReportCommand.h"
#include "ServerCommand.h"
#include "SmtpCommand.h"
#include "core/Translations.h"
#include "settings/AppSettings.h"
#include "settings/DefaultPaths.h"
#include "settings/KeychainCredentialStore.h"

#include <QCoreApplication>

namespace {

QString helpText()
{
    return QCoreApplication::translate(
               "Cli", "Usage: carnet-cli [--database PATH] COMMAND …\n"
                      "       carnet-cli --version\n"
                      "\n"
                      "The database defaults to the one the Carnet window opens; CARNET_DATABASE overrides it.\n"
                      "Exit codes: 0 success, 1 the job reported errors, 2 bad usage or unusable input.\n"
                      "\n"
                      "Commands:\n") +
           Cli::MembersCommand::help() + QLatin1Char('\n') + Cli::ConsentCommand::help() + QLatin1Char('\n') +
           Cli::PurposesCommand::help() + QLatin1Char('\n') + Cli::OrganisationCommand::help() + QLatin1Char('\n') +
           Cli::AuditCommand::help() + QLatin1Char('\n') + Cli::SmtpCommand::help() + QLatin1Char('\n') +
           Cli::MailCommand::help() + QLatin1Char('\n') + Cli::MailboxCommand::help() + QLatin1Char('\n') +
           Cli::OutboxCommand::help() + QLatin1Char('\n') + Cli::ReportCommand::help() + QLatin1Char('\n') +
           Cli::CampaignCommand::help() + QLatin1Char('\n') + Cli::InviteCommand::help() + QLatin1Char('\n') +
           Cli::UnsubscribeCommand::help() + QLatin1Char('\n') + Cli::ServerCommand::help() + QLatin1Char('\n');
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("carnet"));
    QCoreApplication::setOrganizationName(QStringLiteral("Carnet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARNET_VERSION));
    {
        Settings::AppSettings settings;
        Core::Translations::install(app, settings.language());
    }

    QStringList args = QCoreApplication::arguments().mid(1);
    QString databasePath = Settings::DefaultPaths::database();
    // Global options come before the command.
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--version")) {
            Cli::printLine(QStringLiteral("carnet-cli %1").arg(QCoreApplication::applicationVersion()));
            return Cli::Success;
        }
        if (option == QLatin1String("--help")) {
            Cli::printLine(helpText());
            return Cli::Success;
        }
        if (option == QLatin1String("--database") || option.startsWith(QLatin1String("--database="))) {
            if (option.contains(QLatin1Char('=')))
                databasePath = option.section(QLatin1Char('='), 1);
            else if (!args.isEmpty())
                databasePath = args.takeFirst();
            else
                return Cli::usage(
                    QCoreApplication::translate("Cli", "--database needs a file path or a postgresql:// address."));
            continue;
        }
        return Cli::usage(QCoreApplication::translate("Cli", "Unknown option \"%1\".").arg(option));
    }
    if (args.isEmpty())
        return Cli::usage(QCoreApplication::translate("Cli", "No command given."));

    const QString command = args.takeFirst();
    if (command == QLatin1String("preview"))
        return Cli::PreviewCommand().run(args); // reads a file; no database needed
    if (command == QLatin1String("server"))
        return Cli::ServerCommand(databasePath).run(args); // opens its databases itself
    const QStringList commands = {
        QStringLiteral("members"),     QStringLiteral("import"),       QStringLiteral("consent"),
        QStringLiteral("purposes"),    QStringLiteral("organisation"), QStringLiteral("audit"),
        QStringLiteral("smtp"),        QStringLiteral("mail"),         QStringLiteral("outbox"),
        QStringLiteral("report"),      QStringLiteral("campaign"),     QStringLiteral("invite"),
        QStringLiteral("unsubscribe"), QStringLiteral("mailbox")};
    if (!commands.contains(command))
        return Cli::usage(QCoreApplication::translate("Cli", "Unknown command \"%1\".").arg(command));

    auto context =
        AppContext::open(databasePath, nullptr, nullptr, std::make_unique<Settings::KeychainCredentialStore>());
    if (!context.ok())
        return context.error().code == Core::Error::Code::Invalid ? Cli::usage(context.error().message)
                                                                  : Cli::fail(context.error());
    AppContext &c = *context.value();
    if (command == QLatin1String("import"))
        return Cli::ImportCommand(c).run(args);
    if (command == QLatin1String("consent"))
        return Cli::ConsentCommand(c).run(args);
    if (command == QLatin1String("purposes"))
        return Cli::PurposesCommand(c).run(args);
    if (command == QLatin1String("organisation"))
        return Cli::OrganisationCommand(c).run(args);
    if (command == QLatin1String("audit"))
        return Cli::AuditCommand(c).run(args);
    if (command == QLatin1String("smtp"))
        return Cli::SmtpCommand(c).run(args);
    if (command == QLatin1String("mail"))
        return Cli::MailCommand(c).run(args);
    if (command == QLatin1String("outbox"))
        return Cli::OutboxCommand(c).run(args);
    if (command == QLatin1String("report"))
        return Cli::ReportCommand(c).run(args);
    if (command == QLatin1String("campaign"))
        return Cli::CampaignCommand(c).run(args);
    if (command == QLatin1String("invite"))
        return Cli::InviteCommand(c).run(args);
    if (command == QLatin1String("mailbox"))
        return Cli::MailboxCommand(c).run(args);
    if (command == QLatin1String("unsubscribe"))
        return Cli::UnsubscribeCommand(c).run(args);
    return Cli::MembersCommand(c).run(args);
}
