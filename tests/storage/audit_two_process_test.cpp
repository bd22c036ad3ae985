// Two server processes on one database each run the audit log and its sequencer at the same
// time (tests/storage/audit_driver.cpp); afterwards the log verifies, with contiguous sequence
// numbers and every appended event present exactly once. On PostgreSQL (several servers share
// one database) and on SQLite (two processes on one file) alike.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "audit_fixture.hpp"

extern char** environ;

namespace opennrm::testing {
namespace {

namespace oa = opennrm::audit;

constexpr int kEventsPerProcess = 400;

struct DriverResult {
  int exit_code = -1;
  std::map<std::string, long long> counts;  // recorded, sequenced, leader_steps, errors
};

class AuditTwoProcesses : public AuditTest {
 protected:
  pid_t Spawn(const std::string& name, int seed, const std::string& go, const std::string& out) {
    const char* backend = std::getenv("OPENNRM_TEST_BACKEND");
    std::string b = backend ? backend : "sqlite";
    std::string target = b == "postgres" ? std::getenv("OPENNRM_TEST_PG") : dir_ + "/test.db";
    std::vector<std::string> args = {
        OPENNRM_AUDIT_DRIVER, b,  target, name, std::to_string(kEventsPerProcess), "6",
        std::to_string(seed), go, out};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, OPENNRM_AUDIT_DRIVER, nullptr, nullptr, argv.data(), environ);
    EXPECT_EQ(rc, 0) << "cannot start " << OPENNRM_AUDIT_DRIVER;
    return rc == 0 ? pid : -1;
  }

  // Waits up to two minutes; a driver still running then is killed and fails the test.
  DriverResult Wait(pid_t pid, const std::string& out) {
    DriverResult result;
    int status = 0;
    for (int i = 0; i < 1200; ++i) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (result.exit_code < 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ADD_FAILURE() << "the driver did not finish in time";
    }
    std::ifstream in(out);
    std::string item;
    while (in >> item) {
      auto eq = item.find('=');
      if (eq != std::string::npos)
        result.counts[item.substr(0, eq)] = std::stoll(item.substr(eq + 1));
    }
    return result;
  }
};

TEST_F(AuditTwoProcesses, BothAppendAndSequenceAndTheLogVerifies) {
  const std::string go = export_dir_ + "/go";
  const std::string out1 = export_dir_ + "/p1.out", out2 = export_dir_ + "/p2.out";
  pid_t p1 = Spawn("p1", 11, go, out1);
  pid_t p2 = Spawn("p2", 12, go, out2);
  ASSERT_GT(p1, 0);
  ASSERT_GT(p2, 0);
  std::ofstream(go) << "go\n";  // both start together
  DriverResult r1 = Wait(p1, out1);
  DriverResult r2 = Wait(p2, out2);
  EXPECT_EQ(r1.exit_code, 0);
  EXPECT_EQ(r2.exit_code, 0);
  EXPECT_EQ(r1.counts["recorded"], kEventsPerProcess);
  EXPECT_EQ(r2.counts["recorded"], kEventsPerProcess);
  EXPECT_EQ(r1.counts["errors"], 0);
  EXPECT_EQ(r2.counts["errors"], 0);
  auto summary = [](const DriverResult& r) {
    std::string out;
    for (const auto& [k, v] : r.counts) out += k + "=" + std::to_string(v) + " ";
    return out;
  };
  // Both held the lease; how much each sequenced depends on timing (typically both do).
  EXPECT_GT(r1.counts["leader_steps"], 0) << summary(r1);
  EXPECT_GT(r2.counts["leader_steps"], 0) << summary(r2);

  // Whatever the drivers left pending, this "third server" sequences (they released the lease).
  clock_.Set(std::chrono::system_clock::now() + std::chrono::minutes(1));
  for (int i = 0; i < 100; ++i) {
    auto step = Step(true);
    ASSERT_TRUE(step.leader);
    if (step.sequenced == 0) break;
  }

  std::map<std::string, int> seen;
  auto entries = AllEntries();
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].seq, i) << "contiguous";
    ++seen[oa::DecodeEvent(entries[i].leaf).value().request_id];
  }
  EXPECT_EQ(entries.size(), 2u * kEventsPerProcess);
  for (const char* name : {"p1", "p2"}) {
    for (int i = 0; i < kEventsPerProcess; ++i) {
      std::string id = std::string(name) + "-" + std::to_string(i);
      EXPECT_EQ(seen[id], 1) << id;
    }
  }

  app::audit::VerifyInputs in;
  in.trusted_keys = {TestSigner(11)->PublicKey(), TestSigner(12)->PublicKey(),
                     signer_->PublicKey()};
  auto verified = app::audit::VerifyAuditLog(*db_, in).value();
  EXPECT_TRUE(verified.report.ok()) << Findings(verified.report);
  EXPECT_EQ(verified.tree_size, 2u * kEventsPerProcess);
  EXPECT_GT(verified.database_checkpoints, 2u);
  EXPECT_EQ(verified.report.checkpoints_verified, verified.database_checkpoints);
  std::set<std::string> signers;
  auto uow = db_->Begin(ports::Access::kRead).value();
  auto checkpoints = uow->audit().Checkpoints(0, 1'000'000, 100'000, false).value();
  for (const auto& c : checkpoints) signers.insert(c.key_id);
  // A driver signs whenever it sequenced something.
  EXPECT_EQ(signers.count(oa::KeyId(TestSigner(11)->PublicKey())),
            r1.counts["sequenced"] > 0 ? 1u : 0u);
  EXPECT_EQ(signers.count(oa::KeyId(TestSigner(12)->PublicKey())),
            r2.counts["sequenced"] > 0 ? 1u : 0u);
}

}  // namespace
}  // namespace opennrm::testing
