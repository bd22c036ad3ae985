// JSON of the hotline's consultations (issue 6; docs/api/openapi.yaml
// "Consultation"): reading the request bodies and the queue's query
// (presence and types only; codes and rules are the use cases'), and
// writing consultations, queue lines, follow-ups, danger steps and the
// operators. Pure functions: thread-safe.
#pragma once

#include <optional>
#include <string>

#include "app/hotline/consultations.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// POST /consultations (NewConsultation) and PUT /consultations/{id}
// (`with_version`: "version" required). Unknown fields are problems.
app::ConsultationInput ReadConsultationInput(const Json& body, bool with_version,
                                             Problems& problems);

// POST /consultations/{id}/assign: {"version", "user_id": "<id>"|null}.
struct AssignInput {
  long long version = 0;
  std::optional<std::string> user_id;
};
AssignInput ReadAssign(const Json& body, Problems& problems);

// POST /consultations/{id}/close and /reopen: {"version"}; the version.
long long ReadVersionOnly(const Json& body, Problems& problems);

// POST /consultations/{id}/follow-ups: {"text", "due_on": "YYYY-MM-DD"|null}.
struct FollowUpInput {
  std::string text;
  std::optional<CivilDate> due_on;
};
FollowUpInput ReadFollowUp(const Json& body, Problems& problems);

// POST /consultations/{id}/danger-steps: {"step", "done_at_us": N|null}.
struct DangerStepInput {
  std::string step;
  std::optional<long long> done_at_us;
};
DangerStepInput ReadDangerStep(const Json& body, Problems& problems);

// GET /consultations: view, topic, municipality, channel, from, to
// (YYYY-MM-DD: "format"), limit (1..200: "range"), offset.
app::ConsultationQuery ReadConsultationQuery(const Request& request, Problems& problems);

Json ConsultationJson(const app::ConsultationView& v);
Json ConsultationListJson(const app::ConsultationList& list);
Json FollowUpJson(const app::FollowUpView& v);
Json DangerStepJson(const app::DangerStepView& v);
Json OperatorsJson(const std::vector<app::NamedRef>& operators);

}  // namespace opennrm::http
