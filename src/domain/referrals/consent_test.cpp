#include "domain/referrals/consent.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"
#include "domain/referrals/referrals_test_support.hpp"

namespace opennrm::referrals {
namespace {

using namespace testing;
using access::Section;
using cases::InterpreterRelationship;

const CivilDate kToday = Day(2026, 3, 10);

cases::Person PersonSpeakingRomanian() {
  cases::Person p;
  p.id = "person-1";
  p.languages = {"ron"};
  return p;
}

Consent ValidConsent() {
  Consent c;
  c.id = "consent-1";
  c.person_id = "person-1";
  c.recipient_organisation_id = "org-shelter";
  c.purpose = Purpose::kShelter;
  c.sections = {Section::kIdentity, Section::kContact, Section::kNeedsSafety};
  c.given_on = Day(2026, 3, 2);
  c.form = ConsentForm::kSignedForm;
  c.language = "swe";
  c.interpreter = cases::Interpreter{"ron", cases::InterpretingMode::kRemote,
                                     InterpreterRelationship::kProfessional, "Agency"};
  c.taken_by = "user-7";
  return c;
}

std::vector<std::string> Check(const Consent& c) {
  return Rules(ValidateConsent(c, PersonSpeakingRomanian(), cases::testing::TestLookups(), kToday));
}

TEST(Consent, FormWordsRoundTrip) {
  for (ConsentForm f : AllConsentForms()) EXPECT_EQ(ParseConsentForm(ToString(f)), f);
  EXPECT_EQ(ToString(ConsentForm::kSignedForm), "signed_form");
  EXPECT_EQ(ParseConsentForm("nod"), std::nullopt);
}

TEST(Consent, AValidConsentPasses) { EXPECT_TRUE(Check(ValidConsent()).empty()); }

TEST(Consent, RefusesAFamilyMemberOrCompanionAsInterpreter) {
  for (auto rel : {InterpreterRelationship::kFamilyMember, InterpreterRelationship::kCompanion}) {
    Consent c = ValidConsent();
    c.interpreter->relationship = rel;
    EXPECT_EQ(Check(c),
              std::vector<std::string>{"interpreter.relationship/interpreter_family_or_companion"});
  }
  for (auto rel : {InterpreterRelationship::kProfessional, InterpreterRelationship::kStaff}) {
    Consent c = ValidConsent();
    c.interpreter->relationship = rel;
    EXPECT_TRUE(Check(c).empty());
  }
}

TEST(Consent, TheLanguageMustBeKnownAndUnderstood) {
  Consent c = ValidConsent();
  c.interpreter.reset();  // Swedish, which the person does not understand
  EXPECT_EQ(Check(c), std::vector<std::string>{"language/language_not_understood"});
  c.language = "ron";
  EXPECT_TRUE(Check(c).empty());
  c.language = "xx";
  EXPECT_TRUE(HasRule(Check(c), "language/unknown_language"));
  c = ValidConsent();
  c.interpreter->language = "bul";
  EXPECT_EQ(Check(c), std::vector<std::string>{"interpreter.language/language_not_understood"});
}

TEST(Consent, SectionsAreRequiredAndUnique) {
  Consent c = ValidConsent();
  c.sections = {};
  EXPECT_EQ(Check(c), std::vector<std::string>{"sections/required"});
  c.sections = {Section::kIdentity, Section::kReturn, Section::kIdentity};
  EXPECT_EQ(Check(c), std::vector<std::string>{"sections[2]/duplicate"});
}

TEST(Consent, WhoWhomAndWhenAreRequired) {
  Consent c = ValidConsent();
  c.person_id = "";
  c.recipient_organisation_id = "";
  c.taken_by = " ";
  c.given_on = Day(2026, 3, 11);
  EXPECT_EQ(Check(c),
            (std::vector<std::string>{"person_id/required", "recipient_organisation_id/required",
                                      "given_on/not_future", "taken_by/required"}));
  c = ValidConsent();
  c.person_id = "person-2";
  EXPECT_EQ(Check(c), std::vector<std::string>{"person_id/other_person"});
}

TEST(Consent, ARecordedRevocationIsCheckedToo) {
  Consent c = ValidConsent();
  c.revocation = ConsentRevocation{Day(2026, 3, 1), "", ""};
  EXPECT_EQ(Check(c), (std::vector<std::string>{"revocation.revoked_on/before_given",
                                                "revocation.revoked_by/required"}));
  c.revocation = ConsentRevocation{Day(2026, 3, 2), "user-7", "Changed her mind"};
  EXPECT_TRUE(Check(c).empty());  // the day it was given is fine
}

TEST(Consent, RevokeRecordsTheRevocation) {
  auto revoked = Revoke(ValidConsent(), {kToday, "user-8", ""}, kToday);
  ASSERT_TRUE(revoked) << revoked.error().message;
  ASSERT_TRUE(revoked->revocation);
  EXPECT_EQ(revoked->revocation->revoked_on, kToday);
  EXPECT_EQ(revoked->revocation->revoked_by, "user-8");
  EXPECT_TRUE(IsRevokedOn(*revoked, kToday));
  EXPECT_FALSE(IsRevokedOn(*revoked, Day(2026, 3, 9)));
  EXPECT_EQ(Rules(Revoke(*revoked, {kToday, "user-8", ""}, kToday)),
            std::vector<std::string>{"revocation/already_revoked"});
}

TEST(Consent, RevocationRules) {
  const Consent c = ValidConsent();
  EXPECT_EQ(Rules(ValidateRevocation(c, {Day(2026, 3, 1), "u", ""}, kToday)),
            std::vector<std::string>{"revoked_on/before_given"});
  EXPECT_EQ(Rules(ValidateRevocation(c, {Day(2026, 3, 11), "u", ""}, kToday)),
            std::vector<std::string>{"revoked_on/not_future"});
  EXPECT_EQ(Rules(ValidateRevocation(c, {kToday, "", ""}, kToday)),
            std::vector<std::string>{"revoked_by/required"});
  EXPECT_EQ(Rules(ValidateRevocation(c, {kToday, "u", std::string(4001, 'x')}, kToday)),
            std::vector<std::string>{"reason/max_length"});
}

TEST(ConsentCoverage, CoversItsOwnRecipientPurposeAndSections) {
  const Consent c = ValidConsent();
  EXPECT_TRUE(Covers(c, "org-shelter", Purpose::kShelter, c.sections, kToday));
  EXPECT_TRUE(Covers(c, "org-shelter", Purpose::kShelter, {Section::kIdentity}, kToday));
  EXPECT_TRUE(Covers(c, "org-shelter", Purpose::kShelter, {Section::kIdentity}, c.given_on));
}

TEST(ConsentCoverage, NothingElse) {
  const Consent c = ValidConsent();
  const std::vector<Section> id{Section::kIdentity};
  EXPECT_EQ(CheckCoverage(c, "org-iom", Purpose::kShelter, id, kToday),
            ConsentCoverage::kOtherRecipient);
  EXPECT_EQ(CheckCoverage(c, "org-shelter", Purpose::kSupport, id, kToday),
            ConsentCoverage::kOtherPurpose);
  EXPECT_EQ(CheckCoverage(c, "org-shelter", Purpose::kShelter,
                          {Section::kIdentity, Section::kAssessment}, kToday),
            ConsentCoverage::kSectionsOutside);
  EXPECT_EQ(CheckCoverage(c, "org-shelter", Purpose::kShelter, {}, kToday),
            ConsentCoverage::kSectionsOutside);
  EXPECT_EQ(CheckCoverage(c, "org-shelter", Purpose::kShelter, id, Day(2026, 3, 1)),
            ConsentCoverage::kNotYetGiven);
  EXPECT_EQ(SectionsOutside(c, {Section::kNotes, Section::kIdentity, Section::kReturn}),
            (std::vector<Section>{Section::kNotes, Section::kReturn}));
  EXPECT_EQ(ToString(ConsentCoverage::kSectionsOutside), "sections_outside");
}

TEST(ConsentCoverage, NotFromTheDayOfRevocation) {
  Consent c = ValidConsent();
  c.revocation = ConsentRevocation{Day(2026, 3, 8), "user-7", ""};
  const std::vector<Section> id{Section::kIdentity};
  EXPECT_TRUE(Covers(c, "org-shelter", Purpose::kShelter, id, Day(2026, 3, 7)));
  EXPECT_EQ(CheckCoverage(c, "org-shelter", Purpose::kShelter, id, Day(2026, 3, 8)),
            ConsentCoverage::kRevoked);
  EXPECT_EQ(CheckCoverage(c, "org-shelter", Purpose::kShelter, id, kToday),
            ConsentCoverage::kRevoked);
  // Revoked beats every other reason: the person said no.
  EXPECT_EQ(CheckCoverage(c, "org-iom", Purpose::kReturn, id, kToday), ConsentCoverage::kRevoked);
}

}  // namespace
}  // namespace opennrm::referrals
