#include "app/statistics/fact_decode.hpp"

#include <gtest/gtest.h>

#include <bit>

namespace opennrm::app::statistics {
namespace {

ports::StatisticsFactRow Row() {
  ports::StatisticsFactRow r;
  r.person.case_id = "c1";
  r.person.person_id = "p1";
  r.person.organisation_id = "org-1";
  r.person.organisation_kind = "regional_coordinator";
  r.person.recorded_on = "2025-07-01";
  r.person.gender = "girl";
  r.person.age_group = "12_17";
  r.person.citizenship_group = "other_eu_eea";
  r.person.citizenship_country = "ro";
  r.facts.case_type = "human_exploitation";
  r.facts.forms = {"labour", "not_a_form"};
  return r;
}

TEST(FactDecode, WordsBecomeCodes) {
  FactDecoder decoder(nullptr, nullptr);
  auto f = decoder.Decode(Row());
  ASSERT_TRUE(f);
  const auto& d = decoder.dictionary();
  EXPECT_EQ(f->recorded_on, stats::DayNumber({2025, 7, 1}));
  EXPECT_EQ(d.organisations[f->organisation], "org-1");
  EXPECT_EQ(d.organisation_kinds[f->organisation_kind], "regional_coordinator");
  EXPECT_EQ(d.case_types[f->case_type], "human_exploitation");
  EXPECT_EQ(d.countries[f->country], "RO");
  EXPECT_EQ(f->gender, stats::GenderCategory::kGirl);
  EXPECT_EQ(f->age, stats::AgeGroup::k12To17);
  ASSERT_EQ(std::popcount(f->forms), 1) << "an unknown form is left out";
  EXPECT_EQ(d.forms[static_cast<size_t>(std::countr_zero(f->forms))], "labour");
  EXPECT_EQ(f->flags, 0);
  EXPECT_EQ(f->closed_on, -1);
}

TEST(FactDecode, StepsAndClocksBecomeFlags) {
  FactDecoder decoder(nullptr, nullptr);
  auto r = Row();
  r.facts.steps = {{"support", "identification", "2025-07-01"},
                   {"proceedings", "preliminary_investigation", "2025-08-01"},
                   {"return", "completed", "2025-09-01"}};
  r.facts.clocks = {{"reflection_period", "running", "2025-07-02", ""},
                    {"residence_permit_cooperation", "applied", "", ""}};
  r.facts.status = "closed";
  r.facts.outcome = "integrated";
  r.facts.closed_on = "2025-10-01";
  auto f = decoder.Decode(r);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->flags & stats::kFactPoliceReport) << "any proceedings step means reported";
  EXPECT_TRUE(f->flags & stats::kFactReflectionApplied);
  EXPECT_TRUE(f->flags & stats::kFactReflectionPeriod) << "running: granted";
  EXPECT_TRUE(f->flags & stats::kFactPermitApplied);
  EXPECT_FALSE(f->flags & stats::kFactResidencePermit) << "applied: awaiting the decision";
  EXPECT_TRUE(f->flags & stats::kFactSafeReturn);
  EXPECT_TRUE(f->flags & stats::kFactClosed);
  EXPECT_EQ(f->closed_on, stats::DayNumber({2025, 10, 1}));
  EXPECT_EQ(decoder.dictionary().outcomes[f->outcome], "integrated");
  EXPECT_EQ(std::popcount(f->steps), 3);

  auto plain = Row();
  plain.facts.status = "closed";
  plain.facts.outcome = "safe_return_completed";
  EXPECT_TRUE(decoder.Decode(plain)->flags & stats::kFactSafeReturn);
}

TEST(FactDecode, AClockIsAppliedForAndGrantedOnlyWhenADecisionLetItRun) {
  FactDecoder decoder(nullptr, nullptr);
  auto flags_of = [&](const std::string& rule, const std::string& status) {
    auto r = Row();
    r.facts.clocks = {{rule, status, "", ""}};
    return decoder.Decode(r)->flags;
  };
  for (const char* status : {"running", "ended", "revoked"}) {
    EXPECT_EQ(flags_of("reflection_period", status),
              stats::kFactReflectionApplied | stats::kFactReflectionPeriod)
        << status;
    EXPECT_EQ(flags_of("residence_permit_cooperation", status),
              stats::kFactPermitApplied | stats::kFactResidencePermit)
        << status;
  }
  EXPECT_EQ(flags_of("reflection_period", "refused"), stats::kFactReflectionApplied);
  EXPECT_EQ(flags_of("reflection_period", "applied"), stats::kFactReflectionApplied);
  EXPECT_EQ(flags_of("residence_permit_cooperation", "refused"), stats::kFactPermitApplied);
  EXPECT_EQ(flags_of("reflection_period", "withdrawn"), 0) << "withdrawn or opened in error";
  EXPECT_EQ(flags_of("support_programme_period", "running"), 0) << "another clock";
}

TEST(FactDecode, ProtectedIdentityHasNoPlaceOrCountry) {
  FactDecoder decoder(nullptr, nullptr);
  auto r = Row();
  r.person.is_protected = true;
  r.facts.police_region = "syd";
  r.facts.county = "12";
  auto f = decoder.Decode(r);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->flags & stats::kFactProtected);
  EXPECT_EQ(f->police_region, 0);
  EXPECT_EQ(f->county, 0);
  EXPECT_EQ(f->country, 0);
}

TEST(FactDecode, AnUnreadableDayIsNotCounted) {
  FactDecoder decoder(nullptr, nullptr);
  auto r = Row();
  r.person.recorded_on = "2025-13-01";
  EXPECT_FALSE(decoder.Decode(r));
}

TEST(FactDecode, UniteKeepsTheEarliestAndJoinsTheRest) {
  stats::Fact early, late;
  early.recorded_on = 100;
  early.forms = 1;
  early.flags = stats::kFactClosed;
  early.closed_on = 150;
  early.outcome = 2;
  early.police_region = 3;
  late.recorded_on = 200;
  late.forms = 2;
  late.flags = stats::kFactPoliceReport | stats::kFactProtected;
  late.police_region = 4;
  auto u = Unite({late, early});
  EXPECT_EQ(u.recorded_on, 100);
  EXPECT_EQ(u.forms, 3u);
  EXPECT_TRUE(u.flags & stats::kFactPoliceReport);
  EXPECT_FALSE(u.flags & stats::kFactClosed) << "one case is still open";
  EXPECT_EQ(u.closed_on, -1);
  EXPECT_EQ(u.police_region, 0) << "protected in one case: no place";
  late.flags = stats::kFactClosed;
  late.closed_on = 300;
  late.outcome = 5;
  auto closed = Unite({early, late});
  EXPECT_TRUE(closed.flags & stats::kFactClosed);
  EXPECT_EQ(closed.closed_on, 300);
  EXPECT_EQ(closed.outcome, 5);
  EXPECT_EQ(closed.police_region, 3);
}

}  // namespace
}  // namespace opennrm::app::statistics
