#include "http/lanes.hpp"

namespace opennrm::http {

namespace {

constexpr const char* kArgon2 = "hashes a password with Argon2id";
constexpr const char* kDocument = "builds a document";
constexpr const char* kFile = "moves an encrypted file";
constexpr const char* kPackage = "seals or opens a referral package";
constexpr const char* kStatistics = "aggregates statistics";
constexpr const char* kWholeLog = "reads the whole audit log";

}  // namespace

const std::vector<SlowRoute>& SlowRoutes() {
  static const std::vector<SlowRoute> kRoutes{
      {"POST", "/api/v1/session", kArgon2},
      {"POST", "/api/v1/session/password", kArgon2},
      {"POST", "/api/v1/users", kArgon2},
      {"POST", "/api/v1/users/{id}/password-reset", kArgon2},
      {"GET", "/api/v1/cases/{id}/export", kDocument},
      {"GET", "/api/v1/referrals/{id}/summary.pdf", kDocument},
      {"POST", "/api/v1/cases/{id}/attachments", kFile},
      {"GET", "/api/v1/cases/{id}/attachments/{attachment_id}", kFile},
      {"POST", "/api/v1/cases/{id}/referrals", kPackage},
      {"POST", "/api/v1/consultations/{id}/referrals", kPackage},
      {"GET", "/api/v1/referrals/{id}/package", kPackage},
      {"POST", "/api/v1/referrals/{id}/accept", kPackage},
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/merge", "merges two persons' records"},
      {"GET", "/api/v1/statistics/annual-report", kStatistics},
      {"GET", "/api/v1/statistics/annual-report.csv", kStatistics},
      {"GET", "/api/v1/statistics/annual-report.json", kStatistics},
      {"GET", "/api/v1/statistics/eu", kStatistics},
      {"GET", "/api/v1/statistics/eu.csv", kStatistics},
      {"GET", "/api/v1/statistics/tables/{id}", kStatistics},
      {"GET", "/api/v1/statistics/own", kStatistics},
      {"GET", "/api/v1/statistics/hotline", kStatistics},
      {"GET", "/api/v1/statistics/hotline/own", kStatistics},
      {"GET", "/api/v1/statistics/indicators", kStatistics},
      {"POST", "/api/v1/statistics/publications", kStatistics},
      {"POST", "/api/v1/statistics/crime-figures", "imports a file of figures"},
      {"GET", "/api/v1/audit/events", "filters the whole audit log"},
      {"GET", "/api/v1/audit/proofs/inclusion", kWholeLog},
      {"GET", "/api/v1/audit/proofs/consistency", kWholeLog},
      {"POST", "/api/v1/admin/hotline/routing-rules/reload", "reads and checks a rules file"},
  };
  return kRoutes;
}

std::vector<std::string> AssignLanes(Router& router) {
  std::vector<std::string> missing;
  for (const auto& r : SlowRoutes()) {
    if (!router.SetLane(r.method, r.pattern, Lane::kSlow)) {
      missing.push_back(std::string(r.method) + " " + r.pattern);
    }
  }
  return missing;
}

}  // namespace opennrm::http
