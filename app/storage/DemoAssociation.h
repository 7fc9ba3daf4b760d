#pragma once

#include "core/Result.h"

namespace Core {
class Clock;
}

namespace Storage {

class MemberRepository;

// The demo association "Les Amis de la Bibliothèque": about 300 invented members with French and
// English names, sections, categories, households, varied membership dates (some expired, some
// ending soon, a few without email). Deterministic for a given day. Only ever written into an
// empty, separate database.
namespace DemoAssociation {
constexpr int kMemberCount = 300;
Core::Result<int> populate(MemberRepository &members, const Core::Clock &clock);
} // namespace DemoAssociation

} // namespace Storage
