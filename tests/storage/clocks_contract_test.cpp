// Clocks, tasks, reminders and the child track as stored: rows round-trip,
// versions guard updates, a reminder is claimed once, one alert per child is
// open at a time and heads case lists — and the reminders job, run with a
// fake clock across Stockholm's spring daylight-saving change and a month
// end, tells the team once per reminder — on SQLite and PostgreSQL alike.
#include <sodium.h>

#include "accounts_fixture.hpp"
#include "app/audit/group_commit_log.hpp"
#include "app/cases/clocks.hpp"
#include "cli/clock_rules_file.hpp"
#include "security/argon2_hasher.hpp"
#include "security/key_ring.hpp"
#include "security/secrets.hpp"
#include "security/totp.hpp"

namespace opennrm::testing {
namespace {

using namespace std::chrono_literals;

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

// A UTC time point: `iso` date at `hour`:`minute`.
TimePoint At(const char* iso, int hour, int minute = 0) {
  const CivilDate d = D(iso);
  const auto days = std::chrono::sys_days{std::chrono::year{d.year} / std::chrono::month{d.month} /
                                          std::chrono::day{d.day}};
  return TimePoint(days) + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

class ClocksContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("bertil", "org-1", "bertil.test"));
    InsertCase("c1", kT0);
    InsertCase("c2", kT0 + 10);
    Committed([&](ports::UnitOfWork& uow) {
      Must(uow.cases().AddTeamMember({"c1", "anna", "anna", kT0}));
      Must(uow.cases().AddTeamMember({"c1", "bertil", "anna", kT0}));
      Must(uow.cases().AddTeamMember({"c2", "anna", "anna", kT0}));
    });
  }
  void InsertCase(const std::string& id, long long updated) {
    ports::CaseRow c;
    c.id = id;
    c.organisation_id = "org-1";
    c.code = "NRM-2026-" + id;
    c.type = "trafficking_in_human_beings";
    c.steps_version = "se-manual-2019";
    c.created_by = "anna";
    c.created_at_us = c.updated_at_us = updated;
    Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Insert(c)); });
  }
  static ports::ClockRow Clock(const std::string& id, const std::string& case_id, const char* start,
                               const char* end) {
    ports::ClockRow c;
    c.id = id;
    c.case_id = case_id;
    c.organisation_id = "org-1";
    c.person_id = "p-any";
    c.rule_id = "reflection_period";
    c.rule_version = 2;
    c.rule_valid_from = D("2022-08-01");
    c.kind = "reflection_period";
    c.section = "support";
    c.status = "running";
    c.applicant = "social_welfare_board";
    c.applied_on = D("2026-02-27");
    c.decided_on = D("2026-03-01");
    c.starts_on = D(start);
    c.ends_on = D(end);
    c.end_from_decision = true;
    c.conditions = {"foreign_national_without_residence_permit", "reason_to_believe_victim"};
    c.recorded_by = "anna";
    c.recorded_at_us = c.updated_at_us = kT0;
    return c;
  }
  static ports::TaskRow Task(const std::string& id, const std::string& case_id,
                             const std::string& assignee, const char* due,
                             const std::string& clock_id = "") {
    ports::TaskRow t;
    t.id = id;
    t.case_id = case_id;
    t.organisation_id = "org-1";
    t.section = "support";
    t.title_sealed = clock_id.empty() ? AllBytes() : "";
    t.rule_task = clock_id.empty() ? "" : "reflection_period_ends";
    t.clock_id = clock_id;
    t.assignee_user_id = assignee;
    t.due_on = D(due);
    t.created_by = "anna";
    t.created_at_us = kT0;
    return t;
  }
};

