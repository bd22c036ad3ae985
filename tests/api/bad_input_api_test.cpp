// Every malformed request gets a 4xx problem naming what is wrong, nothing
// is written, and the server stays up.
#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class BadInputApi : public ApiTest {
 protected:
  static long long Count() {
    return Get("/api/v1/organisations?active=all&limit=1").Json()["total"].get<long long>();
  }
  static json Valid() {
    return json{{"name", "Stödcentrum Test"},
                {"kind", "ngo_shelter"},
                {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}};
  }
};

TEST_F(BadInputApi, ValidationProblemsNameTheFieldAndWriteNothing) {
  long long before = Count();
  json unknown_municipality = Valid();
  unknown_municipality["coverage"]["codes"] = {"0180", "9999"};
  ExpectProblem(Post("/api/v1/organisations", unknown_municipality.dump()), 422,
                "coverage.codes[1]", "unknown_code");
  json bad_email = Valid();
  bad_email["contact"] = {{"email", "kontakt(at)exempel.se"}};
  ExpectProblem(Post("/api/v1/organisations", bad_email.dump()), 422, "contact.email", "format");
  json empty_name = Valid();
  empty_name["name"] = "   ";
  ExpectProblem(Post("/api/v1/organisations", empty_name.dump()), 422, "name", "required");
  json several = Valid();
  several["name"] = "";
  several["kind"] = "bank";
  several["services"] = {"massage"};
  several["languages"] = {"xx"};
  several["occupancy"] = {{"occupied", 1}, {"reported_on", "2999-01-01"}};
  auto r = Post("/api/v1/organisations", several.dump());
  ExpectProblem(r, 422, "name");
  ExpectProblem(r, 422, "kind", "enum");
  ExpectProblem(r, 422, "services[0]", "unknown_code");
  ExpectProblem(r, 422, "languages[0]", "unknown_code");
  ExpectProblem(r, 422, "occupancy.reported_on");
  EXPECT_EQ(Count(), before);
}

TEST_F(BadInputApi, MalformedBodies) {
  long long before = Count();
  std::string valid = Valid().dump();
  ExpectProblem(Post("/api/v1/organisations", valid.substr(0, valid.size() / 2)), 400, "body",
                "json_syntax");
  ExpectProblem(Post("/api/v1/organisations", "{\"name\":\"\xff\xfe\",\"kind\":\"ngo_shelter\"}"),
                400, "body");
  std::string deep(200, '[');
  deep += std::string(200, ']');
  ExpectProblem(Post("/api/v1/organisations", "{\"a\":" + deep + "}"), 400, "body", "max_depth");
  ExpectProblem(Post("/api/v1/organisations", "[1,2,3]"), 400, "body", "type");
  ExpectProblem(Post("/api/v1/organisations", ""), 400, "body", "required");
  json unknown = Valid();
  unknown["owner"] = "me";
  unknown["contact"] = {{"fax", "123"}};
  auto r = Post("/api/v1/organisations", unknown.dump());
  ExpectProblem(r, 422, "owner", "unknown_field");
  ExpectProblem(r, 422, "contact.fax", "unknown_field");
  json types = Valid();
  types["name"] = 42;
  types["active"] = "yes";
  types["capacity"] = {{{"gender", "women"}, {"age_group", "adults"}, {"places", "six"}}};
  r = Post("/api/v1/organisations", types.dump());
  ExpectProblem(r, 422, "name", "type");
  ExpectProblem(r, 422, "active", "type");
  ExpectProblem(r, 422, "capacity[0].places", "type");
  ExpectProblem(admin_->Call("POST", "/api/v1/organisations", valid, {}, "text/plain"), 415,
                "Content-Type");
  ExpectProblem(
      admin_->Call("POST", "/api/v1/organisations", valid, {}, "application/json; charset=latin1"),
      415);
  EXPECT_EQ(Count(), before);
}

