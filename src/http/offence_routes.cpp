// GET /api/v1/offences: the offences in force on a day (data/rules/offences.toml, loaded at start
// into CaseRules), one version per offence, so that the proceedings form offers the version an act
// of that day falls under, with its grades and, when the law renamed it, the name it had before.
// Reference data: any signed-in user (action reference.read, as the clock rules). Thread-safety:
// the handler only reads the immutable catalog.
#include "core/stockholm_date.hpp"
#include "domain/cases/offences.hpp"
#include "http/api.hpp"
#include "http/clock_dto.hpp"  // Dump
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Json DateOrNull(const std::optional<CivilDate>& d) {
  return d ? Json(FormatIsoDate(*d)) : Json(nullptr);
}

// The version just before `v` of the same offence when it had another name, or nullptr.
const cases::OffenceVersion* RenamedPredecessor(const cases::Offence& offence,
                                                const cases::OffenceVersion& v) {
  const cases::OffenceVersion* before = nullptr;
  for (const auto& other : offence.versions) {
    if (other.valid_from < v.valid_from) before = &other;  // versions are sorted by valid_from
  }
  if (!before || (before->name_en == v.name_en && before->name_sv == v.name_sv)) return nullptr;
  return before;
}

// One version as the API shows it.
Json VersionJson(const cases::OffenceVersion& v, const cases::OffenceVersion* renamed_from) {
  Json grades = Json::array();
  for (const auto& g : v.grades) {
    grades.push_back({{"id", g.id}, {"name_en", g.name_en}, {"name_sv", g.name_sv}});
  }
  Json predecessor = nullptr;
  if (renamed_from) {
    predecessor = {{"version_id", renamed_from->id},
                   {"name_en", renamed_from->name_en},
                   {"name_sv", renamed_from->name_sv},
                   {"legal_reference", renamed_from->legal_reference},
                   {"valid_from", FormatIsoDate(renamed_from->valid_from)},
                   {"valid_to", DateOrNull(renamed_from->valid_to)}};
  }
  return {
      {"offence_id", v.offence_id},
      {"version_id", v.id},
      {"name_en", v.name_en},
      {"name_sv", v.name_sv},
      {"legal_reference", v.legal_reference},
      {"valid_from", FormatIsoDate(v.valid_from)},
      {"valid_to", DateOrNull(v.valid_to)},
      {"sources", v.sources},
      {"grades", std::move(grades)},
      {"needs_description", v.needs_description},
      {"needs_check", v.needs_check},
      {"note", v.note},
      {"renamed_from", std::move(predecessor)},
  };
}

}  // namespace

void AddOffenceRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;
  Route offences{
      "GET",
      "/api/v1/offences",
      [c](const Request& req) {
        Problems p;
        CivilDate on = req.DateQuery("on", StockholmDateOf(c->clock.Now()), p);
        if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
        Json items = Json::array();
        std::string catalog_version;
        if (c->case_rules && c->case_rules->offences) {
          const auto& catalog = *c->case_rules->offences;
          catalog_version = catalog.version();
          for (const auto* v : catalog.AllInForce(on)) {
            const auto* offence = catalog.Find(v->offence_id);
            items.push_back(VersionJson(*v, offence ? RenamedPredecessor(*offence, *v) : nullptr));
          }
        }
        return JsonResponse(Dump(Json{{"on", FormatIsoDate(on)},
                                      {"catalog_version", catalog_version},
                                      {"items", std::move(items)}}));
      },
      0,
      {"on"}};
  offences.action = access::Action::kReferenceRead;
  router.Add(std::move(offences));
}

}  // namespace opennrm::http
