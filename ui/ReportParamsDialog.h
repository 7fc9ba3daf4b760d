#pragma once

#include <QDialog>
#include <QHash>

#include <memory>

class QLineEdit;

namespace Ui {
class ReportParamsDialog;
}

namespace Gui {

// The questions a saved report asks each time it runs ("Which section?", "Since which date?"), answered
// before its members are shown or exported. OK only once every question has an answer.
class ReportParamsDialog : public QDialog
{
    Q_OBJECT

public:
    // `choices`: for a question, the values its field has (offered, and matched without regard to case).
    ReportParamsDialog(const QString &reportName, const QList<QPair<QString, QString>> &questions,
                       const QHash<QString, QString> &previous, QWidget *parent = nullptr,
                       const QHash<QString, QStringList> &choices = {});
    ~ReportParamsDialog() override;

    QHash<QString, QString> answers() const;

private:
    void check();

    std::unique_ptr<Ui::ReportParamsDialog> m_ui;
    QList<QPair<QString, QLineEdit *>> m_edits;
    QHash<QString, QStringList> m_choices;
};

} // namespace Gui
