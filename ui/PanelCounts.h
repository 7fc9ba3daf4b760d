#pragma once

#include <QObject>

class AppContext;

namespace Gui {

class AsideRun;
class SelectionPanel;

// The side panel's counts — the selections (a few aggregates over every member) and, per consent purpose,
// missing, expiring and withdrawn — worked out on a worker with its own connection, so that a large list
// never freezes the window (on a server the counts alone take seconds at a million members). A refresh asked
// while one runs is done once that one is over.
class PanelCounts : public QObject
{
    Q_OBJECT

public:
    PanelCounts(AppContext &context, SelectionPanel *panel, QObject *parent);
    ~PanelCounts() override;

    void refresh(bool purposesChanged = false);
    // The invitations' two counts (never invited, invited without an answer), on a worker too: a file with
    // a campaign to every member has a million deliveries. `memberCount` as the table knows it.
    void refreshInvitations(qint64 memberCount);
    bool pending() const;
    bool shown() const { return m_shown; } // the selections' counts came from the worker once

Q_SIGNALS:
    void message(const QString &text); // for the status bar

private:
    AppContext &m_context;
    SelectionPanel *m_panel;
    bool m_shown = false;
    AsideRun *m_counts;
    AsideRun *m_invitations;
};

} // namespace Gui
