#include "ConsentDialog.h"

#include "MessageBox.h"
#include "WorkAside.h"

#include "AppContext.h"
#include "core/Clock.h"
#include "storage/AuditLog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using Consent::Basis;

namespace Gui {

ConsentDialog::ConsentDialog(Consent::ConsentService &consent, const Core::Clock &clock, Mode mode,
                             std::vector<qint64> memberIds, const QString &who, QWidget *parent)
    : QDialog(parent), m_consent(consent), m_clock(clock), m_mode(mode), m_memberIds(std::move(memberIds)), m_who(who)
{
    setObjectName(QStringLiteral("consentDialog"));
    const bool grant = mode == Mode::Grant;
    setWindowTitle(grant ? tr("Record consent") : tr("Record withdrawal"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(grant ? tr("Consent given by <b>%1</b>.").arg(who.toHtmlEscaped())
                                   : tr("<b>%1</b> no longer wants these messages.").arg(who.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(QStringLiteral("purposeCombo"));
    if (auto purposes = consent.purposes(); purposes.ok()) {
        for (const Consent::Purpose &p : purposes.value())
            m_purpose->addItem(p.displayLabel(), p.key);
    }
    if (!grant)
        m_purpose->addItem(tr("Every purpose (unsubscribe from everything)"), QString());
    m_purpose->setCurrentIndex(m_purpose->findData(QStringLiteral("newsletter")));
    form->addRow(tr("&Purpose"), m_purpose);

    if (grant) {
        m_basis = new QComboBox(this);
        m_basis->setObjectName(QStringLiteral("basisCombo"));
        for (Basis b : {Basis::Express, Basis::ImpliedMembership, Basis::Implied, Basis::LegitimateInterest})
            m_basis->addItem(Consent::basisLabel(b), Consent::basisKey(b));
        form->addRow(tr("&Basis"), m_basis);
    }
    m_date = new QDateEdit(clock.today(), this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setMaximumDate(clock.today());
    form->addRow(grant ? tr("&Date on the form") : tr("&Date of the request"), m_date);
    if (grant) {
        m_expires = new QDateEdit(clock.today().addYears(1), this);
        m_expires->setObjectName(QStringLiteral("expiresEdit"));
        m_expires->setCalendarPopup(true);
        m_expiresLabel = new QLabel(tr("&Expires on"), this);
        m_expiresLabel->setBuddy(m_expires);
        form->addRow(m_expiresLabel, m_expires);
    }
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_source->setEditable(true);
    m_source->setInsertPolicy(QComboBox::NoInsert);
    const QStringList sources =
        grant ? QStringList{tr("Paper form"), tr("General assembly"), tr("Phone call"), tr("Website form"),
                            tr("Email reply")}
              : QStringList{tr("Email reply"), tr("Unsubscribe link"), tr("Phone call"), tr("Letter"), tr("In person")};
    m_source->addItems(sources);
    m_source->setCurrentIndex(-1);
    m_source->lineEdit()->setPlaceholderText(tr("Where it comes from, e.g. general assembly 2026"));
    form->addRow(tr("&Source"), m_source);
    m_wording = new QPlainTextEdit(this);
    m_wording->setObjectName(QStringLiteral("wordingEdit"));
    m_wording->setTabChangesFocus(true);
    m_wording->setMaximumHeight(70);
    m_wording->setPlaceholderText(grant ? tr("The sentence the member agreed to, or the form's version")
                                        : tr("What the member said (optional)"));
    form->addRow(grant ? tr("&Wording") : tr("&Words"), m_wording);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    form->addRow(tr("&Note"), m_note);
    if (grant) {
        auto *evidenceRow = new QHBoxLayout;
        m_evidence = new QLineEdit(this);
        m_evidence->setObjectName(QStringLiteral("evidenceEdit"));
        m_evidence->setPlaceholderText(tr("A scan of the form or the member's email (optional)"));
        auto *browse = new QPushButton(tr("&Browse…"), this);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString file = QFileDialog::getOpenFileName(this, tr("Evidence"));
            if (!file.isEmpty())
                m_evidence->setText(file);
        });
        evidenceRow->addWidget(m_evidence);
        evidenceRow->addWidget(browse);
        auto *evidenceLabel = new QLabel(tr("E&vidence"), this);
        evidenceLabel->setBuddy(m_evidence);
        form->addRow(evidenceLabel, evidenceRow);
    }
    m_recordedBy = new QLineEdit(Storage::AuditLog::currentUser(), this);
    m_recordedBy->setObjectName(QStringLiteral("recordedByEdit"));
    form->addRow(tr("Recorded &by"), m_recordedBy);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("consentError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConsentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConsentDialog::reject);
    if (m_basis)
        connect(m_basis, &QComboBox::currentIndexChanged, this, &ConsentDialog::updateBasis);
    updateBasis();
    resize(520, sizeHint().height());
}

void ConsentDialog::updateBasis()
{
    if (!m_basis)
        return;
    const bool implied = m_basis->currentData().toString() == Consent::basisKey(Basis::Implied);
    m_expires->setVisible(implied);
    m_expiresLabel->setVisible(implied);
}

void ConsentDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void ConsentDialog::accept()
{
    m_error->setVisible(false);
    if (m_mode == Mode::Withdraw) {
        Consent::WithdrawRequest r;
        if (!m_purpose->currentData().toString().isEmpty())
            r.purposes = {m_purpose->currentData().toString()};
        r.date = m_date->date();
        r.source = m_source->currentText();
        r.wording = m_wording->toPlainText();
        r.evidenceNote = m_note->text();
        r.recordedBy = m_recordedBy->text();
        for (qint64 id : m_memberIds) {
            auto done = m_consent.withdraw(id, r);
            if (!done.ok()) {
                showError(done.error().message);
                return;
            }
        }
        m_resultMessage =
            r.purposes.isEmpty()
                ? tr("%1 was unsubscribed from everything; the address will not be mailed again.").arg(m_who)
                : tr("Withdrawal recorded for %1.").arg(m_who);
        QDialog::accept();
        return;
    }

    Consent::GrantRequest r;
    r.purpose = m_purpose->currentData().toString();
    r.basis = Consent::basisFromKey(m_basis->currentData().toString()).value_or(Basis::Express);
    r.date = m_date->date();
    if (r.basis == Basis::Implied)
        r.expires = m_expires->date();
    r.source = m_source->currentText();
    r.wording = m_wording->toPlainText();
    r.evidenceNote = m_note->text();
    r.evidenceFile = m_evidence->text().trimmed();
    r.recordedBy = m_recordedBy->text();
    if (m_memberIds.size() == 1) {
        auto done = m_consent.record(m_memberIds.front(), r);
        if (!done.ok()) {
            showError(done.error().message);
            return;
        }
        m_resultMessage = tr("Consent recorded for %1.").arg(m_who);
        QDialog::accept();
        return;
    }
    // Bulk: say exactly what will happen before doing it.
    const int count = int(m_memberIds.size());
    const QString question = tr("Record \"%1\" (%2) for %n member(s)?", nullptr, count)
                                 .arg(m_purpose->currentText(), m_basis->currentText());
    if (MessageBox::question(this, windowTitle(), question, QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    auto done = m_bulk ? m_bulk(m_memberIds, r) : m_consent.recordMany(m_memberIds, r);
    if (!done.ok()) {
        showError(done.error().message);
        return;
    }
    const int recorded = done.value().recorded;
    m_resultMessage = tr("Consent recorded for %n member(s).", nullptr, recorded);
    if (done.value().suppressed > 0) {
        const int skipped = done.value().suppressed;
        m_resultMessage += QLatin1Char(' ') + tr("%n on the suppression list were left out.", nullptr, skipped);
    }
    QDialog::accept();
}

ConsentDialog::BulkRecorder ConsentDialog::recordAside(AppContext &context, QWidget *dialog)
{
    return [&context, dialog](const std::vector<qint64> &members, const Consent::GrantRequest &request) {
        Consent::BulkResult result;
        const int count = int(members.size());
        auto done = WorkAside::run(context, dialog, tr("Recording consent for %n member(s)…", nullptr, count),
                                   [&](AppContext &aside, const WorkAside::Progress &progress) -> Core::Result<void> {
                                       auto recorded = aside.consent().recordMany(
                                           members, request, [&](int done) { return progress(done, count); });
                                       if (!recorded.ok())
                                           return recorded.error();
                                       result = recorded.value();
                                       return {};
                                   });
        return done.ok() ? Core::Result<Consent::BulkResult>(result) : Core::Result<Consent::BulkResult>(done.error());
    };
}

} // namespace Gui
