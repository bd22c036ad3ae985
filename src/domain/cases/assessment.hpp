// The presumed-victim assessment: someone's reasoned judgement that there
// are reasonable grounds to believe a person was subjected to trafficking or
// human exploitation (Sweden has no formal identification; this judgement is
// what opens support). Who assessed, when and on what grounds is recorded,
// and a second person, never the assessor, reviews it. Plain values;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::cases {

enum class Conclusion {
  kPresumedVictim,     // reasonable grounds to believe
  kNotPresumedVictim,  // screened out; the record is kept
  kUndetermined,       // not enough known yet
};
std::string_view ToString(Conclusion conclusion);
std::optional<Conclusion> ParseConclusion(std::string_view text);

struct Review {
  std::string reviewed_by;  // user id; never the assessor
  CivilDate reviewed_on;
  bool agrees = true;
  std::string comment;  // required when the reviewer disagrees
};

struct PresumedVictimAssessment {
  std::string assessed_by;  // user id
  CivilDate assessed_on;
  Conclusion conclusion = Conclusion::kUndetermined;
  std::string grounds;  // required: what the conclusion rests on
  std::optional<Review> review;
};

// Adds "required", "not_future", "reviewer_is_assessor",
// "review_before_assessment" and "comment_required" under `path`.
void CheckAssessment(const PresumedVictimAssessment& assessment, CivilDate today,
                     const std::string& path, Problems& problems);

}  // namespace opennrm::cases
