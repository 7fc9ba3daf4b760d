#pragma once

#include "storage/Volunteers.h"

#include <QDialog>

class AppContext;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace Gui {

// Edit › Volunteers… (admins of a member file on a server): who may connect, as admin, editor or reader,
// for every member or some sections, and when each was last seen. The server itself checks that the
// one asking is an admin and grants each login exactly its role.
class VolunteersDialog : public QDialog
{
    Q_OBJECT

public:
    // `knownSections`: the member file's sections, offered when typing a volunteer's.
    VolunteersDialog(AppContext &context, QStringList knownSections, QWidget *parent = nullptr);

    // For tests and the buttons: give access (creating the login when `password` is set), take it away.
    bool grant(const QString &login, Storage::Role role, const QStringList &sections,
               const std::optional<QString> &password);
    bool revoke(const QString &login);
    QString lastError() const { return m_lastError; }

private:
    void reload();
    void edit(bool isNew);

    AppContext &m_context;
    QStringList m_knownSections;
    QTreeWidget *m_list = nullptr;
    QList<Storage::Volunteer> m_volunteers;
    QString m_lastError;
};

// Adding or changing one volunteer: login, role, sections, and a password when the login is new.
class VolunteerEditDialog : public QDialog
{
    Q_OBJECT

public:
    VolunteerEditDialog(const Storage::Volunteer *existing, const QStringList &knownSections,
                        QWidget *parent = nullptr);
    QString login() const;
    Storage::Role role() const;
    QStringList sections() const;
    std::optional<QString> password() const; // set when a new login is to be created
    void accept() override;

private:
    QLineEdit *m_login = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_sections = nullptr;
    QCheckBox *m_create = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Gui
