// The child track (case management): for a person under 18, or claimed or
// estimated to be (cases::MayBeChild), the report of concern to social
// services (orosanmälan) — which starts the protection assessment clock,
// due the same or next day —, immediate custody under LVU §6 — which starts
// the clocks to the administrative court (one week) and for the care
// application (four weeks) from the decision date —, the guardian (god man)
// of an unaccompanied child and an age assessment where age is disputed;
// and the missing-child alert, which tells the team and the regional
// coordination at once and keeps the case at the top of case lists until it
// is resolved. Notes are free text and sealed. Every change appends to the
// case's log (section child_protection) and is audited. Thread-safe: every
// call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/cases/clocks.hpp"
#include "app/context.hpp"
#include "core/date.hpp"

namespace opennrm::app {

struct ChildTrackEntry {
  // report_of_concern | immediate_custody | guardian_appointed | age_assessment
  std::string kind;
  std::optional<CivilDate> on;            // the report's, decision's, appointment's date
  std::string municipality;               // a report's recipient or the guardian's municipality
  std::string recipient_organisation_id;  // a report's recipient organisation
  std::string outcome;                    // age_assessment: child | adult | undetermined
  std::string note;                       // free text (at most 4000 bytes), sealed
};

struct ChildTrackRecordView {
  std::string id;
  std::string case_id;
  std::string person_id;
  std::string kind;
  CivilDate on;
  std::string municipality;
  std::string recipient_organisation_id;
  std::string outcome;
  std::string note;
  std::string recorded_by;
  long long recorded_at_us = 0;
  std::vector<ClockView> clocks;  // the clocks the record started, as they are now
};

struct MissingAlertView {
  std::string id;
  std::string case_id;
  std::string person_id;
  bool open = true;
  std::string opened_by;
  long long opened_at_us = 0;
  std::string resolved_by;
  std::optional<long long> resolved_at_us;
  int notified = 0;  // notices written when it opened or was resolved
  // Who was told beyond the team: "regional_coordinators" of organisations
  // covering the case's organisation's area, else "organisation_administrators".
  std::string regional_coordination;
};

struct ChildTrackView {
  std::vector<ChildTrackRecordView> records;
  std::vector<MissingAlertView> alerts;  // newest first
};

// Records a child-track record for a person of the case and starts its
// clocks. kInvalid naming the field and rule: kind unknown_code, on
// required, person_id not_in_case / not_child_track (an adult), recipient
// required / unknown_municipality / unknown_organisation, outcome unknown_code.
Result<ChildTrackRecordView> RecordChildTrack(const Context& ctx, const Caller& caller,
                                              const std::string& case_id,
                                              const std::string& person_id,
                                              const ChildTrackEntry& entry,
                                              const ClientInfo& client);

// The case's child-track records, each with the clocks it started, and the
// missing-child alerts.
Result<ChildTrackView> ReadChildTrack(const Context& ctx, const Caller& caller,
                                      const std::string& case_id, const ClientInfo& client);

// Opens a missing-child alert for a child of the case and notifies at once.
// kConflict when one is open already; kInvalid not_child_track for an adult.
Result<MissingAlertView> OpenMissingAlert(const Context& ctx, const Caller& caller,
                                          const std::string& case_id, const std::string& person_id,
                                          const ClientInfo& client);

// Resolves the person's open alert (the child is found) and tells the same
// people. kNotFound when no alert is open.
Result<MissingAlertView> ResolveMissingAlert(const Context& ctx, const Caller& caller,
                                             const std::string& case_id,
                                             const std::string& person_id,
                                             const ClientInfo& client);

}  // namespace opennrm::app
