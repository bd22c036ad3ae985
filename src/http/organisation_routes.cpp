#include <mutex>
#include <unordered_map>

#include "app/organisations.hpp"
#include "core/date.hpp"
#include "domain/orgs/validation.hpp"
#include "http/api.hpp"
#include "http/organisation_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

// Ids are 32 lower-case hex digits; anything else cannot exist.
bool LooksLikeId(const std::string& id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Response NotFoundOrganisation(const Request& req) {
  return ProblemResponse(Error{ErrorCode::kNotFound, "No organisation with this id.", {}}, req);
}

Response OrganisationResponse(const Result<orgs::Organisation>& r, const Request& req,
                              int status = 200) {
  if (!r) return ProblemResponse(r.error(), req);
  Response out = JsonResponse(OrganisationJson(*r).dump(), status);
  if (status == 201) out.headers.emplace_back("Location", "/api/v1/organisations/" + r->id);
  return out;
}

// Reads an OrganisationInput. When its shape is wrong, the answer names
// those problems together with the rules the readable part breaks.
std::optional<Response> ReadInput(const app::Context& ctx, const Request& req, bool require_version,
                                  OrganisationInput& input) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(body.error(), req);
  Problems shape;
  input = ReadOrganisationInput(*body, require_version, shape);
  if (shape.empty()) return std::nullopt;
  std::vector<FieldProblem> all = shape.items();
  auto rules = orgs::Validate(input.draft, ctx.reference->geography, ctx.reference->catalogs,
                              UtcDateOf(ctx.clock.Now()));
  if (!rules) {
    for (const auto& f : rules.error().fields) {
      bool named = false;
      for (const auto& s : shape.items()) named = named || s.field == f.field;
      if (!named) all.push_back(f);
    }
  }
  return ProblemResponse(Error{ErrorCode::kInvalid, "The request breaks one or more rules.", all},
                         req);
}

// Serialised coverage answers of the current directory snapshot: the
// directory changes rarely and this is the query routing calls most.
// Thread-safe.
class CoverageBodies {
 public:
  std::optional<std::string> Find(const app::DirectoryCache::Snapshot& snapshot,
                                  const std::string& key) {
    std::lock_guard lock(mu_);
    if (!snapshot || snapshot != snapshot_) return std::nullopt;
    auto it = bodies_.find(key);
    if (it == bodies_.end()) return std::nullopt;
    return it->second;
  }
  void Store(const app::DirectoryCache::Snapshot& snapshot, const std::string& key,
             const std::string& body) {
    if (!snapshot) return;
    std::lock_guard lock(mu_);
    if (snapshot != snapshot_) {
      snapshot_ = snapshot;
      bodies_.clear();
    }
    if (bodies_.size() < 4096) bodies_.emplace(key, body);
  }

 private:
  std::mutex mu_;
  app::DirectoryCache::Snapshot snapshot_;               // GUARDED_BY(mu_)
  std::unordered_map<std::string, std::string> bodies_;  // GUARDED_BY(mu_)
};

std::string CoverageBody(const app::CoverageAnswer& answer) {
  Json items = Json::array();
  for (const auto& o : answer.organisations) items.push_back(OrganisationJson(o));
  const auto& place = answer.place;
  return Json{
      {"municipality", {{"code", place.municipality->code}, {"name", place.municipality->name}}},
      {"county", {{"code", place.county->code}, {"name", place.county->name}}},
      {"police_region",
       {{"id", place.police_region->id},
        {"name", place.police_region->name},
        {"name_en", place.police_region->name_en}}},
      {"service", answer.service ? Json(*answer.service) : Json(nullptr)},
      {"items", std::move(items)}}
      .dump();
}

