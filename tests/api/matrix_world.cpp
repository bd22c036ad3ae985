#include "matrix_world.hpp"

#include <set>

#include <chrono>
#include <ctime>
#include <random>
#include <sstream>

#include "raw_database.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

namespace {

std::string Failed(const std::string& what, const HttpResponse& r) {
  return what + ": " + std::to_string(r.status) + " " + r.body;
}

std::string RandomHex(int bytes) {
  static std::mt19937_64 random{std::random_device{}()};
  std::ostringstream s;
  for (int i = 0; i < bytes; ++i) {
    s << "0123456789abcdef"[random() % 16] << "0123456789abcdef"[random() % 16];
  }
  return s.str();
}

// A date some weeks ahead, as YYYY-MM-DD.
std::string InAMonth() {
  std::time_t t = std::time(nullptr) + 30 * 24 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

struct OrgSpec {
  const char* key;
  const char* kind;
  const char* plain_role;
  bool create;  // the seed has none (or the matrix needs one of its own)
};

// Where the callers sit. The seed directory holds one organisation of most
// kinds; the others are made here.
const std::vector<OrgSpec>& OrgSpecs() {
  static const std::vector<OrgSpec> kSpecs{
      {"NU", "national_unit", "hotline_operator", false},
      {"IT", "other", "auditor", true},
      {"RC", "regional_coordinator", "regional_coordinator", false},
      {"M1", "municipal_social_services", "social_worker", false},
      {"M2", "municipal_social_services", "social_worker", false},
      {"P", "police_region", "police_investigator", false},
      {"PA", "prosecution_authority", "prosecutor", false},
      {"MA", "migration_agency", "migration_officer", false},
      {"IOM", "iom", "iom_caseworker", false},
      {"NGO", "ngo_shelter", "ngo_worker", true},
      {"Z", "other", "auditor", true},
  };
  return kSpecs;
}

struct CallerSpec {
  const char* column;
  CallerKind kind;
  const char* role;
  const char* org;
};

// In Columns() order.
const std::vector<CallerSpec>& CallerSpecs() {
  static const std::vector<CallerSpec> kSpecs{
      {"anon", CallerKind::kAnonymous, "", "M1"},
      {"inc", CallerKind::kLoginIncomplete, "social_worker", "M1"},
      {"tok", CallerKind::kToken, "", "M1"},
      {"nar", CallerKind::kToken, "", "M1"},
      {"sys", CallerKind::kUser, "system_administrator", "IT"},
      {"oad", CallerKind::kUser, "organisation_administrator", "M1"},
      {"hot", CallerKind::kUser, "hotline_operator", "NU"},
      {"reg", CallerKind::kUser, "regional_coordinator", "RC"},
      {"soc", CallerKind::kUser, "social_worker", "M1"},
      {"pol", CallerKind::kUser, "police_investigator", "P"},
      {"pro", CallerKind::kUser, "prosecutor", "PA"},
      {"mig", CallerKind::kUser, "migration_officer", "MA"},
      {"iom", CallerKind::kUser, "iom_caseworker", "IOM"},
      {"ngo", CallerKind::kUser, "ngo_worker", "NGO"},
      {"sta", CallerKind::kUser, "statistician", "NU"},
      {"aud", CallerKind::kUser, "auditor", "M1"},
      {"nau", CallerKind::kUser, "national_auditor", "NU"},
  };
  return kSpecs;
}

}  // namespace

std::string Unique() {
  static int n = 0;
  return std::to_string(++n) + "-" + RandomHex(3);
}

std::string World::Build(ServerProcess& s, SessionClient& a) {
  server = &s;
  admin = &a;
  for (auto step : {&World::MakeOrganisations, &World::MakeAdministrators, &World::MakeCallers,
                    &World::MakeNotifications, &World::MakeCases}) {
    std::string error = (this->*step)();
    if (!error.empty()) return error;
  }
  return "";
}

std::string World::MakeOrganisations() {
  std::map<std::string, int> used;  // seeded organisations taken, by kind
  for (const auto& spec : OrgSpecs()) {
    Org org;
    org.kind = spec.kind;
    org.plain_role = spec.plain_role;
    if (spec.create) {
      json body{{"name", std::string("Matrisorganisation ") + spec.key},
                {"kind", spec.kind},
                {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}};
      auto r = admin->Post("/api/v1/organisations", body.dump());
      if (r.status != 201) return Failed("create organisation " + std::string(spec.key), r);
      org.id = r.Json()["id"];
    } else {
      int index = used[spec.kind]++;
      auto r = admin->Get(std::string("/api/v1/organisations?limit=5&kind=") + spec.kind);
      if (r.status != 200) return Failed("list organisations", r);
      auto items = r.Json()["items"];
      if (static_cast<int>(items.size()) <= index) {
        return std::string("the seed has too few organisations of kind ") + spec.kind;
      }
      org.id = items[index]["id"];
    }
    orgs[spec.key] = org;
  }
  return "";
}

std::string World::CreateUser(SessionClient& by, const std::string& org,
                              const std::string& username, const std::string& role, std::string& id,
                              std::string& otp) {
  json body{{"organisation_id", orgs.at(org).id},
            {"username", username},
            {"display_name", "Matris " + username},
            {"roles", {role}}};
  auto r = by.Post("/api/v1/users", body.dump());
  if (r.status != 201) return Failed("create user " + username, r);
  auto j = r.Json();
  id = j["user"]["id"];
  otp = j["one_time_password"];
  return "";
}

std::string World::CreateToken(SessionClient& by, const std::vector<std::string>& actions,
                               std::string& id, std::string* secret) {
  json body{{"name", "Matris " + Unique()}, {"actions", actions}, {"expires_at", InAMonth()}};
  auto r = by.Post("/api/v1/tokens", body.dump());
  if (r.status != 201) return Failed("create token", r);
  auto j = r.Json();
  id = j["id"];
  if (secret) *secret = j["token"];
  return "";
}

// Every organisation but Z gets an administrator (made by the first
// administrator), who makes its plain account and a token.
std::string World::MakeAdministrators() {
  for (auto& [key, org] : orgs) {
    if (key == "Z") continue;
    std::string name = "mx-admin-" + key, otp;
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto e = CreateUser(*admin, key, name, "organisation_administrator", org.admin_id, otp);
        !e.empty()) {
      return e;
    }
    auto session = std::make_unique<SessionClient>(server->port());
    if (auto e = session->SignIn(name, otp, TestPassword(name)); !e.empty()) {
      return "sign in " + name + ": " + e;
    }
    org.plain_name = "mx-plain-" + name.substr(9);
    if (auto e =
            CreateUser(*session, key, org.plain_name, org.plain_role, org.plain_id, org.plain_otp);
        !e.empty()) {
      return e;
    }
    if (auto e = CreateToken(*session, {"directory.read"}, org.token_id); !e.empty()) return e;
    org_admins_[key] = std::move(session);
  }
  return "";
}

