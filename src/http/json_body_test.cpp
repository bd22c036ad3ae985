#include "http/json_body.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::http {
namespace {

Request Post(std::string body, std::optional<std::string> content_type = "application/json") {
  Request r;
  r.method = "POST";
  r.path = "/api/v1/organisations";
  if (content_type) r.headers.emplace_back("content-type", *content_type);
  r.body = std::move(body);
  return r;
}

std::string Nested(int levels, const std::string& inner = "") {
  return std::string(static_cast<size_t>(levels), '[') + inner +
         std::string(static_cast<size_t>(levels), ']');
}

std::string FirstRule(const Result<Json>& r) {
  if (r || r.error().fields.empty()) return "";
  return r.error().fields[0].rule;
}

bool Has(const Problems& p, const std::string& field, const std::string& rule) {
  return std::any_of(p.items().begin(), p.items().end(),
                     [&](const FieldProblem& f) { return f.field == field && f.rule == rule; });
}

TEST(ParseJsonObject, AcceptsAnObject) {
  auto j = ParseJsonObject(Post(R"({"name":"Kvinnojouren i Kiruna","active":true})"));
  ASSERT_TRUE(j) << j.error().message;
  EXPECT_EQ((*j)["name"], "Kvinnojouren i Kiruna");
}

TEST(ParseJsonObject, ContentTypeMustBeJson) {
  for (std::optional<std::string> ct : std::initializer_list<std::optional<std::string>>{
           std::nullopt, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
           "application/jsonp", "application/json; charset=iso-8859-1", ""}) {
    auto r = ParseJsonObject(Post("{}", ct));
    ASSERT_FALSE(r) << ct.value_or("<none>");
    EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedMedia) << ct.value_or("<none>");
  }
}

TEST(ParseJsonObject, CharsetUtf8AndCaseVariantsAreFine) {
  for (const char* ct : {"application/json; charset=utf-8", "application/json;charset=UTF-8",
                         "Application/JSON", "application/json ; charset=utf-8"}) {
    EXPECT_TRUE(ParseJsonObject(Post("{}", std::string(ct)))) << ct;
  }
}

TEST(ParseJsonObject, EmptyBodyIsMalformed) {
  auto r = ParseJsonObject(Post(""));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
  EXPECT_EQ(FirstRule(r), "required");
}

TEST(ParseJsonObject, TruncatedOrInvalidJsonIsMalformed) {
  for (const char* body : {"{", R"({"name":)", R"({"name":"Kiruna)", R"({"a":1,})", "{'a':1}",
                           "{} {}", R"({"a":NaN})", "   "}) {
    auto r = ParseJsonObject(Post(body));
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << body;
  }
}

TEST(ParseJsonObject, InvalidUtf8InsideAStringIsMalformed) {
  for (const char* body : {"{\"name\":\"Malm\xF6\"}",      // Latin-1
                           "{\"name\":\"\xC3\"}",          // truncated
                           "{\"name\":\"\xED\xA0\x80\"}",  // surrogate
                           "{\"name\":\"\xC0\xAF\"}"}) {   // overlong
    auto r = ParseJsonObject(Post(body));
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
    EXPECT_EQ(FirstRule(r), "json_syntax");
  }
  EXPECT_TRUE(ParseJsonObject(Post("{\"name\":\"Malm\xC3\xB6\"}")));
}

TEST(ParseJsonObject, TopLevelMustBeAnObject) {
  for (const char* body : {"[]", "[{\"name\":\"x\"}]", "\"text\"", "42", "null", "true"}) {
    auto r = ParseJsonObject(Post(body));
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << body;
    EXPECT_EQ(FirstRule(r), "type") << body;
  }
}

TEST(ParseJsonObject, ModerateNestingIsAccepted) {
  // An object holding arrays nested ten deep.
  EXPECT_TRUE(ParseJsonObject(Post("{\"a\":" + Nested(9, "1") + "}")));
  EXPECT_TRUE(ParseJsonObject(Post("{\"a\":" + Nested(9) + "}")));
  // 32 levels in all (the object and 31 arrays) is the limit.
  EXPECT_TRUE(ParseJsonObject(Post("{\"a\":" + Nested(31) + "}")));
}

TEST(ParseJsonObject, ThirtyThreeLevelsAreRejectedAsTooDeep) {
  // The object and 32 arrays: 33 levels, whatever the innermost array holds.
  for (const std::string& inner : {std::string("1"), std::string("")}) {
    auto r = ParseJsonObject(Post("{\"a\":" + Nested(32, inner) + "}"));
    EXPECT_FALSE(r) << "inner '" << inner << "'";
    EXPECT_EQ(FirstRule(r), "max_depth") << "inner '" << inner << "'";
  }
  // 33 bare arrays are too deep before they are the wrong type.
  EXPECT_EQ(FirstRule(ParseJsonObject(Post(Nested(33)))), "max_depth");
}

