#pragma once

#include "consent/ConsentService.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

class AppContext;

namespace Gui {

// "Record consent" and "Record withdrawal": purpose, basis, the date on the form, source, wording,
// evidence. For one member, or for a selection (bulk: a confirmation says how many and which purpose).
class ConsentDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Grant, Withdraw };

    // `memberIds`: one member, or the members of a selection (grant only).
    ConsentDialog(Consent::ConsentService &consent, const Core::Clock &clock, Mode mode, std::vector<qint64> memberIds,
                  const QString &who, QWidget *parent = nullptr);

    void accept() override;
    QString resultMessage() const { return m_resultMessage; }
    // How a selection's grants are recorded (the window: aside, with progress and Cancel); by default the
    // service, here.
    using BulkRecorder =
        std::function<Core::Result<Consent::BulkResult>(const std::vector<qint64> &, const Consent::GrantRequest &)>;
    void setBulkRecorder(BulkRecorder recorder) { m_bulk = std::move(recorder); }
    // Records them on a thread of their own with a context of their own (ui/WorkAside), in one transaction: the
    // window answers, a progress dialog with Cancel shows when it lasts (Cancel: nothing recorded).
    static BulkRecorder recordAside(AppContext &context, QWidget *dialog);

private:
    void updateBasis();
    void showError(const QString &message);

    Consent::ConsentService &m_consent;
    const Core::Clock &m_clock;
    Mode m_mode;
    std::vector<qint64> m_memberIds;
    QString m_who;
    QComboBox *m_purpose = nullptr;
    QComboBox *m_basis = nullptr;
    QDateEdit *m_date = nullptr;
    QDateEdit *m_expires = nullptr;
    QLabel *m_expiresLabel = nullptr;
    QComboBox *m_source = nullptr;
    QPlainTextEdit *m_wording = nullptr;
    QLineEdit *m_note = nullptr;
    QLineEdit *m_evidence = nullptr;
    QLineEdit *m_recordedBy = nullptr;
    QLabel *m_error = nullptr;
    QString m_resultMessage;
    BulkRecorder m_bulk;
};

} // namespace Gui
