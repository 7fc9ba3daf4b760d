#pragma once

#include "core/Clock.h"

// A clock that says what the test tells it.
class FixedClock final : public Core::Clock
{
public:
    explicit FixedClock(QDateTime now = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC)) : m_now(std::move(now))
    {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advanceDays(int days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};
