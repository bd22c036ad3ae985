// A professional's call-back request through the public information page
// (issue 6 point 6): no login, no actor. A valid request becomes a new
// consultation of the national unit, channel web_request, waiting in the
// operators' queue. It holds the professional's own details only: there is
// no field for the person they call about. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "app/context.hpp"
#include "core/error.hpp"

namespace opennrm::app {

struct CallbackRequest {
  std::string name;              // the professional's own name
  std::string organisation;      // where they work, free text
  std::string phone;             // where to call back
  std::string topic;             // a hotline::Topic word ("suspected_trafficking")
  std::string message_language;  // "sv" or "en"; "" means "sv"
};

// The longest accepted name and organisation, in bytes.
inline constexpr std::size_t kCallbackMaxTextBytes = 200;

// Checks `request`; each problem names its field ("name", "organisation",
// "phone", "topic", "message_language") with a rule word: required,
// too_long, characters, format, unknown_code.
Status CheckCallbackRequest(const CallbackRequest& request);

// Checks `request` and files it as a new consultation of the national unit
// (the active organisation of kind national_unit), audited as written by the
// public. kInvalid as CheckCallbackRequest; kInternal when there is no
// national unit or the hotline is not configured; kUnavailable when the
// audit log cannot be written. Takes no client address: it is never stored.
Status ReceiveCallbackRequest(const Context& ctx, const CallbackRequest& request,
                              const std::string& request_id);

}  // namespace opennrm::app
