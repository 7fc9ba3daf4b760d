#pragma once

#include "mail/MailboxAccount.h"
#include "mail/MailboxRunner.h"

#include <QDialog>

#include <memory>

class AppContext;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Gui {

class CertificateOffer;

// Edit › Mailbox…: the association's mailbox where bounces and replies arrive — a provider preset (with its
// note: app passwords and the like) or a server of one's own, security, sign-in, the folder read and the
// folder processed messages go to, how often the window reads it; "Test" signs in and counts the messages
// (nothing read, nothing changed), showing the failure with the protocol log. A refused certificate is
// shown and can be trusted, that one only. The password is kept in the keychain or for this session only.
class MailboxAccountDialog : public QDialog
{
    Q_OBJECT

public:
    MailboxAccountDialog(AppContext &context, Mail::MailboxRunner::TransportFactory transports = {},
                         QWidget *parent = nullptr);
    ~MailboxAccountDialog() override;

    void accept() override;
    void test();
    bool testRunning() const { return m_runner != nullptr; }

private:
    Mail::MailboxAccount accountFromForm(QString *error) const;
    void applyPreset(int index);

    AppContext &m_context;
    Mail::MailboxRunner::TransportFactory m_transports;
    Mail::MailboxAccount m_loaded;
    QComboBox *m_preset = nullptr;
    QLabel *m_presetNote = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_folder = nullptr;
    QLineEdit *m_processed = nullptr;
    QSpinBox *m_every = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_result = nullptr;
    CertificateOffer *m_certificate = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_error = nullptr;
    QString m_trustFingerprint;
    std::unique_ptr<Mail::MailboxRunner> m_runner;
};

} // namespace Gui
