// In-app notifications: newest first with totals and unread counts, marked
// read only by their recipient, on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::NotificationRecord;

class NotificationsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1");
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("bertil", "org-1", "bertil.test"));
  }

  static NotificationRecord Notice(const std::string& id, const std::string& user,
                                   long long created) {
    NotificationRecord n;
    n.id = id;
    n.user_id = user;
    n.organisation_id = "org-1";
    n.kind = "break_glass";
    n.created_at_us = created;
    return n;
  }
  void Insert(const NotificationRecord& n) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.notifications().Insert(n)); });
  }
  ports::NotificationPage List(const std::string& user, bool unread_only, int limit = 50,
                               int offset = 0) {
    return Must(Read()->notifications().List(user, unread_only, limit, offset));
  }
  static std::vector<std::string> Ids(const ports::NotificationPage& page) {
    std::vector<std::string> ids;
    for (const auto& n : page.items) ids.push_back(n.id);
    return ids;
  }
  bool MarkRead(const std::string& user, const std::string& id, long long at) {
    return Committed(
        [&](ports::UnitOfWork& uow) { return Must(uow.notifications().MarkRead(user, id, at)); });
  }
  long long Unread(const std::string& user) {
    return Must(Read()->notifications().CountUnread(user));
  }
};

TEST_F(NotificationsContract, EveryFieldRoundTripsWithTheSealedDetailExact) {
  auto n = Notice("n1", "anna", kT0);
  n.subject_type = "case";
  n.subject_id = std::string(32, 'c');
  n.actor_user_id = "bertil";
  n.detail_sealed = AllBytes();
  Insert(n);
  Insert(Notice("n2", "anna", kT0 - 1));  // optional fields empty
  auto page = List("anna", false);
  ASSERT_EQ(page.items.size(), 2u);
  const auto& got = page.items[0];
  EXPECT_EQ(got.id, "n1");
  EXPECT_EQ(got.user_id, "anna");
  EXPECT_EQ(got.organisation_id, "org-1");
  EXPECT_EQ(got.kind, "break_glass");
  EXPECT_EQ(got.subject_type, "case");
  EXPECT_EQ(got.subject_id, std::string(32, 'c'));
  EXPECT_EQ(got.actor_user_id, "bertil");
  EXPECT_EQ(got.detail_sealed, AllBytes());
  EXPECT_EQ(got.created_at_us, kT0);
  EXPECT_FALSE(got.read_at_us.has_value());
  EXPECT_TRUE(page.items[1].subject_type.empty());
  EXPECT_TRUE(page.items[1].detail_sealed.empty());
}

TEST_F(NotificationsContract, ListedNewestFirstWithTotalAndUnread) {
  for (int i = 1; i <= 5; ++i) Insert(Notice("n" + std::to_string(i), "anna", kT0 + i));
  Insert(Notice("b1", "bertil", kT0 + 10));
  ASSERT_TRUE(MarkRead("anna", "n4", kT0 + 100));
  ASSERT_TRUE(MarkRead("anna", "n2", kT0 + 100));

  auto all = List("anna", false);
  EXPECT_EQ(Ids(all), (std::vector<std::string>{"n5", "n4", "n3", "n2", "n1"}));
  EXPECT_EQ(all.total, 5);
  EXPECT_EQ(all.unread, 3);
  EXPECT_EQ(all.items[1].read_at_us, kT0 + 100);

  auto unread = List("anna", true);
  EXPECT_EQ(Ids(unread), (std::vector<std::string>{"n5", "n3", "n1"}));
  EXPECT_EQ(unread.total, 3);
  EXPECT_EQ(unread.unread, 3);

  auto page = List("anna", false, 2, 1);
  EXPECT_EQ(Ids(page), (std::vector<std::string>{"n4", "n3"}));
  EXPECT_EQ(page.total, 5) << "the total ignores limit and offset";
  EXPECT_EQ(page.unread, 3);

  auto unread_page = List("anna", true, 2, 2);
  EXPECT_EQ(Ids(unread_page), std::vector<std::string>{"n1"});
  EXPECT_EQ(unread_page.total, 3);

  EXPECT_EQ(Unread("anna"), 3);
  EXPECT_EQ(Unread("bertil"), 1);
  auto none = List("nobody", false);
  EXPECT_TRUE(none.items.empty());
  EXPECT_EQ(none.total, 0);
  EXPECT_EQ(none.unread, 0);
}

TEST_F(NotificationsContract, OnlyTheRecipientMarksANotificationRead) {
  Insert(Notice("n1", "anna", kT0));
  EXPECT_FALSE(MarkRead("bertil", "n1", kT0 + 1)) << "not bertil's notification";
  EXPECT_EQ(Unread("anna"), 1);
  EXPECT_FALSE(MarkRead("anna", "none", kT0 + 1));
  EXPECT_TRUE(MarkRead("anna", "n1", kT0 + 2));
  EXPECT_EQ(Unread("anna"), 0);
  EXPECT_TRUE(MarkRead("anna", "n1", kT0 + 3)) << "still anna's; reading again is fine";
  EXPECT_EQ(List("anna", false).items[0].read_at_us, kT0 + 2) << "the first read time stays";
}

TEST_F(NotificationsContract, MarkAllReadTouchesOnlyTheUsersUnread) {
  Insert(Notice("a1", "anna", kT0 + 1));
  Insert(Notice("a2", "anna", kT0 + 2));
  Insert(Notice("a3", "anna", kT0 + 3));
  Insert(Notice("b1", "bertil", kT0 + 4));
  ASSERT_TRUE(MarkRead("anna", "a1", kT0 + 10));
  long long marked = Committed([&](ports::UnitOfWork& uow) {
    return Must(uow.notifications().MarkAllRead("anna", kT0 + 20));
  });
  EXPECT_EQ(marked, 2);
  EXPECT_EQ(Unread("anna"), 0);
  EXPECT_EQ(Unread("bertil"), 1);
  auto page = List("anna", false);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].read_at_us, kT0 + 20);
  EXPECT_EQ(page.items[2].read_at_us, kT0 + 10) << "an earlier read time is kept";
}

}  // namespace
}  // namespace opennrm::testing
