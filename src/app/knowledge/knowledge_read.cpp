// ListArticles, ReadArticle and ArticlesForReasons (knowledge.hpp).
#include <algorithm>
#include <map>

#include "app/auth/internal.hpp"
#include "app/knowledge/knowledge.hpp"
#include "app/knowledge/knowledge_support.hpp"
#include "domain/knowledge/search.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace knowledge_internal;

Result<std::vector<ArticleHitView>> ListArticles(const Context& ctx, const Caller& caller,
                                                 const ArticleQuery& query,
                                                 const ClientInfo& client) {
  if (auto st = RequireReader(caller); !st) {
    return tl::unexpected(AuditRefusal(ctx, caller, "knowledge.searched", "", st.error(), client));
  }
  Problems p;
  if (query.limit < 1 || query.limit > kMaxArticlesPerPage) {
    p.Add("limit", "range", "Between 1 and " + std::to_string(kMaxArticlesPerPage) + ".");
  }
  if (!query.tag.empty() && !knowledge::IsTag(query.tag)) {
    p.Add("tag", "format", "A tag is lower-case a-z, digits and '-'.");
  }
  if (!query.reason.empty() && !knowledge::IsReasonCode(query.reason)) {
    p.Add("reason", "format", "A reason code is a-z, digits and '_'.");
  }
  if (query.q.size() > 200) p.Add("q", "too_long", "At most 200 bytes.");
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());

  std::vector<knowledge::Article> articles;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto all = (*uow)->knowledge().All(false);
    if (!all) return tl::unexpected(all.error());
    articles = std::move(*all);
    for (const auto& a : articles) {
      if (a.updated_by.empty() || names.count(a.updated_by)) continue;
      auto user = (*uow)->users().Find(a.updated_by);
      if (!user) return tl::unexpected(user.error());
      names[a.updated_by] = *user ? (*user)->display_name : "";
    }
  }
  knowledge::SearchQuery sq;
  sq.q = query.q;
  sq.tag = query.tag;
  sq.reason = query.reason;
  sq.limit = static_cast<std::size_t>(query.limit);
  std::vector<ArticleHitView> out;
  std::vector<std::string> ids;
  for (auto& hit : knowledge::Search(articles, sq)) {
    ArticleHitView h;
    h.view.article = articles[hit.index];
    h.view.updated_by_name = names[h.view.article.updated_by];
    h.snippet_sv = std::move(hit.snippet_sv);
    h.snippet_en = std::move(hit.snippet_en);
    ids.push_back(h.view.article.id);
    out.push_back(std::move(h));
  }
  auto e = KnowledgeEvent(ctx, caller, "knowledge.searched", "allowed", ids, client);
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<ArticleView> ReadArticle(const Context& ctx, const Caller& caller, const std::string& id,
                                const ClientInfo& client) {
  if (auto st = RequireReader(caller); !st) {
    return tl::unexpected(AuditRefusal(ctx, caller, "knowledge.read", id, st.error(), client));
  }
  std::optional<ArticleView> view;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->knowledge().Find(id);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return NotFound("No such article.");
    auto v = ViewOf(**uow, std::move(**found));
    if (!v) return tl::unexpected(v.error());
    view = std::move(*v);
  }
  auto e = KnowledgeEvent(ctx, caller, "knowledge.read", "allowed", {id}, client);
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return std::move(*view);
}

std::vector<ArticleRef> ArticlesForReasons(const Context& ctx,
                                           const std::vector<std::string>& reasons) {
  std::vector<ArticleRef> out;
  if (reasons.empty()) return out;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return out;
  auto all = (*uow)->knowledge().All(false);  // by slug
  if (!all) return out;
  for (const auto& reason : reasons) {
    bool linked = false;
    for (const auto& ref : out) linked = linked || ref.reason == reason;
    if (linked) continue;
    const knowledge::Article* best = nullptr;
    for (const auto& a : *all) {
      if (std::find(a.reasons.begin(), a.reasons.end(), reason) == a.reasons.end()) continue;
      // The most specific article (fewest reasons) explains the reason best.
      if (best == nullptr || a.reasons.size() < best->reasons.size()) best = &a;
    }
    if (best) out.push_back({reason, best->id, best->title_sv, best->title_en});
  }
  return out;
}

}  // namespace opennrm::app
