#include "domain/cases/assessment.hpp"

#include "domain/cases/checks.hpp"
#include "domain/cases/enum_names.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::cases {

namespace {

using detail::Path;
using N = std::string_view;

constexpr auto kConclusions = detail::MakeNames<Conclusion>(
    std::pair{Conclusion::kPresumedVictim, N("presumed_victim")},
    std::pair{Conclusion::kNotPresumedVictim, N("not_presumed_victim")},
    std::pair{Conclusion::kUndetermined, N("undetermined")});

}  // namespace

std::string_view ToString(Conclusion conclusion) { return kConclusions.Name(conclusion); }
std::optional<Conclusion> ParseConclusion(std::string_view text) {
  return kConclusions.Parse(text);
}

void CheckAssessment(const PresumedVictimAssessment& a, CivilDate today, const std::string& path,
                     Problems& p) {
  if (a.assessed_by.empty()) {
    p.Add(Path(path, "assessed_by"), "required", "Who made the assessment.");
  }
  detail::CheckNotFuture(p, Path(path, "assessed_on"), a.assessed_on, today);
  detail::CheckText(p, Path(path, "grounds"), a.grounds, detail::kMaxLongText, true);
  if (!a.review) return;
  const Review& r = *a.review;
  const std::string review = Path(path, "review");
  if (r.reviewed_by.empty()) {
    p.Add(Path(review, "reviewed_by"), "required", "Who reviewed the assessment.");
  } else if (r.reviewed_by == a.assessed_by) {
    p.Add(Path(review, "reviewed_by"), "reviewer_is_assessor",
          "The reviewer must be someone other than the assessor.");
  }
  detail::CheckNotFuture(p, Path(review, "reviewed_on"), r.reviewed_on, today);
  if (r.reviewed_on < a.assessed_on) {
    p.Add(Path(review, "reviewed_on"), "review_before_assessment",
          "A review cannot come before the assessment.");
  }
  detail::CheckText(p, Path(review, "comment"), r.comment, detail::kMaxLongText, false);
  if (!r.agrees && text::Trim(r.comment).empty()) {
    p.Add(Path(review, "comment"), "comment_required", "Say why the reviewer disagrees.");
  }
}

}  // namespace opennrm::cases
