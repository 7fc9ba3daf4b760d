#include "Campaign.h"

#include "core/Clock.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using Core::Error;
using Core::Result;

namespace Mail {

QString Campaign::kindKey(Kind kind)
{
    return kind == Kind::Invitation ? QStringLiteral("invitation") : QStringLiteral("newsletter");
}

std::optional<Campaign::Kind> Campaign::kindFromKey(const QString &key)
{
    if (key == QLatin1String("invitation"))
        return Kind::Invitation;
    if (key == QLatin1String("newsletter"))
        return Kind::Newsletter;
    return std::nullopt;
}

bool Campaign::validAudience(const QString &audience)
{
    if (audience == QLatin1String("all") || audience == QLatin1String("never-invited") ||
        audience == QLatin1String("invited-no-answer"))
        return true;
    if (audience.startsWith(QLatin1String("report:")))
        return audience.size() > 7;
    if (audience.startsWith(QLatin1String("invited-no-answer:"))) { // a reminder: invited N days ago or more
        bool ok = false;
        return audience.mid(18).toInt(&ok) >= 0 && ok;
    }
    if (audience.startsWith(QLatin1String("member:"))) {
        bool ok = false;
        return audience.mid(7).toLongLong(&ok) > 0 && ok;
    }
    return false;
}

Campaign::Text Campaign::textFor(const QString &language) const
{
    if (!language.isEmpty() && translations.contains(language))
        return translations.value(language);
    return {subject, body};
}

QJsonObject Campaign::toJson() const
{
    QJsonArray files;
    for (const Attachment &a : attachments)
        files.append(a.fileName);
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("kind"), kindKey(kind)},
            {QStringLiteral("purpose"), purpose},
            {QStringLiteral("audience"), audience},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("from"), from.address.isEmpty() ? QJsonValue() : QJsonValue(from.address)},
            {QStringLiteral("attachments"), files},
            {QStringLiteral("batch_id"), batchId ? QJsonValue(batchId) : QJsonValue()},
            {QStringLiteral("languages"), QJsonArray::fromStringList(translations.keys())},
            {QStringLiteral("queued_at"),
             queuedAt.isValid() ? QJsonValue(queuedAt.toUTC().toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate)}};
}

namespace {

Error invalid(const QString &message, const QString &field)
{
    return Error::make(Error::Code::Invalid, message, field);
}

Campaign fromRow(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.kind = Campaign::kindFromKey(q.value(2).toString()).value_or(Campaign::Kind::Newsletter);
    c.purpose = q.value(3).toString();
    c.audience = q.value(4).toString();
    c.subject = q.value(5).toString();
    c.body = q.value(6).toString();
    c.html = q.value(7).toString();
    c.from = {q.value(8).toString(), q.value(9).toString()};
    c.batchId = q.value(10).toLongLong();
    c.createdAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODate);
    c.queuedAt = q.value(12).isNull() ? QDateTime() : QDateTime::fromString(q.value(12).toString(), Qt::ISODate);
    const QJsonObject translations = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    for (auto it = translations.begin(); it != translations.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        c.translations.insert(
            it.key(), {t.value(QStringLiteral("subject")).toString(), t.value(QStringLiteral("body")).toString()});
    }
    return c;
}

const char *const kColumns =
    "id, name, kind, purpose, audience, subject, body, html, from_name, from_address, batch_id, created_at, queued_at, "
    "translations";

} // namespace

