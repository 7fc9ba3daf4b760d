#pragma once

#include <QWidget>

namespace Gui {

// Shown instead of the table while the member list is empty.
class WelcomeWidget : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomeWidget(QWidget *parent = nullptr);

Q_SIGNALS:
    void addMemberRequested();
    void demoRequested();
};

} // namespace Gui
