#include "domain/cases/assessment.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"

namespace opennrm::cases {
namespace {

using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

PresumedVictimAssessment Good() {
  PresumedVictimAssessment a;
  a.assessed_by = "u-1";
  a.assessed_on = {2026, 3, 10};
  a.conclusion = Conclusion::kPresumedVictim;
  a.grounds = "Recruited with a false job offer; passport held by the employer; debt.";
  a.review = Review{"u-2", {2026, 3, 11}, true, ""};
  return a;
}

std::vector<std::string> Check(const PresumedVictimAssessment& a) {
  Problems p;
  CheckAssessment(a, kToday, "assessment", p);
  return Rules(p);
}

TEST(PresumedVictimAssessment, AcceptsAReviewedAssessment) {
  EXPECT_TRUE(Check(Good()).empty());
  auto unreviewed = Good();
  unreviewed.review.reset();
  EXPECT_TRUE(Check(unreviewed).empty());
}

TEST(PresumedVictimAssessment, TheReviewerDiffersFromTheAssessor) {
  auto a = Good();
  a.review->reviewed_by = "u-1";
  EXPECT_EQ(Check(a),
            std::vector<std::string>{"assessment.review.reviewed_by/reviewer_is_assessor"});
}

TEST(PresumedVictimAssessment, GroundsAndAssessorAreRequired) {
  auto a = Good();
  a.grounds = " ";
  a.assessed_by = "";
  a.review.reset();
  EXPECT_EQ(Check(a), (std::vector<std::string>{"assessment.assessed_by/required",
                                                "assessment.grounds/required"}));
}

TEST(PresumedVictimAssessment, DatesAreInOrderAndNotInTheFuture) {
  auto a = Good();
  a.review->reviewed_on = {2026, 3, 9};
  EXPECT_EQ(Check(a),
            std::vector<std::string>{"assessment.review.reviewed_on/review_before_assessment"});
  a = Good();
  a.assessed_on = {2026, 3, 16};
  a.review->reviewed_on = {2026, 3, 17};
  EXPECT_EQ(Check(a), (std::vector<std::string>{"assessment.assessed_on/not_future",
                                                "assessment.review.reviewed_on/not_future"}));
}

TEST(PresumedVictimAssessment, ADisagreementSaysWhy) {
  auto a = Good();
  a.review->agrees = false;
  EXPECT_EQ(Check(a), std::vector<std::string>{"assessment.review.comment/comment_required"});
  a.review->comment = "The debt is a family loan; assess again after the interview.";
  EXPECT_TRUE(Check(a).empty());
}

TEST(PresumedVictimAssessment, ConclusionNamesRoundTrip) {
  for (auto c :
       {Conclusion::kPresumedVictim, Conclusion::kNotPresumedVictim, Conclusion::kUndetermined}) {
    EXPECT_EQ(ParseConclusion(ToString(c)), c);
  }
}

}  // namespace
}  // namespace opennrm::cases
