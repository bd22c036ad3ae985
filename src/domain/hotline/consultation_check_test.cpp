// CheckConsultation: one test per rule of the header's list, and that every
// broken rule is reported at once. Synthetic data only.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "domain/hotline/consultation.hpp"

namespace opennrm::hotline {
namespace {

const CivilDate kToday{2026, 3, 10};

ConsultationLookups Lookups() {
  static const std::set<std::string, std::less<>> kMunicipalities{"2480", "2584", "0180"};
  static const std::set<std::string, std::less<>> kCountries{"SE", "RO", "NO"};
  static const std::set<std::string, std::less<>> kLanguages{"swe", "ron", "eng"};
  ConsultationLookups l;
  l.municipality_exists = [](std::string_view c) { return kMunicipalities.count(c) > 0; };
  l.country_exists = [](std::string_view c) { return kCountries.count(c) > 0; };
  l.language_exists = [](std::string_view c) { return kLanguages.count(c) > 0; };
  return l;
}

// A valid, anonymous consultation about berry pickers in Umeå.
Consultation Valid() {
  Consultation c;
  c.channel = Channel::kPhone;
  c.duration_seconds = 600;
  c.time_spent_minutes = 25;
  c.caller.organisation_name = "Socialtjänsten Umeå";
  c.caller.role = "socialsekreterare";
  c.caller.name = "Testa Testsson";
  c.caller.phone = "090-16 10 00";
  c.caller.email = "handlaggare@example.se";
  c.topic = Topic::kSuspectedTrafficking;
  c.municipality_code = "2480";
  c.situation = "120 berry pickers in a camp since 2024-07-01, passports held by the employer.";
  c.person.age_group = AgeGroup::kAdult;
  c.person.approximate_age = 30;
  c.advice = "Contact the regional coordinator.";
  c.overrides = {{"org_1", false, "Already involved."}};
  return c;
}

std::vector<std::string> Rules(const Status& s) {
  std::vector<std::string> out;
  if (s) return out;
  for (const auto& f : s.error().fields) out.push_back(f.field + "/" + f.rule);
  return out;
}

std::vector<std::string> RulesOf(const Consultation& c) {
  return Rules(CheckConsultation(c, Lookups(), kToday));
}

bool Has(const std::vector<std::string>& rules, std::string_view rule) {
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

TEST(ConsultationCheck, ValidConsultationPasses) {
  EXPECT_TRUE(CheckConsultation(Valid(), Lookups(), kToday));
  Consultation abroad = Valid();
  abroad.municipality_code = "";
  abroad.abroad_country = "RO";
  EXPECT_TRUE(CheckConsultation(abroad, Lookups(), kToday));
  Consultation nowhere = Valid();
  nowhere.municipality_code = "";
  EXPECT_TRUE(CheckConsultation(nowhere, Lookups(), kToday));
}

TEST(ConsultationCheck, PlaceMustBeKnownAndSingle) {
  Consultation c = Valid();
  c.municipality_code = "9999";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"municipality_code/unknown_municipality"});
  c = Valid();
  c.municipality_code = "";
  c.abroad_country = "XX";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"abroad_country/unknown_country"});
  c = Valid();
  c.abroad_country = "NO";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"place/both_places"});
}

TEST(ConsultationCheck, MissingLookupKnowsNothing) {
  ConsultationLookups none;
  auto rules = Rules(CheckConsultation(Valid(), none, kToday));
  EXPECT_TRUE(Has(rules, "municipality_code/unknown_municipality"));
  EXPECT_TRUE(Has(rules, "language/unknown_language"));
}

TEST(ConsultationCheck, LanguageMustBeKnown) {
  Consultation c = Valid();
  c.language = "xxx";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"language/unknown_language"});
  c.language = "";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"language/unknown_language"});
}

TEST(ConsultationCheck, ApproximateAgeInRangeAndAgreeingWithGroup) {
  Consultation c = Valid();
  c.person.approximate_age = -1;
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"person.approximate_age/out_of_range"});
  c.person.approximate_age = 121;
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"person.approximate_age/out_of_range"});
  c.person.approximate_age = 120;
  EXPECT_TRUE(RulesOf(c).empty());
  c.person.approximate_age = 17;
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"person.age_group/age_contradicts"});
  c.person.age_group = AgeGroup::kChild;
  EXPECT_TRUE(RulesOf(c).empty());
  c.person.approximate_age = 18;
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"person.age_group/age_contradicts"});
  c.person.age_group = AgeGroup::kUnknown;
  EXPECT_TRUE(RulesOf(c).empty());
}

TEST(ConsultationCheck, IdentityFieldsNeedABasis) {
  Consultation c = Valid();
  c.identity = {"Testa Testsson", CivilDate{1990, 1, 1}, "070-000 00 00", "t@example.se"};
  EXPECT_EQ(RulesOf(c),
            (std::vector<std::string>{
                "identity.name/consent_required", "identity.date_of_birth/consent_required",
                "identity.phone/consent_required", "identity.email/consent_required"}));
  c.identity_basis = IdentityBasis::kConsent;
  EXPECT_TRUE(RulesOf(c).empty());
}

TEST(ConsultationCheck, ReportOfConcernOnlyForAChild) {
  Consultation c = Valid();
  c.identity_basis = IdentityBasis::kReportOfConcern;
  c.identity.name = "Testa Testsson";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"identity_basis/child_only"});
  c.person.age_group = AgeGroup::kUnknown;
  c.person.approximate_age = std::nullopt;
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"identity_basis/child_only"});
  c.person.approximate_age = 15;  // group unknown, the age says child
  EXPECT_TRUE(RulesOf(c).empty());
  c.person.age_group = AgeGroup::kChild;
  EXPECT_TRUE(RulesOf(c).empty());
}

