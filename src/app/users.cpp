#include "app/users.hpp"

#include <algorithm>
#include <set>

#include "app/auth/internal.hpp"
#include "domain/accounts/username.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace {

access::Resource AccountOf(const orgs::Organisation& org, std::vector<access::Role> roles,
                           bool self) {
  access::Resource r;
  r.kind = access::ResourceKind::kAccount;
  r.owner_organisation_id = org.id;
  r.owner_kind = org.data.kind;
  r.account_roles = std::move(roles);
  r.self = self;
  return r;
}

Result<std::vector<access::Role>> ParseRoles(const std::vector<std::string>& names,
                                             orgs::Kind kind) {
  Problems p;
  std::vector<access::Role> roles;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string field = "roles[" + std::to_string(i) + "]";
    auto r = access::ParseRole(names[i]);
    if (!r) {
      p.Add(field, "unknown_role", "There is no such role.");
    } else if (!access::KindAllowsRole(kind, *r)) {
      p.Add(field, "not_allowed_for_kind",
            "An organisation of this kind cannot hold the role " + names[i] + ".");
    } else if (std::find(roles.begin(), roles.end(), *r) == roles.end()) {
      roles.push_back(*r);
    }
  }
  if (names.empty()) p.Add("roles", "required", "Give the user at least one role.");
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  return roles;
}

std::vector<access::Role> Union(std::vector<access::Role> a, const std::vector<access::Role>& b) {
  for (access::Role r : b) {
    if (std::find(a.begin(), a.end(), r) == a.end()) a.push_back(r);
  }
  return a;
}

Result<orgs::Organisation> FindOrganisation(ports::UnitOfWork& uow, const std::string& id,
                                            const char* field) {
  auto org = uow.organisations().Find(id);
  if (!org) return tl::unexpected(org.error());
  if (!*org) return Invalid(field, "unknown_organisation", "There is no such organisation.");
  return **org;
}

// What both the system and an administrator do to create a user.
Result<CreatedUser> Insert(const Context& ctx, const access::Actor& actor, const NewUser& in,
                           bool check_policy, const std::string& request_id) {
  auto& sec = Security(ctx);
  Problems p;
  auto username = accounts::ValidateUsername(in.username);
  if (!username) p.Add("username", username.error().fields[0].rule, username.error().message);
  auto display = accounts::ValidateDisplayName(in.display_name);
  if (!display) p.Add("display_name", display.error().fields[0].rule, display.error().message);
  std::optional<orgs::Organisation> org;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto o = FindOrganisation(**uow, in.organisation_id, "organisation_id");
    if (!o) {
      if (check_policy) return tl::unexpected(Error{ErrorCode::kNotFound, "Not found."});
      p.Add("organisation_id", "unknown_organisation", "There is no such organisation.");
    } else {
      org = *o;
    }
  }
  std::vector<access::Role> roles;
  if (org) {
    auto parsed = ParseRoles(in.roles, org->data.kind);
    if (!parsed) {
      for (const auto& f : parsed.error().fields) p.Add(f.field, f.rule, f.detail);
    } else {
      roles = *parsed;
    }
    if (check_policy) {
      auto d = access::Decide(actor, access::Action::kUsersManage, AccountOf(*org, roles, false));
      // The organisation is in the public directory and the account does not
      // exist yet: a refusal is 403, never 404. Rule problems come first.
      if (!d.allowed && (d.reason != "role_not_grantable" || p.empty())) {
        return Forbidden("forbidden",
                         "You may not create this account (" + std::string(d.reason) + ").");
      }
    }
  }
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  CreatedUser out;
  out.one_time_password = sec.secrets.NewOneTimePassword();
  auto hash = sec.hasher.Hash(out.one_time_password);
  if (!hash) return tl::unexpected(hash.error());
  ports::UserRecord u;
  u.id = ctx.ids.NewId();
  u.organisation_id = org->id;
  u.username = *username;
  u.display_name = *display;
  u.roles = roles;
  u.password_hash = *hash;
  u.must_change_password = true;
  u.created_at_us = u.updated_at_us = NowUs(ctx);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto existing = (*uow)->users().FindByUsername(u.username);
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) return Invalid("username", "taken", "This username is already in use.");
    if (auto st = (*uow)->users().Insert(u); !st) return tl::unexpected(st.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e = EventOf(ctx, actor, "user.created", "allowed", request_id);
  e.objects.push_back(Object("user", u.id, u.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  out.user = Summarise(u, *org);
  return out;
}

// Loads a user the caller may `action`; 404 when they may not even see it.
Result<UserAndOrganisation> LoadFor(const Context& ctx, const Caller& caller, const std::string& id,
                                    access::Action action,
                                    std::vector<access::Role> new_roles = {}) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadUser(**uow, id);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded) return NotFound("Not found.");
  const auto& u = **loaded;
  bool self = u.user.id == caller.actor.user_id;
  auto d = access::Decide(caller.actor, action,
                          AccountOf(u.organisation, Union(u.user.roles, new_roles), self));
  if (auto st = Require(d); !st) return tl::unexpected(st.error());
  return u;
}

