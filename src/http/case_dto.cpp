#include "http/case_dto.hpp"

#include "http/api.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

Json CaseSummaryJson(const app::CaseSummary& s) {
  return Json{{"id", s.id},
              {"code", s.code},
              {"type", std::string(cases::ToString(s.type))},
              {"status", s.status},
              {"organisation_id", s.organisation_id},
              {"created_at", IsoTimestamp(s.created_at_us)},
              {"updated_at", IsoTimestamp(s.updated_at_us)},
              {"version", s.version}};
}

Json CaseJson(const app::CaseView& v) {
  Json j = CaseSummaryJson(v.summary);
  j["closure_reason"] = v.closure_reason.empty() ? Json(nullptr) : Json(v.closure_reason);
  j["steps_version"] = v.steps_version;
  Json team = Json::array();
  for (const auto& m : v.team) {
    team.push_back(Json{{"user_id", m.user_id},
                        {"display_name", m.display_name},
                        {"added_by", m.added_by},
                        {"added_at", IsoTimestamp(m.added_at_us)}});
  }
  j["team"] = std::move(team);
  j["access"] = std::string(app::ToString(v.access));
  j["break_glass_expires_at"] = v.break_glass_expires_at_us
                                    ? Json(IsoTimestamp(*v.break_glass_expires_at_us))
                                    : Json(nullptr);
  return j;
}

Response CaseResponse(const Result<app::CaseView>& v, const Request& req, int status) {
  if (!v) return ProblemResponse(v.error(), req);
  return JsonResponse(CaseJson(*v).dump(-1, ' ', false, Json::error_handler_t::replace), status);
}

}  // namespace opennrm::http
