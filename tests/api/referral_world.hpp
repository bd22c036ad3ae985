// What the referral API suites share (issue 5): one server with the
// organisations a person is passed between — a municipal social services
// (the sender), a regional coordinator, an NGO shelter, a police region,
// a second municipality, an inactive organisation and one without users —
// each with the users a suite acts as, and the steps the suites repeat: a
// case with a person and their records, a consent, a referral, the
// notifications and audit events to look for. Synthetic data only. A suite
// makes one ReferralWorld in SetUpTestSuite and deletes it in
// TearDownTestSuite. Not thread-safe (one test thread).
#pragma once

#include <string>
#include <vector>

#include "case_fixture.hpp"

namespace opennrm::testing {

class ReferralWorld {
 public:
  ReferralWorld();
  bool ok() const { return ok_; }
  CaseServer& server() { return server_; }

  // Organisations.
  std::string municipality;   // municipal social services: the usual sender
  std::string coordinator;    // regional coordinator
  std::string shelter;        // an NGO shelter
  std::string police;         // a police region (from the seed)
  std::string municipality2;  // another municipal social services
  std::string inactive;       // deactivated after it was made
  std::string paper;          // active, without users: referrals go by other means

  // Users (sessions live as long as the world).
  SessionClient* social = nullptr;     // social worker of `municipality`, makes the cases
  SessionClient* colleague = nullptr;  // social worker of `municipality`, on no team
  SessionClient* auditor = nullptr;    // auditor of `municipality`
  SessionClient* regional = nullptr;   // regional coordinator of `coordinator`
  SessionClient* ngo = nullptr;        // NGO worker of `shelter`
  SessionClient* officer = nullptr;    // police investigator of `police`
  SessionClient* social2 = nullptr;    // social worker of `municipality2`
  std::string social_id, regional_id;

  struct Made {
    std::string case_id, person_id;
  };
  // A case of `by`'s organisation holding one person described by `person`.
  static Made CaseWith(SessionClient& by, const nlohmann::json& person,
                       const std::string& type = "human_exploitation");
  // An adult presumed victim named `name`, with a phone number and languages.
  static nlohmann::json Adult(const std::string& name, const std::string& protection = "none");
  // Records in every section of `m`: a safety plan, the exploitation with its
  // places, a note. Each carries a marker text that the tests look for.
  static void AddRecords(SessionClient& by, const Made& m);

  // A consent of `m`'s person for `recipient`, `purpose` and `sections`,
  // recorded by `by`; its id.
  static std::string Consent(SessionClient& by, const Made& m, const std::string& recipient,
                             const std::string& purpose, const std::vector<std::string>& sections);
  // A referral body.
  static nlohmann::json Referral(const Made& m, const std::string& recipient,
                                 const std::string& purpose,
                                 const std::vector<std::string>& sections, const std::string& basis,
                                 const std::string& consent_id = "");
  // POST /cases/{id}/referrals as `by`.
  static HttpResponse Send(SessionClient& by, const Made& m, const nlohmann::json& body);
  // Sends on a fresh consent (identity and needs_safety by default) to
  // `recipient`; the referral as answered (a test failure when refused).
  static nlohmann::json SendWithConsent(SessionClient& by, const Made& m,
                                        const std::string& recipient, const std::string& purpose,
                                        const std::vector<std::string>& sections = {
                                            "identity", "needs_safety"});

  // POST /referrals/{id}/<step> with `body` plus the version.
  static HttpResponse Step(SessionClient& by, const nlohmann::json& referral,
                           const std::string& step, nlohmann::json body = nlohmann::json::object());

  // How many notifications of `kind` about `subject_id` `who` has.
  static int Notices(SessionClient& who, const std::string& kind, const std::string& subject_id);
  // What a refusal to send from `m` (a case of `by`'s) must leave as it was:
  // the sent list, the timeline, and the inboxes of the recipients.
  std::string Written(SessionClient& by, const Made& m);

 private:
  CaseServer server_;
  bool ok_ = false;
};

}  // namespace opennrm::testing
