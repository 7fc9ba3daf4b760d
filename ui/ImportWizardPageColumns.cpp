#include "ImportWizardPageColumns.h"

#include "ImportWizard.h"

#include "AppContext.h"
#include "core/MemberField.h"
#include "import/ColumnMapper.h"
#include "import/TableSource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using Core::MemberField;
namespace MemberFields = Core::MemberFields;

namespace Gui {

namespace {
void fillTargets(QComboBox *combo, const QString &extraKey, const QString &header)
{
    // Cagette's partner columns become a second member of the household (the importer does so with a column
    // left as other information): say that, not "other information".
    const QString partner = header.isEmpty() ? QString() : Import::ColumnMapper::partnerFieldFor(header);
    MemberField field{};
    if (!partner.isEmpty() && MemberFields::fromKey(partner, &field))
        combo->addItem(QCoreApplication::translate("Gui::ImportWizardPageColumns",
                                                   "Partner's %1 (a second member, same household)")
                           .arg(MemberFields::label(field).toLower()),
                       extraKey);
    else
        combo->addItem(QCoreApplication::translate("Gui::ImportWizardPageColumns", "Keep as other information"),
                       extraKey);
    combo->addItem(QCoreApplication::translate("Gui::ImportWizardPageColumns", "Ignore this column"), QString());
    combo->addItem(QCoreApplication::translate("Gui::ImportWizardPageColumns", "First and last name together"),
                   QStringLiteral("full_name"));
    for (MemberField f : MemberFields::all()) {
        if (Import::Importer::isValidTarget(MemberFields::key(f)))
            combo->addItem(MemberFields::label(f), MemberFields::key(f));
    }
}
} // namespace

ImportWizardPageColumns::ImportWizardPageColumns(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("2. The columns"));
    setSubTitle(tr("Check what each column holds. Columns kept as other information are not lost."));
    m_columns = new QTableWidget(this);
    m_columns->setObjectName(QStringLiteral("importColumnsTable"));
    m_columns->setColumnCount(3);
    m_columns->setHorizontalHeaderLabels({tr("Column in the file"), tr("First value"), tr("Imported as")});
    m_columns->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_columns->verticalHeader()->setVisible(false);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setWordWrap(false);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("importModeCombo"));
    m_mode->addItem(tr("Add new members only; leave existing ones as they are"), QStringLiteral("create"));
    m_mode->addItem(tr("Update existing members with the file's values"), QStringLiteral("update"));
    m_mode->addItem(tr("Fill in only what existing members are missing"), QStringLiteral("fill"));
    m_dateOrder = new QComboBox(this);
    m_dateOrder->setObjectName(QStringLiteral("importDateOrderCombo"));
    m_dateOrder->addItem(tr("Work it out from the file"), int(Import::DateOrder::Unknown));
    m_dateOrder->addItem(tr("Day/month/year (15/03/2024)"), int(Import::DateOrder::DayMonth));
    m_dateOrder->addItem(tr("Month/day/year (03/15/2024)"), int(Import::DateOrder::MonthDay));
    m_skipNoEmail = new QCheckBox(tr("Skip rows without an email address"), this);
    m_skipNoEmail->setObjectName(QStringLiteral("importSkipNoEmailCheck"));
    m_protected = new QListWidget(this);
    m_protected->setObjectName(QStringLiteral("importProtectedList"));
    m_protected->setFlow(QListView::LeftToRight);
    m_protected->setWrapping(true);
    m_protected->setMaximumHeight(70);
    for (MemberField f : MemberFields::all()) {
        if (!Import::Importer::isValidTarget(MemberFields::key(f)) || f == MemberField::Email)
            continue; // the email is what rows are matched on
        auto *item = new QListWidgetItem(MemberFields::label(f), m_protected);
        item->setData(Qt::UserRole, MemberFields::key(f));
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    m_protected->setEnabled(false);
    connect(m_mode, &QComboBox::currentIndexChanged, this,
            [this] { m_protected->setEnabled(m_mode->currentData().toString() != QLatin1String("create")); });
    // Consent found in the file is recorded only for a purpose the user picks here.
    m_consentInfo = new QLabel(this);
    m_consentInfo->setObjectName(QStringLiteral("importConsentInfo"));
    m_consentInfo->setWordWrap(true);
    m_consentPurpose = new QComboBox(this);
    m_consentPurpose->setObjectName(QStringLiteral("importConsentPurposeCombo"));
    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Members already in Carnet"), m_mode);
    form->addRow(tr("Never overwrite"), m_protected);
    form->addRow(tr("Dates"), m_dateOrder);
    form->addRow(QString(), m_skipNoEmail);
    form->addRow(tr("Consent"), m_consentInfo);
    form->addRow(tr("Record it for"), m_consentPurpose);
    m_consentInfo->setVisible(false);
    m_consentPurpose->setVisible(false);
    form->labelForField(m_consentInfo)->setVisible(false);
    form->labelForField(m_consentPurpose)->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_columns, 1);
    layout->addLayout(form);
}

