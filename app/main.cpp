// carnet: the GUI executable. Translators, AppContext, the main window — nothing else.
#include "AppContext.h"
#include "consent/DemoConsent.h"
#include "core/Translations.h"
#include "settings/AppSettings.h"
#include "settings/DefaultPaths.h"
#include "settings/KeychainCredentialStore.h"
#include "storage/Database.h"
#include "storage/DemoAssociation.h"

#include "FileWait.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ServerConnectDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("carnet"));
    QApplication::setApplicationDisplayName(QStringLiteral("Carnet"));
    QApplication::setOrganizationName(QStringLiteral("Carnet"));
    QApplication::setApplicationVersion(QStringLiteral(CARNET_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.carnet.Carnet"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/carnet.svg")));

    auto settings = std::make_unique<Settings::AppSettings>();
    Core::Translations::install(app, settings->language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Member list, consent and mailing for small associations"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption databaseOption(QStringLiteral("database"),
                                      QApplication::translate("main", "Open this database file."),
                                      QStringLiteral("path"));
    QCommandLineOption demoOption(QStringLiteral("demo"),
                                  QApplication::translate("main", "Open the demo association."));
    parser.addOption(databaseOption);
    parser.addOption(demoOption);
    parser.process(app);

    QString path = parser.isSet(databaseOption) ? parser.value(databaseOption) : Settings::DefaultPaths::database();
    const bool demo = parser.isSet(demoOption);
    if (demo)
        path = Settings::DefaultPaths::demoDatabase();

    // A large import by another program holds the file alone for its seconds: say so rather than wait unseen.
    if (!Gui::FileWait::untilFree(path))
        return 2;
    // Upgrading a large member list takes seconds (a copy is kept first): say so meanwhile.
    std::unique_ptr<QLabel> upgrading;
    if (Storage::Database::migrationPending(path)) {
        upgrading = std::make_unique<QLabel>(
            QApplication::translate("main", "Updating your member list for this version of Carnet…\n"
                                            "A copy of the file is kept beside it first."));
        upgrading->setWindowTitle(QStringLiteral("Carnet"));
        upgrading->setMargin(24);
        upgrading->show();
        QApplication::processEvents();
    }
    // A shared member file on a server: the password from the keychain; when the server refuses, the connection
    // dialog again with the reason.
    Settings::KeychainCredentialStore keychain;
    if (Storage::Location::isUrl(path))
        Gui::ServerConnectDialog::usePasswordFromKeychain(path, keychain);
    auto context =
        AppContext::open(path, nullptr, std::move(settings), std::make_unique<Settings::KeychainCredentialStore>());
    auto openAgain = [&path] {
        return AppContext::open(path, nullptr, std::make_unique<Settings::AppSettings>(),
                                std::make_unique<Settings::KeychainCredentialStore>());
    };
    while (!context.ok() && context.error().code == Core::Error::Code::Connection && Storage::Location::isUrl(path)) {
        Settings::AppSettings retrySettings;
        path = Gui::ServerConnectDialog::askAgain(path, context.error().message, retrySettings, keychain);
        if (path.isEmpty())
            return 2;
        context = openAgain();
    }
    // The file taken alone by another program between the first look and the opening.
    while (!context.ok() && context.error().code == Core::Error::Code::Busy && Storage::Database::heldByWriter(path)) {
        upgrading.reset();
        if (!Gui::FileWait::untilFree(path))
            return 2;
        context = openAgain();
    }
    upgrading.reset();
    if (!context.ok()) {
        Gui::MessageBox::critical(nullptr, QApplication::translate("main", "Carnet cannot open the member list"),
                                  context.error().message);
        return 2;
    }
    if (demo) {
        auto count = context.value()->members().count();
        if (count.ok() && count.value() == 0) {
            auto populated = Storage::DemoAssociation::populate(context.value()->members(), context.value()->clock());
            if (populated.ok())
                populated = Consent::DemoConsent::populate(context.value()->consent(), context.value()->clock());
            if (!populated.ok())
                Gui::MessageBox::critical(nullptr, QApplication::translate("main", "Carnet"),
                                          populated.error().message);
        }
    }

    Gui::MainWindow window(*context.value());
    if (demo)
        window.setFileLabel(QApplication::translate("main", "demo association"));
    window.show();
    return app.exec();
}
