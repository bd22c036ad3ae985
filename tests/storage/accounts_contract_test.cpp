// User accounts: uniqueness, optimistic versions, roles, listing, and the
// one-time TOTP steps and recovery codes, on SQLite and PostgreSQL alike.
#include <algorithm>
#include <atomic>
#include <thread>

#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using access::Role;

class AccountsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-national");
    InsertOrganisation("org-shelter", orgs::Kind::kNgoShelter);
  }

  std::optional<ports::UserRecord> Find(const std::string& id) {
    return Must(Read()->users().Find(id), "find");
  }
};

TEST_F(AccountsContract, EveryFieldRoundTrips) {
  auto u = NewUser("u1", "org-national", "anna.test");
  u.display_name = "Anna Åström";
  u.roles = {Role::kSystemAdministrator, Role::kAuditor, Role::kOrganisationAdministrator};
  u.must_change_password = true;
  u.totp_secret_sealed = AllBytes();
  u.totp_pending_sealed = std::string("\0\xff\x80sealed\0", 10);
  u.totp_last_step = 58'000'000;
  u.active = false;
  u.created_at_us = kT0 + 1;
  u.updated_at_us = kT0 + 2;
  u.version = 7;
  InsertUser(u);

  for (auto found : {Find("u1"), Must(Read()->users().FindByUsername("anna.test"))}) {
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, "u1");
    EXPECT_EQ(found->organisation_id, "org-national");
    EXPECT_EQ(found->username, "anna.test");
    EXPECT_EQ(found->display_name, "Anna Åström");
    std::vector<Role> roles = u.roles;
    std::sort(roles.begin(), roles.end());
    EXPECT_EQ(found->roles, roles);
    EXPECT_EQ(found->password_hash, u.password_hash);
    EXPECT_TRUE(found->must_change_password);
    EXPECT_EQ(found->totp_secret_sealed, AllBytes()) << "binary must survive byte for byte";
    EXPECT_EQ(found->totp_pending_sealed, u.totp_pending_sealed);
    EXPECT_EQ(found->totp_last_step, 58'000'000);
    EXPECT_FALSE(found->active);
    EXPECT_EQ(found->created_at_us, kT0 + 1);
    EXPECT_EQ(found->updated_at_us, kT0 + 2);
    EXPECT_EQ(found->version, 7);
  }

  auto bare = NewUser("u2", "org-national", "bertil.test");
  bare.roles.clear();
  InsertUser(bare);
  auto found = Find("u2");
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->roles.empty());
  EXPECT_TRUE(found->totp_secret_sealed.empty());
  EXPECT_FALSE(found->totp_last_step.has_value());
  EXPECT_FALSE(Find("nobody").has_value());
  EXPECT_FALSE(Must(Read()->users().FindByUsername("Anna.Test")).has_value())
      << "usernames are stored folded; lookups are exact";
}

TEST_F(AccountsContract, DuplicateUsernameOrIdIsAConflict) {
  InsertUser(NewUser("u1", "org-national", "anna.test"));
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->users().Insert(NewUser("u2", "org-shelter", "anna.test")),
                      ErrorCode::kConflict);
  }
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->users().Insert(NewUser("u1", "org-shelter", "other.test")),
                      ErrorCode::kConflict);
  }
  EXPECT_EQ(Find("u1")->organisation_id, "org-national");
  EXPECT_FALSE(Find("u2").has_value());
  {
    auto uow = Write();
    EXPECT_FALSE(uow->users().Insert(NewUser("u3", "no-such-org", "carl.test")).has_value())
        << "a user belongs to an existing organisation";
  }
}

TEST_F(AccountsContract, UpdateNeedsTheCurrentVersionAndReplacesRoles) {
  auto u = NewUser("u1", "org-national", "anna.test");
  u.roles = {Role::kHotlineOperator, Role::kStatistician};
  InsertUser(u);

  auto edited = *Find("u1");
  edited.display_name = "Anna Renamed";
  edited.roles = {Role::kOrganisationAdministrator};
  edited.version = 2;
  edited.updated_at_us = kT0 + 10;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.users().Update(edited, 1)); });

  auto stale = edited;
  stale.display_name = "Lost update";
  stale.version = 2;
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->users().Update(stale, 1), ErrorCode::kConflict);
  }
  auto now = *Find("u1");
  EXPECT_EQ(now.display_name, "Anna Renamed");
  EXPECT_EQ(now.roles, std::vector<Role>{Role::kOrganisationAdministrator});
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(now.created_at_us, kT0);

  {  // Roles change with the row, in the same transaction: rolled back together.
    auto uow = Write();
    auto again = now;
    again.roles = {Role::kAuditor, Role::kNationalAuditor};
    again.version = 3;
    ASSERT_OK(uow->users().Update(again, 2));
    EXPECT_EQ(Must(uow->users().Find("u1"))->roles.size(), 2u) << "visible inside the unit";
  }  // no commit
  EXPECT_EQ(Find("u1")->roles, std::vector<Role>{Role::kOrganisationAdministrator});
  EXPECT_EQ(Find("u1")->version, 2);

  InsertUser(NewUser("u2", "org-national", "bertil.test"));
  auto taken = *Find("u2");
  taken.username = "anna.test";
  taken.version = 2;
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->users().Update(taken, 1), ErrorCode::kConflict);
}

