#include "ImportWizardPageFile.h"

#include "AsideRun.h"
#include "ImportWizard.h"

#include "import/TableSource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>

namespace Gui {

ImportWizardPageFile::ImportWizardPageFile(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard),
      m_lister(std::make_unique<AsideRun>(QStringLiteral("carnet-sheets"), QThread::NormalPriority, nullptr))
{
    setTitle(tr("1. The file"));
    setSubTitle(tr("Carnet reads Excel (.xlsx) and LibreOffice (.ods) spreadsheets as they are, and CSV or text "
                   "files: Koha, Cagette, Mailchimp…"));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importPathEdit"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("importEncodingCombo"));
    m_encoding->addItem(tr("Detect"), QByteArray());
    for (const char *name : {"UTF-8", "windows-1252", "ISO-8859-1", "ISO-8859-15", "UTF-16LE", "UTF-16BE"})
        m_encoding->addItem(QString::fromLatin1(name), QByteArray(name));
    m_separator = new QComboBox(this);
    m_separator->setObjectName(QStringLiteral("importSeparatorCombo"));
    m_separator->addItem(tr("Detect"), QString());
    m_separator->addItem(tr("Comma ,"), QStringLiteral(","));
    m_separator->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_separator->addItem(tr("Tab"), QStringLiteral("\t"));
    m_separator->addItem(tr("Vertical bar |"), QStringLiteral("|"));
    m_sheet = new QComboBox(this);
    m_sheet->setObjectName(QStringLiteral("importSheetCombo"));
    m_header = new QCheckBox(tr("The first line holds the column names"), this);
    m_header->setObjectName(QStringLiteral("importHeaderCheck"));
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("importDetectedLabel"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("importFileError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_sample = new QTableWidget(this);
    m_sample->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sample->verticalHeader()->setVisible(false);
    m_sample->setWordWrap(false);

    m_form = new QFormLayout;
    m_form->addRow(tr("File"), pathRow);
    m_form->addRow(tr("Sheet"), m_sheet);
    m_form->addRow(tr("Encoding"), m_encoding);
    m_form->addRow(tr("Separator"), m_separator);
    m_form->addRow(QString(), m_header);
    m_form->setRowVisible(m_sheet, false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_detected);
    layout->addWidget(m_error);
    layout->addWidget(m_sample, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import members"), m_path->text(),
                                         tr("Member lists (*.xlsx *.ods *.csv *.txt *.tsv);;All files (*)"));
        if (!path.isEmpty()) {
            m_path->setText(path);
            m_header->setProperty("userSet", false);
            m_sheet->setProperty("userSet", false);
            reload();
        }
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_path->text() != m_loadedPath) // not merely the focus leaving (a wizard closed or destroyed, too)
            reload();
    });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportWizardPageFile::reload);
    connect(m_separator, &QComboBox::currentIndexChanged, this, &ImportWizardPageFile::reload);
    connect(m_sheet, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        m_sheet->setProperty("userSet", true);
        m_header->setProperty("userSet", false); // another sheet may or may not have a header
        reload();
    });
    connect(m_header, &QCheckBox::toggled, this, [this] {
        if (m_loading)
            return;
        m_header->setProperty("userSet", true);
        reload();
    });
}

ImportWizardPageFile::~ImportWizardPageFile()
{
    m_closing = true; // a listing under way stops at its next row
}

void ImportWizardPageFile::initializePage()
{
    m_path->setText(m_wizard->file);
    reload();
}

