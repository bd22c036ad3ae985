// The auditors' API through HTTP: an auditor reads their own organisation's events and no other's,
// a national auditor reads them all, every other role is refused; reading is itself audited;
// filters narrow the answer; bad parameters are named; checkpoints are signed and the inclusion
// and consistency proofs verify (recomputed here with RFC 9162's algorithms, not the server's).
#include <sodium.h>

#include <chrono>
#include <ctime>
#include <thread>

#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;
using Bytes = std::vector<unsigned char>;

struct Account {
  std::string id;
  std::string username;
  std::unique_ptr<SessionClient> client;
};

// Polls `done` until it holds or `limit` passes (the sequencer runs every second).
template <class Pred>
bool Eventually(Pred done, std::chrono::seconds limit = std::chrono::seconds(10)) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (true) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

Bytes FromHex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

Bytes NodeHash(const Bytes& left, const Bytes& right) {
  Bytes in{0x01};
  in.insert(in.end(), left.begin(), left.end());
  in.insert(in.end(), right.begin(), right.end());
  Bytes out(crypto_hash_sha256_BYTES);
  crypto_hash_sha256(out.data(), in.data(), in.size());
  return out;
}

std::vector<Bytes> Hashes(const json& list) {
  std::vector<Bytes> out;
  for (const auto& h : list) out.push_back(FromHex(h.get<std::string>()));
  return out;
}

