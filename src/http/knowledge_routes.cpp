// The operators' knowledge base (hotline, issue 6 point 7). Thin: parse,
// call the use case, map the result.
#include "app/knowledge/knowledge.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/json_body.hpp"
#include "http/knowledge_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

constexpr size_t kArticleBodyLimit = 128 * 1024;  // two bodies of 20000 bytes, escaped

}  // namespace

void AddKnowledgeRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET",
              "/api/v1/knowledge",
              [c](const Request& req) {
                Problems p;
                app::ArticleQuery q;
                q.q = req.Query("q").value_or("");
                q.tag = req.Query("tag").value_or("");
                q.reason = req.Query("reason").value_or("");
                q.limit =
                    static_cast<int>(req.IntQuery("limit", 50, 1, app::kMaxArticlesPerPage, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto hits = app::ListArticles(*c, CallerOf(req), q, ClientOf(req));
                if (!hits) return ProblemResponse(hits.error(), req);
                Json items = Json::array();
                for (const auto& h : *hits) items.push_back(ArticleHitJson(h));
                return JsonAnswer(Json{{"items", std::move(items)}});
              },
              0,
              {"q", "tag", "reason", "limit"}});

  router.Add({"GET", "/api/v1/knowledge/{id}", [c](const Request& req) {
                auto v =
                    app::ReadArticle(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(ArticleJson(*v));
              }});

  router.Add({"POST", "/api/v1/knowledge",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                long long version = 0;
                auto in = ReadArticleInput(*body, false, version, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto v = app::CreateArticle(*c, CallerOf(req), in, ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                Response r = JsonAnswer(ArticleJson(*v), 201);
                r.headers.emplace_back("Location", "/api/v1/knowledge/" + v->article.id);
                return r;
              },
              kArticleBodyLimit});

  router.Add({"PUT", "/api/v1/knowledge/{id}",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                long long version = 0;
                auto in = ReadArticleInput(*body, true, version, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto v = app::UpdateArticle(*c, CallerOf(req), req.path_params.at("id"), in,
                                            version, ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(ArticleJson(*v));
              },
              kArticleBodyLimit});

  router.Add({"POST", "/api/v1/knowledge/{id}/archive", [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                const long long version = r.Integer("version", true).value_or(0);
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto v = app::ArchiveArticle(*c, CallerOf(req), req.path_params.at("id"), version,
                                             ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(ArticleJson(*v));
              }});
}

}  // namespace opennrm::http