// Writes `updated` over `before` (version check), ending the user's sessions
// when `end_sessions`.
Status Store(const Context& ctx, const ports::UserRecord& updated, long long expected,
             bool end_sessions, bool clear_recovery_codes = false) {
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  if (auto st = (*uow)->users().Update(updated, expected); !st) return st;
  if (end_sessions) {
    auto r = (*uow)->sessions().RevokeAll(updated.id, NowUs(ctx));
    if (!r) return tl::unexpected(r.error());
  }
  if (clear_recovery_codes) {
    if (auto st = (*uow)->users().ReplaceRecoveryCodes(updated.id, {}); !st) return st;
  }
  return (*uow)->Commit();
}

Result<std::string> NewPassword(const Context& ctx, UserAndOrganisation u,
                                const access::Actor& actor, const std::string& request_id) {
  auto& sec = Security(ctx);
  std::string otp = sec.secrets.NewOneTimePassword();
  auto hash = sec.hasher.Hash(otp);
  if (!hash) return tl::unexpected(hash.error());
  long long expected = u.user.version;
  u.user.password_hash = *hash;
  u.user.must_change_password = true;
  u.user.version += 1;
  u.user.updated_at_us = NowUs(ctx);
  if (auto st = Store(ctx, u.user, expected, true); !st) return tl::unexpected(st.error());
  ::opennrm::audit::Event e = EventOf(ctx, actor, "user.password_reset", "allowed", request_id);
  e.objects.push_back(Object("user", u.user.id, u.user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return otp;
}

Result<UserList> List(const Context& ctx, const ports::UserFilter& filter) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto page = (*uow)->users().List(filter);
  if (!page) return tl::unexpected(page.error());
  UserList out;
  out.total = page->total;
  std::map<std::string, orgs::Organisation> orgs;
  for (const auto& u : page->items) {
    auto it = orgs.find(u.organisation_id);
    if (it == orgs.end()) {
      auto o = (*uow)->organisations().Find(u.organisation_id);
      if (!o) return tl::unexpected(o.error());
      if (!*o) continue;
      it = orgs.emplace(u.organisation_id, **o).first;
    }
    out.items.push_back(Summarise(u, it->second));
  }
  return out;
}

Result<ports::UserFilter> FilterOf(const UserQuery& q) {
  ports::UserFilter f;
  f.organisation_id = q.organisation_id;
  f.active = q.active;
  f.limit = std::clamp(q.limit, 1, 200);
  f.offset = std::max(q.offset, 0);
  if (q.role) {
    auto r = access::ParseRole(*q.role);
    if (!r) return Invalid("role", "unknown_role", "There is no such role.");
    f.role = *r;
  }
  if (q.text && !q.text->empty()) f.folded_text = text::Fold(*q.text);
  return f;
}

}  // namespace

