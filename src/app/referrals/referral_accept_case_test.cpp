#include "app/referrals/referral_accept_case.hpp"

#include <gtest/gtest.h>

namespace opennrm::app::referral_internal {
namespace {

// A codec that records the bytes it is asked to decode and answers with a
// fixed identity; every other record is out of this test's scope.
class RecordingCodec : public ports::RecordCodec {
 public:
  mutable std::string identity_bytes;
  mutable std::string contact_bytes;
  bool fail = false;

  std::string EncodeIdentity(const cases::Person&) const override { return "{}"; }
  Status DecodeIdentity(std::string_view bytes, cases::Person& person) const override {
    identity_bytes = std::string(bytes);
    if (fail) return Internal("unreadable");
    person.names = {{cases::NameKind::kName, "Test-Person-A", ""}};
    person.languages = {"swe"};
    return Ok();
  }
  std::string EncodeContact(const cases::ContactDetails&) const override { return "{}"; }
  Result<cases::ContactDetails> DecodeContact(std::string_view bytes) const override {
    contact_bytes = std::string(bytes);
    cases::ContactDetails c;
    c.emails = {"test-a@example.org"};
    return c;
  }
  std::string EncodeProceedings(const cases::Proceedings&) const override { return ""; }
  Result<cases::Proceedings> DecodeProceedings(std::string_view) const override {
    return Internal("unused");
  }
  std::string EncodeIndicators(const cases::IndicatorsAssessment&) const override { return ""; }
  Result<cases::IndicatorsAssessment> DecodeIndicators(std::string_view) const override {
    return Internal("unused");
  }
  std::string EncodeAssessment(const cases::PresumedVictimAssessment&) const override { return ""; }
  Result<cases::PresumedVictimAssessment> DecodeAssessment(std::string_view) const override {
    return Internal("unused");
  }
  std::string EncodeSafetyPlan(const cases::SafetyPlan&) const override { return ""; }
  Result<cases::SafetyPlan> DecodeSafetyPlan(std::string_view) const override {
    return Internal("unused");
  }
  std::string EncodeWish(const cases::Wish&) const override { return ""; }
  Result<cases::Wish> DecodeWish(std::string_view) const override { return Internal("unused"); }
  std::string EncodeConversation(const cases::Conversation&) const override { return ""; }
  Result<cases::Conversation> DecodeConversation(std::string_view) const override {
    return Internal("unused");
  }
  std::string EncodeConsent(const ports::ConsentBody&) const override { return ""; }
  Result<ports::ConsentBody> DecodeConsent(std::string_view) const override {
    return Internal("unused");
  }
  std::string EncodeExploitation(const ports::ExploitationBody&) const override { return ""; }
  Result<ports::ExploitationBody> DecodeExploitation(std::string_view) const override {
    return Internal("unused");
  }
};

// Shaped as snapshot.hpp writes a package; strings before the identity hold
// braces, quotes and escapes that a naive search would trip over.
const std::string kIdentity =
    R"({"f":1,"names":[{"k":"name","l":"Test \"A\" {x}","o":"\u0410"}],"dob":null})";
const std::string kContact = R"({"f":1,"phones":[],"emails":["a@example.org"]})";
const std::string kPackage =
    R"({"format":1,"sender":{"id":"org-s","name":"Kommun \"}{\" \\ [test]"},)"
    R"("case":{"code":"NRM-2026-000045","type":"return_only"},"sent_on":"2026-03-05",)"
    R"("person":"P-2026-000123","protected":true,)"
    R"("sections":{"support":{"track":{"step":"s","since_us":-12},"clocks":[]},)"
    R"("identity":{"role":"presumed_victim","identity":)" +
    kIdentity + R"(},"contact":)" + kContact + "}}";

TEST(JsonMemberAt, FindsNestedMembersPastStringsWithBracesAndEscapes) {
  EXPECT_EQ(JsonMemberAt(kPackage, {"format"}), "1");
  EXPECT_EQ(JsonMemberAt(kPackage, {"case", "type"}), "\"return_only\"");
  EXPECT_EQ(JsonMemberAt(kPackage, {"protected"}), "true");
  EXPECT_EQ(JsonMemberAt(kPackage, {"sections", "identity", "identity"}), kIdentity);
  EXPECT_EQ(JsonMemberAt(kPackage, {"sections", "contact"}), kContact);
  EXPECT_EQ(JsonMemberAt(kPackage, {"sections", "support", "clocks"}), "[]");
  EXPECT_EQ(JsonMemberAt(kPackage, {}), kPackage);
}

TEST(JsonMemberAt, NothingForAMissingKeyOrAStepThatIsNoObject) {
  EXPECT_FALSE(JsonMemberAt(kPackage, {"sections", "notes"}));
  EXPECT_FALSE(JsonMemberAt(kPackage, {"person", "code"}));  // a string, not an object
  EXPECT_FALSE(JsonMemberAt(kPackage, {"Format"}));          // keys are exact
  EXPECT_FALSE(JsonMemberAt("{}", {"a"}));
  EXPECT_FALSE(JsonMemberAt("[{\"a\":1}]", {"a"}));
}