std::string World::SignIn(Caller& c, const std::string& otp) {
  c.session = std::make_unique<SessionClient>(server->port());
  c.password = TestPassword(c.username);
  if (auto e = c.session->SignIn(c.username, otp, c.password); !e.empty()) {
    return "sign in " + c.username + ": " + e;
  }
  c.recovery_codes = c.session->recovery_codes();
  if (c.session->totp_secret().empty()) {
    // A role that need not enrol (statistician) enrols anyway, so that every
    // caller can take the TOTP steps of the matrix.
    auto r = c.session->Post("/api/v1/session/totp-enrolment");
    if (r.status != 200) return Failed("enrol " + c.username, r);
    c.session->set_totp_secret(r.Json()["secret"], -1);
    r = c.session->Post("/api/v1/session/totp-enrolment/confirm",
                        json{{"code", c.session->NextTotpCode()}}.dump());
    if (r.status != 200) return Failed("confirm enrolment of " + c.username, r);
    c.recovery_codes = r.Json()["recovery_codes"].get<std::vector<std::string>>();
  }
  auto me = c.session->Get("/api/v1/session");
  if (me.status != 200) return Failed("session of " + c.username, me);
  c.user_id = me.Json()["user"]["id"];
  return "";
}

std::string World::MakeCallers() {
  for (const auto& spec : CallerSpecs()) {
    Caller c;
    c.column = spec.column;
    c.kind = spec.kind;
    c.role = spec.role;
    c.org = spec.org;
    SessionClient& org_admin = *org_admins_.at(c.org);
    if (c.kind == CallerKind::kToken) {
      std::vector<std::string> actions{"directory.read"};
      if (c.column == "tok") {
        actions = {"directory.read", "reference.read", "users.read", "audit.read",
                   "statistics.read"};
      }
      std::string id;
      if (auto e = CreateToken(org_admin, actions, id, &c.bearer); !e.empty()) return e;
    } else if (c.kind != CallerKind::kAnonymous) {
      c.username = "mx-" + c.column;
      std::string otp;
      if (c.role == "system_administrator") {
        // Only the command line makes a system administrator in another
        // organisation than the first administrator's.
        std::string out;
        int rc = RunCli(
            {"admin", "create-user", "-c", server->config_path(), "--organisation",
             orgs.at(c.org).id, "--username", c.username, "--name", "Matris sys", "--role", c.role},
            &out);
        const std::string marker = "One-time password (shown once; to be changed at first login): ";
        auto at = out.find(marker);
        if (rc != 0 || at == std::string::npos) return "opennrm admin create-user: " + out;
        otp = out.substr(at + marker.size(), out.find('\n', at) - at - marker.size());
      } else {
        std::string id;
        SessionClient& by = c.role == "organisation_administrator" ? *admin : org_admin;
        if (auto e = CreateUser(by, c.org, c.username, c.role, id, otp); !e.empty()) return e;
      }
      if (auto e = SignIn(c, otp); !e.empty()) return e;
      if (c.kind == CallerKind::kLoginIncomplete) {
        // Its session for the matrix: the password given, the TOTP code not
        // yet; with the authenticator of its full sign-in.
        std::string secret = c.session->totp_secret();
        long long step = c.session->last_step();
        c.session = std::make_unique<SessionClient>(server->port());
        auto r = c.session->Login(c.username, c.password);
        if (r.status != 200 || c.session->stage() != "totp") return Failed("half sign-in", r);
        c.session->set_totp_secret(secret, step);
      }
    }
    if (auto e = CreateToken(org_admin, {"directory.read"}, c.own_token_id); !e.empty()) return e;
    callers.push_back(std::move(c));
  }
  std::string probe_id;
  probe_username = "mx-probe";
  if (auto e = CreateUser(*org_admins_.at("M1"), "M1", probe_username, "social_worker", probe_id,
                          probe_password);
      !e.empty()) {
    return e;
  }
  // M2's plain account: a session (signed in with its one-time password, so
  // it waits for a new password) whose id nobody else may end.
  SessionClient other(server->port());
  auto r = other.Login(orgs.at("M2").plain_name, orgs.at("M2").plain_otp);
  if (r.status != 200) return Failed("sign in M2's plain account", r);
  other_user_session_id = NewestSessionId(orgs.at("M2").plain_id);
  if (other_user_session_id.empty()) return "no session of M2's plain account";
  return "";
}

