// JSON shapes of the audit log's API (docs/api/openapi.yaml, tag "audit") and the reading of
// its time parameters. Hashes, roots and signatures are lower-case hex; times are RFC 3339 in
// UTC with microseconds, because events and checkpoints are stored to the microsecond (a
// checkpoint's signed message names its time in microseconds: `time_us`). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/audit/queries.hpp"
#include "domain/audit/checkpoint.hpp"
#include "http/json_body.hpp"
#include "ports/audit_repository.hpp"

namespace opennrm::http {

// Reads a time parameter: an RFC 3339 date-time with "Z" or an offset (fractions of a second
// beyond microseconds are dropped), or a date YYYY-MM-DD, which means the start of that day in
// UTC, or — when `end_of_day_for_dates` — the start of the next day (so that `to=2026-11-28`
// includes the whole 28th). Microseconds since the epoch; nullopt for anything else.
std::optional<long long> ParseTimeParameter(std::string_view text, bool end_of_day_for_dates);

// "2026-11-28T21:00:00.123456Z".
std::string AuditTime(long long epoch_us);

Json LoggedEventJson(const app::audit::LoggedEvent& e);
Json CheckpointJson(const audit::SignedCheckpoint& c);
Json InclusionProofJson(const app::audit::InclusionProof& p);
Json ConsistencyProofJson(const app::audit::ConsistencyProof& p);
Json AuditKeyJson(const ports::AuditKey& k);

}  // namespace opennrm::http