TEST_F(ClocksContract, AClockRoundTripsAndAnUpdateNeedsItsVersion) {
  ports::ClockRow c = Clock("k1", "c1", "2026-03-02", "2026-03-31");
  Committed([&](ports::UnitOfWork& uow) { Must(uow.case_clocks().Insert(c)); });
  auto got = Must(Read()->case_clocks().Find("k1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->rule_valid_from, D("2022-08-01"));
  EXPECT_EQ(got->applied_on, D("2026-02-27"));
  EXPECT_EQ(got->starts_on, D("2026-03-02"));
  EXPECT_EQ(got->ends_on, D("2026-03-31"));
  EXPECT_TRUE(got->end_from_decision);
  EXPECT_EQ(got->conditions, c.conditions);
  EXPECT_FALSE(got->stopped_on);
  ports::ClockRow changed = *got;
  changed.status = "revoked";
  changed.stopped_on = D("2026-03-10");
  changed.stop_reason = "revoked";
  changed.version = 2;
  {
    auto uow = Write();
    auto st = uow->case_clocks().Update(changed, 7);
    ASSERT_FALSE(st.has_value());
    EXPECT_EQ(st.error().code, ErrorCode::kConflict);
  }
  Committed([&](ports::UnitOfWork& uow) { Must(uow.case_clocks().Update(changed, 1)); });
  got = Must(Read()->case_clocks().Find("k1"));
  EXPECT_EQ(got->status, "revoked");
  EXPECT_EQ(got->stopped_on, D("2026-03-10"));
  EXPECT_EQ(got->version, 2);
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_clocks().AddRenewal({"k1", 1, "", std::nullopt, D("2026-03-20"), D("2026-03-31"),
                                       D("2026-04-30"), "anna", kT0}));
  });
  auto renewals = Must(Read()->case_clocks().Renewals("k1"));
  ASSERT_EQ(renewals.size(), 1u);
  EXPECT_FALSE(renewals[0].applied_on);
  EXPECT_EQ(renewals[0].ends_on, D("2026-04-30"));
}

TEST_F(ClocksContract, RunningClocksAreFoundByTheirEndAndAReminderIsClaimedOnce) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_clocks().Insert(Clock("early", "c1", "2026-03-02", "2026-03-31")));
    Must(uow.case_clocks().Insert(Clock("late", "c1", "2026-03-02", "2026-09-30")));
    auto applied = Clock("applied", "c2", "2026-03-02", "2026-03-31");
    applied.status = "applied";
    Must(uow.case_clocks().Insert(applied));
  });
  auto by = Must(Read()->case_clocks().RunningEndingBy(D("2026-04-01")));
  ASSERT_EQ(by.size(), 1u);
  EXPECT_EQ(by[0].id, "early");
  EXPECT_EQ(Must(Read()->case_clocks().OfCase("c1")).size(), 2u);
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.case_clocks().ClaimReminder("early", "before_end:7", D("2026-03-24"), 1)));
    EXPECT_FALSE(
        Must(uow.case_clocks().ClaimReminder("early", "before_end:7", D("2026-03-24"), 2)));
    EXPECT_TRUE(Must(uow.case_clocks().ClaimReminder("early", "before_end:2", D("2026-03-29"), 3)));
  });
  // Reminders before the end leave it found; its overdue reminder, once claimed for its last
  // day, leaves it out — until a renewal gives it another last day.
  EXPECT_EQ(Must(Read()->case_clocks().RunningEndingBy(D("2026-04-01"))).size(), 1u);
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.case_clocks().ClaimReminder("early", "overdue", D("2026-03-30"), 4)));
  });
  EXPECT_EQ(Must(Read()->case_clocks().RunningEndingBy(D("2026-04-01"))).size(), 1u)
      << "a claim for another day";
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.case_clocks().ClaimReminder("early", "overdue", D("2026-03-31"), 5)));
  });
  EXPECT_TRUE(Must(Read()->case_clocks().RunningEndingBy(D("2026-04-01"))).empty());
  auto renewed = *Must(Read()->case_clocks().Find("early"));
  renewed.ends_on = D("2026-04-01");
  renewed.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.case_clocks().Update(renewed, 1)); });
  by = Must(Read()->case_clocks().RunningEndingBy(D("2026-04-01")));
  ASSERT_EQ(by.size(), 1u);
  EXPECT_EQ(by[0].id, "early");
}