std::string World::MakeNotifications() {
  RawDatabase db(*server);
  if (!db.ok()) return "database: " + db.error();
  long long now = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  auto insert = [&](const std::string& user_id, const std::string& org_id, std::string& id) {
    id = RandomHex(16);
    return db.Exec(
        "INSERT INTO notifications (id, user_id, organisation_id, kind, created_at_us) VALUES (" +
        SqlQuote(id) + ", " + SqlQuote(user_id) + ", " + SqlQuote(org_id) + ", 'break_glass', " +
        std::to_string(now) + ")");
  };
  for (auto& c : callers) {
    if (!c.HasSession()) continue;
    if (!insert(c.user_id, orgs.at(c.org).id, c.notification_id)) return "insert: " + db.error();
  }
  if (!insert(orgs.at("M2").plain_id, orgs.at("M2").id, other_user_notification_id)) {
    return "insert: " + db.error();
  }
  return "";
}

std::string World::NewestSessionId(const std::string& user_id) {
  RawDatabase db(*server);
  return db
      .Scalar("SELECT id FROM sessions WHERE user_id = " + SqlQuote(user_id) +
              " ORDER BY created_at_us DESC LIMIT 1")
      .value_or("");
}

std::unique_ptr<SessionClient> World::FreshSession(Caller& c, std::string& error) {
  auto s = std::make_unique<SessionClient>(server->port());
  auto r = s->Login(c.username, c.password);
  if (r.status != 200) {
    error = Failed("sign in " + c.username + " again", r);
    return nullptr;
  }
  if (c.kind == CallerKind::kLoginIncomplete) return s;
  if (c.recovery_codes.empty()) {
    error = c.username + " has no recovery code left";
    return nullptr;
  }
  r = s->Post("/api/v1/session/totp", json{{"recovery_code", c.recovery_codes.back()}}.dump());
  c.recovery_codes.pop_back();
  if (r.status != 200) {
    error = Failed("recovery code of " + c.username, r);
    return nullptr;
  }
  s->set_totp_secret(c.session->totp_secret(), c.session->last_step());
  return s;
}

