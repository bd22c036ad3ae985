// Notes, attachments and the social-services export through the API (case
// management, item 8): a social worker writes notes (never edited: a
// correction is a new note), attaches files that are checked by what they
// are — never by their name — and kept byte-exact, and exports the case's
// notes and decisions for the municipality's own case file. Break-glass
// readers read but neither write nor export; a case not kept by social
// services is not exported. Bad input gets a 422 naming the field and rule,
// and nothing is written: the lists and the timeline stay as they were.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "case_fixture.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

constexpr long long kLimit = 65536;  // [attachments] max_bytes of this suite's server

const std::string kPng(
    "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
    "\0\0\0\x0dIDATx\x9c\x63\xf8\xcf\xc0\xf0\x1f\0\x05\0\x01\xff\x89\x99\x3d\x1d"
    "\0\0\0\0IEND\xae\x42\x60\x82",
    70);

class Notes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer("[attachments]\nmax_bytes = " + std::to_string(kLimit) + "\n");
    ASSERT_TRUE(world_->ok());
    std::string municipality =
        world_->NewOrganisation("Anteckningskommunens socialtjänst", "municipal_social_services");
    std::string shelter = world_->NewOrganisation("Anteckningsboendet", "ngo_shelter");
    auto* m_admin =
        world_->NewUser(world_->admin(), municipality, "ant-admin", "organisation_administrator");
    owner_ = world_->NewUser(*m_admin, municipality, "ant-agare", "social_worker", &owner_id_);
    colleague_ = world_->NewUser(*m_admin, municipality, "ant-kollega", "social_worker");
    auditor_ = world_->NewUser(*m_admin, municipality, "ant-revisor", "auditor");
    auto* s_admin =
        world_->NewUser(world_->admin(), shelter, "ant-boendeadmin", "organisation_administrator");
    ngo_ = world_->NewUser(*s_admin, shelter, "ant-ngo", "ngo_worker");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static std::string NewCase(SessionClient& by) {
    return CaseServer::NewCase(by, "human_exploitation");
  }
  static HttpResponse Upload(SessionClient& by, const std::string& case_id, const std::string& name,
                             const std::string& bytes,
                             const std::string& content_type = "application/octet-stream") {
    return by.Call("POST", "/api/v1/cases/" + case_id + "/attachments", bytes,
                   {{"X-Attachment-Name", name}}, content_type);
  }
  // What a refusal must leave unchanged: notes, attachments and the timeline.
  static std::string Written(SessionClient& by, const std::string& case_id) {
    std::string base = "/api/v1/cases/" + case_id;
    return by.Get(base + "/notes?limit=100").body + by.Get(base + "/attachments?limit=100").body +
           by.Get(base + "/timeline?limit=500").body;
  }
  static void ExpectProblem(const HttpResponse& r, int status, const std::string& field,
                            const std::string& rule) {
    ASSERT_EQ(r.status, status) << r.body;
    ASSERT_FALSE(r.Json()["errors"].empty()) << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["field"], field) << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["rule"], rule) << r.body;
  }

  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline SessionClient* ngo_ = nullptr;
  static inline std::string owner_id_;
};

TEST_F(Notes, ANoteIsKeptListedNewestFirstAndCorrectedByANewNote) {
  std::string id = NewCase(*owner_);
  std::string base = "/api/v1/cases/" + id;
  auto person = owner_->Post(
      base + "/persons",
      json{{"role", "presumed_victim"}, {"names", {{{"kind", "name"}, {"latin", "Test Person"}}}}}
          .dump());
  ASSERT_EQ(person.status, 201) << person.body;
  std::string person_id = person.Json()["id"];
  std::string text = "Första samtalet: hon vill bo nära sin syster.\nTolk via telefon (rumänska).";
  auto first = owner_->Post(base + "/notes", json{{"text", text}, {"person_id", person_id}}.dump());
  ASSERT_EQ(first.status, 201) << first.body;
  json note = first.Json();
  EXPECT_EQ(note["text"], text);
  EXPECT_EQ(note["person_id"], person_id);
  EXPECT_TRUE(note["corrects"].is_null());
  EXPECT_EQ(note["section"], "notes");
  EXPECT_EQ(note["created_by"], owner_id_);
  EXPECT_EQ(note["created_by_name"], "Test ant-agare");
  auto fix = owner_->Post(
      base + "/notes",
      json{{"text", "Rättelse: tolken var på plats, inte via telefon."}, {"corrects", note["id"]}}
          .dump());
  ASSERT_EQ(fix.status, 201) << fix.body;
  EXPECT_EQ(fix.Json()["corrects"], note["id"]);

  auto list = owner_->Get(base + "/notes");
  ASSERT_EQ(list.status, 200) << list.body;
  json items = list.Json()["items"];
  EXPECT_EQ(list.Json()["total"], 2);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["id"], fix.Json()["id"]) << "newest first";
  EXPECT_EQ(items[1]["text"], text) << "the original stays as written";
  EXPECT_EQ(items[1]["corrected_by"], json::array({fix.Json()["id"]}));
  auto page = owner_->Get(base + "/notes?limit=1&offset=1");
  ASSERT_EQ(page.status, 200) << page.body;
  ASSERT_EQ(page.Json()["items"].size(), 1u);
  EXPECT_EQ(page.Json()["items"][0]["id"], note["id"]);

  auto timeline = owner_->Get(base + "/timeline?limit=500");
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  int added = 0;
  const json entries = timeline.Json()["items"];  // not a temporary: range-for
  for (const auto& e : entries) {
    if (e["kind"] == "note.added") {
      ++added;
      EXPECT_EQ(e["section"], "notes");
      EXPECT_EQ(timeline.body.find("syster"), std::string::npos) << "no text in the timeline";
    }
  }
  EXPECT_EQ(added, 2);
  // Never edited: there is no route to change or delete a note.
  EXPECT_EQ(owner_->Put(base + "/notes/" + note["id"].get<std::string>(), "{}").status, 404);
}

