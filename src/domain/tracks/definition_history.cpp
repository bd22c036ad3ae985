#include "domain/tracks/definition_history.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

namespace opennrm::tracks {

namespace {

CivilDate NextDay(CivilDate d) {
  using namespace std::chrono;
  sys_days day{year{d.year} / month{d.month} / std::chrono::day{d.day}};
  year_month_day next{day + days{1}};
  return CivilDate{static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
                   static_cast<unsigned>(next.day())};
}

}  // namespace

Status ValidateHistory(const std::vector<DefinitionSet>& sets) {
  Problems p;
  if (sets.empty()) p.Add("sets", "required", "There must be at least one definition set.");
  std::set<std::string> versions;
  for (size_t i = 0; i < sets.size(); ++i) {
    std::string base = "sets[" + std::to_string(i) + "]";
    if (auto st = Validate(sets[i]); !st) {
      for (const auto& f : st.error().fields) p.Add(base + "." + f.field, f.rule, f.detail);
    }
    if (!sets[i].version.empty() && !versions.insert(sets[i].version).second) {
      p.Add(base + ".version", "duplicate_id",
            "The version '" + sets[i].version + "' is defined twice.");
    }
  }
  // Periods in order of valid_from: each must start the day after the last ends.
  std::vector<size_t> order(sets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return sets[a].valid_from < sets[b].valid_from; });
  for (size_t k = 1; k < order.size(); ++k) {
    const DefinitionSet& prev = sets[order[k - 1]];
    const DefinitionSet& next = sets[order[k]];
    std::string field = "sets[" + std::to_string(order[k]) + "].valid_from";
    if (!prev.valid_to || next.valid_from <= *prev.valid_to) {
      p.Add(field, "overlap",
            "The version '" + next.version + "' starts while '" + prev.version +
                "' is still in force; give '" + prev.version + "' a valid_to.");
    } else if (next.valid_from != NextDay(*prev.valid_to)) {
      p.Add(field, "gap",
            "No version is in force between " + FormatIsoDate(*prev.valid_to) + " and " +
                FormatIsoDate(next.valid_from) + ": no case could start then.");
    }
  }
  return p.ToStatus("The step definitions are inconsistent.");
}

const DefinitionSet* InForceOn(const std::vector<DefinitionSet>& sets, CivilDate date) {
  for (const auto& s : sets) {
    if (s.InForceOn(date)) return &s;
  }
  return nullptr;
}

const DefinitionSet* FindVersion(const std::vector<DefinitionSet>& sets, std::string_view version) {
  for (const auto& s : sets) {
    if (s.version == version) return &s;
  }
  return nullptr;
}

}  // namespace opennrm::tracks
