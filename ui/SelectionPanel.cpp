#include "SelectionPanel.h"

#include <QHeaderView>
#include <QLocale>
#include <QMenu>

namespace Gui {

using Storage::Selection;

namespace {
constexpr int KeyRole = Qt::UserRole + 1;
}

SelectionPanel::SelectionPanel(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("selectionPanel"));
    setColumnCount(2);
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setAccessibleName(tr("Selections"));
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_updating || !item || item->data(0, KeyRole).isNull())
            return;
        Q_EMIT selectionChanged(Selection::fromKey(item->data(0, KeyRole).toString()));
    });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTreeWidget::customContextMenuRequested, this, &SelectionPanel::showReportMenu);
}

void SelectionPanel::setReports(const QList<Reports::ReportDefinition> &reports)
{
    m_reports = reports;
    setCounts(m_counts);
}

void SelectionPanel::addReports()
{
    if (m_reports.isEmpty())
        return;
    auto *top = new QTreeWidgetItem({tr("Reports")});
    top->setFlags(Qt::ItemIsEnabled);
    QFont f = top->font(0);
    f.setBold(true);
    top->setFont(0, f);
    auto folder = [](QTreeWidgetItem *parent, const QString &name) {
        for (int i = 0; i < parent->childCount(); ++i)
            if (parent->child(i)->data(0, KeyRole).isNull() && parent->child(i)->text(0) == name)
                return parent->child(i);
        auto *item = new QTreeWidgetItem(parent, {name});
        item->setFlags(Qt::ItemIsEnabled);
        item->setExpanded(true);
        return item;
    };
    for (const Reports::ReportDefinition &r : std::as_const(m_reports)) {
        QTreeWidgetItem *parent = top;
        if (!r.group.isEmpty())
            parent = folder(parent, r.group);
        if (!r.subgroup.isEmpty())
            parent = folder(parent, r.subgroup);
        auto *item = new QTreeWidgetItem(parent, {r.name});
        item->setData(0, KeyRole, Selection{Selection::Kind::Report, r.name}.key());
        item->setToolTip(0, r.notes.isEmpty() ? tr("Right-click to edit, duplicate, export or delete.") : r.notes);
    }
    addTopLevelItem(top);
    top->setExpanded(true);
    for (QTreeWidgetItemIterator it(top); *it; ++it)
        (*it)->setExpanded(true);
}

void SelectionPanel::setInvitationCounts(qint64 neverInvited, qint64 noAnswer)
{
    if (neverInvited == m_neverInvited && noAnswer == m_noAnswer)
        return;
    m_neverInvited = neverInvited;
    m_noAnswer = noAnswer;
    setCounts(m_counts);
}

void SelectionPanel::addInvitations()
{
    auto *group = new QTreeWidgetItem({tr("Invitations")});
    group->setFlags(Qt::ItemIsEnabled);
    QFont f = group->font(0);
    f.setBold(true);
    group->setFont(0, f);
    for (auto [value, count] :
         {std::pair{"never-invited", m_neverInvited}, std::pair{"invited-no-answer", m_noAnswer}}) {
        const Selection selection{Selection::Kind::Invitation, QString::fromLatin1(value)};
        auto *item = new QTreeWidgetItem(group, {selection.label(), count < 0 ? QString() : QLocale().toString(count)});
        item->setData(0, KeyRole, selection.key());
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, tr("Right-click to send invitations (or a reminder)."));
    }
    addTopLevelItem(group);
    group->setExpanded(true);
}

void SelectionPanel::showReportMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = itemAt(pos);
    const Selection selection = item ? Selection::fromKey(item->data(0, KeyRole).toString()) : Selection{};
    if (selection.kind == Selection::Kind::Invitation) {
        QMenu menu(this);
        const QString audience = selection.value;
        menu.addAction(audience == QLatin1String("never-invited") ? tr("Send &invitations…") : tr("Send a &reminder…"),
                       this, [this, audience] { Q_EMIT invitationRequested(audience); });
        menu.exec(viewport()->mapToGlobal(pos));
        return;
    }
    if (selection.kind != Selection::Kind::Report)
        return;
    const QString name = selection.value;
    QMenu menu(this);
    menu.addAction(tr("&Show its members"), this, [this, item] { setCurrentItem(item); });
    menu.addAction(tr("&Edit…"), this, [this, name] { Q_EMIT reportEditRequested(name); });
    menu.addAction(tr("D&uplicate"), this, [this, name] { Q_EMIT reportDuplicateRequested(name); });
    menu.addAction(tr("E&xport…"), this, [this, name] { Q_EMIT reportExportRequested(name); });
    menu.addSeparator();
    menu.addAction(tr("&Delete…"), this, [this, name] { Q_EMIT reportDeleteRequested(name); });
    menu.exec(viewport()->mapToGlobal(pos));
}

