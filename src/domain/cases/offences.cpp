#include "domain/cases/offences.hpp"

#include <algorithm>
#include <set>

#include "domain/cases/checks.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::cases {

namespace {

using detail::Item;
using detail::Path;

bool Blank(const std::string& s) { return text::Trim(s).empty(); }

void CheckVersion(const OffenceVersion& v, const std::string& base, Problems& p) {
  if (Blank(v.id)) p.Add(Path(base, "id"), "required", "A version has an id.");
  if (Blank(v.name_en) || Blank(v.name_sv)) {
    p.Add(Path(base, "name"), "required", "A version has English and Swedish names.");
  }
  if (Blank(v.legal_reference) && !v.needs_description) {
    p.Add(Path(base, "legal_reference"), "required", "Where the law says it.");
  }
  if (v.sources.empty() && !v.needs_description) {
    p.Add(Path(base, "sources"), "required", "Cite at least one source.");
  }
  if (v.valid_to && *v.valid_to < v.valid_from) {
    p.Add(Path(base, "valid_to"), "end_before_start", "valid_to is before valid_from.");
  }
  if (v.grades.empty()) p.Add(Path(base, "grades"), "required", "At least one grade.");
  std::set<std::string, std::less<>> grades;
  for (std::size_t g = 0; g < v.grades.size(); ++g) {
    const auto& grade = v.grades[g];
    std::string gbase = Item(Path(base, "grades"), g);
    if (Blank(grade.id) || Blank(grade.name_en) || Blank(grade.name_sv)) {
      p.Add(gbase, "required", "A grade has an id and English and Swedish names.");
    } else if (!grades.insert(grade.id).second) {
      p.Add(Path(gbase, "id"), "duplicate", "Repeated grade: " + grade.id);
    }
  }
}

}  // namespace

bool InForceOn(const OffenceVersion& v, CivilDate day) {
  return !(day < v.valid_from) && (!v.valid_to || !(*v.valid_to < day));
}

bool InForceDuring(const OffenceVersion& v, CivilDate first, CivilDate last) {
  return !(last < v.valid_from) && (!v.valid_to || !(*v.valid_to < first));
}

const OffenceGrade* FindGrade(const OffenceVersion& version, std::string_view id) {
  for (const auto& g : version.grades) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

Result<OffenceCatalog> OffenceCatalog::Build(OffenceCatalogData data) {
  Problems p;
  if (Blank(data.version)) p.Add("version", "required", "The catalog names its version.");
  OffenceCatalog catalog;
  for (std::size_t i = 0; i < data.offences.size(); ++i) {
    Offence& o = data.offences[i];
    const std::string base = Item("offences", i);
    if (Blank(o.id)) p.Add(Path(base, "id"), "required", "An offence has an id.");
    if (!catalog.offence_index_.emplace(o.id, i).second) {
      p.Add(Path(base, "id"), "duplicate", "Repeated offence: " + o.id);
    }
    if (o.versions.empty()) p.Add(Path(base, "versions"), "required", "At least one version.");
    // Problems name versions as written in the file, before sorting.
    for (std::size_t j = 0; j < o.versions.size(); ++j) {
      o.versions[j].offence_id = o.id;
      CheckVersion(o.versions[j], Item(Path(base, "versions"), j), p);
    }
    std::stable_sort(o.versions.begin(), o.versions.end(),
                     [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    for (std::size_t j = 1; j < o.versions.size(); ++j) {
      const auto& prev = o.versions[j - 1];
      if (!prev.valid_to || !(*prev.valid_to < o.versions[j].valid_from)) {
        p.Add(Path(base, "versions"), "overlap",
              "Versions " + prev.id + " and " + o.versions[j].id + " overlap.");
      }
    }
    for (std::size_t j = 0; j < o.versions.size(); ++j) {
      if (!catalog.version_index_.emplace(o.versions[j].id, std::pair{i, j}).second) {
        p.Add(Path(base, "versions"), "duplicate", "Repeated version: " + o.versions[j].id);
      }
    }
  }
  if (auto st = p.ToStatus("The offence catalog is not valid."); !st) {
    return tl::unexpected(st.error());
  }
  catalog.data_ = std::move(data);
  return catalog;
}

const Offence* OffenceCatalog::Find(std::string_view offence_id) const {
  auto it = offence_index_.find(offence_id);
  return it == offence_index_.end() ? nullptr : &data_.offences[it->second];
}

const OffenceVersion* OffenceCatalog::FindVersion(std::string_view version_id) const {
  auto it = version_index_.find(version_id);
  if (it == version_index_.end()) return nullptr;
  return &data_.offences[it->second.first].versions[it->second.second];
}

const OffenceVersion* OffenceCatalog::InForce(std::string_view offence_id, CivilDate day) const {
  const Offence* o = Find(offence_id);
  if (!o) return nullptr;
  for (const auto& v : o->versions) {
    if (InForceOn(v, day)) return &v;
  }
  return nullptr;
}

std::vector<const OffenceVersion*> OffenceCatalog::AllInForce(CivilDate day) const {
  std::vector<const OffenceVersion*> out;
  for (const auto& o : data_.offences) {
    if (const auto* v = InForce(o.id, day)) out.push_back(v);
  }
  return out;
}

}  // namespace opennrm::cases
