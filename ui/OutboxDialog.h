#pragma once

#include "mail/OutboxRunner.h"

#include <QDialog>

class AppContext;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QThread;
class QTreeWidget;

namespace Gui {

class AsideRun;

// The outbox: what became of every recipient (queued, sending, sent, deferred, failed, cancelled,
// unknown), with the server's reply; Send now (on a worker thread, with progress; the window stays live),
// Pause, Cancel what a batch has left, and for an `unknown` message the user's decision: mark it sent or
// send it again.
class OutboxDialog : public QDialog
{
    Q_OBJECT

public:
    // On every batch, or on one (a campaign's).
    OutboxDialog(AppContext &context, Mail::OutboxRunner::TransportFactory transports = {}, QWidget *parent = nullptr,
                 qint64 batchId = 0);
    ~OutboxDialog() override;

    // Reads the counts and the first 5,000 rows again, on a thread of its own (a campaign to every member of a
    // large file has a million): the window keeps going meanwhile, and a refresh asked while one is reading
    // is made once it is done. isReading() says when the list is not up to date yet.
    void refresh();
    bool isReading() const;
    // "3 sent, 1 deferred, 0 failed, 0 unknown." with each count's plural.
    static QString summary(int sent, int deferred, int failed, int unknown);
    void showBatch(qint64 batchId); // one batch (a campaign's), chosen in the list
    void sendNow();
    void pause();
    bool isSending() const { return m_thread != nullptr; }

Q_SIGNALS:
    void sendingFinished();

private:
    struct Snapshot;
    qint64 currentBatch() const;
    void fill(const Snapshot &read);
    void resolveSelected(bool asSent);

    AppContext &m_context;
    Mail::OutboxRunner::TransportFactory m_transports;
    QComboBox *m_batch = nullptr;
    QLabel *m_counts = nullptr;
    QTreeWidget *m_list = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_markSent = nullptr;
    QPushButton *m_resend = nullptr;
    QThread *m_thread = nullptr;
    QObject *m_job = nullptr;
    qint64 m_waiting = 0; // queued and deferred, as last read
    AsideRun *m_reader;
};

} // namespace Gui
