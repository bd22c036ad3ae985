// The hotline's routing as use cases (issue 6 points 4 and 5): who should
// act on a situation, on what basis and why (RouteSituation); what the
// intake screen needs to start (HotlineSetup: office hours, open now, the
// numbers, the words); and reloading the routing rules file
// (ReloadRoutingRules).
//
// Who may: routing and the setup, users (not API tokens) holding
// hotline_operator, regional_coordinator or social_worker: advice only, the
// situation names nobody. A routing call is audited as a read of the
// directory ("directory.read", purpose "routing", objects: the organisations
// recommended), durably before the answer. Reload: system_administrator,
// audited ("hotline.routing_rules_reloaded", outcome "allowed" or "failed").
// Thread-safe: no state of their own (the rules live in ctx.routing).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "app/hotline/routing_rules_holder.hpp"
#include "domain/hotline/route.hpp"
#include "domain/hotline/situation.hpp"
#include "domain/referrals/legal_basis.hpp"

namespace opennrm::app {

struct RoutedPlace {
  std::string municipality_code;
  std::string municipality_name;
  std::string county_code;
  std::string county_name;
  std::string police_region_id;
  std::string police_region_name;
};

// A knowledge-base article linked from a reason code.
struct ArticleLink {
  std::string id;
  std::string title_sv;
  std::string title_en;
};

struct RecommendationView {
  hotline::Recommendation recommendation;
  std::string organisation_name;
  // The basis entry the national unit (the sender of a referral started
  // from a consultation) may use today; nullopt: share nothing identifying.
  std::optional<referrals::BasisRule> basis;
  std::optional<ArticleLink> article;  // whose reasons list holds the reason code
};

struct RoutingView {
  RoutedPlace place;
  std::vector<RecommendationView> recommendations;
  std::vector<std::string> rules_without_organisation;
};

// The recommendations for `situation` under the rules in force (Stockholm
// today). kForbidden for tokens and other roles; kInvalid
// "municipality_code" "unknown_code"; kUnavailable when the audit event
// cannot be written.
Result<RoutingView> RouteSituation(const Context& ctx, const Caller& caller,
                                   const hotline::Situation& situation, const ClientInfo& client);

// Fills each recommendation's `article` from the knowledge base
// (app/knowledge/knowledge.hpp ArticlesForReasons: the most specific article
// whose reasons list holds the reason code); none when there is none, or
// when the knowledge base cannot be read (routing still answers).
void LinkArticles(const Context& ctx, std::vector<RecommendationView>& recommendations);

struct HotlineSetupView {
  std::vector<int> weekdays;
  int opens_minute = 0;
  int closes_minute = 0;
  bool open_now = false;
  // The next opening (UTC microseconds); nullopt while open, or when no
  // opening falls in the next 60 days.
  std::optional<long long> next_opening_at_us;
  long long routing_rules_loaded_at_us = 0;
  int routing_rules = 0;
};

// The hotline's setup for the intake screen. kForbidden as RouteSituation;
// kInternal when the settings or the rules are not configured.
Result<HotlineSetupView> HotlineSetup(const Context& ctx, const Caller& caller);

struct ReloadView {
  long long loaded_at_us = 0;
  int rules = 0;
};

// Reads the routing rules again with `reader`, checks them against the
// directory (every organisation, active or not) and puts them in force.
// kForbidden unless a system administrator (a user); on a bad file kInvalid
// naming the rule ("rules[3].recommends", "rules[1].organisations[0]") and
// the rules in force stay.
Result<ReloadView> ReloadRoutingRules(const Context& ctx, const Caller& caller,
                                      const RoutingRulesReader& reader, const ClientInfo& client);

// Loads and checks the rules at start: `rules` against every organisation in
// the directory (kInvalid naming the rule, for the start-up message).
Status CheckRoutingRules(const Context& ctx, const hotline::RoutingRules& rules);

}  // namespace opennrm::app
