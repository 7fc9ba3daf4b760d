#pragma once

#include <QDialog>

#include <memory>
#include <vector>

class AppContext;

namespace Reports {
class ReportExporter;
class ReportRunner;
} // namespace Reports
class QComboBox;
class QLabel;
class QPushButton;

namespace Gui {

// "Copy the addresses for mailing": the members shown, for one purpose, through the consent service
// (the only road to a recipient). Says how many may be mailed and why the others may not, then puts
// `a@x.org; b@y.org` on the clipboard for Outlook's BCC.
class CopyAddressesDialog : public QDialog
{
    Q_OBJECT

public:
    CopyAddressesDialog(AppContext &context, std::vector<qint64> memberIds, QWidget *parent = nullptr);
    ~CopyAddressesDialog() override;

    QString addresses() const { return m_addresses; }

private:
    void update();
    void copy();
    Reports::ReportExporter exporter();

    AppContext &m_context;
    std::vector<qint64> m_memberIds;
    QComboBox *m_purpose = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_copy = nullptr;
    QString m_addresses;
    qint64 m_count = 0;
    std::unique_ptr<Reports::ReportRunner> m_runner;
};

} // namespace Gui
