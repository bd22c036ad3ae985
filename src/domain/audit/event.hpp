// One audit event (security core): who did what to which records, when, why.
// Identified by opaque ids only — never names, never content — so records can
// later be weeded while the log still verifies. Plain values; no I/O.
#pragma once

#include <string>
#include <vector>

namespace opennrm::audit {

// One record an event touched, with the sections read or changed.
struct ObjectRef {
  std::string type;                   // "organisation", "user", "session", "case", ...
  std::string id;                     // opaque id
  std::string organisation_id;        // the record's owner (controller); may be empty
  std::vector<std::string> sections;  // access::Section names; empty: the whole record
};

struct Event {
  long long at_us = 0;  // microseconds since the epoch, UTC
  // Who: the user (or API token) and the organisation and roles they acted in.
  std::string actor_user_id;   // empty for the system itself (scheduler, CLI)
  std::string actor_token_id;  // set when an API token acted
  std::string organisation_id;
  std::vector<std::string> roles;  // access::Role names
  std::string action;   // access::Action name or a login-flow event, e.g. "session.login"
  std::string outcome;  // "allowed", "denied", "failed"
  std::vector<ObjectRef> objects;
  std::string purpose;    // closed code, e.g. "assignment", "break_glass", "disclosure"
  std::string reason_id;  // opaque id of a sealed reason kept by the owner; may be empty
  std::string request_id;
};

}  // namespace opennrm::audit
