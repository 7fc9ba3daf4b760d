#include "SmtpAccountDialog.h"

#include "CertificateOffer.h"

#include "AppContext.h"
#include "mail/MimeMessage.h"
#include "mail/SmtpPresets.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gui {

namespace {
QSpinBox *limitBox(QWidget *parent, const QString &name)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, 1000000);
    box->setSpecialValueText(QCoreApplication::translate("Gui::SmtpAccountDialog", "no limit"));
    return box;
}
} // namespace

SmtpAccountDialog::SmtpAccountDialog(AppContext &context, Mail::OutboxRunner::TransportFactory transports,
                                     QWidget *parent)
    : QDialog(parent), m_context(context), m_transports(std::move(transports))
{
    setObjectName(QStringLiteral("smtpAccountDialog"));
    setWindowTitle(tr("Sending account"));
    auto *layout = new QVBoxLayout(this);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *form = new QFormLayout(server);
    m_preset = new QComboBox(server);
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(tr("My own server"), QString());
    for (const Mail::SmtpPreset &p : Mail::smtpPresets())
        m_preset->addItem(p.name, p.key);
    m_host = new QLineEdit(server);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port = new QSpinBox(server);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_security = new QComboBox(server);
    m_security->setObjectName(QStringLiteral("securityCombo"));
    m_security->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS (port 465)"), QStringLiteral("tls"));
    m_security->addItem(tr("None — only for a relay on this computer or network"), QStringLiteral("none"));
    m_user = new QLineEdit(server);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password = new QLineEdit(server);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept for this session only, never written to a file"));
    form->addRow(tr("&Provider"), m_preset);
    m_presetNote = new QLabel(server);
    m_presetNote->setObjectName(QStringLiteral("presetNote"));
    m_presetNote->setWordWrap(true);
    m_presetNote->hide();
    form->addRow(QString(), m_presetNote);
    form->addRow(tr("&Host"), m_host);
    form->addRow(tr("P&ort"), m_port);
    form->addRow(tr("&Security"), m_security);
    form->addRow(tr("&User"), m_user);
    form->addRow(tr("Pass&word"), m_password);
    layout->addWidget(server);

    auto *sender = new QGroupBox(tr("Sender and limits"), this);
    auto *senderForm = new QFormLayout(sender);
    m_fromName = new QLineEdit(sender);
    m_fromName->setObjectName(QStringLiteral("fromNameEdit"));
    m_fromAddress = new QLineEdit(sender);
    m_fromAddress->setObjectName(QStringLiteral("fromAddressEdit"));
    m_replyTo = new QLineEdit(sender);
    m_perMinute = limitBox(sender, QStringLiteral("perMinuteSpin"));
    m_perHour = limitBox(sender, QStringLiteral("perHourSpin"));
    m_perDay = limitBox(sender, QStringLiteral("perDaySpin"));
    m_perConnection = limitBox(sender, QStringLiteral("perConnectionSpin"));
    senderForm->addRow(tr("Sender &name"), m_fromName);
    senderForm->addRow(tr("Sender &address"), m_fromAddress);
    senderForm->addRow(tr("&Reply to"), m_replyTo);
    auto *limits = new QHBoxLayout;
    for (auto [label, box] : {std::pair{tr("a minute"), m_perMinute}, std::pair{tr("an hour"), m_perHour},
                              std::pair{tr("a day"), m_perDay}, std::pair{tr("a connection"), m_perConnection}}) {
        limits->addWidget(box);
        limits->addWidget(new QLabel(label, sender));
    }
    senderForm->addRow(tr("At most"), limits);
    layout->addWidget(sender);

    auto *test = new QGroupBox(tr("Test"), this);
    auto *testLayout = new QVBoxLayout(test);
    auto *testRow = new QHBoxLayout;
    m_testTo = new QLineEdit(test);
    m_testTo->setObjectName(QStringLiteral("testToEdit"));
    m_testTo->setPlaceholderText(tr("Your own address"));
    m_testButton = new QPushButton(tr("Send a &test message"), test);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    testRow->addWidget(m_testTo, 1);
    testRow->addWidget(m_testButton);
    testLayout->addLayout(testRow);
    m_result = new QLabel(test);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    testLayout->addWidget(m_result);
    m_certificate = new CertificateOffer(test);
    testLayout->addWidget(m_certificate);
    m_log = new QPlainTextEdit(test);
    m_log->setObjectName(QStringLiteral("protocolLog"));
    m_log->setReadOnly(true);
    m_log->setVisible(false);
    m_log->setMinimumHeight(120);
    testLayout->addWidget(m_log);
    layout->addWidget(test);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("smtpError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SmtpAccountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SmtpAccountDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &SmtpAccountDialog::sendTest);
    connect(m_preset, &QComboBox::activated, this, &SmtpAccountDialog::applyPreset);
    connect(m_certificate, &CertificateOffer::trusted, this, [this](const QString &sha256) {
        m_trustFingerprint = sha256;
        m_result->setText(
            tr("This certificate will be trusted (SHA-256 %1). Send the test again.").arg(m_trustFingerprint));
    });

    auto loaded = Mail::SmtpAccount::load(m_context.databaseSettings());
    m_loaded = loaded.ok() ? loaded.value() : Mail::SmtpAccount();
    m_host->setText(m_loaded.host);
    m_port->setValue(m_loaded.port);
    m_security->setCurrentIndex(m_security->findData(Mail::SmtpAccount::securityKey(m_loaded.security)));
    m_user->setText(m_loaded.user);
    m_password->setText(m_context.sessionSmtpPassword());
    if (m_password->text().isEmpty() && !m_loaded.user.isEmpty()) {
        // From the keychain, when the user kept it there (asynchronous: the field fills in when it answers).
        const QString key = Settings::CredentialStore::smtpKey(m_loaded.user, m_loaded.host);
        connect(
            &m_context.credentials(), &Settings::CredentialStore::readDone, this,
            [this, key](const QString &k, const QString &secret, const QString &) {
                if (k == key && m_password->text().isEmpty())
                    m_password->setText(secret);
            },
            Qt::SingleShotConnection);
        m_context.credentials().read(key);
    }
    m_fromName->setText(m_loaded.from.name);
    m_fromAddress->setText(m_loaded.from.address);
    m_replyTo->setText(m_loaded.replyTo);
    m_perMinute->setValue(m_loaded.limits.perMinute);
    m_perHour->setValue(m_loaded.limits.perHour);
    m_perDay->setValue(m_loaded.limits.perDay);
    m_perConnection->setValue(m_loaded.limits.perConnection);
    m_testTo->setText(m_loaded.from.address);
    m_trustFingerprint = m_loaded.trustFingerprint;
    resize(620, sizeHint().height());
}

void SmtpAccountDialog::applyPreset(int index)
{
    const QString note = Mail::presetNote(m_preset->itemData(index).toString());
    m_presetNote->setText(note);
    m_presetNote->setVisible(!note.isEmpty());
    const Mail::SmtpPreset *p = Mail::smtpPreset(m_preset->itemData(index).toString());
    if (!p)
        return;
    m_host->setText(p->host);
    m_port->setValue(p->port);
    m_security->setCurrentIndex(m_security->findData(Mail::SmtpAccount::securityKey(p->security)));
    m_perMinute->setValue(p->limits.perMinute);
    m_perHour->setValue(p->limits.perHour);
    m_perDay->setValue(p->limits.perDay);
    m_perConnection->setValue(p->limits.perConnection);
}

Mail::SmtpAccount SmtpAccountDialog::accountFromForm(QString *error) const
{
    Mail::SmtpAccount a = m_loaded;
    a.host = m_host->text().trimmed();
    a.port = quint16(m_port->value());
    a.security =
        Mail::SmtpAccount::securityFromKey(m_security->currentData().toString()).value_or(Smtp::Security::StartTls);
    a.user = m_user->text().trimmed();
    a.from = {m_fromName->text().trimmed(), m_fromAddress->text().trimmed()};
    a.replyTo = m_replyTo->text().trimmed();
    a.limits = {m_perMinute->value(), m_perHour->value(), m_perDay->value(), m_perConnection->value()};
    a.trustFingerprint = m_trustFingerprint;
    Mail::Mailbox parsed;
    if (!Mail::SmtpAccount::parseMailbox(a.from.address, &parsed))
        *error = tr("The sender needs a valid address.");
    else
        a.from.address = parsed.address;
    return a;
}

void SmtpAccountDialog::accept()
{
    QString error;
    const Mail::SmtpAccount a = accountFromForm(&error);
    if (error.isEmpty()) {
        auto saved =
            m_context.database().write([&] { return Mail::SmtpAccount::save(m_context.databaseSettings(), a); });
        if (!saved.ok())
            error = saved.error().message;
    }
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->setVisible(true);
        return;
    }
    m_context.setSessionSmtpPassword(m_password->text());
    QDialog::accept();
}