TEST_F(ClocksContract, TasksRoundTripAndOnesOwnOpenTasksComeEarliestFirst) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_clocks().Insert(Clock("k1", "c1", "2026-03-02", "2026-03-31")));
    Must(uow.case_tasks().Insert(Task("t-late", "c1", "anna", "2026-04-10")));
    Must(uow.case_tasks().Insert(Task("t-clock", "c1", "anna", "2026-03-31", "k1")));
    Must(uow.case_tasks().Insert(Task("t-bertil", "c1", "bertil", "2026-03-01")));
    Must(uow.case_tasks().Insert(Task("t-c2", "c2", "bertil", "2026-03-01")));  // not on c2's team
  });
  auto got = Must(Read()->case_tasks().Find("t-late"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title_sealed, AllBytes());
  EXPECT_EQ(got->clock_id, "");
  EXPECT_EQ(Must(Read()->case_tasks().Find("t-clock"))->clock_id, "k1");
  auto mine = Must(Read()->case_tasks().OpenAssignedTo("anna", "org-1", 50));
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].task.id, "t-clock");
  EXPECT_EQ(mine[0].case_code, "NRM-2026-c1");
  EXPECT_EQ(Must(Read()->case_tasks().OpenAssignedTo("bertil", "org-1", 50)).size(), 1u);
  EXPECT_TRUE(Must(Read()->case_tasks().OpenAssignedTo("anna", "org-2", 50)).empty());
  EXPECT_EQ(Must(Read()->case_tasks().OpenOfClock("k1")).size(), 1u);
  auto by_hand = Must(Read()->case_tasks().OpenByHandDueBy(D("2026-03-31")));
  EXPECT_EQ(by_hand.size(), 2u);  // t-bertil and t-c2; never the clock's task
  // A task whose overdue reminder is claimed for its due date is left out.
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.case_clocks().ClaimReminder("t-c2", "overdue", D("2026-03-01"), 1)));
  });
  by_hand = Must(Read()->case_tasks().OpenByHandDueBy(D("2026-03-31")));
  ASSERT_EQ(by_hand.size(), 1u);
  EXPECT_EQ(by_hand[0].id, "t-bertil");
  ports::TaskRow done = *got;
  done.status = "done";
  done.done_by = "anna";
  done.done_at_us = kT0 + 5;
  done.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.case_tasks().Update(done, 1)); });
  EXPECT_EQ(Must(Read()->case_tasks().OpenAssignedTo("anna", "org-1", 50)).size(), 1u);
  auto all = Must(Read()->case_tasks().OfCase("c1"));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all.back().id, "t-late");  // done last
  EXPECT_EQ(all.back().done_at_us, kT0 + 5);
}

