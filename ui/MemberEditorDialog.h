#pragma once

#include "core/Member.h"

#include <QDialog>
#include <QHash>

#include <memory>

class QLabel;
class QWidget;

namespace Ui {
class MemberEditorDialog;
}

namespace Storage {
class MemberRepository;
}

namespace Gui {

// Creates or edits one member. Validation messages appear under the field concerned; nothing is
// saved until every rule holds. Enter saves, Esc cancels.
class MemberEditorDialog : public QDialog
{
    Q_OBJECT

public:
    MemberEditorDialog(Storage::MemberRepository &members, QWidget *parent = nullptr);
    ~MemberEditorDialog() override;

    void setMember(const Core::Member &member); // edit; without it the dialog creates a member
    void setChoices(const QStringList &sections, const QStringList &categories);
    const Core::Member &savedMember() const { return m_saved; }

    void accept() override;

Q_SIGNALS:
    void memberSaved(const Core::Member &member);

private:
    Core::Member memberFromForm() const;
    void clearErrors();
    void showError(const QString &field, const QString &message);
    void checkEmail();
    void updateNoEmail();

    std::unique_ptr<Ui::MemberEditorDialog> m_ui;
    Storage::MemberRepository &m_members;
    Core::Member m_member;
    Core::Member m_saved;
    QHash<QString, QLabel *> m_errorLabels;
    QHash<QString, QWidget *> m_fieldWidgets;
};

} // namespace Gui
