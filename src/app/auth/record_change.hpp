// Audits a change made through a use case that predates the security core
// (the directory's), once it succeeded.
#pragma once

#include <string>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

Status RecordChange(const Context& ctx, const Caller& caller, const std::string& action,
                    const std::string& object_type, const std::string& object_id,
                    const std::string& owner_organisation_id, const ClientInfo& client);

}  // namespace opennrm::app
