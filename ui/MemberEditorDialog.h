#pragma once

#include "core/Member.h"

#include <QDialog>
#include <QHash>

#include <memory>

class AppContext;
class QLabel;
class QWidget;

namespace Ui {
class MemberEditorDialog;
}

namespace Storage {
class MemberRepository;
}

namespace Gui {

class MemberConsentWidget;

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
    // Shows the Consent tab (status, history, record, export, erase) for a stored member.
    void enableConsent(AppContext &context);
    void showConsentTab();
    // A volunteer who may only look (a reader): every field read-only, no Save, the consent tab's
    // recording and erasing buttons off; `why` says so at the top.
    void setReadOnly(const QString &why);
    // "City: Lyon → Nantes", one per field that differs (what another volunteer changed).
    static QStringList changedFields(const Core::Member &before, const Core::Member &after);
    // Other volunteers with this member open right now (a shared member file): said above the form.
    void setOtherEditors(const QStringList &logins);
    const Core::Member &savedMember() const { return m_saved; }

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void memberSaved(const Core::Member &member);
    void consentChanged(qint64 memberId);
    void memberErased(qint64 memberId);

private:
    Core::Member memberFromForm() const;
    void resolveConflict(const Core::Member &mine, qint64 householdWith);
    void clearErrors();
    void showError(const QString &field, const QString &message);
    void checkEmail();
    void updateNoEmail();

    std::unique_ptr<Ui::MemberEditorDialog> m_ui;
    Storage::MemberRepository &m_members;
    Core::Member m_member;
    Core::Member m_saved;
    QStringList m_loadedForm; // the fields as shown when the member was opened
    QStringList formValues() const;
    QHash<QString, QLabel *> m_errorLabels;
    QHash<QString, QWidget *> m_fieldWidgets;
    MemberConsentWidget *m_consent = nullptr;
    QLabel *m_otherEditors = nullptr;
};

} // namespace Gui
