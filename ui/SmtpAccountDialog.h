#pragma once

#include "mail/OutboxRunner.h"
#include "mail/SmtpAccount.h"

#include <QDialog>

class AppContext;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Gui {

class CertificateOffer;

// The sending account: a provider preset or a server of one's own, security, sign-in, sender, limits,
// and "Send a test message" showing success or the failure with the protocol log; a refused
// certificate is shown (subject, issuer, validity, SHA-256) and can be trusted, that one only.
class SmtpAccountDialog : public QDialog
{
    Q_OBJECT

public:
    // `transports`: how to reach the server (tests give an in-memory one); empty: the real network.
    SmtpAccountDialog(AppContext &context, Mail::OutboxRunner::TransportFactory transports = {},
                      QWidget *parent = nullptr);

    void accept() override;
    void sendTest();
    bool testRunning() const { return m_session != nullptr; }

private:
    Mail::SmtpAccount accountFromForm(QString *error) const;
    void applyPreset(int index);

    AppContext &m_context;
    Mail::OutboxRunner::TransportFactory m_transports;
    Mail::SmtpAccount m_loaded;
    QLabel *m_presetNote = nullptr;
    QComboBox *m_preset = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_fromName = nullptr;
    QLineEdit *m_fromAddress = nullptr;
    QLineEdit *m_replyTo = nullptr;
    QSpinBox *m_perMinute = nullptr;
    QSpinBox *m_perHour = nullptr;
    QSpinBox *m_perDay = nullptr;
    QSpinBox *m_perConnection = nullptr;
    QLineEdit *m_testTo = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_result = nullptr;
    QPlainTextEdit *m_log = nullptr;
    CertificateOffer *m_certificate = nullptr;
    QString m_trustFingerprint;
    QLabel *m_error = nullptr;
    Smtp::Session *m_session = nullptr;
};

} // namespace Gui
