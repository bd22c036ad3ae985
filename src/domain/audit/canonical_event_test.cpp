#include "domain/audit/canonical_event.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace opennrm::audit {
namespace {

Event Sample() {
  Event e;
  e.at_us = 1764374400123456;
  e.actor_user_id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  e.organisation_id = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  e.roles = {"social_worker"};
  e.action = "case.read";
  e.outcome = "allowed";
  e.objects = {{"case",
                "c0ffee00c0ffee00c0ffee00c0ffee00",
                "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                {"identity", "narrative"}}};
  e.purpose = "assignment";
  e.request_id = "req-1";
  return e;
}

constexpr std::string_view kSampleBytes =
    R"({"action":"case.read","actor_token_id":"","actor_user_id":"0f1e2d3c4b5a69788796a5b4c3d2e1f0",)"
    R"("at_us":1764374400123456,"objects":[{"id":"c0ffee00c0ffee00c0ffee00c0ffee00",)"
    R"("organisation_id":"a1b2c3d4e5f60718293a4b5c6d7e8f90","sections":["identity","narrative"],)"
    R"("type":"case"}],"organisation_id":"a1b2c3d4e5f60718293a4b5c6d7e8f90","outcome":"allowed",)"
    R"("purpose":"assignment","reason_id":"","request_id":"req-1","roles":["social_worker"],"v":1})";

bool SameEvent(const Event& a, const Event& b) { return *EncodeEvent(a) == *EncodeEvent(b); }

TEST(CanonicalEvent, EncodesTheDocumentedLayoutExactly) {
  auto bytes = EncodeEvent(Sample());
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(*bytes, kSampleBytes);
}

// Every object's keys appear in byte order (RFC 8785), at both levels.
TEST(CanonicalEvent, KeysAreSorted) {
  std::string bytes = *EncodeEvent(Sample());
  std::vector<std::vector<std::string>> levels(3);
  int depth = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '{') ++depth;
    if (bytes[i] == '}') --depth;
    if (bytes[i] == '"' && i > 0 && (bytes[i - 1] == '{' || bytes[i - 1] == ',')) {
      size_t end = bytes.find('"', i + 1);
      if (bytes[end + 1] == ':') levels[depth].push_back(bytes.substr(i + 1, end - i - 1));
    }
  }
  ASSERT_EQ(levels[1].size(), 12u);
  EXPECT_TRUE(std::is_sorted(levels[1].begin(), levels[1].end()));
  ASSERT_EQ(levels[2].size(), 4u);
  EXPECT_TRUE(std::is_sorted(levels[2].begin(), levels[2].end()));
}

TEST(CanonicalEvent, RoundTripsEveryCharacterClass) {
  Event e = Sample();
  e.reason_id = std::string("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f", 14) + "åäö ∑ 😀 \u2028";
  e.request_id = std::string("nul\0inside", 10);
  e.objects.push_back({"session", "", "", {}});
  e.roles.clear();
  e.at_us = -5;
  auto bytes = EncodeEvent(e);
  ASSERT_TRUE(bytes);
  EXPECT_NE(bytes->find(R"(q\"b\\s/\b\f\n\r\t\u0001\u001f)"), std::string::npos) << *bytes;
  EXPECT_NE(bytes->find(R"(nul\u0000inside)"), std::string::npos);
  auto back = DecodeEvent(*bytes);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_TRUE(SameEvent(*back, e));
  EXPECT_EQ(back->reason_id, e.reason_id);
  EXPECT_EQ(back->request_id, e.request_id);
  EXPECT_EQ(back->objects.size(), 2u);
  EXPECT_EQ(back->at_us, -5);
}

TEST(CanonicalEvent, AnyChangedFieldChangesTheBytes) {
  const std::string base = *EncodeEvent(Sample());
  std::vector<Event> variants(12, Sample());
  variants[0].at_us += 1;
  variants[1].actor_user_id = "";
  variants[2].actor_token_id = "t";
  variants[3].organisation_id += "0";
  variants[4].roles.push_back("auditor");
  variants[5].action = "case.update";
  variants[6].outcome = "denied";
  variants[7].objects[0].sections.pop_back();
  variants[8].objects[0].organisation_id = "";
  variants[9].purpose = "break_glass";
  variants[10].reason_id = "r";
  variants[11].request_id = "req-2";
  for (size_t i = 0; i < variants.size(); ++i) {
    EXPECT_NE(*EncodeEvent(variants[i]), base) << "variant " << i;
  }
  // An element moved between arrays is not the same event.
  Event a = Sample();
  a.roles = {"a,b"};
  Event b = Sample();
  b.roles = {"a", "b"};
  EXPECT_NE(*EncodeEvent(a), *EncodeEvent(b));
}

TEST(CanonicalEvent, RefusesEventsItCannotEncodeFaithfully) {
  Event e = Sample();
  e.action = "";
  auto empty = EncodeEvent(e);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields.at(0).field, "action");
  e = Sample();
  e.objects[0].sections[1] = "\xff";
  auto bad = EncodeEvent(e);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().fields.at(0).field, "objects[0].sections[1]");
  e = Sample();
  e.reason_id = std::string(kMaxEventFieldBytes, 'a');
  EXPECT_TRUE(EncodeEvent(e)) << "an id of the largest size";
  e.reason_id.push_back('a');
  auto text = EncodeEvent(e);
  ASSERT_FALSE(text) << "free text is not an id";
  EXPECT_EQ(text.error().fields.at(0).field, "reason_id");
  EXPECT_EQ(text.error().fields.at(0).rule, "id_or_code");
}

