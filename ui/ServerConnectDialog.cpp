#include "ServerConnectDialog.h"

#include "MessageBox.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace Gui {

ServerConnectDialog::ServerConnectDialog(Settings::AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_recent(new QComboBox(this)), m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)), m_database(new QLineEdit(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_remember(new QCheckBox(tr("Keep the password in the system keychain"), this)),
      m_security(new QComboBox(this)), m_caFile(new QLineEdit(this)), m_securityNote(new QLabel(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Open a shared member file"));
    setObjectName(QStringLiteral("serverConnectDialog"));
    auto *intro = new QLabel(tr("The member file of the whole board, on the association's PostgreSQL server. Ask "
                                "whoever set it up for these details."),
                             this);
    intro->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("serverMessage"));
    m_message->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_message->hide();

    m_recent->setObjectName(QStringLiteral("recentServers"));
    m_recent->addItem(tr("New connection"));
    for (const QString &url : m_settings.value(Settings::Key::RecentServers).toStringList()) {
        auto l = Storage::Location::parse(url);
        if (l.ok())
            m_recent->addItem(l.value().display(), url);
    }
    m_recent->setVisible(m_recent->count() > 1);
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_host->setPlaceholderText(tr("membres.example.org"));
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database->setObjectName(QStringLiteral("serverDatabase"));
    m_database->setText(QStringLiteral("carnet"));
    m_user->setObjectName(QStringLiteral("serverUser"));
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_security->setObjectName(QStringLiteral("serverSecurity"));
    m_security->addItem(tr("Encrypted, certificate checked (recommended)"), QStringLiteral("verify-full"));
    m_security->addItem(tr("Encrypted, certificate not checked"), QStringLiteral("require"));
    m_security->addItem(tr("Not encrypted (this computer only)"), QStringLiteral("disable"));
    m_caFile->setObjectName(QStringLiteral("serverCaFile"));
    m_caFile->setPlaceholderText(tr("The authority's certificate (.crt or .pem)"));
    m_securityNote->setWordWrap(true);
    m_securityNote->setObjectName(QStringLiteral("securityNote"));
    m_securityNote->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);

    auto *form = new QFormLayout;
    if (m_recent->isVisible())
        form->addRow(tr("&Recent:"), m_recent);
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("&Connection:"), m_security);
    auto *caLabel = new QLabel(tr("&Authority:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    form->addRow(QString(), m_securityNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_security, &QComboBox::currentIndexChanged, this, &ServerConnectDialog::updateSecurity);
    connect(m_host, &QLineEdit::textChanged, this, &ServerConnectDialog::updateSecurity);
    connect(browse, &QPushButton::clicked, this, &ServerConnectDialog::chooseCaFile);
    connect(m_recent, &QComboBox::currentIndexChanged, this, [this](int index) {
        auto l = Storage::Location::parse(m_recent->itemData(index).toString());
        if (index > 0 && l.ok())
            setLocation(l.value());
    });
    updateSecurity();
    resize(520, sizeHint().height());
}

void ServerConnectDialog::setLocation(const Storage::Location &l)
{
    m_host->setText(l.host);
    m_port->setValue(l.port);
    m_database->setText(l.database);
    m_user->setText(l.user);
    const int security = m_security->findData(l.sslMode);
    m_security->setCurrentIndex(security >= 0 ? security : 0);
    m_caFile->setText(l.sslRootCert);
    updateSecurity();
}

void ServerConnectDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString ServerConnectDialog::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    const QString host = m_host->text().trimmed();
    if (!host.startsWith(QLatin1Char('/')))
        url.setHost(host.isEmpty() ? QStringLiteral("localhost") : host);
    url.setPort(m_port->value());
    url.setUserName(m_user->text().trimmed());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    QUrlQuery query;
    if (host.startsWith(QLatin1Char('/')))
        query.addQueryItem(QStringLiteral("host"), host);
    query.addQueryItem(QStringLiteral("sslmode"), m_security->currentData().toString());
    if (!m_caFile->text().trimmed().isEmpty() && m_security->currentData() == QLatin1String("verify-full"))
        query.addQueryItem(QStringLiteral("sslrootcert"), m_caFile->text().trimmed());
    url.setQuery(query);
    return url.toString();
}

QString ServerConnectDialog::password() const
{
    return m_password->text();
}

bool ServerConnectDialog::rememberPassword() const
{
    return m_remember->isChecked() && !m_password->text().isEmpty();
}

QString ServerConnectDialog::keychainKey(const Storage::Location &location)
{
    return QStringLiteral("database:%1").arg(location.display());
}

void ServerConnectDialog::remember(Settings::AppSettings &settings, const QString &url)
{
    QStringList recent = settings.value(Settings::Key::RecentServers).toStringList();
    recent.removeAll(url);
    recent.prepend(url);
    settings.setValue(Settings::Key::RecentServers, recent.mid(0, 8));
}

void ServerConnectDialog::updateSecurity()
{
    Storage::Location probe;
    probe.engine = Storage::Engine::Postgres;
    probe.host = m_host->text().trimmed();
    const QString mode = m_security->currentData().toString();
    m_caFile->setEnabled(mode == QLatin1String("verify-full"));
    if (mode == QLatin1String("disable"))
        m_securityNote->setText(
            probe.isLocalHost()
                ? tr("Warning: without encryption, anyone on this computer who can watch its connections sees "
                     "names and addresses.")
                : tr("Not allowed for another computer: names and addresses would cross the network in clear."));
    else if (mode == QLatin1String("require"))
        m_securityNote->setText(tr("Encrypted, but another server could pretend to be yours: prefer checking the "
                                   "certificate."));
    else
        m_securityNote->setText(tr("Carnet checks that the server is the one named, with the certificate of the "
                                   "authority that signed its own (ask whoever set up the server)."));
}

void ServerConnectDialog::chooseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("The authority's certificate"), m_caFile->text(),
                                                      tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void ServerConnectDialog::usePasswordFromKeychain(const QString &url, Settings::CredentialStore &credentials)
{
    auto location = Storage::Location::parse(url);
    if (!location.ok() || !location.value().password.isEmpty() || qEnvironmentVariableIsSet("PGPASSWORD"))
        return;
    const QString key = keychainKey(location.value());
    QEventLoop loop;
    QString found;
    QObject::connect(&credentials, &Settings::CredentialStore::readDone, &loop,
                     [&](const QString &k, const QString &secret, const QString &error) {
                         if (k != key)
                             return;
                         if (error.isEmpty())
                             found = secret;
                         loop.quit();
                     });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    credentials.read(key);
    loop.exec();
    if (!found.isEmpty())
        qputenv("PGPASSWORD", found.toUtf8());
}

QString ServerConnectDialog::askAgain(const QString &url, const QString &why, Settings::AppSettings &settings,
                                      Settings::CredentialStore &credentials)
{
    ServerConnectDialog dialog(settings);
    auto location = Storage::Location::parse(url);
    if (location.ok())
        dialog.setLocation(location.value());
    dialog.setMessage(why);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    if (!dialog.password().isEmpty())
        qputenv("PGPASSWORD", dialog.password().toUtf8());
    auto next = Storage::Location::parse(dialog.url());
    if (dialog.rememberPassword() && next.ok())
        credentials.write(keychainKey(next.value()), dialog.password());
    remember(settings, dialog.url());
    return dialog.url();
}

void ServerConnectDialog::accept()
{
    if (m_database->text().trimmed().isEmpty() || m_user->text().trimmed().isEmpty()) {
        setMessage(tr("The database and the user name are needed."));
        return;
    }
    auto parsed = Storage::Location::parse(url());
    if (!parsed.ok()) {
        setMessage(parsed.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace Gui
