#include "PanelCounts.h"

#include "SelectionPanel.h"

#include "AppContext.h"
#include "mail/CampaignService.h"
#include "storage/Database.h"

#include <QThread>

#include <utility>

namespace Gui {

PanelCounts::PanelCounts(AppContext &context, SelectionPanel *panel, QObject *parent)
    : QObject(parent), m_context(context), m_panel(panel)
{}

PanelCounts::~PanelCounts()
{
    if (m_thread) {
        m_again = false;
        m_thread->wait();
    }
    if (m_invitations) {
        m_invitationsAgain = -1;
        m_invitations->wait();
    }
}

void PanelCounts::refreshInvitations(qint64 memberCount)
{
    if (m_invitations) {
        m_invitationsAgain = memberCount; // once this one is done
        return;
    }
    m_invitations = QThread::create([this, path = m_context.database().connectPath(), memberCount] {
        auto database = Storage::Database::open(path);
        if (!database.ok())
            return;
        auto counts = Mail::CampaignService::invitationCounts(*database.value(), memberCount);
        if (counts.ok())
            QMetaObject::invokeMethod(
                this, [this, counts] { m_panel->setInvitationCounts(counts.value().first, counts.value().second); },
                Qt::QueuedConnection);
    });
    m_invitations->setObjectName(QStringLiteral("invitation-counts"));
    m_invitations->setParent(this);
    connect(m_invitations, &QThread::finished, this, [this] {
        m_invitations->deleteLater();
        m_invitations = nullptr;
        if (const qint64 again = std::exchange(m_invitationsAgain, -1); again >= 0)
            refreshInvitations(again);
    });
    m_invitations->start(QThread::LowPriority);
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
    if (m_thread) {
        m_again = true; // once this one is done
        return;
    }
    // The selections' counts (a few aggregates over every member), then one pass per purpose: on a
    // worker with its own connection, so a large list never freezes the window (on a server, the counts
    // alone take seconds at a million members).
    const QString path = m_context.database().connectPath();
    const QDateTime now = m_context.clock().now();
    m_thread = QThread::create([this, path, now, groups]() mutable {
        const Core::FrozenClock clock(now);
        auto database = Storage::Database::open(path);
        if (!database.ok()) {
            const QString why = database.error().message;
            QMetaObject::invokeMethod(
                this, [this, why] { Q_EMIT message(why); }, Qt::QueuedConnection);
            return;
        }
        Storage::MemberRepository members(*database.value(), clock);
        auto counts = members.selectionCounts(clock.today());
        QMetaObject::invokeMethod(
            this,
            [this, counts] {
                if (counts.ok()) {
                    m_panel->setCounts(counts.value());
                    m_shown = true;
                } else
                    Q_EMIT message(counts.error().message);
            },
            Qt::QueuedConnection);
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
        QMetaObject::invokeMethod(
            this, [this, groups] { m_panel->setConsentGroups(groups); }, Qt::QueuedConnection);
    });
    m_thread->setParent(this); // deleted with the window if it outlives the finished() handler
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (m_again) {
            m_again = false;
            refresh();
        }
    });
    m_thread->start(QThread::LowPriority);
}

} // namespace Gui
