// Why a case closes: a closed list. A track never moves to "closed" by
// itself; closing the case, with one of these reasons, ends every track it
// runs (see transition.hpp). Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::tracks {

enum class ClosureReason {
  kSafeReturnCompleted,  // the person returned home and follow-up ended
  kIntegrated,           // the person lives on in Sweden without further support
  kDeclinedSupport,      // the person declined support (voluntary, always allowed)
  kLostContact,          // contact lost despite attempts
  kNotATraffickingCase,  // the presumed-victim assessment did not hold
  kTransferredAbroad,    // the case went to another country's referral mechanism
};

// Every reason, in display order.
const std::vector<ClosureReason>& AllClosureReasons();
// The stable word for a reason, e.g. "safe_return_completed".
std::string_view ToString(ClosureReason reason);
// The reason a stable word names; nullopt for any other text.
std::optional<ClosureReason> ParseClosureReason(std::string_view text);
// The reason `text` names, or kInvalid on field "reason" with rule "unknown_closure_reason".
Result<ClosureReason> RequireClosureReason(std::string_view text);

}  // namespace opennrm::tracks
