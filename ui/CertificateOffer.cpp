#include "CertificateOffer.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Gui {

CertificateOffer::CertificateOffer(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("certificateLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label);
    m_trust = new QPushButton(tr("Trust this certificate"), this);
    m_trust->setObjectName(QStringLiteral("trustButton"));
    layout->addWidget(m_trust, 0, Qt::AlignLeft);
    connect(m_trust, &QPushButton::clicked, this, [this] {
        m_trust->setEnabled(false);
        Q_EMIT trusted(m_offered);
    });
    hide();
}

void CertificateOffer::offer(const Smtp::CertificateInfo &c)
{
    m_offered = c.sha256;
    auto date = [](const QString &iso) {
        const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
    };
    m_label->setText(
        tr("The server's certificate was refused (%1).\nSHA-256: %2\nSubject: %3\nIssuer: %4\nValid from %5 to %6")
            .arg(c.errors.join(QStringLiteral("; ")), c.sha256, c.subject, c.issuer, date(c.validFrom),
                 date(c.validUntil)));
    m_trust->setEnabled(true);
    show();
    // Room for it: the dialog grows rather than hiding the fingerprint under the protocol log.
    QWidget *dialog = window();
    dialog->resize(dialog->width(), std::max(dialog->height(), dialog->sizeHint().height()));
}

void CertificateOffer::withdraw()
{
    hide();
}

} // namespace Gui
