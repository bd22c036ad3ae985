// Server-side sessions: lookup by token digest, stages, revocation (one or
// all), the live list and pruning, on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::SessionRecord;
using ports::SessionStage;

constexpr long long kHour = 3'600'000'000LL;

class SessionsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1");
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("bertil", "org-1", "bertil.test"));
  }

  static SessionRecord NewSession(const std::string& id, const std::string& user, long long created,
                                  long long expires) {
    SessionRecord s;
    s.id = id;
    s.token_hash = "hash-" + id;
    s.user_id = user;
    s.organisation_id = "org-1";
    s.stage = SessionStage::kActive;
    s.csrf_token = "csrf-" + id;
    s.created_at_us = s.last_seen_at_us = created;
    s.expires_at_us = expires;
    s.client_label = "Firefox on Linux";
    return s;
  }

  void Insert(const SessionRecord& s) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().Insert(s)); });
  }
  std::optional<SessionRecord> Find(const std::string& id) {
    return Must(Read()->sessions().Find(id));
  }
  std::vector<std::string> LiveIds(const std::string& user, long long now) {
    std::vector<std::string> ids;
    for (const auto& s : Must(Read()->sessions().ListLive(user, now))) ids.push_back(s.id);
    return ids;
  }
};

TEST_F(SessionsContract, FoundByTokenDigestWithEveryField) {
  auto s = NewSession("s1", "anna", kT0, kT0 + 8 * kHour);
  s.stage = SessionStage::kEnrolTotp;
  s.client_label = "Chromium på Linux";
  Insert(s);
  auto found = Must(Read()->sessions().FindByTokenHash("hash-s1"));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, "s1");
  EXPECT_EQ(found->user_id, "anna");
  EXPECT_EQ(found->organisation_id, "org-1");
  EXPECT_EQ(found->stage, SessionStage::kEnrolTotp);
  EXPECT_EQ(found->csrf_token, "csrf-s1");
  EXPECT_EQ(found->created_at_us, kT0);
  EXPECT_EQ(found->last_seen_at_us, kT0);
  EXPECT_EQ(found->expires_at_us, kT0 + 8 * kHour);
  EXPECT_FALSE(found->revoked_at_us.has_value());
  EXPECT_EQ(found->client_label, "Chromium på Linux");
  EXPECT_FALSE(Must(Read()->sessions().FindByTokenHash("hash-none")).has_value());

  auto clash = NewSession("s2", "bertil", kT0, kT0 + kHour);
  clash.token_hash = "hash-s1";
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->sessions().Insert(clash), ErrorCode::kConflict);
}

TEST_F(SessionsContract, StageAndLastSeenChange) {
  Insert(NewSession("s1", "anna", kT0, kT0 + kHour));
  for (auto stage : {SessionStage::kTotp, SessionStage::kEnrolTotp, SessionStage::kChangePassword,
                     SessionStage::kActive}) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().SetStage("s1", stage)); });
    EXPECT_EQ(Find("s1")->stage, stage);
  }
  Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().Touch("s1", kT0 + 60'000'000)); });
  EXPECT_EQ(Find("s1")->last_seen_at_us, kT0 + 60'000'000);
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->sessions().SetStage("none", SessionStage::kActive), ErrorCode::kNotFound);
  EXPECT_FAILS_WITH(uow->sessions().Touch("none", kT0), ErrorCode::kNotFound);
}

TEST_F(SessionsContract, TheSignInVersionMovesWithEveryChangeThatCanEndOrAlterASession) {
  Insert(NewSession("s1", "anna", kT0, kT0 + kHour));
  auto version = [&] { return Must(Read()->sessions().SignInVersion()); };
  long long v = version();
  auto moved = [&](const char* what) {
    long long now = version();
    EXPECT_GT(now, v) << what;
    v = now;
  };
  // A touch and a new session leave every kept check valid.
  Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().Touch("s1", kT0 + 1)); });
  EXPECT_EQ(version(), v) << "a touch";
  Insert(NewSession("s2", "anna", kT0, kT0 + kHour));
  Insert(NewSession("s3", "bertil", kT0, kT0 + 2));
  EXPECT_EQ(version(), v) << "a new session";

  Committed(
      [&](ports::UnitOfWork& uow) { Must(uow.sessions().SetStage("s1", SessionStage::kTotp)); });
  moved("a session's stage");
  Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().Revoke("anna", "s1", kT0 + 3)); });
  moved("a revocation");
  {
    auto uow = Write();
    Must(uow->sessions().RevokeAll("anna", kT0 + 4));
    // Rolled back: nothing changed, and neither does the version.
  }
  EXPECT_EQ(version(), v) << "a rolled-back revocation";
  Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().RevokeAll("anna", kT0 + 4)); });
  moved("revoking all of a user's sessions");

  ports::UserRecord anna = *Must(Read()->users().Find("anna"));
  anna.display_name = "Anna Renamed";
  anna.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.users().Update(anna, 1)); });
  moved("a user");
  anna.roles = {access::Role::kAuditor};
  anna.version = 3;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.users().Update(anna, 2)); });
  moved("a user's roles");

  orgs::Organisation org = *Must(Read()->organisations().Find("org-1"));
  org.data.active = false;
  const long long expected = org.version;
  org.version = expected + 1;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.organisations().Update(org, expected)); });
  moved("an organisation");

  Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().Prune(kT0 + 3)); });
  moved("a deleted session");
}

