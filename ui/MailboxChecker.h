#pragma once

#include "mail/MailboxRunner.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class QThread;
class QTimer;

namespace Gui {

// The association's mailbox, read while the window is open: every N minutes (the account's setting) and on
// "Check now". Each run is a MailboxRunner on a worker thread with its own connection to the member file,
// so reading and acting on thousands of messages never freezes the window. Also the undo's move back and
// one message fetched for "Open in my mail program". One operation at a time: a move back or a fetch asked
// meanwhile waits for it; a second run is refused (the one under way reads everything).
// Only where the volunteer administers the whole file: a volunteer limited to some sections would see only
// some of the deliveries and leave the other members' messages unmatched.
class MailboxChecker : public QObject
{
    Q_OBJECT

public:
    MailboxChecker(AppContext &context, QObject *parent);
    ~MailboxChecker() override;

    // Tests: how to reach the server ({}: the real network, with the account's certificate rules).
    void setTransports(Mail::MailboxRunner::TransportFactory transports) { m_transports = std::move(transports); }
    bool isBusy() const { return m_thread != nullptr; }
    bool isAllowed() const;
    QDateTime lastCheck() const { return m_lastCheck; }
    QString lastResult() const { return m_lastResult; }
    // What a run did, in a sentence for the status bar.
    static QString describe(const Mail::MailboxRunSummary &summary);

public Q_SLOTS:
    void checkNow();
    void reschedule(); // the account (and its interval) may have changed
    void moveBack(const Mail::ReturnRecord &record);
    void fetch(const Mail::MailboxPlace &place);

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(int done, int total);
    void checked(const Mail::MailboxRunSummary &summary, const QString &error);
    void acted(); // a run or an undo changed members: the table and the counts follow
    void movedBack(const QString &error);
    void fetched(const QByteArray &message, const QString &error);
    void message(const QString &text); // for the status bar

private:
    enum class Operation { Run, MoveBack, Fetch };
    void start(Operation operation, const Mail::ReturnRecord &record, const Mail::MailboxPlace &place);
    void launch(Operation operation, const Mail::ReturnRecord &record, const Mail::MailboxPlace &place,
                const QString &password);
    void done(Operation operation, const Core::Result<Mail::MailboxRunSummary> &result, const QByteArray &fetched);

    AppContext &m_context;
    Mail::MailboxRunner::TransportFactory m_transports;
    QTimer *m_timer = nullptr;
    QThread *m_thread = nullptr;
    QDateTime m_lastCheck;
    QString m_lastResult;
    bool m_toldAboutPassword = false;
    QList<std::function<void()>> m_waiting; // operations asked while another one ran
};

} // namespace Gui
