#pragma once

#include "consent/Consent.h"
#include "storage/MemberColumnProvider.h"

#include <QHash>
#include <QIcon>

namespace Consent {
class ConsentService;
}

namespace Core {
class Clock;
}

namespace Gui {

// The consent columns of the member table: one per purpose, an icon and a short text, the reason
// and "valid until" in the tooltip. Statuses are computed a page at a time, as the table loads it.
class ConsentColumns final : public Storage::MemberColumnProvider
{
public:
    ConsentColumns(Consent::ConsentService &consent, const Core::Clock &clock);

    void reloadPurposes(); // after a purpose was added or the jurisdiction changed
    void clear();          // after a consent change: statuses are computed again

    int columnCount() const override { return int(m_purposes.size()); }
    QString columnKey(int column) const override;
    QString header(int column) const override;
    void prefetch(const QList<Core::Member> &members) override;
    QVariant data(const Core::Member &member, int column, int role) const override;

    // The icon that stands for a status, shared with the member editor.
    static QIcon icon(const Consent::Status &status, const QDate &today);
    static QString shortText(const Consent::Status &status);

private:
    Consent::ConsentService &m_consent;
    const Core::Clock &m_clock;
    QList<Consent::Purpose> m_purposes;
    QHash<qint64, QList<Consent::Status>> m_statuses; // by member, in m_purposes' order
};

} // namespace Gui
