#include "ColumnChooser.h"

#include "core/MemberField.h"

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
    return keys;
}

void ColumnChooser::rebuild()
{
    clear();
    const auto &fields = MemberFields::all();
    for (int column = 0; column < fields.size(); ++column) {
        QAction *action = addAction(MemberFields::label(fields[column]));
        action->setCheckable(true);
        action->setChecked(!m_header->isSectionHidden(column));
        action->setData(MemberFields::key(fields[column]));
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_header->setSectionHidden(column, !on);
            save();
        });
    }
}

QStringList ColumnChooser::visibleKeys() const
{
    QStringList keys;
    const auto &fields = MemberFields::all();
    for (int column = 0; column < fields.size(); ++column) {
        if (!m_header->isSectionHidden(column))
            keys.append(MemberFields::key(fields[column]));
    }
    return keys;
}

void ColumnChooser::restore()
{
    QStringList keys = userSettings().value(kSettingsKey).toStringList();
    if (keys.isEmpty())
        keys = defaultKeys();
    const auto &fields = MemberFields::all();
    for (int column = 0; column < fields.size(); ++column)
        m_header->setSectionHidden(column, !keys.contains(MemberFields::key(fields[column])));
    rebuild();
}

void ColumnChooser::save() const
{
    QSettings settings = userSettings();
    settings.setValue(kSettingsKey, visibleKeys());
}

} // namespace Gui
