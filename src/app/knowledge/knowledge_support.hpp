// Shared pieces of the knowledge-base use cases (not part of the app's API):
// who may read and write, audit events, display names. Pure helpers or
// helpers over a unit of work; thread-safe.
#pragma once

#include <set>
#include <string>

#include "app/knowledge/knowledge.hpp"
#include "domain/audit/event.hpp"

namespace opennrm::app::knowledge_internal {

// Users holding hotline_operator, regional_coordinator or social_worker.
Status RequireReader(const Caller& caller);
// A hotline_operator of a national_unit organisation.
Status RequireWriter(const Caller& caller);

// An event of the caller about the articles named, purpose "knowledge" for reads.
::opennrm::audit::Event KnowledgeEvent(const Context& ctx, const Caller& caller,
                                       const std::string& action, const std::string& outcome,
                                       const std::vector<std::string>& article_ids,
                                       const ClientInfo& client);

// Records a refusal as "denied" (best effort: the refusal is returned either way).
Error AuditRefusal(const Context& ctx, const Caller& caller, const std::string& action,
                   const std::string& article_id, Error refusal, const ClientInfo& client);

// The reason codes of the routing rules in force; nullopt without ctx.routing.
std::optional<std::set<std::string>> KnownReasons(const Context& ctx);

// The article viewed, with its last editor's display name.
Result<ArticleView> ViewOf(ports::UnitOfWork& uow, knowledge::Article article);

}  // namespace opennrm::app::knowledge_internal
