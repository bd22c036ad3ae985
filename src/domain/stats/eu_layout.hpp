// The Eurostat layout of registered victims (issue 7 item 6; crim_thb, see
// /work/shared/reference/eurostat-thb.md): sex x age band, citizenship x sex
// and form of exploitation x sex, counted from the facts of one series and
// period, BEFORE disclosure control. Pure; thread-safe on a const snapshot.
//
// Mappings, written down:
// - Sex: woman and girl are "female", man and boy "male", other and not
//   recorded "other_unknown" (categories.hpp).
// - Age band: 0-11 and 12-17 are "child", the rest "adult", unknown "unknown".
// - Citizenship: group sweden is the reporting country; stateless and outside
//   the EU/EEA are non-EU; other EU/EEA is "other_eu" when the fact's country
//   is in the EU on the day recorded and "non_eu" when it is not (Iceland,
//   Liechtenstein, Norway); other EU/EEA WITHOUT a country (a protected
//   person's country is forgotten) is "unknown": we do not guess EU vs EFTA.
// - Form: sexual is "sexual_exploitation", labour and domestic servitude
//   "labour_exploitation" (forced labour or services; domestic servitude
//   there is our reading, not a verified Eurostat rule),
//   every other form "other_forms". Multi-valued: a victim of two forms is
//   counted in both rows and once in the totals, so rows do not add up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/stats/aggregate.hpp"
#include "domain/stats/categories.hpp"
#include "domain/stats/count_table.hpp"
#include "domain/stats/crime_figures.hpp"
#include "domain/stats/eu_eea.hpp"
#include "domain/stats/fact.hpp"

namespace opennrm::stats {

const std::vector<std::string>& EuSexes();     // "female", "male", "other_unknown"
const std::vector<std::string>& EuAgeBands();  // "child", "adult", "unknown"
const std::vector<std::string>&
EuCitizenships();  // "reporting_country", "other_eu", "non_eu", "unknown"
const std::vector<std::string>&
EuForms();  // "sexual_exploitation", "labour_exploitation", "other_forms"

std::string_view EuSexOf(GenderCategory gender);
std::string_view EuAgeBandOf(AgeGroup age);
// `country` is ISO alpha-2 ("" or "unknown" when not known).
EurostatCitizenship EuCitizenshipOf(CitizenshipGroup group, std::string_view country,
                                    const CivilDate& on, const EuEeaMembership* membership);
// A form key of the fact dictionary (cases::ToString(ExploitationForm)).
std::string_view EuFormOf(std::string_view form);

struct EuVictimTables {
  CountTable sex_by_age;          // rows sex, columns age band
  CountTable citizenship_by_sex;  // rows citizenship, columns sex
  CountTable form_by_sex;         // rows form (multi-valued), columns sex
};

// The three tables over the facts recorded in [filter.from, filter.to] of the
// series in `filter` (organisation kinds and organisations; area and flags
// are ignored). `membership` may be null: then no country is in the EU.
EuVictimTables CountEuVictims(const FactSnapshot& snapshot, const FactFilter& filter,
                              const EuEeaMembership* membership);

// The official crime figures of `year` in the Eurostat layout, from figures
// as entered (crime_figures.hpp); a figure not entered is blank, never 0.
// Official: nothing in them is a sum of the others, so no line adds up.
struct EuCrimeTables {
  // Trafficking: rows suspected, prosecuted, convicted persons; columns the
  // sex categories; row totals the measure's total.
  CountTable trafficking_by_sex;
  // The related offences (never added to trafficking): rows offence,
  // columns every measure, each cell the total.
  CountTable other_offences;
};
EuCrimeTables CountEuCrime(const std::vector<CrimeFigure>& figures, int year);

}  // namespace opennrm::stats
