#include "VolunteersDialog.h"

#include "AppContext.h"
#include "MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gui {

namespace {

QString sectionsText(const QStringList &sections)
{
    return sections.isEmpty() ? QCoreApplication::translate("Gui::VolunteersDialog", "Every member")
                              : sections.join(QStringLiteral(", "));
}

} // namespace

VolunteersDialog::VolunteersDialog(AppContext &context, QStringList knownSections, QWidget *parent)
    : QDialog(parent), m_context(context), m_knownSections(std::move(knownSections))
{
    setObjectName(QStringLiteral("volunteersDialog"));
    setWindowTitle(tr("Volunteers"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each volunteer connects with a login of their own. The server itself enforces the "
                                "role: an <b>admin</b> does everything, an <b>editor</b> changes members, consent, "
                                "reports and campaigns and sends, a <b>reader</b> looks, searches and runs reports. "
                                "Sections limit a volunteer to those members."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("volunteerList"));
    m_list->setHeaderLabels({tr("Login"), tr("Role"), tr("Sections"), tr("Last seen")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *add = buttons->addButton(tr("&Add…"), QDialogButtonBox::ActionRole);
    add->setObjectName(QStringLiteral("addVolunteerButton"));
    QPushButton *change = buttons->addButton(tr("&Change…"), QDialogButtonBox::ActionRole);
    change->setObjectName(QStringLiteral("changeVolunteerButton"));
    QPushButton *remove = buttons->addButton(tr("&Remove access…"), QDialogButtonBox::ActionRole);
    remove->setObjectName(QStringLiteral("removeVolunteerButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, [this] { edit(true); });
    connect(change, &QPushButton::clicked, this, [this] { edit(false); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { edit(false); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        const QString login = item->text(0);
        if (MessageBox::question(this, tr("Remove access"),
                                 tr("Take every right on this member file away from %1? The login stays on the "
                                    "server; what %1 did stays in the audit log.")
                                     .arg(login),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes &&
            !revoke(login))
            MessageBox::critical(this, tr("Remove access"), m_lastError);
    });
    auto updateButtons = [this, change, remove] {
        change->setEnabled(m_list->currentItem() != nullptr);
        remove->setEnabled(m_list->currentItem() != nullptr);
    };
    connect(m_list, &QTreeWidget::currentItemChanged, this, updateButtons);
    reload();
    updateButtons();
    resize(720, 420);
}

void VolunteersDialog::reload()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text(0) : QString();
    m_list->clear();
    auto list = Storage::Volunteers(m_context.database()).list();
    if (!list.ok()) {
        m_lastError = list.error().message;
        return;
    }
    m_volunteers = list.value();
    const QLocale locale;
    for (const Storage::Volunteer &v : std::as_const(m_volunteers)) {
        auto *item = new QTreeWidgetItem(
            {v.login, Storage::Access::roleLabel(v.role), sectionsText(v.sections),
             v.lastSeen.isValid() ? locale.toString(v.lastSeen.toLocalTime(), QLocale::ShortFormat) : tr("never")});
        m_list->addTopLevelItem(item);
        if (v.login == current)
            m_list->setCurrentItem(item);
    }
    for (int c = 0; c < m_list->columnCount(); ++c)
        m_list->resizeColumnToContents(c);
}

bool VolunteersDialog::grant(const QString &login, Storage::Role role, const QStringList &sections,
                             const std::optional<QString> &password)
{
    auto r = Storage::Volunteers(m_context.database()).grant(login, role, sections, password);
    if (!r.ok()) {
        m_lastError = r.error().message;
        return false;
    }
    reload();
    return true;
}

bool VolunteersDialog::revoke(const QString &login)
{
    auto r = Storage::Volunteers(m_context.database()).revoke(login);
    if (!r.ok()) {
        m_lastError = r.error().message;
        return false;
    }
    reload();
    return true;
}

void VolunteersDialog::edit(bool isNew)
{
    const Storage::Volunteer *existing = nullptr;
    if (!isNew) {
        const QTreeWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        for (const Storage::Volunteer &v : std::as_const(m_volunteers)) {
            if (v.login == item->text(0))
                existing = &v;
        }
        if (!existing)
            return;
    }
    VolunteerEditDialog dialog(existing, m_knownSections, this);
    while (dialog.exec() == QDialog::Accepted) {
        if (grant(dialog.login(), dialog.role(), dialog.sections(), dialog.password()))
            return;
        MessageBox::critical(this, dialog.windowTitle(), m_lastError);
    }
}

VolunteerEditDialog::VolunteerEditDialog(const Storage::Volunteer *existing, const QStringList &knownSections,
                                         QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("volunteerEditDialog"));
    setWindowTitle(existing ? tr("Change a volunteer's access") : tr("Add a volunteer"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("volunteerLogin"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("volunteerRole"));
    for (Storage::Role r : {Storage::Role::Editor, Storage::Role::Reader, Storage::Role::Admin})
        m_role->addItem(Storage::Access::roleLabel(r), int(r));
    m_sections = new QLineEdit(this);
    m_sections->setObjectName(QStringLiteral("volunteerSections"));
    m_sections->setPlaceholderText(tr("Empty: every member. Several: separated by commas"));
    if (!knownSections.isEmpty()) {
        auto *completer = new QCompleter(knownSections, m_sections);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_sections->setCompleter(completer);
        m_sections->setToolTip(tr("Sections of this member file: %1").arg(knownSections.join(QStringLiteral(", "))));
    }
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Sections:"), m_sections);
    m_create = new QCheckBox(tr("Create this login on the server, with a password"), this);
    m_create->setObjectName(QStringLiteral("volunteerCreate"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("volunteerPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("volunteerPasswordConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    layout->addLayout(form);
    if (existing) {
        m_login->setText(existing->login);
        m_login->setReadOnly(true);
        m_role->setCurrentIndex(m_role->findData(int(existing->role)));
        m_sections->setText(existing->sections.join(QStringLiteral(", ")));
        m_create->setVisible(false);
        m_password->setVisible(false);
        m_confirm->setVisible(false);
    } else {
        auto *passwords = new QFormLayout;
        passwords->addRow(m_create);
        passwords->addRow(tr("&Password:"), m_password);
        passwords->addRow(tr("Co&nfirm:"), m_confirm);
        layout->addLayout(passwords);
        m_create->setChecked(true);
        connect(m_create, &QCheckBox::toggled, m_password, &QWidget::setEnabled);
        connect(m_create, &QCheckBox::toggled, m_confirm, &QWidget::setEnabled);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("volunteerError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &VolunteerEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString VolunteerEditDialog::login() const
{
    return m_login->text().trimmed();
}

Storage::Role VolunteerEditDialog::role() const
{
    return Storage::Role(m_role->currentData().toInt());
}

QStringList VolunteerEditDialog::sections() const
{
    QStringList out;
    for (const QString &s : m_sections->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!s.trimmed().isEmpty())
            out.append(s.trimmed());
    }
    return out;
}

std::optional<QString> VolunteerEditDialog::password() const
{
    if (!m_create->isChecked())
        return std::nullopt;
    return m_password->text();
}

void VolunteerEditDialog::accept()
{
    QString problem;
    if (login().isEmpty())
        problem = tr("Give the volunteer's login.");
    else if (m_create->isChecked() && m_password->text().size() < 8)
        problem = tr("A volunteer's password needs at least 8 characters.");
    else if (m_create->isChecked() && m_password->text() != m_confirm->text())
        problem = tr("The two passwords differ.");
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace Gui
