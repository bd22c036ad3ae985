// The operators' knowledge base as use cases (hotline, issue 6 point 7):
// short articles in Swedish and English that the national unit maintains,
// searched from the intake screen and linked from routing reasons.
//
// Who may: reading and searching, users (not API tokens) holding
// hotline_operator, regional_coordinator or social_worker; writing, a
// hotline_operator of an organisation of kind national_unit. Everyone else
// kForbidden. Articles hold no personal data. Every read is audited (action
// "knowledge.read" / "knowledge.searched", purpose "knowledge", objects: the
// articles returned) before the answer; every write after its commit
// ("knowledge.article_created", "..._updated", "..._archived"); refusals as
// "denied". Thread-safe: every call opens its own units of work.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/knowledge/article.hpp"

namespace opennrm::app {

inline constexpr int kMaxArticlesPerPage = 100;

struct ArticleView {
  knowledge::Article article;
  std::string updated_by_name;  // "" for the shipped seed or a user who is gone
};

struct ArticleHitView {
  ArticleView view;
  std::string snippet_sv;  // plain text around the first word found
  std::string snippet_en;
};

struct ArticleQuery {
  std::string q;
  std::string tag;
  std::string reason;
  int limit = 50;  // 1..kMaxArticlesPerPage
};

// What an editor writes.
struct ArticleInput {
  std::string slug;
  std::string title_sv;
  std::string title_en;
  std::string body_sv;
  std::string body_en;
  std::vector<std::string> tags;
  std::vector<std::string> reasons;
};

// A knowledge-base article linked from a routing reason code.
struct ArticleRef {
  std::string reason;  // the reason code it was found for
  std::string id;
  std::string title_sv;
  std::string title_en;
};

// Articles that are not archived, best first (knowledge::Search). kInvalid
// naming "limit", "tag" or "reason" (malformed); kForbidden.
Result<std::vector<ArticleHitView>> ListArticles(const Context& ctx, const Caller& caller,
                                                 const ArticleQuery& query,
                                                 const ClientInfo& client);

// One article, archived ones too. kNotFound; kForbidden.
Result<ArticleView> ReadArticle(const Context& ctx, const Caller& caller, const std::string& id,
                                const ClientInfo& client);

// kInvalid as knowledge::Validate (reasons checked against the routing rules
// in force when ctx.routing is set); kConflict "slug" "taken"; kForbidden.
Result<ArticleView> CreateArticle(const Context& ctx, const Caller& caller,
                                  const ArticleInput& input, const ClientInfo& client);

// Replaces the article's text, tags and reasons when its version is
// `version`. kConflict on a stale version or a taken slug; kNotFound;
// kInvalid; kForbidden.
Result<ArticleView> UpdateArticle(const Context& ctx, const Caller& caller, const std::string& id,
                                  const ArticleInput& input, long long version,
                                  const ClientInfo& client);

// Hides the article from lists and links (it can still be read by id).
// kConflict on a stale version or when already archived; kNotFound; kForbidden.
Result<ArticleView> ArchiveArticle(const Context& ctx, const Caller& caller, const std::string& id,
                                   long long version, const ClientInfo& client);

// For the routing helper: for each reason code, the article that is not
// archived and links it with the fewest reasons (the most specific; then by
// slug); reasons without one are left out. An
// error reading the database yields no links (routing still answers).
// Not audited: titles only, and the routing call is audited itself.
std::vector<ArticleRef> ArticlesForReasons(const Context& ctx,
                                           const std::vector<std::string>& reasons);

// For server start: inserts each shipped article whose slug (or id) is not
// stored yet; never changes a stored one, so editors' work survives, and
// several servers may run it at once. Returns how many were inserted.
// kInvalid when an article breaks the rules (naming "articles[i].<field>").
Result<int> ImportShippedArticles(const Context& ctx,
                                  const std::vector<knowledge::Article>& articles);

}  // namespace opennrm::app
