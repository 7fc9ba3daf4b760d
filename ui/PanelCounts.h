#pragma once

#include <QObject>

class AppContext;
class QThread;

namespace Gui {

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
    bool pending() const { return m_thread || m_again || m_invitations || m_invitationsAgain >= 0; }
    bool shown() const { return m_shown; } // the selections' counts came from the worker once

Q_SIGNALS:
    void message(const QString &text); // for the status bar

private:
    AppContext &m_context;
    SelectionPanel *m_panel;
    QThread *m_thread = nullptr;
    bool m_again = false;
    bool m_shown = false;
    QThread *m_invitations = nullptr;
    qint64 m_invitationsAgain = -1; // the member count of a refresh asked while one runs
};

} // namespace Gui
