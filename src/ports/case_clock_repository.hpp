// Clocks on cases as stored (case management): applications and decisions
// under one version of a clock rule, their renewals, and the reminders sent
// for clocks and tasks. Nothing here is free text: ids, stable words and
// civil dates only, which identify no one. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::ports {

struct ClockRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;  // the case's controller
  std::string person_id;        // "" for the case as a whole
  std::string rule_id;
  int rule_version = 0;
  CivilDate rule_valid_from;
  std::string kind;     // clocks::ToString(ClockKind)
  std::string section;  // access::ToString(Section): support or child_protection
  // applied | running | ended | refused | revoked | withdrawn
  std::string status = "applied";
  std::string applicant;  // clocks::ToString(Party); "" when nobody applied
  std::optional<CivilDate> applied_on;
  std::optional<CivilDate> decided_on;
  std::optional<CivilDate> starts_on;
  std::optional<CivilDate> ends_on;
  bool end_from_decision = false;
  std::vector<std::string> conditions;  // the rule's condition ids recorded as met
  std::optional<CivilDate> stopped_on;
  std::string stop_reason;  // clocks::ToString(StopReason); "" while not stopped
  std::string recorded_by;  // user id
  long long recorded_at_us = 0;
  long long updated_at_us = 0;
  long long version = 1;
};

struct ClockRenewalRow {
  std::string clock_id;
  int n = 0;  // 1, 2, ... in order
  std::string applicant;
  std::optional<CivilDate> applied_on;
  CivilDate decided_on;
  CivilDate previous_end;
  CivilDate ends_on;
  std::string recorded_by;
  long long recorded_at_us = 0;
};

class CaseClockRepository {
 public:
  virtual ~CaseClockRepository() = default;
  // kConflict if the id exists.
  virtual Status Insert(const ClockRow& clock) = 0;
  virtual Result<std::optional<ClockRow>> Find(const std::string& id) = 0;
  // Stores `clock` if the stored version is `expected_version`; kConflict otherwise.
  virtual Status Update(const ClockRow& clock, long long expected_version) = 0;
  // The case's clocks, oldest first.
  virtual Result<std::vector<ClockRow>> OfCase(const std::string& case_id) = 0;
  // Running clocks ending on or before `by`, less those told overdue for that end (reminders).
  virtual Result<std::vector<ClockRow>> RunningEndingBy(CivilDate by) = 0;
  virtual Status AddRenewal(const ClockRenewalRow& renewal) = 0;
  // The clock's renewals, in order.
  virtual Result<std::vector<ClockRenewalRow>> Renewals(const std::string& clock_id) = 0;
  // Claims the reminder `reminder` of `subject_id` (a clock or task id) for
  // `on`: true the first time, false ever after, whichever server asks.
  virtual Result<bool> ClaimReminder(const std::string& subject_id, const std::string& reminder,
                                     CivilDate on, long long at_us) = 0;
};

}  // namespace opennrm::ports
