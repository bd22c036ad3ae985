// Signing in, sessions, CSRF, throttling, TOTP replay, recovery codes, user
// administration and API tokens, against the real binary.
#include <gtest/gtest.h>

#include <thread>

#include "harness.hpp"
#include "security/totp.hpp"
#include "session_client.hpp"
#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using json = nlohmann::json;

class AuthApi : public ApiTest {
 protected:
  // The id of the first organisation of `kind`.
  static std::string OrganisationOfKind(const std::string& kind) {
    auto r = Get("/api/v1/organisations?kind=" + kind + "&limit=1");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"][0]["id"];
  }
  // Creates a user as `creator`; returns {id, one-time password}.
  static std::pair<std::string, std::string> CreateUser(SessionClient& creator,
                                                        const std::string& org,
                                                        const std::string& username,
                                                        const std::vector<std::string>& roles) {
    json body{{"organisation_id", org},
              {"username", username},
              {"display_name", "Testperson " + username},
              {"roles", roles}};
    auto r = creator.Post("/api/v1/users", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) return {};
    return {r.Json()["user"]["id"], r.Json()["one_time_password"]};
  }
};

TEST_F(AuthApi, WrongPasswordAndUnknownAccountGetTheSameAnswer) {
  auto wrong = Request(port(), "POST", "/api/v1/session",
                       json{{"username", "admin"}, {"password", "not the password at all"}}.dump());
  auto unknown =
      Request(port(), "POST", "/api/v1/session",
              json{{"username", "nobody.here"}, {"password", "whatever it is ok"}}.dump());
  ExpectProblem(wrong, 401);
  ExpectProblem(unknown, 401);
  EXPECT_EQ(wrong.Json()["type"], unknown.Json()["type"]);
  EXPECT_EQ(wrong.Json()["detail"], unknown.Json()["detail"]);
  EXPECT_EQ(wrong.Header("set-cookie"), "");
  // The secret is never logged.
  EXPECT_EQ(server_->Log().find("not the password at all"), std::string::npos);
}

