#include "app/hotline/routing.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/knowledge/knowledge.hpp"
#include "core/stockholm_date.hpp"
#include "core/stockholm_date_math.hpp"
#include "domain/hotline/office_hours.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace {

constexpr const char* kRoutingRead = "directory.read";
constexpr const char* kReloaded = "hotline.routing_rules_reloaded";
constexpr int kOpeningSearchDays = 60;

// Advice only: the roles that talk to the hotline about a situation.
Status RequireAdviceRole(const Caller& caller) {
  if (caller.actor.IsToken() || !caller.user) {
    return Forbidden("token-not-allowed", "API tokens cannot ask the hotline's routing.");
  }
  const access::Actor& a = caller.actor;
  if (a.Has(access::Role::kHotlineOperator) || a.Has(access::Role::kRegionalCoordinator) ||
      a.Has(access::Role::kSocialWorker)) {
    return Ok();
  }
  return Forbidden("forbidden",
                   "Routing is for hotline operators, regional coordinators and social workers.");
}

// Records a refused call (outcome "denied"), then gives back `refusal`.
Error Refused(const Context& ctx, const Caller& caller, const char* action, Error refusal,
              const ClientInfo& client) {
  auto e = EventOf(ctx, caller.actor, action, "denied", client.request_id);
  if (auto st = Audit(ctx, std::move(e)); !st) return st.error();
  return refusal;
}

// Active organisations (the cache when there is one).
Result<std::shared_ptr<const std::vector<orgs::Organisation>>> ActiveDirectory(const Context& ctx) {
  if (ctx.directory) return ctx.directory->Active(ctx.db);
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  ports::OrganisationFilter f;
  f.active = true;
  f.limit = 1000000;
  f.count_total = false;
  auto page = (*uow)->organisations().List(f);
  if (!page) return tl::unexpected(page.error());
  return std::make_shared<const std::vector<orgs::Organisation>>(std::move(page->items));
}

// Every organisation, active or not: a rule naming an inactive one says so.
Result<std::vector<orgs::Organisation>> WholeDirectory(const Context& ctx) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  ports::OrganisationFilter f;
  f.limit = 1000000;
  f.count_total = false;
  auto page = (*uow)->organisations().List(f);
  if (!page) return tl::unexpected(page.error());
  return std::move(page->items);
}

RoutedPlace PlaceOf(const geo::Place& p) {
  return {p.municipality->code, p.municipality->name, p.county->code,
          p.county->name,       p.police_region->id,  p.police_region->name};
}

std::optional<referrals::BasisRule> BasisFor(const Context& ctx,
                                             std::optional<referrals::BasisCode> code,
                                             CivilDate today) {
  if (!code) return std::nullopt;
  if (ctx.case_rules) {
    const auto* rule =
        ctx.case_rules->disclosure_bases.Find(*code, orgs::Kind::kNationalUnit, today);
    if (rule) return *rule;
  }
  // Not in the table for the national unit today: the code alone, to be checked.
  referrals::BasisRule only;
  only.code = *code;
  only.needs_check = true;
  return only;
}

}  // namespace

void LinkArticles(const Context& ctx, std::vector<RecommendationView>& recommendations) {
  std::vector<std::string> reasons;
  for (const auto& r : recommendations) {
    const std::string& reason = r.recommendation.reason;
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end())
      reasons.push_back(reason);
  }
  if (reasons.empty()) return;
  const std::vector<ArticleRef> found = ArticlesForReasons(ctx, reasons);
  for (auto& r : recommendations) {
    for (const auto& a : found) {
      if (a.reason == r.recommendation.reason)
        r.article = ArticleLink{a.id, a.title_sv, a.title_en};
    }
  }
}

