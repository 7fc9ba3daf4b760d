#include "OrganisationDialog.h"

#include "AppContext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using Consent::Basis;
using Consent::Jurisdiction;

namespace Gui {

OrganisationDialog::OrganisationDialog(AppContext &context, QWidget *parent) : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("organisationDialog"));
    setWindowTitle(tr("Organisation and consent"));
    auto *layout = new QVBoxLayout(this);

    auto *who = new QGroupBox(tr("Who sends the messages"), this);
    auto *form = new QFormLayout(who);
    m_name = new QLineEdit(who);
    m_name->setObjectName(QStringLiteral("organisationName"));
    m_address = new QPlainTextEdit(who);
    m_address->setObjectName(QStringLiteral("organisationAddress"));
    m_address->setTabChangesFocus(true);
    m_address->setMaximumHeight(64);
    m_email = new QLineEdit(who);
    m_email->setObjectName(QStringLiteral("organisationEmail"));
    m_phone = new QLineEdit(who);
    m_website = new QLineEdit(who);
    m_unsubscribeUrl = new QLineEdit(who);
    m_unsubscribeUrl->setObjectName(QStringLiteral("unsubscribeUrlEdit"));
    m_unsubscribeUrl->setPlaceholderText(QStringLiteral("https://"));
    m_unsubscribeUrl->setToolTip(tr("Optional: a page of your website that takes the token (?t=…) and records the "
                                    "unsubscribe. Without it, members unsubscribe by replying."));
    m_jurisdiction = new QComboBox(who);
    m_jurisdiction->setObjectName(QStringLiteral("jurisdictionCombo"));
    for (Jurisdiction j : {Jurisdiction::Canada, Jurisdiction::Eu, Jurisdiction::Both})
        m_jurisdiction->addItem(Consent::jurisdictionLabel(j), Consent::jurisdictionKey(j));
    form->addRow(tr("&Name *"), m_name);
    form->addRow(tr("Postal &address *"), m_address);
    form->addRow(tr("Contact &email *"), m_email);
    form->addRow(tr("&Phone"), m_phone);
    form->addRow(tr("&Website"), m_website);
    form->addRow(tr("&Unsubscribe page"), m_unsubscribeUrl);
    form->addRow(tr("&Rules"), m_jurisdiction);
    auto *hint = new QLabel(tr("Every message carries the name, the postal address and a contact (CASL). "
                               "The rules decide which purposes members are covered for without asking."),
                            who);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    form->addRow(hint);
    layout->addWidget(who);

    auto *purposesBox = new QGroupBox(tr("Purposes of communication"), this);
    auto *purposesLayout = new QVBoxLayout(purposesBox);
    m_purposes = new QTreeWidget(purposesBox);
    m_purposes->setObjectName(QStringLiteral("purposesList"));
    m_purposes->setHeaderLabels({tr("Purpose"), tr("Key"), tr("Canada (CASL)"), tr("EU (GDPR)")});
    m_purposes->setRootIsDecorated(false);
    m_purposes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    purposesLayout->addWidget(m_purposes);
    auto *add = new QPushButton(tr("Add a &purpose…"), purposesBox);
    add->setObjectName(QStringLiteral("addPurposeButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addStretch();
    purposesLayout->addLayout(row);
    layout->addWidget(purposesBox, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("organisationError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &OrganisationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OrganisationDialog::reject);
    connect(add, &QPushButton::clicked, this, &OrganisationDialog::addPurpose);

    if (auto o = m_context.consent().organisation(); o.ok()) {
        m_name->setText(o.value().name);
        m_address->setPlainText(o.value().address);
        m_email->setText(o.value().email);
        m_phone->setText(o.value().phone);
        m_website->setText(o.value().website);
        m_unsubscribeUrl->setText(o.value().unsubscribeUrl);
        m_jurisdiction->setCurrentIndex(m_jurisdiction->findData(Consent::jurisdictionKey(o.value().jurisdiction)));
    }
    loadPurposes();
    resize(640, 620);
}

void OrganisationDialog::loadPurposes()
{
    m_purposes->clear();
    auto purposes = m_context.consent().purposes();
    if (!purposes.ok())
        return;
    for (const Consent::Purpose &p : purposes.value())
        m_purposes->addTopLevelItem(
            new QTreeWidgetItem({p.displayLabel(), p.key, Consent::basisLabel(p.defaultBasisCanada),
                                 Consent::basisLabel(p.defaultBasisEu)}));
}

void OrganisationDialog::addPurpose()
{
    bool ok = false;
    const QString label =
        QInputDialog::getText(this, tr("Add a purpose"), tr("Name of the purpose (for example: Events, Fundraising):"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok || label.trimmed().isEmpty())
        return;
    // A key from the label: lower-case ASCII letters and digits.
    QString key;
    for (QChar c : label.normalized(QString::NormalizationForm_D).toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            key += c;
        else if (c.isSpace() && !key.isEmpty() && !key.endsWith(QLatin1Char('-')))
            key += QLatin1Char('-');
    }
    while (key.endsWith(QLatin1Char('-')))
        key.chop(1);
    if (key.isEmpty() || !key.at(0).isLetter())
        key.prepend(QStringLiteral("purpose-"));
    // New purposes ask for express consent under both laws: the safe default.
    auto added = m_context.consent().addPurpose(key.left(40), label, Basis::Express, Basis::Express);
    if (!added.ok()) {
        m_error->setText(added.error().message);
        m_error->setVisible(true);
        return;
    }
    m_error->setVisible(false);
    loadPurposes();
    Q_EMIT purposesChanged();
}

void OrganisationDialog::accept()
{
    Consent::Organisation o;
    o.name = m_name->text();
    o.address = m_address->toPlainText();
    o.email = m_email->text();
    o.phone = m_phone->text();
    o.website = m_website->text();
    o.unsubscribeUrl = m_unsubscribeUrl->text();
    o.jurisdiction =
        Consent::jurisdictionFromKey(m_jurisdiction->currentData().toString()).value_or(Jurisdiction::Both);
    if (auto r = m_context.consent().setOrganisation(o); !r.ok()) {
        m_error->setText(r.error().message);
        m_error->setVisible(true);
        return;
    }
    Q_EMIT purposesChanged(); // the jurisdiction changes which default basis applies
    QDialog::accept();
}

} // namespace Gui
