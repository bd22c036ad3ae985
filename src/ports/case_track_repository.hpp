// The tracks on a case as stored (case management): the step each track of
// a case is at now, and the saved versions of the case's criminal-proceedings
// record, which the proceedings track follows. A track's history is the
// case's log (case_log_repository.hpp); here is only where it stands. Every
// version of the proceedings record is kept: a change adds a version, nothing
// is overwritten. The proceedings body is sealed under the owning
// organisation's data key before it gets here. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

// Where one track of a case stands.
struct CaseTrackRow {
  std::string case_id;
  std::string track;          // tracks::ToString(TrackKind): "support", "proceedings", "return"
  std::string step;           // a step id of `steps_version`
  std::string steps_version;  // the step definitions the step belongs to (the case's)
  long long entered_at_us = 0;
  std::string entered_by;  // user id
};

// One saved version of a case's criminal-proceedings record.
struct ProceedingsRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;  // the case's controller, who sealed the body
  long long version = 1;        // 1, 2, ... within the case
  // The record, sealed at (organisation_id, "case_proceedings", "body", id).
  std::string body_sealed;
  std::string recorded_by;  // user id
  long long recorded_at_us = 0;
};

class CaseTrackRepository {
 public:
  virtual ~CaseTrackRepository() = default;
  // The tracks the case has started, in no particular order.
  virtual Result<std::vector<CaseTrackRow>> OfCase(const std::string& case_id) = 0;
  // Puts the track at `row.step` if it stands at `expected_step` now
  // (nullopt: the track has not started); kConflict otherwise.
  virtual Status Move(const CaseTrackRow& row, const std::optional<std::string>& expected_step) = 0;

  // The newest saved version of the case's proceedings record, if any.
  virtual Result<std::optional<ProceedingsRow>> LatestProceedings(const std::string& case_id) = 0;
  // Every saved version, oldest first.
  virtual Result<std::vector<ProceedingsRow>> ProceedingsVersions(const std::string& case_id) = 0;
  // Saves a new version; kConflict when the case already has `row.version`.
  virtual Status InsertProceedings(const ProceedingsRow& row) = 0;
};

}  // namespace opennrm::ports
