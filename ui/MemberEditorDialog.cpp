#include "MemberEditorDialog.h"
#include "MessageBox.h"

#include "ui_MemberEditorDialog.h"

#include "MemberConsentWidget.h"

#include "core/EmailAddress.h"
#include "storage/MemberRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>

using Core::MemberField;
namespace MemberFields = Core::MemberFields;

namespace Gui {

namespace {
QDate dateFrom(const QDateEdit *edit)
{
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}

void setDate(QDateEdit *edit, const QDate &date)
{
    edit->setDate(date.isValid() ? date : edit->minimumDate());
}
} // namespace

MemberEditorDialog::MemberEditorDialog(Storage::MemberRepository &members, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::MemberEditorDialog>()), m_members(members)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("New member"));
    m_otherEditors = new QLabel(this);
    m_otherEditors->setObjectName(QStringLiteral("otherEditorsNote"));
    m_otherEditors->setWordWrap(true);
    m_otherEditors->setStyleSheet(
        QStringLiteral("background: #fff4ce; color: #3b2f00; border: 1px solid #e0c870; padding: 6px;"));
    m_otherEditors->hide();
    m_ui->mainLayout->insertWidget(0, m_otherEditors);
    m_ui->languageCombo->addItem(tr("Not specified"), QString());
    m_ui->languageCombo->addItem(tr("French"), QStringLiteral("fr"));
    m_ui->languageCombo->addItem(tr("English"), QStringLiteral("en"));
    for (QWidget *w : {static_cast<QWidget *>(m_ui->sectionCombo), static_cast<QWidget *>(m_ui->categoryCombo),
                       static_cast<QWidget *>(m_ui->languageCombo), static_cast<QWidget *>(m_ui->membershipStartEdit),
                       static_cast<QWidget *>(m_ui->membershipEndEdit)})
        w->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setDate(m_ui->membershipStartEdit, {});
    setDate(m_ui->membershipEndEdit, {});
    m_ui->householdEdit->setPlaceholderText(tr("ID or email of a partner or family member"));
    m_ui->emailEdit->setPlaceholderText(tr("name@example.org"));

    const std::pair<MemberField, QLabel *> errors[] = {
        {MemberField::FirstName, m_ui->firstNameError},
        {MemberField::LastName, m_ui->lastNameError},
        {MemberField::Email, m_ui->emailError},
        {MemberField::MemberNumber, m_ui->memberNumberError},
        {MemberField::MembershipEnd, m_ui->membershipEndError},
        {MemberField::Language, m_ui->languageError},
        {MemberField::HouseholdId, m_ui->householdError},
    };
    for (const auto &[field, label] : errors) {
        m_errorLabels.insert(MemberFields::key(field), label);
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // as wide as the field above
    }
    const std::pair<MemberField, QWidget *> widgets[] = {
        {MemberField::FirstName, m_ui->firstNameEdit},
        {MemberField::LastName, m_ui->lastNameEdit},
        {MemberField::Email, m_ui->emailEdit},
        {MemberField::MemberNumber, m_ui->memberNumberEdit},
        {MemberField::MembershipEnd, m_ui->membershipEndEdit},
        {MemberField::Language, m_ui->languageCombo},
        {MemberField::HouseholdId, m_ui->householdEdit},
    };
    for (const auto &[field, widget] : widgets)
        m_fieldWidgets.insert(MemberFields::key(field), widget);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &MemberEditorDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &MemberEditorDialog::reject);
    connect(m_ui->noEmailCheck, &QCheckBox::toggled, this, &MemberEditorDialog::updateNoEmail);
    connect(m_ui->emailEdit, &QLineEdit::editingFinished, this, &MemberEditorDialog::checkEmail);
    connect(m_ui->emailSuggestionLabel, &QLabel::linkActivated, this, [this](const QString &address) {
        m_ui->emailEdit->setText(address);
        checkEmail();
    });
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);
    // The consent tab needs a stored member and the consent service: enableConsent() turns it on.
    m_ui->tabs->setTabEnabled(1, false);
    m_ui->tabs->setTabToolTip(1, tr("Save the member first: consent is recorded for a stored member."));
    m_loadedForm = formValues(); // a new member: nothing typed yet
}

