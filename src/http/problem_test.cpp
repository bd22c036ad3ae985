#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace opennrm::http {
namespace {

using Json = nlohmann::json;

Request At(std::string path) {
  Request r;
  r.method = "POST";
  r.path = std::move(path);
  r.request_id = "req-7f3a";
  return r;
}

TEST(StatusOf, EveryErrorCodeHasItsStatus) {
  EXPECT_EQ(StatusOf(ErrorCode::kInvalid), 422);
  EXPECT_EQ(StatusOf(ErrorCode::kMalformed), 400);
  EXPECT_EQ(StatusOf(ErrorCode::kNotFound), 404);
  EXPECT_EQ(StatusOf(ErrorCode::kConflict), 409);
  EXPECT_EQ(StatusOf(ErrorCode::kTooLarge), 413);
  EXPECT_EQ(StatusOf(ErrorCode::kUnsupportedMedia), 415);
  EXPECT_EQ(StatusOf(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(StatusOf(ErrorCode::kInternal), 500);
}

TEST(ProblemResponse, StatusMatchesTheCodeForEveryErrorCode) {
  const std::pair<ErrorCode, const char*> kTypes[] = {
      {ErrorCode::kInvalid, "validation"},
      {ErrorCode::kMalformed, "malformed"},
      {ErrorCode::kNotFound, "not-found"},
      {ErrorCode::kConflict, "conflict"},
      {ErrorCode::kTooLarge, "too-large"},
      {ErrorCode::kUnsupportedMedia, "unsupported-media-type"},
      {ErrorCode::kUnavailable, "unavailable"},
      {ErrorCode::kInternal, "internal"}};
  for (const auto& [code, slug] : kTypes) {
    Response r = ProblemResponse(Error{code, "something", {}}, At("/api/v1/x"));
    EXPECT_EQ(r.status, StatusOf(code)) << slug;
    EXPECT_EQ(r.content_type, "application/problem+json");
    Json body = Json::parse(r.body);
    EXPECT_EQ(body["status"], r.status) << slug;
    EXPECT_EQ(body["type"], std::string("https://opennrm.org/problems/") + slug);
    EXPECT_FALSE(body["title"].get<std::string>().empty()) << slug;
  }
}

TEST(ProblemResponse, BodyHasEveryMemberAndNamesTheFields) {
  Error e{ErrorCode::kInvalid,
          "The request breaks one or more rules.",
          {{"name", "required", "The name must not be empty."},
           {"coverage.codes[0]", "unknown_code", "'9999' is not a known municipality code."}}};
  Response r = ProblemResponse(e, At("/api/v1/organisations"));
  EXPECT_EQ(r.status, 422);
  Json body = Json::parse(r.body);
  for (const char* key :
       {"type", "title", "status", "detail", "instance", "request_id", "errors"}) {
    EXPECT_TRUE(body.contains(key)) << key;
  }
  EXPECT_EQ(body["detail"], "The request breaks one or more rules.");
  EXPECT_EQ(body["instance"], "/api/v1/organisations");
  EXPECT_EQ(body["request_id"], "req-7f3a");
  ASSERT_EQ(body["errors"].size(), 2u);
  EXPECT_EQ(body["errors"][1]["field"], "coverage.codes[0]");
  EXPECT_EQ(body["errors"][1]["rule"], "unknown_code");
  EXPECT_EQ(body["errors"][1]["detail"], "'9999' is not a known municipality code.");
}

TEST(ProblemResponse, ErrorsIsAnEmptyArrayWhenNoFields) {
  Response r = ProblemResponse(Error{ErrorCode::kNotFound, "No such organisation.", {}}, At("/x"));
  Json body = Json::parse(r.body);
  ASSERT_TRUE(body["errors"].is_array());
  EXPECT_TRUE(body["errors"].empty());
  EXPECT_EQ(body["detail"], "No such organisation.");
}

TEST(ProblemResponse, InternalErrorsDoNotLeakTheirCause) {
  Error e{ErrorCode::kInternal,
          "sqlite: no such table organisations (/var/lib/opennrm/opennrm.db)",
          {}};
  Response r = ProblemResponse(e, At("/api/v1/organisations"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("sqlite"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("/var/lib"), std::string::npos) << r.body;
  Json body = Json::parse(r.body);
  EXPECT_EQ(body["request_id"], "req-7f3a");  // so support can find the log line
}

TEST(ProblemResponse, ExplicitStatusAndSlug) {
  Response r = ProblemResponse(405, "method-not-allowed", "Method not allowed.",
                               "DELETE is not allowed here; use GET.", At("/api/v1/geo/counties"),
                               {{"method", "allowed", "GET"}});
  EXPECT_EQ(r.status, 405);
  Json body = Json::parse(r.body);
  EXPECT_EQ(body["type"], "https://opennrm.org/problems/method-not-allowed");
  EXPECT_EQ(body["errors"][0]["detail"], "GET");
}

TEST(ProblemResponse, InvalidUtf8InAMessageStillGivesValidJson) {
  // A path or message echoing client bytes must not break the problem body.
  Response r = ProblemResponse(Error{ErrorCode::kNotFound, "No \xFF here", {}}, At("/x\xC3"));
  EXPECT_TRUE(Json::accept(r.body)) << r.body;
}

}  // namespace
}  // namespace opennrm::http
