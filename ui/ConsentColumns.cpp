#include "ConsentColumns.h"

#include "consent/ConsentService.h"
#include "core/Clock.h"
#include "mail/inbound/ReturnedMail.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <functional>

using Consent::Reason;
using Consent::Status;

namespace Gui {

ConsentColumns::ConsentColumns(Consent::ConsentService &consent, const Core::Clock &clock,
                               const Mail::ReturnedMailService *returned)
    : m_consent(consent), m_clock(clock), m_returned(returned)
{
    reloadPurposes();
}

void ConsentColumns::reloadPurposes()
{
    auto purposes = m_consent.purposes();
    m_purposes = purposes.ok() ? purposes.value() : QList<Consent::Purpose>();
    m_statuses.clear();
    m_marks.clear();
    m_away.clear();
}

void ConsentColumns::clear()
{
    m_statuses.clear();
    m_marks.clear();
    m_away.clear();
}

QString ConsentColumns::columnKey(int column) const
{
    return QStringLiteral("consent:") + m_purposes.value(column).key;
}

QString ConsentColumns::header(int column) const
{
    return QCoreApplication::translate("Gui::ConsentColumns", "Consent: %1")
        .arg(m_purposes.value(column).displayLabel());
}

void ConsentColumns::prefetch(const QList<Core::Member> &members)
{
    if (m_returned) {
        QList<qint64> ids;
        ids.reserve(members.size());
        for (const Core::Member &m : members) {
            ids.append(m.id);
            m_marks.remove(m.id);
            m_away.remove(m.id);
        }
        if (auto marks = m_returned->undeliverable().among(ids); marks.ok())
            m_marks.insert(marks.value());
        const QDateTime since = m_clock.now().addDays(-Mail::ReturnedMailService::kAwayDays);
        if (auto away = m_returned->awayAmong(ids, since); away.ok())
            m_away.insert(away.value());
    }
    for (int column = 0; column < m_purposes.size(); ++column) {
        auto statuses = m_consent.statuses(members, m_purposes.at(column));
        if (!statuses.ok())
            return;
        for (const Core::Member &m : members) {
            QList<Status> &row = m_statuses[m.id];
            row.resize(m_purposes.size());
            row[column] = statuses.value().value(m.id);
        }
    }
}

QString ConsentColumns::shortText(const Status &s)
{
    const QLocale locale;
    if (s.eligible && s.validUntil.isValid())
        return QCoreApplication::translate("Gui::ConsentColumns", "until %1")
            .arg(locale.toString(s.validUntil, QLocale::ShortFormat));
    if (s.eligible)
        return Consent::reasonLabel(s.reason);
    switch (s.reason) {
    case Reason::NoConsent: return QCoreApplication::translate("Gui::ConsentColumns", "none");
    default: return Consent::reasonLabel(s.reason);
    }
}

QIcon ConsentColumns::icon(const Status &s, const QDate &today)
{
    // Drawn, not themed: the same on every desktop, and legible in grey for colour-blind users
    // thanks to the shapes (disc, ring, cross).
    enum Shape { Check, Clock, Cross, Dash };
    Shape shape = Dash;
    QColor colour(0x80, 0x80, 0x80);
    if (s.eligible && s.validUntil.isValid() && s.validUntil <= today.addDays(Consent::ConsentService::kExpiringDays)) {
        shape = Clock;
        colour = QColor(0xc7, 0x7c, 0x02);
    } else if (s.eligible) {
        shape = Check;
        colour = QColor(0x1b, 0x7f, 0x3b);
    } else if (s.reason == Reason::Withdrawn || s.reason == Reason::Suppressed) {
        shape = Cross;
        colour = QColor(0xb0, 0x00, 0x20);
    }
    static QHash<int, QIcon> cache;
    const int key = int(shape);
    if (auto it = cache.constFind(key); it != cache.cend())
        return it.value();
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(colour, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (shape) {
    case Check: p.drawPolyline(QPolygonF({QPointF(7, 17), QPointF(13, 24), QPointF(25, 8)})); break;
    case Clock:
        p.drawEllipse(QRectF(5, 5, 22, 22));
        p.drawPolyline(QPolygonF({QPointF(16, 9), QPointF(16, 16), QPointF(21, 19)}));
        break;
    case Cross:
        p.drawLine(QPointF(8, 8), QPointF(24, 24));
        p.drawLine(QPointF(24, 8), QPointF(8, 24));
        break;
    case Dash: p.drawLine(QPointF(9, 16), QPointF(23, 16)); break;
    }
    p.end();
    const QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
}

namespace {

// The envelope both mailbox icons start from, in grey inside `box`, then what the icon adds to it.
QIcon envelopeIcon(const QRectF &box, const std::function<void(QPainter &)> &addMark)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x55, 0x55, 0x55), 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawRect(box);
    p.drawPolyline(
        QPolygonF({box.topLeft(), QPointF(box.center().x(), box.top() + box.height() * 0.6), box.topRight()}));
    addMark(p);
    p.end();
    return QIcon(pixmap);
}

} // namespace

