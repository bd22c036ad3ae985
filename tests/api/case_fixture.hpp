// What the case-management API suites share: a running server with the first
// administrator signed in, and the steps each suite repeats to set up its
// world — an organisation, its users signed in with their own password, a
// case, a person in it — and to check a refusal. A suite makes one
// CaseServer in SetUpTestSuite and deletes it in TearDownTestSuite; the
// sessions it makes live as long as it does. Not thread-safe (one test thread).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing {

// Today's UTC date moved by `days`, as YYYY-MM-DD. Stockholm's date is the
// UTC date or the next day, so tests check days left within one day.
std::string UtcDay(int days);

class CaseServer {
 public:
  // Starts a server (with `extra_toml` in its configuration) and signs the
  // first administrator in; ok() says whether both worked.
  explicit CaseServer(const std::string& extra_toml = "");
  ~CaseServer();
  CaseServer(const CaseServer&) = delete;
  CaseServer& operator=(const CaseServer&) = delete;

  bool ok() const { return ok_; }
  ServerProcess& server() { return *server_; }
  SessionClient& admin() { return *admin_; }

  // A new organisation of `kind` covering `coverage` (the API's coverage
  // object; by default the municipality 0180). Its id; "" and a test failure
  // when refused.
  std::string NewOrganisation(const std::string& name, const std::string& kind,
                              const nlohmann::json& coverage = MunicipalityCoverage("0180"));
  static nlohmann::json MunicipalityCoverage(const std::string& code);

  // A user of `organisation_id` with one `role`, made by `by` and signed in
  // (first password changed); the session lives as long as this server.
  // `id`, if given, receives the user's id.
  SessionClient* NewUser(SessionClient& by, const std::string& organisation_id,
                         const std::string& username, const std::string& role,
                         std::string* id = nullptr);

  // A new case of `type` kept by `by`'s organisation; "" and a test failure
  // when refused.
  static std::string NewCase(SessionClient& by,
                             const std::string& type = "trafficking_in_human_beings");
  // Adds the person described by `body` (the API's request: role, names,
  // ...) to `case_id`; the person's id; "" and a test failure when refused.
  static std::string NewPerson(SessionClient& by, const std::string& case_id,
                               const nlohmann::json& body);

 private:
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<SessionClient> admin_;
  std::vector<std::unique_ptr<SessionClient>> sessions_;
  bool ok_ = false;
};

// The (field, rule) pairs of a 422 problem; empty for any other response.
std::vector<std::pair<std::string, std::string>> ProblemsOf(const HttpResponse& r);

// Whether `r` is a 422 problem naming `field` with `rule`.
bool Refused(const HttpResponse& r, const std::string& field, const std::string& rule);

}  // namespace opennrm::testing
