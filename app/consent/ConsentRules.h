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

// Membership end + 2 years; 29 February lands on 28 February.
QDate impliedMembershipEnd(const QDate &membershipEnd);

} // namespace Consent
