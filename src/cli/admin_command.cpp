#include "cli/admin_command.hpp"

#include <iostream>

#include "app/tokens.hpp"
#include "app/users.hpp"
#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "cli/security_runtime.hpp"
#include "core/date.hpp"

namespace opennrm::cli {

namespace {

struct Session {
  std::unique_ptr<Runtime> rt;
  std::unique_ptr<SecurityRuntime> sec;
  app::Context ctx() {
    app::Context c = rt->context();
    c.security = sec->services.get();
    return c;
  }
};

Result<Session> Open(const Config& config) {
  auto rt = Start(config, StartOptions{false, true});
  if (!rt) return tl::unexpected(rt.error());
  auto sec = StartSecurity(config, *(*rt)->db, (*rt)->clock, ProcessHolderName());
  if (!sec) return tl::unexpected(sec.error());
  return Session{std::move(*rt), std::move(*sec)};
}

void PrintUser(const app::UserSummary& u) {
  std::string roles;
  for (auto r : u.roles) roles += (roles.empty() ? "" : ",") + std::string(access::ToString(r));
  std::cout << u.username << "\t" << u.display_name << "\t" << u.organisation_name << " ("
            << u.organisation_id << ")\t" << roles << "\t" << (u.active ? "active" : "disabled")
            << (u.totp_enrolled ? "\ttotp" : "\tno-totp") << "\n";
}

// The app's field names as the options that gave them, so that a problem
// names what to change on the command line.
Error OnCommandLine(Error e, const std::vector<std::string>& actions) {
  for (auto& f : e.fields) {
    if (f.field == "user") {
      f.field = "--user";
    } else if (f.field == "name") {
      f.field = "--name";
    } else if (f.field == "expires_at") {
      f.field = "--expires-days";
    } else if (f.field.rfind("actions[", 0) == 0) {
      size_t i = std::strtoul(f.field.c_str() + 8, nullptr, 10);
      f.field = "--actions " + (i < actions.size() ? "\"" + actions[i] + "\"" : f.field);
    } else if (f.field == "actions") {
      f.field = "--actions";
    }
  }
  return e;
}

// Creates the token; prints a description to stderr and only the token to
// stdout, so that a script can capture it.
int CreateToken(const app::Context& ctx, const std::string& username, const std::string& name,
                const std::vector<std::string>& listed, int days) {
  std::vector<std::string> actions;
  for (std::string a : listed) {
    a.erase(0, a.find_first_not_of(" \t"));
    a.erase(a.find_last_not_of(" \t") + 1);
    actions.push_back(a);
  }
  std::string expires = FormatIsoDate(UtcDateOf(ctx.clock.Now() + std::chrono::days(days)));
  auto made = app::CreateTokenAsSystem(ctx, username, app::NewToken{name, actions, expires});
  if (!made) return Report(OnCommandLine(made.error(), actions));
  std::string scope;
  for (const auto& a : made->token.actions) scope += (scope.empty() ? "" : ",") + a;
  std::cerr << "API token \"" << made->token.name << "\" (" << made->token.id
            << ") of organisation " << made->token.organisation_id << ", created by " << username
            << ", actions " << scope << ", valid until the end of " << expires
            << " UTC. The token follows on stdout, shown once.\n";
  std::cout << made->secret << "\n";
  return 0;
}

}  // namespace

void AdminCommands::Register(CLI::App& app, std::string& config_path) {
  admin_ = app.add_subcommand("admin", "Manage user accounts and API tokens from the command line");
  admin_->require_subcommand(1);
  create_ = admin_->add_subcommand("create-user", "Create a user; prints a one-time password");
  create_->add_option("--organisation", organisation_, "Organisation id")->required();
  create_->add_option("--username", username_, "Login name (a-z 0-9 . _ - @)")->required();
  create_->add_option("--name", display_name_, "The user's name as colleagues see it")->required();
  create_->add_option("--role", roles_, "A role (repeat for several)")->required();
  list_ = admin_->add_subcommand("list-users", "List users (tab-separated)");
  list_->add_option("--organisation", organisation_, "Only this organisation's users");
  disable_ = admin_->add_subcommand("disable-user", "Disable a user and end their sessions");
  disable_->add_option("username", username_, "Login name")->required();
  enable_ = admin_->add_subcommand("enable-user", "Enable a disabled user");
  enable_->add_option("username", username_, "Login name")->required();
  reset_ = admin_->add_subcommand("reset-password", "Give a user a new one-time password");
  reset_->add_option("username", username_, "Login name")->required();
  create_token_ = admin_->add_subcommand(
      "create-token", "Create an API token in a user's name; prints only the token, once");
  create_token_->add_option("--user", username_, "Login name of an organisation administrator")
      ->required();
  create_token_->add_option("--name", token_name_, "What the token is for")->required();
  create_token_->add_option("--actions", actions_, "Comma-separated actions, e.g. directory.read")
      ->delimiter(',')
      ->required();
  create_token_->add_option("--expires-days", expires_days_, "Days until it expires (1-365)")
      ->capture_default_str()
      ->check(CLI::Range(1, 365));

  keys_ = app.add_subcommand("keys", "Organisation data keys and the master key");
  keys_->require_subcommand(1);
  rotate_ = keys_->add_subcommand(
      "rotate", "Re-wrap every data key under the current master key (servers keep running)");
  rotate_->add_flag("--new-data-keys", new_data_keys_,
                    "Also start a new data-key version for every organisation");
  status_ = keys_->add_subcommand("status", "Print the current master key's fingerprint");
  for (auto* sub : {admin_, create_, list_, disable_, enable_, reset_, create_token_, keys_,
                    rotate_, status_}) {
    sub->add_option("-c,--config", config_path, "Configuration file");
  }
}

bool AdminCommands::Parsed() const {
  return (admin_ && admin_->parsed()) || (keys_ && keys_->parsed());
}

int AdminCommands::Run(const Config& config) {
  auto s = Open(config);
  if (!s) return Report(s.error());
  app::Context ctx = s->ctx();
  if (create_->parsed()) {
    auto made =
        app::CreateUserAsSystem(ctx, app::NewUser{organisation_, username_, display_name_, roles_});
    if (!made) return Report(made.error());
    PrintUser(made->user);
    std::cout << "One-time password (shown once; to be changed at first login): "
              << made->one_time_password << "\n";
    return 0;
  }
  if (list_->parsed()) {
    app::UserQuery q;
    if (!organisation_.empty()) q.organisation_id = organisation_;
    q.limit = 200;
    for (int offset = 0;; offset += q.limit) {
      q.offset = offset;
      auto page = app::ListUsersAsSystem(ctx, q);
      if (!page) return Report(page.error());
      for (const auto& u : page->items) PrintUser(u);
      if (offset + q.limit >= page->total) break;
    }
    return 0;
  }
  if (disable_->parsed() || enable_->parsed()) {
    bool active = enable_->parsed();
    if (auto st = app::SetUserActiveAsSystem(ctx, username_, active); !st) {
      return Report(st.error());
    }
    std::cout << username_ << (active ? " enabled" : " disabled; their sessions ended") << ".\n";
    return 0;
  }
  if (reset_->parsed()) {
    auto otp = app::ResetPasswordAsSystem(ctx, username_);
    if (!otp) return Report(otp.error());
    std::cout << "One-time password for " << username_ << " (shown once): " << *otp << "\n";
    return 0;
  }
  if (create_token_->parsed()) {
    return CreateToken(ctx, username_, token_name_, actions_, expires_days_);
  }
  if (rotate_->parsed()) {
    auto report = s->sec->keys->RewrapAll();
    if (!report) return Report(report.error());
    std::cout << "Re-wrapped " << report->rewrapped << " key(s); " << report->already_current
              << " already under the current master key; " << report->unreadable
              << " unreadable.\n";
    if (new_data_keys_) {
      auto made = s->sec->keys->NewDataKeyVersions();
      if (!made) return Report(made.error());
      std::cout << "Started a new data-key version for " << *made << " organisation(s).\n";
    }
    return report->unreadable == 0 ? 0 : 1;
  }
  if (status_->parsed()) {
    std::cout << "Current master key fingerprint: " << s->sec->keys->current_fingerprint() << "\n";
    return 0;
  }
  return 2;
}

}  // namespace opennrm::cli
