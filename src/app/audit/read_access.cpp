#include "app/audit/read_access.hpp"

#include "domain/access/policy.hpp"

namespace opennrm::app::audit {

namespace oa = opennrm::audit;

namespace {

// Not app/auth/internal.hpp's Require and EventOf: that header names opennrm::audit as
// `audit::`, which inside opennrm::app resolves to this namespace once it is declared.

access::Resource AuditLogOf(std::string organisation_id) {
  access::Resource r;
  r.kind = access::ResourceKind::kAuditLog;
  r.owner_organisation_id = std::move(organisation_id);
  return r;
}

// A denial as an error: 404 when the log must stay invisible, 403 otherwise.
Status Require(const access::Decision& d) {
  if (d.allowed) return Ok();
  if (d.visibility == access::Visibility::kHidden) return NotFound("Not found.");
  return Forbidden("forbidden", "You may not read the audit log (" + std::string(d.reason) + ").");
}

// Checkpoints, proofs and keys: for whoever may read their own organisation's log.
Status RequireReader(const Caller& caller) {
  return Require(access::Decide(caller.actor, access::Action::kAuditRead,
                                AuditLogOf(caller.actor.organisation_id)));
}

// The caller's "audit.read" event, durable when this returns.
Status RecordRead(const Context& ctx, const Caller& caller, const ReadScope& scope,
                  const ClientInfo& client) {
  if (!ctx.security) return Internal("The security core is not configured.");
  const access::Actor& a = caller.actor;
  oa::Event e;
  e.at_us = ToEpochMicros(ctx.clock.Now());
  e.actor_user_id = a.user_id;
  e.actor_token_id = a.token_id;
  e.organisation_id = a.organisation_id;
  for (access::Role r : a.roles) e.roles.emplace_back(access::ToString(r));
  e.action = "audit.read";
  e.outcome = "allowed";
  e.request_id = client.request_id;
  // The log read, never the filters: an object id asked for could be a person's record.
  std::string owner = scope.organisation_id.value_or("");
  e.objects.push_back(oa::ObjectRef{"audit_log", owner.empty() ? "all" : owner, owner, {}});
  if (!ctx.security->audit.Record(std::move(e))) {
    return Fail(ErrorCode::kUnavailable, "The audit log cannot be written.");
  }
  return Ok();
}

}  // namespace

Result<ReadScope> ScopeFor(const access::Actor& actor,
                           const std::optional<std::string>& organisation_id) {
  if (organisation_id && !organisation_id->empty()) {
    auto d = access::Decide(actor, access::Action::kAuditRead, AuditLogOf(*organisation_id));
    if (auto st = Require(d); !st) return tl::unexpected(st.error());
    return ReadScope{*organisation_id};
  }
  // No organisation asked for: the caller must be able to read at least their own; the log of
  // no owner in particular stands for the whole log, which the policy grants only to those who
  // may read every organisation's.
  auto own = access::Decide(actor, access::Action::kAuditRead, AuditLogOf(actor.organisation_id));
  if (auto st = Require(own); !st) return tl::unexpected(st.error());
  if (access::Decide(actor, access::Action::kAuditRead, AuditLogOf("")).allowed) {
    return ReadScope{std::nullopt};
  }
  return ReadScope{actor.organisation_id};
}

Result<EventPage> ReadEvents(const Context& ctx, const Caller& caller, const EventQuery& query,
                             const ClientInfo& client) {
  auto scope = ScopeFor(caller.actor, query.organisation_id);
  if (!scope) return tl::unexpected(scope.error());
  ports::AuditEventFilter filter;
  filter.from_us = query.from_us;
  filter.to_us = query.to_us;
  filter.actor = query.actor;
  filter.action = query.action;
  filter.object_type = query.object_type;
  filter.object_id = query.object_id;
  filter.organisation_id = scope->organisation_id;
  filter.limit = query.limit;
  filter.offset = query.offset;
  AuditQueries queries(ctx.db);
  auto page = queries.ListEvents(filter);
  if (!page) return page;
  if (auto st = RecordRead(ctx, caller, *scope, client); !st) return tl::unexpected(st.error());
  return page;
}

Result<std::vector<oa::SignedCheckpoint>> ReadCheckpoints(const Context& ctx, const Caller& caller,
                                                          int limit) {
  if (auto st = RequireReader(caller); !st) return tl::unexpected(st.error());
  return AuditQueries(ctx.db).Checkpoints(limit);
}

Result<oa::SignedCheckpoint> ReadLatestCheckpoint(const Context& ctx, const Caller& caller) {
  auto list = ReadCheckpoints(ctx, caller, 1);
  if (!list) return tl::unexpected(list.error());
  if (list->empty()) return NotFound("No audit checkpoint has been signed yet.");
  return list->front();
}

Result<InclusionProof> ReadInclusionProof(const Context& ctx, const Caller& caller, uint64_t seq,
                                          uint64_t tree_size) {
  if (auto st = RequireReader(caller); !st) return tl::unexpected(st.error());
  return AuditQueries(ctx.db).Inclusion(seq, tree_size);
}

Result<ConsistencyProof> ReadConsistencyProof(const Context& ctx, const Caller& caller,
                                              uint64_t from_size, uint64_t to_size) {
  if (auto st = RequireReader(caller); !st) return tl::unexpected(st.error());
  return AuditQueries(ctx.db).Consistency(from_size, to_size);
}

Result<std::vector<ports::AuditKey>> ReadPublicKeys(const Context& ctx, const Caller& caller) {
  if (auto st = RequireReader(caller); !st) return tl::unexpected(st.error());
  return AuditQueries(ctx.db).PublicKeys();
}

}  // namespace opennrm::app::audit
