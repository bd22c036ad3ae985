// Every version of every clock rule, checked against each other, with the
// look-ups a clock needs: the version in force on a date (for a new clock) and
// a given version (for an old clock, which keeps the version it opened under).
// Thread-safety: immutable once built; safe to share between threads.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/clocks/clock_rule.hpp"

namespace opennrm::clocks {

class RuleSet {
 public:
  RuleSet() = default;

  // Checks each rule (ValidateRule) and the versions of each id together:
  // unique version numbers, one kind per id, and later versions starting after
  // earlier ones end (gaps allowed). Problems name "rules[i].<field>", i being
  // the index in `rules`.
  static Result<RuleSet> Build(std::vector<ClockRule> rules);

  // The version of rule `id` in force on `day`. kInvalid on field "rule_id":
  // "unknown_rule" when no version has that id, "not_in_force" when none covers `day`.
  Result<const ClockRule*> InForce(std::string_view id, CivilDate day) const;

  // Version `version` of rule `id`; nullptr when there is none.
  const ClockRule* Find(std::string_view id, int version) const;

  // Every version, ordered by id, then version.
  const std::vector<ClockRule>& rules() const { return rules_; }

 private:
  explicit RuleSet(std::vector<ClockRule> rules) : rules_(std::move(rules)) {}
  std::vector<ClockRule> rules_;
};

}  // namespace opennrm::clocks
