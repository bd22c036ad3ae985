// The records of a case survive the codec unchanged, and bytes of another
// kind or format are refused rather than misread.
#include <gtest/gtest.h>

#include "storage/codec/person_codec.hpp"

namespace opennrm::storage {
namespace {

CivilDate D(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }

cases::Interpreter RemoteProfessional() {
  return cases::Interpreter{"ron", cases::InterpretingMode::kRemote,
                            cases::InterpreterRelationship::kProfessional, "Tolkbyrån"};
}

TEST(RecordCodec, IndicatorsRoundTrip) {
  JsonRecordCodec codec;
  cases::IndicatorsAssessment a{"2026-1", "u1", D(2026, 3, 1), {}};
  a.answers.push_back({"documents.withheld", cases::IndicatorAnswer::kYes, "Passet hos chefen."});
  a.answers.push_back({"control.threats", cases::IndicatorAnswer::kNotKnown, ""});
  auto back = codec.DecodeIndicators(codec.EncodeIndicators(a));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->catalog_version, "2026-1");
  EXPECT_EQ(back->assessed_by, "u1");
  EXPECT_EQ(back->assessed_on, D(2026, 3, 1));
  ASSERT_EQ(back->answers.size(), 2u);
  EXPECT_EQ(back->answers[0].indicator_id, "documents.withheld");
  EXPECT_EQ(back->answers[0].answer, cases::IndicatorAnswer::kYes);
  EXPECT_EQ(back->answers[0].evidence, "Passet hos chefen.");
  EXPECT_EQ(back->answers[1].answer, cases::IndicatorAnswer::kNotKnown);
}

TEST(RecordCodec, AssessmentRoundTripWithAndWithoutReview) {
  JsonRecordCodec codec;
  cases::PresumedVictimAssessment a{"u1", D(2026, 3, 2), cases::Conclusion::kPresumedVictim,
                                    "Skäl att anta.", std::nullopt};
  auto plain = codec.DecodeAssessment(codec.EncodeAssessment(a));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->conclusion, cases::Conclusion::kPresumedVictim);
  EXPECT_EQ(plain->grounds, "Skäl att anta.");
  EXPECT_FALSE(plain->review);
  a.review = cases::Review{"u2", D(2026, 3, 3), false, "Oenig: mer underlag behövs."};
  auto reviewed = codec.DecodeAssessment(codec.EncodeAssessment(a));
  ASSERT_TRUE(reviewed && reviewed->review);
  EXPECT_EQ(reviewed->review->reviewed_by, "u2");
  EXPECT_EQ(reviewed->review->reviewed_on, D(2026, 3, 3));
  EXPECT_FALSE(reviewed->review->agrees);
  EXPECT_EQ(reviewed->review->comment, "Oenig: mer underlag behövs.");
}

TEST(RecordCodec, SafetyPlanRoundTrip) {
  JsonRecordCodec codec;
  cases::SafetyPlan p;
  p.risks = {{"Rekryteraren vet var hon bor.", cases::RiskLevel::kHigh}};
  p.measures = {{"Skyddat boende i annan region.", "Socialtjänsten"}};
  p.who_to_call = {{"Polisen", "112"}};
  p.made_on = D(2026, 3, 4);
  p.review_on = D(2026, 4, 4);
  p.made_with_person = false;
  auto back = codec.DecodeSafetyPlan(codec.EncodeSafetyPlan(p));
  ASSERT_TRUE(back);
  ASSERT_EQ(back->risks.size(), 1u);
  EXPECT_EQ(back->risks[0].level, cases::RiskLevel::kHigh);
  EXPECT_EQ(back->measures[0].responsible, "Socialtjänsten");
  EXPECT_EQ(back->who_to_call[0].phone, "112");
  EXPECT_EQ(back->review_on, D(2026, 4, 4));
  EXPECT_FALSE(back->made_with_person);
}

TEST(RecordCodec, WishConversationAndConsentRoundTrip) {
  JsonRecordCodec codec;
  auto wish = codec.DecodeWish(
      codec.EncodeWish({"acute_protection", "Bo nära skolan.", D(2026, 3, 5), "u1"}));
  ASSERT_TRUE(wish);
  EXPECT_EQ(wish->step, "acute_protection");
  EXPECT_EQ(wish->wish, "Bo nära skolan.");

  cases::Conversation c{D(2026, 3, 5), "u1", "swe", RemoteProfessional(), "Samtal om boende."};
  auto conv = codec.DecodeConversation(codec.EncodeConversation(c));
  ASSERT_TRUE(conv && conv->interpreter);
  EXPECT_EQ(conv->interpreter->language, "ron");
  EXPECT_EQ(conv->interpreter->mode, cases::InterpretingMode::kRemote);
  EXPECT_EQ(conv->interpreter->provider, "Tolkbyrån");
  c.interpreter.reset();
  auto direct = codec.DecodeConversation(codec.EncodeConversation(c));
  ASSERT_TRUE(direct);
  EXPECT_FALSE(direct->interpreter);

  ports::ConsentBody consent{
      {"Kontakt med regionkoordinatorn", D(2026, 3, 5), "u1", "swe", RemoteProfessional()}, true};
  auto back = codec.DecodeConsent(codec.EncodeConsent(consent));
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->given);
  EXPECT_EQ(back->taking.purpose, "Kontakt med regionkoordinatorn");
  EXPECT_EQ(back->taking.interpreter->relationship, cases::InterpreterRelationship::kProfessional);
}

TEST(RecordCodec, ExploitationRoundTrip) {
  JsonRecordCodec codec;
  ports::ExploitationBody e;
  e.forms = {{cases::ExploitationForm::kLabour, cases::LabourSector::kBerryPicking, ""},
             {cases::ExploitationForm::kOther, std::nullopt, "Tvångsarbete i hemmet."}};
  e.places.municipalities = {"2584"};
  e.places.recruitment_countries = {"TH"};
  e.places.transit_countries = {"DE", "DK"};
  e.places.exploitation_countries = {"SE"};
  e.period.from = cases::ParsePartialDate("2025-06");
  auto back = codec.DecodeExploitation(codec.EncodeExploitation(e));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->forms, e.forms);
  EXPECT_EQ(back->places.municipalities, e.places.municipalities);
  EXPECT_EQ(back->places.transit_countries, e.places.transit_countries);
  ASSERT_TRUE(back->period.from);
  EXPECT_EQ(cases::FormatPartialDate(*back->period.from), "2025-06");
  EXPECT_FALSE(back->period.to);
}

TEST(RecordCodec, RefusesOtherKindsAndFormats) {
  JsonRecordCodec codec;
  std::string wish = codec.EncodeWish({"identification", "Ett önskemål.", D(2026, 1, 1), "u1"});
  EXPECT_FALSE(codec.DecodeSafetyPlan(wish));
  EXPECT_FALSE(codec.DecodeConversation("{\"f\":2}"));
  EXPECT_FALSE(codec.DecodeExploitation("not json"));
  std::string bad_enum = codec.EncodeAssessment(
      {"u1", D(2026, 1, 1), cases::Conclusion::kUndetermined, "g", std::nullopt});
  bad_enum.replace(bad_enum.find("undetermined"), 12, "maybe_victim");
  EXPECT_FALSE(codec.DecodeAssessment(bad_enum));
}

}  // namespace
}  // namespace opennrm::storage
