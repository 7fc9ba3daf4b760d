#include "ReportParamsDialog.h"

#include "ui_ReportParamsDialog.h"

#include <QLineEdit>
#include <QPushButton>

namespace Gui {

ReportParamsDialog::ReportParamsDialog(const QString &reportName, const QList<QPair<QString, QString>> &questions,
                                       const QHash<QString, QString> &previous, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ReportParamsDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("reportParamsDialog"));
    m_ui->intro->setText(tr("The report \"%1\" asks:").arg(reportName));
    for (const auto &[key, label] : questions) {
        auto *edit = new QLineEdit(previous.value(key), this);
        edit->setObjectName(QStringLiteral("answer_") + key);
        m_ui->form->addRow(label.isEmpty() ? key : label, edit);
        connect(edit, &QLineEdit::textChanged, this, &ReportParamsDialog::check);
        m_edits.append({key, edit});
    }
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

ReportParamsDialog::~ReportParamsDialog() = default;

void ReportParamsDialog::check()
{
    bool complete = true;
    for (const auto &[key, edit] : std::as_const(m_edits))
        complete = complete && !edit->text().trimmed().isEmpty();
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

QHash<QString, QString> ReportParamsDialog::answers() const
{
    QHash<QString, QString> out;
    for (const auto &[key, edit] : m_edits)
        out.insert(key, edit->text().trimmed());
    return out;
}

} // namespace Gui
