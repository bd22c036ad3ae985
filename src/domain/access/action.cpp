#include "domain/access/action.hpp"

#include <utility>

namespace opennrm::access {

namespace {

struct ActionInfo {
  Action action;
  std::string_view name;
  bool token;
};

const std::vector<ActionInfo>& Actions() {
  static const std::vector<ActionInfo> kActions{
      {Action::kDirectoryRead, "directory.read", true},
      {Action::kDirectoryManage, "directory.manage", false},
      {Action::kReferenceRead, "reference.read", true},
      {Action::kOwnAccount, "own_account", false},
      {Action::kUsersRead, "users.read", true},
      {Action::kUsersManage, "users.manage", false},
      {Action::kTokensManage, "tokens.manage", false},
      {Action::kAuditRead, "audit.read", true},
      // Records are opened by people on a team; an integration's access to
      // them comes with the case-management issue, not by default.
      {Action::kRecordRead, "record.read", false},
      {Action::kRecordWrite, "record.write", false},
      {Action::kRecordBreakGlass, "record.break_glass", false},
      {Action::kStatisticsRead, "statistics.read", true},
      // Publishing and importing are the national unit's decisions, taken by
      // a person; exact own figures never leave the product, so no token.
      {Action::kStatisticsManage, "statistics.manage", false},
      {Action::kStatisticsOwn, "statistics.own", false},
  };
  return kActions;
}

}  // namespace

const std::vector<Action>& AllActions() {
  static const std::vector<Action> kAll = [] {
    std::vector<Action> v;
    for (const auto& a : Actions()) v.push_back(a.action);
    return v;
  }();
  return kAll;
}

std::string_view ToString(Action action) {
  for (const auto& a : Actions()) {
    if (a.action == action) return a.name;
  }
  return "";
}

std::optional<Action> ParseAction(std::string_view text) {
  for (const auto& a : Actions()) {
    if (a.name == text) return a.action;
  }
  return std::nullopt;
}

bool TokenMayHold(Action action) {
  for (const auto& a : Actions()) {
    if (a.action == action) return a.token;
  }
  return false;
}

}  // namespace opennrm::access
