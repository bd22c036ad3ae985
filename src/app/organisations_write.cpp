#include "app/organisations.hpp"

#include "core/date.hpp"
#include "core/stockholm_date.hpp"
#include "domain/orgs/validation.hpp"

namespace opennrm::app {

namespace {

// Occupancy dates are Swedish calendar days, as the shelters report them.
CivilDate Today(const Context& ctx) { return StockholmDateOf(ctx.clock.Now()); }

Result<orgs::Organisation> Reload(ports::UnitOfWork& uow, const std::string& id) {
  auto found = uow.organisations().Find(id);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return NotFound("No organisation with this id.");
  return std::move(**found);
}

// A shelter's protected address is sealed under the organisation's own data
// key before it is stored (and never read back through the API). Sealing
// may create that key in a transaction of its own, so it runs before ours.
Status SealProtectedAddress(const Context& ctx, const std::string& id,
                            orgs::OrganisationDraft& draft) {
  if (!draft.protected_address || draft.protected_address->empty()) return Ok();
  if (!ctx.security) return Internal("No field cipher to seal the protected address with.");
  auto sealed = ctx.security->cipher.Seal(
      ports::FieldLocation{id, "organisations", "protected_address", id}, *draft.protected_address);
  if (!sealed) return tl::unexpected(sealed.error());
  draft.protected_address = std::move(*sealed);
  return Ok();
}

}  // namespace

Result<orgs::Organisation> CreateOrganisation(const Context& ctx, orgs::OrganisationDraft draft) {
  auto valid = orgs::Validate(std::move(draft), ctx.reference->geography, ctx.reference->catalogs,
                              Today(ctx));
  if (!valid) return tl::unexpected(valid.error());
  orgs::Organisation org;
  org.id = ctx.ids.NewId();
  org.has_protected_address = valid->protected_address && !valid->protected_address->empty();
  org.data = std::move(*valid);
  if (auto st = SealProtectedAddress(ctx, org.id, org.data); !st) {
    return tl::unexpected(st.error());
  }
  org.version = 1;
  org.created_at_us = org.updated_at_us = ToEpochMicros(ctx.clock.Now());
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  if (auto st = (*uow)->organisations().Insert(org); !st) return tl::unexpected(st.error());
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  org.data.protected_address.reset();
  return org;
}

Result<orgs::Organisation> GetOrganisation(const Context& ctx, const std::string& id) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return Reload(**uow, id);
}

Result<orgs::Organisation> UpdateOrganisation(const Context& ctx, const std::string& id,
                                              orgs::OrganisationDraft draft,
                                              long long expected_version) {
  auto valid = orgs::Validate(std::move(draft), ctx.reference->geography, ctx.reference->catalogs,
                              Today(ctx));
  if (!valid) return tl::unexpected(valid.error());
  if (auto st = SealProtectedAddress(ctx, id, *valid); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto current = Reload(**uow, id);
  if (!current) return current;
  if (current->version != expected_version) {
    return Fail(ErrorCode::kConflict,
                "The organisation was changed by someone else (version " +
                    std::to_string(current->version) + "); reload it and try again.",
                {{"version", "stale", "The version sent is not the current one."}});
  }
  orgs::Organisation next = std::move(*current);
  next.data = std::move(*valid);
  next.version = expected_version + 1;
  next.updated_at_us = ToEpochMicros(ctx.clock.Now());
  if (auto st = (*uow)->organisations().Update(next, expected_version); !st) {
    return tl::unexpected(st.error());
  }
  auto stored = Reload(**uow, id);
  if (!stored) return stored;
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  return stored;
}

Result<orgs::Organisation> SetOrganisationActive(const Context& ctx, const std::string& id,
                                                 bool active, long long expected_version) {
  auto current = GetOrganisation(ctx, id);
  if (!current) return current;
  orgs::OrganisationDraft draft = current->data;
  draft.active = active;
  draft.protected_address.reset();
  // Occupancy dates in the past stay valid; re-validation keeps stored data consistent.
  return UpdateOrganisation(ctx, id, std::move(draft), expected_version);
}

}  // namespace opennrm::app
