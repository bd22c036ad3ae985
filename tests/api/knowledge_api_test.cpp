// The operators' knowledge base through the API (issue 6 point 7): the
// shipped articles are there at start and found with folded case and
// diacritics, titles first, with snippets; an operator of the national unit
// writes, updates with the version and archives; readers in the regions and
// municipalities read but do not write; others 403; bad input 422 naming the
// field; reads and writes are audited without the text.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "audit_events_support.hpp"
#include "case_fixture.hpp"
#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class KnowledgeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new CaseServer();
    ASSERT_TRUE(server_->ok());
    SessionClient& admin = server_->admin();
    auto units = admin.Get("/api/v1/organisations?kind=national_unit");
    ASSERT_EQ(units.status, 200) << units.body;
    const std::string unit = units.Json()["items"][0]["id"];
    const std::string soc =
        server_->NewOrganisation("Kunskapstestets socialtjänst", "municipal_social_services");
    const std::string ngo = server_->NewOrganisation("Kunskapstestets boende", "ngo_shelter");
    auto user = [&](const std::string& org, const std::string& name, const std::string& role) {
      auto* org_admin = server_->NewUser(admin, org, name + "-admin", "organisation_administrator");
      return org_admin ? server_->NewUser(*org_admin, org, name, role) : nullptr;
    };
    operator_ = user(unit, "kb-hot", "hotline_operator");
    auditor_ = user(unit, "kb-aud", "auditor");
    social_ = user(soc, "kb-soc", "social_worker");
    social_auditor_ = user(soc, "kb-soc-aud", "auditor");
    ngo_ = user(ngo, "kb-ngo", "ngo_worker");
    ASSERT_TRUE(operator_ && auditor_ && social_ && social_auditor_ && ngo_);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_ && server_->ok()); }

  static json NewArticle(const std::string& slug) {
    return json{{"slug", slug},
                {"title_sv", "Bärplockare i skogen"},
                {"title_en", "Berry pickers in the forest"},
                {"body_sv", "Säsongsarbete.\n\n- Ring **020-390 000**"},
                {"body_en", "Seasonal work.\n\n- Call **020-390 000**"},
                {"tags", {"labour", "seasonal"}},
                {"reasons", {"labour_inspection"}}};
  }

  // The audit events about `id` with `action`, waiting for the log to catch up.
  static std::vector<json> Events(SessionClient& auditor, const std::string& id,
                                  const std::string& action) {
    return AuditEventsOf(auditor, action, "\"" + id + "\"");
  }

  static inline CaseServer* server_ = nullptr;
  static inline SessionClient* operator_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline SessionClient* social_ = nullptr;
  static inline SessionClient* social_auditor_ = nullptr;
  static inline SessionClient* ngo_ = nullptr;
};

