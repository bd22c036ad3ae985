// Where user accounts are kept (security core): who may log in, to which
// organisation they belong and which roles they hold. Used inside a
// UnitOfWork, so it shares that unit's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/access/roles.hpp"

namespace opennrm::ports {

struct UserRecord {
  std::string id;
  std::string organisation_id;
  std::string username;      // the login name, folded (lower case, NFC); unique
  std::string display_name;  // how colleagues see the user
  std::vector<access::Role> roles;
  std::string password_hash;  // Argon2id encoded string
  bool must_change_password = false;
  // The TOTP secret sealed under the organisation's data key at
  // (organisation_id, "users", "totp_secret", id); empty until enrolled.
  std::string totp_secret_sealed;
  // A secret offered for enrolment but not yet confirmed, sealed at
  // (organisation_id, "users", "totp_pending", id); empty when none.
  std::string totp_pending_sealed;
  std::optional<long long> totp_last_step;  // the last accepted 30 s step
  bool active = true;
  long long created_at_us = 0;
  long long updated_at_us = 0;
  long long version = 1;  // optimistic concurrency for administrators' edits
};

struct UserFilter {
  std::optional<std::string> organisation_id;
  std::optional<access::Role> role;
  std::optional<bool> active;
  std::optional<std::string> folded_text;  // matched against username and folded display name
  int limit = 50;
  int offset = 0;
};

struct UserPage {
  std::vector<UserRecord> items;
  long long total = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // kConflict if the id or the username exists.
  virtual Status Insert(const UserRecord& user) = 0;
  virtual Result<std::optional<UserRecord>> Find(const std::string& id) = 0;
  virtual Result<std::optional<UserRecord>> FindByUsername(const std::string& folded_username) = 0;
  // Replaces every field (roles included) when the stored version equals
  // `expected_version`, storing user.version; kConflict otherwise. Except:
  // totp_last_step never moves back (ConsumeTotpStep does not bump the
  // version, so a record read before a login must not reopen its step), and
  // created_at_us is kept.
  virtual Status Update(const UserRecord& user, long long expected_version) = 0;
  // Ordered by username.
  virtual Result<UserPage> List(const UserFilter& filter) = 0;
  // Accepts TOTP step `step` for the user only if it is later than the last
  // accepted one, atomically (a conditional UPDATE): true when accepted. A
  // code replayed on any server is refused.
  virtual Result<bool> ConsumeTotpStep(const std::string& user_id, long long step) = 0;
  // Whether any active user holds `role` (first start: is there a system administrator?).
  virtual Result<bool> AnyActiveWithRole(access::Role role) = 0;

  // Recovery codes: only their keyed hashes are stored.
  virtual Status ReplaceRecoveryCodes(const std::string& user_id,
                                      const std::vector<std::string>& hashes) = 0;
  virtual Result<std::vector<std::string>> RecoveryCodeHashes(const std::string& user_id) = 0;
  // Deletes one code's hash; false if it was already gone (used elsewhere).
  virtual Result<bool> ConsumeRecoveryCode(const std::string& user_id, const std::string& hash) = 0;
};

}  // namespace opennrm::ports