// RFC 9162 §2.1.3.2: verifying an inclusion proof.
bool VerifyInclusion(uint64_t index, uint64_t size, const Bytes& leaf,
                     const std::vector<Bytes>& path, const Bytes& root) {
  if (index >= size) return false;
  uint64_t fn = index;
  uint64_t sn = size - 1;
  Bytes r = leaf;
  for (const Bytes& p : path) {
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      r = NodeHash(p, r);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

// RFC 9162 §2.1.4.2: verifying a consistency proof (0 < first < second).
bool VerifyConsistency(uint64_t first, uint64_t second, const Bytes& first_root,
                       const Bytes& second_root, std::vector<Bytes> path) {
  if (first == 0 || first >= second || path.empty()) return false;
  if ((first & (first - 1)) == 0) path.insert(path.begin(), first_root);
  uint64_t fn = first - 1;
  uint64_t sn = second - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Bytes fr = path[0];
  Bytes sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    const Bytes& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == first_root && sr == second_root && sn == 0;
}

// The checkpoint's signature under the key the server publishes for its key id
// (the signed message as domain/audit/checkpoint.hpp defines it).
bool SignatureVerifies(const json& checkpoint, const json& keys) {
  for (const auto& k : keys["items"]) {
    if (k["key_id"] != checkpoint["key_id"]) continue;
    std::string message = "opennrm-audit-checkpoint v1\nsize " +
                          std::to_string(checkpoint["size"].get<uint64_t>()) + "\nroot " +
                          checkpoint["root"].get<std::string>() + "\ntime_us " +
                          std::to_string(checkpoint["time_us"].get<long long>()) + "\n";
    Bytes signature = FromHex(checkpoint["signature"]);
    Bytes key = FromHex(k["public_key"]);
    if (signature.size() != crypto_sign_BYTES || key.size() != crypto_sign_PUBLICKEYBYTES) {
      return false;
    }
    return crypto_sign_verify_detached(signature.data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), key.data()) == 0;
  }
  return false;
}

// Whether an event concerns the organisation: acted in it, or touched a record it owns.
bool Concerns(const json& event, const std::string& organisation_id) {
  if (event["organisation_id"] == organisation_id) return true;
  for (const auto& o : event["objects"]) {
    if (o["organisation_id"] == organisation_id) return true;
  }
  return false;
}

bool Contains(const json& page, const std::string& action, const std::string& actor) {
  for (const auto& e : page["items"]) {
    if (e["action"] == action && e["actor_user_id"] == actor) return true;
  }
  return false;
}

std::string DatePlusDays(int days) {
  std::time_t t = std::time(nullptr) + days * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

class AuditApi : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    if (::testing::Test::HasFatalFailure()) return;
    ASSERT_GE(sodium_init(), 0);
    auto session = Get("/api/v1/session");
    ASSERT_EQ(session.status, 200) << session.body;
    national_org_ = session.Json()["user"]["organisation"]["id"];
    org_a_ = NewOrganisation("Socialtjänsten, Revisionsby");
    org_b_ = NewOrganisation("Socialtjänsten, Granskningsby");
    ASSERT_FALSE(org_a_.empty() || org_b_.empty());

    admin_a_ = NewUser(*admin_, org_a_, "admin.a", "organisation_administrator");
    admin_b_ = NewUser(*admin_, org_b_, "admin.b", "organisation_administrator");
    national_admin_ =
        NewUser(*admin_, national_org_, "admin.national", "organisation_administrator");
    ASSERT_TRUE(admin_a_.client && admin_b_.client && national_admin_.client);
    auditor_a_ = NewUser(*admin_a_.client, org_a_, "auditor.a", "auditor");
    worker_a_ = NewUser(*admin_a_.client, org_a_, "worker.a", "social_worker");
    auditor_b_ = NewUser(*admin_b_.client, org_b_, "auditor.b", "auditor");
    national_auditor_ =
        NewUser(*national_admin_.client, national_org_, "auditor.national", "national_auditor");
    ASSERT_TRUE(auditor_a_.client && worker_a_.client && auditor_b_.client &&
                national_auditor_.client);
    ready_ = true;
  }
  void SetUp() override { ASSERT_TRUE(ready_) << "the suite's accounts could not be set up"; }
  static void TearDownTestSuite() {
    for (Account* a : {&admin_a_, &admin_b_, &national_admin_, &auditor_a_, &worker_a_, &auditor_b_,
                       &national_auditor_}) {
      *a = Account{};
    }
    ready_ = false;
    ApiTest::TearDownTestSuite();
  }

  static std::string NewOrganisation(const std::string& name) {
    json body{{"name", name},
              {"kind", "municipal_social_services"},
              {"coverage", {{"scope", "municipalities"}, {"codes", {"2584"}}}}};
    auto r = Post("/api/v1/organisations", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
  }

  // Created by `by`, then signed in through every first-login step.
  static Account NewUser(SessionClient& by, const std::string& organisation_id,
                         const std::string& username, const std::string& role) {
    json body{{"organisation_id", organisation_id},
              {"username", username},
              {"display_name", "Test " + username},
              {"roles", {role}}};
    auto r = by.Post("/api/v1/users", body.dump());
    EXPECT_EQ(r.status, 201) << username << ": " << r.body;
    if (r.status != 201) return {};
    Account a;
    a.id = r.Json()["user"]["id"];
    a.username = username;
    a.client = std::make_unique<SessionClient>(port());
    std::string error =
        a.client->SignIn(username, r.Json()["one_time_password"], TestPassword(username));
    EXPECT_EQ(error, "") << username;
    if (!error.empty()) a.client.reset();
    return a;
  }

  // One page of events as `who` sees them (asserting 200).
  static json Events(SessionClient& who, const std::string& query = "limit=1000") {
    auto r = who.Get("/api/v1/audit/events?" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return r.status == 200 ? r.Json() : json{{"items", json::array()}, {"total", 0}};
  }

  // Reads one page of the log as `who`, then waits for that read's own "audit.read" event
  // (found by its request id: every read is audited alike, so an earlier one must not stand in
  // for it). Null if it is not in the log in time.
  static json AuditedRead(SessionClient& who, const std::string& actor) {
    auto r = who.Get("/api/v1/audit/events?limit=1");
    EXPECT_EQ(r.status, 200) << r.body;
    const std::string request_id = r.Header("x-request-id");
    json found;
    Eventually([&] {
      json reads = Events(who, "action=audit.read&actor=" + actor + "&limit=1000");
      for (const auto& e : reads["items"]) {
        if (e["request_id"] == request_id) found = e;
      }
      return !found.is_null();
    });
    return found;
  }

  // The latest checkpoint once one covers at least `min_size` entries; null if none in time.
  static json CheckpointOfAtLeast(uint64_t min_size) {
    json found;
    Eventually([&] {
      auto r = auditor_a_.client->Get("/api/v1/audit/checkpoints/latest");
      if (r.status != 200) return false;
      auto j = r.Json();
      if (j["size"].get<uint64_t>() < min_size) return false;
      found = j;
      return true;
    });
    return found;
  }

  static inline bool ready_ = false;
  static inline std::string national_org_, org_a_, org_b_;
  static inline Account admin_a_, admin_b_, national_admin_;
  static inline Account auditor_a_, worker_a_, auditor_b_, national_auditor_;
};

TEST_F(AuditApi, AnAuditorSeesTheirOwnOrganisationsEventsOnly) {
  // The social worker's and the other organisation's auditor's sign-ins are in the log once
  // sequenced; only the first concerns organisation A. B's auditor signed in after A's social
  // worker: wait for that sign-in too (as B's auditor sees it), or its absence from A's answers
  // below would prove nothing.
  json b;
  ASSERT_TRUE(Eventually([&] {
    b = Events(*auditor_b_.client, "action=session.login&limit=1000");
    return Contains(b, "session.login", auditor_b_.id);
  }));
  json logins;
  ASSERT_TRUE(Eventually([&] {
    logins = Events(*auditor_a_.client, "action=session.login&limit=1000");
    return Contains(logins, "session.login", worker_a_.id);
  })) << logins.dump();
  EXPECT_TRUE(Contains(logins, "session.login", admin_a_.id));
  EXPECT_FALSE(Contains(logins, "session.login", auditor_b_.id));
  json page = Events(*auditor_a_.client);
  ASSERT_FALSE(page["items"].empty());
  EXPECT_GE(page["total"].get<long long>(), static_cast<long long>(page["items"].size()));
  EXPECT_EQ(page["limit"], 1000);
  EXPECT_EQ(page["offset"], 0);
  for (const auto& e : page["items"]) {
    EXPECT_TRUE(Concerns(e, org_a_)) << e.dump();
    EXPECT_NE(e["actor_user_id"], auditor_b_.id) << e.dump();
    EXPECT_NE(e["actor_user_id"], admin_b_.id) << e.dump();
    EXPECT_TRUE(e["intact"].get<bool>());
  }
  // Newest first, by sequence number.
  for (size_t i = 1; i < page["items"].size(); ++i) {
    EXPECT_GT(page["items"][i - 1]["seq"].get<uint64_t>(), page["items"][i]["seq"].get<uint64_t>());
  }
  // The shape of one event.
  const json& e = page["items"][0];
  for (const char* key :
       {"seq", "at", "actor_user_id", "actor_token_id", "organisation_id", "roles", "action",
        "outcome", "objects", "purpose", "reason_id", "request_id", "intact"}) {
    EXPECT_TRUE(e.contains(key)) << key << " in " << e.dump();
  }
  // Asking for their own organisation explicitly changes nothing.
  json own = Events(*auditor_a_.client, "organisation_id=" + org_a_ + "&limit=1000");
  for (const auto& item : own["items"]) EXPECT_TRUE(Concerns(item, org_a_)) << item.dump();

  // And organisation B's auditor sees B's sign-ins, never A's.
  for (const auto& item : b["items"]) {
    EXPECT_TRUE(Concerns(item, org_b_)) << item.dump();
    EXPECT_NE(item["actor_user_id"], worker_a_.id);
  }
}

TEST_F(AuditApi, AnotherOrganisationsEventsAreInvisible) {
  ExpectProblem(auditor_a_.client->Get("/api/v1/audit/events?organisation_id=" + org_b_), 404);
  ExpectProblem(auditor_b_.client->Get("/api/v1/audit/events?organisation_id=" + org_a_), 404);
  ExpectProblem(auditor_a_.client->Get("/api/v1/audit/events?organisation_id=" + national_org_),
                404);
  // Exactly as an organisation that does not exist.
  ExpectProblem(auditor_a_.client->Get(
                    "/api/v1/audit/events?organisation_id=00000000000000000000000000000000"),
                404);
}

TEST_F(AuditApi, EveryOtherRoleIsRefused) {
  const std::vector<std::string> paths = {"/api/v1/audit/events",
                                          "/api/v1/audit/checkpoints",
                                          "/api/v1/audit/checkpoints/latest",
                                          "/api/v1/audit/proofs/inclusion?seq=0",
                                          "/api/v1/audit/proofs/consistency?from=1",
                                          "/api/v1/audit/public-keys"};
  for (SessionClient* who : {worker_a_.client.get(), admin_a_.client.get(), admin_.get(),
                             national_admin_.client.get()}) {
    for (const auto& path : paths) {
      auto r = who->Get(path);
      ExpectProblem(r, 403);
      EXPECT_EQ(r.Json()["type"], "https://opennrm.org/problems/forbidden") << path;
    }
  }
  // Someone else's organisation stays invisible to them too.
  ExpectProblem(worker_a_.client->Get("/api/v1/audit/events?organisation_id=" + org_b_), 404);
  // And nobody signed in gets 401.
  ExpectProblem(Request(port(), "GET", "/api/v1/audit/events"), 401);
  ExpectProblem(Request(port(), "GET", "/api/v1/audit/public-keys"), 401);
}

TEST_F(AuditApi, ANationalAuditorSeesEveryOrganisation) {
  json page;
  ASSERT_TRUE(Eventually([&] {
    page = Events(*national_auditor_.client, "action=session.login&limit=1000");
    return Contains(page, "session.login", auditor_a_.id) &&
           Contains(page, "session.login", auditor_b_.id) &&
           Contains(page, "session.login", national_admin_.id);
  })) << page.dump();
  bool a = false, b = false;
  for (const auto& e : page["items"]) {
    a = a || Concerns(e, org_a_);
    b = b || Concerns(e, org_b_);
  }
  EXPECT_TRUE(a && b);
  // Narrowed to one organisation when asked.
  json only_b = Events(*national_auditor_.client,
                       "organisation_id=" + org_b_ + "&action=session.login&limit=1000");
  EXPECT_TRUE(Contains(only_b, "session.login", auditor_b_.id));
  EXPECT_LT(only_b["total"].get<long long>(), page["total"].get<long long>());
  for (const auto& e : only_b["items"]) EXPECT_TRUE(Concerns(e, org_b_)) << e.dump();
}

TEST_F(AuditApi, ReadingTheLogIsItselfAudited) {
  const json e = AuditedRead(*auditor_a_.client, auditor_a_.id);
  ASSERT_FALSE(e.is_null()) << "the read is not in the log";
  EXPECT_EQ(e["actor_user_id"], auditor_a_.id);
  EXPECT_EQ(e["organisation_id"], org_a_);
  EXPECT_EQ(e["roles"], json({"auditor"}));
  EXPECT_EQ(e["outcome"], "allowed");
  EXPECT_FALSE(e["request_id"].is_null());
  // It names the log read, nothing from it: no filter, no event, no person.
  EXPECT_EQ(e["objects"],
            json::parse(R"([{"type":"audit_log","id":")" + org_a_ + R"(","organisation_id":")" +
                        org_a_ + R"(","sections":[]}])"));

  const json national = AuditedRead(*national_auditor_.client, national_auditor_.id);
  ASSERT_FALSE(national.is_null()) << "the national read is not in the log";
  EXPECT_EQ(national["objects"][0]["id"], "all") << "the whole log was read";
  EXPECT_TRUE(national["objects"][0]["organisation_id"].is_null());
}

