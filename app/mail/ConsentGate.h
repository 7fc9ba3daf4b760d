#pragma once

#include "Campaign.h"
#include "Outbox.h"

#include <QMap>

#include <memory>

namespace Core {
class Clock;
}
namespace Consent {
class ConsentService;
}
namespace Storage {
class AuditLog;
class Database;
class MemberRepository;
class SettingsRepository;
} // namespace Storage

namespace Mail {

// The check made just before each message goes (OutboxRunner's gate): a campaign's member is asked about
// again, and one who no longer may receive it is recorded as left out. Has its own services over the given
// connection, so it works on the sending thread.
class ConsentGate
{
public:
    ConsentGate(Storage::Database &database, const Core::Clock &clock);
    ~ConsentGate();
    // Empty: it may go; a reason: it must not (cancelled with it); an error: cannot tell now (left queued).
    Core::Result<QString> check(const Delivery &delivery);

private:
    struct BatchInfo
    {
        bool loaded = false;
        Campaign campaign; // id 0: not a campaign's batch
        QString purpose;   // the batch's purpose otherwise
    };

    Storage::Database &m_database;
    const Core::Clock &m_clock;
    std::unique_ptr<Storage::MemberRepository> m_members;
    std::unique_ptr<Storage::AuditLog> m_audit;
    std::unique_ptr<Storage::SettingsRepository> m_settings;
    std::unique_ptr<Consent::ConsentService> m_consent;
    QMap<qint64, BatchInfo> m_batches;
};

} // namespace Mail
