#pragma once

#include "Consent.h"

#include <optional>

namespace Consent {

// The rules, as a pure function of the ledger, the membership and the date (no database, no clock):
// - express: valid until withdrawn;
// - implied by membership: while a member and until membership end + 2 years (CASL), the last day
//   included; a membership without an end is ongoing;
// - implied with an expiry date: until that date, included;
// - legitimate interest: until the member objects (a withdrawal);
// - withdrawn: not eligible until a new express consent — implied grants after it do not count;
// - events dated after `at` are not yet known at `at`;
// - a member with no event is covered by the purpose's default basis when there is one (implied by
//   membership or legitimate interest), never after a withdrawal.
// Among grants that hold, the one that lasts longest is reported (express over implied).
// Email, invalid addresses and suppression are the service's business, not the ledger's.
Status evaluate(const QList<Event> &events, const Membership &membership, std::optional<Basis> defaultBasis,
                const QDate &at);

// The same status over the whole time line: the dates at which it changes and what it is in between.
// Segments follow each other without gap or overlap; `from` null is the beginning of time, `to` null the end
// of time; evaluate(events, membership, defaultBasis, D) equals the status of the segment that holds D.
// This is what the database keeps per member and purpose (Consent::StatusStore), so that "eligible at D"
// is an indexed comparison; the ledger stays the proof.
struct Segment
{
    QDate from; // first day, included; null: since always
    QDate to;   // last day, included; null: for ever
    Status status;
    bool operator==(const Segment &other) const = default;
};
QList<Segment> timeline(const QList<Event> &events, const Membership &membership, std::optional<Basis> defaultBasis);

// Membership end + 2 years; 29 February lands on 28 February.
QDate impliedMembershipEnd(const QDate &membershipEnd);

} // namespace Consent
