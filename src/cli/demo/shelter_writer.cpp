#include "cli/demo/shelter_writer.hpp"

#include <map>
#include <string>

#include "app/organisations.hpp"

namespace opennrm::cli::demo {

namespace {

Error Naming(const std::string& name, Error e) {
  e.message = "Demo shelter " + name + ": " + e.message;
  return e;
}

// Every organisation of kind ngo_shelter (active or not), by name.
Result<std::map<std::string, orgs::Organisation>> SheltersByName(const app::Context& ctx) {
  std::map<std::string, orgs::Organisation> out;
  app::OrganisationQuery q;
  q.kind = std::string(orgs::ToString(orgs::Kind::kNgoShelter));
  q.active = std::nullopt;
  q.limit = 200;
  for (q.offset = 0;; q.offset += q.limit) {
    auto page = app::ListOrganisations(ctx, q);
    if (!page) return tl::unexpected(page.error());
    for (const auto& org : page->items) out[org.data.name] = org;
    if (page->items.empty() || q.offset + q.limit >= page->total) break;
  }
  return out;
}

}  // namespace

Result<WrittenShelters> WriteShelters(const app::Context& ctx,
                                      const std::vector<orgs::OrganisationDraft>& shelters) {
  auto existing = SheltersByName(ctx);
  if (!existing) return tl::unexpected(existing.error());
  WrittenShelters out;
  for (const auto& draft : shelters) {
    auto it = existing->find(draft.name);
    if (it == existing->end()) {
      auto made = app::CreateOrganisation(ctx, draft);
      if (!made) return tl::unexpected(Naming(draft.name, made.error()));
      ++out.created;
      continue;
    }
    orgs::OrganisationDraft kept = it->second.data;
    kept.protected_address = std::nullopt;  // keep the stored one
    kept.occupancy = draft.occupancy;
    if (kept.capacity.empty()) kept.capacity = draft.capacity;
    auto saved = app::UpdateOrganisation(ctx, it->second.id, std::move(kept), it->second.version);
    if (!saved) return tl::unexpected(Naming(draft.name, saved.error()));
    ++out.updated;
  }
  return out;
}

}  // namespace opennrm::cli::demo