Result<UserList> ListUsers(const Context& ctx, const Caller& caller, const UserQuery& query,
                           const ClientInfo& client) {
  auto filter = FilterOf(query);
  if (!filter) return tl::unexpected(filter.error());
  std::string org_id = query.organisation_id.value_or(caller.actor.organisation_id);
  filter->organisation_id = org_id;
  orgs::Organisation org;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto o = (*uow)->organisations().Find(org_id);
    if (!o) return tl::unexpected(o.error());
    if (!*o) return NotFound("Not found.");
    org = **o;
  }
  // The whole organisation's accounts, or — for a system administrator
  // looking at another organisation — only its administrators: the same
  // policy that decides single reads decides the query.
  bool all =
      access::Decide(caller.actor, access::Action::kUsersRead, AccountOf(org, {}, false)).allowed;
  if (!all) {
    auto admins = access::Decide(caller.actor, access::Action::kUsersRead,
                                 AccountOf(org, {access::Role::kOrganisationAdministrator}, false));
    if (auto st = Require(admins); !st) return tl::unexpected(st.error());
    if (filter->role && *filter->role != access::Role::kOrganisationAdministrator) {
      return UserList{};
    }
    filter->role = access::Role::kOrganisationAdministrator;
  }
  auto out = List(ctx, *filter);
  if (!out) return out;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "users.listed", "allowed", client.request_id);
  for (const auto& u : out->items) e.objects.push_back(Object("user", u.id, u.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<UserSummary> GetUser(const Context& ctx, const Caller& caller, const std::string& id,
                            const ClientInfo& client) {
  auto u = LoadFor(ctx, caller, id, access::Action::kUsersRead);
  if (!u) return tl::unexpected(u.error());
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, "user.read", "allowed", client.request_id);
  e.objects.push_back(Object("user", u->user.id, u->user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return Summarise(u->user, u->organisation);
}

Result<CreatedUser> CreateUser(const Context& ctx, const Caller& caller, const NewUser& user,
                               const ClientInfo& client) {
  return Insert(ctx, caller.actor, user, true, client.request_id);
}

Result<UserSummary> UpdateUser(const Context& ctx, const Caller& caller, const std::string& id,
                               const UserChange& change, const ClientInfo& client) {
  auto current = LoadFor(ctx, caller, id, access::Action::kUsersRead);
  if (!current) return tl::unexpected(current.error());
  std::vector<access::Role> roles = current->user.roles;
  Problems p;
  if (change.roles) {
    auto parsed = ParseRoles(*change.roles, current->organisation.data.kind);
    if (!parsed) {
      for (const auto& f : parsed.error().fields) p.Add(f.field, f.rule, f.detail);
    } else {
      roles = *parsed;
    }
  }
  std::string display = current->user.display_name;
  if (change.display_name) {
    auto d = accounts::ValidateDisplayName(*change.display_name);
    if (!d) {
      p.Add("display_name", d.error().fields[0].rule, d.error().message);
    } else {
      display = *d;
    }
  }
  auto allowed = LoadFor(ctx, caller, id, access::Action::kUsersManage, roles);
  if (!allowed) return tl::unexpected(allowed.error());
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  UserAndOrganisation u = *allowed;
  if (u.user.version != change.version) {
    return tl::unexpected(Error{ErrorCode::kConflict,
                                "The user was changed by someone else; reload and try again.",
                                {{"version", "stale", "Not the current version."}}});
  }
  bool disabling = change.active && !*change.active && u.user.active;
  u.user.display_name = display;
  u.user.roles = roles;
  if (change.active) u.user.active = *change.active;
  u.user.version += 1;
  u.user.updated_at_us = NowUs(ctx);
  if (auto st = Store(ctx, u.user, change.version, disabling); !st) {
    return tl::unexpected(st.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, disabling ? "user.disabled" : "user.updated", "allowed",
              client.request_id);
  e.objects.push_back(Object("user", u.user.id, u.user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return Summarise(u.user, u.organisation);
}

Result<std::string> ResetPassword(const Context& ctx, const Caller& caller, const std::string& id,
                                  const ClientInfo& client) {
  auto u = LoadFor(ctx, caller, id, access::Action::kUsersManage);
  if (!u) return tl::unexpected(u.error());
  return NewPassword(ctx, *u, caller.actor, client.request_id);
}

Status ResetTotp(const Context& ctx, const Caller& caller, const std::string& id,
                 const ClientInfo& client) {
  auto u = LoadFor(ctx, caller, id, access::Action::kUsersManage);
  if (!u) return tl::unexpected(u.error());
  long long expected = u->user.version;
  u->user.totp_secret_sealed.clear();
  u->user.totp_pending_sealed.clear();
  u->user.version += 1;
  u->user.updated_at_us = NowUs(ctx);
  if (auto st = Store(ctx, u->user, expected, true, true); !st) return st;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "user.totp_reset", "allowed", client.request_id);
  e.objects.push_back(Object("user", u->user.id, u->user.organisation_id));
  return Audit(ctx, std::move(e));
}

Result<CreatedUser> CreateUserAsSystem(const Context& ctx, const NewUser& user) {
  return Insert(ctx, access::Actor{}, user, false, "cli");
}

Result<UserList> ListUsersAsSystem(const Context& ctx, const UserQuery& query) {
  auto filter = FilterOf(query);
  if (!filter) return tl::unexpected(filter.error());
  return List(ctx, *filter);
}

Status SetUserActiveAsSystem(const Context& ctx, const std::string& username, bool active) {
  auto u = ReadUserNamed(ctx, username);
  if (!u) return tl::unexpected(u.error());
  long long expected = u->user.version;
  u->user.active = active;
  u->user.version += 1;
  u->user.updated_at_us = NowUs(ctx);
  if (auto st = Store(ctx, u->user, expected, !active); !st) return st;
  ::opennrm::audit::Event e =
      EventOf(ctx, access::Actor{}, active ? "user.enabled" : "user.disabled", "allowed", "cli");
  e.objects.push_back(Object("user", u->user.id, u->user.organisation_id));
  return Audit(ctx, std::move(e));
}

Result<std::string> ResetPasswordAsSystem(const Context& ctx, const std::string& username) {
  auto u = ReadUserNamed(ctx, username);
  if (!u) return tl::unexpected(u.error());
  return NewPassword(ctx, *u, access::Actor{}, "cli");
}

}  // namespace opennrm::app
