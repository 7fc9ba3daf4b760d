#pragma once

#include "mail/smtp/SmtpTransport.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace Gui {

// A certificate the TLS layer refused, as the account dialogs (sending, mailbox) show it — why, subject,
// issuer, validity, SHA-256 — with "Trust this certificate": that one only, by its fingerprint. Hidden until
// a refusal is offered.
class CertificateOffer : public QWidget
{
    Q_OBJECT

public:
    explicit CertificateOffer(QWidget *parent = nullptr);

    void offer(const Smtp::CertificateInfo &certificate);
    void withdraw(); // hidden again, before the next attempt

Q_SIGNALS:
    void trusted(const QString &sha256);

private:
    QLabel *m_label = nullptr;
    QPushButton *m_trust = nullptr;
    QString m_offered;
};

} // namespace Gui
