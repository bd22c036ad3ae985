// JSON of the hotline's routing (issue 6; docs/api/openapi.yaml "Situation",
// "Routing", "HotlineSetup"): reading a situation (presence, types and the
// words of topics, forms, age groups, citizenship groups and genders:
// "unknown_code" naming the field), and writing a routing, the setup and a
// reload's answer. Pure functions: thread-safe.
#pragma once

#include "app/hotline/routing.hpp"
#include "domain/hotline/situation.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// POST /hotline/routing. Unknown fields are problems ("unknown_field").
hotline::Situation ReadSituation(const Json& body, Problems& problems);

// The Routing of the contract: place, recommendations, rules without an organisation.
Json RoutingJson(const app::RoutingView& v);

// GET /hotline/setup: office hours, the numbers, the words of the intake form
// and the routing rules in force.
Json HotlineSetupJson(const app::HotlineSetupView& v);

// POST /admin/hotline/routing-rules/reload: {"loaded_at_us", "rules"}.
Json ReloadJson(const app::ReloadView& v);

}  // namespace opennrm::http
