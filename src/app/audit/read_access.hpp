// Reading the audit log through the access policy (security core; issue 3, item 7).
//
// Who reads what, as access::Decide(actor, kAuditRead, the audit log of an organisation) says:
// an organisation's auditor, or an API token scoped to "audit.read", reads the events about
// their own organisation (acted in it, or touching a record it owns); a national auditor reads
// the whole log, or one organisation's when asked; every other caller is refused (403), and
// asking for another organisation's events answers 404, exactly as a record that does not exist.
//
// Reading events is itself audited ("audit.read", naming only which organisation's log was
// read), durably before the events are returned. Checkpoints, proofs and signing keys hold no
// event content (hashes, sizes, times, signatures): the same readers may fetch them, unaudited.
//
// Thread-safe: every call opens its own units of work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/audit/queries.hpp"
#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/access/actor.hpp"

namespace opennrm::app::audit {

// What an auditor asks for. Every filter given narrows the answer.
struct EventQuery {
  std::optional<long long> from_us;  // at or after (microseconds since the epoch, UTC)
  std::optional<long long> to_us;    // before
  std::optional<std::string> actor;  // the acting user or API token
  std::optional<std::string> action;
  std::optional<std::string> object_type;
  std::optional<std::string> object_id;
  // The acting organisation or the owner of a touched record. Default: the caller's own; a
  // national auditor's default is every organisation.
  std::optional<std::string> organisation_id;
  int limit = 50;  // 1..kMaxEventsPerPage
  int offset = 0;
};

// The part of the log a reader is given.
struct ReadScope {
  // The one organisation whose events the reader sees; nullopt: the whole log.
  std::optional<std::string> organisation_id;
};

// Which part of the log `actor` may read when asking for `organisation_id` (nullopt or empty:
// no particular one). kForbidden or kNotFound (the organisation's log is invisible to them) when
// the policy refuses. Pure.
Result<ReadScope> ScopeFor(const access::Actor& actor,
                           const std::optional<std::string>& organisation_id);

// Events newest first, within the caller's scope. kInvalid naming "limit", "offset" or "to".
// Records an "audit.read" event first; kUnavailable when it cannot be written.
Result<EventPage> ReadEvents(const Context& ctx, const Caller& caller, const EventQuery& query,
                             const ClientInfo& client);

// The newest checkpoints first. kInvalid naming "limit" (1..kMaxCheckpointsPerPage).
Result<std::vector<opennrm::audit::SignedCheckpoint>> ReadCheckpoints(const Context& ctx,
                                                                      const Caller& caller,
                                                                      int limit);

// The newest checkpoint; kNotFound before the first is signed.
Result<opennrm::audit::SignedCheckpoint> ReadLatestCheckpoint(const Context& ctx,
                                                              const Caller& caller);

// As AuditQueries::Inclusion (tree_size 0: the latest checkpoint's size).
Result<InclusionProof> ReadInclusionProof(const Context& ctx, const Caller& caller, uint64_t seq,
                                          uint64_t tree_size);

// As AuditQueries::Consistency (to_size 0: the latest checkpoint's size).
Result<ConsistencyProof> ReadConsistencyProof(const Context& ctx, const Caller& caller,
                                              uint64_t from_size, uint64_t to_size);

// The keys that signed checkpoints, oldest first.
Result<std::vector<ports::AuditKey>> ReadPublicKeys(const Context& ctx, const Caller& caller);

}  // namespace opennrm::app::audit
