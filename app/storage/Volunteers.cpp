#include "Volunteers.h"

#include "BulkRows.h"
#include "Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using Core::Error;
using Core::Result;

namespace Storage {

QJsonObject Volunteer::toJson() const
{
    return QJsonObject{{QStringLiteral("login"), login},
                       {QStringLiteral("role"), Access::roleKey(role)},
                       {QStringLiteral("sections"), QJsonArray::fromStringList(sections)},
                       {QStringLiteral("last_seen"),
                        lastSeen.isValid() ? QJsonValue(lastSeen.toUTC().toString(Qt::ISODate)) : QJsonValue()}};
}

Result<void> Volunteers::serverOnly() const
{
    if (m_database.engine() == Engine::Postgres)
        return {};
    return Error::make(Error::Code::Invalid,
                       QCoreApplication::translate("Storage::Volunteers",
                                                   "A local member file is one person's: volunteers and their roles "
                                                   "exist for a member file on a server (carnet-cli server setup)."));
}

namespace {

// The server's refusals in words a volunteer understands (its functions raise them with these SQLSTATEs).
Error refusal(const QSqlError &error, const QString &login, const QString &context)
{
    const QString state = error.nativeErrorCode();
    auto make = [&](Error::Code code, const QString &message) {
        return Error::make(code, message, QStringLiteral("login"), state + QLatin1Char(' ') + error.databaseText());
    };
    if (error.databaseText().contains(QLatin1String("permission denied to create role")))
        return make(Error::Code::Forbidden,
                    QCoreApplication::translate("Storage::Volunteers",
                                                "The member file's owner on the server may not create logins (it "
                                                "needs the CREATEROLE right). Create the login on the server, then "
                                                "give its access without --create."));
    if (state == QLatin1String("42501"))
        return make(Error::Code::Forbidden,
                    QCoreApplication::translate("Storage::Volunteers",
                                                "Only an admin of this member file can manage its volunteers."));
    if (state == QLatin1String("42710"))
        return make(Error::Code::Conflict,
                    QCoreApplication::translate("Storage::Volunteers",
                                                "The server already has a login \"%1\": give its access without "
                                                "creating it (no --create).")
                        .arg(login));
    if (state == QLatin1String("42704"))
        return make(Error::Code::NotFound,
                    QCoreApplication::translate("Storage::Volunteers",
                                                "The server has no login \"%1\": create it with a password "
                                                "(--create --password-file FILE), or ask the server's administrator.")
                        .arg(login));
    if (state == QLatin1String("42P17"))
        return make(Error::Code::Invalid,
                    QCoreApplication::translate("Storage::Volunteers",
                                                "\"%1\" owns this member file or is a superuser of the server: it "
                                                "has every right already and cannot be limited. Give each volunteer "
                                                "a login of their own.")
                        .arg(login));
    return Database::errorFrom(error, context);
}

} // namespace

Result<QList<Volunteer>> Volunteers::list() const
{
    if (auto r = serverOnly(); !r.ok())
        return r.error();
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT login, role, array_to_json(sections), last_seen FROM carnet_volunteers()")))
        return refusal(q.lastError(), {}, QStringLiteral("volunteers"));
    QList<Volunteer> out;
    while (q.next()) {
        Volunteer v;
        v.login = q.value(0).toString();
        v.role = Access::roleFromKey(q.value(1).toString()).value_or(Role::Reader);
        v.sections = Access::sectionsFromJson(q.value(2).toString());
        v.lastSeen = QDateTime::fromString(q.value(3).toString(), Qt::ISODate);
        out.append(v);
    }
    return out;
}

Result<void> Volunteers::grant(const QString &login, Role role, const QStringList &sections,
                               const std::optional<QString> &password)
{
    if (auto r = serverOnly(); !r.ok())
        return r;
    if (login.trimmed().isEmpty() || login != login.trimmed())
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("Storage::Volunteers", "Give the volunteer's login."),
                           QStringLiteral("login"));
    if (role == Role::Owner)
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Storage::Volunteers", "A volunteer is an admin, an editor or a reader."),
            QStringLiteral("role"));
    QStringList cleaned;
    for (const QString &s : sections) {
        if (!s.trimmed().isEmpty() && !cleaned.contains(s.trimmed()))
            cleaned.append(s.trimmed());
    }
    QVariant verifier;
    if (password) {
        if (password->size() < 8)
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate("Storage::Volunteers",
                                                           "A volunteer's password needs at least 8 characters."),
                               QStringLiteral("password"));
        auto v = passwordVerifier(m_database.connection(), login, *password);
        if (!v.ok())
            return v.error();
        verifier = v.value();
    }
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT carnet_grant(?, ?, (SELECT coalesce(array_agg(value ORDER BY ordinality), "
                             "'{}') FROM json_array_elements_text(?::json) WITH ORDINALITY), ?, ?)"));
    q.addBindValue(login);
    q.addBindValue(Access::roleKey(role));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(cleaned)).toJson(QJsonDocument::Compact)));
    q.addBindValue(verifier.isValid() ? verifier : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!q.exec())
        return refusal(q.lastError(), login, QStringLiteral("grant"));
    return {};
}

Result<bool> Volunteers::revoke(const QString &login)
{
    if (auto r = serverOnly(); !r.ok())
        return r.error();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT carnet_revoke(?)"));
    q.addBindValue(login);
    if (!q.exec() || !q.next())
        return refusal(q.lastError(), login, QStringLiteral("revoke"));
    return q.value(0).toBool();
}

} // namespace Storage
