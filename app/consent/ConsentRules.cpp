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

// How long a grant lasts.
Grant extent(Basis basis, const QDate &since, const QDate &expiresOn, const Membership &membership)
{
    Grant g{basis, since, {}};
    if (basis == Basis::Implied)
        g.until = expiresOn.isValid() ? expiresOn : since; // the service refuses an implied grant without expiry
    else if (basis == Basis::ImpliedMembership)
        g.until = impliedMembershipEnd(membership.end);
    return g;
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

namespace {

// Events with a date, in the order they happened (same day: the order they were recorded).
QList<const Event *> inOrder(const QList<Event> &events)
{
    QList<const Event *> known;
    known.reserve(events.size());
    for (const Event &e : events) {
        if (e.occurredOn.isValid())
            known.append(&e);
    }
    std::stable_sort(known.begin(), known.end(), [](const Event *a, const Event *b) {
        if (a->occurredOn != b->occurredOn)
            return a->occurredOn < b->occurredOn;
        if (a->recordedAt != b->recordedAt)
            return a->recordedAt < b->recordedAt;
        return a->id < b->id;
    });
    return known;
}

// The status once these events (and no other) are known, whatever the date: `eligible` and `reason` say
// what holds up to validUntil; after it the grant has expired (see at()).
Status judge(QList<const Event *>::const_iterator begin, QList<const Event *>::const_iterator end,
             const Membership &membership, std::optional<Basis> defaultBasis)
{
    const Event *withdrawal = nullptr;
    QList<Grant> grants;
    for (auto it = begin; it != end; ++it) {
        const Event *e = *it;
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
    status.eligible = true;
    status.reason = reasonFor(best.basis);
    return status;
}

// A judged status on one day: a grant past its last day has expired.
Status at(Status status, const QDate &day)
{
    if (status.eligible && status.validUntil.isValid() && day > status.validUntil) {
        status.eligible = false;
        status.reason = Reason::Expired;
    }
    return status;
}

} // namespace

Status evaluate(const QList<Event> &events, const Membership &membership, std::optional<Basis> defaultBasis,
                const QDate &day)
{
    const QList<const Event *> known = inOrder(events);
    // Events dated after `day` are not yet known on that day.
    auto end = std::upper_bound(known.cbegin(), known.cend(), day,
                                [](const QDate &d, const Event *e) { return d < e->occurredOn; });
    return at(judge(known.cbegin(), end, membership, defaultBasis), day);
}

QList<Segment> timeline(const QList<Event> &events, const Membership &membership, std::optional<Basis> defaultBasis)
{
    const QList<const Event *> known = inOrder(events);
    QList<Segment> out;
    // Between two event dates the known events are the same: the status is one judgement, split where its
    // grant expires.
    auto add = [&out](const QDate &from, const QDate &to, const Status &judged) {
        const QDate until = judged.eligible ? judged.validUntil : QDate();
        if (until.isValid() && from.isValid() && until < from) { // expired before the segment begins
            out.append({from, to, at(judged, from)});
            return;
        }
        if (until.isValid() && (!to.isValid() || until < to)) { // expires within the segment
            out.append({from, until, judged});
            out.append({until.addDays(1), to, at(judged, until.addDays(1))});
            return;
        }
        out.append({from, to, judged});
    };
    QDate from; // since always
    auto it = known.cbegin();
    while (true) {
        const QDate next = it == known.cend() ? QDate() : (*it)->occurredOn;
        add(from, next.isValid() ? next.addDays(-1) : QDate(), judge(known.cbegin(), it, membership, defaultBasis));
        if (!next.isValid())
            break;
        while (it != known.cend() && (*it)->occurredOn == next)
            ++it;
        from = next;
    }
    return out;
}

} // namespace Consent
