#pragma once

#include "MimeMessage.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Core {
class Clock;
}
namespace Storage {
class Database;
}

namespace Mail {

// An invitation or a newsletter: who it is for (audience, purpose), what it says (subject and Markdown body
// with merge fields, or pasted HTML), who sends it, and its outbox batch once sending has begun.
struct Campaign
{
    enum class Kind { Invitation, Newsletter };

    qint64 id = 0;
    QString name;
    Kind kind = Kind::Newsletter;
    QString purpose;  // a consent purpose key
    QString audience; // "all", "never-invited", "invited-no-answer", "report:NAME", "member:ID"
    QString subject;
    QString body; // Markdown
    QString html; // pasted HTML instead of the Markdown's, when not empty
    Mailbox from; // empty address: the sending account's
    QList<Attachment> attachments;
    // The same message in other languages ("en", "fr"): members whose language is one of them get it.
    struct Text
    {
        QString subject;
        QString body;
    };
    QMap<QString, Text> translations;
    qint64 batchId = 0;
    QDateTime createdAt;
    QDateTime queuedAt; // when its audience was resolved and its messages queued; null: not yet

    // The subject and body for a member of this language.
    Text textFor(const QString &language) const;

    static QString kindKey(Kind kind); // "invitation", "newsletter"
    static std::optional<Kind> kindFromKey(const QString &key);
    static bool validAudience(const QString &audience);
    QJsonObject toJson() const; // without the attachments' bytes
};

class CampaignRepository
{
public:
    CampaignRepository(Storage::Database &database, const Core::Clock &clock) : m_database(database), m_clock(clock) {}

    // Checks the fields (name, subject, body, kind, audience) and stores it with its attachments.
    Core::Result<qint64> create(Campaign campaign);
    // A draft changed (name, texts, audience, attachments…): refused once its messages are queued.
    Core::Result<void> update(Campaign campaign);
    // `base`, or "base (2)", "base (3)"…: a name no campaign has yet (names tell campaigns apart).
    QString freeName(const QString &base) const;
    // The attachments' bytes (up to 10 MB) only when the messages are to be composed.
    enum class Parts { All, WithoutAttachments };
    Core::Result<Campaign> find(qint64 id, Parts parts = Parts::All) const;
    Core::Result<QList<Campaign>> list() const; // newest first, without the attachments
    Core::Result<void> setBatch(qint64 campaignId, qint64 batchId);
    Core::Result<void> setQueued(qint64 campaignId, qint64 batchId); // the batch, and now as queued_at
    Core::Result<qint64> idForBatch(qint64 batchId) const;           // 0: the batch is not a campaign's

private:
    Core::Result<void> validate(Campaign &campaign) const;
    Core::Result<void> writeAttachments(const Campaign &campaign);

private:
    Storage::Database &m_database;
    const Core::Clock &m_clock;
};

} // namespace Mail