void ImportWizardPageColumns::initializePage()
{
    auto file = Import::TableSource::open(m_wizard->file, m_wizard->options.csv);
    m_columns->setRowCount(0);
    m_keys.clear();
    if (!file.ok())
        return;
    Import::TableSource &f = *file.value();
    QList<QStringList> rows;
    Import::CsvRecord record;
    while (rows.size() < 200 && f.next(record))
        rows.append(record.fields);
    int columns = int(f.header().size());
    for (const QStringList &r : rows)
        columns = std::max(columns, int(r.size()));
    const QStringList mapping =
        f.hasHeader() ? Import::ColumnMapper::map(f.header()) : Import::ColumnMapper::mapByContent(rows, columns);
    const Import::ConsentColumns consent =
        f.hasHeader() ? Import::ConsentColumns::detect(f.header()) : Import::ConsentColumns();
    m_consentPurpose->clear();
    m_consentPurpose->addItem(tr("Do not record consent (keep the columns as other information)"), QString());
    if (auto purposes = m_wizard->context().consent().purposes(); purposes.ok()) {
        for (const Consent::Purpose &p : purposes.value())
            m_consentPurpose->addItem(p.displayLabel(), p.key);
    }
    m_consentPurpose->setCurrentIndex(std::max(0, m_consentPurpose->findData(m_wizard->options.consentPurpose)));
    m_consentInfo->setText(consent.description());
    for (QWidget *w : {static_cast<QWidget *>(m_consentInfo), static_cast<QWidget *>(m_consentPurpose)}) {
        w->setVisible(consent.found());
        m_form->labelForField(w)->setVisible(consent.found());
    }
    for (int c = 0; c < mapping.size(); ++c) {
        const QString key = f.hasHeader() ? f.header().value(c) : QStringLiteral("column_%1").arg(c + 1);
        m_keys.append(key);
        m_columns->insertRow(c);
        m_columns->setItem(c, 0, new QTableWidgetItem(key));
        m_columns->setItem(c, 1, new QTableWidgetItem(rows.isEmpty() ? QString() : rows.first().value(c)));
        auto *combo = new QComboBox(m_columns);
        combo->setObjectName(QStringLiteral("importTarget_%1").arg(c));
        const QString extraKey = Import::ColumnMapper::extraKey(f.hasHeader() ? key : QString(), c);
        fillTargets(combo, extraKey, f.hasHeader() ? key : QString());
        const QString current = m_wizard->options.mapping.value(key, mapping[c]);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
        m_columns->setCellWidget(c, 2, combo);
    }
}

bool ImportWizardPageColumns::validatePage()
{
    m_wizard->options.mapping.clear();
    for (int c = 0; c < m_keys.size(); ++c) {
        auto *combo = qobject_cast<QComboBox *>(m_columns->cellWidget(c, 2));
        m_wizard->options.mapping.insert(m_keys[c], combo->currentData().toString());
    }
    Import::Importer::modeFromName(m_mode->currentData().toString(), &m_wizard->options.mode);
    m_wizard->options.dateOrder = static_cast<Import::DateOrder>(m_dateOrder->currentData().toInt());
    m_wizard->options.skipNoEmail = m_skipNoEmail->isChecked();
    m_wizard->options.consentPurpose =
        !m_consentPurpose->isHidden() ? m_consentPurpose->currentData().toString() : QString();
    m_wizard->options.protectedFields.clear();
    for (int i = 0; i < m_protected->count(); ++i) {
        if (m_protected->item(i)->checkState() == Qt::Checked)
            m_wizard->options.protectedFields.append(m_protected->item(i)->data(Qt::UserRole).toString());
    }
    return true;
}

} // namespace Gui
