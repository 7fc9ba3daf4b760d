#pragma once

#include "reports/Report.h"
#include "storage/Selection.h"

#include <QTreeWidget>

namespace Gui {

// The side panel of selections: All, No email, Membership expired, ending soon, each section, each
// category, with their counts. Later capabilities add their own groups.
class SelectionPanel : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SelectionPanel(QWidget *parent = nullptr);

    // One group per consent purpose: missing, expiring within 60 days, withdrawn. A count of -1 is
    // not known yet (computed in the background on large lists).
    struct ConsentGroup
    {
        QString purpose;
        QString label;
        qint64 missing = -1;
        qint64 expiring = -1;
        qint64 withdrawn = -1;
    };

    void setCounts(const QList<Storage::SelectionCount> &counts);
    void setConsentGroups(const QList<ConsentGroup> &groups);
    // The saved reports, under Reports, by group and subgroup; each is a selection.
    void setReports(const QList<Reports::ReportDefinition> &reports);
    // The Invitations group's counts (-1: not known).
    void setInvitationCounts(qint64 neverInvited, qint64 noAnswer);
    Storage::Selection currentSelection() const;
    void select(const Storage::Selection &selection);
    QStringList sections() const { return m_sections; }
    QStringList categories() const { return m_categories; }

Q_SIGNALS:
    void selectionChanged(const Storage::Selection &selection);
    // The context menu of a saved report.
    void reportEditRequested(const QString &name);
    void reportDuplicateRequested(const QString &name);
    void reportExportRequested(const QString &name);
    void reportDeleteRequested(const QString &name);
    // "Send invitations…" on Never invited, "Send a reminder…" on Invited, no answer.
    void invitationRequested(const QString &audience);

private:
    QTreeWidgetItem *itemFor(const Storage::Selection &selection) const;
    void addConsentGroups();
    void addReports();
    void addInvitations();
    void showReportMenu(const QPoint &pos);

    QTreeWidgetItem *m_sectionsGroup = nullptr;
    QTreeWidgetItem *m_categoriesGroup = nullptr;
    QStringList m_sections;
    QStringList m_categories;
    QList<ConsentGroup> m_consentGroups;
    QList<Reports::ReportDefinition> m_reports;
    QList<Storage::SelectionCount> m_counts;
    qint64 m_neverInvited = -1;
    qint64 m_noAnswer = -1;
    bool m_updating = false;
};

} // namespace Gui