void MemberEditorDialog::enableConsent(AppContext &context)
{
    if (m_consent || m_member.id == 0)
        return;
    m_consent = new MemberConsentWidget(context, m_ui->consentTab);
    m_ui->consentLayout->addWidget(m_consent);
    m_consent->setMember(m_member);
    m_ui->tabs->setTabEnabled(1, true);
    m_ui->tabs->setTabToolTip(1, QString());
    connect(m_consent, &MemberConsentWidget::consentChanged, this, &MemberEditorDialog::consentChanged);
    connect(m_consent, &MemberConsentWidget::memberErased, this, [this](qint64 id) {
        Q_EMIT memberErased(id);
        QDialog::reject(); // nothing left to edit
    });
}

void MemberEditorDialog::showConsentTab()
{
    m_ui->tabs->setCurrentIndex(1);
}

MemberEditorDialog::~MemberEditorDialog() = default;

void MemberEditorDialog::setChoices(const QStringList &sections, const QStringList &categories)
{
    const QString section = m_ui->sectionCombo->currentText();
    const QString category = m_ui->categoryCombo->currentText();
    m_ui->sectionCombo->clear();
    m_ui->sectionCombo->addItems(QStringList{QString()} + sections);
    m_ui->categoryCombo->clear();
    m_ui->categoryCombo->addItems(QStringList{QString()} + categories);
    m_ui->sectionCombo->setCurrentText(section);
    m_ui->categoryCombo->setCurrentText(category);
}

void MemberEditorDialog::setMember(const Core::Member &m)
{
    m_member = m;
    // The member number people know, never Carnet's internal id.
    setWindowTitle(m.memberNumber.isEmpty() ? m.displayName()
                                            : tr("%1 — member no. %2").arg(m.displayName(), m.memberNumber));
    m_ui->memberNumberEdit->setText(m.memberNumber);
    m_ui->firstNameEdit->setText(m.firstName);
    m_ui->lastNameEdit->setText(m.lastName);
    m_ui->emailEdit->setText(m.email);
    m_ui->noEmailCheck->setChecked(m.id != 0 && m.email.isEmpty());
    m_ui->phoneEdit->setText(m.phone);
    m_ui->mobileEdit->setText(m.mobile);
    m_ui->addressEdit->setPlainText(m.address);
    m_ui->postalCodeEdit->setText(m.postalCode);
    m_ui->cityEdit->setText(m.city);
    m_ui->countryEdit->setText(m.country);
    m_ui->sectionCombo->setCurrentText(m.section);
    m_ui->categoryCombo->setCurrentText(m.category);
    setDate(m_ui->membershipStartEdit, m.membershipStart);
    setDate(m_ui->membershipEndEdit, m.membershipEnd);
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(m.language)));
    m_ui->notesEdit->setPlainText(m.notes);
    if (m.householdId != 0)
        m_ui->householdEdit->setPlaceholderText(tr("In household %1").arg(m.householdId));
    m_loadedForm = formValues();
}

// Every value the member tab's fields show, to tell whether anything was changed.
QStringList MemberEditorDialog::formValues() const
{
    QStringList values;
    QWidget *tab = m_ui->tabs->widget(0);
    for (const QLineEdit *e : tab->findChildren<QLineEdit *>())
        values.append(e->text());
    for (const QPlainTextEdit *e : tab->findChildren<QPlainTextEdit *>())
        values.append(e->toPlainText());
    for (const QCheckBox *c : tab->findChildren<QCheckBox *>())
        values.append(c->isChecked() ? QStringLiteral("1") : QStringLiteral("0"));
    for (const QDateEdit *d : tab->findChildren<QDateEdit *>())
        values.append(d->date().toString(Qt::ISODate));
    for (const QComboBox *c : tab->findChildren<QComboBox *>())
        values.append(c->currentText());
    return values;
}

