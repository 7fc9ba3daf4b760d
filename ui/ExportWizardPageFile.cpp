#include "ExportWizardPageFile.h"

#include "AppContext.h"
#include "ExportWizard.h"
#include "MessageBox.h"
#include "ReportWorker.h"
#include "ui_ExportWizardPageFile.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

namespace Gui {

ExportWizardPageFile::ExportWizardPageFile(ExportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_ui(std::make_unique<Ui::ExportWizardPageFile>())
{
    m_ui->setupUi(this);
    m_ui->pathEdit->setAccessibleName(tr("File to write"));
    m_ui->addressesEdit->setAccessibleName(tr("Addresses"));
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, &ExportWizardPageFile::completeChanged);
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const auto &spreadsheet = m_wizard->request.options.spreadsheet;
        const QString filter = !spreadsheet ? tr("CSV files (*.csv);;Text files (*.txt *.tsv)")
                               : *spreadsheet == Reports::SpreadsheetWriter::Format::Xlsx
                                   ? tr("Excel workbooks (*.xlsx)")
                                   : tr("OpenDocument spreadsheets (*.ods)");
        const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_ui->pathEdit->text(), filter);
        if (!path.isEmpty())
            m_ui->pathEdit->setText(QDir::toNativeSeparators(path));
    });
    connect(
        &wizard->worker(), &ReportWorker::written, this,
        [this](int ticket, qint64 rows, const QString &error, bool cancelled) {
            if (ticket != m_ticket)
                return;
            m_busy = false;
            m_wizard->button(QWizard::BackButton)->setEnabled(true);
            Q_EMIT completeChanged();
            if (cancelled)
                return;
            if (!error.isEmpty()) {
                m_ui->statusLabel->setText(error);
                return;
            }
            m_done = true;
            m_wizard->resultMessage =
                tr("%Ln row(s) written to %1.", nullptr, int(qMin<qint64>(rows, INT_MAX))).arg(m_wizard->request.path);
            m_wizard->accept();
        });
    connect(&wizard->worker(), &ReportWorker::addressesReady, this,
            [this](int ticket, const QString &addresses, const QString &error) {
                if (ticket != m_ticket)
                    return;
                m_busy = false;
                m_ui->addressesEdit->setPlainText(error.isEmpty() ? addresses : QString());
                m_ui->statusLabel->setText(error.isEmpty() ? tr("Finish copies them to the clipboard; paste them "
                                                                "into the Bcc field (never To or Cc).")
                                                           : error);
                Q_EMIT completeChanged();
            });
}

ExportWizardPageFile::~ExportWizardPageFile() = default;

void ExportWizardPageFile::initializePage()
{
    m_done = false;
    m_busy = false;
    m_ui->statusLabel->clear();
    const bool clipboard = m_wizard->clipboard;
    setTitle(clipboard ? tr("4. The addresses") : tr("4. File"));
    m_ui->pathEdit->setVisible(!clipboard);
    m_ui->browseButton->setVisible(!clipboard);
    m_ui->addressesEdit->setVisible(clipboard);
    if (clipboard) {
        m_busy = true;
        m_ui->statusLabel->setText(tr("Gathering the addresses…"));
        m_ticket = m_wizard->worker().addresses(m_wizard->plan);
    } else if (!m_ui->pathEdit->text().isEmpty()) {
        // Back to the format step and on: the name follows the format chosen (members.csv → members.xlsx).
        const QString path = m_ui->pathEdit->text();
        const QFileInfo info(path);
        static const QStringList ours = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt"),
                                         QStringLiteral("xlsx"), QStringLiteral("ods")};
        if (ours.contains(info.suffix().toLower()) && info.suffix().toLower() != suffix())
            m_ui->pathEdit->setText(path.left(path.size() - info.suffix().size()) + suffix());
    } else {
        QString base = m_wizard->request.report.name;
        for (QChar &c : base)
            if (QStringLiteral("/\\:*?\"<>|").contains(c))
                c = QLatin1Char('-');
        // The Documents folder, made if the system names one that does not exist yet; else the home folder.
        QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (folder.isEmpty() || !QDir().mkpath(folder))
            folder = QDir::homePath();
        m_ui->pathEdit->setText(QDir::toNativeSeparators(QDir(folder).filePath(base + QLatin1Char('.') + suffix())));
    }
    setButtonText(QWizard::FinishButton, clipboard ? tr("&Copy") : tr("&Write"));
    Q_EMIT completeChanged();
}

QString ExportWizardPageFile::suffix() const
{
    const auto &spreadsheet = m_wizard->request.options.spreadsheet;
    if (spreadsheet)
        return Reports::SpreadsheetWriter::suffix(*spreadsheet);
    return QStringLiteral("csv");
}

bool ExportWizardPageFile::isComplete() const
{
    if (m_busy)
        return false;
    return m_wizard->clipboard ? !m_ui->addressesEdit->toPlainText().isEmpty()
                               : !m_ui->pathEdit->text().trimmed().isEmpty();
}

bool ExportWizardPageFile::validatePage()
{
    if (m_wizard->clipboard) {
        Reports::ReportRunner runner(m_wizard->context().database(), m_wizard->context().members(),
                                     m_wizard->context().consent(), m_wizard->context().clock());
        const Reports::ReportExporter exporter(runner, m_wizard->context().consent(), m_wizard->context().database(),
                                               m_wizard->context().audit());
        if (auto audited = exporter.audit(m_wizard->request, m_wizard->plan.rowCount, QStringLiteral("clipboard"));
            !audited.ok()) {
            m_ui->statusLabel->setText(audited.error().message); // not copied: every export is in the log
            return false;
        }
        QApplication::clipboard()->setText(m_ui->addressesEdit->toPlainText());
        const int n = int(qMin<qint64>(m_wizard->plan.rowCount, INT_MAX));
        m_wizard->resultMessage = tr("%Ln address(es) copied; paste them into the Bcc field.", nullptr, n);
        return true;
    }
    if (m_done)
        return true;
    start();
    return false;
}

void ExportWizardPageFile::start()
{
    const QString path = QDir::fromNativeSeparators(m_ui->pathEdit->text().trimmed());
    if (QFileInfo(path).isDir()) {
        m_ui->statusLabel->setText(tr("%1 is a folder: give a file name.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_ui->statusLabel->setText(tr("The folder %1 cannot be created: choose another one.")
                                       .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        return;
    }
    if (QFileInfo::exists(path) &&
        MessageBox::question(this, tr("Replace the file?"),
                             tr("%1 exists already. Replace it?").arg(QDir::toNativeSeparators(path)),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    m_wizard->request.path = path;
    m_busy = true;
    m_wizard->button(QWizard::BackButton)->setEnabled(false);
    Q_EMIT completeChanged();
    m_ui->statusLabel->setText(tr("Writing…"));
    m_ticket = m_wizard->worker().write(m_wizard->request, m_wizard->plan);
}

int ExportWizardPageFile::nextId() const
{
    return -1;
}

} // namespace Gui
