#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace Settings {

// Where secrets (the SMTP password) live: the system keychain when there is one, otherwise this
// session's memory — never a settings file. Asynchronous like the keychains it wraps: read() and
// write() answer through readDone() and writeDone(), never inside the call.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void read(const QString &key) = 0;
    virtual void write(const QString &key, const QString &secret) = 0;
    virtual void remove(const QString &key) = 0;
    virtual bool isPersistent() const = 0; // false: forgotten when Carnet quits

    // The key under which an SMTP account's password is kept.
    static QString smtpKey(const QString &user, const QString &host)
    {
        return QStringLiteral("smtp:%1@%2").arg(user, host);
    }

Q_SIGNALS:
    void readDone(const QString &key, const QString &secret, const QString &error); // error empty: found
    void writeDone(const QString &key, const QString &error);
};

// This session only.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    using CredentialStore::CredentialStore;
    void read(const QString &key) override;
    void write(const QString &key, const QString &secret) override;
    void remove(const QString &key) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Settings
