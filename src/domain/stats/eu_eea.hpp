// Which countries belong to the European Union and to the European Economic
// Area on a given day: dated data (data/rules/eu_eea.toml, parsed in
// src/cli/eu_eea_file.cpp), never a list in code. The United Kingdom was in
// the EU until 31 January 2020, so a British citizen counts as "other EU/EEA"
// on 2020-01-31 and as "outside the EU/EEA" on 2020-02-01.
// Read-only after Build: safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::stats {

enum class Bloc {
  kEu,       // a member state of the European Union (and so of the EEA)
  kEeaEfta,  // in the EEA through EFTA, not in the EU: Iceland, Liechtenstein, Norway
};
std::string_view ToString(Bloc bloc);
std::optional<Bloc> ParseBloc(std::string_view text);

// One country's membership of one bloc over a period of days.
struct BlocMembership {
  std::string country;  // ISO 3166-1 alpha-2, upper case ("GB" for the United Kingdom)
  Bloc bloc = Bloc::kEu;
  CivilDate valid_from;               // first day of membership
  std::optional<CivilDate> valid_to;  // last day of membership; absent: still a member
  std::string legal_reference;        // the treaty or decision that made it so
  bool operator==(const BlocMembership&) const = default;
};

class EuEeaMembership {
 public:
  // Fails (kInvalid, fields "members[i].<key>") on an empty list, a country
  // that is not two upper-case letters ("format"), a missing legal reference
  // ("required"), valid_to before valid_from ("order"), or two periods of one
  // country that share a day ("overlap": a country is in one bloc at a time).
  static Result<EuEeaMembership> Build(std::vector<BlocMembership> members);

  // The bloc `alpha2` (upper case) belongs to on `on`; nullopt: neither.
  std::optional<Bloc> BlocOn(std::string_view alpha2, const CivilDate& on) const;
  bool InEu(std::string_view alpha2, const CivilDate& on) const;
  bool InEuOrEea(std::string_view alpha2, const CivilDate& on) const;

  const std::vector<BlocMembership>& members() const { return members_; }

 private:
  std::vector<BlocMembership> members_;
};

}  // namespace opennrm::stats