TEST_F(SessionsContract, RevokeOnlyTheUsersOwnLiveSession) {
  Insert(NewSession("s1", "anna", kT0, kT0 + kHour));
  Insert(NewSession("s2", "bertil", kT0, kT0 + kHour));
  auto revoke = [&](const std::string& user, const std::string& id, long long at) {
    return Committed(
        [&](ports::UnitOfWork& uow) { return Must(uow.sessions().Revoke(user, id, at)); });
  };
  EXPECT_FALSE(revoke("anna", "s2", kT0 + 1)) << "not anna's session";
  EXPECT_FALSE(Find("s2")->revoked_at_us.has_value());
  EXPECT_TRUE(revoke("anna", "s1", kT0 + 2));
  EXPECT_EQ(Find("s1")->revoked_at_us, kT0 + 2);
  EXPECT_FALSE(revoke("anna", "s1", kT0 + 3)) << "already revoked";
  EXPECT_EQ(Find("s1")->revoked_at_us, kT0 + 2) << "the first revocation time stays";
  EXPECT_FALSE(revoke("anna", "none", kT0 + 4));
}

TEST_F(SessionsContract, ListLiveIsNewestFirstWithoutEndedSessions) {
  const long long now = kT0 + 10 * kHour;
  Insert(NewSession("old", "anna", kT0 + 1 * kHour, now + kHour));
  Insert(NewSession("new", "anna", kT0 + 3 * kHour, now + kHour));
  Insert(NewSession("mid", "anna", kT0 + 2 * kHour, now + kHour));
  Insert(NewSession("expired", "anna", kT0 + 4 * kHour, now));  // ends exactly now
  Insert(NewSession("revoked", "anna", kT0 + 5 * kHour, now + kHour));
  Insert(NewSession("bertils", "bertil", kT0 + 6 * kHour, now + kHour));
  Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().Revoke("anna", "revoked", kT0)); });

  EXPECT_EQ(LiveIds("anna", now), (std::vector<std::string>{"new", "mid", "old"}));
  EXPECT_EQ(LiveIds("anna", now - 1), (std::vector<std::string>{"expired", "new", "mid", "old"}));
  EXPECT_EQ(LiveIds("bertil", now), std::vector<std::string>{"bertils"});
  EXPECT_TRUE(LiveIds("nobody", now).empty());
}

TEST_F(SessionsContract, RevokeAllEndsEveryLiveSessionOfTheUserOnly) {
  const long long now = kT0 + 10 * kHour;
  Insert(NewSession("a1", "anna", kT0, now + kHour));
  Insert(NewSession("a2", "anna", kT0 + 1, now + 2 * kHour));
  Insert(NewSession("a-expired", "anna", kT0, now - 1));
  Insert(NewSession("a-revoked", "anna", kT0, now + kHour));
  Insert(NewSession("b1", "bertil", kT0, now + kHour));
  Committed([&](ports::UnitOfWork& uow) { Must(uow.sessions().Revoke("anna", "a-revoked", kT0)); });

  long long revoked = Committed(
      [&](ports::UnitOfWork& uow) { return Must(uow.sessions().RevokeAll("anna", now)); });
  EXPECT_EQ(revoked, 2);
  EXPECT_TRUE(LiveIds("anna", now).empty());
  EXPECT_EQ(Find("a1")->revoked_at_us, now);
  EXPECT_EQ(Find("a-revoked")->revoked_at_us, kT0) << "an earlier revocation is kept";
  EXPECT_FALSE(Find("a-expired")->revoked_at_us.has_value());
  EXPECT_EQ(LiveIds("bertil", now), std::vector<std::string>{"b1"});
  EXPECT_EQ(Committed([&](ports::UnitOfWork& uow) {
              return Must(uow.sessions().RevokeAll("anna", now + 1));
            }),
            0);
}

TEST_F(SessionsContract, PruneDeletesSessionsThatEndedBefore) {
  const long long cut = kT0 + 10 * kHour;
  Insert(NewSession("expired-long-ago", "anna", kT0, cut - 1));
  Insert(NewSession("expires-at-cut", "anna", kT0, cut));
  Insert(NewSession("live", "anna", kT0, cut + kHour));
  Insert(NewSession("revoked-long-ago", "anna", kT0, cut + kHour));
  Insert(NewSession("revoked-after-cut", "bertil", kT0, cut + kHour));
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.sessions().Revoke("anna", "revoked-long-ago", cut - kHour));
    Must(uow.sessions().Revoke("bertil", "revoked-after-cut", cut + 1));
  });
  long long pruned =
      Committed([&](ports::UnitOfWork& uow) { return Must(uow.sessions().Prune(cut)); });
  EXPECT_EQ(pruned, 2);
  EXPECT_FALSE(Find("expired-long-ago").has_value());
  EXPECT_FALSE(Find("revoked-long-ago").has_value());
  EXPECT_TRUE(Find("expires-at-cut").has_value());
  EXPECT_TRUE(Find("live").has_value());
  EXPECT_TRUE(Find("revoked-after-cut").has_value());
}

}  // namespace
}  // namespace opennrm::testing
