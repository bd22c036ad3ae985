// Routing: who should act on a situation the hotline hears about, on what
// basis the person's details may be shared with them, and why (issue 6
// point 4). Pure: the caller passes the day, the geography, a snapshot of the
// directory and the rules in force. Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/geo/geography.hpp"
#include "domain/hotline/routing_rules.hpp"
#include "domain/hotline/situation.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::hotline {

struct Recommendation {
  std::string organisation_id;
  orgs::Kind kind = orgs::Kind::kOther;
  std::string reason;  // the rule's reason code
  std::string reason_sv;
  std::string reason_en;
  // nullopt: share nothing that identifies the person (anonymous consultation).
  std::optional<referrals::BasisCode> basis;
  std::string rule_id;
  bool needs_check = false;
  std::optional<int> free_places;  // shelters: places free for this person
};

struct Routing {
  std::vector<Recommendation> recommendations;
  // Rules that applied but found no active organisation (e.g. no shelter
  // with a free place): the operator should know nobody was suggested.
  std::vector<std::string> rules_without_organisation;
};

// Free places at `shelter` for the person: the places for their gender and
// age group, at most the total places minus the reported occupancy (none
// reported: 0 occupied). 0 when it has no places for them.
int FreePlaces(const orgs::Organisation& shelter, const Situation& situation);

// The recommendations of every rule in force on `today` whose conditions
// hold, in rule order and then by organisation id; one per organisation and
// reason code (the first rule wins). Only active organisations of the rule's
// kind that cover the situation's municipality (and, when the rule names
// organisations, only those) are named. The police are
// never named for an adult, or a person of unknown age, who is not in
// immediate danger and does not want to report, whatever the rules say.
// kInvalid "municipality_code" for an unknown municipality.
Result<Routing> Route(const Situation& situation, CivilDate today, const geo::Geography& geography,
                      const std::vector<orgs::Organisation>& directory, const RoutingRules& rules);

}  // namespace opennrm::hotline
