// `opennrm demo --cases 50` on a fresh database, beside a running server:
// every case it reports is readable through the API by the demo user of its
// organisation, with its persons (names in their original script among
// them), a timeline dated in the past, its tracks moved as the step rules
// allow and its clocks, and the run is audited like any user's work. Without
// --show-passwords no password is printed; a second run reuses its users. The
// same run makes shelters with capacity and occupancy, and the national
// unit's consultations over the last years, readable by its demo operator.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/date.hpp"
#include "core/stockholm_date_math.hpp"
#include "harness.hpp"
#include "raw_database.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

struct CliRun {
  int rc = -1;
  std::string out;
  std::string err;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CliRun RunSplit(const std::vector<std::string>& args) {
  std::string dir = TempDir("opennrm-demo");
  std::string cmd = "'" + Binary() + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " > '" + dir + "/out' 2> '" + dir + "/err'";
  int rc = std::system(cmd.c_str());
  CliRun r;
  r.rc = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadAll(dir + "/out");
  r.err = ReadAll(dir + "/err");
  std::filesystem::remove_all(dir);
  return r;
}

std::vector<std::vector<std::string>> TabLines(const std::string& text, const std::string& head) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cols;
    std::istringstream l(line);
    for (std::string c; std::getline(l, c, '\t');) cols.push_back(c);
    if (!cols.empty() && cols[0] == head) out.push_back(cols);
  }
  return out;
}

