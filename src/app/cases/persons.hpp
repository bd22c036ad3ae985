// Persons in a case (case management): adding a person with their role and
// identity, and reading the persons of a case. Identity and contact details
// are sealed under the case's organisation's key; reading them is audited
// with the sections read (identity, contact). Thread-safe: every call opens
// its own units of work.
#pragma once

#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/cases/person.hpp"
#include "domain/cases/person_role.hpp"

namespace opennrm::app {

struct NewCasePerson {
  std::string role;      // cases::ToString(PersonRole)
  cases::Person person;  // id, organisation, code and merge history are set here
};

struct CasePersonView {
  cases::Person person;  // identity and contact opened
  cases::PersonRole role = cases::PersonRole::kPresumedVictim;
  std::string code;  // "P-2026-000123"
  std::string added_by;
  long long added_at_us = 0;
  long long version = 1;
};

// Adds a new person to a case the caller is on the team of. kInvalid naming
// the field and rule (role: "unknown_code", "suspect_needs_authority",
// "buyer_needs_authority"; the person's own fields as cases::CheckPerson);
// kNotFound when the caller may not see the case; kForbidden for a
// break-glass reader, and for roles that may not handle suspects or buyers.
Result<CasePersonView> AddCasePerson(const Context& ctx, const Caller& caller,
                                     const std::string& case_id, const NewCasePerson& input,
                                     const ClientInfo& client);

// The persons of a case, with identity and contact, for whoever may read the
// case; suspects and buyers only for roles that may handle them.
Result<std::vector<CasePersonView>> ListCasePersons(const Context& ctx, const Caller& caller,
                                                    const std::string& case_id,
                                                    const ClientInfo& client);

struct PersonMerge {
  std::string duplicate_person_id;           // merged into the kept person, then read-only
  long long expected_version = 0;            // the kept person's, as the caller read it
  long long duplicate_expected_version = 0;  // the duplicate's, as the caller read it
};

// Merges a duplicate record into `person_id`, both in the case (see
// docs/cases.md): the kept record gains the duplicate's names, documents and
// the like; the duplicate stays readable, read-only, with merged_into; the
// statistics count the person once. kInvalid naming "duplicate_person_id"
// or "person_id" with "not_in_case", "merge_same_person", "already_merged",
// "merge_different_roles" or "assumed_identity_never_merged"; kConflict on
// a stale version of either; kNotFound / kForbidden as for AddCasePerson.
Result<CasePersonView> MergePersons(const Context& ctx, const Caller& caller,
                                    const std::string& case_id, const std::string& person_id,
                                    const PersonMerge& input, const ClientInfo& client);

struct CasePersonUpdate {
  std::string role;                // "" or the person's current role (a role is not changed here)
  cases::Person person;            // identity, contact and protection replacing the stored ones
  long long expected_version = 0;  // the person's, as the caller read it
};

// Corrects a person of the case (see docs/cases.md, "Correcting a person"):
// replaces identity, contact and protection, re-indexes the names, refreshes
// the statistics row and, when protection is raised, forgets the case's
// geography (case_internal::ForgetCaseGeography). kInvalid naming the field
// and rule as AddCasePerson ("role"/"fixed" for another role), "person_id"/
// "person_merged" for a merged record, "protection"/
// "assumed_identity_needs_new_record" for a change to or from an assumed
// identity; kConflict on a stale version; kNotFound / kForbidden as for
// AddCasePerson. Nothing changed: nothing written, the person as stored.
Result<CasePersonView> UpdateCasePerson(const Context& ctx, const Caller& caller,
                                        const std::string& case_id, const std::string& person_id,
                                        const CasePersonUpdate& input, const ClientInfo& client);

struct PersonSearch {
  std::string name;  // any spelling, any script
  int limit = 20;    // 1..50
};

struct FoundPersonView {
  CasePersonView person;  // contact details left out
  std::string case_id;    // a case the caller may read that holds the person
  bool exact = false;     // every word matched as written (else by sound)
};

// Persons of the caller's organisation whose names match `name` — in cases
// the caller may read; protected persons only for their case's team —
// through the blind index (the name is never stored or logged). Exact
// matches first. kInvalid naming "name" or "limit".
Result<std::vector<FoundPersonView>> SearchPersons(const Context& ctx, const Caller& caller,
                                                   const PersonSearch& search,
                                                   const ClientInfo& client);

}  // namespace opennrm::app
