#pragma once

#include "core/Result.h"
#include "mail/MailboxAccount.h"
#include "mail/ReturnedMailService.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>

#include <functional>
#include <memory>

namespace Mail {

// What one run over the mailbox did (`mailbox run --json`).
struct MailboxRunSummary
{
    int seen = 0;         // messages in the folder
    int read = 0;         // fetched and read this time
    int alreadyKnown = 0; // read by an earlier run: not acted on again
    int left = 0;         // not understood: left in place, unread
    int moved = 0;        // moved to the processed folder
    bool moveSupported = true;
    QMap<QString, int> actions;  // actionKey → count, this run
    QList<ReturnRecord> records; // what this run read
    QJsonObject toJson() const;
};

// One run over the association's mailbox: log in, open the folder, read what is new (BODY.PEEK[]: nothing
// is marked read), act through ReturnedMailService — each message recorded in the same transaction as its
// action, before it is moved — then move what was understood to the processed folder (created when
// missing). A run interrupted anywhere and run again acts on nothing twice: a message recorded but not yet
// moved is only moved. Also the undo's move back. Asynchronous; `finished` once.
class MailboxRunner : public QObject
{
    Q_OBJECT

public:
    using TransportFactory = Smtp::TransportFactory;

    MailboxRunner(MailboxAccount account, QString password, TransportFactory transports, ReturnedMailService &service,
                  QObject *parent = nullptr);
    ~MailboxRunner() override;

    void run();                          // read and act
    void test();                         // log in, open the folder, count; nothing read, nothing changed
    void moveBack(const ReturnRecord &); // after an undo: the message back to the folder it came from
    // One message as the server has it (BODY.PEEK[]: still unread), for "Open in my mail program";
    // `fetched` before `finished`. Refused when the folder was renumbered since (another UIDVALIDITY).
    void fetch(const MailboxPlace &place);

    QStringList protocolLog() const;

Q_SIGNALS:
    void progress(int done, int total);
    void fetched(const QByteArray &message);
    void finished(const Core::Result<Mail::MailboxRunSummary> &result);
    void certificateRefused(const Smtp::CertificateInfo &certificate);

private:
    enum class Mode { Run, Test, MoveBack, Fetch };
    void begin(Mode mode);
    void afterLogin();
    void afterSelect(const Imap::SelectedFolder &folder);
    void readNext();
    void processChunk(const QList<std::pair<QByteArray, MailboxPlace>> &messages, bool last);
    void moveProcessed(); // what is left to move, then LOGOUT and finished()
    void queueMove();     // the UID MOVE of what was processed so far
    void finish(const Core::Result<MailboxRunSummary> &result);
    QString serverName(const QString &folder) const; // "/" replaced by the server's delimiter

    MailboxAccount m_account;
    QString m_password;
    TransportFactory m_transports;
    ReturnedMailService &m_service;
    std::unique_ptr<Imap::Session> m_session;
    Mode m_mode = Mode::Run;
    MailboxRunSummary m_summary;
    ReturnRecord m_back;
    MailboxPlace m_wanted;
    quint32 m_uidValidity = 0;
    QList<quint32> m_toFetch;
    qsizetype m_fetched = 0;
    QList<std::pair<quint32, qint64>> m_toMove; // UID, record id
    bool m_done = false;
    QStringList m_log;
};

} // namespace Mail
