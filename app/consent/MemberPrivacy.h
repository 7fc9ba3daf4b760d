#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Core {
class Clock;
struct Member;
} // namespace Core
namespace Storage {
class AuditLog;
class Database;
class MemberRepository;
} // namespace Storage

namespace Consent {

class ConsentService;

// A member's rights over their data (GDPR): the access export, erasure, and deletion that keeps a
// withdrawn address suppressed. Built on the consent service; every step goes to the audit log.
//
// memberDataTables() is the one list of the tables that can hold a member's data: the access export has a
// section for each and erasure goes through each. tablesWithoutMemberData() names the others and why. A
// schema test fails when a migration adds a table that is in neither list.
class MemberPrivacy
{
public:
    MemberPrivacy(Storage::Database &database, Storage::MemberRepository &members, Storage::AuditLog &audit,
                  ConsentService &consent, const Core::Clock &clock);

    static const QStringList &memberDataTables();
    static const QMap<QString, QString> &tablesWithoutMemberData(); // table -> why it holds nothing of a member

    // Access and portability: everything Carnet holds about the member, a section per table of
    // memberDataTables() (listed under "tables"). `destination` (a file name) goes to the audit log.
    Core::Result<QJsonObject> exportMember(qint64 memberId, const QString &destination);
    // Erasure: every table of memberDataTables() is cleared of the member (their messages kept as counts,
    // without address, name or bytes; queued ones cancelled), the address stays as a suppression hash, and
    // an audit entry keeps the counts. Deleted content is overwritten in the file and the write-ahead log.
    Core::Result<QJsonObject> erase(qint64 memberId);
    // Deleting a member (not an erasure): the same removal of their data, but the address goes on the
    // suppression list only if they had withdrawn anything (a later import cannot bring that back).
    // `expectedVersion` (when not 0): the member as the person saw it; changed since, nothing is removed and
    // the error (code Stale) says who changed it and when.
    // `rewrite` Later: the file's rewrite and the emptying of its write-ahead log are left to one call of
    // rewriteAfterRemovals() once every member of a batch is removed (a selection of 100,000 deleted in chunks
    // of one transaction each: neither can run inside a transaction, and once per member is hours).
    enum class Rewrite { Now, Later };
    Core::Result<void> removeMember(qint64 memberId, qint64 expectedVersion = 0, Rewrite rewrite = Rewrite::Now);
    // What removeMember(…, Rewrite::Now) does after each member, once (outside any transaction): false in
    // `rewritten` when the rewrite could not run (a volunteer's login on a server).
    Core::Result<void> rewriteAfterRemovals(bool *rewritten = nullptr);

private:
    enum class Mode { Erase, Delete };
    Core::Result<QJsonObject> removeEverywhere(qint64 memberId, Mode mode, qint64 expectedVersion = 0,
                                               Rewrite rewrite = Rewrite::Now);
    Core::Result<QJsonObject> exportTables(const Core::Member &member);

    Storage::Database &m_database;
    Storage::MemberRepository &m_members;
    Storage::AuditLog &m_audit;
    ConsentService &m_consent;
    const Core::Clock &m_clock;
};

} // namespace Consent
