// A criminal-proceedings record survives the codec unchanged — full, and
// empty — and bytes of another kind or format are refused rather than misread.
#include <gtest/gtest.h>

#include "storage/codec/person_codec.hpp"

namespace opennrm::storage {
namespace {

CivilDate D(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }

cases::Proceedings Full() {
  cases::Proceedings p;
  p.police_report_numbers = {"5000-K123456-26", "1400-K42-25"};
  p.offences.push_back({"trafficking_in_human_beings", "trafficking_in_human_beings_2018", "gross",
                        cases::PartialDate{2025, 11, 0}, ""});
  p.offences.push_back({"other", "other", "standard", std::nullopt, "Olaga tvång"});
  p.investigation = cases::PreliminaryInvestigation{
      D(2026, 1, 5), cases::InvestigationLeader::kProsecutor, D(2026, 3, 1), ""};
  p.prosecution =
      cases::ProsecutionDecision{cases::ProsecutionOutcome::kIndictment, D(2026, 3, 10)};
  cases::Judgment first;
  first.level = cases::CourtLevel::kDistrictCourt;
  first.court = "Stockholms tingsrätt";
  first.case_number = "B 1234-26";
  first.delivered_on = D(2026, 5, 2);
  first.verdict = cases::Verdict::kConvicted;
  first.sentence = cases::Sentence{cases::SentenceKind::kPrison, 48, "Utvisning"};
  cases::Judgment second;
  second.level = cases::CourtLevel::kCourtOfAppeal;
  second.court = "Svea hovrätt";
  second.delivered_on = D(2026, 9, 30);
  second.verdict = cases::Verdict::kAcquitted;
  second.final = true;
  p.judgments = {first, second};
  p.appeals.push_back(
      {cases::CourtLevel::kDistrictCourt, cases::AppealedBy::kDefendant, D(2026, 5, 20)});
  p.injured_parties.push_back({"p1", cases::InjuredPartyStatus::kInjuredParty, D(2026, 1, 5)});
  p.injured_parties.push_back({"p2", cases::InjuredPartyStatus::kNotDecided, std::nullopt});
  return p;
}

TEST(ProceedingsCodec, FullRecordRoundTrips) {
  JsonRecordCodec codec;
  cases::Proceedings p = Full();
  auto back = codec.DecodeProceedings(codec.EncodeProceedings(p));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->police_report_numbers, p.police_report_numbers);
  ASSERT_EQ(back->offences.size(), 2u);
  EXPECT_EQ(back->offences[0].offence_id, "trafficking_in_human_beings");
  EXPECT_EQ(back->offences[0].version_id, "trafficking_in_human_beings_2018");
  EXPECT_EQ(back->offences[0].grade, "gross");
  ASSERT_TRUE(back->offences[0].committed);
  EXPECT_EQ(*back->offences[0].committed, (cases::PartialDate{2025, 11, 0}));
  EXPECT_FALSE(back->offences[1].committed);
  EXPECT_EQ(back->offences[1].description, "Olaga tvång");
  ASSERT_TRUE(back->investigation);
  EXPECT_EQ(back->investigation->opened_on, D(2026, 1, 5));
  EXPECT_EQ(back->investigation->led_by, cases::InvestigationLeader::kProsecutor);
  EXPECT_EQ(back->investigation->closed_on, std::optional<CivilDate>(D(2026, 3, 1)));
  ASSERT_TRUE(back->prosecution);
  EXPECT_EQ(back->prosecution->outcome, cases::ProsecutionOutcome::kIndictment);
  EXPECT_EQ(back->prosecution->decided_on, D(2026, 3, 10));
  ASSERT_EQ(back->judgments.size(), 2u);
  EXPECT_EQ(back->judgments[0].court, "Stockholms tingsrätt");
  EXPECT_EQ(back->judgments[0].case_number, "B 1234-26");
  ASSERT_TRUE(back->judgments[0].sentence);
  EXPECT_EQ(back->judgments[0].sentence->kind, cases::SentenceKind::kPrison);
  EXPECT_EQ(back->judgments[0].sentence->months, 48);
  EXPECT_EQ(back->judgments[0].sentence->details, "Utvisning");
  EXPECT_FALSE(back->judgments[0].final);
  EXPECT_EQ(back->judgments[1].level, cases::CourtLevel::kCourtOfAppeal);
  EXPECT_EQ(back->judgments[1].verdict, cases::Verdict::kAcquitted);
  EXPECT_FALSE(back->judgments[1].sentence);
  EXPECT_TRUE(back->judgments[1].final);
  ASSERT_EQ(back->appeals.size(), 1u);
  EXPECT_EQ(back->appeals[0].by, cases::AppealedBy::kDefendant);
  EXPECT_EQ(back->appeals[0].lodged_on, D(2026, 5, 20));
  ASSERT_EQ(back->injured_parties.size(), 2u);
  EXPECT_EQ(back->injured_parties[0].status, cases::InjuredPartyStatus::kInjuredParty);
  EXPECT_EQ(back->injured_parties[0].since, std::optional<CivilDate>(D(2026, 1, 5)));
  EXPECT_EQ(back->injured_parties[1].person_id, "p2");
  EXPECT_FALSE(back->injured_parties[1].since);
}

TEST(ProceedingsCodec, EmptyRecordRoundTrips) {
  JsonRecordCodec codec;
  auto back = codec.DecodeProceedings(codec.EncodeProceedings(cases::Proceedings{}));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_TRUE(back->police_report_numbers.empty());
  EXPECT_FALSE(back->investigation);
  EXPECT_FALSE(back->prosecution);
  EXPECT_TRUE(back->judgments.empty());
}

TEST(ProceedingsCodec, RefusesOtherBytes) {
  JsonRecordCodec codec;
  EXPECT_FALSE(codec.DecodeProceedings("not json"));
  EXPECT_FALSE(codec.DecodeProceedings(R"({"f":2,"reports":[]})"));
  // A contact record is not proceedings.
  EXPECT_FALSE(codec.DecodeProceedings(codec.EncodeContact(cases::ContactDetails{})));
  // An unknown word in a closed list.
  std::string bytes = codec.EncodeProceedings(Full());
  auto at = bytes.find("prosecutor");
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 10, "sheriff___");
  EXPECT_FALSE(codec.DecodeProceedings(bytes));
}

}  // namespace
}  // namespace opennrm::storage