TEST(ConsultationCheck, DateOfBirthNotInTheFuture) {
  Consultation c = Valid();
  c.identity_basis = IdentityBasis::kConsent;
  c.identity.date_of_birth = kToday;
  EXPECT_TRUE(RulesOf(c).empty());
  c.identity.date_of_birth = CivilDate{2026, 3, 11};
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"identity.date_of_birth/in_future"});
}

TEST(ConsultationCheck, IdentityContactFormatWithABasis) {
  Consultation c = Valid();
  c.identity_basis = IdentityBasis::kConsent;
  c.identity.phone = "call me";
  c.identity.email = "not-an-address";
  EXPECT_EQ(RulesOf(c),
            (std::vector<std::string>{"identity.phone/format", "identity.email/format"}));
}

TEST(ConsultationCheck, SituationMustNotIdentifyWithoutABasis) {
  Consultation c = Valid();
  c.situation = "Her number is 070-123 45 67.";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"situation/looks_identifying"});
  c.identity_basis = IdentityBasis::kConsent;
  EXPECT_TRUE(RulesOf(c).empty());
  // The advice may name an organisation's e-mail address.
  c = Valid();
  c.advice = "Write to kontakt@example.se";
  EXPECT_TRUE(RulesOf(c).empty());
}

TEST(ConsultationCheck, TextsHaveALimitInCharacters) {
  Consultation c = Valid();
  c.situation = std::string(20000, 'a');
  c.advice = std::string(20000, 'b');
  EXPECT_TRUE(RulesOf(c).empty());
  std::string swedish;
  for (int i = 0; i < 20000; ++i) swedish += "ö";  // two bytes each, still 20,000 characters
  c.situation = swedish;
  EXPECT_TRUE(RulesOf(c).empty());
  c.situation += "a";
  c.advice += "b";
  EXPECT_EQ(RulesOf(c), (std::vector<std::string>{"situation/too_long", "advice/too_long"}));
}

TEST(ConsultationCheck, CallerNeedsAnOrganisation) {
  Consultation c = Valid();
  c.caller.organisation_name = "  ";
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"caller.organisation_name/required"});
  c.caller.organisation_id = "org_umea_soc";
  EXPECT_TRUE(RulesOf(c).empty());
}

TEST(ConsultationCheck, ImmediateDangerIsSavedWithoutTheCallersOrganisation) {
  Consultation c = Valid();
  c.caller.organisation_name = "";
  c.immediate_danger = true;
  EXPECT_TRUE(RulesOf(c).empty());
  c.immediate_danger = false;
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"caller.organisation_name/required"});
}

TEST(ConsultationCheck, CallBackRequestNeedsTheCallersName) {
  Consultation c = Valid();
  c.caller.name = "";
  EXPECT_TRUE(RulesOf(c).empty());  // a phone call may stay without a name
  c.channel = Channel::kWebRequest;
  EXPECT_EQ(RulesOf(c), std::vector<std::string>{"caller.name/required"});
}

TEST(ConsultationCheck, CallerContactCheckedLoosely) {
  Consultation c = Valid();
  c.caller.phone = "+46 (0)90-16 10 00";
  EXPECT_TRUE(RulesOf(c).empty());
  c.caller.phone = "ring växeln";
  c.caller.email = "nope@";
  EXPECT_EQ(RulesOf(c), (std::vector<std::string>{"caller.phone/format", "caller.email/format"}));
}

TEST(ConsultationCheck, DurationAndTimeSpentWithinADay) {
  Consultation c = Valid();
  c.duration_seconds = 86400;
  c.time_spent_minutes = 1440;
  EXPECT_TRUE(RulesOf(c).empty());
  c.duration_seconds = -1;
  c.time_spent_minutes = 1441;
  EXPECT_EQ(RulesOf(c), (std::vector<std::string>{"duration_seconds/out_of_range",
                                                  "time_spent_minutes/out_of_range"}));
  c.duration_seconds = 86401;
  c.time_spent_minutes = -5;
  EXPECT_EQ(RulesOf(c), (std::vector<std::string>{"duration_seconds/out_of_range",
                                                  "time_spent_minutes/out_of_range"}));
}

TEST(ConsultationCheck, OverridesNeedAReason) {
  Consultation c = Valid();
  c.overrides.push_back({"org_2", true, ""});
  c.overrides.push_back({"", true, "Covers the camp."});
  EXPECT_EQ(RulesOf(c), (std::vector<std::string>{"overrides[1].reason/required",
                                                  "overrides[2].organisation_id/required"}));
}

TEST(ConsultationCheck, CollectsEveryProblemAtOnce) {
  Consultation c = Valid();
  c.municipality_code = "9999";
  c.abroad_country = "XX";
  c.language = "zzz";
  c.person.approximate_age = 200;
  c.identity.name = "Testa";
  c.situation = "mail her at someone@example.com";
  c.duration_seconds = -3;
  c.overrides[0].reason = "";
  Status s = CheckConsultation(c, Lookups(), kToday);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  auto rules = Rules(s);
  EXPECT_EQ(rules.size(), 9u);
  for (auto rule :
       {"municipality_code/unknown_municipality", "abroad_country/unknown_country",
        "place/both_places", "language/unknown_language", "person.approximate_age/out_of_range",
        "identity.name/consent_required", "situation/looks_identifying",
        "duration_seconds/out_of_range", "overrides[0].reason/required"}) {
    EXPECT_TRUE(Has(rules, rule)) << rule;
  }
  for (const auto& f : s.error().fields) EXPECT_FALSE(f.detail.empty()) << f.field;
}

}  // namespace
}  // namespace opennrm::hotline
