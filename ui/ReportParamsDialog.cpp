#include "ReportParamsDialog.h"

#include "ui_ReportParamsDialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPushButton>

namespace Gui {

ReportParamsDialog::ReportParamsDialog(const QString &reportName, const QList<QPair<QString, QString>> &questions,
                                       const QHash<QString, QString> &previous, QWidget *parent,
                                       const QHash<QString, QStringList> &choices)
    : QDialog(parent), m_ui(std::make_unique<Ui::ReportParamsDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("reportParamsDialog"));
    m_ui->intro->setText(tr("The report \"%1\" asks:").arg(reportName));
    for (const auto &[key, label] : questions) {
        // A question about a field with known values (a section, a category) offers them; typing is still
        // allowed, and "plateau" finds "Plateau".
        auto *combo = new QComboBox(this);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItems(choices.value(key));
        combo->setCurrentIndex(-1);
        combo->setEditText(previous.value(key));
        combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
        QLineEdit *edit = combo->lineEdit();
        edit->setObjectName(QStringLiteral("answer_") + key);
        m_ui->form->addRow(label.isEmpty() ? key : label, combo);
        connect(edit, &QLineEdit::textChanged, this, &ReportParamsDialog::check);
        m_edits.append({key, edit});
        m_choices.insert(key, choices.value(key));
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
    for (const auto &[key, edit] : m_edits) {
        QString answer = edit->text().trimmed();
        for (const QString &known : m_choices.value(key)) {
            if (known.compare(answer, Qt::CaseInsensitive) == 0)
                answer = known; // the spelling the members have
        }
        out.insert(key, answer);
    }
    return out;
}

} // namespace Gui
