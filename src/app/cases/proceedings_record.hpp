// A case's criminal-proceedings record (case management, issue item 7):
// police report numbers, offences as dated versions, the preliminary
// investigation and who leads it, the prosecution decision, judgments with
// sentences, appeals, and the victims' status as injured party. Offence
// data: only a case owned by a public authority holds it, and only roles
// that handle offence data read or write it. Every saved version is kept,
// sealed; saving one records the proceedings facts its content implies
// (police_report_recorded, indictment_filed, ...), so the proceedings track
// can move. Thread-safe: every call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/cases/proceedings.hpp"

namespace opennrm::app {

struct ProceedingsVersionView {
  long long version = 0;
  std::string recorded_by;
  long long recorded_at_us = 0;
};

struct ProceedingsView {
  std::string case_id;
  long long version = 0;  // 0: nothing recorded yet (and `body` is empty)
  cases::Proceedings body;
  std::string recorded_by;
  long long recorded_at_us = 0;
  std::vector<ProceedingsVersionView> versions;  // every saved version, oldest first
};

// The newest version of the record. kInvalid "proceedings"
// proceedings_need_authority when the owner is no public authority;
// kForbidden for roles that do not handle offence data; kNotFound as ReadCase.
Result<ProceedingsView> ReadProceedings(const Context& ctx, const Caller& caller,
                                        const std::string& case_id, const ClientInfo& client);

struct ProceedingsInput {
  cases::Proceedings body;
  // The version the caller edited (0: none yet); kConflict when another
  // version was saved since. Nullopt: save over whatever is newest.
  std::optional<long long> expected_version;
};

// Saves a new version (the team only). kInvalid naming each field and rule
// of cases::CheckProceedings, "case" case_closed; kConflict as above.
Result<ProceedingsView> RecordProceedings(const Context& ctx, const Caller& caller,
                                          const std::string& case_id, const ProceedingsInput& input,
                                          const ClientInfo& client);

}  // namespace opennrm::app