std::string World::Renew(Caller& c) {
  std::string error;
  auto s = FreshSession(c, error);
  if (!s) return error;
  c.session = std::move(s);
  return "";
}

Caller& World::ByColumn(const std::string& column) {
  for (auto& c : callers) {
    if (c.column == column) return c;
  }
  throw std::out_of_range("no caller " + column);
}

}  // namespace opennrm::testing::matrix

namespace opennrm::testing::matrix {

std::string World::InsertCase(const std::string& org_key, const std::string& team_user_id) {
  RawDatabase db(*server);
  std::string id = "mx-case-" + Unique();
  std::string values = SqlQuote(id) + ", " + SqlQuote(orgs.at(org_key).id) + ", " +
                       SqlQuote("MX-" + Unique()) +
                       ", 'trafficking_in_human_beings', 'open', '', 'se-manual-2019', " +
                       SqlQuote(team_user_id) + ", 1780000000000000, 1780000000000000, NULL, 1";
  bool ok = db.Exec(
                "INSERT INTO cases (id, organisation_id, code, case_type, status, closure_reason,"
                " steps_version, created_by, created_at_us, updated_at_us, closed_at_us, version)"
                " VALUES (" +
                values + ")") &&
            db.Exec("INSERT INTO case_team (case_id, user_id, added_by, added_at_us) VALUES (" +
                    SqlQuote(id) + ", " + SqlQuote(team_user_id) + ", " + SqlQuote(team_user_id) +
                    ", 1780000000000000)");
  return ok ? id : "";
}

// Cases in every organisation that keeps them: one nobody of the callers is
// on, one each case-role caller made, and one each caller who may break the
// glass has opened that way.
std::string World::MakeCases() {
  static const std::set<std::string> kCaseRoles{
      "regional_coordinator", "social_worker",  "police_investigator", "prosecutor",
      "migration_officer",    "iom_caseworker", "ngo_worker"};
  for (auto& [key, org] : orgs) {
    if (key == "NU" || key == "Z") continue;
    bool plain_handles = kCaseRoles.count(org.plain_role) > 0;
    org.unassigned_case_id = InsertCase(key, plain_handles ? org.plain_id : org.admin_id);
    if (org.unassigned_case_id.empty()) return "insert a case of " + key;
  }
  for (auto& c : callers) {
    if (c.kind != CallerKind::kUser || !kCaseRoles.count(c.role)) continue;
    auto r = c.session->Post("/api/v1/cases", json{{"type", "human_exploitation"}}.dump());
    if (r.status != 201) return Failed("create a case as " + c.column, r);
    c.assigned_case_id = r.Json()["id"];
    if (c.role == "iom_caseworker" || c.role == "ngo_worker") continue;
    const Org& org = orgs.at(c.org);
    c.break_glass_case_id = InsertCase(c.org, org.plain_id);
    if (c.break_glass_case_id.empty()) return "insert a case for break-glass by " + c.column;
    r = c.session->Post("/api/v1/cases/" + c.break_glass_case_id + "/break-glass",
                        json{{"reason", "Matrisen: kollegan är sjuk, akut skyddsbehov."}}.dump());
    if (r.status != 200) return Failed("break the glass as " + c.column, r);
  }
  return "";
}

}  // namespace opennrm::testing::matrix
