#include "domain/hotline/routing_rules.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace opennrm::hotline {

namespace {

const std::vector<std::pair<Fact, std::string_view>>& FactNames() {
  static const std::vector<std::pair<Fact, std::string_view>> names = {
      {Fact::kImmediateDanger, "immediate_danger"},
      {Fact::kWantsToReportToPolice, "wants_to_report_to_police"},
      {Fact::kWishToReturn, "wish_to_return"},
      {Fact::kNeedsShelter, "needs_shelter"},
      {Fact::kConsentsToSharing, "consents_to_sharing"},
      {Fact::kSocialServicesInvolvePolice, "social_services_involve_police"},
      {Fact::kWithoutResidencePermit, "without_residence_permit"},
      {Fact::kForeignNational, "foreign_national"},
  };
  return names;
}

template <class T>
bool AnyOrContains(const std::vector<T>& allowed, const T& value) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool Has(const std::vector<Fact>& facts, Fact fact) {
  return std::find(facts.begin(), facts.end(), fact) != facts.end();
}

// The police-region kind may be recommended only on one of these triggers.
bool PoliceTriggered(const RoutingRule& r) {
  if (Has(r.required_facts, Fact::kImmediateDanger)) return true;
  if (Has(r.required_facts, Fact::kWantsToReportToPolice)) return true;
  return Has(r.required_facts, Fact::kSocialServicesInvolvePolice) &&
         r.age_groups == std::vector<AgeGroup>{AgeGroup::kChild};
}

}  // namespace

const std::vector<Fact>& AllFacts() {
  static const std::vector<Fact> all = [] {
    std::vector<Fact> out;
    for (const auto& [fact, name] : FactNames()) out.push_back(fact);
    return out;
  }();
  return all;
}

std::string_view ToString(Fact fact) {
  for (const auto& [f, name] : FactNames()) {
    if (f == fact) return name;
  }
  return "unknown";
}

std::optional<Fact> ParseFact(std::string_view text) {
  for (const auto& [f, name] : FactNames()) {
    if (name == text) return f;
  }
  return std::nullopt;
}

bool Holds(Fact fact, const Situation& s) {
  switch (fact) {
    case Fact::kImmediateDanger:
      return s.immediate_danger;
    case Fact::kWantsToReportToPolice:
      return s.wants_to_report_to_police;
    case Fact::kWishToReturn:
      return s.wish_to_return;
    case Fact::kNeedsShelter:
      return s.needs_shelter;
    case Fact::kConsentsToSharing:
      return s.consents_to_sharing;
    case Fact::kSocialServicesInvolvePolice:
      return s.age_group == AgeGroup::kChild && s.social_services_involve_police.value_or(false);
    case Fact::kWithoutResidencePermit:
      return !s.holds_residence_permit.value_or(false);
    case Fact::kForeignNational:
      return IsForeign(s.citizenship);
  }
  return false;
}

bool InForceOn(const RoutingRule& rule, CivilDate day) {
  return rule.valid_from <= day && (!rule.valid_to || day <= *rule.valid_to);
}

bool Applies(const RoutingRule& r, const Situation& s) {
  if (!AnyOrContains(r.topics, s.topic)) return false;
  if (!r.forms.empty()) {
    const bool any = std::any_of(s.forms.begin(), s.forms.end(), [&](cases::ExploitationForm f) {
      return AnyOrContains(r.forms, f);
    });
    if (!any) return false;
  }
  if (!AnyOrContains(r.age_groups, s.age_group)) return false;
  if (!AnyOrContains(r.citizenship_groups, s.citizenship)) return false;
  if (!AnyOrContains(r.genders, s.gender)) return false;
  return std::all_of(r.required_facts.begin(), r.required_facts.end(),
                     [&](Fact f) { return Holds(f, s); });
}

Result<RoutingRules> RoutingRules::Build(std::vector<RoutingRule> rules) {
  std::set<std::string> ids;
  for (size_t i = 0; i < rules.size(); ++i) {
    const RoutingRule& r = rules[i];
    const std::string at = "rules[" + std::to_string(i) + "]";
    if (r.id.empty()) return Invalid(at + ".id", "required", "the rule has no id.");
    const std::string named = at + " (" + r.id + ")";
    if (!ids.insert(r.id).second)
      return Invalid(at + ".id", "duplicate", named + ": another rule has the id '" + r.id + "'.");
    if (r.reason.empty() || r.reason_sv.empty() || r.reason_en.empty())
      return Invalid(at + ".reason", "required",
                     named + ": reason, reason_sv and reason_en are needed.");
    if (r.valid_to && *r.valid_to < r.valid_from)
      return Invalid(at + ".valid_to", "before_valid_from",
                     named + ": valid_to is before valid_from.");
    if (r.recommends == orgs::Kind::kPoliceRegion && !PoliceTriggered(r))
      return Invalid(at + ".requires", "police_without_trigger",
                     named +
                         ": a rule recommending the police must require immediate_danger, "
                         "wants_to_report_to_police, or social_services_involve_police "
                         "with age_groups = [\"child\"].");
    if (r.needs_free_places && r.recommends != orgs::Kind::kNgoShelter)
      return Invalid(at + ".needs_free_places", "not_a_shelter",
                     named + ": only a rule recommending ngo_shelter can ask for free places.");
    std::set<std::string> named_orgs;
    for (size_t j = 0; j < r.organisations.size(); ++j) {
      const std::string field = at + ".organisations[" + std::to_string(j) + "]";
      if (r.organisations[j].empty())
        return Invalid(field, "required", named + ": an organisation id is empty.");
      if (!named_orgs.insert(r.organisations[j]).second)
        return Invalid(field, "duplicate",
                       named + ": names the organisation '" + r.organisations[j] + "' twice.");
    }
  }
  return RoutingRules(std::move(rules));
}

Status CheckRulesAgainstDirectory(const RoutingRules& rules,
                                  const std::vector<orgs::Organisation>& directory) {
  for (size_t i = 0; i < rules.rules().size(); ++i) {
    const RoutingRule& r = rules.rules()[i];
    for (size_t j = 0; j < r.organisations.size(); ++j) {
      const std::string& id = r.organisations[j];
      const std::string field =
          "rules[" + std::to_string(i) + "].organisations[" + std::to_string(j) + "]";
      const std::string named = "rules[" + std::to_string(i) + "] (" + r.id + ")";
      const auto it = std::find_if(directory.begin(), directory.end(),
                                   [&](const orgs::Organisation& o) { return o.id == id; });
      if (it == directory.end())
        return Invalid(field, "unknown_organisation",
                       named + ": the directory has no organisation '" + id + "'.");
      if (!it->data.active)
        return Invalid(
            field, "inactive_organisation",
            named + ": the organisation '" + id + "' (" + it->data.name + ") is not active.");
      if (it->data.kind != r.recommends)
        return Invalid(field, "wrong_kind",
                       named + ": the organisation '" + id + "' (" + it->data.name + ") is " +
                           std::string(orgs::ToString(it->data.kind)) + ", the rule recommends " +
                           std::string(orgs::ToString(r.recommends)) + ".");
    }
  }
  return {};
}

}  // namespace opennrm::hotline