TEST_F(AccountsContract, ATotpStepIsAcceptedOnceAndNeverAnOlderOne) {
  InsertUser(NewUser("u1", "org-national", "anna.test"));
  InsertUser(NewUser("u2", "org-national", "bertil.test"));
  auto consume = [&](const std::string& user, long long step) {
    return Committed(
        [&](ports::UnitOfWork& uow) { return Must(uow.users().ConsumeTotpStep(user, step)); });
  };
  EXPECT_TRUE(consume("u1", 1000));
  EXPECT_FALSE(consume("u1", 1000)) << "the same code replayed";
  EXPECT_FALSE(consume("u1", 999)) << "an older code";
  EXPECT_TRUE(consume("u2", 1000)) << "steps are per user";
  EXPECT_TRUE(consume("u1", 1001));
  EXPECT_EQ(Find("u1")->totp_last_step, 1001);
  EXPECT_FALSE(consume("nobody", 5000));

  // An administrator's edit made from a record read before the login must not
  // reopen the step the login consumed.
  auto before = *Find("u2");
  EXPECT_TRUE(consume("u2", 1010));
  before.display_name = "Edited meanwhile";
  before.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.users().Update(before, 1)); });
  EXPECT_EQ(Find("u2")->totp_last_step, 1010);
  EXPECT_FALSE(consume("u2", 1010));
}

TEST_F(AccountsContract, ServersRacingOnOneTotpCodeAcceptItOnce) {
  InsertUser(NewUser("u1", "org-national", "anna.test"));
  for (int round = 0; round < 10; ++round) {
    std::atomic<int> accepted{0};
    std::vector<std::thread> servers;
    for (int s = 0; s < 4; ++s) {
      servers.emplace_back([&] {
        auto uow = db_->Begin(ports::Access::kWrite);
        if (!uow) return;
        auto ok = (*uow)->users().ConsumeTotpStep("u1", 2000 + round);
        if (ok && *ok && (*uow)->Commit()) ++accepted;
      });
    }
    for (auto& t : servers) t.join();
    EXPECT_EQ(accepted.load(), 1) << "round " << round;
  }
}

TEST_F(AccountsContract, ARecoveryCodeIsConsumedOnce) {
  InsertUser(NewUser("u1", "org-national", "anna.test"));
  InsertUser(NewUser("u2", "org-national", "bertil.test"));
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.users().ReplaceRecoveryCodes("u1", {"c3", "a1", "b2"}));
    Must(uow.users().ReplaceRecoveryCodes("u2", {"z9"}));
  });
  auto hashes = [&](const std::string& user) {
    return Must(Read()->users().RecoveryCodeHashes(user));
  };
  EXPECT_EQ(hashes("u1"), (std::vector<std::string>{"a1", "b2", "c3"}));
  auto consume = [&](const std::string& user, const std::string& hash) {
    return Committed(
        [&](ports::UnitOfWork& uow) { return Must(uow.users().ConsumeRecoveryCode(user, hash)); });
  };
  EXPECT_TRUE(consume("u1", "b2"));
  EXPECT_FALSE(consume("u1", "b2")) << "already used";
  EXPECT_FALSE(consume("u1", "z9")) << "another user's code";
  EXPECT_FALSE(consume("u1", "nope"));
  EXPECT_EQ(hashes("u1"), (std::vector<std::string>{"a1", "c3"}));
  EXPECT_EQ(hashes("u2"), std::vector<std::string>{"z9"});

  Committed([&](ports::UnitOfWork& uow) { Must(uow.users().ReplaceRecoveryCodes("u1", {"d4"})); });
  EXPECT_EQ(hashes("u1"), std::vector<std::string>{"d4"}) << "a new set replaces the old";
  EXPECT_FALSE(consume("u1", "a1"));

  std::atomic<int> accepted{0};
  std::vector<std::thread> servers;
  for (int s = 0; s < 4; ++s) {
    servers.emplace_back([&] {
      auto uow = db_->Begin(ports::Access::kWrite);
      if (!uow) return;
      auto ok = (*uow)->users().ConsumeRecoveryCode("u1", "d4");
      if (ok && *ok && (*uow)->Commit()) ++accepted;
    });
  }
  for (auto& t : servers) t.join();
  EXPECT_EQ(accepted.load(), 1) << "racing servers accept a code once";
}

