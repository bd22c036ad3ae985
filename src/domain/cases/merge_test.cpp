#include "domain/cases/merge.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

Person A() {
  Person p;
  p.id = "person-a";
  p.organisation_id = "org-1";
  p.code = {2026, 1};
  p.names = {{NameKind::kName, "Ana Popescu", ""}};
  p.citizenship = {CitizenshipStatus::kKnown, {"RO"}};
  p.languages = {"ron"};
  p.contact.phones = {"+40 700 000 001"};
  return p;
}

Person B() {
  Person p;
  p.id = "person-b";
  p.organisation_id = "org-1";
  p.code = {2026, 2};
  p.names = {{NameKind::kName, "Ana Popescu", ""}, {NameKind::kAlias, "Anna", ""}};
  p.date_of_birth = *ParsePartialDate("1999-04");
  p.gender = Gender::kFemale;
  p.citizenship = {CitizenshipStatus::kKnown, {"RO", "BG"}};
  p.languages = {"ron", "eng"};
  p.documents = {{DocumentType::kPassport, "SYN123456", "RO", std::nullopt}};
  p.protection = ProtectionLevel::kSecrecyMarking;
  p.merged_from = {"person-c"};
  return p;
}

TEST(Merge, UnitesWhatBothRecordsKnowAndKeepsHistory) {
  auto r = Merge(A(), B(), "u-1", {2026, 3, 15});
  ASSERT_TRUE(r) << r.error().message;
  const Person& k = r->kept;
  EXPECT_EQ(k.id, "person-a");
  EXPECT_EQ(k.code, (PersonCode{2026, 1}));
  ASSERT_EQ(k.names.size(), 2u);
  EXPECT_EQ(k.names[1].latin, "Anna");
  ASSERT_TRUE(k.date_of_birth);
  EXPECT_EQ(k.gender, Gender::kFemale);
  EXPECT_EQ(k.citizenship.countries, (std::vector<std::string>{"RO", "BG"}));
  EXPECT_EQ(k.languages, (std::vector<std::string>{"ron", "eng"}));
  EXPECT_EQ(k.documents.size(), 1u);
  EXPECT_EQ(k.contact.phones.size(), 1u);
  EXPECT_EQ(k.protection, ProtectionLevel::kSecrecyMarking);  // the stricter one
  EXPECT_EQ(k.merged_from, (std::vector<std::string>{"person-b", "person-c"}));
  EXPECT_FALSE(k.merged_into);

  const Person& old = r->retired;
  EXPECT_EQ(old.merged_into, "person-a");
  EXPECT_EQ(old.names.size(), 2u);  // the merged record keeps its own data
  EXPECT_EQ(r->record.kept_person_id, "person-a");
  EXPECT_EQ(r->record.merged_person_id, "person-b");
  EXPECT_EQ(r->record.merged_by, "u-1");
}

TEST(Merge, KeepsTheKeptRecordsKnownFacts) {
  auto a = A();
  a.gender = Gender::kOther;
  a.citizenship = {CitizenshipStatus::kStateless, {}};
  auto r = Merge(a, B(), "u-1", {2026, 3, 15});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kept.gender, Gender::kOther);
  EXPECT_EQ(r->kept.citizenship.status, CitizenshipStatus::kStateless);
  EXPECT_TRUE(r->kept.citizenship.countries.empty());
}

TEST(Merge, TakesTheDuplicatesResidencePermitOnlyWhenTheKeptOneIsUnknown) {
  auto b = B();
  b.residence_permit = ResidencePermit::kNone;
  b.unaccompanied = true;
  auto r = Merge(A(), b, "u-1", {2026, 3, 15});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kept.residence_permit, ResidencePermit::kNone);
  EXPECT_TRUE(r->kept.unaccompanied) << "true if either record says so";

  auto a = A();
  a.residence_permit = ResidencePermit::kHasPermit;
  r = Merge(a, b, "u-1", {2026, 3, 15});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kept.residence_permit, ResidencePermit::kHasPermit);
}

std::string Rule(const Status& s) { return s ? "" : s.error().fields.at(0).rule; }

TEST(Merge, AnAssumedIdentityIsNeverMerged) {
  auto a = A();
  a.protection = ProtectionLevel::kAssumedIdentity;
  EXPECT_EQ(Rule(CheckMerge(a, B())), "assumed_identity_never_merged");
  auto b = B();
  b.protection = ProtectionLevel::kAssumedIdentity;
  EXPECT_EQ(Rule(CheckMerge(A(), b)), "assumed_identity_never_merged");
  auto r = Merge(A(), b, "u-1", {2026, 3, 15});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().fields.at(0).field, "merged_person_id");
}

TEST(Merge, OnlyTwoLiveRecordsOfOneOrganisation) {
  EXPECT_EQ(Rule(CheckMerge(A(), A())), "merge_same_person");
  auto b = B();
  b.organisation_id = "org-2";
  EXPECT_EQ(Rule(CheckMerge(A(), b)), "merge_other_organisation");
  b = B();
  b.merged_into = "person-z";
  EXPECT_EQ(Rule(CheckMerge(A(), b)), "already_merged");
  auto a = A();
  a.merged_into = "person-z";
  EXPECT_EQ(Rule(CheckMerge(a, B())), "already_merged");
  auto no_one = Merge(A(), B(), "", {2026, 3, 15});
  ASSERT_FALSE(no_one);
  EXPECT_EQ(no_one.error().fields.at(0).rule, "required");
}

}  // namespace
}  // namespace opennrm::cases
