// Gets the demo's organisations and users ready: finds each slot's seeded
// organisation by its seed key, creates the synthetic NGOs when missing, and
// creates each slot's demo user when missing (as `opennrm admin create-user`
// does: audited, with a one-time password). Then gives the caller each demo
// user acts as during the run: the user's own roles in their organisation,
// in a session of this command-line run that is never stored and that no
// one can sign in to. Thread-safe after preparation (callers are values).
#pragma once

#include <string>
#include <vector>

#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "cli/demo/organisations_plan.hpp"

namespace opennrm::cli::demo {

struct Actor {
  std::string organisation_id;
  std::string organisation_name;
  std::string username;
  app::Caller caller;
  bool created = false;           // the user is new
  std::string one_time_password;  // for a new user; printed only when asked
};

// One actor per slot, in slot order. `run_id` names this run's session.
Result<std::vector<Actor>> PrepareActors(const app::Context& ctx,
                                         const std::vector<OrganisationSlot>& slots,
                                         const std::string& run_id);

}  // namespace opennrm::cli::demo
