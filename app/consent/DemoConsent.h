#pragma once

#include "core/Result.h"

namespace Core {
class Clock;
}

namespace Consent {

class ConsentService;

// The demo association's consent: most members with an address signed the newsletter form at a general
// assembly or on the website, a few withdrew, one asked never to be mailed again. Deterministic.
namespace DemoConsent {
Core::Result<int> populate(ConsentService &consent, const Core::Clock &clock);
}

} // namespace Consent
