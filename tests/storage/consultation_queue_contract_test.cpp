// The hotline's queue as stored: immediate danger first, then the nearest
// response target, then the oldest received; every filter narrows as the
// port says, alone and together; a page is a slice of the whole with the
// total; the total is counted up to 1,000 and says when it stopped; and the
// statistics' read takes a half-open range of received times — on SQLite and
// PostgreSQL alike. Synthetic data only.
#include "consultations_fixture.hpp"

namespace opennrm::testing {
namespace {

class ConsultationQueue : public ConsultationsContract {
 protected:
  // `seconds` after kT0.
  static long long At(int seconds) { return kT0 + seconds * 1'000'000LL; }

  // Five consultations of "nu" (in queue order: k5 k2 k3 k4 k1) and one of "nu-2".
  void SeedQueue() {
    ports::ConsultationRow k1 = Row("k1", At(10), At(100));
    k1.municipality_code = "2480";
    ports::ConsultationRow k2 = Row("k2", At(20), At(500));
    k2.status = "assigned";
    k2.assigned_to = "op1";
    k2.immediate_danger = true;
    k2.municipality_code = "0180";
    k2.channel = "email";
    k2.first_response_at_us = At(25);
    ports::ConsultationRow k3 = Row("k3", At(30), At(50));
    k3.status = "waiting_follow_up";
    k3.assigned_to = "op1";
    k3.topic = "other";
    k3.municipality_code = "2480";
    k3.first_response_at_us = At(35);
    ports::ConsultationRow k4 = Row("k4", At(5), At(100));
    k4.status = "closed";
    k4.assigned_to = "op2";
    k4.topic = "other";
    k4.municipality_code = "0180";
    k4.closed_at_us = At(40);
    ports::ConsultationRow k5 = Row("k5", At(40), At(400));
    k5.immediate_danger = true;
    k5.channel = "web_request";
    k5.abroad_country = "NO";
    ports::ConsultationRow other = Row("x1", At(1), At(1));
    other.organisation_id = "nu-2";
    other.immediate_danger = true;
    Committed([&](ports::UnitOfWork& uow) {
      for (const auto* x : {&k1, &k2, &k3, &k4, &k5, &other}) Must(uow.consultations().Insert(*x));
      Must(uow.consultations().InsertFollowUp(FollowUp("f-open", "k3")));
      Must(uow.consultations().InsertFollowUp(FollowUp("f-done", "k4")));
      Must(uow.consultations().InsertFollowUp(FollowUp("f-done-2", "k3")));
    });
    Committed([&](ports::UnitOfWork& uow) {
      EXPECT_TRUE(Must(uow.consultations().MarkFollowUpDone("f-done", At(50), "op2")));
      EXPECT_TRUE(Must(uow.consultations().MarkFollowUpDone("f-done-2", At(50), "op2")));
    });
  }

