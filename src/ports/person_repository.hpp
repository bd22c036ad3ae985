// Persons as stored (case management). A person belongs to the organisation
// whose case holds them; everything that identifies or describes them is
// sealed under that organisation's data key before it gets here (identity:
// names, date of birth, gender, citizenship, languages, documents; contact
// details apart). In the clear: opaque ids, the pseudonymous code and the
// protection level (lists must leave protected persons out). Used inside a
// UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct PersonRow {
  std::string id;
  std::string organisation_id;
  std::string code;                 // "P-2026-000123", unique
  std::string protection = "none";  // cases::ToString(ProtectionLevel)
  // Sealed at (organisation_id, "persons", "identity" / "contact", id).
  std::string identity_sealed;
  std::string contact_sealed;
  std::optional<std::string> merged_into;
  long long created_at_us = 0;
  long long updated_at_us = 0;
  long long version = 1;
};

// A person's place in a case.
struct CasePersonRow {
  std::string case_id;
  std::string person_id;
  std::string role;  // cases::ToString(PersonRole)
  std::string added_by;
  long long added_at_us = 0;
};

struct CasePerson {
  CasePersonRow link;
  PersonRow person;
};

// A person found by name search, in a case the viewer may read.
struct FoundPerson {
  CasePerson in_case;
  bool viewer_on_team = false;  // else seen by break-glass
  bool exact = false;           // an exact digest of every term (else some only by sound)
};

// The digests of one term of a name query (names::QueryTerm under the
// organisation's key): the exact keys' and the phonetic keys'.
struct NameSearchTerm {
  std::vector<std::string> exact;
  std::vector<std::string> phonetic;
};

// Which persons a name search returns, exact matches first: persons of
// `organisation_id` with a digest of EVERY term in their name index (the
// match rule of names::Match), in a case that `viewer_user_id` is on the team
// of or has opened by break-glass in `viewer_session_id`; never in a role of
// `hidden_roles`; a protected person (protection other than "none") only to
// their case's team.
struct NameSearch {
  std::string organisation_id;
  std::vector<NameSearchTerm> terms;
  std::vector<std::string> hidden_roles;
  std::string viewer_user_id;
  std::string viewer_session_id;
  long long now_us = 0;
  int limit = 200;  // persons
};

class PersonRepository {
 public:
  virtual ~PersonRepository() = default;
  // kConflict if the id or code exists.
  virtual Status Insert(const PersonRow& p) = 0;
  virtual Result<std::optional<PersonRow>> Find(const std::string& id) = 0;
  // Stores `p` if the stored version is `expected_version`; kConflict otherwise.
  virtual Status Update(const PersonRow& p, long long expected_version) = 0;
  // The next number of the year's person codes: atomic across servers.
  virtual Result<long long> NextCodeNumber(int year) = 0;
  // kConflict if the person already is in the case.
  virtual Status AddToCase(const CasePersonRow& link) = 0;
  // The persons of a case with their roles, in the order they were added.
  virtual Result<std::vector<CasePerson>> OfCase(const std::string& case_id) = 0;
  // Replaces the person's name index with `digests`.
  virtual Status IndexNames(const std::string& organisation_id, const std::string& person_id,
                            const std::vector<std::string>& digests) = 0;
  // The persons a name search finds (each once, in one case they are in: a
  // team case before a break-glass one), at most `limit`, exact ones first.
  virtual Result<std::vector<FoundPerson>> FindByName(const NameSearch& search) = 0;
};

}  // namespace opennrm::ports