TEST(CanonicalEvent, DecodesOnlyTheCanonicalSpelling) {
  const std::string good(kSampleBytes);
  ASSERT_TRUE(DecodeEvent(good));
  auto replace = [&](std::string_view from, std::string_view to) {
    std::string s = good;
    size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
    return s;
  };
  const std::vector<std::string> bad = {
      "",
      good + " ",
      good + "{}",
      " " + good,
      replace(R"("action":"case.read")", R"("action": "case.read")"),
      replace(R"("outcome":"allowed")", R"("outcome":"\u0061llowed")"),
      replace(R"("outcome":"allowed")", R"("outcome":"allowed\/")"),
      replace(R"("at_us":1764374400123456)", R"("at_us":01764374400123456)"),
      replace(R"("at_us":1764374400123456)", R"("at_us":1764374400123456.0)"),
      replace(R"("at_us":1764374400123456)", R"("at_us":"1764374400123456")"),
      replace(R"("v":1)", R"("v":2)"),
      replace(R"("reason_id":"",)", ""),
      replace(R"("reason_id":"",)", R"("reason_id":"","reason_text":"",)"),
      replace(R"("purpose":"assignment","reason_id":"")",
              R"("reason_id":"","purpose":"assignment")"),
      replace(R"("roles":["social_worker"])", R"("roles":["social_worker",])"),
      replace(R"("roles":["social_worker"])", R"("roles":"social_worker")"),
      replace("social_worker", "social\xc3\x28worker"),
      replace("social_worker", "social\xed\xa0\x80worker"),  // a surrogate
      replace("social_worker", std::string("social\nworker")),
  };
  for (const auto& b : bad) {
    auto decoded = DecodeEvent(b);
    EXPECT_FALSE(decoded) << b;
    if (!decoded) {
      EXPECT_EQ(decoded.error().code, ErrorCode::kInvalid);
    }
  }
}

TEST(CanonicalEvent, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("Örnsköldsvik"));
  EXPECT_TRUE(IsValidUtf8("\xf4\x8f\xbf\xbf"));   // U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xe0\x80\xaf"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xbf\xbf"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("abc\xe2\x82"));       // truncated
  EXPECT_FALSE(IsValidUtf8("\x80"));
}

}  // namespace
}  // namespace opennrm::audit
