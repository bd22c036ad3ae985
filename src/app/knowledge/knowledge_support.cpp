#include "app/knowledge/knowledge_support.hpp"

#include "app/auth/internal.hpp"
#include "app/hotline/routing_rules_holder.hpp"

namespace opennrm::app::knowledge_internal {

using namespace auth_internal;

Status RequireReader(const Caller& caller) {
  const auto& a = caller.actor;
  if (a.IsToken() || !caller.user) {
    return Forbidden("token-not-allowed", "API tokens cannot read the knowledge base.");
  }
  if (a.Has(access::Role::kHotlineOperator) || a.Has(access::Role::kRegionalCoordinator) ||
      a.Has(access::Role::kSocialWorker)) {
    return Ok();
  }
  return Forbidden("",
                   "Only hotline operators, regional coordinators and social workers read "
                   "the knowledge base.");
}

Status RequireWriter(const Caller& caller) {
  const auto& a = caller.actor;
  if (a.IsToken() || !caller.user) {
    return Forbidden("token-not-allowed", "API tokens cannot edit the knowledge base.");
  }
  if (a.Has(access::Role::kHotlineOperator) && a.organisation_kind == orgs::Kind::kNationalUnit) {
    return Ok();
  }
  return Forbidden("", "Only the national unit's hotline operators edit the knowledge base.");
}

::opennrm::audit::Event KnowledgeEvent(const Context& ctx, const Caller& caller,
                                       const std::string& action, const std::string& outcome,
                                       const std::vector<std::string>& article_ids,
                                       const ClientInfo& client) {
  auto e = EventOf(ctx, caller.actor, action, outcome, client.request_id);
  e.purpose = "knowledge";
  for (const auto& id : article_ids) e.objects.push_back(Object("knowledge_article", id, ""));
  return e;
}

Error AuditRefusal(const Context& ctx, const Caller& caller, const std::string& action,
                   const std::string& article_id, Error refusal, const ClientInfo& client) {
  std::vector<std::string> ids;
  if (!article_id.empty()) ids.push_back(article_id);
  (void)Audit(ctx, KnowledgeEvent(ctx, caller, action, "denied", ids, client));
  return refusal;
}

std::optional<std::set<std::string>> KnownReasons(const Context& ctx) {
  if (ctx.routing == nullptr) return std::nullopt;
  std::set<std::string> out;
  for (const auto& rule : ctx.routing->Current().rules->rules()) out.insert(rule.reason);
  return out;
}

Result<ArticleView> ViewOf(ports::UnitOfWork& uow, knowledge::Article article) {
  ArticleView v;
  if (!article.updated_by.empty()) {
    auto user = uow.users().Find(article.updated_by);
    if (!user) return tl::unexpected(user.error());
    if (*user) v.updated_by_name = (*user)->display_name;
  }
  v.article = std::move(article);
  return v;
}

}  // namespace opennrm::app::knowledge_internal
