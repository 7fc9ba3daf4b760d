#include "CredentialStore.h"

#include <QCoreApplication>
#include <QTimer>

namespace Settings {

void MemoryCredentialStore::read(const QString &key)
{
    const auto it = m_secrets.constFind(key);
    const QString secret = it == m_secrets.cend() ? QString() : it.value();
    const QString error =
        it == m_secrets.cend()
            ? QCoreApplication::translate("Settings::CredentialStore", "No password is kept for %1.").arg(key)
            : QString();
    QTimer::singleShot(0, this, [this, key, secret, error] { Q_EMIT readDone(key, secret, error); });
}

void MemoryCredentialStore::write(const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
    QTimer::singleShot(0, this, [this, key] { Q_EMIT writeDone(key, QString()); });
}

void MemoryCredentialStore::remove(const QString &key)
{
    m_secrets.remove(key);
}

} // namespace Settings