Result<RoutingView> RouteSituation(const Context& ctx, const Caller& caller,
                                   const hotline::Situation& situation, const ClientInfo& client) {
  if (auto st = RequireAdviceRole(caller); !st) {
    return tl::unexpected(Refused(ctx, caller, kRoutingRead, st.error(), client));
  }
  if (!ctx.routing) return Internal("No routing rules are loaded.");
  const auto place = ctx.reference->geography.Locate(situation.municipality_code);
  if (!place) {
    return Invalid("municipality_code", "unknown_code",
                   "'" + situation.municipality_code + "' is not a known municipality.");
  }
  auto directory = ActiveDirectory(ctx);
  if (!directory) return tl::unexpected(directory.error());
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  const auto rules = ctx.routing->Current();
  auto routed =
      hotline::Route(situation, today, ctx.reference->geography, **directory, *rules.rules);
  if (!routed) return tl::unexpected(routed.error());

  RoutingView view;
  view.place = PlaceOf(*place);
  view.rules_without_organisation = std::move(routed->rules_without_organisation);
  for (auto& rec : routed->recommendations) {
    RecommendationView v;
    const auto it =
        std::find_if((*directory)->begin(), (*directory)->end(),
                     [&](const orgs::Organisation& o) { return o.id == rec.organisation_id; });
    if (it != (*directory)->end()) v.organisation_name = it->data.name;
    v.basis = BasisFor(ctx, rec.basis, today);
    v.recommendation = std::move(rec);
    view.recommendations.push_back(std::move(v));
  }
  LinkArticles(ctx, view.recommendations);

  auto e = EventOf(ctx, caller.actor, kRoutingRead, "allowed", client.request_id);
  e.purpose = "routing";
  for (const auto& v : view.recommendations) {
    const std::string& id = v.recommendation.organisation_id;
    const bool seen =
        std::any_of(e.objects.begin(), e.objects.end(), [&](const auto& o) { return o.id == id; });
    if (!seen) e.objects.push_back(Object("organisation", id, id));
  }
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return view;
}

Result<HotlineSetupView> HotlineSetup(const Context& ctx, const Caller& caller) {
  if (auto st = RequireAdviceRole(caller); !st) return tl::unexpected(st.error());
  if (!ctx.hotline || !ctx.routing) return Internal("The hotline is not configured.");
  const hotline::OfficeHours& hours = ctx.hotline->office_hours;
  const hotline::LocalTimeZone& zone = StockholmZone();
  HotlineSetupView v;
  v.weekdays = hours.weekdays;
  v.opens_minute = hours.opens_minute;
  v.closes_minute = hours.closes_minute;
  const hotline::LocalInstant now = zone.to_local(ToEpochMicros(ctx.clock.Now()));
  v.open_now = hotline::IsOpen(hours, now.day, now.minute_of_day);
  if (!v.open_now) {
    for (int d = 0; d <= kOpeningSearchDays && !v.next_opening_at_us; ++d) {
      const CivilDate day = AddDays(now.day, d);
      if (d == 0 && now.minute_of_day >= hours.opens_minute) continue;
      if (hotline::IsOpen(hours, day, hours.opens_minute)) {
        v.next_opening_at_us = zone.to_utc({day, hours.opens_minute});
      }
    }
  }
  const auto rules = ctx.routing->Current();
  v.routing_rules_loaded_at_us = rules.loaded_at_us;
  v.routing_rules = static_cast<int>(rules.rules->rules().size());
  return v;
}

Status CheckRoutingRules(const Context& ctx, const hotline::RoutingRules& rules) {
  auto directory = WholeDirectory(ctx);
  if (!directory) return tl::unexpected(directory.error());
  return hotline::CheckRulesAgainstDirectory(rules, *directory);
}

Result<ReloadView> ReloadRoutingRules(const Context& ctx, const Caller& caller,
                                      const RoutingRulesReader& reader, const ClientInfo& client) {
  if (caller.actor.IsToken() || !caller.user ||
      !caller.actor.Has(access::Role::kSystemAdministrator)) {
    return tl::unexpected(Refused(
        ctx, caller, kReloaded,
        Forbidden("forbidden", "Only a system administrator reloads the routing rules.").value(),
        client));
  }
  if (!ctx.routing || !reader) return Internal("The routing rules cannot be reloaded here.");
  auto failed = [&](Error error) -> Result<ReloadView> {
    auto e = EventOf(ctx, caller.actor, kReloaded, "failed", client.request_id);
    if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
    if (error.code == ErrorCode::kInvalid) {
      error.message =
          "The routing rules were not reloaded; the rules in force stay. " + error.message;
    }
    return tl::unexpected(std::move(error));
  };
  auto rules = reader();
  if (!rules) return failed(rules.error());
  if (auto st = CheckRoutingRules(ctx, *rules); !st) {
    Error e = st.error();
    e.message = ctx.routing->path() + ": " + e.message;
    return failed(std::move(e));
  }
  ReloadView v;
  v.loaded_at_us = ToEpochMicros(ctx.clock.Now());
  v.rules = static_cast<int>(rules->rules().size());
  // Audited before the swap: no audit, no change.
  auto e = EventOf(ctx, caller.actor, kReloaded, "allowed", client.request_id);
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  ctx.routing->Replace(std::move(*rules), v.loaded_at_us);
  return v;
}

}  // namespace opennrm::app