TEST_F(AuditApi, FiltersNarrowTheAnswer) {
  json logins;
  ASSERT_TRUE(Eventually([&] {
    logins = Events(*auditor_a_.client, "action=session.login&actor=" + worker_a_.id);
    return !logins["items"].empty();
  }));
  for (const auto& e : logins["items"]) {
    EXPECT_EQ(e["action"], "session.login");
    EXPECT_EQ(e["actor_user_id"], worker_a_.id);
  }
  json sessions = Events(*auditor_a_.client, "object_type=session&limit=1000");
  ASSERT_FALSE(sessions["items"].empty());
  for (const auto& e : sessions["items"]) {
    bool has = false;
    for (const auto& o : e["objects"]) has = has || o["type"] == "session";
    EXPECT_TRUE(has) << e.dump();
  }
  std::string session_id = logins["items"][0]["objects"][0]["id"];
  json one = Events(*auditor_a_.client, "object_type=session&object_id=" + session_id);
  ASSERT_GE(one["items"].size(), 1u);
  for (const auto& e : one["items"]) EXPECT_EQ(e["objects"][0]["id"], session_id);

  // Times: dates (UTC days) and RFC 3339 date-times with offsets (the server wants ':' and '+'
  // percent-encoded in a query string).
  EXPECT_EQ(Events(*auditor_a_.client, "from=" + DatePlusDays(2))["total"], 0);
  EXPECT_EQ(Events(*auditor_a_.client, "to=2000-01-01")["total"], 0);
  std::string yesterday = DatePlusDays(-1);
  json recent = Events(*auditor_a_.client, "from=" + yesterday + "T00%3A00%3A00%2B01%3A00&to=" +
                                               DatePlusDays(1) + "&action=session.login");
  EXPECT_TRUE(Contains(recent, "session.login", worker_a_.id)) << recent.dump();
  // Paging.
  json page = Events(*auditor_a_.client, "limit=1&offset=1");
  EXPECT_LE(page["items"].size(), 1u);
  EXPECT_EQ(page["limit"], 1);
  EXPECT_EQ(page["offset"], 1);
  EXPECT_GE(page["total"].get<long long>(), 2);
}

