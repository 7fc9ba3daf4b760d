#include "ConsentRules.h"

#include <algorithm>

namespace Consent {

QDate impliedMembershipEnd(const QDate &membershipEnd)
{
    return membershipEnd.isValid() ? membershipEnd.addYears(2) : QDate();
}

namespace {

Reason reasonFor(Basis basis)
{
    switch (basis) {
    case Basis::Express: return Reason::Express;
    case Basis::ImpliedMembership: return Reason::ImpliedMembership;
    case Basis::Implied: return Reason::Implied;
    case Basis::LegitimateInterest: return Reason::LegitimateInterest;
    }
    return Reason::NoConsent;
}

struct Grant
{
    Basis basis;
    QDate since;
    QDate until; // null: no end
    bool byDefault = false;
};

// How long a grant lasts, and whether it holds at `at`.
Grant extent(Basis basis, const QDate &since, const QDate &expiresOn, const Membership &membership)
{
    Grant g{basis, since, {}};
    if (basis == Basis::Implied)
        g.until = expiresOn.isValid() ? expiresOn : since; // the service refuses an implied grant without expiry
    else if (basis == Basis::ImpliedMembership)
        g.until = impliedMembershipEnd(membership.end);
    return g;
}

bool holds(const Grant &g, const QDate &at)
{
    return !g.until.isValid() || at <= g.until;
}

// Longer-lasting first: no end beats an end; express beats legitimate interest beats implied.
bool lastsLonger(const Grant &a, const Grant &b)
{
    if (a.until.isValid() != b.until.isValid())
        return !a.until.isValid();
    if (a.until.isValid() && a.until != b.until)
        return a.until > b.until;
    auto rank = [](Basis basis) {
        switch (basis) {
        case Basis::Express: return 0;
        case Basis::LegitimateInterest: return 1;
        case Basis::ImpliedMembership: return 2;
        case Basis::Implied: return 3;
        }
        return 4;
    };
    if (rank(a.basis) != rank(b.basis))
        return rank(a.basis) < rank(b.basis);
    return a.since > b.since; // the most recent proof
}

} // namespace

Status evaluate(const QList<Event> &events, const Membership &membership, std::optional<Basis> defaultBasis,
                const QDate &at)
{
    // Known at `at`, in the order they happened (same day: the order they were recorded).
    QList<const Event *> known;
    known.reserve(events.size());
    for (const Event &e : events) {
        if (e.occurredOn.isValid() && e.occurredOn <= at)
            known.append(&e);
    }
    std::stable_sort(known.begin(), known.end(), [](const Event *a, const Event *b) {
        if (a->occurredOn != b->occurredOn)
            return a->occurredOn < b->occurredOn;
        if (a->recordedAt != b->recordedAt)
            return a->recordedAt < b->recordedAt;
        return a->id < b->id;
    });

    const Event *withdrawal = nullptr;
    QList<Grant> grants;
    for (const Event *e : std::as_const(known)) {
        if (e->action == Action::Withdraw) {
            withdrawal = e;
            grants.clear();
            continue;
        }
        if (!e->basis)
            continue;
        // After a withdrawal only a new express consent counts.
        if (withdrawal && *e->basis != Basis::Express)
            continue;
        grants.append(extent(*e->basis, e->occurredOn, e->expiresOn, membership));
    }
    if (!withdrawal && defaultBasis) {
        Grant g = extent(*defaultBasis, membership.start, {}, membership);
        g.byDefault = true;
        grants.append(g);
    }

    Status status;
    if (grants.isEmpty()) {
        status.reason = withdrawal ? Reason::Withdrawn : Reason::NoConsent;
        if (withdrawal)
            status.since = withdrawal->occurredOn;
        return status;
    }
    std::stable_sort(grants.begin(), grants.end(), lastsLonger);
    const Grant &best = grants.first();
    status.basis = best.basis;
    status.since = best.since;
    status.validUntil = best.until;
    status.byDefault = best.byDefault;
    if (holds(best, at)) {
        status.eligible = true;
        status.reason = reasonFor(best.basis);
    } else {
        status.reason = Reason::Expired;
    }
    return status;
}

} // namespace Consent
