#include "app/auth/record_change.hpp"

#include "app/auth/internal.hpp"

namespace opennrm::app {

Status RecordChange(const Context& ctx, const Caller& caller, const std::string& action,
                    const std::string& object_type, const std::string& object_id,
                    const std::string& owner_organisation_id, const ClientInfo& client) {
  using namespace auth_internal;
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", client.request_id);
  e.objects.push_back(Object(object_type, object_id, owner_organisation_id));
  return Audit(ctx, std::move(e));
}

}  // namespace opennrm::app
