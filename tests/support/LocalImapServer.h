#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <unistd.h>

// Debian's Dovecot (dovecot-imapd) in the foreground, configured in a temporary folder: maildir, one
// passwd-file user, a self-signed certificate for 127.0.0.2, `ssl = required`. It listens on 127.0.0.2 —
// not 127.0.0.1, which Dovecot treats as already secure — so that it really announces LOGINDISABLED before
// STARTTLS. Its login process refuses root: when the tests run as root, its internal users (and the
// mail's owner) are `nobody`. Stopped (and its children with it) when the object goes.
class LocalImapServer
{
public:
    static QString user() { return QStringLiteral("bureau@amis-du-jardin.fr"); }
    static QString password() { return QStringLiteral("s3cr3t é"); }

    ~LocalImapServer() { stop(); }

    static QString python()
    {
        return QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                 : QStringLiteral("python3");
    }

    bool start(const QString &dir)
    {
        m_dir = QDir(dir).absolutePath();
        QDir().mkpath(m_dir + QStringLiteral("/run"));
        QDir().mkpath(m_dir + QStringLiteral("/state"));
        QDir().mkpath(m_dir + QStringLiteral("/home"));
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::ForwardedOutputChannel); // its progress dots stay quiet
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       m_dir + QStringLiteral("/key.pem"), QStringLiteral("-out"), certificate(),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.2,DNS:localhost"), QStringLiteral("-days"),
                       QStringLiteral("2")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            return false;
        QFile users(m_dir + QStringLiteral("/users"));
        if (!users.open(QIODevice::WriteOnly))
            return false;
        users.write((user() + QStringLiteral(":{PLAIN}") + password() + QStringLiteral("::::\n")).toUtf8());
        users.close();
        m_port = freePort();
        m_tlsPort = freePort();
        const bool root = ::getuid() == 0;
        const QString who = root ? QStringLiteral("nobody") : QString::fromLocal8Bit(qgetenv("USER"));
        if (root) {
            // Dovecot's unprivileged processes must reach the folder (a QTemporaryDir is 0700).
            const QFileDevice::Permissions open =
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
            QFile::setPermissions(m_dir, open);
            QFile::setPermissions(QFileInfo(m_dir).absolutePath(), open);
        }
        if (root)
            QProcess::execute(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"),
                                                        m_dir + QStringLiteral("/home")});
        QString conf =
            QStringLiteral("protocols = imap\n"
                           "listen = 127.0.0.2\n"
                           "base_dir = %1/run\n"
                           "state_dir = %1/state\n"
                           "log_path = %1/dovecot.log\n"
                           "ssl = required\n"
                           "ssl_cert = <%1/cert.pem\n"
                           "ssl_key = <%1/key.pem\n"
                           "disable_plaintext_auth = yes\n"
                           "auth_mechanisms = plain login\n"
                           "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u %1/users\n}\n"
                           "mail_location = maildir:~/Maildir\n"
                           "service imap-login {\n"
                           "  inet_listener imap {\n    address = 127.0.0.2\n    port = %2\n  }\n"
                           "  inet_listener imaps {\n    address = 127.0.0.2\n    port = %3\n    ssl = yes\n  }\n"
                           "}\n")
                .arg(m_dir)
                .arg(m_port)
                .arg(m_tlsPort);
        if (root) {
            conf += QStringLiteral("default_internal_user = nobody\ndefault_internal_group = nogroup\n"
                                   "default_login_user = nobody\n"
                                   "userdb {\n  driver = static\n  args = uid=nobody gid=nogroup home=%1/home/%u\n}\n")
                        .arg(m_dir);
        } else {
            // Rootless: every process as the test's own user, no chroot.
            conf += QStringLiteral("default_internal_user = %2\ndefault_internal_group = %3\ndefault_login_user = %2\n"
                                   "userdb {\n  driver = static\n  args = uid=%4 gid=%5 home=%1/home/%u\n}\n"
                                   "service imap-login {\n  chroot =\n}\nservice anvil {\n  chroot =\n}\n"
                                   "service auth-worker {\n  user = %2\n}\n")
                        .arg(m_dir, who, groupName())
                        .arg(::getuid())
                        .arg(::getgid());
        }
        conf += QStringLiteral("service stats {\n  unix_listener stats-reader {\n    mode = 0600\n  }\n"
                               "  unix_listener stats-writer {\n    mode = 0600\n  }\n}\n");
        QFile file(m_dir + QStringLiteral("/dovecot.conf"));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(conf.toUtf8());
        file.close();
        m_process = new QProcess;
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(QStringLiteral("/usr/sbin/dovecot"),
                         {QStringLiteral("-F"), QStringLiteral("-c"), m_dir + QStringLiteral("/dovecot.conf")});
        if (!m_process->waitForStarted(10000))
            return false;
        // Ready when it accepts a connection.
        const bool up = QTest::qWaitFor(
            [this] {
                QTcpSocket s;
                s.connectToHost(QStringLiteral("127.0.0.2"), m_port);
                return s.waitForConnected(200);
            },
            10000);
        if (!up)
            qWarning("dovecot did not start: %s %s", m_process->readAll().constData(), qPrintable(log()));
        return up;
    }

    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate(); // the master stops its children
        if (!m_process->waitForFinished(10000))
            m_process->kill();
        delete m_process;
        m_process = nullptr;
    }

    quint16 port() const { return m_port; }       // STARTTLS
    quint16 tlsPort() const { return m_tlsPort; } // TLS from the start
    QString certificate() const { return m_dir + QStringLiteral("/cert.pem"); }
    QString log() const
    {
        QFile f(m_dir + QStringLiteral("/dovecot.log"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    // tests/support/imap_tool.py against this server: append, list (JSON of folders → messages and flags).
    QByteArray tool(const QStringList &arguments) const
    {
        QProcess p;
        p.start(python(),
                QStringList{QStringLiteral(CARNET_SOURCE_DIR "/tests/support/imap_tool.py"), QStringLiteral("--port"),
                            QString::number(m_port), QStringLiteral("--cafile"), certificate(),
                            QStringLiteral("--user"), user(), QStringLiteral("--password"), password()} +
                    arguments);
        p.waitForFinished(60000);
        if (p.exitCode() != 0)
            qWarning("imap_tool.py failed: %s", p.readAllStandardError().constData());
        return p.readAllStandardOutput();
    }

private:
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0);
        return probe.serverPort();
    }
    static QString groupName()
    {
        QProcess p;
        p.start(QStringLiteral("id"), {QStringLiteral("-gn")});
        p.waitForFinished();
        return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    }

    QString m_dir;
    QProcess *m_process = nullptr;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};
