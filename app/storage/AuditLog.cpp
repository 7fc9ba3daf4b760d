#include "AuditLog.h"

#include "Database.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Storage {

QJsonObject AuditEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("at"), at.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("actor"), actor.isNull() ? QJsonValue() : QJsonValue(actor)},
                       {QStringLiteral("action"), action},
                       {QStringLiteral("member"), memberId ? QJsonValue(memberId) : QJsonValue()},
                       {QStringLiteral("details"), details}};
}

QString AuditEntry::actionLabel() const
{
    if (action == QLatin1String("consent.grant"))
        return QCoreApplication::translate("Storage::AuditLog", "Consent recorded");
    if (action == QLatin1String("consent.withdraw"))
        return QCoreApplication::translate("Storage::AuditLog", "Withdrawal recorded");
    if (action == QLatin1String("consent.bulk-grant"))
        return QCoreApplication::translate("Storage::AuditLog", "Consent recorded for a selection");
    if (action == QLatin1String("suppression.lift"))
        return QCoreApplication::translate("Storage::AuditLog", "Address allowed again");
    if (action == QLatin1String("member.export"))
        return QCoreApplication::translate("Storage::AuditLog", "Member's data exported");
    if (action == QLatin1String("member.erase"))
        return QCoreApplication::translate("Storage::AuditLog", "Member erased");
    if (action == QLatin1String("member.delete"))
        return QCoreApplication::translate("Storage::AuditLog", "Member deleted");
    if (action == QLatin1String("import.consent"))
        return QCoreApplication::translate("Storage::AuditLog", "Consent read from an import");
    if (action == QLatin1String("export"))
        return QCoreApplication::translate("Storage::AuditLog", "List exported");
    return action;
}

QString AuditEntry::summary() const
{
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString()
                             : v.isArray()
                                 ? QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
                                 : v.toVariant().toString();
        parts.append(it.key() + QStringLiteral(": ") + text);
    }
    return parts.join(QStringLiteral(", "));
}

Core::Result<void> AuditLog::append(const QString &action, qint64 memberId, const QJsonObject &details,
                                    const QString &actor)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, member_id, details) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(m_clock.now().toUTC().toString(Qt::ISODate));
    q.addBindValue(actor.isEmpty() ? m_database.access().login : actor);
    q.addBindValue(action);
    q.addBindValue(memberId ? QVariant(memberId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    return exec(q, QStringLiteral("audit entry"));
}

Core::Result<QList<AuditEntry>> AuditLog::list(qint64 memberId, const QString &actor) const
{
    QSqlQuery q(m_database.connection());
    Storage::streamRows(q);
    QStringList where;
    if (memberId)
        where.append(QStringLiteral("member_id = ?"));
    if (!actor.isEmpty())
        where.append(QStringLiteral("actor = ?"));
    q.prepare(QStringLiteral("SELECT id, at, actor, action, member_id, details FROM audit_log %1 ORDER BY id DESC")
                  .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))));
    if (memberId)
        q.addBindValue(memberId);
    if (!actor.isEmpty())
        q.addBindValue(actor);
    if (auto r = exec(q, QStringLiteral("audit log")); !r.ok())
        return r.error();
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODate);
        e.actor = q.value(2).toString();
        e.action = q.value(3).toString();
        e.memberId = q.value(4).toLongLong();
        e.details = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        out.append(e);
    }
    return out;
}

Core::Result<QStringList> AuditLog::actors() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT DISTINCT actor FROM audit_log WHERE actor IS NOT NULL ORDER BY actor"));
    if (auto r = exec(q, QStringLiteral("audit actors")); !r.ok())
        return r.error();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QString AuditLog::currentUser()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
    return QDir::home().dirName(); // a sandbox without those variables still has a home folder
}

} // namespace Storage
