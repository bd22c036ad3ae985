// How far a login has come (security core). Only kActive may use the
// product; the others may only finish signing in. Names are the API's and
// the database's. Pure.
#pragma once

#include <optional>
#include <string_view>

namespace opennrm::accounts {

enum class SessionStage {
  kTotp,            // password accepted; a TOTP or recovery code is due
  kEnrolTotp,       // password accepted; the user must enrol TOTP first
  kChangePassword,  // a one-time password was used; a new one is due
  kActive,
};

std::string_view ToString(SessionStage stage);  // "totp", "enrol_totp", ...
std::optional<SessionStage> ParseSessionStage(std::string_view name);

}  // namespace opennrm::accounts
