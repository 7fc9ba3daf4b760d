#include "PanelCounts.h"

#include "AsideRun.h"
#include "SelectionPanel.h"

#include "AppContext.h"
#include "mail/CampaignService.h"
#include "storage/Database.h"

namespace Gui {

PanelCounts::PanelCounts(AppContext &context, SelectionPanel *panel, QObject *parent)
    : QObject(parent), m_context(context), m_panel(panel),
      m_counts(new AsideRun(QStringLiteral("panel-counts"), QThread::LowPriority, this)),
      m_invitations(new AsideRun(QStringLiteral("invitation-counts"), QThread::LowPriority, this))
{}

PanelCounts::~PanelCounts()
{
    // Each waits for its job, which reaches it through this object: while this object is whole.
    delete m_counts;
    delete m_invitations;
}

bool PanelCounts::pending() const
{
    return m_counts->busy() || m_invitations->busy();
}

void PanelCounts::refreshInvitations(qint64 memberCount)
{
    m_invitations->start([this, path = m_context.database().connectPath(), memberCount] {
        auto database = Storage::Database::open(path);
        if (!database.ok())
            return;
        auto counts = Mail::CampaignService::invitationCounts(*database.value(), memberCount);
        if (counts.ok())
            m_invitations->post(
                [this, counts] { m_panel->setInvitationCounts(counts.value().first, counts.value().second); });
    });
}

void PanelCounts::refresh(bool purposesChanged)
{
    auto purposes = m_context.consent().purposes();
    if (!purposes.ok())
        return;
    QList<SelectionPanel::ConsentGroup> groups;
    for (const Consent::Purpose &p : purposes.value())
        groups.append({p.key, p.displayLabel()});
    if (purposesChanged)
        m_panel->setConsentGroups(groups); // counts follow
    // The selections' counts (a few aggregates over every member), then one pass per purpose: on a
    // worker with its own connection, so a large list never freezes the window (on a server, the counts
    // alone take seconds at a million members).
    const QString path = m_context.database().connectPath();
    const QDateTime now = m_context.clock().now();
    m_counts->start([this, path, now, groups]() mutable {
        const Core::FrozenClock clock(now);
        auto database = Storage::Database::open(path);
        if (!database.ok()) {
            m_counts->post([this, why = database.error().message] { Q_EMIT message(why); });
            return;
        }
        Storage::MemberRepository members(*database.value(), clock);
        auto counts = members.selectionCounts(clock.today());
        m_counts->post([this, counts] {
            if (counts.ok()) {
                m_panel->setCounts(counts.value());
                m_shown = true;
            } else
                Q_EMIT message(counts.error().message);
        });
        Storage::AuditLog audit(*database.value(), clock);
        Storage::SettingsRepository settings(*database.value());
        const Consent::ConsentService consent(*database.value(), members, audit, settings, clock);
        for (SelectionPanel::ConsentGroup &g : groups) {
            auto tally = consent.tally(g.purpose);
            if (!tally.ok())
                continue;
            g.missing = tally.value().missing;
            g.expiring = tally.value().expiring;
            g.withdrawn = tally.value().withdrawn;
        }
        m_counts->post([this, groups] { m_panel->setConsentGroups(groups); });
    });
}

} // namespace Gui
