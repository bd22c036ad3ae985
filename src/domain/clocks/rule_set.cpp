#include "domain/clocks/rule_set.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace opennrm::clocks {

namespace {

std::string Where(size_t i) { return "rules[" + std::to_string(i) + "]"; }

std::string Named(const ClockRule& r) {
  return "'" + r.id + "' version " + std::to_string(r.version);
}

// The versions of one id, as indices into the input, checked together.
void CheckVersions(const std::vector<ClockRule>& rules, std::vector<size_t> indices,
                   Problems& problems) {
  std::sort(indices.begin(), indices.end(),
            [&](size_t a, size_t b) { return rules[a].version < rules[b].version; });
  for (size_t k = 1; k < indices.size(); ++k) {
    const ClockRule& before = rules[indices[k - 1]];
    const ClockRule& after = rules[indices[k]];
    const std::string where = Where(indices[k]);
    if (after.version == before.version) {
      problems.Add(where + ".version", "duplicate", Named(after) + " is listed twice.");
      continue;
    }
    if (after.kind != before.kind) {
      problems.Add(
          where + ".kind", "kind_changed",
          Named(after) + " has another kind than version " + std::to_string(before.version) + ".");
    }
    if (!before.valid_to) {
      problems.Add(Where(indices[k - 1]) + ".valid_to", "required_before_next_version",
                   Named(before) + " needs a valid_to: version " + std::to_string(after.version) +
                       " follows it.");
    } else if (after.valid_from <= *before.valid_to) {
      problems.Add(
          where + ".valid_from", "overlaps_previous_version",
          Named(after) + " starts before version " + std::to_string(before.version) + " ends.");
    }
  }
}

}  // namespace

Result<RuleSet> RuleSet::Build(std::vector<ClockRule> rules) {
  Problems problems;
  std::map<std::string, std::vector<size_t>> by_id;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (auto st = ValidateRule(rules[i]); !st) {
      for (const auto& p : st.error().fields) {
        problems.Add(Where(i) + "." + p.field, p.rule, p.detail);
      }
      continue;
    }
    by_id[rules[i].id].push_back(i);
  }
  for (auto& [id, indices] : by_id) CheckVersions(rules, std::move(indices), problems);
  if (auto st = problems.ToStatus("The clock rules are inconsistent."); !st) {
    return tl::unexpected(st.error());
  }
  std::sort(rules.begin(), rules.end(), [](const ClockRule& a, const ClockRule& b) {
    return std::tie(a.id, a.version) < std::tie(b.id, b.version);
  });
  return RuleSet(std::move(rules));
}

Result<const ClockRule*> RuleSet::InForce(std::string_view id, CivilDate day) const {
  bool known = false;
  for (const auto& r : rules_) {
    if (r.id != id) continue;
    known = true;
    if (InForceOn(r, day)) return &r;
  }
  if (!known) {
    return Invalid("rule_id", "unknown_rule", "There is no clock rule '" + std::string(id) + "'.");
  }
  return Invalid("rule_id", "not_in_force",
                 "No version of the clock rule '" + std::string(id) + "' is in force on " +
                     FormatIsoDate(day) + ".");
}

const ClockRule* RuleSet::Find(std::string_view id, int version) const {
  for (const auto& r : rules_) {
    if (r.id == id && r.version == version) return &r;
  }
  return nullptr;
}

}  // namespace opennrm::clocks
