#include "cli/demo/actors.hpp"

#include <map>

#include "app/auth/internal.hpp"
#include "app/organisations.hpp"
#include "app/users.hpp"

namespace opennrm::cli::demo {

namespace {

// Every organisation, by seed key and by name.
struct Directory {
  std::map<std::string, orgs::Organisation> by_seed_key;
  std::map<std::string, orgs::Organisation> by_name;
};

Result<Directory> ReadDirectory(const app::Context& ctx) {
  Directory d;
  app::OrganisationQuery q;
  q.active = std::nullopt;
  q.limit = 200;
  for (q.offset = 0;; q.offset += q.limit) {
    auto page = app::ListOrganisations(ctx, q);
    if (!page) return tl::unexpected(page.error());
    for (const auto& org : page->items) {
      if (!org.seed_key.empty()) d.by_seed_key[org.seed_key] = org;
      d.by_name[org.data.name] = org;
    }
    if (page->items.empty() || q.offset + q.limit >= page->total) break;
  }
  return d;
}

Result<orgs::Organisation> NgoOf(const app::Context& ctx, Directory& d,
                                 const OrganisationSlot& slot) {
  if (auto it = d.by_name.find(slot.name); it != d.by_name.end()) return it->second;
  orgs::OrganisationDraft draft;
  draft.name = slot.name;
  draft.kind = orgs::Kind::kNgoShelter;
  draft.coverage = orgs::Coverage{orgs::CoverageScope::kMunicipalities, {slot.municipality}};
  draft.services = {"shelter_women", "psychological_support", "counselling_leave_prostitution"};
  draft.languages = {"swe", "eng"};
  auto made = app::CreateOrganisation(ctx, std::move(draft));
  if (!made) return tl::unexpected(made.error());
  d.by_name[made->data.name] = *made;
  return *made;
}

}  // namespace

Result<std::vector<Actor>> PrepareActors(const app::Context& ctx,
                                         const std::vector<OrganisationSlot>& slots,
                                         const std::string& run_id) {
  auto directory = ReadDirectory(ctx);
  if (!directory) return tl::unexpected(directory.error());
  std::vector<Actor> out;
  for (const auto& slot : slots) {
    orgs::Organisation org;
    if (slot.kind == SlotKind::kNgo) {
      auto ngo = NgoOf(ctx, *directory, slot);
      if (!ngo) return tl::unexpected(ngo.error());
      org = std::move(*ngo);
    } else {
      auto it = directory->by_seed_key.find(slot.seed_key);
      if (it == directory->by_seed_key.end()) {
        return tl::unexpected(Error{ErrorCode::kNotFound,
                                    "The directory has no organisation with seed key " +
                                        slot.seed_key + " (run `opennrm migrate` to seed it).",
                                    {},
                                    "not-found"});
      }
      org = it->second;
    }
    Actor a;
    a.organisation_id = org.id;
    a.organisation_name = org.data.name;
    a.username = slot.username;
    auto existing = app::auth_internal::ReadUserNamed(ctx, slot.username);
    if (!existing && existing.error().code != ErrorCode::kNotFound) {
      return tl::unexpected(existing.error());
    }
    if (!existing) {
      auto made = app::CreateUserAsSystem(
          ctx, app::NewUser{org.id, slot.username, slot.display_name, {slot.role}});
      if (!made) return tl::unexpected(made.error());
      a.created = true;
      a.one_time_password = made->one_time_password;
      existing = app::auth_internal::ReadUserNamed(ctx, slot.username);
      if (!existing) return tl::unexpected(existing.error());
    }
    if (existing->organisation.id != org.id) {
      return tl::unexpected(Error{ErrorCode::kConflict,
                                  "User " + slot.username + " exists in another organisation.",
                                  {},
                                  "conflict"});
    }
    long long now = app::auth_internal::NowUs(ctx);
    ports::SessionRecord session;
    session.id = "demo-" + run_id;
    session.user_id = existing->user.id;
    session.organisation_id = org.id;
    session.stage = ports::SessionStage::kActive;
    session.created_at_us = session.last_seen_at_us = now;
    session.expires_at_us = now + 24LL * 3600 * 1000000;
    session.client_label = "opennrm demo";
    a.caller.actor =
        app::auth_internal::ActorOf(existing->user, existing->organisation, session.id);
    a.caller.session = std::move(session);
    a.caller.user = app::Summarise(existing->user, existing->organisation);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace opennrm::cli::demo