TEST_F(Notes, BadNotesAreRefusedNamingTheFieldAndNothingIsWritten) {
  std::string id = NewCase(*owner_);
  std::string base = "/api/v1/cases/" + id;
  ASSERT_EQ(owner_->Post(base + "/notes", json{{"text", "En första anteckning."}}.dump()).status,
            201);
  std::string before = Written(*owner_, id);
  ExpectProblem(owner_->Post(base + "/notes", json{{"text", "  \n "}}.dump()), 422, "text",
                "required");
  ExpectProblem(owner_->Post(base + "/notes", json{{"text", std::string(20001, 'a')}}.dump()), 422,
                "text", "too_long");
  ExpectProblem(
      owner_->Post(base + "/notes", json{{"text", "Om någon."}, {"person_id", "nobody"}}.dump()),
      422, "person_id", "not_in_case");
  ExpectProblem(
      owner_->Post(base + "/notes", json{{"text", "Rättelse."}, {"corrects", "no-note"}}.dump()),
      422, "corrects", "unknown_note");
  ExpectProblem(owner_->Post(base + "/notes", json{{"text", "x"}, {"mood", "glad"}}.dump()), 422,
                "mood", "unknown_field");
  // A note of another case cannot be corrected from this one.
  std::string other = NewCase(*owner_);
  auto elsewhere =
      owner_->Post("/api/v1/cases/" + other + "/notes", json{{"text", "Annat ärende."}}.dump());
  ASSERT_EQ(elsewhere.status, 201);
  ExpectProblem(
      owner_->Post(base + "/notes",
                   json{{"text", "Rättelse."}, {"corrects", elsewhere.Json()["id"]}}.dump()),
      422, "corrects", "unknown_note");
  EXPECT_EQ(Written(*owner_, id), before);
}

TEST_F(Notes, AnAttachmentComesBackByteExactAsTheTypeItIs) {
  std::string id = NewCase(*owner_);
  std::string base = "/api/v1/cases/" + id;
  // Named as something else: the type is what the content is.
  auto up = Upload(*owner_, id, "Foto%20av%20pass%20%C3%A5%C3%A4%C3%B6.jpeg", kPng, "image/jpeg");
  ASSERT_EQ(up.status, 201) << up.body;
  json a = up.Json();
  EXPECT_EQ(a["name"], "Foto av pass åäö.jpeg");
  EXPECT_EQ(a["media_type"], "image/png");
  EXPECT_EQ(a["size_bytes"], static_cast<long long>(kPng.size()));
  EXPECT_EQ(a["created_by_name"], "Test ant-agare");
  EXPECT_EQ(up.Header("location"), base + "/attachments/" + a["id"].get<std::string>());

  // Every byte value, at the limit exactly.
  std::string text(kLimit, 'a');
  for (size_t i = 0; i < text.size(); i += 80) text[i] = '\n';
  auto big = Upload(*owner_, id, "protokoll.txt", text);
  ASSERT_EQ(big.status, 201) << big.body;
  EXPECT_EQ(big.Json()["media_type"], "text/plain");

  auto got = owner_->Get(base + "/attachments/" + a["id"].get<std::string>());
  ASSERT_EQ(got.status, 200) << got.body.substr(0, 200);
  EXPECT_EQ(got.body, kPng);
  EXPECT_EQ(got.Header("content-type"), "image/png");
  EXPECT_EQ(got.Header("x-content-type-options"), "nosniff");
  std::string disposition = got.Header("content-disposition");
  EXPECT_EQ(disposition.rfind("attachment;", 0), 0u) << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''Foto%20av%20pass%20%C3%A5%C3%A4%C3%B6.jpeg.png"),
            std::string::npos)
      << "the saved file ends as what it is: " << disposition;
  EXPECT_EQ(owner_->Get(base + "/attachments/" + big.Json()["id"].get<std::string>()).body, text);

  auto list = owner_->Get(base + "/attachments");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Json()["total"], 2);
  EXPECT_EQ(list.Json()["items"][0]["id"], big.Json()["id"]) << "newest first";
  EXPECT_EQ(list.Json()["items"][1]["name"], "Foto av pass åäö.jpeg");
  EXPECT_EQ(list.body.find("aaaa"), std::string::npos) << "lists carry no content";
  auto timeline = owner_->Get(base + "/timeline?limit=500");
  EXPECT_NE(timeline.body.find("attachment.added"), std::string::npos) << timeline.body;
  EXPECT_EQ(timeline.body.find("Foto"), std::string::npos) << "no names in the timeline";
  EXPECT_EQ(owner_->Get(base + "/attachments/no-such-id").status, 404);
}

