#include "case_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace opennrm::testing {

std::string UtcDay(int days) {
  using namespace std::chrono;
  const auto d = floor<std::chrono::days>(system_clock::now()) + std::chrono::days(days);
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

using nlohmann::json;

CaseServer::CaseServer(const std::string& extra_toml)
    : server_(std::make_unique<ServerProcess>(extra_toml)) {
  EXPECT_TRUE(server_->Started()) << server_->Log();
  if (!server_->Started()) return;
  admin_ = std::make_unique<SessionClient>(server_->port());
  auto signed_in = admin_->SignIn("admin", FirstAdminPassword(*server_), TestPassword("admin"));
  EXPECT_EQ(signed_in, "");
  ok_ = signed_in.empty();
}

CaseServer::~CaseServer() {
  // Sessions before the server they talk to.
  sessions_.clear();
  admin_.reset();
  server_.reset();
}

json CaseServer::MunicipalityCoverage(const std::string& code) {
  return json{{"scope", "municipalities"}, {"codes", {code}}};
}

std::string CaseServer::NewOrganisation(const std::string& name, const std::string& kind,
                                        const json& coverage) {
  auto r = admin_->Post("/api/v1/organisations",
                        json{{"name", name}, {"kind", kind}, {"coverage", coverage}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
}

SessionClient* CaseServer::NewUser(SessionClient& by, const std::string& organisation_id,
                                   const std::string& username, const std::string& role,
                                   std::string* id) {
  auto r = by.Post("/api/v1/users", json{{"organisation_id", organisation_id},
                                         {"username", username},
                                         {"display_name", "Test " + username},
                                         {"roles", {role}}}
                                        .dump());
  EXPECT_EQ(r.status, 201) << r.body;
  auto session = std::make_unique<SessionClient>(server_->port());
  if (r.status == 201) {
    if (id) *id = r.Json()["user"]["id"];
    EXPECT_EQ(session->SignIn(username, r.Json()["one_time_password"], TestPassword(username)), "");
  }
  sessions_.push_back(std::move(session));
  return sessions_.back().get();
}

std::string CaseServer::NewCase(SessionClient& by, const std::string& type) {
  auto r = by.Post("/api/v1/cases", json{{"type", type}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
}

std::string CaseServer::NewPerson(SessionClient& by, const std::string& case_id, const json& body) {
  auto r = by.Post("/api/v1/cases/" + case_id + "/persons", body.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
}

std::vector<std::pair<std::string, std::string>> ProblemsOf(const HttpResponse& r) {
  std::vector<std::pair<std::string, std::string>> out;
  if (r.status != 422) return out;
  const json errors = r.Json()["errors"];
  for (const auto& e : errors) out.emplace_back(e["field"], e["rule"]);
  return out;
}

bool Refused(const HttpResponse& r, const std::string& field, const std::string& rule) {
  auto all = ProblemsOf(r);
  return std::find(all.begin(), all.end(), std::pair{field, rule}) != all.end();
}

}  // namespace opennrm::testing