TEST_F(BadInputApi, OversizedBodyAndHeaders) {
  long long before = Count();
  std::string big = "{\"name\":\"" + std::string(1024 * 1024, 'a') + "\"}";
  ExpectProblem(Post("/api/v1/organisations", big), 413, "body", "max_size");
  auto r = Request(port(), "GET", "/api/v1/geo/counties", "", "",
                   {{"X-Padding", std::string(10000, 'x')}, {"X-More", std::string(8000, 'y')}});
  ExpectProblem(r, 431);
  EXPECT_EQ(Count(), before);
}

TEST_F(BadInputApi, UnknownRoutesMethodsAndEncodings) {
  ExpectProblem(Get("/api/v1/nothing-here"), 404);
  ExpectProblem(Get("/healthz/extra"), 404);
  ExpectProblem(Get("/missing.js"), 404);
  auto wrong = Request(port(), "DELETE", "/api/v1/geo/counties");
  ExpectProblem(wrong, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET");
  ExpectProblem(Get("/api/v1/geo/municipalities/%zz"), 400, "url");
  ExpectProblem(Get("/api/v1/geo/municipalities/01%0080"), 400);
}

TEST_F(BadInputApi, ServerSurvivesGarbage) {
  for (const std::string& raw :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
        std::string("\x00\x01\x02\r\n\r\n", 7),
        std::string("POST /api/v1/organisations HTTP/1.1\r\nContent-Length: -5\r\n\r\n")}) {
    Connection c(port());
    c.SendRaw(raw);
    c.Read(std::chrono::seconds(2));
  }
  EXPECT_EQ(Get("/healthz").status, 200);
}

TEST_F(BadInputApi, EveryResponseCarriesSecurityHeadersAndARequestId) {
  for (const auto& r : {Get("/healthz"), Get("/api/v1/geo/counties"), Get("/api/v1/nothing"),
                        Get("/"), Get("/organisations/some/client/route")}) {
    EXPECT_NE(r.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
    EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(r.Header("content-security-policy").find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.Header("referrer-policy"), "no-referrer");
    EXPECT_EQ(r.Header("x-request-id").size(), 32u);
  }
  EXPECT_EQ(Get("/api/v1/geo/counties").Header("cache-control"), "no-store");
  auto echoed = Request(port(), "GET", "/healthz", "", "", {{"X-Request-Id", "trace-abc-123"}});
  EXPECT_EQ(echoed.Header("x-request-id"), "trace-abc-123");
  auto unsafe = Request(port(), "GET", "/healthz", "", "", {{"X-Request-Id", "bad id\"<>"}});
  EXPECT_EQ(unsafe.Header("x-request-id").size(), 32u);
}

TEST_F(BadInputApi, MetricsCountRequestsPerRouteAndShowThePool) {
  Get("/api/v1/geo/counties");
  Get("/api/v1/no/such/route");
  auto m = Get("/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(
      m.body.find(
          R"(opennrm_http_requests_total{route="/api/v1/geo/counties",method="GET",status="200"})"),
      std::string::npos);
  EXPECT_NE(
      m.body.find(
          R"(opennrm_http_request_duration_seconds_bucket{route="/api/v1/geo/counties",le="+Inf"})"),
      std::string::npos);
  EXPECT_NE(m.body.find("opennrm_db_pool_connections{dialect=\"sqlite\",state=\"idle\"}"),
            std::string::npos);
  // Unknown paths share one label, so a scan cannot blow up the metric's cardinality.
  EXPECT_NE(m.body.find(R"(route="unmatched",method="GET",status="404")"), std::string::npos);
  EXPECT_EQ(m.body.find("no/such/route"), std::string::npos);
  EXPECT_EQ(Get("/readyz").Json()["database"], "sqlite");
}

TEST_F(BadInputApi, LogsHoldNoPersonalData) {
  json probe = Valid();
  probe["name"] = "Loggkontroll Ångström";
  probe["protected_address"] = "Kanariefågelvägen 7";
  ASSERT_EQ(Post("/api/v1/organisations", probe.dump()).status, 201);
  Get("/api/v1/organisations?q=Loggkontroll");
  std::string log = server_->Log();
  EXPECT_EQ(log.find("Loggkontroll"), std::string::npos);
  EXPECT_EQ(log.find("Kanariefågelvägen"), std::string::npos);
  EXPECT_NE(log.find(R"("route":"/api/v1/organisations")"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::testing
