#pragma once

#include <QDialog>

class AppContext;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;

namespace Gui {

// Who sends (name, postal address, contact — printed on every message) and which rules apply
// (CASL, GDPR or both), with the purposes of communication and their default lawful basis.
class OrganisationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OrganisationDialog(AppContext &context, QWidget *parent = nullptr);
    void accept() override;

Q_SIGNALS:
    void purposesChanged();

private:
    void loadPurposes();
    void addPurpose();

    AppContext &m_context;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_website = nullptr;
    QLineEdit *m_unsubscribeUrl = nullptr;
    QComboBox *m_jurisdiction = nullptr;
    QTreeWidget *m_purposes = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Gui