TEST(DemoCommand, FiftyCasesOnAFreshDatabaseAreReadableThroughTheApi) {
  ServerProcess server;
  ASSERT_TRUE(server.Started()) << server.Log();
  CliRun run = RunSplit({"demo", "-c", server.config_path(), "--cases", "50", "--seed", "7",
                         "--organisations", "2", "--threads", "2", "--consultations", "60",
                         "--show-passwords"});
  ASSERT_EQ(run.rc, 0) << run.out << run.err;
  EXPECT_NE(run.err.find("opennrm demo: 50 cases"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("\x1b["), std::string::npos) << "no progress bar when not a terminal";

  std::map<std::string, std::string> passwords;
  for (const auto& cols : TabLines(run.out, "demo user")) {
    ASSERT_GE(cols.size(), 5u) << "a new user's one-time password is shown when asked";
    EXPECT_EQ(cols[3], "created");
    passwords[cols[1]] = std::regex_replace(cols[4], std::regex("^one-time password "), "");
  }
  // Municipal, NGOs, IOM, police regions and the national unit's three hotline operators.
  ASSERT_GE(passwords.size(), 2u + 3 + 1 + 7 + 3) << run.out;
  EXPECT_NE(run.err.find("opennrm demo: 60 consultations"), std::string::npos) << run.err;
  std::map<std::string, long long> counts;
  long long total = 0;
  for (const auto& cols : TabLines(run.out, "cases")) {
    ASSERT_EQ(cols.size(), 3u);
    counts[cols[1]] = std::stoll(cols[2]);
    total += counts[cols[1]];
  }
  EXPECT_EQ(total, 50);

  long long readable = 0, persons = 0, original_scripts = 0;
  long long moved_on = 0, entries = 0, older_than_a_week = 0, clocks = 0;
  const std::string a_week_ago =
      FormatIsoDate(AddDays(UtcDateOf(std::chrono::system_clock::now()), -7));
  for (const auto& [user, expected] : counts) {
    SessionClient c(server.port());
    ASSERT_EQ(c.SignIn(user, passwords[user], TestPassword(user)), "") << user;
    auto list = c.Get("/api/v1/cases?limit=200");
    ASSERT_EQ(list.status, 200) << list.body;
    auto page = list.Json();  // kept: a range-for over a temporary's member would dangle
    EXPECT_EQ(page["total"].get<long long>(), expected) << user;
    for (const auto& item : page["items"]) {
      std::string id = item["id"];
      auto one = c.Get("/api/v1/cases/" + id);
      ASSERT_EQ(one.status, 200) << one.body;
      auto ps = c.Get("/api/v1/cases/" + id + "/persons");
      ASSERT_EQ(ps.status, 200) << ps.body;
      bool victim = false;
      auto found = ps.Json();
      for (const auto& p : found["items"]) {
        ++persons;
        victim = victim || p["role"] == "presumed_victim";
        for (const auto& n : p["names"]) {
          if (!n["original"].get<std::string>().empty()) ++original_scripts;
        }
      }
      EXPECT_TRUE(victim) << "every demo case has a presumed victim: " << id;
      ++readable;

      auto timeline = c.Get("/api/v1/cases/" + id + "/timeline?limit=200");
      ASSERT_EQ(timeline.status, 200) << timeline.body;
      auto log = timeline.Json();
      ASSERT_GE(log["total"].get<long long>(), 4)
          << "created, person, exploitation, a move: " << timeline.body;
      EXPECT_EQ(log["items"][0]["kind"], "case.created");
      std::string previous;
      for (const auto& e : log["items"]) {
        std::string at = e["recorded_at"];
        EXPECT_LE(previous, at) << "the timeline runs forward: " << id;
        previous = at;
        ++entries;
      }
      if (log["items"][0]["recorded_at"].get<std::string>() < a_week_ago) ++older_than_a_week;

      auto tracks = c.Get("/api/v1/cases/" + id + "/tracks");
      ASSERT_EQ(tracks.status, 200) << tracks.body;
      auto ts = tracks.Json();
      for (const auto& t : ts["tracks"]) {
        if (t["track"] != "support") continue;
        ASSERT_TRUE(t["step"].is_string()) << "every demo case is identified: " << id;
        if (t["step"] != "identification") ++moved_on;
      }
      auto cl = c.Get("/api/v1/cases/" + id + "/clocks");
      ASSERT_EQ(cl.status, 200) << cl.body;
      clocks += static_cast<long long>(cl.Json()["items"].size());
    }
  }
  EXPECT_EQ(readable, 50);
  EXPECT_GE(persons, 50);
  EXPECT_GT(original_scripts, 0);
  EXPECT_GT(entries, 50 * 5) << "records, moves and clocks beyond the case and its persons";
  EXPECT_GT(older_than_a_week, 25) << "cases opened in the past, dated so";
  EXPECT_GT(moved_on, 10) << "support went on beyond identification in many cases";
  EXPECT_GT(clocks, 0);

  // Audited as the demo users' own work: one case.created event per case.
  RawDatabase db(server);
  ASSERT_TRUE(db.ok()) << db.error();
  auto created = db.Scalar(
      "SELECT (SELECT COUNT(*) FROM audit_pending WHERE body LIKE '%\"case.created\"%') + "
      "(SELECT COUNT(*) FROM audit_entries WHERE action = 'case.created')");
  ASSERT_TRUE(created.has_value()) << db.error();
  EXPECT_EQ(std::stoll(*created), 50);

  // Consultations: the national unit's, over years, mostly closed, identifying nobody.
  {
    SessionClient op(server.port());
    ASSERT_EQ(
        op.SignIn("demo-hotline-1", passwords["demo-hotline-1"], TestPassword("demo-hotline-1")),
        "");
    auto all = op.Get("/api/v1/consultations?view=all&limit=100");
    ASSERT_EQ(all.status, 200) << all.body;
    auto page = all.Json();
    EXPECT_EQ(page["total"].get<long long>(), 60) << all.body;
    auto closed = op.Get("/api/v1/consultations?view=closed&limit=1");
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_GT(closed.Json()["total"].get<long long>(), 40) << "most are closed";
    const long long now_us = std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    const long long year_us = 365LL * 24 * 3600 * 1000000;
    long long older_than_a_year = 0;
    std::set<std::string> channels, topics;
    for (const auto& item : page["items"]) {
      const long long received = item["received_at_us"].get<long long>();
      EXPECT_LE(received, now_us);
      if (received < now_us - year_us) ++older_than_a_year;
      channels.insert(item["channel"].get<std::string>());
      topics.insert(item["topic"].get<std::string>());
    }
    EXPECT_GT(older_than_a_year, 20) << "spread over several years";
    EXPECT_GE(channels.size(), 2u);
    EXPECT_GE(topics.size(), 4u);
    std::string first = page["items"][0]["id"];
    auto one = op.Get("/api/v1/consultations/" + first);
    ASSERT_EQ(one.status, 200) << one.body;
    auto c = one.Json();
    EXPECT_FALSE(c["situation"].get<std::string>().empty());
    EXPECT_EQ(c["identity_basis"], "none");
    EXPECT_EQ(c["code"].get<std::string>().rfind("KON-", 0), 0u) << one.body;

    // Shelters with capacity and a reported occupancy: some full, others with free places.
    auto list = op.Get("/api/v1/organisations?kind=ngo_shelter&limit=100");
    ASSERT_EQ(list.status, 200) << list.body;
    auto shelters = list.Json();
    long long with_places = 0, full = 0;
    for (const auto& o : shelters["items"]) {
      if (o["capacity"].empty() || o["occupancy"].is_null()) continue;
      ++with_places;
      long long places = 0;
      for (const auto& e : o["capacity"]) places += e["places"].get<long long>();
      if (o["occupancy"]["occupied"].get<long long>() >= places) ++full;
    }
    EXPECT_GE(with_places, 10) << list.body;
    EXPECT_GE(full, 2) << "some shelters are full";
    EXPECT_LT(full, with_places) << "others have free places";
  }

  // A second run with the same seed reuses the users and prints no password.
  CliRun again = RunSplit({"demo", "-c", server.config_path(), "--cases", "3", "--seed", "7",
                           "--organisations", "2", "--consultations", "2"});
  ASSERT_EQ(again.rc, 0) << again.out << again.err;
  for (const auto& cols : TabLines(again.out, "demo user")) {
    EXPECT_EQ(cols.size(), 4u) << "no password column";
    EXPECT_EQ(cols[3], "existing") << cols[1];
  }
  EXPECT_EQ(again.out.find("password"), std::string::npos);
  EXPECT_NE(again.err.find("opennrm demo: 0 shelters created"), std::string::npos)
      << "the shelters are found again, their occupancy reported anew: " << again.err;
  EXPECT_EQ(server.Terminate(), 0) << server.Log();
}

TEST(DemoCommand, RefusesABadCountWithoutWriting) {
  std::string out;
  EXPECT_NE(RunCli({"demo", "--cases", "0"}, &out), 0);
  EXPECT_NE(out.find("--cases"), std::string::npos) << out;
}

}  // namespace
}  // namespace opennrm::testing
