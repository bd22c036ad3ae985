#include "domain/hotline/route.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/orgs/coverage.hpp"

namespace opennrm::hotline {

namespace {

bool GenderFits(const std::string& places_for, Gender gender) {
  if (places_for == "any") return true;
  if (places_for == "women") return gender == Gender::kFemale;
  if (places_for == "men") return gender == Gender::kMale;
  return false;
}

bool AgeFits(const std::string& places_for, AgeGroup age) {
  if (places_for == "any") return true;
  if (places_for == "adults") return age == AgeGroup::kAdult;
  if (places_for == "children") return age == AgeGroup::kChild;
  return false;
}

// Whether the rule names no organisations, or names `o`.
bool Named(const RoutingRule& rule, const orgs::Organisation& o) {
  return rule.organisations.empty() ||
         std::find(rule.organisations.begin(), rule.organisations.end(), o.id) !=
             rule.organisations.end();
}

bool OffersAny(const orgs::Organisation& o, const std::vector<std::string>& services) {
  if (services.empty()) return true;
  return std::any_of(services.begin(), services.end(), [&](const std::string& s) {
    return std::find(o.data.services.begin(), o.data.services.end(), s) != o.data.services.end();
  });
}

// The safeguard of issue 6: never the police for an adult (or a person of
// unknown age) without immediate danger or a wish to report.
bool PoliceAllowed(const Situation& s) {
  if (s.immediate_danger || s.wants_to_report_to_police) return true;
  return s.age_group == AgeGroup::kChild && s.social_services_involve_police.value_or(false);
}

}  // namespace

int FreePlaces(const orgs::Organisation& shelter, const Situation& s) {
  int total = 0;
  int fitting = 0;
  for (const auto& entry : shelter.data.capacity) {
    total += entry.places;
    if (GenderFits(entry.gender, s.gender) && AgeFits(entry.age_group, s.age_group)) {
      fitting += entry.places;
    }
  }
  const int occupied = shelter.data.occupancy ? shelter.data.occupancy->occupied : 0;
  return std::max(0, std::min(fitting, total - occupied));
}

Result<Routing> Route(const Situation& situation, CivilDate today, const geo::Geography& geography,
                      const std::vector<orgs::Organisation>& directory, const RoutingRules& rules) {
  const auto place = geography.Locate(situation.municipality_code);
  if (!place) {
    return Invalid("municipality_code", "unknown_code",
                   "'" + situation.municipality_code + "' is not a known municipality.");
  }
  std::vector<const orgs::Organisation*> candidates;
  for (const auto& o : directory) {
    if (o.data.active && orgs::Covers(o.data.coverage, *place)) candidates.push_back(&o);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });

  Routing out;
  std::set<std::pair<std::string, std::string>> named;  // organisation id, reason
  for (const RoutingRule& rule : rules.rules()) {
    if (!InForceOn(rule, today) || !Applies(rule, situation)) continue;
    if (rule.recommends == orgs::Kind::kPoliceRegion && !PoliceAllowed(situation)) continue;
    bool found = false;
    for (const auto* o : candidates) {
      if (o->data.kind != rule.recommends || !Named(rule, *o) || !OffersAny(*o, rule.services))
        continue;
      std::optional<int> free;
      if (rule.needs_free_places) {
        free = FreePlaces(*o, situation);
        if (*free <= 0) continue;
      }
      found = true;
      if (!named.insert({o->id, rule.reason}).second) continue;
      Recommendation r;
      r.organisation_id = o->id;
      r.kind = o->data.kind;
      r.reason = rule.reason;
      r.reason_sv = rule.reason_sv;
      r.reason_en = rule.reason_en;
      r.basis =
          situation.consents_to_sharing ? rule.basis_with_consent : rule.basis_without_consent;
      r.rule_id = rule.id;
      r.needs_check = rule.needs_check;
      r.free_places = free;
      out.recommendations.push_back(std::move(r));
    }
    if (!found) out.rules_without_organisation.push_back(rule.id);
  }
  return out;
}

}  // namespace opennrm::hotline
