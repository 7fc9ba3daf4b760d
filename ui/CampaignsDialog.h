#pragma once

#include <functional>

#include "consent/ConsentService.h"
#include "mail/Campaign.h"
#include "mail/CampaignService.h"
#include "mail/OutboxRunner.h"

#include <QDialog>
#include <QHash>

class AppContext;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

class QChartView;

namespace Gui {

// Writing and sending campaigns from any window.
namespace CampaignFlow {
// The composer (on a new campaign, or on the draft `existing`); `saved` runs as soon as it is saved; then, when
// the user chose "Save and send", the summary and the sending. Returns the id.
qint64 compose(AppContext &context, Mail::Campaign::Kind kind, const QString &audience,
               const Mail::OutboxRunner::TransportFactory &transports, QWidget *parent,
               const Mail::Campaign *existing = nullptr, const std::function<void()> &saved = {});
// The summary first (recipients, who is left out and why, the list on demand), then the outbox window
// sending the campaign's batch with its progress. A campaign already queued resumes.
bool send(AppContext &context, qint64 campaignId, const Mail::OutboxRunner::TransportFactory &transports,
          QWidget *parent);
// The outbox window on one batch, sending it now (a test, a campaign).
void sendBatch(AppContext &context, qint64 batchId, const Mail::OutboxRunner::TransportFactory &transports,
               QWidget *parent);
} // namespace CampaignFlow

// The campaigns: each with its sent / waiting / deferred / failed / unknown counts; for the one chosen,
// who it reached and who it left out, its progress over time and the consent coverage per purpose (charts);
// new newsletter or invitation, send, retry the failed and deferred, and every recipient with the server's
// reply (the outbox window on its batch).
class CampaignsDialog : public QDialog
{
    Q_OBJECT

public:
    CampaignsDialog(AppContext &context, Mail::OutboxRunner::TransportFactory transports = {},
                    QWidget *parent = nullptr);

    void refresh();
    void editCurrent(); // a draft, not yet queued
    qint64 currentCampaign() const;
    void newCampaign(Mail::Campaign::Kind kind);
    void sendCurrent();
    void retryCurrent();
    void showRecipients();

Q_SIGNALS:
    void coverageDrawn(); // the consent coverage chart has its bars (counted on a worker)

private:
    void showDetails();
    // Campaigns' statuses worked out aside (WorkAside): for a campaign not sent yet its whole audience is
    // resolved — consent and report — a second or more at a hundred thousand members; for one sent, its
    // deliveries are counted. The window keeps painting meanwhile.
    QHash<qint64, Core::Result<Mail::CampaignStatus>> statusesAside(const QList<qint64> &ids);
    void showCoverage();
    void drawCoverage(const Core::Result<QList<Consent::PurposeCoverage>> &coverage);

    AppContext &m_context;
    Mail::OutboxRunner::TransportFactory m_transports;
    QTreeWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_charts = nullptr;
    QChartView *m_progress = nullptr;
    QChartView *m_coverage = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_recipients = nullptr;
    bool m_coverageShown = false;
};

} // namespace Gui
