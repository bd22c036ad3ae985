// First-run seed of the organisation directory. Idempotent: an organisation
// whose seed key exists is left as administrators changed it.
#pragma once

#include "app/context.hpp"

namespace opennrm::app {

struct SeedOutcome {
  int created = 0;
  int existing = 0;
};

// All-or-nothing: either every missing seed organisation is created or none.
Result<SeedOutcome> SeedDirectory(const Context& ctx);

}  // namespace opennrm::app
