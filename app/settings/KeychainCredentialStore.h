#pragma once

#include "CredentialStore.h"

namespace Settings {

// The system keychain through Debian's QtKeychain (Secret Service on Linux, the Keychain on macOS, the
// Credential Store on Windows). Its "insecure fallback" to a plain file stays off: without a keychain,
// reads and writes fail with the reason, and the caller keeps the secret for the session only.
// Built into its own library (carnet_keychain) so that carnet_core stays QtCore, Sql and Network only.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(QObject *parent = nullptr) : CredentialStore(parent) {}
    void read(const QString &key) override;
    void write(const QString &key, const QString &secret) override;
    void remove(const QString &key) override;
    bool isPersistent() const override { return true; }
};

} // namespace Settings
