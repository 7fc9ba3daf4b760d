#include "CopyAddressesDialog.h"

#include "AppContext.h"
#include "reports/ReportExporter.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

CopyAddressesDialog::CopyAddressesDialog(AppContext &context, std::vector<qint64> memberIds, QWidget *parent)
    : QDialog(parent), m_context(context), m_memberIds(std::move(memberIds)),
      m_runner(std::make_unique<Reports::ReportRunner>(context.database(), context.members(), context.consent(),
                                                       context.clock()))
{
    setObjectName(QStringLiteral("copyAddressesDialog"));
    setWindowTitle(tr("Copy the addresses for mailing"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(QStringLiteral("copyPurposeCombo"));
    if (auto purposes = m_context.consent().purposes(); purposes.ok()) {
        for (const Consent::Purpose &p : purposes.value())
            m_purpose->addItem(p.displayLabel(), p.key);
    }
    form->addRow(tr("&Purpose of the message"), m_purpose);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("copySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::AcceptRole);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &CopyAddressesDialog::copy);
    connect(m_purpose, &QComboBox::currentIndexChanged, this, &CopyAddressesDialog::update);
    m_purpose->setCurrentIndex(std::max(0, m_purpose->findData(QStringLiteral("newsletter"))));
    update();
    resize(480, sizeHint().height());
}

CopyAddressesDialog::~CopyAddressesDialog() = default;

void CopyAddressesDialog::update()
{
    m_addresses.clear();
    auto result = m_context.consent().eligible(m_purpose->currentData().toString(), m_memberIds);
    if (!result.ok()) {
        m_summary->setText(result.error().message);
        m_copy->setEnabled(false);
        return;
    }
    // The addresses of the eligible members, each once (a household may share a mailbox).
    auto gathered = exporter().addresses(result.value().eligible);
    if (!gathered.ok()) {
        m_summary->setText(gathered.error().message);
        m_copy->setEnabled(false);
        return;
    }
    const QStringList &addresses = gathered.value();
    m_addresses = addresses.join(QStringLiteral("; "));
    const int count = int(addresses.size());
    m_count = count;
    QString text = tr("%n address(es) may receive this message.", nullptr, count);
    QStringList excluded;
    const QLocale locale;
    for (auto it = result.value().excluded.cbegin(); it != result.value().excluded.cend(); ++it)
        excluded.append(tr("%1: %2").arg(Consent::reasonLabel(it.key()), locale.toString(qint64(it.value().size()))));
    if (!excluded.isEmpty())
        text += QLatin1Char('\n') + tr("Left out — %1.").arg(excluded.join(QStringLiteral("; ")));
    m_summary->setText(text);
    m_copy->setEnabled(count > 0);
}

Reports::ReportExporter CopyAddressesDialog::exporter()
{
    return Reports::ReportExporter(*m_runner, m_context.consent(), m_context.database(), m_context.audit());
}

void CopyAddressesDialog::copy()
{
    // Like every list that leaves the program: in the audit log, with its purpose.
    Reports::ExportRequest request;
    request.report.name = windowTitle();
    request.report.columns = {QStringLiteral("email")};
    request.purpose = m_purpose->currentData().toString();
    if (auto audited = exporter().audit(request, m_count, QStringLiteral("clipboard")); !audited.ok()) {
        m_summary->setText(audited.error().message);
        return;
    }
    QApplication::clipboard()->setText(m_addresses);
    accept();
}

} // namespace Gui
