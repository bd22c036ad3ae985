#include "app/statistics/statistics_sources.hpp"

#include <set>

#include "core/clock.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app::statistics {

YearSpan YearSpanOf(int year) {
  return {ToEpochMicros(StockholmStartOfDay(CivilDate{year, 1, 1})),
          ToEpochMicros(StockholmStartOfDay(CivilDate{year + 1, 1, 1}))};
}

Result<std::map<std::string, orgs::Organisation>> OrganisationsById(ports::UnitOfWork& uow) {
  std::map<std::string, orgs::Organisation> out;
  ports::OrganisationFilter f;
  f.limit = 200;
  for (;;) {
    auto page = uow.organisations().List(f);
    if (!page) return tl::unexpected(page.error());
    for (auto& o : page->items) out.emplace(o.id, std::move(o));
    f.offset += static_cast<int>(page->items.size());
    if (page->items.empty() || f.offset >= page->total) break;
  }
  return out;
}

std::vector<std::string> AreaKeys(const geo::Geography& geography, bool by_county) {
  std::vector<std::string> out{"unknown"};
  if (by_county) {
    for (const auto& c : geography.counties()) out.push_back(c.code);
  } else {
    for (const auto& r : geography.police_regions()) out.push_back(r.id);
  }
  return out;
}

std::string AreaOfMunicipality(const geo::Geography& geography, const std::string& code,
                               bool by_county) {
  auto place = geography.Locate(code);
  if (!place) return "unknown";
  if (by_county) return place->county ? place->county->code : "unknown";
  return place->police_region ? place->police_region->id : "unknown";
}

std::string AreaOfOrganisation(const geo::Geography& geography, const orgs::Organisation& org,
                               bool by_county) {
  const orgs::Coverage& cov = org.data.coverage;
  std::set<std::string> areas;
  for (const auto& code : cov.codes) {
    switch (cov.scope) {
      case orgs::CoverageScope::kNational:
        return "unknown";
      case orgs::CoverageScope::kPoliceRegions:
        if (by_county) return "unknown";  // a region is more than one county
        areas.insert(geography.FindPoliceRegion(code) ? code : "unknown");
        break;
      case orgs::CoverageScope::kCounties: {
        const geo::County* county = geography.FindCounty(code);
        if (!county) return "unknown";
        areas.insert(by_county ? county->code : county->police_region);
        break;
      }
      case orgs::CoverageScope::kMunicipalities:
        areas.insert(AreaOfMunicipality(geography, code, by_county));
        break;
    }
  }
  if (areas.size() != 1) return "unknown";
  return *areas.begin();
}

std::vector<std::string> MunicipalitiesOf(const orgs::Organisation& org) {
  if (org.data.kind != orgs::Kind::kMunicipalSocialServices ||
      org.data.coverage.scope != orgs::CoverageScope::kMunicipalities) {
    return {};
  }
  return org.data.coverage.codes;
}

}  // namespace opennrm::app::statistics
