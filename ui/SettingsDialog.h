#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace Settings {
class AppSettings;
}

namespace Gui {

// Preferences: the language (system, French, French as in Québec, English).
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Settings::AppSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

private:
    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings::AppSettings &m_settings;
};

} // namespace Gui
