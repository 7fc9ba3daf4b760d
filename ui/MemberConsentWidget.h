#pragma once

#include "core/Member.h"

#include <QWidget>

class AppContext;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace Gui {

// The Consent tab of the member editor: the status per purpose, the full history as a timeline,
// and the member's rights — record consent, record a withdrawal, export their data, erase them.
class MemberConsentWidget : public QWidget
{
    Q_OBJECT

public:
    explicit MemberConsentWidget(AppContext &context, QWidget *parent = nullptr);

    void setMember(const Core::Member &member);
    void refresh();

Q_SIGNALS:
    void consentChanged(qint64 memberId);
    void memberErased(qint64 memberId);

private:
    void record(bool grant);
    void exportData();
    void erase();

    AppContext &m_context;
    Core::Member m_member;
    QTreeWidget *m_status = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_invitations = nullptr;
};

} // namespace Gui
