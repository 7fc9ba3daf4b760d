#include "CopyAddressesDialog.h"

#include "AppContext.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace Gui {

CopyAddressesDialog::CopyAddressesDialog(AppContext &context, std::vector<qint64> memberIds, QWidget *parent)
    : QDialog(parent), m_context(context), m_memberIds(std::move(memberIds))
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
    QStringList addresses;
    QSet<QString> seen;
    constexpr size_t kChunk = 500;
    const std::vector<qint64> &ids = result.value().eligible;
    for (size_t start = 0; start < ids.size(); start += kChunk) {
        const std::vector<qint64> chunk(ids.begin() + qsizetype(start),
                                        ids.begin() + qsizetype(std::min(ids.size(), start + kChunk)));
        auto members = m_context.members().fetch(chunk);
        if (!members.ok())
            continue;
        for (const Core::Member &m : members.value()) {
            const QString key = m.email.toLower();
            if (!m.email.isEmpty() && !seen.contains(key)) {
                seen.insert(key);
                addresses.append(m.email);
            }
        }
    }
    m_addresses = addresses.join(QStringLiteral("; "));
    const int count = int(addresses.size());
    QString text = tr("%n address(es) may receive this message.", nullptr, count);
    QStringList excluded;
    const QLocale locale;
    for (auto it = result.value().excluded.cbegin(); it != result.value().excluded.cend(); ++it)
        excluded.append(
            QStringLiteral("%1: %2").arg(Consent::reasonLabel(it.key()), locale.toString(qint64(it.value().size()))));
    if (!excluded.isEmpty())
        text += QLatin1Char('\n') + tr("Left out — %1.").arg(excluded.join(QStringLiteral("; ")));
    m_summary->setText(text);
    m_copy->setEnabled(count > 0);
}

void CopyAddressesDialog::copy()
{
    QApplication::clipboard()->setText(m_addresses);
    accept();
}

} // namespace Gui
