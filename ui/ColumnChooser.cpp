#include "ColumnChooser.h"

#include "core/MemberField.h"
#include "storage/MemberTableModel.h"

#include <QHeaderView>
#include <QSettings>

using Core::MemberField;
namespace MemberFields = Core::MemberFields;

namespace Gui {

namespace {
const QString kSettingsKey = QStringLiteral("ui/memberTable/visibleColumns");

QSettings userSettings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Carnet"), QStringLiteral("carnet"));
}
} // namespace

ColumnChooser::ColumnChooser(QHeaderView *header, QWidget *parent) : QMenu(tr("Columns"), parent), m_header(header)
{
    setObjectName(QStringLiteral("columnChooser"));
    rebuild();
}

QStringList ColumnChooser::defaultKeys()
{
    QStringList keys;
    for (MemberField f : {MemberField::MemberNumber, MemberField::LastName, MemberField::FirstName, MemberField::Email,
                          MemberField::Phone, MemberField::City, MemberField::Section, MemberField::Category,
                          MemberField::MembershipEnd})
        keys.append(MemberFields::key(f));
    keys << QStringLiteral("consent:association") << QStringLiteral("consent:newsletter");
    return keys;
}

QString ColumnChooser::keyOf(int column) const
{
    return m_header->model()->headerData(column, Qt::Horizontal, Storage::MemberTableModel::ColumnKeyRole).toString();
}

void ColumnChooser::rebuild()
{
    clear();
    for (int column = 0; column < m_header->count(); ++column) {
        if (column == int(MemberFields::all().size()))
            addSeparator(); // the consent columns
        QAction *action = addAction(m_header->model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_header->isSectionHidden(column));
        action->setData(keyOf(column));
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_header->setSectionHidden(column, !on);
            save();
        });
    }
}

QStringList ColumnChooser::visibleKeys() const
{
    QStringList keys;
    for (int column = 0; column < m_header->count(); ++column) {
        if (!m_header->isSectionHidden(column))
            keys.append(keyOf(column));
    }
    return keys;
}

void ColumnChooser::restore()
{
    QStringList keys = userSettings().value(kSettingsKey).toStringList();
    if (keys.isEmpty())
        keys = defaultKeys();
    for (int column = 0; column < m_header->count(); ++column)
        m_header->setSectionHidden(column, !keys.contains(keyOf(column)));
    rebuild();
}

void ColumnChooser::save() const
{
    QSettings settings = userSettings();
    settings.setValue(kSettingsKey, visibleKeys());
}

} // namespace Gui
