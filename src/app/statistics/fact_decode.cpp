#include "app/statistics/fact_decode.hpp"

#include <algorithm>

#include "domain/cases/case_record.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/tracks/closure.hpp"
#include "domain/tracks/track.hpp"

namespace opennrm::app::statistics {

namespace {

constexpr size_t kCodeLimit8 = 255;     // uint8_t codes
constexpr size_t kCodeLimit16 = 65535;  // uint16_t codes

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

bool IsAlpha2(const std::string& code) {
  return code.size() == 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z'); });
}

}  // namespace

FactDecoder::FactDecoder(const Reference* reference, const CaseRules* rules) {
  auto& d = dictionary_;
  for (orgs::Kind k : orgs::AllKinds()) {
    AddTo(d.organisation_kinds, kinds_, std::string(orgs::ToString(k)), kCodeLimit8);
  }
  other_kind_ = Find(kinds_, std::string(orgs::ToString(orgs::Kind::kOther)), 0);
  AddTo(d.case_types, case_types_, "unknown", kCodeLimit8);
  for (auto t : cases::AllCaseTypes()) {
    AddTo(d.case_types, case_types_, std::string(cases::ToString(t)), kCodeLimit8);
  }
  AddTo(d.police_regions, regions_, "unknown", kCodeLimit8);
  AddTo(d.counties, counties_, "unknown", kCodeLimit8);
  d.county_regions.push_back(0);
  if (reference) {
    for (const auto& r : reference->geography.police_regions()) {
      AddTo(d.police_regions, regions_, r.id, kCodeLimit8);
    }
    for (const auto& c : reference->geography.counties()) {
      const size_t before = d.counties.size();
      AddTo(d.counties, counties_, c.code, kCodeLimit8);
      if (d.counties.size() > before) {
        d.county_regions.push_back(static_cast<uint8_t>(Find(regions_, c.police_region, 0)));
      }
    }
  }
  AddTo(d.countries, countries_, "unknown", kCodeLimit16);
  AddTo(d.outcomes, outcomes_, "open", kCodeLimit8);
  for (auto r : tracks::AllClosureReasons()) {
    AddTo(d.outcomes, outcomes_, std::string(tracks::ToString(r)), kCodeLimit8);
  }
  for (auto f : cases::AllExploitationForms()) {
    AddTo(d.forms, forms_, std::string(cases::ToString(f)), 32);
  }
  for (auto s : cases::AllLabourSectors()) {
    AddTo(d.sectors, sectors_, std::string(cases::ToString(s)), 32);
  }
  if (rules) {
    for (const auto& set : rules->steps) {
      for (const auto& track : set.tracks) {
        const std::string prefix = std::string(tracks::ToString(track.kind)) + ".";
        for (const auto& step : track.steps) AddTo(d.steps, steps_, prefix + step.id, 64);
      }
    }
  }
}

uint32_t FactDecoder::Find(const Index& index, const std::string& word, uint32_t otherwise) {
  auto it = index.find(word);
  return it == index.end() ? otherwise : it->second;
}

// The code of `word`, added at the end while there is room; `limit` when full.
uint32_t FactDecoder::AddTo(std::vector<std::string>& words, Index& index, const std::string& word,
                            size_t limit) {
  auto it = index.find(word);
  if (it != index.end()) return it->second;
  if (words.size() >= limit) return static_cast<uint32_t>(limit);
  const auto code = static_cast<uint32_t>(words.size());
  words.push_back(word);
  index.emplace(word, code);
  return code;
}

uint32_t FactDecoder::OrganisationCode(const std::string& organisation_id) {
  return AddTo(dictionary_.organisations, organisations_, organisation_id, UINT32_MAX);
}

std::optional<stats::Fact> FactDecoder::Decode(const ports::StatisticsFactRow& row) {
  const auto& p = row.person;
  const auto& c = row.facts;
  auto recorded = ParseIsoDate(p.recorded_on);
  if (!recorded) return std::nullopt;
  stats::Fact f;
  f.recorded_on = stats::DayNumber(*recorded);
  if (auto closed = ParseIsoDate(c.closed_on); closed && c.status == "closed") {
    f.closed_on = stats::DayNumber(*closed);
  }
  f.organisation = OrganisationCode(p.organisation_id);
  f.organisation_kind = static_cast<uint8_t>(Find(kinds_, p.organisation_kind, other_kind_));
  f.case_type = static_cast<uint8_t>(Find(case_types_, c.case_type, 0));
  f.gender = stats::ParseGenderCategory(p.gender).value_or(stats::GenderCategory::kNotRecorded);
  f.age = stats::ParseAgeGroup(p.age_group).value_or(stats::AgeGroup::kUnknown);
  f.citizenship =
      stats::ParseCitizenshipGroup(p.citizenship_group).value_or(stats::CitizenshipGroup::kUnknown);
  if (p.is_protected) {
    f.flags |= stats::kFactProtected;
  } else {
    f.police_region = static_cast<uint8_t>(Find(regions_, c.police_region, 0));
    f.county = static_cast<uint8_t>(Find(counties_, c.county, 0));
    const std::string country = Upper(p.citizenship_country);
    if (IsAlpha2(country)) {
      const uint32_t code = AddTo(dictionary_.countries, countries_, country, kCodeLimit16);
      f.country = static_cast<uint16_t>(code < kCodeLimit16 ? code : 0);
    }
  }
  if (c.status == "closed") {
    f.flags |= stats::kFactClosed;
    f.outcome = static_cast<uint8_t>(Find(outcomes_, c.outcome, 0));
    if (c.outcome == tracks::ToString(tracks::ClosureReason::kSafeReturnCompleted)) {
      f.flags |= stats::kFactSafeReturn;
    }
  }
  for (const auto& form : c.forms) {
    if (uint32_t bit = Find(forms_, form, 32); bit < 32) f.forms |= 1u << bit;
  }
  for (const auto& sector : c.sectors) {
    if (uint32_t bit = Find(sectors_, sector, 32); bit < 32) f.sectors |= 1u << bit;
  }
  for (const auto& step : c.steps) {
    if (step.size() < 2) continue;
    const std::string& track = step[0];
    if (track == tracks::ToString(tracks::TrackKind::kProceedings))
      f.flags |= stats::kFactPoliceReport;
    if (track == tracks::ToString(tracks::TrackKind::kReturn) && step[1] == "completed") {
      f.flags |= stats::kFactSafeReturn;
    }
    const uint32_t bit = AddTo(dictionary_.steps, steps_, track + "." + step[1], 64);
    if (bit < 64) f.steps |= uint64_t{1} << bit;
  }
  for (const auto& clock : c.clocks) {
    if (clock.empty()) continue;
    const std::string& rule = clock[0];
    const std::string status = clock.size() > 1 ? clock[1] : "";
    const bool reflection = rule == "reflection_period";
    const bool permit = rule.rfind("residence_permit", 0) == 0;
    if ((!reflection && !permit) || status == "withdrawn") continue;
    const bool granted = status == "running" || status == "ended" || status == "revoked";
    f.flags |= reflection ? stats::kFactReflectionApplied : stats::kFactPermitApplied;
    if (granted) f.flags |= reflection ? stats::kFactReflectionPeriod : stats::kFactResidencePermit;
  }
  return f;
}

stats::Fact Unite(const std::vector<stats::Fact>& rows) {
  // The earliest row gives the day and the categories; ties keep the first.
  const stats::Fact* earliest = &rows.front();
  for (const auto& r : rows) {
    if (r.recorded_on < earliest->recorded_on) earliest = &r;
  }
  stats::Fact out = *earliest;
  bool all_closed = true;
  const stats::Fact* last_closed = nullptr;
  for (const auto& r : rows) {
    out.forms |= r.forms;
    out.sectors |= r.sectors;
    out.steps |= r.steps;
    out.flags |= r.flags;
    if (!(r.flags & stats::kFactClosed)) all_closed = false;
    if ((r.flags & stats::kFactClosed) && (!last_closed || r.closed_on > last_closed->closed_on)) {
      last_closed = &r;
    }
  }
  if (all_closed && last_closed) {
    out.closed_on = last_closed->closed_on;
    out.outcome = last_closed->outcome;
  } else {
    out.flags &= static_cast<uint16_t>(~stats::kFactClosed);
    out.closed_on = -1;
    out.outcome = 0;
  }
  if (out.flags & stats::kFactProtected) {  // protected in any case: no place, no country
    out.police_region = 0;
    out.county = 0;
    out.country = 0;
  }
  return out;
}

}  // namespace opennrm::app::statistics