// Esc, Cancel or the window's close button: changes are not thrown away without asking.
void MemberEditorDialog::reject()
{
    if (formValues() != m_loadedForm &&
        MessageBox::question(this, windowTitle(), tr("Discard the changes you made?"),
                             QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    QDialog::reject();
}

Core::Member MemberEditorDialog::memberFromForm() const
{
    Core::Member m = m_member;
    m.memberNumber = m_ui->memberNumberEdit->text();
    m.firstName = m_ui->firstNameEdit->text();
    m.lastName = m_ui->lastNameEdit->text();
    m.noEmail = m_ui->noEmailCheck->isChecked();
    m.email = m.noEmail ? QString() : m_ui->emailEdit->text();
    m.phone = m_ui->phoneEdit->text();
    m.mobile = m_ui->mobileEdit->text();
    m.address = m_ui->addressEdit->toPlainText();
    m.postalCode = m_ui->postalCodeEdit->text();
    m.city = m_ui->cityEdit->text();
    m.country = m_ui->countryEdit->text();
    m.section = m_ui->sectionCombo->currentText();
    m.category = m_ui->categoryCombo->currentText();
    m.membershipStart = dateFrom(m_ui->membershipStartEdit);
    m.membershipEnd = dateFrom(m_ui->membershipEndEdit);
    m.language = m_ui->languageCombo->currentData().toString();
    m.notes = m_ui->notesEdit->toPlainText();
    return m;
}

void MemberEditorDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->setMinimumHeight(0);
        label->setVisible(false);
    }
    m_ui->generalError->clear();
    m_ui->generalError->setVisible(false);
}

void MemberEditorDialog::showError(const QString &field, const QString &message)
{
    QLabel *label = m_errorLabels.value(field, m_ui->generalError);
    label->setText(label->text().isEmpty() ? message : label->text() + QLatin1Char('\n') + message);
    label->setVisible(true);
    // A wrapped label needs the height of all its lines at the width of the field above it.
    const QWidget *fieldWidget = m_fieldWidgets.value(field);
    const int width = fieldWidget && fieldWidget->width() > 50 ? fieldWidget->width() : label->width();
    label->setMinimumHeight(label->heightForWidth(std::max(width, 200)));
    label->setAccessibleDescription(message);
}

void MemberEditorDialog::updateNoEmail()
{
    const bool none = m_ui->noEmailCheck->isChecked();
    m_ui->emailEdit->setEnabled(!none);
    if (none) {
        m_ui->emailError->setVisible(false);
        m_ui->emailSuggestionLabel->setVisible(false);
    }
}

void MemberEditorDialog::checkEmail()
{
    m_ui->emailError->clear();
    m_ui->emailError->setVisible(false);
    m_ui->emailSuggestionLabel->setVisible(false);
    const QString text = m_ui->emailEdit->text();
    if (text.trimmed().isEmpty() || m_ui->noEmailCheck->isChecked())
        return;
    const Core::EmailCheck check = Core::EmailAddress::check(text);
    if (!check.valid) {
        showError(MemberFields::key(MemberField::Email), check.error);
        return;
    }
    if (!check.suggestion.isEmpty()) {
        m_ui->emailSuggestionLabel->setText(
            tr("Did you mean <a href=\"%1\">%1</a>?").arg(check.suggestion.toHtmlEscaped()));
        m_ui->emailSuggestionLabel->setVisible(true);
    }
}

