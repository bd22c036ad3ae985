#include "app/cases/statistics_facts.hpp"

#include <algorithm>
#include <set>

#include "core/stockholm_date.hpp"
#include "domain/cases/protected_identity.hpp"
#include "domain/stats/person_categories.hpp"

namespace opennrm::app::case_internal {

namespace {

std::string DayOf(long long at_us) {
  return FormatIsoDate(StockholmDateOf(TimePoint(std::chrono::microseconds(at_us))));
}

std::string DateText(const std::optional<CivilDate>& d) { return d ? FormatIsoDate(*d) : ""; }

Result<ports::CaseFactsRow> CaseFactsOf(ports::UnitOfWork& uow, const Context& ctx,
                                        const ports::CaseRow& c, long long now_us) {
  ports::CaseFactsRow f;
  f.case_type = c.type;
  f.status = c.status;
  if (c.status == "closed") {
    f.outcome = c.closure_reason;
    if (c.closed_at_us) f.closed_on = DayOf(*c.closed_at_us);
  }
  f.updated_at_us = now_us;

  auto forms = uow.case_records().Forms(c.id);
  if (!forms) return tl::unexpected(forms.error());
  std::set<std::string> form_set, sector_set;
  for (const auto& row : *forms) {
    form_set.insert(row.form);
    if (!row.sector.empty()) sector_set.insert(row.sector);
  }
  f.forms.assign(form_set.begin(), form_set.end());
  f.sectors.assign(sector_set.begin(), sector_set.end());

  // Police region and county of the first municipality of the case — none
  // when anyone in the case has protected identity.
  auto persons = uow.persons().OfCase(c.id);
  if (!persons) return tl::unexpected(persons.error());
  bool anyone_protected = std::any_of(persons->begin(), persons->end(), [](const auto& cp) {
    return cases::IsProtected(cases::ParseProtectionLevel(cp.person.protection)
                                  .value_or(cases::ProtectionLevel::kAssumedIdentity));
  });
  if (!anyone_protected && ctx.reference) {
    auto places = uow.case_records().Places(c.id);
    if (!places) return tl::unexpected(places.error());
    for (const auto& p : *places) {
      if (p.kind != "municipality") continue;
      auto located = ctx.reference->geography.Locate(p.code);
      if (!located) continue;
      if (located->police_region) f.police_region = located->police_region->id;
      if (located->county) f.county = located->county->code;
      break;
    }
  }

  // The steps reached, in order, from the case's log.
  auto moves = uow.case_log().EntriesOfKind(c.id, "track.moved");
  if (!moves) return tl::unexpected(moves.error());
  for (const auto& e : *moves) {
    std::string track, to;
    for (const auto& [k, v] : e.details) {
      if (k == "track") track = v;
      if (k == "to") to = v;
    }
    if (!track.empty() && !to.empty()) f.steps.push_back({track, to, DayOf(e.recorded_at_us)});
  }

  auto clocks = uow.case_clocks().OfCase(c.id);
  if (!clocks) return tl::unexpected(clocks.error());
  for (const auto& k : *clocks) {
    f.clocks.push_back({k.rule_id, k.status, DateText(k.starts_on), DateText(k.ends_on)});
  }
  return f;
}

}  // namespace

Status AddVictimFacts(ports::UnitOfWork& uow, const Context& ctx, const ports::CaseRow& c,
                      orgs::Kind owner_kind, const cases::Person& person, CivilDate today,
                      long long now_us) {
  ports::VictimCategoriesRow p;
  p.case_id = c.id;
  p.person_id = person.id;
  p.organisation_id = c.organisation_id;
  p.organisation_kind = std::string(orgs::ToString(owner_kind));
  p.recorded_on = FormatIsoDate(today);
  if (!ctx.case_rules || !ctx.case_rules->eu_eea) return Internal("No EU/EEA membership rules.");
  auto categories = stats::CategoriesOf(person, today, *ctx.case_rules->eu_eea);
  p.gender = std::string(stats::ToString(categories.gender));
  p.age_group = std::string(stats::ToString(categories.age));
  p.citizenship_group = std::string(stats::ToString(categories.citizenship));
  p.citizenship_country = categories.country;
  p.is_protected = cases::IsProtected(person.protection);
  auto facts = CaseFactsOf(uow, ctx, c, now_us);
  if (!facts) return tl::unexpected(facts.error());
  return uow.statistics_facts().AddVictim(p, *facts);
}

Status RefreshCaseFacts(ports::UnitOfWork& uow, const Context& ctx, const std::string& case_id,
                        long long now_us) {
  auto rows = uow.statistics_facts().OfCase(case_id);
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return Ok();
  auto c = uow.cases().Find(case_id);
  if (!c) return tl::unexpected(c.error());
  if (!*c) return Ok();
  auto facts = CaseFactsOf(uow, ctx, **c, now_us);
  if (!facts) return tl::unexpected(facts.error());
  return uow.statistics_facts().UpdateCase(case_id, *facts);
}

Status ForgetCaseGeography(ports::UnitOfWork& uow, const Context& ctx, const std::string& case_id,
                           const std::string& protected_person_id, long long now_us) {
  if (auto st = uow.case_records().ForgetMunicipalities(case_id); !st) return st;
  if (auto st = uow.statistics_facts().MarkProtected(case_id, protected_person_id); !st) return st;
  return RefreshCaseFacts(uow, ctx, case_id, now_us);
}

}  // namespace opennrm::app::case_internal
