// Statistics rows (ports::StatisticsFactRow) decoded to facts
// (domain/stats/fact.hpp): words become dictionary codes, the steps and
// clocks of a case become bits and flags:
// - police report: the proceedings track reached any step ("reported" is
//   where it starts, so any later step means a report was made);
// - reflection period and residence permit (a clock with rule
//   "reflection_period", or whose rule starts with "residence_permit"):
//   APPLIED for whatever its status, except "withdrawn" (an application
//   withdrawn and a clock opened in error cannot be told apart, so neither
//   counts); GRANTED when its status is "running", "ended" or "revoked" (a
//   decision let it run), never when "applied" (awaiting the decision) or
//   "refused";
// - safe return: the return track reached "completed", or the case closed
//   as "safe_return_completed";
// - protected: the person has protected identity; such a fact has no
//   police region, county or country whatever the row says.
// The dictionary starts with the geography and the closed lists; new
// organisations, countries and steps (up to 64) are added as rows show them.
// Not thread-safe: one decoder belongs to one FactCache refresh at a time.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "app/case_rules.hpp"
#include "app/context.hpp"
#include "domain/stats/fact.hpp"
#include "ports/statistics_fact_repository.hpp"

namespace opennrm::app::statistics {

class FactDecoder {
 public:
  // `reference` and `rules` may be null (then no regions, counties or step
  // words are known in advance).
  FactDecoder(const Reference* reference, const CaseRules* rules);

  // The fact of a row; nullopt when its recorded_on is not a date.
  std::optional<stats::Fact> Decode(const ports::StatisticsFactRow& row);
  // The code of an organisation id, added when new.
  uint32_t OrganisationCode(const std::string& organisation_id);

  const stats::FactDictionary& dictionary() const { return dictionary_; }

 private:
  using Index = std::unordered_map<std::string, uint32_t>;
  static uint32_t Find(const Index& index, const std::string& word, uint32_t otherwise);
  uint32_t AddTo(std::vector<std::string>& words, Index& index, const std::string& word,
                 size_t limit);

  stats::FactDictionary dictionary_;
  Index organisations_, kinds_, case_types_, regions_, counties_, countries_, outcomes_, forms_,
      sectors_, steps_;
  uint32_t other_kind_ = 0;
};

// One fact of a person from the facts of their rows in one organisation
// (fact_cache.hpp says how). REQUIRES: `rows` not empty.
stats::Fact Unite(const std::vector<stats::Fact>& rows);

}  // namespace opennrm::app::statistics
