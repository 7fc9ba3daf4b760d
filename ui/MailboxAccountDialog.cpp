#include "MailboxAccountDialog.h"

#include "CertificateOffer.h"

#include "AppContext.h"
#include "mail/smtp/SmtpTransport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

MailboxAccountDialog::MailboxAccountDialog(AppContext &context, Mail::MailboxRunner::TransportFactory transports,
                                           QWidget *parent)
    : QDialog(parent), m_context(context), m_transports(std::move(transports))
{
    setObjectName(QStringLiteral("mailboxAccountDialog"));
    setWindowTitle(tr("Mailbox"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The mailbox where bounces, complaints, auto-replies and unsubscribe replies arrive "
                                "(usually the sender's or the reply-to address). Carnet reads it, acts on what it "
                                "understands and moves those messages to a folder of their own; anything else stays "
                                "where it is, unread."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *form = new QFormLayout(server);
    m_preset = new QComboBox(server);
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(tr("My own server"), QString());
    for (const Mail::MailboxPreset &p : Mail::mailboxPresets())
        m_preset->addItem(p.name, p.key);
    m_presetNote = new QLabel(server);
    m_presetNote->setObjectName(QStringLiteral("presetNote"));
    m_presetNote->setWordWrap(true);
    m_presetNote->hide();
    m_host = new QLineEdit(server);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port = new QSpinBox(server);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_security = new QComboBox(server);
    m_security->setObjectName(QStringLiteral("securityCombo"));
    m_security->addItem(tr("TLS (port 993)"), QStringLiteral("tls"));
    m_security->addItem(tr("STARTTLS (port 143)"), QStringLiteral("starttls"));
    m_user = new QLineEdit(server);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password = new QLineEdit(server);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept in the keychain or for this session, never in a file"));
    form->addRow(tr("&Provider"), m_preset);
    form->addRow(QString(), m_presetNote);
    form->addRow(tr("&Host"), m_host);
    form->addRow(tr("P&ort"), m_port);
    form->addRow(tr("&Security"), m_security);
    form->addRow(tr("&User"), m_user);
    form->addRow(tr("Pass&word"), m_password);
    layout->addWidget(server);

    auto *folders = new QGroupBox(tr("Folders"), this);
    auto *foldersForm = new QFormLayout(folders);
    m_folder = new QLineEdit(folders);
    m_folder->setObjectName(QStringLiteral("folderEdit"));
    m_processed = new QLineEdit(folders);
    m_processed->setObjectName(QStringLiteral("processedEdit"));
    m_processed->setToolTip(tr("Created when missing; \"/\" between levels. Nothing is ever deleted."));
    m_every = new QSpinBox(folders);
    m_every->setObjectName(QStringLiteral("everySpin"));
    m_every->setRange(0, 24 * 60);
    m_every->setSuffix(tr(" min"));
    m_every->setSpecialValueText(tr("only on \"Check now\""));
    foldersForm->addRow(tr("&Read the folder"), m_folder);
    foldersForm->addRow(tr("&Move what was understood to"), m_processed);
    foldersForm->addRow(tr("&Check every"), m_every);
    layout->addWidget(folders);

    auto *testBox = new QGroupBox(tr("Test"), this);
    auto *testLayout = new QVBoxLayout(testBox);
    m_testButton = new QPushButton(tr("&Test the connection"), testBox);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    testLayout->addWidget(m_testButton, 0, Qt::AlignLeft);
    m_result = new QLabel(testBox);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    testLayout->addWidget(m_result);
    m_certificate = new CertificateOffer(testBox);
    testLayout->addWidget(m_certificate);
    m_log = new QPlainTextEdit(testBox);
    m_log->setObjectName(QStringLiteral("protocolLog"));
    m_log->setReadOnly(true);
    m_log->setMinimumHeight(120);
    m_log->hide();
    testLayout->addWidget(m_log);
    layout->addWidget(testBox);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mailboxError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &MailboxAccountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MailboxAccountDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &MailboxAccountDialog::test);
    connect(m_preset, &QComboBox::activated, this, &MailboxAccountDialog::applyPreset);
    connect(m_certificate, &CertificateOffer::trusted, this, [this](const QString &sha256) {
        m_trustFingerprint = sha256;
        m_result->setText(tr("This certificate will be trusted (SHA-256 %1). Test again.").arg(m_trustFingerprint));
    });

    auto loaded = Mail::MailboxAccount::load(m_context.databaseSettings());
    m_loaded = loaded.ok() ? loaded.value() : Mail::MailboxAccount();
    for (const Mail::MailboxPreset &p : Mail::mailboxPresets()) {
        if (!m_loaded.host.isEmpty() && p.host == m_loaded.host) {
            m_preset->setCurrentIndex(m_preset->findData(p.key));
            const QString note = Mail::mailboxPresetNote(p.key);
            m_presetNote->setText(note);
            m_presetNote->setVisible(!note.isEmpty());
            break;
        }
    }
    m_host->setText(m_loaded.host);
    m_port->setValue(m_loaded.port);
    m_security->setCurrentIndex(m_security->findData(Mail::MailboxAccount::securityKey(m_loaded.security)));
    m_user->setText(m_loaded.user);
    m_folder->setText(m_loaded.folder);
    m_processed->setText(m_loaded.processedFolder);
    m_every->setValue(m_loaded.everyMinutes);
    m_trustFingerprint = m_loaded.trustFingerprint;
    m_password->setText(m_context.sessionMailboxPassword());
    if (m_password->text().isEmpty() && m_loaded.isConfigured()) {
        const QString key = m_loaded.credentialKey();
        connect(
            &m_context.credentials(), &Settings::CredentialStore::readDone, this,
            [this, key](const QString &k, const QString &secret, const QString &) {
                if (k == key && m_password->text().isEmpty())
                    m_password->setText(secret);
            },
            Qt::SingleShotConnection);
        m_context.credentials().read(key);
    }
    resize(600, sizeHint().height());
}

MailboxAccountDialog::~MailboxAccountDialog() = default;

void MailboxAccountDialog::applyPreset(int index)
{
    const QString key = m_preset->itemData(index).toString();
    const QString note = Mail::mailboxPresetNote(key);
    m_presetNote->setText(note);
    m_presetNote->setVisible(!note.isEmpty());
    const Mail::MailboxPreset *p = Mail::mailboxPreset(key);
    if (!p)
        return;
    m_host->setText(p->host);
    m_port->setValue(p->port);
    m_security->setCurrentIndex(m_security->findData(Mail::MailboxAccount::securityKey(p->security)));
}

Mail::MailboxAccount MailboxAccountDialog::accountFromForm(QString *error) const
{
    Mail::MailboxAccount a = m_loaded;
    a.host = m_host->text().trimmed();
    a.port = quint16(m_port->value());
    a.security =
        Mail::MailboxAccount::securityFromKey(m_security->currentData().toString()).value_or(Imap::Security::Tls);
    a.user = m_user->text().trimmed();
    a.folder = m_folder->text().trimmed().isEmpty() ? QStringLiteral("INBOX") : m_folder->text().trimmed();
    a.processedFolder = m_processed->text().trimmed();
    a.everyMinutes = m_every->value();
    a.trustFingerprint = m_trustFingerprint;
    if (a.host.isEmpty() || a.user.isEmpty())
        *error = tr("The mailbox needs a server and a user.");
    else if (a.processedFolder.isEmpty() || a.processedFolder.compare(a.folder, Qt::CaseInsensitive) == 0)
        *error = tr("Processed messages need a folder of their own, other than the one read.");
    return a;
}

void MailboxAccountDialog::accept()
{
    QString error;
    const Mail::MailboxAccount a = accountFromForm(&error);
    if (error.isEmpty()) {
        auto saved =
            m_context.database().write([&] { return Mail::MailboxAccount::save(m_context.databaseSettings(), a); });
        if (!saved.ok())
            error = saved.error().message;
    }
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_context.setSessionMailboxPassword(m_password->text());
    if (!m_password->text().isEmpty())
        m_context.credentials().write(a.credentialKey(), m_password->text());
    QDialog::accept();
}

void MailboxAccountDialog::test()
{
    if (m_runner)
        return;
    QString error;
    const Mail::MailboxAccount a = accountFromForm(&error);
    if (!error.isEmpty()) {
        m_result->setText(error);
        return;
    }
    Mail::MailboxRunner::TransportFactory transports = m_transports;
    if (!transports) {
        auto factory = Smtp::SslTransport::factory(a.caFile, a.trustFingerprint);
        if (!factory.ok()) {
            m_result->setText(factory.error().message);
            return;
        }
        transports = factory.value();
    }
    // Signing in and counting: nothing read, nothing changed, nothing of the member file touched.
    m_runner = std::make_unique<Mail::MailboxRunner>(a, m_password->text(), transports, m_context.returnedMail());
    m_testButton->setEnabled(false);
    m_log->clear();
    m_log->hide();
    m_certificate->withdraw();
    m_result->setText(tr("Signing in…"));
    connect(m_runner.get(), &Mail::MailboxRunner::certificateRefused, m_certificate, &CertificateOffer::offer);
    connect(m_runner.get(), &Mail::MailboxRunner::finished, this,
            [this, folder = a.folder](const Core::Result<Mail::MailboxRunSummary> &r) {
                if (r.ok()) {
                    m_result->setText(tr("Signed in: %n message(s) in %1.", nullptr, r.value().seen).arg(folder));
                } else {
                    m_result->setText(tr("The mailbox could not be read: %1").arg(r.error().message));
                    m_log->setPlainText(m_runner->protocolLog().join(QLatin1Char('\n')));
                    m_log->show();
                }
                m_testButton->setEnabled(true);
                // Not from inside its own signal.
                QTimer::singleShot(0, this, [this] { m_runner.reset(); });
            });
    m_runner->test();
}

} // namespace Gui
