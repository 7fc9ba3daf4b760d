#include "SettingsDialog.h"

#include "ui_SettingsDialog.h"

#include "settings/AppSettings.h"

namespace Gui {

SettingsDialog::SettingsDialog(Settings::AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings)
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    m_ui->languageCombo->addItem(tr("Same as the system"), QStringLiteral("system"));
    m_ui->languageCombo->addItem(QStringLiteral("Français (France)"), QStringLiteral("fr_FR"));
    m_ui->languageCombo->addItem(QStringLiteral("Français (Québec)"), QStringLiteral("fr_CA"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    const int index = m_ui->languageCombo->findData(m_settings.language());
    m_ui->languageCombo->setCurrentIndex(std::max(0, index));
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    m_settings.setValue(Settings::Key::Language, m_ui->languageCombo->currentData());
    QDialog::accept();
}

} // namespace Gui
