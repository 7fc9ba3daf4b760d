#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>

#include <functional>
#include <memory>

class QSslSocket;

namespace Smtp {

// What the TLS layer says about a certificate it refused, for the settings window to show and the
// user to trust by fingerprint.
struct CertificateInfo
{
    QString subject;
    QString issuer;
    QString validFrom;
    QString validUntil;
    QString sha256; // hex, colon-free, lower case
    QStringList errors;
};

// The byte pipe under the session: TCP, TLS from the start (465) or after STARTTLS. Production uses
// SslTransport (QSslSocket); tests use a scripted fake. Everything is asynchronous.
class Transport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void connectToHost(const QString &host, quint16 port, bool implicitTls) = 0;
    virtual void startTls() = 0; // after the server's 220 to STARTTLS
    virtual void write(const QByteArray &bytes) = 0;
    virtual void close() = 0;
    virtual bool isEncrypted() const = 0;

Q_SIGNALS:
    void connected(); // TCP up, and the TLS handshake done when TLS is implicit
    void encrypted(); // after startTls()
    void received(const QByteArray &bytes);
    void failed(const QString &message);
    void certificateRefused(const Smtp::CertificateInfo &certificate);
    void closed();
};

// How a mail client (SMTP, IMAP) reaches its server: a new transport for each connection.
using TransportFactory = std::function<std::unique_ptr<Transport>()>;

// QSslSocket: certificates checked against the system's CAs (plus any given) and the host name. A
// certificate the user trusted is accepted by its SHA-256 fingerprint only; nothing ignores TLS errors
// wholesale.
class SslTransport final : public Transport
{
    Q_OBJECT

public:
    SslTransport(QList<QSslCertificate> extraCaCertificates, QString trustedSha256, QObject *parent = nullptr);

    void connectToHost(const QString &host, quint16 port, bool implicitTls) override;
    void startTls() override;
    void write(const QByteArray &bytes) override;
    void close() override;
    bool isEncrypted() const override;

    static CertificateInfo describe(const QSslCertificate &certificate);
    // The real network, as an account's settings say: the system's CAs plus those of `caFile` (PEM; empty:
    // none), and the one certificate whose SHA-256 is `trustedSha256`. Fails when `caFile` holds none.
    static Core::Result<TransportFactory> factory(const QString &caFile, const QString &trustedSha256);

private:
    QSslSocket *m_socket;
    QList<QSslCertificate> m_extraCa;
    QString m_trustedSha256;
    bool m_implicitTls = false;
    bool m_reportedFailure = false;
};

} // namespace Smtp
Q_DECLARE_METATYPE(Smtp::CertificateInfo)