namespace {
// The columns a campaign's author writes, in this order: name, kind, purpose, audience, subject, body, html,
// from_name, from_address, translations.
void bindFields(QSqlQuery &q, const Campaign &c)
{
    q.addBindValue(c.name);
    q.addBindValue(Campaign::kindKey(c.kind));
    q.addBindValue(c.purpose);
    q.addBindValue(c.audience);
    q.addBindValue(c.subject);
    q.addBindValue(c.body);
    q.addBindValue(c.html.isEmpty() ? QVariant() : QVariant(c.html));
    q.addBindValue(c.from.name.isEmpty() ? QVariant() : QVariant(c.from.name));
    q.addBindValue(c.from.address.isEmpty() ? QVariant() : QVariant(c.from.address));
    QJsonObject translations;
    for (auto it = c.translations.cbegin(); it != c.translations.cend(); ++it)
        translations.insert(it.key(), QJsonObject{{QStringLiteral("subject"), it.value().subject},
                                                  {QStringLiteral("body"), it.value().body}});
    q.addBindValue(translations.isEmpty()
                       ? QVariant()
                       : QVariant(QString::fromUtf8(QJsonDocument(translations).toJson(QJsonDocument::Compact))));
}
} // namespace

Result<void> CampaignRepository::validate(Campaign &c) const
{
    c.name = c.name.trimmed();
    c.subject = c.subject.trimmed();
    if (c.name.isEmpty())
        return invalid(QCoreApplication::translate("Mail::Campaign", "The campaign needs a name."),
                       QStringLiteral("name"));
    if (c.subject.isEmpty())
        return invalid(QCoreApplication::translate("Mail::Campaign", "The message needs a subject."),
                       QStringLiteral("subject"));
    if (c.body.trimmed().isEmpty() && c.html.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("Mail::Campaign", "The message has no text."),
                       QStringLiteral("body"));
    if (!Campaign::validAudience(c.audience))
        return invalid(
            QCoreApplication::translate(
                "Mail::Campaign",
                "The audience is all, never-invited, invited-no-answer[:DAYS], report:NAME or member:ID, not "
                "\"%1\".")
                .arg(c.audience.left(60)),
            QStringLiteral("audience"));
    // Two campaigns of the same name cannot be told apart in the list, the summary or the statistics.
    QSqlQuery same(m_database.connection());
    same.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE name = ? AND id <> ?"));
    same.addBindValue(c.name);
    same.addBindValue(c.id);
    if (auto e = Storage::exec(same, QStringLiteral("campaign name")); !e.ok())
        return e;
    if (same.next())
        return invalid(
            QCoreApplication::translate("Mail::Campaign", "A campaign is already called \"%1\": choose another name.")
                .arg(c.name.left(60)),
            QStringLiteral("name"));
    return {};
}

Result<qint64> CampaignRepository::create(Campaign c)
{
    c.id = 0;
    if (auto v = validate(c); !v.ok())
        return v.error();
    qint64 id = 0;
    auto written = m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("INSERT INTO campaigns (name, kind, purpose, audience, subject, body, html, "
                                 "from_name, from_address, translations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?) RETURNING id"));
        bindFields(q, c);
        q.addBindValue(m_clock.now().toUTC().toString(Qt::ISODate));
        if (!q.exec()) {
            // The purpose is a foreign key: an unknown one is the user's mistake, said plainly.
            if (Storage::violation(q.lastError()) == Storage::Violation::ForeignKey)
                return invalid(QCoreApplication::translate("Mail::Campaign", "There is no consent purpose \"%1\".")
                                   .arg(c.purpose.left(60)),
                               QStringLiteral("purpose"));
            return Storage::Database::errorFrom(q.lastError(), QStringLiteral("campaign"));
        }
        id = Storage::returnedId(q);
        c.id = id;
        return writeAttachments(c);
    });
    if (!written.ok())
        return written.error();
    return id;
}

Result<void> CampaignRepository::writeAttachments(const Campaign &c)
{
    QSqlQuery f(m_database.connection());
    f.prepare(QStringLiteral("DELETE FROM campaign_attachments WHERE campaign_id = ?"));
    f.addBindValue(c.id);
    if (auto e = Storage::exec(f, QStringLiteral("attachments")); !e.ok())
        return e;
    for (const Attachment &a : std::as_const(c.attachments)) {
        f.prepare(QStringLiteral("INSERT INTO campaign_attachments (campaign_id, file_name, content_type, data) "
                                 "VALUES (?, ?, ?, ?)"));
        f.addBindValue(c.id);
        f.addBindValue(a.fileName);
        f.addBindValue(QString::fromLatin1(a.contentType));
        f.addBindValue(a.data);
        if (auto e = Storage::exec(f, QStringLiteral("attachment")); !e.ok())
            return e;
    }
    return {};
}

