#pragma once

#include "consent/Consent.h"
#include "mail/ReturnedMailService.h"
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
// and "valid until" in the tooltip. Statuses are computed a page at a time, as the table loads it; so is
// the mark on an address the mailbox found undeliverable, or an automatic reply read in the last 30 days
// (an icon and a tooltip on the email cell).
class ConsentColumns final : public Storage::MemberColumnProvider
{
public:
    ConsentColumns(Consent::ConsentService &consent, const Core::Clock &clock,
                   const Mail::ReturnedMailService *returned = nullptr);

    void reloadPurposes(); // after a purpose was added or the jurisdiction changed
    void clear();          // after a consent change: statuses are computed again

    int columnCount() const override { return int(m_purposes.size()); }
    QString columnKey(int column) const override;
    QString header(int column) const override;
    void prefetch(const QList<Core::Member> &members) override;
    QVariant data(const Core::Member &member, int column, int role) const override;
    QVariant fieldData(const Core::Member &member, Core::MemberField field, int role) const override;

    // The icon that stands for a status, shared with the member editor.
    static QIcon icon(const Consent::Status &status, const QDate &today);
    static QString shortText(const Consent::Status &status);
    static QIcon undeliverableIcon(); // an envelope struck through
    static QString undeliverableText(const Mail::UndeliverableMark &mark);
    static QIcon awayIcon(); // an envelope with a clock

private:
    Consent::ConsentService &m_consent;
    const Core::Clock &m_clock;
    QList<Consent::Purpose> m_purposes;
    QHash<qint64, QList<Consent::Status>> m_statuses; // by member, in m_purposes' order
    const Mail::ReturnedMailService *m_returned;
    QHash<qint64, QDateTime> m_away; // the members of the pages seen who answered with an automatic reply
    QHash<qint64, Mail::UndeliverableMark> m_marks; // the members of the pages seen whose address is marked
};

} // namespace Gui
