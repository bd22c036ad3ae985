// The consultation's words, its routing situation and urgency.
// Synthetic data only.
#include "domain/hotline/consultation.hpp"

#include <gtest/gtest.h>

#include <string>

namespace opennrm::hotline {
namespace {

TEST(ConsultationWords, RoundTripEveryValue) {
  for (Channel c : AllChannels()) EXPECT_EQ(ParseChannel(ToString(c)), c);
  for (Urgency u : AllUrgencies()) EXPECT_EQ(ParseUrgency(ToString(u)), u);
  for (QueueStatus s : AllQueueStatuses()) EXPECT_EQ(ParseQueueStatus(ToString(s)), s);
  for (DangerStep d : AllDangerSteps()) EXPECT_EQ(ParseDangerStep(ToString(d)), d);
  for (auto b : {IdentityBasis::kNone, IdentityBasis::kConsent, IdentityBasis::kReportOfConcern}) {
    EXPECT_EQ(ParseIdentityBasis(ToString(b)), b);
  }
  EXPECT_EQ(AllChannels().size(), 4u);
  EXPECT_EQ(AllUrgencies().size(), 3u);
  EXPECT_EQ(AllQueueStatuses().size(), 4u);
  EXPECT_EQ(AllDangerSteps().size(), 5u);
}

TEST(ConsultationWords, StableSnakeCaseWords) {
  EXPECT_EQ(ToString(Channel::kWebRequest), "web_request");
  EXPECT_EQ(ToString(Channel::kInPerson), "in_person");
  EXPECT_EQ(ToString(Urgency::kImmediateDanger), "immediate_danger");
  EXPECT_EQ(ToString(QueueStatus::kWaitingFollowUp), "waiting_follow_up");
  EXPECT_EQ(ToString(IdentityBasis::kReportOfConcern), "report_of_concern");
  EXPECT_EQ(ToString(DangerStep::kCalled112), "called_112");
  EXPECT_EQ(ToString(DangerStep::kCalledSocialServicesAfterHours),
            "called_social_services_after_hours");
  EXPECT_EQ(ToString(DangerStep::kNotifiedRegionalCoordinator), "notified_regional_coordinator");
  EXPECT_EQ(ToString(DangerStep::kAdvisedCallerToCall112), "advised_caller_to_call_112");
  EXPECT_EQ(ParseChannel("Phone"), std::nullopt);
  EXPECT_EQ(ParseUrgency(""), std::nullopt);
  EXPECT_EQ(ParseQueueStatus("open"), std::nullopt);
  EXPECT_EQ(ParseIdentityBasis("consent "), std::nullopt);
  EXPECT_EQ(ParseDangerStep("called_114"), std::nullopt);
}

TEST(ConsultationIdentity, EmptyOnlyWhenNothingIsFilled) {
  IdentityDetails id;
  EXPECT_TRUE(id.Empty());
  id.date_of_birth = CivilDate{2010, 5, 1};
  EXPECT_FALSE(id.Empty());
  id = {};
  id.email = "x@example.se";
  EXPECT_FALSE(id.Empty());
}

TEST(ConsultationSituation, CarriesWhatRoutingNeeds) {
  Consultation c;
  c.municipality_code = "2480";
  c.topic = Topic::kSuspectedTrafficking;
  c.person.forms = {cases::ExploitationForm::kLabour};
  c.person.age_group = AgeGroup::kChild;
  c.person.citizenship = CitizenshipGroup::kOutsideEu;
  c.person.holds_residence_permit = false;
  c.person.wants_to_report_to_police = true;
  c.person.wish_to_return = true;
  c.person.gender = Gender::kMale;
  c.person.needs_shelter = true;
  c.person.social_services_involve_police = true;
  c.immediate_danger = true;
  Situation s = SituationOf(c);
  EXPECT_EQ(s.municipality_code, "2480");
  EXPECT_EQ(s.topic, Topic::kSuspectedTrafficking);
  EXPECT_EQ(s.forms, c.person.forms);
  EXPECT_EQ(s.age_group, AgeGroup::kChild);
  EXPECT_EQ(s.citizenship, CitizenshipGroup::kOutsideEu);
  EXPECT_EQ(s.holds_residence_permit, false);
  EXPECT_TRUE(s.wants_to_report_to_police);
  EXPECT_TRUE(s.wish_to_return);
  EXPECT_EQ(s.gender, Gender::kMale);
  EXPECT_TRUE(s.needs_shelter);
  EXPECT_TRUE(s.immediate_danger);
  EXPECT_EQ(s.social_services_involve_police, true);
  EXPECT_FALSE(s.consents_to_sharing);
  c.identity_basis = IdentityBasis::kConsent;
  EXPECT_TRUE(SituationOf(c).consents_to_sharing);
  // A report of concern is not the person's consent.
  c.identity_basis = IdentityBasis::kReportOfConcern;
  EXPECT_FALSE(SituationOf(c).consents_to_sharing);
}

TEST(ConsultationUrgency, ImmediateDangerAlwaysWins) {
  Consultation c;
  c.urgency = Urgency::kNormal;
  EXPECT_EQ(EffectiveUrgency(c), Urgency::kNormal);
  c.urgency = Urgency::kUrgent;
  EXPECT_EQ(EffectiveUrgency(c), Urgency::kUrgent);
  c.immediate_danger = true;
  EXPECT_EQ(EffectiveUrgency(c), Urgency::kImmediateDanger);
  c.urgency = Urgency::kNormal;
  EXPECT_EQ(EffectiveUrgency(c), Urgency::kImmediateDanger);
}

}  // namespace
}  // namespace opennrm::hotline
