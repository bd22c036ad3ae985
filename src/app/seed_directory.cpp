#include "app/seed_directory.hpp"

#include "core/date.hpp"
#include "domain/orgs/seed.hpp"
#include "domain/orgs/validation.hpp"

namespace opennrm::app {

Result<SeedOutcome> SeedDirectory(const Context& ctx) {
  SeedOutcome outcome;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  long long now = ToEpochMicros(ctx.clock.Now());
  for (auto& entry : orgs::SeedDirectory(ctx.reference->geography)) {
    auto exists = (*uow)->organisations().SeedKeyExists(entry.seed_key);
    if (!exists) return tl::unexpected(exists.error());
    if (*exists) {
      ++outcome.existing;
      continue;
    }
    auto valid = orgs::Validate(std::move(entry.draft), ctx.reference->geography,
                                ctx.reference->catalogs, UtcDateOf(ctx.clock.Now()));
    if (!valid) {
      Error e = valid.error();
      e.message = "Seed organisation " + entry.seed_key + " is invalid: " + e.message;
      return tl::unexpected(e);
    }
    orgs::Organisation org;
    org.id = ctx.ids.NewId();
    org.seed_key = entry.seed_key;
    org.data = std::move(*valid);
    org.created_at_us = org.updated_at_us = now;
    if (auto st = (*uow)->organisations().Insert(org); !st) return tl::unexpected(st.error());
    ++outcome.created;
  }
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  return outcome;
}

}  // namespace opennrm::app
