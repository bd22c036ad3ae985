#include "http/message.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

TEST(DecodePath, PlainPathIsUnchanged) {
  EXPECT_EQ(DecodePath("/api/v1/organisations"), "/api/v1/organisations");
  EXPECT_EQ(DecodePath(""), "");
  EXPECT_EQ(DecodePath("/a+b"), "/a+b");  // '+' is only a space in query strings
}

TEST(DecodePath, DecodesEscapesInEitherCase) {
  EXPECT_EQ(DecodePath("/geo/municipalities/%C3%96rebro"), "/geo/municipalities/Örebro");
  EXPECT_EQ(DecodePath("/%c3%a5"), "/å");
  EXPECT_EQ(DecodePath("/%C3%A5"), "/å");
  EXPECT_EQ(DecodePath("/a%20b"), "/a b");
  EXPECT_EQ(DecodePath("/100%25"), "/100%");
  EXPECT_EQ(DecodePath("%41"), "A");  // an escape at the very end
}

TEST(DecodePath, EncodedSlashIsRefused) {
  // Decoded, it would become a path separator: /organisations/x%2Fdeactivate
  // must not reach the deactivate route.
  EXPECT_FALSE(DecodePath("/a%2Fb").has_value());
  EXPECT_FALSE(DecodePath("/a%2fb").has_value());
  EXPECT_FALSE(DecodePath("/organisations/x%2fdeactivate").has_value());
}

TEST(DecodePath, MalformedEscapesAreRejected) {
  for (const char* raw : {"/%zz", "/%4", "/%", "/a%G1", "/%1g", "/%%41", "/x%4/", "/%-1"}) {
    EXPECT_FALSE(DecodePath(raw)) << raw;
  }
}

TEST(DecodePath, EncodedNulIsRejected) {
  EXPECT_FALSE(DecodePath("/a%00b"));
  EXPECT_FALSE(DecodePath("%00"));
  EXPECT_EQ(DecodePath("/a%01b"), std::string("/a\x01"
                                              "b"));  // only NUL is refused here
}

TEST(DecodePath, DoesNotDecodeTwice) { EXPECT_EQ(DecodePath("/%252F"), "/%2F"); }

TEST(Request, QueryReturnsTheFirstValue) {
  Request r;
  r.query = {{"county", "25"}, {"q", "kir"}, {"county", "18"}};
  EXPECT_EQ(r.Query("county"), "25");
  EXPECT_EQ(r.Query("q"), "kir");
  EXPECT_FALSE(r.Query("Q"));
  EXPECT_FALSE(r.Query("missing"));
}

TEST(Request, HeaderLooksUpLowerCaseNames) {
  Request r;
  r.headers = {{"content-type", "application/json"}, {"x-request-id", "abc"}};
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(r.Header("x-request-id"), "abc");
  EXPECT_FALSE(r.Header("accept"));
}

TEST(Response, DefaultsToJson200) {
  Response r;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
}

}  // namespace
}  // namespace opennrm::http

namespace opennrm::http {
namespace {

TEST(IntQuery, ReadsIntegersAndNamesTypeAndRangeProblems) {
  Request r;
  r.query = {{"limit", "20"}, {"offset", "x1"}, {"page", "0"}, {"huge", "99999999999999999999"}};
  Problems p;
  EXPECT_EQ(r.IntQuery("limit", 50, 1, 200, p), 20);
  EXPECT_EQ(r.IntQuery("absent", 50, 1, 200, p), 50);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(r.IntQuery("offset", 0, 0, 100, p), 0);
  EXPECT_EQ(r.IntQuery("page", 1, 1, 10, p), 1);
  EXPECT_EQ(r.IntQuery("huge", 7, 1, 10, p), 7);
  ASSERT_EQ(p.items().size(), 3u);
  EXPECT_EQ(p.items()[0].field, "offset");
  EXPECT_EQ(p.items()[0].rule, "type");
  EXPECT_EQ(p.items()[1].field, "page");
  EXPECT_EQ(p.items()[1].rule, "range");
  EXPECT_EQ(p.items()[2].rule, "type");
}

TEST(ListQuery, GivesTheItemsOfACommaSeparatedValueWithoutEmptyOnes) {
  Request r;
  r.query = {{"status", "sent,,accepted,"}, {"one", "x"}, {"none", ""}};
  EXPECT_EQ(r.ListQuery("status"), (std::vector<std::string>{"sent", "accepted"}));
  EXPECT_EQ(r.ListQuery("one"), (std::vector<std::string>{"x"}));
  EXPECT_TRUE(r.ListQuery("none").empty());
  EXPECT_TRUE(r.ListQuery("absent").empty());
}

TEST(BoolQuery, ReadsTrueAndFalseAndNamesAnythingElse) {
  Request r;
  r.query = {{"a", "true"}, {"b", "false"}, {"c", "yes"}};
  Problems p;
  EXPECT_TRUE(r.BoolQuery("a", p));
  EXPECT_FALSE(r.BoolQuery("b", p));
  EXPECT_FALSE(r.BoolQuery("absent", p));
  EXPECT_TRUE(p.empty());
  EXPECT_FALSE(r.BoolQuery("c", p));
  ASSERT_EQ(p.items().size(), 1u);
  EXPECT_EQ(p.items()[0].field, "c");
  EXPECT_EQ(p.items()[0].rule, "enum");
}

TEST(DateQuery, ReadsADayOrFallsBackAndNamesABadOne) {
  Request r;
  r.query = {{"on", "2025-07-01"}, {"bad", "2025-02-30"}};
  Problems p;
  const CivilDate today{2026, 11, 29};
  EXPECT_EQ(r.DateQuery("on", today, p), (CivilDate{2025, 7, 1}));
  EXPECT_EQ(r.DateQuery("absent", today, p), today);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(r.DateQuery("bad", today, p), today);
  ASSERT_EQ(p.items().size(), 1u);
  EXPECT_EQ(p.items()[0].field, "bad");
  EXPECT_EQ(p.items()[0].rule, "format");
}

}  // namespace
}  // namespace opennrm::http