TEST_F(KnowledgeApi, TheShippedArticlesAreSearchableFoldedWithTitlesFirst) {
  auto r = social_->Get("/api/v1/knowledge?q=BETANKETID");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.Json()["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["id"], "kb-reflection-period");  // "Betänketid" in its title
  EXPECT_TRUE(items[0].contains("snippet_sv"));
  EXPECT_TRUE(items[0].contains("snippet_en"));
  EXPECT_FALSE(items[0].contains("body_sv")) << "lists carry snippets, not bodies";
  EXPECT_TRUE(items[0]["updated_by"].is_null()) << "shipped";

  auto by_reason = social_->Get("/api/v1/knowledge?reason=child_protection");
  ASSERT_EQ(by_reason.status, 200);
  ASSERT_FALSE(by_reason.Json()["items"].empty());
  EXPECT_EQ(by_reason.Json()["items"][0]["id"], "kb-child-track");

  auto one = social_->Get("/api/v1/knowledge/kb-immediate-danger");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_NE(one.Json()["body_sv"].get<std::string>().find("112"), std::string::npos);
  EXPECT_EQ(social_->Get("/api/v1/knowledge/no-such-article").status, 404);
  EXPECT_FALSE(Events(*social_auditor_, "kb-immediate-danger", "knowledge.read").empty());
}

TEST_F(KnowledgeApi, AnOperatorWritesUpdatesWithTheVersionAndArchives) {
  auto created = operator_->Post("/api/v1/knowledge", NewArticle("berry-pickers").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  json a = created.Json();
  const std::string id = a["id"];
  EXPECT_EQ(a["version"], 1);
  EXPECT_EQ(a["updated_by"]["name"].is_string(), true);
  EXPECT_EQ(a["tags"], json({"labour", "seasonal"}));

  auto found = social_->Get("/api/v1/knowledge?q=barplockare");
  ASSERT_EQ(found.status, 200);
  ASSERT_FALSE(found.Json()["items"].empty());
  EXPECT_EQ(found.Json()["items"][0]["id"], id);

  json edit = NewArticle("berry-pickers");
  edit["title_en"] = "Berry pickers";
  edit["version"] = 1;
  auto updated = operator_->Put("/api/v1/knowledge/" + id, edit.dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.Json()["version"], 2);
  EXPECT_EQ(updated.Json()["title_en"], "Berry pickers");
  ExpectProblem(operator_->Put("/api/v1/knowledge/" + id, edit.dump()), 409, "version", "stale");

  auto dup = operator_->Post("/api/v1/knowledge", NewArticle("berry-pickers").dump());
  ExpectProblem(dup, 409, "slug", "taken");

  auto archived =
      operator_->Post("/api/v1/knowledge/" + id + "/archive", json{{"version", 2}}.dump());
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_EQ(archived.Json()["archived"], true);
  const json after = social_->Get("/api/v1/knowledge?q=barplockare").Json()["items"];
  for (const auto& h : after) EXPECT_NE(h["id"], id) << "archived: not listed";
  EXPECT_EQ(social_->Get("/api/v1/knowledge/" + id).status, 200) << "still readable by id";

  auto events = Events(*auditor_, id, "knowledge.article_created");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].dump().find("Bärplockare"), std::string::npos) << "no text in the log";
  EXPECT_FALSE(Events(*auditor_, id, "knowledge.article_archived").empty());
}

TEST_F(KnowledgeApi, BadInputNamesTheField) {
  json bad = NewArticle("Not A Slug");
  bad["title_en"] = "";
  bad["reasons"] = {"no_such_reason"};
  auto r = operator_->Post("/api/v1/knowledge", bad.dump());
  ExpectProblem(r, 422, "slug", "format");
  ExpectProblem(r, 422, "title_en", "required");
  ExpectProblem(r, 422, "reasons[0]", "unknown_code");
  json typed = NewArticle("typed");
  typed["tags"] = "labour";
  ExpectProblem(operator_->Post("/api/v1/knowledge", typed.dump()), 422, "tags");
  ExpectProblem(social_->Get("/api/v1/knowledge?limit=0"), 422, "limit");
  ExpectProblem(social_->Get("/api/v1/knowledge?tag=NOT%20A%20TAG"), 422, "tag", "format");
}

TEST_F(KnowledgeApi, OnlyTheNationalUnitWritesAndOnlyAdvisersRead) {
  ExpectProblem(social_->Post("/api/v1/knowledge", NewArticle("from-social").dump()), 403);
  json edit = NewArticle("child-track");
  edit["version"] = 1;
  ExpectProblem(social_->Put("/api/v1/knowledge/kb-child-track", edit.dump()), 403);
  ExpectProblem(ngo_->Get("/api/v1/knowledge"), 403);
  ExpectProblem(ngo_->Get("/api/v1/knowledge/kb-child-track"), 403);
  ExpectProblem(server_->admin().Get("/api/v1/knowledge"), 403);
}

}  // namespace
}  // namespace opennrm::testing