void MemberEditorDialog::accept()
{
    clearErrors();
    Core::Member m = memberFromForm();
    qint64 householdWith = 0;
    const QString household = m_ui->householdEdit->text().trimmed();
    if (!household.isEmpty()) {
        auto other = m_members.findByReference(household);
        if (!other.ok()) {
            showError(MemberFields::key(MemberField::HouseholdId), other.error().message);
            m_ui->householdEdit->setFocus();
            return;
        }
        householdWith = other.value().id;
    }
    Core::MemberValidation validation;
    auto saved = m_members.save(m, householdWith, &validation);
    if (!saved.ok() && saved.error().code == Core::Error::Code::Stale) {
        resolveConflict(m, householdWith);
        return;
    }
    if (!saved.ok()) {
        if (validation.errors.isEmpty())
            showError(saved.error().field, saved.error().message);
        for (const Core::Error &e : std::as_const(validation.errors))
            showError(e.field, e.message);
        const QString firstField = validation.errors.isEmpty() ? saved.error().field : validation.errors.first().field;
        if (QWidget *w = m_fieldWidgets.value(firstField))
            w->setFocus();
        return;
    }
    m_saved = saved.value();
    Q_EMIT memberSaved(m_saved);
    QDialog::accept();
}

namespace {
// The fields a person compares between two versions of a member (not its id, dates of record, household).
bool comparable(MemberField f)
{
    return f != MemberField::Id && f != MemberField::CreatedAt && f != MemberField::UpdatedAt &&
           f != MemberField::Extra && f != MemberField::HouseholdId;
}
// An absent value and an empty field are the same thing to the person reading.
bool same(const QVariant &a, const QVariant &b)
{
    const bool emptyA = a.isNull() || a.toString().isEmpty(), emptyB = b.isNull() || b.toString().isEmpty();
    return (emptyA && emptyB) || (!emptyA && !emptyB && a.toString() == b.toString());
}
QString shown(const QVariant &v)
{
    const QString text =
        v.typeId() == QMetaType::QDate ? QLocale().toString(v.toDate(), QLocale::ShortFormat) : v.toString();
    return text.isEmpty() ? MemberEditorDialog::tr("(empty)") : text;
}
} // namespace

QStringList MemberEditorDialog::changedFields(const Core::Member &before, const Core::Member &after)
{
    QStringList changes;
    for (MemberField f : MemberFields::all()) {
        if (comparable(f) && !same(before.value(f), after.value(f)))
            changes.append(
                tr("%1: %2 → %3").arg(MemberFields::label(f), shown(before.value(f)), shown(after.value(f))));
    }
    return changes;
}

