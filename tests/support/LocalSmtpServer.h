#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

// Debian's aiosmtpd on 127.0.0.1 (tests/integration/smtp_server.py), saving each accepted message in a
// folder as NNNNN.eml with its envelope in NNNNN.json. AUTH user "bureau", password "s3cr3t é".
class LocalSmtpServer
{
public:
    ~LocalSmtpServer() { stop(); }

    // aiosmtpd comes from Debian: the system interpreter, not a user's pyenv one.
    static QString python()
    {
        return QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                 : QStringLiteral("python3");
    }

    // `mode`: plain, starttls or tls (the last two need the certificate and key); `delay`: seconds a message.
    bool start(const QString &mode, const QString &out, const QString &cert = {}, const QString &key = {},
               double delay = 0)
    {
        m_out = out;
        QDir().mkpath(out);
        QStringList args{QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/smtp_server.py"),
                         QStringLiteral("--mode"),
                         mode,
                         QStringLiteral("--out"),
                         out,
                         QStringLiteral("--user"),
                         QStringLiteral("bureau"),
                         QStringLiteral("--password"),
                         QStringLiteral("s3cr3t é"),
                         QStringLiteral("--delay"),
                         QString::number(delay)};
        if (!cert.isEmpty())
            args << QStringLiteral("--cert") << cert << QStringLiteral("--key") << key;
        m_server = new QProcess;
        m_server->setProcessChannelMode(QProcess::SeparateChannels);
        m_server->start(python(), args);
        if (!m_server->waitForStarted(10000))
            return false;
        QByteArray line;
        while (!line.contains('\n') && m_server->waitForReadyRead(15000))
            line += m_server->readAllStandardOutput();
        if (!line.startsWith("PORT ")) {
            qWarning("server did not start: %s %s", line.constData(), m_server->readAllStandardError().constData());
            return false;
        }
        m_port = line.mid(5).trimmed().toInt();
        return m_port > 0;
    }

    void stop()
    {
        if (!m_server)
            return;
        m_server->closeWriteChannel(); // the server stops when its input closes
        if (!m_server->waitForFinished(10000))
            m_server->kill();
        delete m_server;
        m_server = nullptr;
    }

    int port() const { return m_port; }

    // The messages accepted so far, in order.
    QStringList messages() const
    {
        QStringList out;
        for (const QString &f : QDir(m_out).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
            out.append(QDir(m_out).filePath(f));
        return out;
    }

    // The RCPT of every message accepted so far.
    QStringList received() const { return receivedIn(m_out); }

    // The same for any of the test servers that save NNNNN.json envelopes in `dir` (smtp_faults.py too).
    static QStringList receivedIn(const QString &dir)
    {
        QStringList out;
        for (const QString &f : QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile file(QDir(dir).filePath(f));
            if (file.open(QIODevice::ReadOnly))
                for (const QJsonValue &v :
                     QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("to")).toArray())
                    out.append(v.toString());
        }
        return out;
    }

private:
    QProcess *m_server = nullptr;
    QString m_out;
    int m_port = 0;
};
