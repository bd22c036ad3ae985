// The public call-back request (issue 6 point 6): POST
// /api/v1/public/callback-requests without login or CSRF token lands in the
// national unit's queue as a new consultation; too large (413), too frequent
// per client address (429 with Retry-After) and invalid (422 naming the
// field) requests store nothing; the receipt echoes nothing. Synthetic data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "case_fixture.hpp"
#include "raw_database.hpp"
#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

const char* const kPath = "/api/v1/public/callback-requests";

json Valid(const std::string& name = "Testa Återuppringning") {
  return {{"name", name},
          {"organisation", "Socialtjänsten i Exempelby"},
          {"phone", "08-123 456 78"},
          {"topic", "suspected_trafficking"},
          {"message_language", "sv"}};
}

// A request with no cookie and no CSRF token; `from` goes in X-Forwarded-For.
HttpResponse Send(int port, const std::string& body, const std::string& from = "") {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!from.empty()) headers.emplace_back("X-Forwarded-For", from);
  return Request(port, "POST", kPath, body, "application/json", headers);
}

long long Count(const ServerProcess& server) {
  RawDatabase db(server);
  EXPECT_TRUE(db.ok()) << db.error();
  return std::stoll(
      db.Scalar("SELECT COUNT(*) FROM consultations WHERE channel = 'web_request'").value_or("-1"));
}

// A server whose limit is out of the way, with an operator of the seeded national unit.
class CallbackApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<CaseServer>(
        "[hotline]\ncallback_per_address_per_hour = 1000\ncallback_max_bytes = 1024\n");
    ASSERT_TRUE(server_->ok());
    auto seeded = server_->admin().Get("/api/v1/organisations?limit=5&kind=national_unit");
    ASSERT_EQ(seeded.status, 200) << seeded.body;
    ASSERT_FALSE(seeded.Json()["items"].empty());
    unit_ = seeded.Json()["items"][0]["id"];
    auto* unit_admin =
        server_->NewUser(server_->admin(), unit_, "cb-admin", "organisation_administrator");
    ASSERT_NE(unit_admin, nullptr);
    operator_ = server_->NewUser(*unit_admin, unit_, "cb-operator", "hotline_operator");
    ASSERT_NE(operator_, nullptr);
  }
  static void TearDownTestSuite() { server_.reset(); }
  static int port() { return server_->server().port(); }
  static const ServerProcess& process() { return server_->server(); }

  static inline std::unique_ptr<CaseServer> server_;
  static inline std::string unit_;
  static inline SessionClient* operator_ = nullptr;
};

TEST_F(CallbackApi, LandsInTheNationalUnitsQueueAndEchoesNothing) {
  long long before = Count(process());
  auto r = Send(port(), Valid("Testa Kölandning").dump());
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.Json(), json({{"received", true}}));
  EXPECT_EQ(r.body.find("Kölandning"), std::string::npos);
  EXPECT_EQ(r.body.find("Exempelby"), std::string::npos);
  EXPECT_EQ(Count(process()), before + 1);

  RawDatabase db(process());
  auto rows = db.Query(
      "SELECT id, code, organisation_id, status, created_by, urgency, topic, language, "
      "assigned_to, identity_basis, "
      "CASE WHEN respond_by_us >= received_at_us THEN 'yes' ELSE 'no' END, body_sealed "
      "FROM consultations WHERE channel = 'web_request' ORDER BY created_at_us DESC LIMIT 1");
  ASSERT_TRUE(rows && rows->size() == 1) << db.error();
  const auto& row = rows->front();
  std::string id = row[0];
  EXPECT_TRUE(row[1].rfind("KON-", 0) == 0 && row[1].size() == 15) << row[1];
  EXPECT_EQ(row[2], unit_);
  EXPECT_EQ(row[3], "new");
  EXPECT_EQ(row[4], "");
  EXPECT_EQ(row[5], "normal");
  EXPECT_EQ(row[6], "suspected_trafficking");
  EXPECT_EQ(row[7], "swe");
  EXPECT_EQ(row[8], "");
  EXPECT_EQ(row[9], "none");
  EXPECT_EQ(row[10], "yes");
  // The caller's details are sealed, not stored in the clear.
  EXPECT_EQ(row[11].find("Kölandning"), std::string::npos);

  // The operators see it among the new ones, with the caller to call back.
  auto queue = operator_->Get("/api/v1/consultations?view=new");
  ASSERT_EQ(queue.status, 200) << queue.body;
  json found;
  const json listed = queue.Json();
  for (const auto& item : listed["items"]) {
    if (item["id"] == id) found = item;
  }
  ASSERT_FALSE(found.is_null()) << id << " " << queue.body;
  EXPECT_EQ(found["channel"], "web_request");
  EXPECT_EQ(found["status"], "new");
  EXPECT_TRUE(found["assigned_to"].is_null());
  auto one = operator_->Get(std::string("/api/v1/consultations/") + id);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Json()["caller"]["name"], "Testa Kölandning");
  EXPECT_EQ(one.Json()["caller"]["organisation_name"], "Socialtjänsten i Exempelby");
  EXPECT_EQ(one.Json()["caller"]["phone"], "08-123 456 78");
  EXPECT_TRUE(one.Json()["created_by"].is_null());
}

