// What the indicator and hotline tables read besides the facts (internal to
// app/statistics): the year's consultations and referrals (plain categories
// only, through read-only ports), the directory's organisations by id, and
// where an organisation or a municipality lies. Geography is only ever an
// axis of a table. Plain functions over one unit of work; thread-compatible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/error.hpp"
#include "ports/consultation_repository.hpp"
#include "ports/database.hpp"
#include "ports/referral_repository.hpp"

namespace opennrm::app::statistics {

// The first and one past the last microsecond of a Stockholm calendar year.
struct YearSpan {
  long long from_us = 0;
  long long to_us = 0;  // exclusive
};
YearSpan YearSpanOf(int year);

// Every organisation in the directory (active or not), by id.
Result<std::map<std::string, orgs::Organisation>> OrganisationsById(ports::UnitOfWork& uow);

// The area keys of a level: "unknown" first, then the police-region ids or
// the county codes in the geography's order.
std::vector<std::string> AreaKeys(const geo::Geography& geography, bool by_county);

// The area of a municipality; "unknown" for "" or an unknown code.
std::string AreaOfMunicipality(const geo::Geography& geography, const std::string& code,
                               bool by_county);

// The one area an organisation covers; "unknown" when it covers the whole
// country, several areas, or nothing the geography knows.
std::string AreaOfOrganisation(const geo::Geography& geography, const orgs::Organisation& org,
                               bool by_county);

// The municipalities a municipality's social services cover (its coverage
// codes, when the coverage is by municipality); empty for any other kind.
std::vector<std::string> MunicipalitiesOf(const orgs::Organisation& org);

}  // namespace opennrm::app::statistics
