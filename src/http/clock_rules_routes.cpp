// GET /api/v1/clock-rules: the clock rules in force on a day (data/rules/clocks.toml, loaded at
// start into CaseRules), so that forms offer who may apply, whether a decision is awaited and the
// conditions to confirm from the rules themselves rather than a copy. Reference data: any signed-in
// user (action reference.read, as the indicator checklist). Thread-safety: the handler only reads
// the immutable rule set.
#include "core/stockholm_date.hpp"
#include "http/api.hpp"
#include "http/clock_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

// The child track's clocks (started by its records, in section child_protection); the same kinds as
// the use cases' own test (app/cases/clock_support.hpp, internal to app).
bool ChildOnly(clocks::ClockKind kind) {
  return kind == clocks::ClockKind::kProtectionAssessment ||
         kind == clocks::ClockKind::kCustodyCourtSubmission ||
         kind == clocks::ClockKind::kCustodyCareApplication;
}

Json PartyList(const std::vector<clocks::Party>& parties) {
  Json out = Json::array();
  for (auto p : parties) out.push_back(std::string(clocks::ToString(p)));
  return out;
}

// One rule version as the API shows it; `child_only` marks the child track's clocks, which its
// records start (never the clock form).
Json RuleJson(const clocks::ClockRule& r) {
  Json conditions = Json::array();
  for (const auto& c : r.conditions) conditions.push_back({{"id", c.id}, {"text", c.text}});
  Json duration{{"unit", std::string(clocks::ToString(r.duration.unit))},
                {"counting", std::string(clocks::ToString(r.duration.counting))},
                {"bound", std::string(clocks::ToString(r.duration.bound))}};
  if (r.duration.unit != clocks::DurationUnit::kSameOrNextDay) {
    duration["count"] = r.duration.count;
  }
  return {
      {"id", r.id},
      {"version", r.version},
      {"kind", std::string(clocks::ToString(r.kind))},
      {"title", r.title},
      {"basis", std::string(clocks::ToString(r.basis))},
      {"legal_reference", r.legal_reference},
      {"source", r.source},
      {"needs_check", r.needs_check},
      {"valid_from", FormatIsoDate(r.valid_from)},
      {"valid_to", r.valid_to ? Json(FormatIsoDate(*r.valid_to)) : Json(nullptr)},
      {"applicants", PartyList(r.applicants)},
      {"decided", r.decided_by.has_value()},
      {"decided_by",
       r.decided_by ? Json(std::string(clocks::ToString(*r.decided_by))) : Json(nullptr)},
      {"duration", std::move(duration)},
      {"reminder_days_before_end", r.reminder_days_before_end},
      {"conditions", std::move(conditions)},
      {"renewable", r.renewable},
      {"max_renewals", r.max_renewals ? Json(*r.max_renewals) : Json(nullptr)},
      {"revocable", r.revocable},
      {"end_task", r.end_task.empty() ? Json(nullptr) : Json(r.end_task)},
      {"child_only", ChildOnly(r.kind)},
  };
}

}  // namespace

void AddClockRuleRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;
  Route rules{
      "GET",
      "/api/v1/clock-rules",
      [c](const Request& req) {
        Problems p;
        CivilDate on = req.DateQuery("on", StockholmDateOf(c->clock.Now()), p);
        if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
        Json items = Json::array();
        if (c->case_rules) {
          for (const auto& r : c->case_rules->clocks.rules()) {
            if (clocks::InForceOn(r, on)) items.push_back(RuleJson(r));
          }
        }
        return JsonResponse(Dump(Json{{"on", FormatIsoDate(on)}, {"items", std::move(items)}}));
      },
      0,
      {"on"}};
  rules.action = access::Action::kReferenceRead;
  router.Add(std::move(rules));
}

}  // namespace opennrm::http
