// Server-side sessions (security core), shared by every server on the
// database. The cookie carries a random token; only its digest is stored.
// Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/accounts/session_stage.hpp"

namespace opennrm::ports {

using SessionStage = accounts::SessionStage;

struct SessionRecord {
  std::string id;          // opaque, shown in "my sessions"
  std::string token_hash;  // digest of the cookie's token
  std::string user_id;
  std::string organisation_id;
  SessionStage stage = SessionStage::kTotp;
  // Sent back in X-CSRF-Token on every state change. Derived from the
  // cookie's token by a keyed digest and never stored: empty in storage.
  std::string csrf_token;
  long long created_at_us = 0;
  long long last_seen_at_us = 0;  // written at most once a minute
  long long expires_at_us = 0;    // absolute end
  std::optional<long long> revoked_at_us;
  std::string client_label;  // e.g. "Firefox on Linux", for "my sessions"
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Insert(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> FindByTokenHash(const std::string& token_hash) = 0;
  virtual Result<std::optional<SessionRecord>> Find(const std::string& id) = 0;
  virtual Status SetStage(const std::string& id, SessionStage stage) = 0;
  virtual Status Touch(const std::string& id, long long last_seen_at_us) = 0;
  // Revokes one session of `user_id`; false if there was none to revoke.
  virtual Result<bool> Revoke(const std::string& user_id, const std::string& id,
                              long long at_us) = 0;
  // Revokes every live session of the user; returns how many.
  virtual Result<long long> RevokeAll(const std::string& user_id, long long at_us) = 0;
  // The user's sessions not revoked and not past `now_us` absolutely,
  // newest first.
  virtual Result<std::vector<SessionRecord>> ListLive(const std::string& user_id,
                                                      long long now_us) = 0;
  // Deletes sessions that ended before `before_us`.
  virtual Result<long long> Prune(long long before_us) = 0;
  // A counter that moves whenever a session's stage, expiry or revocation, a user, a user's roles
  // or an organisation changes (or is deleted), by any writer; a touch (last seen) does not move
  // it. While it has not moved, a session check made earlier still holds, but for time.
  virtual Result<long long> SignInVersion() = 0;
};

}  // namespace opennrm::ports
