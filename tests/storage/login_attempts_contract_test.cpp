// Failed logins counted per account and per address across servers, within a
// time window, on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

class LoginAttemptsContract : public AccountsTest {
 protected:
  void Failure(const std::string& account, const std::string& address, long long at) {
    Committed([&](ports::UnitOfWork& uow) {
      Must(uow.login_attempts().RecordFailure(account, address, at));
    });
  }
  ports::FailureCounts Count(const std::string& account, const std::string& address,
                             long long since) {
    return Must(Read()->login_attempts().Count(account, address, since));
  }
};

TEST_F(LoginAttemptsContract, CountsAreWindowedByTime) {
  const std::string anna(64, 'a'), bertil(64, 'b'), home(64, '1'), cafe(64, '2');
  Failure(anna, home, kT0 + 100);
  Failure(anna, home, kT0 + 200);
  Failure(anna, home, kT0 + 300);
  Failure(anna, home, kT0 + 300);  // two at the same instant both count
  Failure(bertil, home, kT0 + 250);
  Failure(anna, cafe, kT0 + 50);

  auto c = Count(anna, home, kT0 + 200);
  EXPECT_EQ(c.account, 3) << "200, 300, 300: the window includes its start";
  EXPECT_EQ(c.address, 4) << "200, 250, 300, 300 from home, whichever account";
  EXPECT_EQ(c.last_address_at_us, kT0 + 300);

  c = Count(anna, home, 0);
  EXPECT_EQ(c.account, 5);
  EXPECT_EQ(c.address, 5);

  c = Count(anna, cafe, kT0 + 201);
  EXPECT_EQ(c.account, 2);
  EXPECT_EQ(c.address, 0);
  EXPECT_EQ(c.last_address_at_us, 0) << "no failure from the cafe in the window";

  c = Count(std::string(64, 'c'), std::string(64, '3'), 0);
  EXPECT_EQ(c.account, 0);
  EXPECT_EQ(c.address, 0);
  EXPECT_EQ(c.last_address_at_us, 0);
}

TEST_F(LoginAttemptsContract, PruneForgetsOnlyOlderFailures) {
  const std::string anna(64, 'a'), home(64, '1');
  for (long long at : {100, 199, 200, 300}) Failure(anna, home, kT0 + at);
  long long pruned = Committed(
      [&](ports::UnitOfWork& uow) { return Must(uow.login_attempts().Prune(kT0 + 200)); });
  EXPECT_EQ(pruned, 2);
  auto c = Count(anna, home, 0);
  EXPECT_EQ(c.account, 2);
  EXPECT_EQ(c.address, 2);
  EXPECT_EQ(Committed([&](ports::UnitOfWork& uow) {
              return Must(uow.login_attempts().Prune(kT0 + 200));
            }),
            0);
}

}  // namespace
}  // namespace opennrm::testing