TEST_F(AuditApi, BadParametersAreNamed) {
  auto& c = *auditor_a_.client;
  ExpectProblem(c.Get("/api/v1/audit/events?from=yesterday"), 422, "from", "format");
  ExpectProblem(c.Get("/api/v1/audit/events?to=2026-02-30"), 422, "to", "format");
  ExpectProblem(c.Get("/api/v1/audit/events?from=2026-11-28T10%3A00%3A00"), 422, "from", "format");
  ExpectProblem(c.Get("/api/v1/audit/events?from=2026-11-29&to=2026-11-27"), 422, "to",
                "after_from");
  ExpectProblem(c.Get("/api/v1/audit/events?limit=0"), 422, "limit", "range");
  ExpectProblem(c.Get("/api/v1/audit/events?limit=1001"), 422, "limit", "range");
  ExpectProblem(c.Get("/api/v1/audit/events?limit=ten"), 422, "limit", "type");
  ExpectProblem(c.Get("/api/v1/audit/events?offset=-1"), 422, "offset", "range");
  ExpectProblem(c.Get("/api/v1/audit/events?user=x"), 422, "user", "unknown_parameter");
  // Every problem at once.
  auto both = c.Get("/api/v1/audit/events?from=x&to=y");
  ExpectProblem(both, 422, "from", "format");
  ExpectProblem(both, 422, "to", "format");
  ExpectProblem(c.Get("/api/v1/audit/checkpoints?limit=0"), 422, "limit", "range");
  ExpectProblem(c.Get("/api/v1/audit/proofs/inclusion"), 422, "seq", "required");
  ExpectProblem(c.Get("/api/v1/audit/proofs/inclusion?seq=first"), 422, "seq", "type");
  ExpectProblem(c.Get("/api/v1/audit/proofs/inclusion?seq=0&size=0"), 422, "size", "range");
  ExpectProblem(c.Get("/api/v1/audit/proofs/inclusion?seq=0&size=1000000000000"), 422, "size",
                "range");
  ExpectProblem(c.Get("/api/v1/audit/proofs/consistency"), 422, "from", "required");
  ExpectProblem(c.Get("/api/v1/audit/proofs/consistency?from=1&to=1000000000000"), 422, "to",
                "range");
  // Parameters are read before the policy decides; a 422 says nothing about the log.
  ExpectProblem(worker_a_.client->Get("/api/v1/audit/events?from=x"), 422, "from", "format");
}

