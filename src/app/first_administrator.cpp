// The first system administrator, made on the first start.
#include "app/users.hpp"

namespace opennrm::app {

Result<std::optional<CreatedUser>> EnsureFirstAdministrator(const Context& ctx) {
  std::string org_id;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto any = (*uow)->users().AnyActiveWithRole(access::Role::kSystemAdministrator);
    if (!any) return tl::unexpected(any.error());
    if (*any) return std::optional<CreatedUser>{};
    ports::OrganisationFilter f;
    f.kind = orgs::Kind::kNationalUnit;
    f.active = true;
    f.limit = 1;
    auto page = (*uow)->organisations().List(f);
    if (!page) return tl::unexpected(page.error());
    if (page->items.empty()) {
      return Fail(ErrorCode::kInvalid,
                  "No active national unit organisation to hold the first administrator.");
    }
    org_id = page->items.front().id;
  }
  NewUser admin{org_id, "admin", "System administrator", {"system_administrator"}};
  // The name "admin" may have been taken and disabled: pick the next free one.
  for (int i = 1; i < 100; ++i) {
    auto created = CreateUserAsSystem(ctx, admin);
    if (created) return std::optional<CreatedUser>{std::move(*created)};
    bool taken = !created.error().fields.empty() && created.error().fields[0].rule == "taken";
    if (!taken) return tl::unexpected(created.error());
    admin.username = "admin" + std::to_string(i + 1);
  }
  return Fail(ErrorCode::kConflict, "No free name for the first administrator.");
}

}  // namespace opennrm::app
