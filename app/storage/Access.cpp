#include "Access.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Storage {

QString Access::roleKey(Role role)
{
    switch (role) {
    case Role::Owner: return QStringLiteral("owner");
    case Role::Admin: return QStringLiteral("admin");
    case Role::Editor: return QStringLiteral("editor");
    case Role::Reader: return QStringLiteral("reader");
    }
    return {};
}

std::optional<Role> Access::roleFromKey(const QString &key)
{
    for (Role r : {Role::Owner, Role::Admin, Role::Editor, Role::Reader}) {
        if (roleKey(r) == key)
            return r;
    }
    return std::nullopt;
}

QStringList Access::sectionsFromJson(const QString &json)
{
    QStringList out;
    const QJsonArray sections = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &s : sections)
        out.append(s.toString());
    return out;
}

QString Access::roleLabel(Role role)
{
    switch (role) {
    case Role::Owner: return QCoreApplication::translate("Storage::Access", "owner");
    case Role::Admin: return QCoreApplication::translate("Storage::Access", "admin");
    case Role::Editor: return QCoreApplication::translate("Storage::Access", "editor");
    case Role::Reader: return QCoreApplication::translate("Storage::Access", "reader");
    }
    return {};
}

QString Access::describe() const
{
    if (limited())
        return QCoreApplication::translate("Storage::Access", "%1 — %2, sections %3")
            .arg(login, roleLabel(role), sections.join(QStringLiteral(", ")));
    return QCoreApplication::translate("Storage::Access", "%1 — %2").arg(login, roleLabel(role));
}

QString Access::needEditor() const
{
    return QCoreApplication::translate("Storage::Access",
                                       "%1 is a reader of this member file: it can look, search and run reports, not "
                                       "change anything, export lists for mailing or send. An admin can change that.")
        .arg(login);
}

QString Access::needAdmin() const
{
    return QCoreApplication::translate("Storage::Access",
                                       "Only an admin of this member file can do this (%1 is %2). The organisation, "
                                       "the purposes, the sending account, the mailbox and the volunteers are theirs.")
        .arg(login, roleLabel(role));
}

QString Access::outsideSections(const QString &section) const
{
    if (section.isEmpty())
        return QCoreApplication::translate("Storage::Access",
                                           "%1 may only add or change members of the sections %2: give this member "
                                           "one of them.")
            .arg(login, sections.join(QStringLiteral(", ")));
    return QCoreApplication::translate("Storage::Access",
                                       "%1 may only add or change members of the sections %2, not of \"%3\".")
        .arg(login, sections.join(QStringLiteral(", ")), section);
}

} // namespace Storage