TEST_F(ClocksContract, OneAlertPerChildIsOpenAtATimeAndItsCaseHeadsTheList) {
  ports::PersonRow p;
  p.id = "p1";
  p.organisation_id = "org-1";
  p.code = "P-2026-000001";
  p.identity_sealed = AllBytes();
  p.contact_sealed = "x";
  p.created_at_us = p.updated_at_us = kT0;
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.persons().Insert(p));
    Must(uow.child_track().Insert({"r1", "c1", "org-1", "p1", "report_of_concern", D("2026-01-31"),
                                   "0180", "", "", AllBytes(), "anna", kT0}));
  });
  auto records = Must(Read()->child_track().OfCase("c1"));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].on, D("2026-01-31"));
  EXPECT_EQ(records[0].note_sealed, AllBytes());
  auto listed = [&] {
    ports::CaseListFilter f;
    f.organisation_id = "org-1";
    f.viewer_user_id = "anna";
    f.now_us = kT0;
    std::vector<std::string> ids;
    for (const auto& c : Must(Read()->cases().List(f)).items) ids.push_back(c.id);
    return ids;
  };
  EXPECT_EQ(listed(), (std::vector<std::string>{"c2", "c1"}));
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.child_track().OpenAlert({"a1", "c1", "org-1", "p1", "anna", kT0})));
    EXPECT_FALSE(Must(uow.child_track().OpenAlert({"a2", "c1", "org-1", "p1", "anna", kT0})));
  });
  EXPECT_EQ(listed(), (std::vector<std::string>{"c1", "c2"}));
  Committed([&](ports::UnitOfWork& uow) {
    auto resolved = Must(uow.child_track().ResolveAlert("c1", "p1", "bertil", kT0 + 9));
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved->id, "a1");
    EXPECT_FALSE(Must(uow.child_track().ResolveAlert("c1", "p1", "bertil", kT0 + 9)));
    EXPECT_TRUE(Must(uow.child_track().OpenAlert({"a3", "c1", "org-1", "p1", "anna", kT0 + 10})));
  });
  auto alerts = Must(Read()->child_track().AlertsOfCase("c1"));
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].id, "a3");
  EXPECT_EQ(alerts[1].resolved_by, "bertil");
  EXPECT_EQ(alerts[1].resolved_at_us, kT0 + 9);
}

// The reminders job with the security core wired as the server wires it.
class RemindersJob : public ClocksContract {
 protected:
  void SetUp() override {
    ClocksContract::SetUp();
    if (HasFatalFailure()) return;
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char b64[64];
    sodium_bin2base64(b64, sizeof b64, raw, sizeof raw, sodium_base64_VARIANT_ORIGINAL);
    auto master = security::MasterKey::FromBase64("TEST_MASTER_KEY", b64);
    ASSERT_TRUE(master.has_value()) << master.error().message;
    keys_ = std::make_unique<security::KeyRing>(*db_, clock_, std::move(*master));
    auto platform = keys_->PlatformSecret();
    ASSERT_TRUE(platform.has_value()) << platform.error().message;
    secrets_ = std::move(*security::SodiumSecrets::Create(*platform));
    security::Argon2Params params;
    params.opslimit = 1;
    params.memlimit = 8 << 20;
    hasher_ = std::move(*security::Argon2Hasher::Create(params));
    audit_ = std::make_unique<app::audit::GroupCommitAuditLog>(*db_, clock_);
    services_ = std::make_unique<app::SecurityServices>(
        app::SecurityServices{*hasher_, totp_, *secrets_, *keys_, *keys_, *audit_, {}});
    auto rules = cli::ReadClockRules("data/rules/clocks.toml");
    ASSERT_TRUE(rules.has_value()) << rules.error().message;
    auto case_rules = std::make_shared<app::CaseRules>();
    case_rules->clocks = std::move(*rules);
    rules_ = std::move(case_rules);
  }
  void TearDown() override {
    if (audit_) audit_->Stop();
    services_.reset();
    audit_.reset();
    keys_.reset();
    ClocksContract::TearDown();
  }
  app::Context Ctx() {
    app::Context c{*db_, clock_, ids_, nullptr};
    c.security = services_.get();
    c.case_rules = rules_;
    return c;
  }
  // Runs the job at `now`; returns the notices it wrote.
  int RunAt(TimePoint now) {
    clock_.Set(now);
    auto run = app::SendDueReminders(Ctx(), now);
    EXPECT_TRUE(run.has_value()) << run.error().message;
    last_ = run.value_or(app::ReminderRun{});
    return run ? run->notices : -1;
  }
  // The user's notifications, newest first, as "kind: detail".
  std::vector<std::string> Notices(const std::string& user) {
    std::vector<std::string> out;
    for (const auto& n : Must(Read()->notifications().List(user, false, 50, 0)).items) {
      auto detail =
          keys_->Open({n.organisation_id, "notifications", "detail", n.id}, n.detail_sealed);
      EXPECT_TRUE(detail.has_value());
      out.push_back(n.kind + ": " + detail.value_or(""));
    }
    return out;
  }

