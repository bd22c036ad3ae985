// JSON of referrals (issue 5; docs/api/openapi.yaml "Referral"): reading the
// request bodies and the inbox's query (presence and types only; codes and
// rules are the use cases'), and writing referrals, the rules the referral
// dialog offers and a package. The recipient's view leaves out the sender's
// own records (source case, person). Pure functions: thread-safe.
#pragma once

#include <string>

#include "app/referrals/referrals.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// POST /cases/{id}/referrals. Unknown fields are problems ("unknown_field").
app::NewReferral ReadNewReferral(const Json& body, Problems& problems);

// POST /consultations/{id}/referrals: as ReadNewReferral without "person_id"
// (the person is the one the consultation describes).
app::NewReferral ReadNewConsultationReferral(const Json& body, Problems& problems);

// POST /referrals/{id}/accept: {"version", "case_id"?, "person_id"?, "case_type"?}.
app::Acceptance ReadAcceptance(const Json& body, Problems& problems);

// POST /referrals/{id}/decline: {"version", "reason"}.
struct DeclineInput {
  long long version = 0;
  std::string reason;
};
DeclineInput ReadDecline(const Json& body, Problems& problems);

// POST /referrals/{id}/withdraw: {"version"}; the version.
long long ReadWithdrawal(const Json& body, Problems& problems);

// POST /referrals/{id}/complete: {"version", "completed_on", "outcome"}.
struct CompletionInput {
  long long version = 0;
  CivilDate completed_on;
  std::string outcome;
};
CompletionInput ReadCompletion(const Json& body, Problems& problems);

// GET /referrals/inbox: status (comma list), purpose, from (an organisation
// id), due_by (YYYY-MM-DD: "format"), limit (1..200: "range"), offset.
app::InboxQuery ReadInboxQuery(const Request& request, Problems& problems);

// A referral as its caller's side sees it (steps [] when the view has none);
// the sender's side gets "source" {"kind", "id", "code"} (and "case_code"
// from a case) and, from a case, "person" {"id", "code"}.
Json ReferralJson(const app::ReferralView& v);

// The bases and purposes the referral dialog offers.
Json ReferralRulesJson(const app::ReferralRulesView& v);

// {"referral": Referral, "package": <the snapshot document>}; kInternal
// when the document is not a JSON object.
Result<Json> PackageJson(const app::PackageView& v);

}  // namespace opennrm::http
