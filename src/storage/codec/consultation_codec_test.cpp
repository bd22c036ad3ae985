// A consultation's sealed body survives the codec with every field, in a
// compact versioned form; bytes it did not write are refused with kInternal
// rather than read as an empty body. Synthetic data only.
#include "storage/codec/consultation_codec.hpp"

#include <gtest/gtest.h>

namespace opennrm::storage {
namespace {

ports::ConsultationBody Full() {
  ports::ConsultationBody b;
  b.caller = {"org-soc-2480",   "Socialtjänsten Umeå", "socialsekreterare",
              "Testa Testsson", "+46 70-000 00 00",    "testa@example.invalid"};
  b.situation = "En person beskriver arbete utan lön.\nRad två med \"citat\" och \\.";
  b.identity.name = "Ana Exempel";
  b.identity.date_of_birth = CivilDate{1999, 12, 31};
  b.identity.phone = "+40 700 000 000";
  b.identity.email = "ana@example.invalid";
  b.advice = "Kontakta regional samordnare.";
  b.overrides = {{"org-shelter-1", true, "Har plats i dag"}, {"org-police-n", false, "Vill ej"}};
  return b;
}

void ExpectSame(const ports::ConsultationBody& a, const ports::ConsultationBody& b) {
  EXPECT_EQ(a.caller.organisation_id, b.caller.organisation_id);
  EXPECT_EQ(a.caller.organisation_name, b.caller.organisation_name);
  EXPECT_EQ(a.caller.role, b.caller.role);
  EXPECT_EQ(a.caller.name, b.caller.name);
  EXPECT_EQ(a.caller.phone, b.caller.phone);
  EXPECT_EQ(a.caller.email, b.caller.email);
  EXPECT_EQ(a.situation, b.situation);
  EXPECT_EQ(a.identity.name, b.identity.name);
  EXPECT_EQ(a.identity.date_of_birth, b.identity.date_of_birth);
  EXPECT_EQ(a.identity.phone, b.identity.phone);
  EXPECT_EQ(a.identity.email, b.identity.email);
  EXPECT_EQ(a.advice, b.advice);
  ASSERT_EQ(a.overrides.size(), b.overrides.size());
  for (size_t i = 0; i < a.overrides.size(); ++i) {
    EXPECT_EQ(a.overrides[i].organisation_id, b.overrides[i].organisation_id);
    EXPECT_EQ(a.overrides[i].added, b.overrides[i].added);
    EXPECT_EQ(a.overrides[i].reason, b.overrides[i].reason);
  }
}

TEST(ConsultationCodec, EveryFieldRoundTrips) {
  JsonConsultationCodec codec;
  const auto in = Full();
  auto out = codec.DecodeBody(codec.EncodeBody(in));
  ASSERT_TRUE(out) << out.error().message;
  ExpectSame(in, *out);
}

TEST(ConsultationCodec, AnEmptyBodyRoundTripsWithoutADateOfBirth) {
  JsonConsultationCodec codec;
  ports::ConsultationBody in;
  const std::string bytes = codec.EncodeBody(in);
  EXPECT_EQ(bytes, R"({"a":"","c":{"e":"","n":"","o":"","on":"","p":"","r":""},)"
                   R"("i":{"d":null,"e":"","n":"","p":""},"o":[],"s":"","v":1})");
  auto out = codec.DecodeBody(bytes);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_FALSE(out->identity.date_of_birth);
  EXPECT_TRUE(out->overrides.empty());
}

TEST(ConsultationCodec, TextThatIsNotUtf8IsReplacedNotAFailure) {
  JsonConsultationCodec codec;
  ports::ConsultationBody in;
  in.situation = "bad \xff byte";
  auto out = codec.DecodeBody(codec.EncodeBody(in));
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->situation, "bad \xef\xbf\xbd byte");  // U+FFFD
}

TEST(ConsultationCodec, RefusesBytesItDidNotWrite) {
  JsonConsultationCodec codec;
  const std::string good = codec.EncodeBody(Full());
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
  };
  const std::vector<std::string> bad{
      "",
      "not json",
      "[]",
      "{}",
      replaced(R"("v":1)", R"("v":2)"),                        // another version
      replaced(R"("v":1)", R"("v":"1")"),                      // a version of the wrong type
      replaced(R"("v":1)", R"("v":1,"x":0)"),                  // an unknown key
      replaced(R"("s":)", R"("situation":)"),                  // a missing key
      replaced(R"("d":"1999-12-31")", R"("d":"1999-02-30")"),  // an invalid date
      replaced(R"("d":"1999-12-31")", R"("d":19991231)"),      // a date of the wrong type
      replaced(R"("a":true)", R"("a":"yes")"),                 // a flag of the wrong type
      replaced(R"("a":"Kontakta)", R"("a":["Kontakta"],"z":"Kontakta)"),
      replaced(R"("o":[)", R"("o":[[[[[]]]],)"),  // nesting deeper than a body
  };
  for (const auto& bytes : bad) {
    auto out = codec.DecodeBody(bytes);
    ASSERT_FALSE(out) << bytes;
    EXPECT_EQ(out.error().code, ErrorCode::kInternal) << bytes;
  }
}

}  // namespace
}  // namespace opennrm::storage
