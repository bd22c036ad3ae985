// The hotline's consultations (issue 6 points 1, 2 and 5; GLOSSARY.md
// "Consultation"): recording a contact with the hotline, changing it,
// reading it, the operators' queue with its views and counts, assignment,
// closing and reopening, follow-ups, the immediate-danger steps, and the
// operators one may assign to.
//
// Who: only users (not API tokens) of an organisation of kind national_unit
// holding the role hotline_operator, and only on their own organisation's
// consultations. Anyone else is refused with kForbidden; a consultation of
// another organisation answers kNotFound, exactly as one that does not
// exist. Every read and write is audited (objects: the consultation and its
// organisation, never its text; purpose "hotline"); refusals too.
//
// What a person said (the caller's details, the situation, the identity,
// the advice, the overrides; a follow-up's text) is sealed under the
// organisation's data key. Each write is one unit of work. When a
// consultation becomes one of immediate danger, the users of the regional
// coordinator organisation(s) covering its municipality are notified (no
// personal data: the code, the municipality's name) and the danger step
// "notified_regional_coordinator" is recorded by "system" in the same write.
// Thread-safe: every call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "core/date.hpp"
#include "domain/hotline/consultation.hpp"

namespace opennrm::app {

// ---- Input -----------------------------------------------------------------

// The facts about the person as the caller sends them: codes as words.
struct DescribedPersonInput {
  std::string age_group = "unknown";  // hotline::ToString(AgeGroup)
  std::optional<long long> approximate_age;
  std::string gender = "unknown";       // hotline::ToString(Gender)
  std::string citizenship = "unknown";  // hotline::ToString(CitizenshipGroup)
  std::optional<bool> holds_residence_permit;
  std::vector<std::string> forms;       // cases::ToString(ExploitationForm)
  std::vector<std::string> indicators;  // indicator ids of the checklist in use
  bool wants_to_report_to_police = false;
  bool wish_to_return = false;
  bool needs_shelter = false;
  std::optional<bool> social_services_involve_police;
};

// A consultation as the caller sends it (POST and PUT /consultations).
struct ConsultationInput {
  std::string channel = "phone";            // hotline::ToString(Channel)
  std::optional<long long> received_at_us;  // nullopt: now
  long long duration_seconds = 0;
  long long time_spent_minutes = 0;
  hotline::Caller caller;
  std::string language = "swe";
  bool interpreter = false;
  std::string topic;  // hotline::ToString(Topic)
  std::string municipality_code;
  std::string abroad_country;
  std::string situation;
  DescribedPersonInput person;
  bool immediate_danger = false;
  std::string urgency = "normal";       // hotline::ToString(Urgency)
  std::string identity_basis = "none";  // hotline::ToString(IdentityBasis)
  hotline::IdentityDetails identity;
  std::string advice;
  std::vector<hotline::RoutingOverride> overrides;
  bool assign_to_me = false;  // create only: take it at once
  long long version = 0;      // update only: the version read
};

// ---- Views -----------------------------------------------------------------

struct NamedRef {
  std::string id;
  std::string name;
};

struct FollowUpView {
  std::string id;
  std::optional<CivilDate> due_on;
  std::string text;
  NamedRef created_by;
  long long created_at_us = 0;
  std::optional<long long> done_at_us;
  std::optional<NamedRef> done_by;
};

struct DangerStepView {
  int n = 0;
  std::string step;  // hotline::ToString(DangerStep)
  long long done_at_us = 0;
  std::optional<NamedRef> recorded_by;  // nullopt: the system
  long long recorded_at_us = 0;
};

struct ConsultationView {
  hotline::Consultation consultation;  // opened
  std::optional<NamedRef> assigned_to;
  std::optional<NamedRef> created_by;
  std::optional<NamedRef> caller_organisation;  // caller.organisation_id in the directory
  bool overdue = false;
  std::vector<FollowUpView> follow_ups;      // oldest first
  std::vector<DangerStepView> danger_steps;  // in the order recorded
};

// One line of the queue: nothing of what a person said.
struct ConsultationSummary {
  std::string id;
  std::string code;
  std::string channel;
  long long received_at_us = 0;
  std::string topic;
  std::string municipality_code;
  std::string abroad_country;
  bool immediate_danger = false;
  std::string urgency;
  std::string status;
  std::optional<NamedRef> assigned_to;
  long long respond_by_us = 0;
  bool overdue = false;
  std::optional<NamedRef> caller_organisation;
  int open_follow_ups = 0;
};

// GET /consultations: a view of the queue and filters; each unset one does not narrow.
struct ConsultationQuery {
  // all | new | mine | assigned | waiting_follow_up | overdue | closed.
  std::string view = "all";
  std::optional<std::string> topic;
  std::optional<std::string> municipality_code;
  std::optional<std::string> channel;
  std::optional<CivilDate> from;  // received on or after (Stockholm day)
  std::optional<CivilDate> to;    // received on or before (Stockholm day)
  int limit = 50;
  int offset = 0;
};

struct QueueCounts {
  long long new_ = 0;  // status new
  long long mine = 0;  // assigned to the caller, not closed
  long long overdue = 0;
  long long waiting_follow_up = 0;  // status waiting_follow_up
};

struct ConsultationList {
  std::vector<ConsultationSummary> items;
  long long total = 0;
  bool total_capped = false;
  int limit = 50;
  int offset = 0;
  QueueCounts counts;
};

// ---- Use cases -------------------------------------------------------------

// Records a new consultation (status new, or assigned to the caller with
// assign_to_me). kInvalid naming the field and rule: unknown codes
// ("channel", "topic", "urgency", "identity_basis", "person.age_group",
// "person.gender", "person.citizenship", "person.forms[i]": unknown_code),
// "person.indicators[i]" unknown_indicator, "caller.organisation_id"
// unknown_organisation, short texts over 200 characters (max_length) and
// every rule of hotline::CheckConsultation. Nothing is written on a refusal.
Result<ConsultationView> CreateConsultation(const Context& ctx, const Caller& caller,
                                            const ConsultationInput& input,
                                            const ClientInfo& client);

// Replaces the consultation's facts (as CreateConsultation checks them) at
// input.version; kConflict when stale or closed (field "status", rule "closed").
Result<ConsultationView> UpdateConsultation(const Context& ctx, const Caller& caller,
                                            const std::string& id, const ConsultationInput& input,
                                            const ClientInfo& client);

// The consultation with its follow-ups and danger steps; audited before it is returned.
Result<ConsultationView> ReadConsultation(const Context& ctx, const Caller& caller,
                                          const std::string& id, const ClientInfo& client);

// A page of the queue with the counts of the views; kInvalid "view",
// "topic", "channel" (unknown_code), "to" (before_from), "limit", "offset".
Result<ConsultationList> ListConsultations(const Context& ctx, const Caller& caller,
                                           const ConsultationQuery& query,
                                           const ClientInfo& client);

// Assigns to `user_id` (an active hotline operator of the organisation:
// else kInvalid "user_id" unknown_operator), or back to the queue when
// nullopt. kConflict when stale or closed.
Result<ConsultationView> AssignConsultation(const Context& ctx, const Caller& caller,
                                            const std::string& id,
                                            const std::optional<std::string>& user_id,
                                            long long version, const ClientInfo& client);

// Closes it; kConflict when stale or already closed ("status": "closed").
Result<ConsultationView> CloseConsultation(const Context& ctx, const Caller& caller,
                                           const std::string& id, long long version,
                                           const ClientInfo& client);

// Reopens a closed one; kConflict when stale or not closed ("status": "not_closed").
Result<ConsultationView> ReopenConsultation(const Context& ctx, const Caller& caller,
                                            const std::string& id, long long version,
                                            const ClientInfo& client);

// Adds a follow-up ("text": required, max_length 4000; "due_on": in_past);
// the consultation waits for it (status waiting_follow_up). kConflict when closed.
Result<FollowUpView> AddFollowUp(const Context& ctx, const Caller& caller, const std::string& id,
                                 const std::string& text, const std::optional<CivilDate>& due_on,
                                 const ClientInfo& client);

// Marks a follow-up done; when none is left open the consultation goes back
// to assigned (or new). kNotFound for a follow-up not of this consultation;
// kConflict ("follow_up", "already_done") when done before.
Result<FollowUpView> MarkFollowUpDone(const Context& ctx, const Caller& caller,
                                      const std::string& id, const std::string& follow_up_id,
                                      const ClientInfo& client);

// Records an immediate-danger step the operator took at `done_at_us` (nullopt:
// now). kInvalid "step" unknown_code (or system_only for
// notified_regional_coordinator), "done_at_us" in_future.
Result<DangerStepView> RecordDangerStep(const Context& ctx, const Caller& caller,
                                        const std::string& id, const std::string& step,
                                        const std::optional<long long>& done_at_us,
                                        const ClientInfo& client);

// The active hotline operators of the caller's organisation, by name.
Result<std::vector<NamedRef>> ListHotlineOperators(const Context& ctx, const Caller& caller,
                                                   const ClientInfo& client);

}  // namespace opennrm::app
