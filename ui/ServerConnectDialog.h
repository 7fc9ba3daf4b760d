#pragma once

#include "storage/Engine.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Settings {
class AppSettings;
class CredentialStore;
} // namespace Settings

namespace Gui {

// Where the board's shared member file is: a PostgreSQL server's host, port, database and user, the
// password (this session only, or kept in the system keychain), and how the connection is protected —
// the certificate checked against an authority file (verify-full) by default for another computer;
// no encryption only for this computer, with a warning. Recent connections are offered again, never
// with their password.
class ServerConnectDialog : public QDialog
{
    Q_OBJECT

public:
    ServerConnectDialog(Settings::AppSettings &settings, QWidget *parent = nullptr);

    void setLocation(const Storage::Location &location); // fills the fields (a retry after a refusal)
    void setMessage(const QString &text);                // why it is asked again

    QString url() const; // postgresql://USER@HOST:PORT/DB?sslmode=…[&sslrootcert=…], no password
    QString password() const;
    bool rememberPassword() const;
    // The keychain entry of a server member file's password.
    static QString keychainKey(const Storage::Location &location);
    // Puts `url` first in the recent connections.
    static void remember(Settings::AppSettings &settings, const QString &url);

    void accept() override;

    // Opening a server member file at start: the password kept in the keychain, when libpq has none of its
    // own (PGPASSWORD, ~/.pgpass), goes to this process's environment.
    static void usePasswordFromKeychain(const QString &url, Settings::CredentialStore &credentials);
    // After a refused connection: the dialog again, with why; the address to try next (the password in this
    // process's environment), or empty when the user gave up.
    static QString askAgain(const QString &url, const QString &why, Settings::AppSettings &settings,
                            Settings::CredentialStore &credentials);

private:
    void updateSecurity();
    void chooseCaFile();

    Settings::AppSettings &m_settings;
    QComboBox *m_recent;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QComboBox *m_security;
    QLineEdit *m_caFile;
    QLabel *m_securityNote;
    QLabel *m_message;
};

} // namespace Gui
