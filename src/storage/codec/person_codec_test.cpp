// A person's sealed identity body survives the codec unchanged, including the
// residence permit and the unaccompanied-child flag; a body sealed before
// those keys existed still opens (as "unknown" and not unaccompanied).
#include "storage/codec/person_codec.hpp"

#include <gtest/gtest.h>

namespace opennrm::storage {
namespace {

// Synthetic person; no real data.
cases::Person Full() {
  cases::Person p;
  p.names = {{cases::NameKind::kName, "Somchai Wongsa", "สมชาย วงศ์ษา"}};
  p.date_of_birth = *cases::ParsePartialDate("2009-04");
  p.claimed_minor = true;
  p.gender = cases::Gender::kMale;
  p.citizenship = {cases::CitizenshipStatus::kKnown, {"TH"}};
  p.residence_permit = cases::ResidencePermit::kNone;
  p.unaccompanied = true;
  p.languages = {"tha"};
  p.documents = {{cases::DocumentType::kPassport, "SYN0001", "TH", CivilDate{2030, 1, 1}}};
  return p;
}

void ExpectSameIdentity(const cases::Person& a, const cases::Person& b) {
  EXPECT_EQ(a.names, b.names);
  EXPECT_EQ(a.date_of_birth, b.date_of_birth);
  EXPECT_EQ(a.claimed_minor, b.claimed_minor);
  EXPECT_EQ(a.gender, b.gender);
  EXPECT_EQ(a.citizenship.status, b.citizenship.status);
  EXPECT_EQ(a.citizenship.countries, b.citizenship.countries);
  EXPECT_EQ(a.residence_permit, b.residence_permit);
  EXPECT_EQ(a.unaccompanied, b.unaccompanied);
  EXPECT_EQ(a.languages, b.languages);
  EXPECT_EQ(a.documents, b.documents);
}

TEST(PersonCodec, IdentityRoundTripsWithEveryResidencePermit) {
  JsonRecordCodec codec;
  for (auto permit : cases::AllResidencePermits()) {
    for (bool unaccompanied : {false, true}) {
      cases::Person in = Full();
      in.residence_permit = permit;
      in.unaccompanied = unaccompanied;
      cases::Person out;
      ASSERT_TRUE(codec.DecodeIdentity(codec.EncodeIdentity(in), out));
      ExpectSameIdentity(in, out);
    }
  }
}

TEST(PersonCodec, ABodySealedBeforeTheNewKeysStillOpens) {
  // Format 1 as written before residence permit and unaccompanied existed.
  const std::string old_body =
      R"({"f":1,"names":[{"k":"name","l":"Ana Popescu","o":""}],"dob":{"date":"1998"},)"
      R"("minor":false,"gender":"female","cit":"known","countries":["RO"],"lang":["ron"],)"
      R"("docs":[]})";
  JsonRecordCodec codec;
  cases::Person out;
  out.residence_permit = cases::ResidencePermit::kHasPermit;  // overwritten by the decode
  out.unaccompanied = true;
  ASSERT_TRUE(codec.DecodeIdentity(old_body, out));
  EXPECT_EQ(out.residence_permit, cases::ResidencePermit::kUnknown);
  EXPECT_FALSE(out.unaccompanied);
  EXPECT_EQ(out.citizenship.countries, std::vector<std::string>{"RO"});
  ASSERT_EQ(out.names.size(), 1u);
  EXPECT_EQ(out.names[0].latin, "Ana Popescu");
}

TEST(PersonCodec, AnUnknownPermitWordIsRefusedNotMisread) {
  JsonRecordCodec codec;
  std::string body = codec.EncodeIdentity(Full());
  auto at = body.find("\"none\"");
  ASSERT_NE(at, std::string::npos);
  body.replace(at, 6, "\"maybe\"");
  cases::Person out;
  auto st = codec.DecodeIdentity(body, out);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace opennrm::storage
