// A presumed victim as statistics count it: the de-identified statistics row
// of the case-management issue (ports::StatisticsFactRow), decoded to small
// codes so that a year of national data aggregates in milliseconds. Codes
// index the snapshot's dictionary; index 0 of every optional list is
// "unknown" / none. A FactSnapshot is immutable once built and may be shared
// between threads (std::shared_ptr<const FactSnapshot>).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/stats/categories.hpp"

namespace opennrm::stats {

// Days since 1970-01-01 of a civil date, and back.
int32_t DayNumber(const CivilDate& date);
CivilDate DateOfDayNumber(int32_t day);

// The words each code stands for. Built by the app from the geography and
// the domain's closed lists; facts with a word the dictionary lacks are
// counted under "unknown" (index 0) or, for bit sets, left out of that bit.
struct FactDictionary {
  std::vector<std::string> organisations;       // organisation ids (no "unknown" slot)
  std::vector<std::string> organisation_kinds;  // orgs::ToString(Kind), in AllKinds() order
  std::vector<std::string> case_types;          // [0] = "unknown"
  std::vector<std::string> police_regions;      // [0] = "unknown", then region ids
  std::vector<std::string> counties;            // [0] = "unknown", then county codes
  std::vector<uint8_t> county_regions;          // per county: its police_regions index ([0] = 0)
  std::vector<std::string> countries;           // [0] = "unknown", then alpha-2 codes
  std::vector<std::string> outcomes;            // [0] = "open", then closure reasons
  std::vector<std::string> forms;               // bit i = forms[i]; at most 32
  std::vector<std::string> sectors;             // bit i = sectors[i]; at most 32
  std::vector<std::string> steps;               // "track.step"; bit i; at most 64
};

// Flags of a fact (bit set in Fact::flags).
enum FactFlag : uint16_t {
  kFactProtected = 1u << 0,         // protected identity: no geography, no country
  kFactPoliceReport = 1u << 1,      // the proceedings track reached "reported" (or beyond)
  kFactReflectionPeriod = 1u << 2,  // a reflection period was granted (its clock ran)
  kFactResidencePermit = 1u << 3,   // a temporary residence permit was granted (its clock ran)
  kFactSafeReturn = 1u << 4,        // the return track completed, or closed as safe return
  kFactClosed = 1u << 5,
  kFactReflectionApplied = 1u << 6,  // a reflection period was applied for (whatever the decision)
  kFactPermitApplied = 1u << 7,      // a temporary residence permit was applied for
};

struct Fact {
  int32_t recorded_on = 0;        // DayNumber of the day the person was added
  int32_t closed_on = -1;         // DayNumber, -1 while open
  uint32_t organisation = 0;      // index in dictionary.organisations
  uint32_t forms = 0;             // bit set over dictionary.forms
  uint32_t sectors = 0;           // bit set over dictionary.sectors
  uint64_t steps = 0;             // bit set over dictionary.steps
  uint16_t country = 0;           // index in dictionary.countries
  uint16_t flags = 0;             // FactFlag bits
  uint8_t organisation_kind = 0;  // index in dictionary.organisation_kinds
  uint8_t case_type = 0;
  uint8_t police_region = 0;
  uint8_t county = 0;
  uint8_t outcome = 0;
  GenderCategory gender = GenderCategory::kNotRecorded;
  AgeGroup age = AgeGroup::kUnknown;
  CitizenshipGroup citizenship = CitizenshipGroup::kUnknown;
  bool operator==(const Fact&) const = default;
};

struct FactSnapshot {
  FactDictionary dictionary;
  std::vector<Fact> facts;  // one per presumed victim and organisation
  // Empty: `facts` in any order. Otherwise facts are grouped by organisation:
  // those of organisation o are facts[organisation_start[o] ..
  // organisation_start[o + 1]) (size: organisations + 1), so that one
  // organisation's figures read only its own facts (GroupByOrganisation).
  std::vector<uint32_t> organisation_start;
  long long loaded_at_us = 0;
};

// Orders `snapshot.facts` by organisation (stable, in linear time) and sets
// organisation_start.
void GroupByOrganisation(FactSnapshot& snapshot);

}  // namespace opennrm::stats