TEST_F(CallbackApi, InvalidRequestsNameTheFieldAndStoreNothing) {
  long long before = Count(process());
  struct Case {
    json body;
    std::string field;
    std::string rule;
  };
  std::vector<Case> cases;
  for (const char* field : {"name", "organisation", "phone", "topic"}) {
    json b = Valid();
    b.erase(field);
    cases.push_back({b, field, "required"});
    json blank = Valid();
    blank[field] = "";
    cases.push_back({blank, field, "required"});
  }
  json b = Valid();
  b["phone"] = "ring mig";
  cases.push_back({b, "phone", "characters"});
  b = Valid();
  b["phone"] = "12345";
  cases.push_back({b, "phone", "format"});
  b = Valid();
  b["topic"] = "shoe_repair";
  cases.push_back({b, "topic", "unknown_code"});
  b = Valid();
  b["message_language"] = "fi";
  cases.push_back({b, "message_language", "unknown_code"});
  b = Valid();
  b["name"] = std::string(201, 'a');
  cases.push_back({b, "name", "too_long"});
  b = Valid();
  b["organisation"] = "Socialtjänsten\nPersonen heter";
  cases.push_back({b, "organisation", "characters"});
  b = Valid();
  b["phone"] = 812345678;
  cases.push_back({b, "phone", "type"});
  // No member for a third person exists: one is refused, not ignored.
  b = Valid();
  b["person_name"] = "Någon Annan";
  cases.push_back({b, "person_name", "unknown_field"});
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body.dump());
    auto r = Send(port(), c.body.dump());
    ExpectProblem(r, 422, c.field, c.rule);
    EXPECT_EQ(r.body.find("Någon Annan"), std::string::npos);
  }
  ExpectProblem(Send(port(), "{\"name\":"), 400, "body");
  auto r = Request(port(), "POST", kPath, Valid().dump(), "text/plain");
  EXPECT_EQ(r.status, 415) << r.body;
  EXPECT_EQ(Count(process()), before);
}

TEST_F(CallbackApi, RefusesABodyOverTheConfiguredSize) {
  long long before = Count(process());
  json b = Valid();
  b["organisation"] = std::string(1100, 'x');
  ExpectProblem(Send(port(), b.dump()), 413, "body", "max_size");
  // Just under the limit is read (and refused for its length, not its size).
  b["organisation"] = std::string(800, 'x');
  ExpectProblem(Send(port(), b.dump()), 422, "organisation", "too_long");
  EXPECT_EQ(Count(process()), before);
}

TEST_F(CallbackApi, NeedsNoCsrfTokenEvenWithASession) {
  // A signed-in browser sends its cookie along; the form still needs no token.
  auto r = Request(port(), "POST", kPath, Valid().dump(), "application/json",
                   {{"Cookie", "__Host-opennrm-session=not-a-session"}});
  EXPECT_EQ(r.status, 202) << r.body;
}

// A server that believes X-Forwarded-For from 127.0.0.1, with a limit of 2 an hour.
class CallbackLimitApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>("[hotline]\ncallback_per_address_per_hour = 2\n", "",
                                              "", ServerProcess::Ready::kHttp,
                                              "trusted_proxies = \"127.0.0.1\"\n");
    ASSERT_TRUE(server_->Started()) << server_->Log();
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->Terminate(), 0) << server_->Log();
    }
    server_.reset();
  }
  static inline std::unique_ptr<ServerProcess> server_;
};

TEST_F(CallbackLimitApi, RefusesTheThirdRequestOfAnAddressWithinTheHour) {
  long long before = Count(*server_);
  EXPECT_EQ(Send(server_->port(), Valid().dump(), "192.0.2.10").status, 202);
  EXPECT_EQ(Send(server_->port(), Valid().dump(), "192.0.2.10").status, 202);
  auto r = Send(server_->port(), Valid().dump(), "192.0.2.10");
  ExpectProblem(r, 429);
  EXPECT_EQ(r.Json()["type"], "https://opennrm.org/problems/too-many-requests");
  std::string retry = r.Header("retry-after");
  ASSERT_FALSE(retry.empty());
  EXPECT_GE(std::stoi(retry), 3500);
  EXPECT_LE(std::stoi(retry), 3600);
  EXPECT_EQ(Count(*server_), before + 2);
  // Another address has a count of its own.
  EXPECT_EQ(Send(server_->port(), Valid().dump(), "192.0.2.11").status, 202);
  EXPECT_EQ(Count(*server_), before + 3);
}

TEST_F(CallbackLimitApi, InvalidRequestsCountToo) {
  json bad = Valid();
  bad.erase("phone");
  ExpectProblem(Send(server_->port(), bad.dump(), "198.51.100.7"), 422, "phone", "required");
  ExpectProblem(Send(server_->port(), bad.dump(), "198.51.100.7"), 422, "phone", "required");
  long long before = Count(*server_);
  ExpectProblem(Send(server_->port(), Valid().dump(), "198.51.100.7"), 429);
  EXPECT_EQ(Count(*server_), before);
}

// Without a trusted proxy, X-Forwarded-For is not believed: every request is 127.0.0.1's.
TEST(CallbackProxyApi, AForwardedForHeaderFromAnUntrustedPeerIsIgnored) {
  ServerProcess server("[hotline]\ncallback_per_address_per_hour = 1\n");
  ASSERT_TRUE(server.Started()) << server.Log();
  EXPECT_EQ(Send(server.port(), Valid().dump(), "192.0.2.1").status, 202);
  ExpectProblem(Send(server.port(), Valid().dump(), "192.0.2.2"), 429);
  EXPECT_EQ(Count(server), 1);
  EXPECT_EQ(server.Terminate(), 0) << server.Log();
}

}  // namespace
}  // namespace opennrm::testing
