#include "AuditLogDialog.h"

#include "MessageBox.h"

#include "AppContext.h"
#include "reports/TableExport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gui {

AuditLogDialog::AuditLogDialog(AppContext &context, QWidget *parent) : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit log"));
    auto *layout = new QVBoxLayout(this);
    // Who did it: on a server each volunteer's login, taken by the server itself.
    auto *filter = new QHBoxLayout;
    auto *actorLabel = new QLabel(tr("&Volunteer:"), this);
    m_actor = new QComboBox(this);
    m_actor->setObjectName(QStringLiteral("auditActorFilter"));
    m_actor->addItem(tr("Everyone"), QString());
    if (auto actors = m_context.audit().actors(); actors.ok()) {
        for (const QString &a : actors.value())
            m_actor->addItem(a, a);
    }
    actorLabel->setBuddy(m_actor);
    filter->addWidget(actorLabel);
    filter->addWidget(m_actor);
    filter->addStretch();
    layout->addLayout(filter);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("auditList"));
    m_list->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Member"), tr("Details")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportAuditButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the audit log"), QStringLiteral("carnet-audit.xlsx"),
            tr("Excel workbooks (*.xlsx);;OpenDocument spreadsheets (*.ods);;CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (const QString error = exportTo(path); !error.isEmpty())
            MessageBox::critical(this, tr("Export the audit log"), error);
    });

    connect(m_actor, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    reload();
    for (int c = 0; c < m_list->columnCount() - 1; ++c)
        m_list->resizeColumnToContents(c);
    resize(900, 480);
}

QString AuditLogDialog::actor() const
{
    return m_actor->currentData().toString();
}

void AuditLogDialog::reload()
{
    m_list->clear();
    const QLocale locale;
    auto entries = m_context.audit().list(0, actor());
    if (!entries.ok())
        return;
    for (const Storage::AuditEntry &e : entries.value())
        m_list->addTopLevelItem(
            new QTreeWidgetItem({locale.toString(e.at.toLocalTime(), QLocale::ShortFormat), e.actor, e.actionLabel(),
                                 e.memberId ? QString::number(e.memberId) : QString(), e.summary()}));
}

QString AuditLogDialog::exportTo(const QString &path) const
{
    auto entries = m_context.audit().list(0, actor());
    if (!entries.ok())
        return entries.error().message;
    // By the file's name: an Excel workbook, an OpenDocument spreadsheet, or a CSV for Excel.
    auto written = Reports::writeTables(path, Reports::spreadsheetFormatOf(path),
                                        {Reports::auditTable(entries.value())}, tr("Audit log"));
    return written.ok() ? QString() : written.error().message;
}

} // namespace Gui
