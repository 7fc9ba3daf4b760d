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

} // namespace Core
