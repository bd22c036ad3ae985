#include "domain/cases/indicators.hpp"

#include <set>

#include "domain/cases/checks.hpp"
#include "domain/cases/enum_names.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::cases {

namespace {

using detail::Item;
using detail::Path;
using N = std::string_view;

constexpr auto kAnswers = detail::MakeNames<IndicatorAnswer>(
    std::pair{IndicatorAnswer::kYes, N("yes")}, std::pair{IndicatorAnswer::kNo, N("no")},
    std::pair{IndicatorAnswer::kNotKnown, N("not_known")});

bool Blank(const std::string& s) { return text::Trim(s).empty(); }

}  // namespace

Result<IndicatorCatalog> IndicatorCatalog::Build(IndicatorCatalogData data) {
  Problems p;
  if (Blank(data.version)) p.Add("version", "required", "The catalog names its version.");
  std::set<std::string, std::less<>> groups;
  for (std::size_t i = 0; i < data.groups.size(); ++i) {
    const auto& g = data.groups[i];
    std::string base = Item("groups", i);
    if (Blank(g.id)) p.Add(Path(base, "id"), "required", "A group has an id.");
    if (!groups.insert(g.id).second) p.Add(Path(base, "id"), "duplicate", "Repeated: " + g.id);
    if (Blank(g.name_en) || Blank(g.name_sv)) {
      p.Add(Path(base, "name"), "required", "A group has English and Swedish names.");
    }
  }
  IndicatorCatalog catalog;
  std::set<std::string, std::less<>> used;
  for (std::size_t i = 0; i < data.indicators.size(); ++i) {
    const auto& ind = data.indicators[i];
    std::string base = Item("indicators", i);
    if (Blank(ind.id)) p.Add(Path(base, "id"), "required", "An indicator has an id.");
    if (!catalog.index_.emplace(ind.id, i).second) {
      p.Add(Path(base, "id"), "duplicate", "Repeated: " + ind.id);
    }
    if (!groups.count(ind.group)) {
      p.Add(Path(base, "group"), "unknown_group", "'" + ind.group + "' is not a group.");
    }
    used.insert(ind.group);
    if (Blank(ind.text_en) || Blank(ind.text_sv)) {
      p.Add(Path(base, "text"), "required", "An indicator has English and Swedish texts.");
    }
  }
  for (std::size_t i = 0; i < data.groups.size(); ++i) {
    if (!used.count(data.groups[i].id)) {
      p.Add(Path(Item("groups", i), "id"), "empty_group",
            "Group '" + data.groups[i].id + "' has no indicators.");
    }
  }
  if (auto st = p.ToStatus("The indicator catalog is not valid."); !st) {
    return tl::unexpected(st.error());
  }
  catalog.data_ = std::move(data);
  return catalog;
}

const Indicator* IndicatorCatalog::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &data_.indicators[it->second];
}

const IndicatorGroup* IndicatorCatalog::FindGroup(std::string_view id) const {
  for (const auto& g : data_.groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

std::vector<const Indicator*> IndicatorCatalog::InGroup(std::string_view group) const {
  std::vector<const Indicator*> out;
  for (const auto& ind : data_.indicators) {
    if (ind.group == group) out.push_back(&ind);
  }
  return out;
}

std::string_view ToString(IndicatorAnswer answer) { return kAnswers.Name(answer); }
std::optional<IndicatorAnswer> ParseIndicatorAnswer(std::string_view text) {
  return kAnswers.Parse(text);
}

void CheckIndicators(const IndicatorsAssessment& a, const IndicatorCatalog* catalog,
                     CivilDate today, const std::string& path, Problems& p) {
  if (a.assessed_by.empty()) {
    p.Add(Path(path, "assessed_by"), "required", "Who made the assessment.");
  }
  detail::CheckNotFuture(p, Path(path, "assessed_on"), a.assessed_on, today);
  if (!catalog || catalog->version() != a.catalog_version) {
    p.Add(Path(path, "catalog_version"), "unknown_version",
          "'" + a.catalog_version + "' is not the indicator list in use.");
    return;
  }
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < a.answers.size(); ++i) {
    const auto& r = a.answers[i];
    std::string base = Item(Path(path, "answers"), i);
    if (!catalog->Find(r.indicator_id)) {
      p.Add(Path(base, "indicator_id"), "unknown_indicator",
            "'" + r.indicator_id + "' is not in indicator list " + catalog->version() + ".");
    } else if (!seen.insert(r.indicator_id).second) {
      p.Add(Path(base, "indicator_id"), "duplicate", "The indicator is answered twice.");
    }
    detail::CheckText(p, Path(base, "evidence"), r.evidence, detail::kMaxLongText, false);
    if (r.answer == IndicatorAnswer::kYes && Blank(r.evidence)) {
      p.Add(Path(base, "evidence"), "evidence_required",
            "Note what shows that the indicator is present.");
    }
  }
}

std::vector<GroupTally> Tally(const IndicatorCatalog& catalog, const IndicatorsAssessment& a) {
  std::vector<GroupTally> out;
  for (const auto& g : catalog.groups()) {
    GroupTally t;
    t.group = g.id;
    for (const Indicator* ind : catalog.InGroup(g.id)) {
      const IndicatorResponse* found = nullptr;
      for (const auto& r : a.answers) {
        if (r.indicator_id == ind->id) {
          found = &r;
          break;
        }
      }
      if (!found) {
        ++t.unanswered;
      } else if (found->answer == IndicatorAnswer::kYes) {
        ++t.yes;
      } else if (found->answer == IndicatorAnswer::kNo) {
        ++t.no;
      } else {
        ++t.not_known;
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace opennrm::cases
