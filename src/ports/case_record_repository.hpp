// The records of a case kept as sealed versions (case management): the
// person's voice and safety (wishes, safety plan, conversations, consents),
// the assessment (indicators, presumed-victim assessment) and the
// exploitation the case concerns. Every save is a new row: a version of a
// record kept once per case and person (a safety plan) supersedes the one
// before it, which stays; records kept as a list (wishes) are only added to.
// Nothing here is updated in place except the pointer to the superseding
// version. Bodies are sealed under the case's organisation's key before they
// get here; in the clear: ids, the kind, who and when.
//
// Beside the sealed exploitation record, plaintext index rows (forms and
// places) serve list filters and statistics; municipality codes are left out
// by the use case while a person in the case has protected identity.
// Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/cases/conversation.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/cases/places.hpp"

namespace opennrm::ports {

struct CaseRecordRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;  // the case's controller, whose key seals the body
  std::string person_id;        // "" for a record about the case as a whole
  std::string kind;  // "indicators", "safety_plan", "wish", ... (see app/cases/records.hpp)
  // Sealed at (organisation_id, "case_records", "body", id).
  std::string body_sealed;
  std::string recorded_by;  // user id
  long long recorded_at_us = 0;
  std::optional<std::string> superseded_by;  // the version that replaced this one
};

// A form of exploitation of a case, in the clear for filters and statistics.
struct CaseFormRow {
  std::string form;    // cases::ToString(ExploitationForm)
  std::string sector;  // cases::ToString(LabourSector) for labour; "" otherwise
  bool operator==(const CaseFormRow&) const = default;
};

// A place of a case, in the clear for filters and statistics.
struct CasePlaceRow {
  std::string kind;  // "municipality", "recruitment", "transit", "exploitation"
  std::string code;  // SCB municipality code or ISO 3166-1 alpha-2 country code
  bool operator==(const CasePlaceRow&) const = default;
};

// The body of a sealed exploitation record: what the case concerns.
struct ExploitationBody {
  std::vector<cases::Exploitation> forms;
  cases::Places places;
  cases::Period period;
};

// The body of a sealed consent record: how it was taken, and the answer.
struct ConsentBody {
  cases::ConsentTaking taking;
  bool given = false;  // false: the person declined
};

class CaseRecordRepository {
 public:
  virtual ~CaseRecordRepository() = default;
  // Adds `record` beside the others of its kind (a list: wishes, conversations).
  virtual Status Add(const CaseRecordRow& record) = 0;
  // Adds `record` as the current version of its kind for its case and
  // person; the version current until now gets superseded_by = record.id.
  virtual Status Supersede(const CaseRecordRow& record) = 0;
  // Every version of one kind for one case and person ("" = case-wide),
  // oldest first.
  virtual Result<std::vector<CaseRecordRow>> Versions(const std::string& case_id,
                                                      const std::string& person_id,
                                                      const std::string& kind) = 0;
  // Replaces the case's plaintext forms and places index rows.
  virtual Status IndexExploitation(const std::string& case_id,
                                   const std::vector<CaseFormRow>& forms,
                                   const std::vector<CasePlaceRow>& places) = 0;
  // Drops the case's municipality index rows (when a person in it becomes
  // protected); countries stay.
  virtual Status ForgetMunicipalities(const std::string& case_id) = 0;
  // The case's index rows, in a stable order (form, sector / kind, code).
  virtual Result<std::vector<CaseFormRow>> Forms(const std::string& case_id) = 0;
  virtual Result<std::vector<CasePlaceRow>> Places(const std::string& case_id) = 0;
};

}  // namespace opennrm::ports