QIcon ConsentColumns::undeliverableIcon()
{
    static const QIcon icon = envelopeIcon(QRectF(4, 8, 24, 17), [](QPainter &p) {
        p.setPen(QPen(QColor(0xb0, 0x00, 0x20), 4, Qt::SolidLine, Qt::RoundCap)); // struck through
        p.drawLine(QPointF(5, 28), QPointF(27, 4));
    });
    return icon;
}

QString ConsentColumns::undeliverableText(const Mail::UndeliverableMark &mark)
{
    const QString category = Mail::Inbound::categoryText(Mail::Inbound::categoryFromKey(mark.category));
    return QCoreApplication::translate("Gui::ConsentColumns",
                                       "Undeliverable since %1: %2.\nLeft out of every mailing until the address is "
                                       "corrected, or marked deliverable again (Mailings menu).")
        .arg(QLocale().toString(mark.since.toLocalTime().date(), QLocale::ShortFormat), category);
}

QIcon ConsentColumns::awayIcon()
{
    static const QIcon icon = envelopeIcon(QRectF(3, 6, 20, 14), [](QPainter &p) {
        p.setBrush(Qt::white); // a clock over its corner
        p.setPen(QPen(QColor(0xc7, 0x7c, 0x02), 2.5));
        p.drawEllipse(QRectF(15, 15, 15, 15));
        p.drawPolyline(QPolygonF({QPointF(22.5, 18.5), QPointF(22.5, 22.5), QPointF(26, 24.5)}));
    });
    return icon;
}

QVariant ConsentColumns::fieldData(const Core::Member &member, Core::MemberField field, int role) const
{
    if (field != Core::MemberField::Email)
        return {};
    if (const auto it = m_marks.constFind(member.id); it != m_marks.cend()) {
        if (role == Qt::DecorationRole)
            return undeliverableIcon();
        if (role == Qt::ToolTipRole)
            return undeliverableText(*it);
        return {};
    }
    if (const auto it = m_away.constFind(member.id); it != m_away.cend()) {
        if (role == Qt::DecorationRole)
            return awayIcon();
        if (role == Qt::ToolTipRole)
            return QCoreApplication::translate("Gui::ConsentColumns",
                                               "Away: an automatic reply came back on %1. Nothing else changes.")
                .arg(QLocale().toString(it->toLocalTime().date(), QLocale::ShortFormat));
    }
    return {};
}

QVariant ConsentColumns::data(const Core::Member &member, int column, int role) const
{
    const auto it = m_statuses.constFind(member.id);
    if (it == m_statuses.cend() || column >= it->size())
        return {};
    const Status &s = it->at(column);
    switch (role) {
    case Qt::DisplayRole: return shortText(s);
    case Qt::DecorationRole: return icon(s, m_clock.today());
    case Qt::ToolTipRole: return s.explanation();
    case Qt::EditRole: return Consent::reasonKey(s.reason);
    default: return {};
    }
}

} // namespace Gui
