#include <memory>

#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Json PopulationJson(const std::optional<geo::Population>& p) {
  if (!p) return nullptr;
  return Json{{"count", p->count}, {"year", p->year}};
}

Json CountyJson(const geo::Geography& g, const geo::County& c) {
  size_t n = 0;
  for (const auto& m : g.municipalities()) n += m.county_code == c.code;
  return Json{{"code", c.code},
              {"name", c.name},
              {"short_name", c.short_name},
              {"letter", c.letter},
              {"police_region", c.police_region},
              {"population", PopulationJson(c.population)},
              {"municipality_count", n}};
}

Json MunicipalityJson(const geo::Municipality& m) {
  return Json{{"code", m.code},
              {"name", m.name},
              {"county_code", m.county_code},
              {"population", PopulationJson(m.population)}};
}

Response GeoJson(const std::string& body) {
  Response r = JsonResponse(body);
  r.content_type = "application/geo+json";
  return r;
}

}  // namespace

void AddGeoRoutes(Router& router, const app::Context& ctx, const ApiOptions& options) {
  auto ref = ctx.reference;
  const geo::Geography& g = ref->geography;

  Json regions = Json::array();
  for (const auto& r : g.police_regions()) {
    Json counties = Json::array();
    for (const auto* c : g.CountiesOf(r.id)) counties.push_back(c->code);
    regions.push_back({{"id", r.id},
                       {"name", r.name},
                       {"name_en", r.name_en},
                       {"seat", r.seat},
                       {"counties", std::move(counties)}});
  }
  auto regions_body = std::make_shared<const std::string>(Json{{"items", regions}}.dump());
  router.Add({"GET", "/api/v1/geo/police-regions",
              [regions_body](const Request&) { return JsonResponse(*regions_body); }});

  router.Add({"GET",
              "/api/v1/geo/counties",
              [ref](const Request& req) {
                const auto& geo = ref->geography;
                auto region = req.Query("police_region");
                if (region && !geo.FindPoliceRegion(*region)) {
                  return ProblemResponse(
                      Error{ErrorCode::kInvalid,
                            "Unknown police region.",
                            {{"police_region", "unknown_code", "Not a police region id."}}},
                      req);
                }
                Json items = Json::array();
                for (const auto& c : geo.counties()) {
                  if (!region || c.police_region == *region) items.push_back(CountyJson(geo, c));
                }
                return JsonResponse(Json{{"items", std::move(items)}}.dump());
              },
              0,
              {"police_region"}});

  router.Add({"GET", "/api/v1/geo/counties/{code}", [ref](const Request& req) {
                const auto& geo = ref->geography;
                const geo::County* c = geo.FindCounty(req.path_params.at("code"));
                if (!c)
                  return ProblemResponse(
                      Error{ErrorCode::kNotFound, "No county with this code.", {}}, req);
                Json body = CountyJson(geo, *c);
                Json munis = Json::array();
                geo::MunicipalityQuery q;
                q.county = c->code;
                for (const auto* m : geo.FindMunicipalities(q))
                  munis.push_back(MunicipalityJson(*m));
                body["municipalities"] = std::move(munis);
                return JsonResponse(body.dump());
              }});

  router.Add({"GET",
              "/api/v1/geo/municipalities",
              [ref](const Request& req) {
                const auto& geo = ref->geography;
                geo::MunicipalityQuery q;
                q.county = req.Query("county");
                q.police_region = req.Query("police_region");
                q.name_prefix = req.Query("name_prefix");
                Problems p;
                if (q.county && !geo.FindCounty(*q.county)) {
                  p.Add("county", "unknown_code", "Not a county code.");
                }
                if (q.police_region && !geo.FindPoliceRegion(*q.police_region)) {
                  p.Add("police_region", "unknown_code", "Not a police region id.");
                }
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                Json items = Json::array();
                for (const auto* m : geo.FindMunicipalities(q))
                  items.push_back(MunicipalityJson(*m));
                return JsonResponse(Json{{"items", std::move(items)}}.dump());
              },
              0,
              {"county", "police_region", "name_prefix"}});

  router.Add({"GET", "/api/v1/geo/municipalities/{code}", [ref](const Request& req) {
                auto place = ref->geography.Locate(req.path_params.at("code"));
                if (!place) {
                  return ProblemResponse(
                      Error{ErrorCode::kNotFound, "No municipality with this code.", {}}, req);
                }
                Json body = MunicipalityJson(*place->municipality);
                body["county"] = {{"code", place->county->code},
                                  {"name", place->county->name},
                                  {"letter", place->county->letter}};
                body["police_region"] = {{"id", place->police_region->id},
                                         {"name", place->police_region->name},
                                         {"name_en", place->police_region->name_en}};
                return JsonResponse(body.dump());
              }});

  auto counties_map = std::make_shared<const std::string>(options.counties_geojson);
  auto munis_map = std::make_shared<const std::string>(options.municipalities_geojson);
  router.Add({"GET", "/api/v1/geo/maps/counties",
              [counties_map](const Request&) { return GeoJson(*counties_map); }});
  router.Add({"GET", "/api/v1/geo/maps/municipalities",
              [munis_map](const Request&) { return GeoJson(*munis_map); }});
}

}  // namespace opennrm::http