// Someone else saved this member while it was open here: nothing was overwritten. Says who changed what,
// when, and offers to keep their version, to apply only the fields changed here (when they changed none of
// them), or to review: the form then shows their version with this editor's changes on top, to save again.
void MemberEditorDialog::resolveConflict(const Core::Member &mine, qint64 householdWith)
{
    auto found = m_members.find(mine.id);
    if (!found.ok()) {
        showError(QString(), found.error().code == Core::Error::Code::NotFound
                                 ? tr("Someone else deleted this member while you were editing it. What you typed "
                                      "is still here; close the editor to leave it.")
                                 : found.error().message);
        return;
    }
    const Core::Member theirs = found.value();
    QStringList theirChanges, myChanges;
    QList<MemberField> mineOnly;
    bool overlap = false;
    for (MemberField f : MemberFields::all()) {
        if (!comparable(f))
            continue;
        const QVariant before = m_member.value(f), now = theirs.value(f), typed = mine.value(f);
        const bool theyChanged = !same(now, before), iChanged = !same(typed, before);
        if (theyChanged)
            theirChanges.append(tr("%1: %2 → %3").arg(MemberFields::label(f), shown(before), shown(now)));
        if (iChanged) {
            myChanges.append(tr("%1: %2").arg(MemberFields::label(f), shown(typed)));
            mineOnly.append(f);
        }
        overlap = overlap || (theyChanged && iChanged && !same(now, typed));
    }
    const QString who = theirs.updatedBy.isEmpty() ? tr("Someone else") : theirs.updatedBy;
    QMessageBox box(
        QMessageBox::Warning, tr("Changed meanwhile"),
        tr("%1 changed %2 at %3, while you were editing it. Nothing was overwritten.")
            .arg(who, theirs.displayName(), QLocale().toString(theirs.updatedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Discard | QMessageBox::Apply | QMessageBox::Retry, this);
    box.setObjectName(QStringLiteral("memberConflict"));
    box.setInformativeText(
        (theirChanges.isEmpty()
             ? QString()
             : tr("Their changes:") + QStringLiteral("\n• ") + theirChanges.join(QStringLiteral("\n• "))) +
        (myChanges.isEmpty() ? QString()
                             : QStringLiteral("\n\n") + tr("Your changes:") + QStringLiteral("\n• ") +
                                   myChanges.join(QStringLiteral("\n• "))) +
        (overlap ? QStringLiteral("\n\n") + tr("You both changed the same field: review before saving.") : QString()));
    box.button(QMessageBox::Discard)->setText(tr("&Keep theirs"));
    box.button(QMessageBox::Apply)->setText(tr("&Use mine for the fields I changed"));
    box.button(QMessageBox::Apply)->setEnabled(!overlap);
    box.button(QMessageBox::Retry)->setText(tr("&Review"));
    box.setDefaultButton(QMessageBox::Retry);
    QMessageBox::StandardButton answer = MessageBox::answerFor(box);
    if (answer == QMessageBox::Apply && overlap)
        answer = QMessageBox::Retry;
    Core::Member merged = theirs;
    for (MemberField f : std::as_const(mineOnly))
        merged.setValue(f, mine.value(f));
    merged.noEmail = merged.email.isEmpty();
    switch (answer) {
    case QMessageBox::Discard:
        m_saved = theirs;
        Q_EMIT memberSaved(theirs);
        QDialog::accept();
        return;
    case QMessageBox::Apply: {
        auto saved = m_members.save(merged, householdWith);
        if (!saved.ok()) {
            showError(saved.error().field, saved.error().message);
            return;
        }
        m_saved = saved.value();
        Q_EMIT memberSaved(m_saved);
        QDialog::accept();
        return;
    }
    default: {
        // Their version underneath, this editor's changes on top: Save again writes it as shown.
        setMember(theirs);
        const QStringList loaded = m_loadedForm;
        Core::Member onTop = theirs;
        for (MemberField f : std::as_const(mineOnly))
            onTop.setValue(f, mine.value(f));
        onTop.noEmail = onTop.email.isEmpty();
        setMember(onTop);
        m_member = theirs; // the next save checks their version
        m_loadedForm = loaded;
        showError(QString(), tr("Their version is shown, with your changes on top. Check it, then save again."));
        return;
    }
    }
}

void MemberEditorDialog::setOtherEditors(const QStringList &logins)
{
    m_otherEditors->setVisible(!logins.isEmpty());
    if (logins.isEmpty())
        return;
    m_otherEditors->setText(
        tr("Being edited by %1 right now. Nothing can be lost: if you both save, the second one to save sees what "
           "the other changed and chooses what to keep.")
            .arg(QLocale().createSeparatedList(logins)));
}

void MemberEditorDialog::setReadOnly(const QString &why)
{
    setWindowTitle(tr("Member (read only)"));
    for (QLineEdit *edit : m_ui->tabs->widget(0)->findChildren<QLineEdit *>())
        edit->setReadOnly(true);
    for (QPlainTextEdit *edit : m_ui->tabs->widget(0)->findChildren<QPlainTextEdit *>())
        edit->setReadOnly(true);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->sectionCombo), static_cast<QWidget *>(m_ui->categoryCombo),
                       static_cast<QWidget *>(m_ui->languageCombo), static_cast<QWidget *>(m_ui->membershipStartEdit),
                       static_cast<QWidget *>(m_ui->membershipEndEdit), static_cast<QWidget *>(m_ui->noEmailCheck)})
        w->setEnabled(false);
    for (const char *name : {"recordConsentButton", "recordWithdrawalButton", "eraseMemberButton"}) {
        if (auto *button = findChild<QPushButton *>(QLatin1String(name))) {
            button->setEnabled(false);
            button->setToolTip(why);
        }
    }
    m_ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
    m_ui->requiredHint->setText(why);
    m_ui->requiredHint->setWordWrap(true);
    m_ui->requiredHint->setObjectName(QStringLiteral("readOnlyNote"));
}

} // namespace Gui
