// The routing rules of the hotline (issue 6 point 4) as dated data
// (data/rules/routing.toml): each rule recommends organisations of one kind
// when all its conditions hold, with a one-line reason and the legal basis
// for sharing the person's details with them. Built once, then read-only:
// safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/hotline/situation.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/referrals/legal_basis.hpp"

namespace opennrm::hotline {

// A yes/no fact of the situation a rule may require.
enum class Fact {
  kImmediateDanger,
  kWantsToReportToPolice,
  kWishToReturn,
  kNeedsShelter,
  kConsentsToSharing,
  kSocialServicesInvolvePolice,  // for a child: social services so decided
  kWithoutResidencePermit,       // holds no residence permit, or not known to hold one
  kForeignNational,              // citizenship EU/EEA or outside the EU/EEA
};
const std::vector<Fact>& AllFacts();
std::string_view ToString(Fact fact);
std::optional<Fact> ParseFact(std::string_view text);
// Whether `fact` holds for `situation`.
bool Holds(Fact fact, const Situation& situation);

struct RoutingRule {
  std::string id;         // unique in the file, e.g. "police_immediate_danger"
  orgs::Kind recommends;  // the kind of organisation it recommends
  std::string reason;     // stable reason code, e.g. "reflection_period"
  std::string reason_sv;  // one line, for the operator
  std::string reason_en;
  // Conditions, all of which must hold; an empty list: any value.
  std::vector<Topic> topics;
  std::vector<cases::ExploitationForm> forms;  // the situation names at least one
  std::vector<AgeGroup> age_groups;
  std::vector<CitizenshipGroup> citizenship_groups;
  std::vector<Gender> genders;
  std::vector<Fact> required_facts;  // the file's "requires"
  // Only organisations offering at least one of these services (shelters).
  std::vector<std::string> services;
  bool needs_free_places = false;  // only organisations with a free place for the person
  // Only these organisations (directory ids); empty: every organisation of
  // the kind that covers the place.
  std::vector<std::string> organisations;
  // The basis for sharing the person's details; nullopt: share nothing that
  // identifies the person (the consultation stays anonymous).
  std::optional<referrals::BasisCode> basis_with_consent;
  std::optional<referrals::BasisCode> basis_without_consent;
  bool needs_check = false;  // confirm against the law before showing as advice
  CivilDate valid_from;
  std::optional<CivilDate> valid_to;  // last day in force; nullopt: still in force
};

// Whether `rule` is in force on `day` (both ends included).
bool InForceOn(const RoutingRule& rule, CivilDate day);
// Whether the conditions of `rule` hold for `situation` (ignoring dates).
bool Applies(const RoutingRule& rule, const Situation& situation);

class RoutingRules {
 public:
  RoutingRules() = default;

  // Checks each rule (id present and unique, reasons present, valid_to not
  // before valid_from, needs_free_places only for ngo_shelter, organisation
  // ids present and each named once) and the
  // safeguard that a rule recommending the police requires
  // immediate danger, a wish to report, or (for children only) social
  // services' decision: "police_without_trigger". Problems name
  // "rules[i].<field>".
  static Result<RoutingRules> Build(std::vector<RoutingRule> rules);

  // Every rule, in the order given to Build (the order of recommendations).
  const std::vector<RoutingRule>& rules() const { return rules_; }

 private:
  explicit RoutingRules(std::vector<RoutingRule> rules) : rules_(std::move(rules)) {}
  std::vector<RoutingRule> rules_;
};

// Checks the organisations the rules name against the directory: each must
// exist ("unknown_organisation"), be active ("inactive_organisation") and be
// of the rule's kind ("wrong_kind"). The problem names
// "rules[i].organisations[j]" and the rule's id; the first problem only.
Status CheckRulesAgainstDirectory(const RoutingRules& rules,
                                  const std::vector<orgs::Organisation>& directory);

}  // namespace opennrm::hotline
