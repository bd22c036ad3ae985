// The child track as stored (case management): reports of concern,
// immediate custody decisions, guardian appointments and age assessments,
// and missing-child alerts. A record's note is free text and arrives sealed.
// Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::ports {

struct ChildTrackRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;
  std::string person_id;
  // report_of_concern | immediate_custody | guardian_appointed | age_assessment
  std::string kind;
  CivilDate on;                           // the report's, decision's or assessment's date
  std::string municipality;               // a municipality code (recipient, guardian's)
  std::string recipient_organisation_id;  // a report's recipient organisation
  std::string outcome;                    // an age assessment's outcome word
  // Free text sealed at (organisation_id, "child_track_records", "note", id); may be empty.
  std::string note_sealed;
  std::string recorded_by;
  long long recorded_at_us = 0;
};

struct MissingAlertRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;
  std::string person_id;
  std::string opened_by;
  long long opened_at_us = 0;
  std::string resolved_by;
  std::optional<long long> resolved_at_us;
};

class ChildTrackRepository {
 public:
  virtual ~ChildTrackRepository() = default;
  virtual Status Insert(const ChildTrackRow& record) = 0;
  // The case's records, oldest first.
  virtual Result<std::vector<ChildTrackRow>> OfCase(const std::string& case_id) = 0;
  // False (nothing written) when the person already has an open alert in the case.
  virtual Result<bool> OpenAlert(const MissingAlertRow& alert) = 0;
  // Resolves the person's open alert in the case; nullopt when there is none.
  virtual Result<std::optional<MissingAlertRow>> ResolveAlert(const std::string& case_id,
                                                              const std::string& person_id,
                                                              const std::string& by,
                                                              long long at_us) = 0;
  // The case's alerts, newest first.
  virtual Result<std::vector<MissingAlertRow>> AlertsOfCase(const std::string& case_id) = 0;
};

}  // namespace opennrm::ports