TEST_F(Notes, DisguisedAndForbiddenFilesAreRefusedByTheirContent) {
  std::string id = NewCase(*owner_);
  ASSERT_EQ(Upload(*owner_, id, "ok.txt", "Ett dokument.\n").status, 201);
  std::string before = Written(*owner_, id);
  std::string elf(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0",
      24);
  elf.resize(512, '\0');
  std::string exe("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16);
  exe.resize(512, '\0');
  std::string zip("PK\x03\x04\x14\0\0\0\x08\0", 10);
  zip.resize(256, '\0');
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"beslut.pdf", elf},
           {"beslut.pdf", exe},
           {"beslut.pdf", zip},
           {"notering.txt", "<html><body><script>alert(1)</script></body></html>"},
           {"bild.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"}}) {
    auto r = Upload(*owner_, id, name, bytes, "application/pdf");
    ExpectProblem(r, 422, "content", "forbidden_type");
  }
  ExpectProblem(Upload(*owner_, id, "tom.txt", ""), 422, "content", "required");
  ExpectProblem(Upload(*owner_, id, "mapp%2Fnamn.txt", "text\n"), 422, "name", "encoding");
  ExpectProblem(Upload(*owner_, id, "mapp\\namn.txt", "text\n"), 422, "name", "path");
  auto unnamed = owner_->Call("POST", "/api/v1/cases/" + id + "/attachments", "text\n", {},
                              "application/octet-stream");
  ExpectProblem(unnamed, 422, "name", "required");
  auto form = Upload(*owner_, id, "a.txt", "a=b", "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 415) << form.body;
  EXPECT_EQ(Written(*owner_, id), before);
}

TEST_F(Notes, AFileOverTheLimitIsRefusedAndNothingIsWritten) {
  std::string id = NewCase(*owner_);
  std::string before = Written(*owner_, id);
  ExpectProblem(Upload(*owner_, id, "stor.txt", std::string(kLimit + 1, 'a')), 422, "content",
                "too_large");
  // Far over the limit, the server refuses the body itself.
  auto huge = Upload(*owner_, id, "enorm.txt", std::string(kLimit + 1024 * 1024 + 1, 'a'));
  EXPECT_EQ(huge.status, 413) << huge.body.substr(0, 300);
  EXPECT_EQ(Written(*owner_, id), before);
}

TEST_F(Notes, BreakGlassReadsButNeitherWritesNorExports) {
  std::string id = NewCase(*owner_);
  std::string base = "/api/v1/cases/" + id;
  ASSERT_EQ(owner_->Post(base + "/notes", json{{"text", "Anteckning."}}.dump()).status, 201);
  auto up = Upload(*owner_, id, "a.txt", "Innehåll.\n");
  ASSERT_EQ(up.status, 201) << up.body;
  std::string file = base + "/attachments/" + up.Json()["id"].get<std::string>();
  EXPECT_EQ(colleague_->Get(base + "/notes").status, 404) << "not on the team: no such case";
  EXPECT_EQ(colleague_->Get(file).status, 404);
  auto glass = colleague_->Post(
      base + "/break-glass",
      json{{"reason", "Handläggaren är sjuk och beslutet behövs i kväll."}}.dump());
  ASSERT_EQ(glass.status, 200) << glass.body;
  EXPECT_EQ(colleague_->Get(base + "/notes").status, 200);
  EXPECT_EQ(colleague_->Get(file).body, "Innehåll.\n");
  EXPECT_EQ(colleague_->Post(base + "/notes", json{{"text", "Från sidan."}}.dump()).status, 403);
  EXPECT_EQ(Upload(*colleague_, id, "b.txt", "Från sidan.\n").status, 403);
  EXPECT_EQ(colleague_->Get(base + "/export?format=json").status, 403);
}

