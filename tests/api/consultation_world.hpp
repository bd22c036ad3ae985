// What the consultation API suites share (issue 6): one server with the
// seeded national unit and its hotline operators, a second national unit,
// a regional coordinator covering Stockholm (0180), a municipality, and the
// users each suite acts as; and the steps the suites repeat. Synthetic data
// only. A suite makes one ConsultationWorld in SetUpTestSuite and deletes
// it in TearDownTestSuite. Not thread-safe (one test thread).
#pragma once

#include <string>
#include <vector>

#include "case_fixture.hpp"

namespace opennrm::testing {

class ConsultationWorld {
 public:
  ConsultationWorld();
  bool ok() const { return ok_; }
  CaseServer& server() { return server_; }

  // Organisations.
  std::string unit;          // the seeded national unit
  std::string unit2;         // a second national unit
  std::string coordinator;   // a regional coordinator covering 0180
  std::string municipality;  // municipal social services

  // Users (sessions live as long as the world).
  SessionClient* operator1 = nullptr;     // hotline operator of `unit`
  SessionClient* operator2 = nullptr;     // hotline operator of `unit`
  SessionClient* statistician = nullptr;  // of `unit`: no hotline role
  SessionClient* auditor = nullptr;       // auditor of `unit`
  SessionClient* other_unit = nullptr;    // hotline operator of `unit2`
  SessionClient* regional = nullptr;      // regional coordinator of `coordinator`
  SessionClient* social = nullptr;        // social worker of `municipality`
  std::string operator1_id, operator2_id, statistician_id;

  // An anonymous consultation about Stockholm from `municipality`'s social services.
  nlohmann::json Anonymous(const std::string& situation = "En man arbetar utan lön.") const;
  // POST /consultations as `by`; the consultation (a test failure unless 201).
  static nlohmann::json Create(SessionClient& by, const nlohmann::json& body);
  // The body of PUT /consultations/{id} from a consultation as answered.
  static nlohmann::json AsUpdate(const nlohmann::json& consultation);

  // How many notifications of `kind` about `subject_id` `who` has, and their details.
  static std::vector<nlohmann::json> Notices(SessionClient& who, const std::string& kind,
                                             const std::string& subject_id);

 private:
  CaseServer server_;
  bool ok_ = false;
};

}  // namespace opennrm::testing