Response SetActive(const app::Context& ctx, const Request& req, bool active) {
  const std::string& id = req.path_params.at("id");
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(body.error(), req);
  if (!LooksLikeId(id)) return NotFoundOrganisation(req);
  Problems p;
  ObjectReader r(*body, "", p);
  auto version = r.Integer("version", true);
  r.RejectUnknown();
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  return OrganisationResponse(app::SetOrganisationActive(ctx, id, active, *version), req);
}

}  // namespace

void AddOrganisationRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET",
              "/api/v1/organisations",
              [c](const Request& req) {
                Problems p;
                app::OrganisationQuery q;
                q.kind = req.Query("kind");
                q.municipality = req.Query("municipality");
                q.service = req.Query("service");
                q.text = req.Query("q");
                if (auto a = req.Query("active")) {
                  if (*a == "true")
                    q.active = true;
                  else if (*a == "false")
                    q.active = false;
                  else if (*a == "all")
                    q.active = std::nullopt;
                  else
                    p.Add("active", "enum", "Must be true, false or all.");
                }
                // The use case checks the ranges; here only that they are integers.
                q.limit = static_cast<int>(req.IntQuery("limit", 50, -1000000, 1000000, p));
                q.offset = static_cast<int>(req.IntQuery("offset", 0, -1000000, 1000000, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto page = app::ListOrganisations(*c, q);
                if (!page) return ProblemResponse(page.error(), req);
                Json items = Json::array();
                for (const auto& o : page->items) items.push_back(OrganisationJson(o));
                return JsonResponse(Json{
                    {"items", std::move(items)},
                    {"total", page->total},
                    {"limit", q.limit},
                    {"offset",
                     q.offset}}.dump());
              },
              0,
              {"kind", "municipality", "service", "q", "active", "limit", "offset"}});

  router.Add({"POST", "/api/v1/organisations", [c](const Request& req) {
                OrganisationInput input;
                if (auto problem = ReadInput(*c, req, false, input)) return *problem;
                return OrganisationResponse(app::CreateOrganisation(*c, std::move(input.draft)),
                                            req, 201);
              }});

  auto bodies = std::make_shared<CoverageBodies>();
  router.Add({"GET",
              "/api/v1/organisations/coverage",
              [c, bodies](const Request& req) {
                auto municipality = req.Query("municipality");
                if (!municipality) {
                  return ProblemResponse(
                      Error{ErrorCode::kInvalid,
                            "Name the municipality.",
                            {{"municipality", "required", "A municipality code is required."}}},
                      req);
                }
                auto service = req.Query("service");
                auto answer = app::WhoCovers(*c, *municipality, service);
                if (!answer) return ProblemResponse(answer.error(), req);
                std::string key = *municipality + "|" + service.value_or("");
                if (auto body = bodies->Find(answer->snapshot, key))
                  return JsonResponse(std::move(*body));
                std::string body = CoverageBody(*answer);
                bodies->Store(answer->snapshot, key, body);
                return JsonResponse(std::move(body));
              },
              0,
              {"municipality", "service"}});

  router.Add({"GET", "/api/v1/organisations/{id}", [c](const Request& req) {
                const std::string& id = req.path_params.at("id");
                if (!LooksLikeId(id)) return NotFoundOrganisation(req);
                return OrganisationResponse(app::GetOrganisation(*c, id), req);
              }});

  router.Add({"PUT", "/api/v1/organisations/{id}", [c](const Request& req) {
                const std::string& id = req.path_params.at("id");
                if (!LooksLikeId(id)) return NotFoundOrganisation(req);
                OrganisationInput input;
                if (auto problem = ReadInput(*c, req, true, input)) return *problem;
                return OrganisationResponse(
                    app::UpdateOrganisation(*c, id, std::move(input.draft), *input.version), req);
              }});

  router.Add({"POST", "/api/v1/organisations/{id}/deactivate",
              [c](const Request& req) { return SetActive(*c, req, false); }});
  router.Add({"POST", "/api/v1/organisations/{id}/activate",
              [c](const Request& req) { return SetActive(*c, req, true); }});
}

}  // namespace opennrm::http
