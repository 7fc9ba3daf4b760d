#pragma once

#include <QDate>
#include <QDateTime>

namespace Core {

// Time is injected: services ask a Clock, tests give them a fixed one.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    QDate today() const { return now().toLocalTime().date(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock stopped at one instant: a worker thread computes "as of" the moment it was started.
class FrozenClock final : public Clock
{
public:
    explicit FrozenClock(QDateTime now) : m_now(std::move(now)) {}
    QDateTime now() const override { return m_now; }

private:
    QDateTime m_now;
};

} // namespace Core
