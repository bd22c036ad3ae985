#include "http/account_dto.hpp"

#include "http/api.hpp"
#include "http/organisation_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Json OptionalTime(const std::optional<long long>& us) {
  return us ? Json(IsoTimestamp(*us)) : Json(nullptr);
}

}  // namespace

Json UserJson(const app::UserSummary& u, bool administration) {
  Json roles = Json::array();
  for (auto r : u.roles) roles.push_back(std::string(access::ToString(r)));
  Json j{{"id", u.id},
         {"username", u.username},
         {"display_name", u.display_name},
         {"organisation",
          {{"id", u.organisation_id},
           {"name", u.organisation_name},
           {"kind", std::string(orgs::ToString(u.organisation_kind))}}},
         {"roles", std::move(roles)},
         {"totp_enrolled", u.totp_enrolled}};
  if (administration) {
    j["active"] = u.active;
    j["must_change_password"] = u.must_change_password;
    j["created_at"] = IsoTimestamp(u.created_at_us);
    j["version"] = u.version;
  }
  return j;
}

Json SessionJson(const app::SessionView& s) {
  return Json{{"stage", std::string(accounts::ToString(s.stage))},
              {"csrf_token", s.csrf_token},
              {"expires_at", IsoTimestamp(s.expires_at_us)},
              {"idle_expires_at", IsoTimestamp(s.idle_expires_at_us)},
              {"user", UserJson(s.user)}};
}

Json SessionSummaryJson(const app::SessionSummary& s) {
  return Json{{"id", s.id},
              {"current", s.current},
              {"created_at", IsoTimestamp(s.created_at_us)},
              {"last_seen_at", IsoTimestamp(s.last_seen_at_us)},
              {"expires_at", IsoTimestamp(s.expires_at_us)},
              {"client", s.client}};
}

Json TokenJson(const ports::ApiTokenRecord& t) {
  return Json{{"id", t.id},
              {"name", t.name},
              {"actions", t.actions},
              {"created_at", IsoTimestamp(t.created_at_us)},
              {"expires_at", IsoTimestamp(t.expires_at_us)},
              {"revoked_at", OptionalTime(t.revoked_at_us)},
              {"last_used_at", OptionalTime(t.last_used_at_us)}};
}

Json NotificationJson(const app::NotificationView& n) {
  Json actor =
      n.actor_user_id.empty()
          ? Json(nullptr)
          : Json{{"id", n.actor_user_id},
                 {"display_name", n.actor_name.empty() ? Json(nullptr) : Json(n.actor_name)}};
  return Json{{"id", n.id},
              {"kind", n.kind},
              {"subject_type", n.subject_type},
              {"subject_id", n.subject_id},
              {"actor", std::move(actor)},
              {"detail", n.detail},
              {"created_at", IsoTimestamp(n.created_at_us)},
              {"read_at", OptionalTime(n.read_at_us)}};
}

Response JsonOr(const Result<Json>& r, const Request& req, int status) {
  if (!r) return ProblemResponse(r.error(), req);
  return JsonResponse(r->dump(-1, ' ', false, Json::error_handler_t::replace), status);
}

Result<std::map<std::string, std::string>> ReadStrings(const Request& req,
                                                       const std::vector<std::string>& required,
                                                       const std::vector<std::string>& optional) {
  auto body = ParseJsonObject(req);
  if (!body) return tl::unexpected(body.error());
  Problems p;
  ObjectReader r(*body, "", p);
  std::map<std::string, std::string> out;
  for (const auto& name : required) {
    if (auto v = r.String(name, true)) out[name] = *v;
  }
  for (const auto& name : optional) {
    if (auto v = r.String(name, false)) out[name] = *v;
  }
  r.RejectUnknown();
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::http
