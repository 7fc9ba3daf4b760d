#include "FilterGroupWidget.h"

#include "FilterConditionWidget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gui {

FilterGroupWidget::FilterGroupWidget(const ReportFields &fields, bool nested, QWidget *parent)
    : QFrame(parent), m_fields(fields)
{
    setObjectName(nested ? QStringLiteral("filterSubgroup") : QStringLiteral("filterGroup"));
    if (nested)
        setFrameShape(QFrame::StyledPanel);
    m_match = new QComboBox(this);
    m_match->setObjectName(QStringLiteral("filterMatch"));
    m_match->addItem(tr("all"), QStringLiteral("all"));
    m_match->addItem(tr("any"), QStringLiteral("any"));
    m_match->setAccessibleName(tr("Match all or any of the conditions"));
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(nested ? tr("Any member matching") : tr("Members matching"), this));
    head->addWidget(m_match);
    head->addWidget(new QLabel(tr("of these conditions:"), this));
    head->addStretch();
    if (nested) {
        auto *remove = new QToolButton(this);
        remove->setObjectName(QStringLiteral("filterRemoveGroup"));
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this group"));
        remove->setAccessibleName(tr("Remove this group"));
        connect(remove, &QToolButton::clicked, this, &FilterGroupWidget::removeRequested);
        head->addWidget(remove);
    }
    m_children = new QVBoxLayout;
    m_children->setContentsMargins(nested ? 8 : 0, 0, 0, 0);
    auto *addCondition = new QPushButton(tr("Add a condition"), this);
    addCondition->setObjectName(QStringLiteral("filterAddCondition"));
    auto *addGroup = new QPushButton(tr("Add a group (any of…)"), this);
    addGroup->setObjectName(QStringLiteral("filterAddGroup"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addCondition);
    buttons->addWidget(addGroup);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addLayout(m_children);
    layout->addLayout(buttons);
    if (!nested)
        layout->addStretch(); // conditions stay at the top, one line each
    else
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(m_match, &QComboBox::currentIndexChanged, this, &FilterGroupWidget::changed);
    connect(addCondition, &QPushButton::clicked, this, [this] { this->addCondition(); });
    connect(addGroup, &QPushButton::clicked, this, [this] {
        Reports::FilterSpec any;
        any.kind = Reports::FilterSpec::Kind::Any;
        FilterGroupWidget *group = this->addGroup(any);
        group->addCondition();
    });
}

void FilterGroupWidget::addCondition(const Reports::FilterCondition &condition)
{
    auto *row = new FilterConditionWidget(m_fields, this);
    if (!condition.field.isEmpty())
        row->setCondition(condition);
    m_children->addWidget(row);
    m_items.append(row);
    connect(row, &FilterConditionWidget::changed, this, &FilterGroupWidget::changed);
    connect(row, &FilterConditionWidget::removeRequested, this, [this, row] { removeChild(row); });
    row->findChild<QWidget *>(QStringLiteral("filterField"))->setFocus();
    Q_EMIT changed();
}

FilterGroupWidget *FilterGroupWidget::addGroup(const Reports::FilterSpec &spec)
{
    auto *group = new FilterGroupWidget(m_fields, true, this);
    group->setSpec(spec);
    m_children->addWidget(group);
    m_items.append(group);
    connect(group, &FilterGroupWidget::changed, this, &FilterGroupWidget::changed);
    connect(group, &FilterGroupWidget::removeRequested, this, [this, group] { removeChild(group); });
    Q_EMIT changed();
    return group;
}

void FilterGroupWidget::removeChild(QWidget *child)
{
    m_items.removeOne(child);
    child->deleteLater();
    Q_EMIT changed();
}

Reports::FilterSpec FilterGroupWidget::spec() const
{
    Reports::FilterSpec spec;
    spec.kind = m_match->currentData().toString() == QLatin1String("any") ? Reports::FilterSpec::Kind::Any
                                                                          : Reports::FilterSpec::Kind::All;
    for (QWidget *item : m_items) {
        if (auto *row = qobject_cast<FilterConditionWidget *>(item))
            spec.children.push_back(Reports::FilterSpec::of(row->condition()));
        else if (auto *group = qobject_cast<FilterGroupWidget *>(item))
            spec.children.push_back(group->spec());
    }
    return spec;
}

void FilterGroupWidget::setSpec(const Reports::FilterSpec &spec)
{
    for (QWidget *item : std::as_const(m_items))
        delete item;
    m_items.clear();
    if (!spec.isGroup()) { // a single condition: a group of one
        addCondition(spec.condition);
        return;
    }
    m_match->setCurrentIndex(spec.kind == Reports::FilterSpec::Kind::Any ? 1 : 0);
    for (const Reports::FilterSpec &child : spec.children) {
        if (child.isGroup())
            addGroup(child);
        else
            addCondition(child.condition);
    }
}

QString FilterGroupWidget::problem() const
{
    for (QWidget *item : m_items) {
        QString why;
        if (auto *row = qobject_cast<FilterConditionWidget *>(item))
            why = row->problem();
        else if (auto *group = qobject_cast<FilterGroupWidget *>(item))
            why = group->problem();
        if (!why.isEmpty())
            return why;
    }
    return {};
}

} // namespace Gui
