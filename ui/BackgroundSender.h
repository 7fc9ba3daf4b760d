#pragma once

#include <QObject>
#include <QPointer>

class AppContext;
class QThread;
class QTimer;
class QWidget;

namespace Mail {
class OutboxJob;
}

namespace Gui {

// What the outbox holds goes by itself while the window is open, within the account's limits: an
// OutboxJob on a worker thread with its own connection, started now, every minute, and whenever asked.
// Knows whether it is sending and how to stop after the message in flight, so quitting can ask first.
class BackgroundSender : public QObject
{
    Q_OBJECT

public:
    BackgroundSender(AppContext &context, QObject *parent);
    ~BackgroundSender() override;

    bool isSending() const { return m_thread != nullptr; }
    // Messages still to go: queued, deferred, or being sent.
    int waitingCount() const;
    // Stops after the message in flight; stopped() follows.
    void stopAfterCurrent();

    // Asked when the window closes with messages waiting or being sent: close now (nothing waits, "send them
    // later" with nothing in flight, or "quit anyway"), after the message in flight (stopped() follows), or
    // stay open ("keep waiting").
    enum class Quit { Now, AfterCurrent, Stay };
    Quit askBeforeQuitting(QWidget *window);

public Q_SLOTS:
    // Sends what is due, in the background, when the account and its password are known.
    void resume();

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    void stopped();

private:
    void start(const QString &password);

    AppContext &m_context;
    QThread *m_thread = nullptr;
    QPointer<Mail::OutboxJob> m_job;
    QTimer *m_timer = nullptr;
    bool m_toldAboutPassword = false;
};

} // namespace Gui