  struct Ids final : ports::IdGenerator {
    std::string NewId() override { return "n" + std::to_string(++next); }
    int next = 0;
  };
  FakeClock clock_{At("2026-03-01", 12)};
  app::ReminderRun last_;
  Ids ids_;
  std::unique_ptr<security::KeyRing> keys_;
  std::unique_ptr<security::SodiumSecrets> secrets_;
  std::unique_ptr<security::Argon2Hasher> hasher_;
  security::OathTotp totp_;
  std::unique_ptr<app::audit::GroupCommitAuditLog> audit_;
  std::unique_ptr<app::SecurityServices> services_;
  std::shared_ptr<const app::CaseRules> rules_;
};

TEST_F(RemindersJob, TellsTheTeamOncePerReminderAcrossTheSpringChangeAndTheMonthEnd) {
  // Reflection period 2 March - 31 March; the rule reminds 7 and 2 days before.
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_clocks().Insert(Clock("k1", "c1", "2026-03-02", "2026-03-31")));
    Must(uow.case_tasks().Insert(Task("t1", "c1", "bertil", "2026-04-02")));
  });
  EXPECT_EQ(RunAt(At("2026-03-23", 12)), 0);
  EXPECT_EQ(RunAt(At("2026-03-24", 9)), 2);       // anna and bertil
  EXPECT_EQ(RunAt(At("2026-03-24", 15)), 0);      // once, however often the job runs
  EXPECT_EQ(RunAt(At("2026-03-28", 22, 30)), 0);  // 23:30 in Stockholm, still the 28th
  // 23:30 UTC on the 28th is 00:30 on Sunday 29 March in Stockholm, the
  // night clocks go forward: the 2-day reminder is due.
  EXPECT_EQ(RunAt(At("2026-03-28", 23, 30)), 2);
  EXPECT_EQ(RunAt(At("2026-03-29", 20)), 0);
  EXPECT_EQ(RunAt(At("2026-03-31", 21, 30)), 0);  // 23:30 on the last day: not overdue yet
  // Past midnight of 31 March in Stockholm (22:00 UTC in summer time): overdue,
  // and the task by hand is due tomorrow (2 April) for its assignee only.
  EXPECT_EQ(RunAt(At("2026-03-31", 22, 30)), 3);
  EXPECT_EQ(RunAt(At("2026-04-01", 10)), 0);
  // Only the task's reminder for tomorrow (claimed already) is looked at again; the overdue
  // clock, once told, is not.
  EXPECT_EQ(last_.considered, 1);
  EXPECT_EQ(RunAt(At("2026-04-03", 10)), 1);  // the task is overdue
  EXPECT_EQ(RunAt(At("2026-04-04", 10)), 0);
  EXPECT_EQ(last_.considered, 0) << "nor is an overdue task";

  auto anna = Notices("anna");
  ASSERT_EQ(anna.size(), 3u);
  EXPECT_EQ(anna[2],
            "clock_reminder: case=NRM-2026-c1&clock=k1&rule=reflection_period&date=2026-03-31"
            "&days=7");
  EXPECT_EQ(anna[1],
            "clock_reminder: case=NRM-2026-c1&clock=k1&rule=reflection_period&date=2026-03-31"
            "&days=2");
  EXPECT_EQ(anna[0],
            "clock_overdue: case=NRM-2026-c1&clock=k1&rule=reflection_period&date=2026-03-31");
  auto bertil = Notices("bertil");
  ASSERT_EQ(bertil.size(), 5u);
  EXPECT_EQ(bertil[0], "task_overdue: case=NRM-2026-c1&task=t1&date=2026-04-02");
  EXPECT_EQ(bertil[1], "task_due: case=NRM-2026-c1&task=t1&date=2026-04-02");
}

}  // namespace
}  // namespace opennrm::testing
