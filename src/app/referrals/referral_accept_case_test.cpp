#include "app/referrals/referral_accept_case.hpp"

#include <gtest/gtest.h>

namespace opennrm::app::referral_internal {
namespace {

// A package codec that answers with a fixed document (or an error) and
// records the bytes it was asked to decode; encoding is out of scope here.
class FixedCodec : public ports::PackageDocumentCodec {
 public:
  std::optional<ports::PackageDocument> answer;
  mutable std::string asked;

  std::string Encode(const ports::PackageDocument&) const override { return ""; }
  Result<ports::PackageDocument> Decode(std::string_view bytes) const override {
    asked = std::string(bytes);
    if (!answer) return Internal("unreadable");
    return *answer;
  }
};

// Synthetic sender data, as the sender's snapshot would have it.
ports::PackageDocument Package() {
  ports::PackageDocument d;
  d.sender_id = "org-s";
  d.sender_name = "Kommun S";
  d.case_code = "NRM-2026-000045";
  d.case_type = "return_only";
  d.sent_on = CivilDate{2026, 3, 5};
  d.person_code = "P-2026-000123";
  d.is_protected = true;
  d.sections.push_back(ports::PackageSupport{});
  ports::PackageIdentity identity;
  identity.role = "presumed_victim";
  identity.identity.names = {{cases::NameKind::kName, "Test-Person-A", ""}};
  identity.identity.languages = {"swe"};
  d.sections.push_back(identity);
  ports::PackageContact contact;
  contact.contact.emails = {"test-a@example.org"};
  d.sections.push_back(contact);
  return d;
}

TEST(ReadPackagePerson, TakesTheDisclosedIdentityAndContactFromTheDecodedPackage) {
  FixedCodec codec;
  codec.answer = Package();
  auto read = ReadPackagePerson(&codec, "the package bytes");
  ASSERT_TRUE(read.has_value()) << read.error().message;
  EXPECT_EQ(codec.asked, "the package bytes");
  EXPECT_TRUE(read->identity_disclosed);
  EXPECT_TRUE(read->contact_disclosed);
  EXPECT_EQ(read->case_type, "return_only");
  ASSERT_EQ(read->person.names.size(), 1u);
  EXPECT_EQ(read->person.names[0].latin, "Test-Person-A");
  EXPECT_EQ(read->person.languages, std::vector<std::string>{"swe"});
  EXPECT_EQ(read->person.contact.emails, std::vector<std::string>{"test-a@example.org"});
  // The package says protected, not how: the weakest protection keeps the
  // person out of the recipient's lists.
  EXPECT_EQ(read->person.protection, cases::ProtectionLevel::kSecrecyMarking);
}

TEST(ReadPackagePerson, ContactBeforeIdentityIsKeptAndNothingOfTheSendersRecordComesAlong) {
  ports::PackageDocument d = Package();
  std::swap(d.sections[1], d.sections[2]);  // contact first
  auto& identity = std::get<ports::PackageIdentity>(d.sections[2]).identity;
  identity.id = "sender-person-id";
  identity.organisation_id = "org-s";
  identity.contact.phones = {"+46 70 000 00 00"};  // not the contact section
  PackagePerson read = PackagePersonOf(d);
  EXPECT_TRUE(read.person.id.empty());
  EXPECT_TRUE(read.person.organisation_id.empty());
  EXPECT_TRUE(read.person.contact.phones.empty());
  EXPECT_EQ(read.person.contact.emails, std::vector<std::string>{"test-a@example.org"});
  ASSERT_EQ(read.person.names.size(), 1u);
}

TEST(ReadPackagePerson, WithoutTheIdentitySectionThePersonHasNoNames) {
  ports::PackageDocument d = Package();
  d.case_type = "trafficking_in_human_beings";
  d.is_protected = false;
  d.sections = {ports::PackageAssessment{}};
  PackagePerson read = PackagePersonOf(d);
  EXPECT_FALSE(read.identity_disclosed);
  EXPECT_FALSE(read.contact_disclosed);
  EXPECT_TRUE(read.person.names.empty());
  EXPECT_TRUE(read.person.contact.emails.empty());
  EXPECT_EQ(read.person.protection, cases::ProtectionLevel::kNone);
  EXPECT_EQ(read.case_type, "trafficking_in_human_beings");
}

TEST(ReadPackagePerson, AnUnreadablePackageOrNoCodecIsAnInternalError) {
  FixedCodec codec;  // no answer: Decode fails
  auto broken = ReadPackagePerson(&codec, "not a package");
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().code, ErrorCode::kInternal);
  auto none = ReadPackagePerson(nullptr, "{}");
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace opennrm::app::referral_internal
