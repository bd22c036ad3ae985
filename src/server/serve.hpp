// The composition root: the only code that sees every layer.
#pragma once

#include "cli/commands.hpp"

namespace opennrm::server {

int Serve(const cli::Config& config, const cli::ServeFlags& flags);
int PrintRoutes(const cli::Config& config);

}  // namespace opennrm::server