TEST_F(AccountsContract, ListFiltersCountsAndOrdersByUsername) {
  auto add = [&](const std::string& id, const std::string& org, const std::string& username,
                 const std::string& display, std::vector<Role> roles, bool active) {
    auto u = NewUser(id, org, username);
    u.display_name = display;
    u.roles = std::move(roles);
    u.active = active;
    InsertUser(u);
  };
  add("u1", "org-national", "dora.test", "Dora Test", {Role::kHotlineOperator}, true);
  add("u2", "org-national", "adam.test", "Åsa Öberg", {Role::kStatistician}, true);
  add("u3", "org-shelter", "carl.test", "Carl 100% Test", {Role::kNgoWorker}, true);
  add("u4", "org-national", "bea.test", "Bea Test", {Role::kHotlineOperator, Role::kAuditor},
      false);
  add("u5", "org-shelter", "ebba_test", "Ebba Test", {Role::kNgoWorker}, true);

  auto list = [&](ports::UserFilter f) { return Must(Read()->users().List(f)); };
  auto usernames = [](const ports::UserPage& p) {
    std::vector<std::string> out;
    for (const auto& u : p.items) out.push_back(u.username);
    return out;
  };
  auto all = list({});
  EXPECT_EQ(all.total, 5);
  EXPECT_EQ(usernames(all), (std::vector<std::string>{"adam.test", "bea.test", "carl.test",
                                                      "dora.test", "ebba_test"}));
  EXPECT_EQ(all.items[1].roles, (std::vector<Role>{Role::kHotlineOperator, Role::kAuditor}));

  ports::UserFilter page;
  page.limit = 2;
  page.offset = 1;
  auto p = list(page);
  EXPECT_EQ(p.total, 5) << "the total ignores limit and offset";
  EXPECT_EQ(usernames(p), (std::vector<std::string>{"bea.test", "carl.test"}));

  ports::UserFilter by_org;
  by_org.organisation_id = "org-shelter";
  EXPECT_EQ(usernames(list(by_org)), (std::vector<std::string>{"carl.test", "ebba_test"}));

  ports::UserFilter by_role;
  by_role.role = Role::kHotlineOperator;
  EXPECT_EQ(usernames(list(by_role)), (std::vector<std::string>{"bea.test", "dora.test"}));
  by_role.active = true;
  auto active_operators = list(by_role);
  EXPECT_EQ(active_operators.total, 1);
  EXPECT_EQ(usernames(active_operators), std::vector<std::string>{"dora.test"});

  ports::UserFilter inactive;
  inactive.active = false;
  EXPECT_EQ(usernames(list(inactive)), std::vector<std::string>{"bea.test"});

  ports::UserFilter text;
  text.folded_text = "oberg";  // the folded display name "asa oberg"
  EXPECT_EQ(usernames(list(text)), std::vector<std::string>{"adam.test"});
  text.folded_text = "ra.te";  // part of a username
  EXPECT_EQ(usernames(list(text)), std::vector<std::string>{"dora.test"});
  text.folded_text = "%";  // wildcards match only themselves
  EXPECT_EQ(usernames(list(text)), std::vector<std::string>{"carl.test"});
  text.folded_text = "a_t";
  EXPECT_EQ(usernames(list(text)), std::vector<std::string>{"ebba_test"});

  ports::UserFilter none;
  none.organisation_id = "org-shelter";
  none.role = Role::kHotlineOperator;
  auto empty = list(none);
  EXPECT_EQ(empty.total, 0);
  EXPECT_TRUE(empty.items.empty());
}

TEST_F(AccountsContract, AnyActiveWithRoleSeesOnlyActiveHolders) {
  auto any_admin = [&] {
    return Must(Read()->users().AnyActiveWithRole(Role::kSystemAdministrator));
  };
  EXPECT_FALSE(any_admin());
  auto admin = NewUser("u1", "org-national", "admin");
  admin.roles = {Role::kSystemAdministrator};
  admin.active = false;
  InsertUser(admin);
  EXPECT_FALSE(any_admin()) << "a disabled administrator does not count";
  auto current = *Find("u1");
  current.active = true;
  current.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.users().Update(current, 1)); });
  EXPECT_TRUE(any_admin());
  EXPECT_FALSE(Must(Read()->users().AnyActiveWithRole(Role::kProsecutor)));
}

}  // namespace
}  // namespace opennrm::testing
