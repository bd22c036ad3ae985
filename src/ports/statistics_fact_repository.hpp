// De-identified statistics facts (case management, issue 4 item 10): one
// plaintext row per presumed victim in a case, kept current at every change
// so that statistics aggregate without opening sealed records. A row holds
// categories and codes only — never anything that names or locates a person
// (see docs/security.md). Used inside a UnitOfWork.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

// What a row records about the person: fixed when the person is added.
struct VictimCategoriesRow {
  std::string case_id;
  std::string person_id;
  std::string organisation_id;
  std::string organisation_kind;    // orgs::ToString(Kind)
  std::string recorded_on;          // ISO date (Stockholm) the person was added
  std::string gender;               // stats::ToString(GenderCategory)
  std::string age_group;            // stats::ToString(AgeGroup)
  std::string citizenship_group;    // stats::ToString(CitizenshipGroup)
  std::string citizenship_country;  // ISO alpha-2; "" when unknown or protected
  bool is_protected = false;
};

// What a row records about the case: refreshed at every change of the case.
struct CaseFactsRow {
  std::string case_type;
  std::vector<std::string> forms;    // sorted
  std::vector<std::string> sectors;  // sorted
  std::string police_region;         // "" when unknown or any person is protected
  std::string county;
  // [track, step, ISO date] in the order reached.
  std::vector<std::vector<std::string>> steps;
  // [rule id, status, starts_on, ends_on] ("" for a date not set).
  std::vector<std::vector<std::string>> clocks;
  std::string status = "open";
  std::string outcome;    // the closure reason once closed
  std::string closed_on;  // ISO date once closed
  long long updated_at_us = 0;
};

struct StatisticsFactRow {
  VictimCategoriesRow person;
  CaseFactsRow facts;
};

// Where a page of ChangedSince ended: the last row's key.
struct StatisticsFactCursor {
  long long updated_at_us = 0;
  std::string case_id;
  std::string person_id;
};

// A row that was removed (RemoveVictim), so a copy in memory forgets it.
struct StatisticsFactRemoval {
  std::string case_id;
  std::string person_id;
  std::string organisation_id;
  long long removed_at_us = 0;
};

class StatisticsFactRepository {
 public:
  virtual ~StatisticsFactRepository() = default;
  // Adds the row of a presumed victim, with the case's facts as given.
  virtual Status AddVictim(const VictimCategoriesRow& person, const CaseFactsRow& facts) = 0;
  // Sets the case facts of every row of the case.
  virtual Status UpdateCase(const std::string& case_id, const CaseFactsRow& facts) = 0;
  // The rows of a case, by person id.
  virtual Result<std::vector<StatisticsFactRow>> OfCase(const std::string& case_id) = 0;
  // Marks the row of `person_id` in the case protected and forgets its
  // citizenship country (protection given after the row was written); no
  // row, nothing done.
  virtual Status MarkProtected(const std::string& case_id, const std::string& person_id) = 0;
  // Removes the row of `person_id` in the case, if any (a person merged into
  // another is no longer counted on their own), and records the removal at
  // `removed_at_us` (RemovedSince). Does not change updated_at_us of other
  // rows; MarkProtected does not either: its callers refresh the case.
  virtual Status RemoveVictim(const std::string& case_id, const std::string& person_id,
                              long long removed_at_us) = 0;
  // Up to `limit` rows with updated_at_us >= since_us, ordered by
  // (updated_at_us, case_id, person_id), after `after` when given (keyset
  // paging: pass the last row's key to read the next page).
  virtual Result<std::vector<StatisticsFactRow>> ChangedSince(
      long long since_us, size_t limit, const std::optional<StatisticsFactCursor>& after) = 0;
  // The removals recorded at or after since_us, oldest first.
  virtual Result<std::vector<StatisticsFactRemoval>> RemovedSince(long long since_us) = 0;
  // Deletes the removals recorded before `before_us`; returns how many. A
  // copy in memory that last read removals before then must load again
  // (app/statistics/fact_cache.hpp).
  virtual Result<long long> PruneRemovals(long long before_us) = 0;
};

}  // namespace opennrm::ports