void SmtpAccountDialog::sendTest()
{
    if (m_session)
        return;
    QString error;
    const Mail::SmtpAccount a = accountFromForm(&error);
    Mail::Message m;
    m.from = a.from;
    m.to = {{QString(), m_testTo->text().trimmed()}};
    m.subject = tr("Carnet: test message");
    m.text = tr("This message was sent by Carnet to check the sending account (%1:%2).").arg(a.host).arg(a.port);
    auto built = error.isEmpty() ? Mail::Mime::build(m) : Core::Result<Mail::BuiltMessage>(Core::Error{});
    if (!error.isEmpty() || !built.ok()) {
        m_result->setText(error.isEmpty() ? built.error().message : error);
        return;
    }
    auto factory = m_transports ? Core::Result<Smtp::TransportFactory>(m_transports)
                                : Smtp::SslTransport::factory(a.caFile, a.trustFingerprint);
    if (!factory.ok()) {
        m_result->setText(factory.error().message);
        return;
    }
    auto transport = factory.value()();
    m_session = new Smtp::Session(a.sessionSettings(m_password->text()), std::move(transport), this);
    m_testButton->setEnabled(false);
    m_log->clear();
    m_log->setVisible(false);
    m_certificate->withdraw();
    m_result->setText(tr("Sending…"));
    const Mail::BuiltMessage message = built.value();
    auto *outcome = new QString;
    connect(m_session, &Smtp::Session::ready, this, [this, message] {
        Smtp::Envelope e;
        e.from = message.envelopeFrom;
        e.recipients = message.envelopeTo;
        e.data = message.bytes;
        e.needsSmtpUtf8 = message.needsSmtpUtf8;
        m_session->send(e);
    });
    connect(m_session, &Smtp::Session::messageDone, this, [this, outcome](const Smtp::MessageResult &r) {
        const Smtp::RecipientResult first = r.recipients.value(0);
        *outcome = first.outcome == Smtp::Outcome::Sent ? QString() : first.reply.toString();
        if (first.outcome == Smtp::Outcome::Sent)
            m_result->setText(tr("The test message was accepted: %1").arg(first.reply.toString()));
        m_session->quit();
    });
    connect(m_session, &Smtp::Session::failed, this,
            [outcome](const QString &message, const Smtp::Reply &) { *outcome = message; });
    connect(m_session, &Smtp::Session::certificateRefused, m_certificate, &CertificateOffer::offer);
    connect(m_session, &Smtp::Session::finished, this, [this, outcome] {
        if (!outcome->isEmpty()) {
            m_result->setText(tr("The test message was not sent: %1").arg(*outcome));
            m_log->setPlainText(m_session->protocolLog().join(QLatin1Char('\n')));
            m_log->setVisible(true);
        }
        delete outcome;
        m_session->deleteLater();
        m_session = nullptr;
        m_testButton->setEnabled(true);
    });
    m_session->start();
}

} // namespace Gui
