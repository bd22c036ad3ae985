#include "domain/accounts/session_stage.hpp"

namespace opennrm::accounts {

std::string_view ToString(SessionStage stage) {
  switch (stage) {
    case SessionStage::kTotp:
      return "totp";
    case SessionStage::kEnrolTotp:
      return "enrol_totp";
    case SessionStage::kChangePassword:
      return "change_password";
    case SessionStage::kActive:
      return "active";
  }
  return "totp";  // unreachable: the switch names every stage
}

std::optional<SessionStage> ParseSessionStage(std::string_view name) {
  for (auto stage : {SessionStage::kTotp, SessionStage::kEnrolTotp, SessionStage::kChangePassword,
                     SessionStage::kActive}) {
    if (ToString(stage) == name) return stage;
  }
  return std::nullopt;
}

}  // namespace opennrm::accounts