TEST_F(AuthApi, EveryApiRouteNeedsASession) {
  for (const char* path : {"/api/v1/organisations", "/api/v1/geo/counties", "/api/v1/ref/countries",
                           "/api/v1/users", "/api/v1/me/sessions", "/api/v1/session"}) {
    auto r = Request(port(), "GET", path);
    ExpectProblem(r, 401);
    EXPECT_EQ(r.Json()["type"], "https://opennrm.org/problems/unauthenticated") << path;
  }
  EXPECT_EQ(Request(port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(Request(port(), "GET", "/readyz").status, 200);
}

TEST_F(AuthApi, TamperedOrForgedCookiesAreUnauthenticated) {
  SessionClient forged(port());
  forged.set_cookie("__Host-opennrm-session=" + std::string(43, 'A'));
  ExpectProblem(forged.Get("/api/v1/organisations"), 401);
  std::string real = admin_->cookie();
  real.back() = real.back() == 'x' ? 'y' : 'x';
  forged.set_cookie(real);
  ExpectProblem(forged.Get("/api/v1/organisations"), 401);
  forged.set_cookie("__Host-opennrm-session=../../etc/passwd");
  ExpectProblem(forged.Get("/api/v1/organisations"), 401);
}

TEST_F(AuthApi, StateChangesNeedTheSessionsCsrfToken) {
  json body{{"name", "CSRF-prov"},
            {"kind", "other"},
            {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}};
  long long before = Get("/api/v1/organisations?active=all&limit=1").Json()["total"];
  SessionClient no_csrf(port());
  no_csrf.set_cookie(admin_->cookie());
  auto r = no_csrf.Post("/api/v1/organisations", body.dump());
  ExpectProblem(r, 403, "X-CSRF-Token", "csrf");
  no_csrf.set_csrf("forged-token-forged-token-forged-token-xx");
  ExpectProblem(no_csrf.Post("/api/v1/organisations", body.dump()), 403, "X-CSRF-Token", "csrf");
  long long after = Get("/api/v1/organisations?active=all&limit=1").Json()["total"];
  EXPECT_EQ(after, before);
  // Reads need no CSRF token.
  EXPECT_EQ(no_csrf.Get("/api/v1/organisations?limit=1").status, 200);
}

TEST_F(AuthApi, FirstLoginStepsMustBeFinishedBeforeAnythingElse) {
  std::string org = OrganisationOfKind("municipal_social_services");
  auto [id, otp] = CreateUser(*admin_, org, "steps.admin", {"organisation_administrator"});
  ASSERT_FALSE(otp.empty());
  SessionClient user(port());
  auto login = user.Login("steps.admin", otp);
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.Json()["stage"], "change_password");
  auto early = user.Get("/api/v1/organisations");
  ExpectProblem(early, 403, "stage", "change_password");
  // The password policy names the rule.
  ExpectProblem(user.Post("/api/v1/session/password",
                          json{{"current_password", otp}, {"new_password", "short"}}.dump()),
                422, "new_password", "min_length");
  EXPECT_EQ(user.Complete(otp, TestPassword("steps")), "");
  EXPECT_EQ(user.Get("/api/v1/organisations?limit=1").status, 200);
  EXPECT_EQ(user.recovery_codes().size(), 10u);
}

TEST_F(AuthApi, TotpCodesWorkOnceAndRecoveryCodesOnce) {
  std::string org = OrganisationOfKind("county_board");
  auto [id, otp] = CreateUser(*admin_, org, "totp.admin", {"organisation_administrator"});
  SessionClient user(port());
  std::string password = TestPassword("totp");
  ASSERT_EQ(user.SignIn("totp.admin", otp, password), "");
  auto codes = user.recovery_codes();
  ASSERT_EQ(codes.size(), 10u);

  // A code already used is refused as a replay.
  SessionClient again(port());
  again.set_totp_secret(user.totp_secret(), user.last_step());
  ASSERT_EQ(again.Login("totp.admin", password).status, 200);
  EXPECT_EQ(again.stage(), "totp");
  std::string used = security::OathTotp::CodeAt(user.totp_secret(), user.last_step()).value();
  auto post = [](SessionClient& c, const json& body) {
    return WaitingOut429([&] { return c.Post("/api/v1/session/totp", body.dump()); });
  };
  ExpectProblem(post(again, json{{"code", used}}), 401);
  ExpectProblem(post(again, json{{"code", "000000"}}), 401);
  // A recovery code works once.
  auto ok = post(again, json{{"recovery_code", codes[0]}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json()["stage"], "active");
  SessionClient third(port());
  ASSERT_EQ(third.Login("totp.admin", password).status, 200);
  ExpectProblem(post(third, json{{"recovery_code", codes[0]}}), 401);
}

TEST_F(AuthApi, MySessionsLogoutAndLogoutEverywhere) {
  std::string org = OrganisationOfKind("customs");
  auto [id, otp] = CreateUser(*admin_, org, "sessions.admin", {"organisation_administrator"});
  SessionClient one(port());
  std::string password = TestPassword("sessions");
  ASSERT_EQ(one.SignIn("sessions.admin", otp, password), "");
  SessionClient two(port());
  two.set_totp_secret(one.totp_secret(), one.last_step());
  ASSERT_EQ(two.SignIn("sessions.admin", password, password), "");
  auto list = one.Get("/api/v1/me/sessions");
  ASSERT_EQ(list.status, 200);
  auto items = list.Json()["items"];
  ASSERT_EQ(items.size(), 2u);
  int current = 0;
  for (const auto& s : items) current += s["current"].get<bool>();
  EXPECT_EQ(current, 1);
  // Logging out ends that session only.
  EXPECT_EQ(two.Delete("/api/v1/session").status, 204);
  ExpectProblem(two.Get("/api/v1/me/sessions"), 401);
  EXPECT_EQ(one.Get("/api/v1/me/sessions").status, 200);
  // Logout everywhere.
  SessionClient three(port());
  three.set_totp_secret(two.totp_secret(), two.last_step());  // the authenticator moved on
  ASSERT_EQ(three.SignIn("sessions.admin", password, password), "");
  EXPECT_EQ(one.Post("/api/v1/me/sessions/revoke-all").status, 204);
  ExpectProblem(one.Get("/api/v1/me/sessions"), 401);
  ExpectProblem(three.Get("/api/v1/me/sessions"), 401);
}

TEST_F(AuthApi, RolesFollowTheOrganisationsKindAndTheGrantersPower) {
  std::string police = OrganisationOfKind("police_region");
  std::string kommun = OrganisationOfKind("municipal_social_services");
  // The system administrator grants organisation administrators, not case roles.
  auto r = admin_->Post("/api/v1/users", json{{"organisation_id", kommun},
                                              {"username", "not.allowed"},
                                              {"display_name", "X"},
                                              {"roles", {"social_worker"}}}
                                             .dump());
  ExpectProblem(r, 403);
  auto [id, otp] = CreateUser(*admin_, police, "police.admin", {"organisation_administrator"});
  SessionClient padmin(port());
  ASSERT_EQ(padmin.SignIn("police.admin", otp, TestPassword("padmin")), "");
  // A police organisation cannot hold social workers.
  r = padmin.Post("/api/v1/users", json{{"organisation_id", police},
                                        {"username", "wrong.kind"},
                                        {"display_name", "Fel Sort"},
                                        {"roles", {"social_worker"}}}
                                       .dump());
  ExpectProblem(r, 422, "roles[0]", "not_allowed_for_kind");
  auto [inv, inv_otp] = CreateUser(padmin, police, "police.investigator", {"police_investigator"});
  EXPECT_FALSE(inv.empty());
  // Another organisation's users are invisible.
  ExpectProblem(padmin.Get("/api/v1/users?organisation_id=" + kommun), 404);
  auto kadmin = CreateUser(*admin_, kommun, "kommun.admin", {"organisation_administrator"});
  ExpectProblem(padmin.Get("/api/v1/users/" + kadmin.first), 404);
  // The list agrees with single reads.
  auto list = padmin.Get("/api/v1/users");
  ASSERT_EQ(list.status, 200);
  auto items = list.Json()["items"];
  EXPECT_EQ(items.size(), 2u);
  for (const auto& u : items) {
    EXPECT_EQ(padmin.Get("/api/v1/users/" + u["id"].get<std::string>()).status, 200);
  }
  // Disabling ends the user's sessions and login.
  SessionClient investigator(port());
  std::string ipw = TestPassword("inv");
  ASSERT_EQ(investigator.SignIn("police.investigator", inv_otp, ipw), "");
  auto user = padmin.Get("/api/v1/users/" + inv).Json();
  auto patched = padmin.Patch("/api/v1/users/" + inv,
                              json{{"version", user["version"]}, {"active", false}}.dump());
  ASSERT_EQ(patched.status, 200) << patched.body;
  ExpectProblem(investigator.Get("/api/v1/organisations"), 401);
  ExpectProblem(WaitingOut429([&] {
                  return Request(
                      port(), "POST", "/api/v1/session",
                      json{{"username", "police.investigator"}, {"password", ipw}}.dump());
                }),
                401);
  // A stale version conflicts.
  ExpectProblem(padmin.Patch("/api/v1/users/" + inv,
                             json{{"version", user["version"]}, {"active", true}}.dump()),
                409);
}

TEST_F(AuthApi, ChangesToTheUserOrTheirOrganisationCountAtTheVeryNextRequest) {
  // The server keeps the session check of each request (ADR 15); what an administrator changes
  // must reach the user's next request all the same.
  auto created =
      Post("/api/v1/organisations", json{{"name", "Kvarhållna kontrollers förening"},
                                         {"kind", "ngo_shelter"},
                                         {"coverage", {{"scope", "counties"}, {"codes", {"01"}}}}}
                                        .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string org = created.Json()["id"];
  auto [id, otp] = CreateUser(*admin_, org, "kept.check", {"organisation_administrator"});
  SessionClient user(port());
  ASSERT_EQ(user.SignIn("kept.check", otp, TestPassword("kept")), "");
  for (int i = 0; i < 3; ++i) {
    auto seen = user.Get("/api/v1/session");
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_EQ(seen.Json()["user"]["display_name"], "Testperson kept.check");
  }
  auto before = Get("/api/v1/users/" + id).Json();
  auto renamed = admin_->Patch(
      "/api/v1/users/" + id,
      json{{"version", before["version"]}, {"display_name", "Omdöpt Kontroll"}}.dump());
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  auto after = user.Get("/api/v1/session");
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.Json()["user"]["display_name"], "Omdöpt Kontroll") << "the user changed";
  EXPECT_EQ(user.Get("/api/v1/session").Json()["user"]["display_name"], "Omdöpt Kontroll");

  auto off = Post("/api/v1/organisations/" + org + "/deactivate", R"({"version":1})");
  ASSERT_EQ(off.status, 200) << off.body;
  ExpectProblem(user.Get("/api/v1/session"), 401);
  ExpectProblem(user.Get("/api/v1/users"), 401);
}

TEST_F(AuthApi, ApiTokensAreScopedShownOnceAndRevocable) {
  std::string org = OrganisationOfKind("tax_agency");
  auto [id, otp] = CreateUser(*admin_, org, "token.admin", {"organisation_administrator"});
  SessionClient tadmin(port());
  ASSERT_EQ(tadmin.SignIn("token.admin", otp, TestPassword("tokens")), "");
  ExpectProblem(
      tadmin.Post(
          "/api/v1/tokens",
          json{{"name", "x"}, {"actions", {"users.manage"}}, {"expires_at", "2099-01-01"}}.dump()),
      422, "actions[0]", "not_for_tokens");
  auto made = tadmin.Post(
      "/api/v1/tokens",
      json{{"name", "Exportjobb"}, {"actions", {"directory.read"}}, {"expires_at", "2027-06-30"}}
          .dump());
  ASSERT_EQ(made.status, 201) << made.body;
  std::string secret = made.Json()["token"];
  std::string token_id = made.Json()["id"];
  auto bearer = [&](const std::string& path) {
    return Request(port(), "GET", path, "", "", {{"Authorization", "Bearer " + secret}});
  };
  EXPECT_EQ(bearer("/api/v1/organisations?limit=1").status, 200);
  ExpectProblem(bearer("/api/v1/geo/counties"), 403);  // not in its scope
  ExpectProblem(bearer("/api/v1/me/sessions"), 403);
  // Listing never shows the secret again.
  auto list = tadmin.Get("/api/v1/tokens");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(secret), std::string::npos);
  EXPECT_EQ(tadmin.Delete("/api/v1/tokens/" + token_id).status, 204);
  ExpectProblem(bearer("/api/v1/organisations?limit=1"), 401);
}

TEST_F(AuthApi, FailedLoginsFromOneAddressAreSlowedDown) {
  int throttled = 0;
  std::string retry;
  for (int i = 0; i < 6; ++i) {
    auto r = Request(
        port(), "POST", "/api/v1/session",
        json{{"username", "slow.down"}, {"password", "wrong guess number " + std::to_string(i)}}
            .dump());
    if (r.status == 429) {
      ++throttled;
      retry = r.Header("retry-after");
      EXPECT_EQ(r.Json()["type"], "https://opennrm.org/problems/too-many-attempts");
    } else {
      EXPECT_EQ(r.status, 401);
    }
  }
  EXPECT_GE(throttled, 1);
  EXPECT_FALSE(retry.empty());
  // Wait out the delay so other tests from this address are not slowed.
  std::this_thread::sleep_for(std::chrono::seconds(std::stoi(retry.empty() ? "1" : retry) + 1));
}

}  // namespace
}  // namespace opennrm::testing