TEST_F(AuditApi, CheckpointsAreSignedAndProofsVerify) {
  // An event the auditor can see, and a signed checkpoint that covers it.
  json page;
  ASSERT_TRUE(Eventually([&] {
    page = Events(*auditor_a_.client, "action=session.login&actor=" + worker_a_.id);
    return !page["items"].empty();
  }));
  uint64_t seq = page["items"][0]["seq"];
  json first = CheckpointOfAtLeast(seq + 1);
  ASSERT_FALSE(first.is_null()) << "no checkpoint covers entry " << seq;
  EXPECT_EQ(first["root"].get<std::string>().size(), 64u);
  EXPECT_EQ(first["signature"].get<std::string>().size(), 128u);
  EXPECT_EQ(first["key_id"].get<std::string>().size(), 16u);
  EXPECT_FALSE(first["time"].get<std::string>().empty());

  auto keys = auditor_a_.client->Get("/api/v1/audit/public-keys");
  ASSERT_EQ(keys.status, 200) << keys.body;
  ASSERT_FALSE(keys.Json()["items"].empty());
  EXPECT_EQ(keys.Json()["items"][0]["public_key"].get<std::string>().size(), 64u);
  EXPECT_TRUE(SignatureVerifies(first, keys.Json())) << first.dump() << keys.body;
  json forged = first;
  forged["size"] = first["size"].get<uint64_t>() + 1;
  EXPECT_FALSE(SignatureVerifies(forged, keys.Json()));

  // The event is in the signed tree.
  uint64_t size = first["size"];
  auto inclusion =
      auditor_a_.client->Get("/api/v1/audit/proofs/inclusion?seq=" + std::to_string(seq) +
                             "&size=" + std::to_string(size));
  ASSERT_EQ(inclusion.status, 200) << inclusion.body;
  json proof = inclusion.Json();
  EXPECT_EQ(proof["seq"], seq);
  EXPECT_EQ(proof["size"], size);
  EXPECT_EQ(proof["root"], first["root"]);
  EXPECT_TRUE(VerifyInclusion(seq, size, FromHex(proof["leaf_hash"]), Hashes(proof["path"]),
                              FromHex(first["root"])))
      << proof.dump();
  EXPECT_FALSE(VerifyInclusion(seq, size, FromHex(proof["leaf_hash"]), Hashes(proof["path"]),
                               FromHex(std::string(64, '0'))));
  ExpectProblem(auditor_a_.client->Get("/api/v1/audit/proofs/inclusion?seq=" +
                                       std::to_string(size) + "&size=" + std::to_string(size)),
                422, "seq", "range");
  // Without a size: the latest checkpoint's.
  auto latest = auditor_a_.client->Get("/api/v1/audit/proofs/inclusion?seq=" + std::to_string(seq));
  ASSERT_EQ(latest.status, 200) << latest.body;
  EXPECT_GE(latest.Json()["size"].get<uint64_t>(), size);

  // The log grows (every read is audited) and a later checkpoint extends the first.
  Events(*auditor_a_.client, "limit=1");
  json second = CheckpointOfAtLeast(size + 1);
  ASSERT_FALSE(second.is_null()) << "no later checkpoint";
  uint64_t size2 = second["size"];
  EXPECT_TRUE(SignatureVerifies(second, keys.Json()));
  auto consistency =
      auditor_a_.client->Get("/api/v1/audit/proofs/consistency?from=" + std::to_string(size) +
                             "&to=" + std::to_string(size2));
  ASSERT_EQ(consistency.status, 200) << consistency.body;
  json c = consistency.Json();
  EXPECT_EQ(c["from"], size);
  EXPECT_EQ(c["to"], size2);
  EXPECT_EQ(c["from_root"], first["root"]);
  EXPECT_EQ(c["to_root"], second["root"]);
  EXPECT_TRUE(VerifyConsistency(size, size2, FromHex(first["root"]), FromHex(second["root"]),
                                Hashes(c["proof"])))
      << c.dump();
  EXPECT_FALSE(VerifyConsistency(size, size2, FromHex(second["root"]), FromHex(second["root"]),
                                 Hashes(c["proof"])));
  ExpectProblem(auditor_a_.client->Get("/api/v1/audit/proofs/consistency?from=" +
                                       std::to_string(size2 + 1) + "&to=" + std::to_string(size2)),
                422, "from", "range");

  // The list: newest first, both there.
  auto list = national_auditor_.client->Get("/api/v1/audit/checkpoints?limit=1000");
  ASSERT_EQ(list.status, 200) << list.body;
  bool saw_first = false, saw_second = false;
  json items = list.Json()["items"];
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      EXPECT_GT(items[i - 1]["size"].get<uint64_t>(), items[i]["size"].get<uint64_t>());
    }
    saw_first = saw_first || items[i] == first;
    saw_second = saw_second || items[i] == second;
  }
  EXPECT_TRUE(saw_first && saw_second);
  auto one = national_auditor_.client->Get("/api/v1/audit/checkpoints?limit=1");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.Json()["items"].size(), 1u);
}

