#include "mail/MailboxRunner.h"

#include <QCoreApplication>
#include <QJsonArray>

using Core::Error;
using Core::Result;

namespace Mail {

QJsonObject MailboxRunSummary::toJson() const
{
    QJsonObject byAction;
    for (auto it = actions.begin(); it != actions.end(); ++it)
        byAction.insert(it.key(), it.value());
    QJsonArray messages;
    for (const ReturnRecord &r : records)
        messages.append(r.toJson());
    return QJsonObject{{QStringLiteral("seen"), seen},
                       {QStringLiteral("read"), read},
                       {QStringLiteral("already_known"), alreadyKnown},
                       {QStringLiteral("left"), left},
                       {QStringLiteral("moved"), moved},
                       {QStringLiteral("move_supported"), moveSupported},
                       {QStringLiteral("actions"), byAction},
                       {QStringLiteral("messages"), messages}};
}

MailboxRunner::MailboxRunner(MailboxAccount account, QString password, TransportFactory transports,
                             ReturnedMailService &service, QObject *parent)
    : QObject(parent), m_account(std::move(account)), m_password(std::move(password)),
      m_transports(std::move(transports)), m_service(service)
{}

MailboxRunner::~MailboxRunner() = default;

QStringList MailboxRunner::protocolLog() const
{
    return m_session ? m_session->protocolLog() : m_log;
}

void MailboxRunner::run()
{
    begin(Mode::Run);
}

void MailboxRunner::test()
{
    begin(Mode::Test);
}

void MailboxRunner::moveBack(const ReturnRecord &record)
{
    m_back = record;
    if (record.movedTo.isEmpty() || record.movedUid == 0) {
        // Never moved (or the server did not say where it went): nothing to put back.
        QMetaObject::invokeMethod(
            this, [this] { finish(m_summary); }, Qt::QueuedConnection);
        return;
    }
    begin(Mode::MoveBack);
}

void MailboxRunner::fetch(const MailboxPlace &place)
{
    m_wanted = place;
    begin(Mode::Fetch);
}

QString MailboxRunner::serverName(const QString &folder) const
{
    QString name = folder;
    if (m_session && m_session->delimiter() != QLatin1String("/"))
        name.replace(QLatin1Char('/'), m_session->delimiter());
    return name;
}

void MailboxRunner::begin(Mode mode)
{
    m_mode = mode;
    m_session = std::make_unique<Imap::Session>(m_account.sessionSettings(m_password), m_transports());
    connect(m_session.get(), &Imap::Session::ready, this, &MailboxRunner::afterLogin);
    connect(m_session.get(), &Imap::Session::failed, this,
            [this](const QString &message) { finish(Error::make(Error::Code::Connection, message)); });
    connect(m_session.get(), &Imap::Session::certificateRefused, this, &MailboxRunner::certificateRefused);
    m_session->start();
}

void MailboxRunner::afterLogin()
{
    m_session->list([this](const Result<QStringList> &folders) {
        if (!folders.ok()) {
            finish(folders.error());
            return;
        }
        const QString processed = serverName(m_account.processedFolder);
        auto select = [this](const QString &name) {
            m_session->select(name, [this](const Result<Imap::SelectedFolder> &selected) {
                if (!selected.ok())
                    finish(selected.error());
                else
                    afterSelect(selected.value());
            });
        };
        if (m_mode == Mode::MoveBack) {
            select(processed);
            return;
        }
        if (m_mode == Mode::Fetch) {
            select(serverName(m_wanted.folder));
            return;
        }
        if (m_mode == Mode::Run && !folders.value().contains(processed)) {
            m_session->create(processed, [this, select](const Result<void> &created) {
                if (!created.ok())
                    finish(created.error());
                else
                    select(serverName(m_account.folder));
            });
            return;
        }
        select(serverName(m_account.folder));
    });
}

void MailboxRunner::afterSelect(const Imap::SelectedFolder &folder)
{
    m_uidValidity = folder.uidValidity;
    if (m_mode == Mode::MoveBack) {
        // The folder's UIDs must be the ones recorded; the message may also have been moved by a person.
        m_session->uidMove({m_back.movedUid}, serverName(m_back.place.folder),
                           [this](const Result<QMap<quint32, quint32>> &moved) {
                               if (!moved.ok()) {
                                   finish(moved.error());
                                   return;
                               }
                               m_summary.moved = 1;
                               m_session->logout([this](const Result<void> &) { finish(m_summary); });
                           });
        return;
    }
    if (m_mode == Mode::Fetch) {
        if (folder.uidValidity != m_wanted.uidValidity) {
            finish(Error::make(Error::Code::NotFound,
                               QCoreApplication::translate("Mail::MailboxRunner",
                                                           "The folder %1 was renumbered by the server since the "
                                                           "message was read: look for it in your mail program.")
                                   .arg(m_wanted.folder)));
            return;
        }
        auto found = std::make_shared<QByteArray>();
        m_session->uidFetch(
            {m_wanted.uid}, [found](const Imap::FetchedMessage &m) { *found = m.bytes; },
            [this, found](const Result<void> &done) {
                if (!done.ok()) {
                    finish(done.error());
                    return;
                }
                if (found->isEmpty()) {
                    finish(Error::make(Error::Code::NotFound,
                                       QCoreApplication::translate("Mail::MailboxRunner",
                                                                   "The message is no longer in %1: it was moved or "
                                                                   "deleted in a mail program.")
                                           .arg(m_wanted.folder)));
                    return;
                }
                Q_EMIT fetched(*found);
                m_session->logout([this](const Result<void> &) { finish(m_summary); });
            });
        return;
    }
    m_session->uidSearch("ALL", [this](const Result<QList<quint32>> &uids) {
        if (!uids.ok()) {
            finish(uids.error());
            return;
        }
        m_summary.seen = int(uids.value().size());
        if (m_mode == Mode::Test) {
            m_session->logout([this](const Result<void> &) { finish(m_summary); });
            return;
        }
        auto known = m_service.knownIn(m_account.folder, m_uidValidity);
        if (!known.ok()) {
            finish(known.error());
            return;
        }
        for (quint32 uid : uids.value()) {
            const auto it = known.value().constFind(uid);
            if (it == known.value().constEnd()) {
                m_toFetch.append(uid);
                continue;
            }
            ++m_summary.alreadyKnown;
            // Recorded by a run that stopped before moving it: moved now, not acted on again.
            if (it->action != ReturnAction::Left && it->movedTo.isEmpty() && !it->undoneAt.isValid())
                m_toMove.append({uid, it->id});
        }
        readNext();
    });
}

void MailboxRunner::readNext()
{
    if (m_toFetch.isEmpty()) {
        moveProcessed();
        return;
    }
    // Every chunk's FETCH queued at once: the session sends the next as soon as one is answered, and each
    // chunk is read and acted on (one transaction) after that, so the server sends the next chunk while
    // this one is processed.
    const qsizetype chunks = (m_toFetch.size() + Imap::Session::kFetchChunk - 1) / Imap::Session::kFetchChunk;
    for (qsizetype c = 0; c < chunks; ++c) {
        const QList<quint32> chunk = m_toFetch.mid(c * Imap::Session::kFetchChunk, Imap::Session::kFetchChunk);
        const bool last = c == chunks - 1;
        auto messages = std::make_shared<QList<std::pair<QByteArray, MailboxPlace>>>();
        m_session->uidFetch(
            chunk,
            [this, messages](const Imap::FetchedMessage &m) {
                messages->append({m.bytes, MailboxPlace{m_account.folder, m_uidValidity, m.uid}});
            },
            [this, messages, last](const Result<void> &done) {
                if (m_done)
                    return;
                if (!done.ok()) {
                    finish(done.error());
                    return;
                }
                // After the session has sent the next FETCH.
                QMetaObject::invokeMethod(
                    this, [this, messages, last] { processChunk(*messages, last); }, Qt::QueuedConnection);
            });
    }
}

void MailboxRunner::processChunk(const QList<std::pair<QByteArray, MailboxPlace>> &messages, bool last)
{
    if (m_done)
        return;
    auto processed = m_service.processBatch(messages);
    if (!processed.ok()) {
        // What earlier chunks recorded is found by the next run and only moved then.
        finish(processed.error());
        return;
    }
    for (qsizetype i = 0; i < processed.value().size(); ++i) {
        const ProcessedReturn &p = processed.value()[i];
        const ReturnRecord &r = p.record;
        if (p.alreadyKnown) {
            // The same message seen again (moved back by a person, or a copy): not acted on twice.
            ++m_summary.alreadyKnown;
        } else {
            ++m_summary.read;
            m_summary.actions[actionKey(r.action)] += 1;
            m_summary.records.append(r);
        }
        if (r.action == ReturnAction::Left)
            ++m_summary.left;
        else if (!p.alreadyKnown)
            m_toMove.append({messages.at(i).second.uid, r.id});
    }
    m_fetched += messages.size();
    Q_EMIT progress(int(m_fetched), int(m_toFetch.size()));
    // Moved while the next chunk is read (the session takes the commands in order).
    if (last)
        moveProcessed();
    else
        queueMove();
}

void MailboxRunner::moveProcessed()
{
    if (m_done)
        return;
    queueMove();
    m_session->logout([this](const Result<void> &) { finish(m_summary); });
}

void MailboxRunner::queueMove()
{
    if (m_toMove.isEmpty() || !m_summary.moveSupported)
        return;
    const QList<std::pair<quint32, qint64>> batch = std::move(m_toMove);
    m_toMove.clear();
    QList<quint32> uids;
    for (const auto &[uid, id] : batch)
        uids.append(uid);
    const QString target = serverName(m_account.processedFolder);
    m_session->uidMove(uids, target, [this, batch](const Result<QMap<quint32, quint32>> &moved) {
        if (m_done)
            return;
        if (!moved.ok()) {
            if (moved.error().code == Error::Code::Invalid)
                m_summary.moveSupported = false; // neither MOVE nor UIDPLUS: they stay, remembered
            else
                finish(moved.error());
            return;
        }
        QList<std::pair<qint64, quint32>> where;
        for (const auto &[uid, id] : batch)
            where.append({id, moved.value().value(uid)});
        if (auto r = m_service.markMoved(where, m_account.processedFolder); !r.ok()) {
            finish(r.error());
            return;
        }
        m_summary.moved += int(batch.size());
    });
}

void MailboxRunner::finish(const Result<MailboxRunSummary> &result)
{
    if (m_done)
        return;
    m_done = true;
    if (m_session)
        m_log = m_session->protocolLog();
    Q_EMIT finished(result);
}

} // namespace Mail
