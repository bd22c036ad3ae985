#include <memory>

#include "domain/text/fold.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

// True when any word of `folded_name` starts with `folded_query`.
bool WordPrefix(const std::string& folded_name, const std::string& folded_query) {
  size_t pos = 0;
  while (pos < folded_name.size()) {
    if (folded_name.compare(pos, folded_query.size(), folded_query) == 0) return true;
    size_t next = folded_name.find_first_of(" (),;", pos);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return false;
}

std::optional<std::string> FoldedQuery(const Request& req, Problems& p) {
  auto q = req.Query("q");
  if (!q) return std::nullopt;
  if (!text::IsCleanUtf8(*q) || q->size() > 100) {
    p.Add("q", "format", "At most 100 bytes of text.");
    return std::nullopt;
  }
  return text::Fold(*q);
}

}  // namespace

void AddReferenceRoutes(Router& router, const app::Context& ctx) {
  auto ref = ctx.reference;
  // Folded names, computed once: [i] = {english, swedish}.
  auto folded_countries = std::make_shared<std::vector<std::pair<std::string, std::string>>>();
  for (const auto& c : ref->catalogs.countries()) {
    folded_countries->emplace_back(text::Fold(c.name_en), text::Fold(c.name_sv));
  }
  auto folded_languages = std::make_shared<std::vector<std::pair<std::string, std::string>>>();
  for (const auto& l : ref->catalogs.languages()) {
    folded_languages->emplace_back(text::Fold(l.name_en), text::Fold(l.name_sv));
  }

  router.Add({"GET",
              "/api/v1/ref/countries",
              [ref, folded_countries](const Request& req) {
                Problems p;
                auto q = FoldedQuery(req, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                Json items = Json::array();
                const auto& countries = ref->catalogs.countries();
                for (size_t i = 0; i < countries.size(); ++i) {
                  const auto& c = countries[i];
                  const auto& [en, sv] = (*folded_countries)[i];
                  if (q && !q->empty() && text::Fold(c.alpha2) != *q &&
                      text::Fold(c.alpha3) != *q && !WordPrefix(en, *q) && !WordPrefix(sv, *q)) {
                    continue;
                  }
                  items.push_back({{"alpha2", c.alpha2},
                                   {"alpha3", c.alpha3},
                                   {"numeric", c.numeric},
                                   {"name_en", c.name_en},
                                   {"name_sv", c.name_sv}});
                }
                return JsonResponse(Json{{"items", std::move(items)}}.dump());
              },
              0,
              {"q"}});

  router.Add({"GET",
              "/api/v1/ref/languages",
              [ref, folded_languages](const Request& req) {
                Problems p;
                auto q = FoldedQuery(req, p);
                long long limit = req.IntQuery("limit", 50, 1, 10000, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                Json items = Json::array();
                long long total = 0;
                const auto& languages = ref->catalogs.languages();
                // An exact code match comes first ("rom" before "Romano-Greek").
                if (q && !q->empty()) {
                  if (const auto* exact = ref->catalogs.FindLanguage(*q)) {
                    ++total;
                    items.push_back({{"code", exact->code},
                                     {"name_en", exact->name_en},
                                     {"name_sv", exact->name_sv},
                                     {"scope", exact->scope},
                                     {"type", exact->type}});
                  }
                }
                for (size_t i = 0; i < languages.size(); ++i) {
                  const auto& l = languages[i];
                  const auto& [en, sv] = (*folded_languages)[i];
                  if (q && !q->empty() &&
                      (l.code == *q || (!WordPrefix(en, *q) && !WordPrefix(sv, *q)))) {
                    continue;
                  }
                  ++total;
                  if (static_cast<long long>(items.size()) >= limit) continue;
                  items.push_back({{"code", l.code},
                                   {"name_en", l.name_en},
                                   {"name_sv", l.name_sv},
                                   {"scope", l.scope},
                                   {"type", l.type}});
                }
                return JsonResponse(Json{{"items", std::move(items)}, {"total", total}}.dump());
              },
              0,
              {"q", "limit"}});

  Json services = Json::array();
  for (const auto& s : ref->catalogs.services().services) {
    services.push_back(
        {{"code", s.code}, {"name_en", s.name_en}, {"name_sv", s.name_sv}, {"group", s.group}});
  }
  auto services_body = std::make_shared<const std::string>(
      Json{{"version", ref->catalogs.services().version}, {"items", services}}.dump());
  router.Add({"GET", "/api/v1/ref/services",
              [services_body](const Request&) { return JsonResponse(*services_body); }});

  Json kinds = Json::array();
  for (auto k : orgs::AllKinds()) {
    kinds.push_back({{"code", std::string(orgs::ToString(k))},
                     {"public_authority", orgs::IsPublicAuthority(k)}});
  }
  auto kinds_body = std::make_shared<const std::string>(Json{{"items", kinds}}.dump());
  router.Add({"GET", "/api/v1/ref/organisation-kinds",
              [kinds_body](const Request&) { return JsonResponse(*kinds_body); }});
}

}  // namespace opennrm::http