TEST(JsonMemberAt, ToleratesSpacesAndKeysWrittenWithEscapes) {
  EXPECT_EQ(JsonMemberAt(" { \"a\" : { \"b\" :\n[ 1 , 2 ] } } ", {"a", "b"}), "[ 1 , 2 ]");
  EXPECT_EQ(JsonMemberAt(R"({"\u0061":2})", {"a"}), "2");
  EXPECT_EQ(JsonMemberAt(R"({"a":1,"a":2})", {"a"}), "1");  // the first counts
}

TEST(JsonMemberAt, NothingWhenTheTextIsNotWellFormedUpToTheMember) {
  EXPECT_FALSE(JsonMemberAt(R"({"x":"open,"a":1})", {"a"}));
  EXPECT_FALSE(JsonMemberAt(R"({"x":[1,2,"a":1})", {"a"}));
  EXPECT_FALSE(JsonMemberAt(R"({"x":tru,"a":1})", {"a"}));
  EXPECT_FALSE(JsonMemberAt(R"({"x":01,"a":1})", {"a"}));
  EXPECT_FALSE(JsonMemberAt(R"({"a":{"b":1)", {"a"}));  // the member itself unfinished
  EXPECT_FALSE(JsonMemberAt(R"({"a":"\q"})", {"a"}));
  EXPECT_FALSE(JsonMemberAt("", {}));
  // Deep nesting is refused, not followed.
  std::string deep = "{\"x\":" + std::string(100, '[') + std::string(100, ']') + ",\"a\":1}";
  EXPECT_FALSE(JsonMemberAt(deep, {"a"}));
  EXPECT_EQ(JsonMemberAt(R"({"x":[[[]]],"a":-1.5e+3})", {"a"}), "-1.5e+3");
}

TEST(JsonStringText, DecodesEscapesToUtf8) {
  EXPECT_EQ(JsonStringText(R"("return_only")"), "return_only");
  EXPECT_EQ(JsonStringText(R"("a\"b\\c\/d\n\t")"), "a\"b\\c/d\n\t");
  EXPECT_EQ(JsonStringText(R"("\u00e5\u0410")"), "\xc3\xa5\xd0\x90");  // å, А
  EXPECT_EQ(JsonStringText(R"("\ud83d\ude00")"), "\xf0\x9f\x98\x80");  // a pair
  EXPECT_EQ(JsonStringText(" \"x\" "), "x");
}

TEST(JsonStringText, NothingForOtherValuesOrBrokenStrings) {
  EXPECT_FALSE(JsonStringText("1"));
  EXPECT_FALSE(JsonStringText("\"a\" \"b\""));
  EXPECT_FALSE(JsonStringText("\"a"));
  EXPECT_FALSE(JsonStringText(R"("\ud83d")"));  // a lone high surrogate
  EXPECT_FALSE(JsonStringText(R"("\ude00")"));  // a lone low surrogate
  EXPECT_FALSE(JsonStringText("\"tab\there\""));
}

TEST(ReadPackagePerson, DecodesTheDisclosedIdentityAndContactExactlyAsWritten) {
  RecordingCodec codec;
  auto read = ReadPackagePerson(codec, kPackage);
  ASSERT_TRUE(read.has_value()) << read.error().message;
  EXPECT_EQ(codec.identity_bytes, kIdentity);
  EXPECT_EQ(codec.contact_bytes, kContact);
  EXPECT_TRUE(read->identity_disclosed);
  EXPECT_TRUE(read->contact_disclosed);
  EXPECT_EQ(read->case_type, "return_only");
  ASSERT_EQ(read->person.names.size(), 1u);
  EXPECT_EQ(read->person.names[0].latin, "Test-Person-A");
  EXPECT_EQ(read->person.contact.emails, std::vector<std::string>{"test-a@example.org"});
  // The package says protected, not how: the weakest protection keeps the
  // person out of the recipient's lists.
  EXPECT_EQ(read->person.protection, cases::ProtectionLevel::kSecrecyMarking);
}

TEST(ReadPackagePerson, WithoutTheIdentitySectionThePersonHasNoNames) {
  RecordingCodec codec;
  const std::string doc =
      R"({"format":1,"case":{"code":"NRM-2026-000001","type":"trafficking_in_human_beings"},)"
      R"("person":"P-2026-000001","sections":{"assessment":{}}})";
  auto read = ReadPackagePerson(codec, doc);
  ASSERT_TRUE(read.has_value()) << read.error().message;
  EXPECT_FALSE(read->identity_disclosed);
  EXPECT_FALSE(read->contact_disclosed);
  EXPECT_TRUE(codec.identity_bytes.empty());
  EXPECT_TRUE(read->person.names.empty());
  EXPECT_EQ(read->person.protection, cases::ProtectionLevel::kNone);
  EXPECT_EQ(read->case_type, "trafficking_in_human_beings");
}

TEST(ReadPackagePerson, RefusesAnotherFormatOrAnUnreadableIdentity) {
  RecordingCodec codec;
  auto other = ReadPackagePerson(codec, R"({"format":2,"sections":{}})");
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, ErrorCode::kInternal);
  EXPECT_FALSE(ReadPackagePerson(codec, "not json").has_value());
  codec.fail = true;
  auto broken = ReadPackagePerson(codec, kPackage);
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace opennrm::app::referral_internal
