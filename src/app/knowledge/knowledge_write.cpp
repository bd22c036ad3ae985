// CreateArticle, UpdateArticle, ArchiveArticle and ImportShippedArticles
// (knowledge.hpp): validate, write in one unit of work, audit after commit.
#include "app/auth/internal.hpp"
#include "app/knowledge/knowledge.hpp"
#include "app/knowledge/knowledge_support.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace knowledge_internal;

namespace {

void Apply(const ArticleInput& in, knowledge::Article& a) {
  a.slug = in.slug;
  a.title_sv = in.title_sv;
  a.title_en = in.title_en;
  a.body_sv = in.body_sv;
  a.body_en = in.body_en;
  a.tags = in.tags;
  a.reasons = in.reasons;
}

Status Check(const Context& ctx, const knowledge::Article& a) {
  auto known = KnownReasons(ctx);
  return knowledge::Validate(a, known ? &*known : nullptr);
}

// kConflict naming "slug" when another article holds it.
Status SlugFree(ports::UnitOfWork& uow, const knowledge::Article& a) {
  auto other = uow.knowledge().FindBySlug(a.slug);
  if (!other) return tl::unexpected(other.error());
  if (*other && (*other)->id != a.id) {
    return Fail(ErrorCode::kConflict, "Another article has this slug.",
                {{"slug", "taken", "Another article has this slug."}});
  }
  return Ok();
}

// Writes the change made by `change` to the stored article `id` at `version`.
template <typename Change>
Result<ArticleView> Rewrite(const Context& ctx, const Caller& caller, const std::string& id,
                            long long version, const std::string& action, Change change,
                            const ClientInfo& client) {
  if (auto st = RequireWriter(caller); !st) {
    return tl::unexpected(AuditRefusal(ctx, caller, action, id, st.error(), client));
  }
  std::optional<ArticleView> view;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->knowledge().Find(id);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return NotFound("No such article.");
    knowledge::Article a = std::move(**found);
    if (a.version != version) {
      return Fail(
          ErrorCode::kConflict, "The article was changed by someone else; reload it and try again.",
          {{"version", "stale", "The article is at version " + std::to_string(a.version) + "."}});
    }
    if (auto st = change(**uow, a); !st) return tl::unexpected(st.error());
    a.updated_by = caller.actor.user_id;
    a.updated_at_us = NowUs(ctx);
    a.version = version + 1;
    if (auto st = (*uow)->knowledge().Update(a, version); !st) return tl::unexpected(st.error());
    auto v = ViewOf(**uow, std::move(a));
    if (!v) return tl::unexpected(v.error());
    if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
    view = std::move(*v);
  }
  if (auto st = Audit(ctx, KnowledgeEvent(ctx, caller, action, "allowed", {id}, client)); !st) {
    return tl::unexpected(st.error());
  }
  return std::move(*view);
}

}  // namespace

Result<ArticleView> CreateArticle(const Context& ctx, const Caller& caller,
                                  const ArticleInput& input, const ClientInfo& client) {
  const std::string action = "knowledge.article_created";
  if (auto st = RequireWriter(caller); !st) {
    return tl::unexpected(AuditRefusal(ctx, caller, action, "", st.error(), client));
  }
  knowledge::Article a;
  Apply(input, a);
  if (auto st = Check(ctx, a); !st) return tl::unexpected(st.error());
  a.id = ctx.ids.NewId();
  a.created_by = a.updated_by = caller.actor.user_id;
  a.created_at_us = a.updated_at_us = NowUs(ctx);
  a.version = 1;
  std::optional<ArticleView> view;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = SlugFree(**uow, a); !st) return tl::unexpected(st.error());
    if (auto st = (*uow)->knowledge().Insert(a); !st) return tl::unexpected(st.error());
    auto v = ViewOf(**uow, a);
    if (!v) return tl::unexpected(v.error());
    if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
    view = std::move(*v);
  }
  if (auto st = Audit(ctx, KnowledgeEvent(ctx, caller, action, "allowed", {a.id}, client)); !st) {
    return tl::unexpected(st.error());
  }
  return std::move(*view);
}

Result<ArticleView> UpdateArticle(const Context& ctx, const Caller& caller, const std::string& id,
                                  const ArticleInput& input, long long version,
                                  const ClientInfo& client) {
  return Rewrite(
      ctx, caller, id, version, "knowledge.article_updated",
      [&](ports::UnitOfWork& uow, knowledge::Article& a) -> Status {
        Apply(input, a);
        if (auto st = Check(ctx, a); !st) return st;
        return SlugFree(uow, a);
      },
      client);
}

Result<ArticleView> ArchiveArticle(const Context& ctx, const Caller& caller, const std::string& id,
                                   long long version, const ClientInfo& client) {
  return Rewrite(
      ctx, caller, id, version, "knowledge.article_archived",
      [](ports::UnitOfWork&, knowledge::Article& a) -> Status {
        if (a.archived) {
          return Fail(ErrorCode::kConflict, "The article is archived already.",
                      {{"archived", "already", "The article is archived already."}});
        }
        a.archived = true;
        return Ok();
      },
      client);
}

Result<int> ImportShippedArticles(const Context& ctx,
                                  const std::vector<knowledge::Article>& articles) {
  auto known = KnownReasons(ctx);
  Problems p;
  for (size_t i = 0; i < articles.size(); ++i) {
    auto st = knowledge::Validate(articles[i], known ? &*known : nullptr);
    if (st) continue;
    for (const auto& f : st.error().fields) {
      p.Add("articles[" + std::to_string(i) + "]." + f.field, f.rule, f.detail);
    }
  }
  if (auto st = p.ToStatus("A shipped article breaks the rules."); !st) {
    return tl::unexpected(st.error());
  }
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  int inserted = 0;
  const long long now = NowUs(ctx);
  for (auto a : articles) {
    a.created_by = a.updated_by = "";
    a.created_at_us = a.updated_at_us = now;
    a.version = 1;
    a.archived = false;
    auto added = (*uow)->knowledge().InsertIfAbsent(a);
    if (!added) return tl::unexpected(added.error());
    if (*added) ++inserted;
  }
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  return inserted;
}

}  // namespace opennrm::app
