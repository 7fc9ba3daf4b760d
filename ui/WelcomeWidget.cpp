#include "WelcomeWidget.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

WelcomeWidget::WelcomeWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomeWidget"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);

    auto *title = new QLabel(tr("Welcome to Carnet"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);

    auto *intro = new QLabel(tr("Your member list is empty. Start in one of these ways:"), this);
    intro->setAlignment(Qt::AlignCenter);
    layout->addWidget(intro);
    layout->addSpacing(16);

    auto *drop = new QLabel(tr("Drop a spreadsheet here to import members"), this);
    drop->setObjectName(QStringLiteral("dropHint"));
    drop->setAlignment(Qt::AlignCenter);
    drop->setMinimumHeight(110);
    drop->setStyleSheet(QStringLiteral("QLabel#dropHint { border: 2px dashed palette(mid); border-radius: 8px;"
                                       " padding: 24px; font-size: 12pt; }"));
    layout->addWidget(drop);
    layout->addSpacing(16);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *add = new QPushButton(tr("Add a member"), this);
    add->setObjectName(QStringLiteral("welcomeAddButton"));
    auto *demo = new QPushButton(tr("Explore the demo association"), this);
    demo->setObjectName(QStringLiteral("welcomeDemoButton"));
    buttons->addWidget(add);
    buttons->addWidget(demo);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch(3);
    layout->setContentsMargins(64, 32, 64, 32);

    connect(add, &QPushButton::clicked, this, &WelcomeWidget::addMemberRequested);
    connect(demo, &QPushButton::clicked, this, &WelcomeWidget::demoRequested);
}

} // namespace Gui
