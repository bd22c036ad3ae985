// What the security core's use cases need beyond the database and the clock:
// hashing, TOTP, tokens, field encryption, blind indexes for name search, the
// audit log, the settings an operator may tune (never the ones that would
// switch protection off), and the sealing of referral packages.
#pragma once

#include <chrono>
#include <string>

#include "domain/accounts/login_throttle.hpp"
#include "ports/audit_log.hpp"
#include "ports/blind_index.hpp"
#include "ports/field_cipher.hpp"
#include "ports/package_sealer.hpp"
#include "ports/password_hasher.hpp"
#include "ports/secrets.hpp"
#include "ports/totp.hpp"

namespace opennrm::app {

class SessionCache;

struct AuthSettings {
  std::chrono::seconds idle_timeout{15 * 60};
  std::chrono::seconds absolute_timeout{12 * 60 * 60};
  std::chrono::seconds touch_interval{60};  // last-seen written at most this often
  accounts::ThrottleRule throttle{};
  std::string totp_issuer = "OpenNRM";
  std::chrono::seconds max_token_lifetime{366LL * 24 * 60 * 60};
};

struct SecurityServices {
  ports::PasswordHasher& hasher;
  ports::Totp& totp;
  ports::Secrets& secrets;
  ports::FieldCipher& cipher;
  ports::BlindIndex& blind_index;
  ports::AuditLog& audit;
  AuthSettings settings;
  // Seals and opens referral packages; null where no referral is sent or read
  // (last, so that initialisers without it stay valid).
  ports::PackageSealer* packages = nullptr;
  // The server's kept session checks (app/auth/session_cache.hpp); null: every request looks its
  // session up in full.
  SessionCache* session_checks = nullptr;
};

}  // namespace opennrm::app
