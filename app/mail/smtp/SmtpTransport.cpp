#include "SmtpTransport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>

namespace Smtp {

Core::Result<TransportFactory> SslTransport::factory(const QString &caFile, const QString &trustedSha256)
{
    QList<QSslCertificate> cas;
    if (!caFile.isEmpty()) {
        cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (cas.isEmpty())
            return Core::Error::make(
                Core::Error::Code::Invalid,
                QCoreApplication::translate("Smtp::SslTransport", "No certificate could be read from %1.").arg(caFile));
    }
    return TransportFactory([cas, trustedSha256]() -> std::unique_ptr<Transport> {
        return std::make_unique<SslTransport>(cas, trustedSha256);
    });
}

CertificateInfo SslTransport::describe(const QSslCertificate &c)
{
    CertificateInfo info;
    info.subject = c.subjectDisplayName();
    info.issuer = c.issuerDisplayName();
    info.validFrom = c.effectiveDate().toUTC().toString(Qt::ISODate);
    info.validUntil = c.expiryDate().toUTC().toString(Qt::ISODate);
    info.sha256 = QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex());
    return info;
}

SslTransport::SslTransport(QList<QSslCertificate> extraCaCertificates, QString trustedSha256, QObject *parent)
    : Transport(parent), m_socket(new QSslSocket(this)), m_extraCa(std::move(extraCaCertificates)),
      m_trustedSha256(trustedSha256.remove(QLatin1Char(':')).toLower())
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::SecureProtocols);
    if (!m_extraCa.isEmpty()) {
        QList<QSslCertificate> cas = config.caCertificates();
        cas += m_extraCa;
        config.setCaCertificates(cas);
    }
    m_socket->setSslConfiguration(config);

    connect(m_socket, &QSslSocket::connected, this, [this] {
        if (!m_implicitTls)
            Q_EMIT connected();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_implicitTls)
            Q_EMIT connected();
        else
            Q_EMIT encrypted();
    });
    connect(m_socket, &QSslSocket::readyRead, this, [this] { Q_EMIT received(m_socket->readAll()); });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        const QSslCertificate peer = m_socket->peerCertificate();
        CertificateInfo info = describe(peer);
        for (const QSslError &e : errors)
            info.errors.append(e.errorString());
        // The one certificate the user chose to trust, by its fingerprint, and nothing else.
        if (!m_trustedSha256.isEmpty() && !peer.isNull() && info.sha256 == m_trustedSha256) {
            m_socket->ignoreSslErrors(errors);
            return;
        }
        m_reportedFailure = true;
        Q_EMIT certificateRefused(info);
        Q_EMIT failed(tr("The server's certificate was refused: %1").arg(info.errors.join(QStringLiteral("; "))));
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError) {
            Q_EMIT closed();
            return;
        }
        if (!m_reportedFailure) {
            m_reportedFailure = true;
            Q_EMIT failed(m_socket->errorString());
        }
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] { Q_EMIT closed(); });
}

void SslTransport::connectToHost(const QString &host, quint16 port, bool implicitTls)
{
    m_implicitTls = implicitTls;
    m_reportedFailure = false;
    if (implicitTls)
        m_socket->connectToHostEncrypted(host, port);
    else
        m_socket->connectToHost(host, port);
}

void SslTransport::startTls()
{
    m_socket->startClientEncryption();
}

void SslTransport::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

void SslTransport::close()
{
    m_socket->disconnectFromHost();
}

bool SslTransport::isEncrypted() const
{
    return m_socket->isEncrypted();
}

} // namespace Smtp
