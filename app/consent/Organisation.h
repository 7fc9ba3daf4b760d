#pragma once

#include "Consent.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace Storage {
class SettingsRepository;
}

namespace Consent {

// Who sends: every message carries the name, the postal address and a contact (CASL), and the
// jurisdiction decides which default lawful bases apply. Kept in the database's settings table, so
// every computer sharing the file sends as the same organisation.
struct Organisation
{
    QString name;
    QString address; // postal address, several lines allowed
    QString email;
    QString phone;
    QString website;
    QString unsubscribeUrl; // an HTTPS page that takes ?t=TOKEN (one-click unsubscribe), or empty
    Jurisdiction jurisdiction = Jurisdiction::Both; // until told otherwise, the stricter rules

    bool isComplete() const { return !name.isEmpty() && !address.isEmpty() && !email.isEmpty(); }
    QJsonObject toJson() const;

    static Core::Result<Organisation> load(const Storage::SettingsRepository &settings);
    // Checks the rules (name, address and a valid contact email are required) before writing.
    static Core::Result<void> save(Storage::SettingsRepository &settings, const Organisation &organisation);
    static Core::Result<void> validate(const Organisation &organisation);
};

} // namespace Consent
