#pragma once

#include "Access.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Storage {

class Database;

struct Volunteer
{
    QString login;
    Role role = Role::Reader;
    QStringList sections; // empty: every member
    QDateTime lastSeen;   // invalid: never connected since given access

    QJsonObject toJson() const; // {"login", "role", "sections", "last_seen"}
};

// The volunteers of a member file on a server: who may connect with which role and sections. Every change
// goes through the server's own functions (schema version 8), which check that the caller is an admin and
// grant the login exactly its role's rights; a local file has no volunteers.
class Volunteers
{
public:
    explicit Volunteers(Database &database) : m_database(database) {}

    Core::Result<QList<Volunteer>> list() const;
    // Gives `login` the role and sections (replacing what it had). With a password, the login is created
    // first (the server's owner needs the CREATEROLE right); the password goes as a verifier, never in clear.
    Core::Result<void> grant(const QString &login, Role role, const QStringList &sections,
                             const std::optional<QString> &password = std::nullopt);
    // Takes every right away (the login itself stays on the server). False when it was not a volunteer.
    Core::Result<bool> revoke(const QString &login);

private:
    Core::Result<void> serverOnly() const;
    Database &m_database;
};

} // namespace Storage