  Ids Listed(ports::ConsultationFilter f) {
    auto page = List(std::move(f));
    EXPECT_EQ(page.total, static_cast<long long>(page.items.size()));
    EXPECT_FALSE(page.total_capped);
    return IdsOf(page.items);
  }
};

TEST_F(ConsultationQueue, OrdersImmediateDangerThenRespondByThenReceived) {
  SeedQueue();
  auto page = List({});
  EXPECT_EQ(IdsOf(page.items), (Ids{"k5", "k2", "k3", "k4", "k1"}));
  EXPECT_EQ(page.total, 5);
  EXPECT_FALSE(page.total_capped);
  ports::ConsultationFilter other;
  other.organisation_id = "nu-2";
  EXPECT_EQ(Listed(other), (Ids{"x1"}));
  ports::ConsultationFilter none;
  none.organisation_id = "soc";
  EXPECT_EQ(Listed(none), Ids{});
}

TEST_F(ConsultationQueue, EveryFilterNarrows) {
  SeedQueue();
  ports::ConsultationFilter f;
  f.statuses = {"new"};
  EXPECT_EQ(Listed(f), (Ids{"k5", "k1"}));
  f.statuses = {"new", "closed"};
  EXPECT_EQ(Listed(f), (Ids{"k5", "k4", "k1"}));

  f = {};
  f.assigned_to = "op1";
  EXPECT_EQ(Listed(f), (Ids{"k2", "k3"}));
  f.assigned_to = "";  // the unassigned
  EXPECT_EQ(Listed(f), (Ids{"k5", "k1"}));

  f = {};  // not responded to, not closed, response due before the time
  f.overdue_at_us = At(200);
  EXPECT_EQ(Listed(f), (Ids{"k1"}));
  f.overdue_at_us = At(450);
  EXPECT_EQ(Listed(f), (Ids{"k5", "k1"}));
  f.overdue_at_us = At(100);  // due at the time is not overdue yet
  EXPECT_EQ(Listed(f), Ids{});

  f = {};
  f.open_follow_up = true;
  EXPECT_EQ(Listed(f), (Ids{"k3"}));

  f = {};
  f.topic = "other";
  EXPECT_EQ(Listed(f), (Ids{"k3", "k4"}));
  f = {};
  f.municipality_code = "2480";
  EXPECT_EQ(Listed(f), (Ids{"k3", "k1"}));
  f = {};
  f.channel = "phone";
  EXPECT_EQ(Listed(f), (Ids{"k3", "k4", "k1"}));

  f = {};  // from inclusive, to exclusive
  f.received_from_us = At(10);
  f.received_to_us = At(30);
  EXPECT_EQ(Listed(f), (Ids{"k2", "k1"}));
  f.received_to_us.reset();
  EXPECT_EQ(Listed(f), (Ids{"k5", "k2", "k3", "k1"}));

  f = {};  // together
  f.statuses = {"new", "assigned"};
  f.topic = "suspected_trafficking";
  f.channel = "phone";
  EXPECT_EQ(Listed(f), (Ids{"k1"}));
}

TEST_F(ConsultationQueue, APageIsASliceOfTheWholeWithTheTotal) {
  SeedQueue();
  ports::ConsultationFilter f;
  f.limit = 2;
  f.offset = 2;
  auto page = List(f);
  EXPECT_EQ(IdsOf(page.items), (Ids{"k3", "k4"}));
  EXPECT_EQ(page.total, 5);
  f.offset = 4;
  page = List(f);
  EXPECT_EQ(IdsOf(page.items), (Ids{"k1"}));
  EXPECT_EQ(page.total, 5);
  f.offset = 9;
  page = List(f);
  EXPECT_TRUE(page.items.empty());
  EXPECT_EQ(page.total, 5);
  f.offset = 0;
  f.limit = 0;  // only the total
  page = List(f);
  EXPECT_TRUE(page.items.empty());
  EXPECT_EQ(page.total, 5);
  f.limit = 10'000;  // at most 200
  f.statuses = {"new"};
  page = List(f);
  EXPECT_EQ(IdsOf(page.items), (Ids{"k5", "k1"}));
}

TEST_F(ConsultationQueue, TheTotalIsCountedUpToOneThousand) {
  Committed([&](ports::UnitOfWork& uow) {
    for (int i = 0; i < 1000; ++i) {
      Must(uow.consultations().Insert(Row("c" + std::to_string(10000 + i), At(i), At(i))));
    }
  });
  auto page = List({});
  EXPECT_EQ(page.total, 1000);
  EXPECT_FALSE(page.total_capped);
  EXPECT_EQ(page.items.size(), 50u);  // the default page
  Insert(Row("c-late", At(5000), At(5000)));
  page = List({});
  EXPECT_EQ(page.total, 1000);
  EXPECT_TRUE(page.total_capped);
  ports::ConsultationFilter f;  // past the count, the queue still reads on
  f.limit = 200;
  f.offset = 990;
  page = List(f);
  ASSERT_EQ(page.items.size(), 11u);
  EXPECT_EQ(page.items.back().id, "c-late");
  EXPECT_TRUE(page.total_capped);
  f = {};  // a narrower filter counts exactly
  f.received_from_us = At(900);
  page = List(f);
  EXPECT_EQ(page.total, 101);
  EXPECT_FALSE(page.total_capped);
}

TEST_F(ConsultationQueue, ReceivedBetweenIsHalfOpenOldestFirstAndBounded) {
  SeedQueue();
  auto limit_of = [this](long long from, long long to, int limit) -> Ids {
    return IdsOf(Must(Read()->consultations().ReceivedBetween("nu", from, to, limit)));
  };
  EXPECT_EQ(limit_of(At(5), At(40), 100), (Ids{"k4", "k1", "k2", "k3"}));
  EXPECT_EQ(limit_of(At(5), At(41), 100), (Ids{"k4", "k1", "k2", "k3", "k5"}));
  EXPECT_EQ(limit_of(At(5), At(41), 2), (Ids{"k4", "k1"}));
  EXPECT_EQ(limit_of(At(0), At(5), 100), Ids{});
  EXPECT_EQ(IdsOf(Must(Read()->consultations().ReceivedBetween("nu-2", At(0), At(10), 10))),
            (Ids{"x1"}));
}

}  // namespace
}  // namespace opennrm::testing