Result<void> CampaignRepository::update(Campaign c)
{
    if (auto v = validate(c); !v.ok())
        return v;
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE campaigns SET name = ?, kind = ?, purpose = ?, audience = ?, subject = ?, "
                                 "body = ?, html = ?, from_name = ?, from_address = ?, translations = ? WHERE id = ? "
                                 "AND queued_at IS NULL"));
        bindFields(q, c);
        q.addBindValue(c.id);
        if (auto e = Storage::exec(q, QStringLiteral("campaign")); !e.ok())
            return e;
        if (q.numRowsAffected() == 0)
            return invalid(QCoreApplication::translate("Mail::Campaign",
                                                       "This campaign's messages are already queued: it can no longer "
                                                       "be changed: write a new campaign instead."),
                           QStringLiteral("id"));
        return writeAttachments(c);
    });
}

QString CampaignRepository::freeName(const QString &base) const
{
    QString name = base.trimmed();
    for (int n = 2; n < 1000; ++n) {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE name = ?"));
        q.addBindValue(name);
        if (!q.exec() || !q.next())
            return name;
        name = QStringLiteral("%1 (%2)").arg(base.trimmed()).arg(n);
    }
    return name;
}

Result<Campaign> CampaignRepository::find(qint64 id, Parts parts) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (auto e = Storage::exec(q, QStringLiteral("campaign")); !e.ok())
        return e.error();
    if (!q.next())
        return Error::make(Error::Code::NotFound,
                           QCoreApplication::translate("Mail::Campaign", "There is no campaign %1.").arg(id));
    Campaign c = fromRow(q);
    if (parts == Parts::WithoutAttachments)
        return c;
    QSqlQuery f(m_database.connection());
    f.prepare(QStringLiteral(
        "SELECT file_name, content_type, data FROM campaign_attachments WHERE campaign_id = ? ORDER BY id"));
    f.addBindValue(id);
    if (auto e = Storage::exec(f, QStringLiteral("attachments")); !e.ok())
        return e.error();
    while (f.next())
        c.attachments.append({f.value(0).toString(), f.value(1).toString().toLatin1(), f.value(2).toByteArray()});
    return c;
}

Result<QList<Campaign>> CampaignRepository::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM campaigns ORDER BY id DESC").arg(QLatin1String(kColumns))))
        return Storage::Database::errorFrom(q.lastError(), QStringLiteral("campaigns"));
    QList<Campaign> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<void> CampaignRepository::setBatch(qint64 campaignId, qint64 batchId)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE campaigns SET batch_id = ? WHERE id = ?"));
        q.addBindValue(batchId);
        q.addBindValue(campaignId);
        return Storage::exec(q, QStringLiteral("campaign batch"));
    });
}

Result<void> CampaignRepository::setQueued(qint64 campaignId, qint64 batchId)
{
    return m_database.write([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE campaigns SET batch_id = ?, queued_at = ? WHERE id = ?"));
        q.addBindValue(batchId);
        q.addBindValue(m_clock.now().toUTC().toString(Qt::ISODate));
        q.addBindValue(campaignId);
        return Storage::exec(q, QStringLiteral("campaign queued"));
    });
}

Result<qint64> CampaignRepository::idForBatch(qint64 batchId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id FROM campaigns WHERE batch_id = ?"));
    q.addBindValue(batchId);
    if (auto e = Storage::exec(q, QStringLiteral("campaign of batch")); !e.ok())
        return e.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace Mail