TEST_F(Notes, ASocialServicesCaseExportsItsNotesAndDecisionsInBothForms) {
  std::string id = NewCase(*owner_);
  std::string base = "/api/v1/cases/" + id;
  std::string text = "Beslut: skyddat boende från i dag. <b>Viktigt</b> & brådskande.";
  auto note = owner_->Post(base + "/notes", json{{"text", text}}.dump());
  ASSERT_EQ(note.status, 201) << note.body;
  ASSERT_EQ(Upload(*owner_, id, "beslut.txt", "Beslutet i sin helhet.\n").status, 201);
  std::string code = owner_->Get(base).Json()["code"];

  auto j = owner_->Get(base + "/export?format=json");
  ASSERT_EQ(j.status, 200) << j.body;
  EXPECT_EQ(j.Header("content-disposition"),
            "attachment; filename=\"" + code + ".json\"; filename*=UTF-8''" + code + ".json");
  json e = j.Json();
  EXPECT_EQ(e["format"], "opennrm.case-export");
  EXPECT_EQ(e["case"]["code"], code);
  EXPECT_EQ(e["case"]["type"], "human_exploitation");
  EXPECT_EQ(e["case"]["organisation_name"], "Anteckningskommunens socialtjänst");
  EXPECT_EQ(e["exported_by"], "Test ant-agare");
  ASSERT_EQ(e["sections"]["notes"].size(), 1u);
  EXPECT_EQ(e["sections"]["notes"][0]["text"], text);
  EXPECT_EQ(e["sections"]["notes"][0]["by"], "Test ant-agare");
  // Structured times are RFC 3339 in UTC.
  const std::regex utc("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
  EXPECT_TRUE(std::regex_match(e["sections"]["notes"][0]["at"].get<std::string>(), utc))
      << e["sections"]["notes"][0]["at"];
  EXPECT_TRUE(std::regex_match(e["exported_at"].get<std::string>(), utc)) << e["exported_at"];
  ASSERT_EQ(e["sections"]["attachments"].size(), 1u);
  EXPECT_EQ(e["sections"]["attachments"][0]["text"], "beslut.txt");
  EXPECT_EQ(e["sections"]["attachments"][0]["details"]["media_type"], "text/plain");
  bool note_in_timeline = false;
  for (const auto& entry : e["sections"]["timeline"]) {
    note_in_timeline = note_in_timeline || entry["kind"] == "note.added";
  }
  EXPECT_TRUE(note_in_timeline) << e["sections"]["timeline"].dump();

  auto h = owner_->Get(base + "/export?format=html&lang=en");
  ASSERT_EQ(h.status, 200) << h.body;
  EXPECT_EQ(h.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(h.Header("content-disposition").rfind("attachment;", 0), 0u);
  EXPECT_NE(h.body.find("&lt;b&gt;Viktigt&lt;/b&gt; &amp; brådskande"), std::string::npos);
  EXPECT_NE(h.body.find("@media print"), std::string::npos);
  // Printed times are Swedish time with their offset, never UTC's "Z".
  EXPECT_TRUE(std::regex_search(
      h.body,
      std::regex("<td>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} \\+0[12]:00</td>")))
      << h.body;
  EXPECT_FALSE(std::regex_search(h.body, std::regex("T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")));
  EXPECT_EQ(h.body.find("<script"), std::string::npos);
  EXPECT_EQ(h.body.find("src="), std::string::npos) << "nothing fetched from anywhere";

  ExpectProblem(owner_->Get(base + "/export"), 422, "format", "required");
  ExpectProblem(owner_->Get(base + "/export?format=pdf"), 422, "format", "unknown_code");
  // An NGO's case is not a social-services case.
  std::string ngo_case = NewCase(*ngo_);
  auto refused = ngo_->Get("/api/v1/cases/" + ngo_case + "/export?format=json");
  EXPECT_EQ(refused.status, 403) << refused.body;

  // Exports and reads are in the audit log, with their purpose.
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto events = auditor_->Get("/api/v1/audit/events?object_id=" + id + "&limit=50");
    ASSERT_EQ(events.status, 200) << events.body;
    seen.clear();
    const json items = events.Json()["items"];
    for (const auto& ev : items) {
      std::string action = ev["action"].is_string() ? ev["action"].get<std::string>() : "";
      std::string purpose = ev["purpose"].is_string() ? ev["purpose"].get<std::string>() : "";
      seen.insert(action + "/" + purpose);
    }
    if (seen.count("case.exported/export") && seen.count("case.note_added/assignment")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_TRUE(seen.count("case.exported/export")) << ::testing::PrintToString(seen);
  EXPECT_TRUE(seen.count("case.note_added/assignment")) << ::testing::PrintToString(seen);
  EXPECT_TRUE(seen.count("case.attachment_added/assignment")) << ::testing::PrintToString(seen);
}

}  // namespace
}  // namespace opennrm::testing
