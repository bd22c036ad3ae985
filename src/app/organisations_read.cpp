#include <algorithm>
#include "app/organisations.hpp"

#include "domain/orgs/coverage.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

namespace {

Result<ports::CoveredPlace> Resolve(const Context& ctx, const std::string& municipality,
                                    const std::string& field) {
  auto place = ctx.reference->geography.Locate(municipality);
  if (!place) {
    return Invalid(field, "unknown_code",
                   "'" + municipality + "' is not a known municipality code.");
  }
  return ports::CoveredPlace{place->municipality->code, place->county->code,
                             place->police_region->id};
}

}  // namespace

Result<ports::OrganisationPage> ListOrganisations(const Context& ctx, const OrganisationQuery& q) {
  Problems problems;
  ports::OrganisationFilter f;
  f.active = q.active;
  f.limit = q.limit;
  f.offset = q.offset;
  if (q.limit < 1 || q.limit > 200) problems.Add("limit", "range", "Between 1 and 200.");
  if (q.offset < 0) problems.Add("offset", "range", "Must not be negative.");
  if (q.kind) {
    f.kind = orgs::ParseKind(*q.kind);
    if (!f.kind)
      problems.Add("kind", "unknown_code", "'" + *q.kind + "' is not an organisation kind.");
  }
  if (q.service) {
    if (!ctx.reference->catalogs.FindService(*q.service)) {
      problems.Add("service", "unknown_code", "'" + *q.service + "' is not a known service.");
    }
    f.service = q.service;
  }
  if (q.municipality) {
    auto place = Resolve(ctx, *q.municipality, "municipality");
    if (!place) {
      problems.Add("municipality", "unknown_code", place.error().message);
    } else {
      f.covers = *place;
    }
  }
  if (q.text) {
    if (!text::IsCleanUtf8(*q.text) || q.text->size() > 200) {
      problems.Add("q", "format", "Search text must be at most 200 bytes of text.");
    } else {
      f.folded_text = text::Fold(*q.text);
    }
  }
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->organisations().List(f);
}

Result<CoverageAnswer> WhoCovers(const Context& ctx, const std::string& municipality,
                                 const std::optional<std::string>& service) {
  auto place = ctx.reference->geography.Locate(municipality);
  if (!place) {
    return Invalid("municipality", "unknown_code",
                   "'" + municipality + "' is not a known municipality code.");
  }
  if (service && !ctx.reference->catalogs.FindService(*service)) {
    return Invalid("service", "unknown_code", "'" + *service + "' is not a known service.");
  }
  if (ctx.directory) {
    auto active = ctx.directory->Active(ctx.db);
    if (!active) return tl::unexpected(active.error());
    CoverageAnswer answer{*place, service, {}, *active};
    for (const auto& o : **active) {
      if (!orgs::Covers(o.data.coverage, *place)) continue;
      if (service && std::find(o.data.services.begin(), o.data.services.end(), *service) ==
                         o.data.services.end()) {
        continue;
      }
      answer.organisations.push_back(o);
    }
    return answer;
  }
  ports::OrganisationFilter f;
  f.active = true;
  f.service = service;
  f.covers =
      ports::CoveredPlace{place->municipality->code, place->county->code, place->police_region->id};
  f.limit = 1000;
  f.count_total = false;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto page = (*uow)->organisations().List(f);
  if (!page) return tl::unexpected(page.error());
  return CoverageAnswer{*place, service, std::move(page->items), nullptr};
}

}  // namespace opennrm::app
