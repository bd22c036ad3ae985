// Organisations' wrapped data keys: exact binary round-trip, ordering, and
// the compare-and-set re-wrap of master-key rotation, on SQLite and
// PostgreSQL alike.
#include <atomic>
#include <thread>

#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::WrappedDataKey;

class DataKeysContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-a");
    InsertOrganisation("org-b");
  }

  static WrappedDataKey Key(const std::string& org, int version, std::string wrapped) {
    return WrappedDataKey{org, version, std::move(wrapped), std::string(64, 'f'), kT0 + version};
  }
  void Insert(const WrappedDataKey& k) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.data_keys().Insert(k)); });
  }
  bool Rewrap(const std::string& org, int version, const std::string& expected,
              const std::string& wrapped, const std::string& fingerprint) {
    return Committed([&](ports::UnitOfWork& uow) {
      return Must(uow.data_keys().Rewrap(org, version, expected, wrapped, fingerprint));
    });
  }
  std::vector<WrappedDataKey> ForOrganisation(const std::string& org) {
    return Must(Read()->data_keys().ForOrganisation(org));
  }
};

TEST_F(DataKeysContract, WrappedBytesRoundTripExactly) {
  std::string all = AllBytes();
  std::string reversed(all.rbegin(), all.rend());
  Insert(Key("org-a", 1, all));
  Insert(Key("org-a", 2, reversed));
  Insert(Key("org-a", 3, std::string(73, '\0')));
  Insert(Key("org-a", 4, ""));
  auto keys = ForOrganisation("org-a");
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys[0].wrapped, all);
  EXPECT_EQ(keys[0].wrapped.size(), 256u);
  EXPECT_EQ(keys[1].wrapped, reversed);
  EXPECT_EQ(keys[2].wrapped, std::string(73, '\0'));
  EXPECT_EQ(keys[3].wrapped, "");
  EXPECT_EQ(keys[0].organisation_id, "org-a");
  EXPECT_EQ(keys[0].version, 1);
  EXPECT_EQ(keys[0].master_fingerprint, std::string(64, 'f'));
  EXPECT_EQ(keys[0].created_at_us, kT0 + 1);
}

TEST_F(DataKeysContract, AVersionIsStoredOnceAndListedInOrder) {
  Insert(Key("org-b", 2, "b2"));
  Insert(Key("org-a", 2, "a2"));
  Insert(Key("org-b", 1, "b1"));
  Insert(Key("org-a", 1, "a1"));
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->data_keys().Insert(Key("org-a", 1, "another key")),
                      ErrorCode::kConflict);
  }
  std::vector<std::string> order;
  for (const auto& k : Must(Read()->data_keys().All())) order.push_back(k.wrapped);
  EXPECT_EQ(order, (std::vector<std::string>{"a1", "a2", "b1", "b2"}));
  auto b = ForOrganisation("org-b");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].wrapped, "b1");
  EXPECT_EQ(b[1].wrapped, "b2");
  EXPECT_TRUE(ForOrganisation("org-c").empty());
}

TEST_F(DataKeysContract, RewrapOnlyFromTheExpectedMasterKey) {
  const std::string old_master(64, '0'), new_master(64, '1'), other_master(64, '2');
  auto k = Key("org-a", 1, "wrapped under old");
  k.master_fingerprint = old_master;
  Insert(k);
  auto k2 = Key("org-a", 2, "v2 under old");
  k2.master_fingerprint = old_master;
  Insert(k2);

  std::string rewrapped = "\x01" + AllBytes();
  EXPECT_TRUE(Rewrap("org-a", 1, old_master, rewrapped, new_master));
  EXPECT_FALSE(Rewrap("org-a", 1, old_master, "stale rotation", other_master))
      << "someone else re-wrapped it first";
  EXPECT_FALSE(Rewrap("org-a", 9, old_master, "x", new_master)) << "no such version";
  EXPECT_FALSE(Rewrap("org-b", 1, old_master, "x", new_master)) << "no such organisation key";

  auto keys = ForOrganisation("org-a");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].wrapped, rewrapped);
  EXPECT_EQ(keys[0].master_fingerprint, new_master);
  EXPECT_EQ(keys[0].created_at_us, kT0 + 1) << "a re-wrap keeps the key's age";
  EXPECT_EQ(keys[1].wrapped, "v2 under old") << "only the named version";
  EXPECT_EQ(keys[1].master_fingerprint, old_master);
}

TEST_F(DataKeysContract, RacingRotationsRewrapOnce) {
  auto k = Key("org-a", 1, "old");
  k.master_fingerprint = "old";
  Insert(k);
  std::atomic<int> won{0};
  std::vector<std::thread> servers;
  for (int s = 0; s < 4; ++s) {
    servers.emplace_back([&, s] {
      auto uow = db_->Begin(ports::Access::kWrite);
      if (!uow) return;
      auto ok = (*uow)->data_keys().Rewrap("org-a", 1, "old", "new-" + std::to_string(s), "new");
      if (ok && *ok && (*uow)->Commit()) ++won;
    });
  }
  for (auto& t : servers) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(ForOrganisation("org-a")[0].master_fingerprint, "new");
}

}  // namespace
}  // namespace opennrm::testing
