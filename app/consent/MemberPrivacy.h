#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace Core {
class Clock;
}
namespace Storage {
class AuditLog;
class Database;
class MemberRepository;
} // namespace Storage

namespace Consent {

class ConsentService;

// A member's rights over their data (GDPR): the access export, erasure, and deletion that keeps a
// withdrawn address suppressed. Built on the consent service; every step goes to the audit log.
class MemberPrivacy
{
public:
    MemberPrivacy(Storage::Database &database, Storage::MemberRepository &members, Storage::AuditLog &audit,
                  ConsentService &consent, const Core::Clock &clock);

    // Access and portability: everything Carnet holds about the member. `destination` (a file name) goes
    // to the audit log.
    Core::Result<QJsonObject> exportMember(qint64 memberId, const QString &destination);
    // Erasure: the member's row, consent history and import snapshots go; a suppression entry and an
    // audit entry stay, with counts only.
    Core::Result<QJsonObject> erase(qint64 memberId);
    // Deleting a member (not an erasure): their consent history goes with them, so an address that had
    // withdrawn anything goes on the suppression list first — a later import cannot bring it back.
    Core::Result<void> removeMember(qint64 memberId);

private:
    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    Storage::AuditLog &m_audit;
    ConsentService &m_consent;
    const Core::Clock &m_clock;
};

} // namespace Consent