TEST(ParseJsonObject, DeepNestingDoesNotCrash) {
  auto r = ParseJsonObject(Post("{\"a\":" + Nested(100000) + "}"));
  ASSERT_FALSE(r);
  EXPECT_EQ(FirstRule(r), "max_depth");
}

TEST(ObjectReader, ReadsTypedFields) {
  Json j = Json::parse(R"({"name":"Jour","places":6,"active":false,"langs":["swe","rom"]})");
  Problems p;
  ObjectReader r(j, "", p);
  EXPECT_EQ(r.String("name"), "Jour");
  EXPECT_EQ(r.Integer("places"), 6);
  EXPECT_EQ(r.Bool("active"), false);
  EXPECT_EQ(r.Strings("langs"), (std::vector<std::string>{"swe", "rom"}));
  EXPECT_FALSE(r.String("absent"));
  r.RejectUnknown();
  EXPECT_TRUE(p.empty());
}

TEST(ObjectReader, MissingRequiredFieldIsNamedWithItsPath) {
  Json j = Json::object();
  Problems p;
  ObjectReader r(j, "contact", p);
  EXPECT_FALSE(r.String("email", true));
  EXPECT_FALSE(r.String("phone"));
  ASSERT_EQ(p.items().size(), 1u);
  EXPECT_TRUE(Has(p, "contact.email", "required"));
}

TEST(ObjectReader, WrongTypesAreNamed) {
  Json j = Json::parse(
      R"({"name":42,"places":"6","ratio":1.5,"active":"yes","langs":"swe","codes":["01",2],"c":[]})");
  Problems p;
  ObjectReader r(j, "", p);
  EXPECT_FALSE(r.String("name"));
  EXPECT_FALSE(r.Integer("places"));
  EXPECT_FALSE(r.Integer("ratio"));
  EXPECT_FALSE(r.Bool("active"));
  EXPECT_FALSE(r.Strings("langs"));
  auto codes = r.Strings("codes");
  EXPECT_FALSE(r.Object("c"));
  EXPECT_TRUE(Has(p, "name", "type"));
  EXPECT_TRUE(Has(p, "places", "type"));
  EXPECT_TRUE(Has(p, "ratio", "type"));
  EXPECT_TRUE(Has(p, "active", "type"));
  EXPECT_TRUE(Has(p, "langs", "type"));
  EXPECT_TRUE(Has(p, "codes[1]", "type"));
  EXPECT_TRUE(Has(p, "c", "type"));
  ASSERT_TRUE(codes);
  EXPECT_EQ(*codes, (std::vector<std::string>{"01"}));
}

TEST(ObjectReader, NullIsAWrongTypeUnlessNullable) {
  Json j = Json::parse(R"({"name":null,"occupancy":null})");
  Problems p;
  ObjectReader r(j, "", p);
  EXPECT_TRUE(r.IsNull("name"));
  EXPECT_FALSE(r.String("name"));
  EXPECT_EQ(r.Object("occupancy", false, true), nullptr);
  EXPECT_TRUE(Has(p, "name", "type"));
  EXPECT_FALSE(Has(p, "occupancy", "type"));
}

TEST(ObjectReader, IntegersBeyondJavaScriptSafeRangeAreRejected) {
  Json j = Json::parse(R"({"a":9007199254740991,"b":9007199254740992,"c":-5})");
  Problems p;
  ObjectReader r(j, "", p);
  EXPECT_EQ(r.Integer("a"), 9007199254740991LL);
  EXPECT_FALSE(r.Integer("b"));
  EXPECT_EQ(r.Integer("c"), -5);
  EXPECT_TRUE(Has(p, "b", "range"));
}

// The safe range is symmetric: -(2^53) and below lose precision in a browser
// just as 2^53 and above do.
TEST(ObjectReader, NegativeIntegersBeyondSafeRangeAreRejectedToo) {
  Json j = Json::parse(R"({"a":-9007199254740991,"b":-9007199254740993})");
  Problems p;
  ObjectReader r(j, "", p);
  EXPECT_EQ(r.Integer("a"), -9007199254740991LL);
  EXPECT_FALSE(r.Integer("b"));
  EXPECT_TRUE(Has(p, "b", "range"));
}

TEST(ObjectReader, UnknownFieldsAreReportedWithTheirPath) {
  Json j = Json::parse(R"({"email":"a@b.se","fax":"08-1","pager":"1"})");
  Problems p;
  ObjectReader r(j, "contact", p);
  r.String("email");
  r.RejectUnknown();
  ASSERT_EQ(p.items().size(), 2u);
  EXPECT_TRUE(Has(p, "contact.fax", "unknown_field"));
  EXPECT_TRUE(Has(p, "contact.pager", "unknown_field"));
  EXPECT_EQ(r.Path("x"), "contact.x");
}

}  // namespace
}  // namespace opennrm::http
