#pragma once

#include "core/Member.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace Storage {

// Columns the member table shows after the member's own fields, computed by another module (the
// consent status per purpose). The table hands each page of members to prefetch() as it loads it,
// then asks data() for the cells of that page.
class MemberColumnProvider
{
public:
    virtual ~MemberColumnProvider() = default;
    virtual int columnCount() const = 0;
    virtual QString columnKey(int column) const = 0; // stable, for the remembered column choice
    virtual QString header(int column) const = 0;
    virtual void prefetch(const QList<Core::Member> &members) = 0;
    virtual QVariant data(const Core::Member &member, int column, int role) const = 0;
    // What another module adds to one of the member's own cells (an icon and a tooltip on the address the
    // mailbox found undeliverable): Qt::DecorationRole and Qt::ToolTipRole; an invalid QVariant for nothing.
    virtual QVariant fieldData(const Core::Member &member, Core::MemberField field, int role) const
    {
        Q_UNUSED(member);
        Q_UNUSED(field);
        Q_UNUSED(role);
        return {};
    }
};

} // namespace Storage