QTreeWidgetItem *SelectionPanel::itemFor(const Selection &selection) const
{
    const QString key = selection.key();
    for (QTreeWidgetItemIterator it(const_cast<SelectionPanel *>(this)); *it; ++it) {
        if ((*it)->data(0, KeyRole).toString() == key)
            return *it;
    }
    return nullptr;
}

void SelectionPanel::setConsentGroups(const QList<ConsentGroup> &groups)
{
    m_consentGroups = groups;
    setCounts(m_counts);
}

void SelectionPanel::addConsentGroups()
{
    for (const ConsentGroup &g : std::as_const(m_consentGroups)) {
        auto *group = new QTreeWidgetItem({tr("Consent: %1").arg(g.label)});
        group->setFlags(Qt::ItemIsEnabled);
        QFont f = group->font(0);
        f.setBold(true);
        group->setFont(0, f);
        for (auto [kind, count] : {std::pair{Selection::Kind::ConsentMissing, g.missing},
                                   std::pair{Selection::Kind::ConsentExpiring, g.expiring},
                                   std::pair{Selection::Kind::ConsentWithdrawn, g.withdrawn}}) {
            const Selection selection{kind, g.purpose};
            auto *item =
                new QTreeWidgetItem({selection.label(), count < 0 ? QStringLiteral("…") : QLocale().toString(count)});
            item->setData(0, KeyRole, selection.key());
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            group->addChild(item);
        }
        addTopLevelItem(group);
        group->setExpanded(true);
    }
}

void SelectionPanel::setCounts(const QList<Storage::SelectionCount> &counts)
{
    m_counts = counts;
    const Selection current = currentSelection();
    m_updating = true;
    clear();
    m_sections.clear();
    m_categories.clear();
    m_sectionsGroup = new QTreeWidgetItem({tr("Sections")});
    m_categoriesGroup = new QTreeWidgetItem({tr("Categories")});
    QList<QTreeWidgetItem *> top;
    for (const Storage::SelectionCount &c : counts) {
        auto *item = new QTreeWidgetItem({c.selection.label(), QLocale().toString(c.count)});
        item->setData(0, KeyRole, c.selection.key());
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        switch (c.selection.kind) {
        case Selection::Kind::Section:
            m_sectionsGroup->addChild(item);
            if (!c.selection.value.isEmpty())
                m_sections.append(c.selection.value);
            break;
        case Selection::Kind::Category:
            m_categoriesGroup->addChild(item);
            if (!c.selection.value.isEmpty())
                m_categories.append(c.selection.value);
            break;
        default: top.append(item); break;
        }
    }
    addTopLevelItems(top);
    for (QTreeWidgetItem **group : {&m_sectionsGroup, &m_categoriesGroup}) {
        if ((*group)->childCount() == 0) {
            delete *group; // no section (or category) in use: no heading
            *group = nullptr;
            continue;
        }
        (*group)->setFlags(Qt::ItemIsEnabled);
        QFont f = (*group)->font(0);
        f.setBold(true);
        (*group)->setFont(0, f);
        addTopLevelItem(*group);
        (*group)->setExpanded(true);
    }
    addConsentGroups();
    addInvitations();
    addReports();
    QTreeWidgetItem *item = itemFor(current);
    setCurrentItem(item ? item : topLevelItem(0));
    m_updating = false;
    if (!item && current.kind != Selection::Kind::All)
        Q_EMIT selectionChanged(Selection{}); // the selection vanished (its last member left)
}

Selection SelectionPanel::currentSelection() const
{
    const QTreeWidgetItem *item = currentItem();
    if (!item || item->data(0, KeyRole).isNull())
        return {};
    return Selection::fromKey(item->data(0, KeyRole).toString());
}

void SelectionPanel::select(const Selection &selection)
{
    if (QTreeWidgetItem *item = itemFor(selection))
        setCurrentItem(item);
}

} // namespace Gui
