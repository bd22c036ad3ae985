// Offences as dated versions (data/rules/offences.toml): an offence keeps
// its id while the law renames or rewrites it, and each version says from
// when to when it applied and where the law says it. Which version applies
// to an act is decided by the date of the act. The catalog is read-only
// after Build: safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::cases {

// A grade of an offence: "standard", "less_serious" (mindre grovt), "gross" (grovt).
struct OffenceGrade {
  std::string id;
  std::string name_en;
  std::string name_sv;
};

struct OffenceVersion {
  std::string id;          // stable, e.g. "purchase_of_sexual_act_2025"
  std::string offence_id;  // the offence it is a version of
  std::string name_en;
  std::string name_sv;
  std::string legal_reference;  // e.g. "Brottsbalken (1962:700) 6 kap. 11 §"; empty for "other"
  CivilDate valid_from;
  std::optional<CivilDate> valid_to;  // last day in force; nullopt: still in force
  std::vector<std::string> sources;
  std::vector<OffenceGrade> grades;  // at least one
  bool needs_description = false;    // "other": the record describes the offence
  bool needs_check = false;          // confirm against the law text before advising on it
  std::string note;                  // what changed with this version
};

struct Offence {
  std::string id;  // e.g. "purchase_of_sex"
  std::vector<OffenceVersion> versions;
};

struct OffenceCatalogData {
  std::string version;  // of the file, e.g. "2025-07"
  std::vector<Offence> offences;
};

// Whether `version` was in force on `day`.
bool InForceOn(const OffenceVersion& version, CivilDate day);
// Whether `version` was in force on any day from `first` to `last`.
bool InForceDuring(const OffenceVersion& version, CivilDate first, CivilDate last);
// The grade with `id`, or nullptr.
const OffenceGrade* FindGrade(const OffenceVersion& version, std::string_view id);

class OffenceCatalog {
 public:
  // Sorts versions by valid_from and fails (kInvalid, naming
  // "offences[i].versions[j].<field>") on repeated ids, missing names or
  // references, valid_to before valid_from, overlapping versions of one
  // offence, or a version without grades.
  static Result<OffenceCatalog> Build(OffenceCatalogData data);

  const std::string& version() const { return data_.version; }
  const std::vector<Offence>& offences() const { return data_.offences; }

  const Offence* Find(std::string_view offence_id) const;
  const OffenceVersion* FindVersion(std::string_view version_id) const;
  // The version of `offence_id` in force on `day`; nullptr when none was.
  const OffenceVersion* InForce(std::string_view offence_id, CivilDate day) const;
  // Every version in force on `day`, one per offence, in file order.
  std::vector<const OffenceVersion*> AllInForce(CivilDate day) const;

 private:
  OffenceCatalogData data_;
  std::map<std::string, std::size_t, std::less<>> offence_index_;
  std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> version_index_;
};

}  // namespace opennrm::cases
