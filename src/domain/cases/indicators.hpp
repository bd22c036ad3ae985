// The checklist of recognised indicators of trafficking (versioned data in
// data/rules/indicators.toml, grouped as the ILO operational indicators and
// the Swedish manual group them) and one person's answers to it, each with
// the evidence it rests on. The catalog is read-only after Build: safe to
// share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::cases {

struct IndicatorGroup {
  std::string id;  // "control", "movement", "child_specific", ...
  std::string name_en;
  std::string name_sv;
  bool children_only = false;  // asked only while the person may be a child
};

struct Indicator {
  std::string id;     // stable: answers refer to it, e.g. "documents.withheld"
  std::string group;  // an IndicatorGroup id
  std::string text_en;
  std::string text_sv;
};

struct IndicatorCatalogData {
  std::string version;  // e.g. "2026-1"
  CivilDate valid_from;
  std::vector<std::string> sources;
  std::vector<IndicatorGroup> groups;
  std::vector<Indicator> indicators;
};

class IndicatorCatalog {
 public:
  // Fails (kInvalid, naming "groups[i].id", "indicators[i].group", ...) on
  // a missing version or text, a repeated id, an indicator in an unknown
  // group, or a group without indicators.
  static Result<IndicatorCatalog> Build(IndicatorCatalogData data);

  const std::string& version() const { return data_.version; }
  CivilDate valid_from() const { return data_.valid_from; }
  const std::vector<std::string>& sources() const { return data_.sources; }
  const std::vector<IndicatorGroup>& groups() const { return data_.groups; }
  const std::vector<Indicator>& indicators() const { return data_.indicators; }

  const Indicator* Find(std::string_view id) const;
  const IndicatorGroup* FindGroup(std::string_view id) const;
  // The indicators of one group, in file order.
  std::vector<const Indicator*> InGroup(std::string_view group) const;

 private:
  IndicatorCatalogData data_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

enum class IndicatorAnswer { kYes, kNo, kNotKnown };
std::string_view ToString(IndicatorAnswer answer);
std::optional<IndicatorAnswer> ParseIndicatorAnswer(std::string_view text);

struct IndicatorResponse {
  std::string indicator_id;
  IndicatorAnswer answer = IndicatorAnswer::kNotKnown;
  std::string evidence;  // what shows it; required for "yes"
};

// One person's answers to one version of the checklist. Indicators left
// out were not asked.
struct IndicatorsAssessment {
  std::string catalog_version;
  std::string assessed_by;  // user id
  CivilDate assessed_on;
  std::vector<IndicatorResponse> answers;
};

// Adds "unknown_version", "unknown_indicator", "duplicate",
// "evidence_required", "required" and "not_future" under `path`.
// `catalog` may be null: then every answer's version is unknown.
void CheckIndicators(const IndicatorsAssessment& assessment, const IndicatorCatalog* catalog,
                     CivilDate today, const std::string& path, Problems& problems);

// Answers per group, in catalog order; unanswered counts indicators not asked.
struct GroupTally {
  std::string group;
  int yes = 0;
  int no = 0;
  int not_known = 0;
  int unanswered = 0;
};
std::vector<GroupTally> Tally(const IndicatorCatalog& catalog,
                              const IndicatorsAssessment& assessment);

}  // namespace opennrm::cases
