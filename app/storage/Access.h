#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Storage {

// What the person connected may do with the member file. A local file is its user's own (Owner). On a
// server each volunteer has a login with a role and, optionally, sections; the server enforces them itself
// (grants and row-level security, schema version 8), and this is what the window and the command line
// read to hide what would be refused and to say why.
enum class Role { Owner, Admin, Editor, Reader };

struct Access
{
    QString login; // the server login, or the local user's name
    Role role = Role::Owner;
    QStringList sections; // empty: every member

    bool canEdit() const { return role != Role::Reader; }
    bool canAdminister() const { return role == Role::Owner || role == Role::Admin; }
    bool limited() const { return !sections.isEmpty(); }
    bool sees(const QString &section) const { return !limited() || sections.contains(section); }

    static QString roleKey(Role role); // "owner", "admin", "editor", "reader"
    static std::optional<Role> roleFromKey(const QString &key);
    static QString roleLabel(Role role); // translated
    // A server's text[] of sections as array_to_json gives it ("[\"Nord\",\"Sud\"]").
    static QStringList sectionsFromJson(const QString &json);
    // One line for the status bar: "ana — editor, sections Nord, Sud".
    QString describe() const;
    // Why an action is refused, for a tooltip or an error message (translated).
    QString needEditor() const;
    QString needAdmin() const;
    // A member added or moved outside the caller's sections.
    QString outsideSections(const QString &section) const;
};

} // namespace Storage
