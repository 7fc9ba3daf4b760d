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
    auto failure = std::make_shared<std::optional<Error>>();
    m_session->uidFetch(
        m_toFetch,
        [this, failure](const Imap::FetchedMessage &m) {
            if (failure->has_value())
                return;
            auto processed = m_service.process(m.bytes, {m_account.folder, m_uidValidity, m.uid});
            if (!processed.ok()) {
                *failure = processed.error();
                return;
            }
            const ReturnRecord &r = processed.value().record;
            ++m_fetched;
            if (processed.value().alreadyKnown) {
                // The same message seen again (moved back by a person, or a copy): not acted on twice.
                ++m_summary.alreadyKnown;
            } else {
                ++m_summary.read;
                m_summary.actions[actionKey(r.action)] += 1;
                m_summary.records.append(r);
            }
            if (r.action == ReturnAction::Left)
                ++m_summary.left;
            else if (!processed.value().alreadyKnown)
                m_toMove.append({m.uid, r.id});
            Q_EMIT progress(int(m_fetched), int(m_toFetch.size()));
        },
        [this, failure](const Result<void> &done) {
            if (failure->has_value()) {
                // What was recorded is moved first, so the next run does not fetch it again.
                const Error error = **failure;
                m_toFetch.clear();
                moveProcessed();
                finish(error);
                return;
            }
            if (!done.ok()) {
                finish(done.error());
                return;
            }
            m_toFetch.clear();
            moveProcessed();
        });
}

void MailboxRunner::moveProcessed()
{
    if (m_done)
        return;
    auto logout = [this] { m_session->logout([this](const Result<void> &) { finish(m_summary); }); };
    if (m_toMove.isEmpty()) {
        logout();
        return;
    }
    QList<quint32> uids;
    for (const auto &[uid, id] : std::as_const(m_toMove))
        uids.append(uid);
    const QString target = serverName(m_account.processedFolder);
    m_session->uidMove(uids, target, [this, logout](const Result<QMap<quint32, quint32>> &moved) {
        if (!moved.ok()) {
            if (moved.error().code == Error::Code::Invalid) {
                // Neither MOVE nor UIDPLUS: the messages stay, remembered by UID and Message-ID.
                m_summary.moveSupported = false;
                logout();
            } else {
                finish(moved.error());
            }
            return;
        }
        for (const auto &[uid, id] : std::as_const(m_toMove)) {
            if (auto r = m_service.markMoved(id, m_account.processedFolder, moved.value().value(uid)); !r.ok()) {
                finish(r.error());
                return;
            }
            ++m_summary.moved;
        }
        m_toMove.clear();
        logout();
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
