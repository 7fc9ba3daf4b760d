#include "KeychainCredentialStore.h"

#include <qt6keychain/keychain.h>

namespace Settings {

namespace {
const QString kService = QStringLiteral("Carnet");
}

void KeychainCredentialStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(done);
        Q_EMIT readDone(key, read->error() ? QString() : read->textData(),
                        read->error() ? read->errorString() : QString());
    });
    job->start();
}

void KeychainCredentialStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        Q_EMIT writeDone(key, done->error() ? done->errorString() : QString());
    });
    job->start();
}

void KeychainCredentialStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace Settings
