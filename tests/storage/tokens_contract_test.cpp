// API tokens: lookup by digest, per-organisation listing and revocation, on
// SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::ApiTokenRecord;

class TokensContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1");
    InsertOrganisation("org-2");
    InsertUser(NewUser("admin-1", "org-1", "admin1.test"));
    InsertUser(NewUser("admin-2", "org-2", "admin2.test"));
  }

  static ApiTokenRecord NewToken(const std::string& id, const std::string& org, long long created) {
    ApiTokenRecord t;
    t.id = id;
    t.organisation_id = org;
    t.created_by = org == "org-1" ? "admin-1" : "admin-2";
    t.name = "case system export " + id;
    t.token_hash = "hash-" + id;
    t.actions = {"referrals.read", "organisations.read"};
    t.created_at_us = created;
    t.expires_at_us = created + 1'000'000'000;
    return t;
  }
  void Insert(const ApiTokenRecord& t) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.api_tokens().Insert(t)); });
  }
  std::optional<ApiTokenRecord> Find(const std::string& id) {
    return Must(Read()->api_tokens().Find(id));
  }
};

TEST_F(TokensContract, FoundByDigestWithEveryField) {
  auto t = NewToken("t1", "org-1", kT0);
  t.actions = {"b.write", "a.read", "c.read"};
  t.last_used_at_us = kT0 + 5;
  Insert(t);
  auto found = Must(Read()->api_tokens().FindByHash("hash-t1"));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, "t1");
  EXPECT_EQ(found->organisation_id, "org-1");
  EXPECT_EQ(found->created_by, "admin-1");
  EXPECT_EQ(found->name, "case system export t1");
  EXPECT_EQ(found->token_hash, "hash-t1");
  EXPECT_EQ(found->actions, (std::vector<std::string>{"b.write", "a.read", "c.read"}));
  EXPECT_EQ(found->created_at_us, kT0);
  EXPECT_EQ(found->expires_at_us, kT0 + 1'000'000'000);
  EXPECT_FALSE(found->revoked_at_us.has_value());
  EXPECT_EQ(found->last_used_at_us, kT0 + 5);
  EXPECT_FALSE(Must(Read()->api_tokens().FindByHash("hash-none")).has_value());

  auto no_actions = NewToken("t2", "org-1", kT0);
  no_actions.actions.clear();
  Insert(no_actions);
  EXPECT_TRUE(Find("t2")->actions.empty());
  EXPECT_FALSE(Find("t2")->last_used_at_us.has_value());

  auto uow = Write();
  auto clash = NewToken("t3", "org-2", kT0);
  clash.token_hash = "hash-t1";
  EXPECT_FAILS_WITH(uow->api_tokens().Insert(clash), ErrorCode::kConflict);
  auto spaced = NewToken("t4", "org-1", kT0);
  spaced.actions = {"a.read b.write"};
  EXPECT_FAILS_WITH(uow->api_tokens().Insert(spaced), ErrorCode::kInvalid);
}

TEST_F(TokensContract, ListedNewestFirstPerOrganisation) {
  Insert(NewToken("t-old", "org-1", kT0 + 1));
  Insert(NewToken("t-new", "org-1", kT0 + 3));
  Insert(NewToken("t-other", "org-2", kT0 + 4));
  Insert(NewToken("t-mid", "org-1", kT0 + 2));
  std::vector<std::string> ids;
  for (const auto& t : Must(Read()->api_tokens().ListForOrganisation("org-1"))) {
    ids.push_back(t.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"t-new", "t-mid", "t-old"}));
  EXPECT_TRUE(Must(Read()->api_tokens().ListForOrganisation("org-3")).empty());
}

TEST_F(TokensContract, RevokedOnlyWithinItsOwnOrganisation) {
  Insert(NewToken("t1", "org-1", kT0));
  auto revoke = [&](const std::string& org, const std::string& id, long long at) {
    return Committed(
        [&](ports::UnitOfWork& uow) { return Must(uow.api_tokens().Revoke(org, id, at)); });
  };
  EXPECT_FALSE(revoke("org-2", "t1", kT0 + 1)) << "another organisation's administrator";
  EXPECT_FALSE(Find("t1")->revoked_at_us.has_value());
  EXPECT_TRUE(revoke("org-1", "t1", kT0 + 2));
  EXPECT_EQ(Find("t1")->revoked_at_us, kT0 + 2);
  EXPECT_FALSE(revoke("org-1", "t1", kT0 + 3)) << "already revoked";
  EXPECT_EQ(Find("t1")->revoked_at_us, kT0 + 2);
  EXPECT_FALSE(revoke("org-1", "none", kT0 + 4));
}

TEST_F(TokensContract, TouchKeepsTheLatestUse) {
  Insert(NewToken("t1", "org-1", kT0));
  auto touch = [&](long long at) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.api_tokens().Touch("t1", at)); });
  };
  touch(kT0 + 20);
  EXPECT_EQ(Find("t1")->last_used_at_us, kT0 + 20);
  touch(kT0 + 10);  // a slower request on another server finishes later
  EXPECT_EQ(Find("t1")->last_used_at_us, kT0 + 20);
  touch(kT0 + 30);
  EXPECT_EQ(Find("t1")->last_used_at_us, kT0 + 30);
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->api_tokens().Touch("none", kT0), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace opennrm::testing
