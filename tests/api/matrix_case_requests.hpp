// The request builders of the authorization matrix for routes about one case
// record (Family::kCaseRecord), shared by matrix_requests.cpp and the
// matrix_case_*.cpp files: the case, person, attachment, clock and task a row
// needs, made through the API where an allowed request must succeed, and
// valid bodies. Not thread-safe (they call the server as the caller).
#pragma once

#include <string>

#include "authorization_matrix_table.hpp"
#include "matrix_requests.hpp"
#include "matrix_world.hpp"

namespace opennrm::testing::matrix {

// Puts `value` in place of the first `param` (e.g. "{id}") of p.path.
inline void FillParameter(Prepared& p, const std::string& param, const std::string& value) {
  auto at = p.path.find(param);
  if (at != std::string::npos) p.path.replace(at, param.size(), value);
}

// Fills `p` (path, body, headers; p.error on a failed set-up) for a route
// about one case record, as `c` on a case in `relation` to them.
void PrepareCaseRecord(World& w, const RouteRows& route, Relation relation, Caller& c, Prepared& p);

// Case routes: the case that stands in the relation to the caller. Nobody
// and the tokens (nominally of M1) get M1's cases.
std::string CaseTarget(World& w, const RouteRows& route, Relation r, const Caller& c,
                       std::string& error);

// Record routes about a person ({person_id}): a Swedish-speaking person the
// caller added to their own case once, linked into the other case of their
// organisation they stand in a relation to (break-glass reads it). Callers
// without a case of their own are refused before the person matters.
std::string PersonTarget(World& w, Relation r, Caller& c, const std::string& case_id,
                         std::string& error);

// Notes and attachments: an attachment the request can fetch. On the
// caller's own assigned case the caller uploads it; for break-glass, the
// caller makes a case, uploads, hands the case to a colleague, leaves the
// team and opens it by break-glass (`case_id` becomes that case). Other
// relations are refused on the case itself, before any attachment is looked up.
std::string AttachmentFor(World& w, Relation r, Caller& c, std::string& case_id,
                          std::string& error);

// Clocks, tasks and the child track (the team's saves succeed): on the
// caller's assigned case the record a route needs is made first through the
// API — a child (claimed minor) for the child track, an applied or running
// clock, an open task; every other relation is refused on the case itself
// before the record is looked up.
struct ClockWorld {
  std::string person_id, clock_id, task_id;
};
ClockWorld ClockTargets(Relation r, Caller& c, const std::string& key, const std::string& case_id,
                        const std::string& adult_id, std::string& error);

// Valid bodies of the clock, task and child-track routes.
std::string ClockBody(const std::string& key, const Caller& c, const std::string& person_id);

// Valid bodies of the record routes (the team's saves succeed).
std::string RecordBody(const std::string& key);

// Merging persons: on the caller's assigned case a fresh duplicate of the
// caller's person is added first, and both versions are read; elsewhere the
// case refuses before the persons matter.
std::string MergeBody(Relation r, Caller& c, const std::string& case_id,
                      const std::string& person_id, std::string& error);

// Correcting a person: the record routes' person as PersonTarget made it
// (still Swedish-speaking, for the rows after this one) with a phone number
// added, at the version read on the assigned case; elsewhere the case
// refuses before the version matters.
std::string PersonUpdateBody(Relation r, Caller& c, const std::string& case_id,
                             const std::string& person_id);

// Revoking a consent: a consent of `case_id` (given 2026-01-02, for the
// organisation Z), written straight to the database; "mx-no-consent" when
// there is no case.
std::string ConsentFor(World& w, Relation r, Caller& c, const std::string& case_id,
                       std::string& error);

}  // namespace opennrm::testing::matrix