TEST_F(AuditApi, ATokenScopedToAuditReadSeesItsOwnOrganisation) {
  auto make = [&](const std::string& name, const std::string& action) {
    json body{{"name", name}, {"actions", {action}}, {"expires_at", DatePlusDays(30)}};
    auto r = admin_a_.client->Post("/api/v1/tokens", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["token"].get<std::string>() : std::string();
  };
  std::string token = make("SIEM export", "audit.read");
  std::string other = make("Directory sync", "directory.read");
  ASSERT_FALSE(token.empty() || other.empty());
  auto as = [&](const std::string& t, const std::string& path) {
    return Request(port(), "GET", path, "", "application/json", {{"Authorization", "Bearer " + t}});
  };
  json page;
  ASSERT_TRUE(Eventually([&] {
    auto r = as(token, "/api/v1/audit/events?limit=1000");
    if (r.status != 200) return false;
    page = r.Json();
    return Contains(page, "session.login", worker_a_.id);
  })) << page.dump();
  for (const auto& e : page["items"]) EXPECT_TRUE(Concerns(e, org_a_)) << e.dump();
  ExpectProblem(as(token, "/api/v1/audit/events?organisation_id=" + org_b_), 404);
  EXPECT_EQ(as(token, "/api/v1/audit/public-keys").status, 200);
  ExpectProblem(as(other, "/api/v1/audit/events"), 403);
  ExpectProblem(as(other, "/api/v1/audit/checkpoints"), 403);
}

}  // namespace
}  // namespace opennrm::testing