void ImportWizardPageFile::reload()
{
    if (m_loading)
        return;
    m_loading = true;
    m_loadedPath = m_path->text();
    Import::ReadOptions options;
    options.encoding = m_encoding->currentData().toByteArray();
    const QString separator = m_separator->currentData().toString();
    if (!separator.isEmpty())
        options.delimiter = separator.at(0);
    if (m_header->property("userSet").toBool())
        options.hasHeader = m_header->isChecked();
    if (m_sheet->property("userSet").toBool())
        options.sheet = m_sheet->currentData().toString();
    auto file = Import::TableSource::open(m_path->text(), options);
    m_ok = file.ok();
    m_sample->clear();
    m_sample->setRowCount(0);
    m_sample->setColumnCount(0);
    if (!m_ok) {
        m_error->setText(file.error().message);
        m_detected->clear();
    } else {
        Import::TableSource &f = *file.value();
        m_error->clear();
        m_header->setChecked(f.hasHeader());
        const bool spreadsheet = f.format() != Import::FileFormat::Csv;
        m_form->setRowVisible(m_sheet, spreadsheet);
        m_form->setRowVisible(m_encoding, !spreadsheet);
        m_form->setRowVisible(m_separator, !spreadsheet);
        bool toList = false;
        if (spreadsheet) {
            m_readingSheet = f.sheet();
            m_readingSheetName = f.sheetName();
            if (m_listedPath == m_path->text()) {
                showSheets();
            } else {
                m_sheet->clear();
                m_sheet->addItem(tr("%1 — counting the rows…").arg(f.sheetName()), QString::number(f.sheet() + 1));
                m_sheet->setEnabled(false);
                toList = true; // once the first rows are shown, by this same file
            }
            options.sheet = QString::number(f.sheet() + 1);
            m_detected->setText(
                f.format() == Import::FileFormat::Xlsx
                    ? tr("An Excel workbook (.xlsx): the sheet “%1” is read.").arg(f.sheetName())
                    : tr("An OpenDocument spreadsheet (.ods): the sheet “%1” is read.").arg(f.sheetName()));
            for (const Import::LineProblem &p : f.problems()) {
                if (p.line == 0)
                    m_detected->setText(m_detected->text() + QLatin1Char(' ') + p.message);
            }
        } else {
            m_detected->setText(tr("Encoding %1%2, separator “%3”.")
                                    .arg(QString::fromLatin1(f.encoding().name),
                                         f.encoding().bom ? tr(" (with a byte-order mark)") : QString(),
                                         f.delimiter() == QLatin1Char('\t') ? tr("tab") : QString(f.delimiter())));
        }
        m_sample->setColumnCount(int(f.header().size()));
        m_sample->setHorizontalHeaderLabels(f.header());
        Import::CsvRecord record;
        while (m_sample->rowCount() < 8 && f.next(record)) {
            const int row = m_sample->rowCount();
            m_sample->insertRow(row);
            if (m_sample->columnCount() < record.fields.size())
                m_sample->setColumnCount(int(record.fields.size()));
            for (int c = 0; c < record.fields.size(); ++c)
                m_sample->setItem(row, c, new QTableWidgetItem(record.fields[c]));
        }
        m_sample->resizeColumnsToContents();
        m_wizard->file = m_path->text();
        m_wizard->options.csv = options;
        m_wizard->options.csv.hasHeader = f.hasHeader();
        if (toList)
            listSheets(std::move(file.value()));
    }
    m_loading = false;
    Q_EMIT completeChanged();
}

void ImportWizardPageFile::listSheets(std::unique_ptr<Import::TableSource> opened)
{
    const QString path = m_path->text();
    // The file as this page opened it (its workbook, styles and shared strings read once), handed to the thread.
    std::shared_ptr<Import::TableSource> file(std::move(opened));
    m_lister->start([this, path, file] {
        const QList<Import::SheetInfo> sheets = file->sheets(&m_closing);
        if (m_closing)
            return;
        m_lister->post([this, path, sheets] {
            if (path != m_path->text())
                return; // another file was chosen meanwhile
            m_listedPath = path;
            m_listed = sheets;
            const bool loading = m_loading;
            m_loading = true; // filling the list is not the user choosing a sheet
            showSheets();
            m_loading = loading;
        });
    });
}

void ImportWizardPageFile::showSheets()
{
    m_sheet->clear();
    for (int i = 0; i < m_listed.size(); ++i) {
        const Import::SheetInfo &s = m_listed[i];
        QString label = tr("%1 — %n row(s)", nullptr, int(std::min<qint64>(s.rows, INT_MAX))).arg(s.name);
        if (s.hidden)
            label += tr(" (hidden)");
        m_sheet->addItem(label, QString::number(i + 1));
    }
    if (m_listed.isEmpty()) // the listing failed: the sheet being read, at least
        m_sheet->addItem(m_readingSheetName, QString::number(m_readingSheet + 1));
    m_sheet->setCurrentIndex(m_listed.isEmpty() ? 0 : m_readingSheet);
    m_sheet->setEnabled(!m_listed.isEmpty());
}

bool ImportWizardPageFile::isComplete() const
{
    return m_ok;
}

bool ImportWizardPageFile::validatePage()
{
    reload();
    return m_ok;
}

} // namespace Gui
