// The case export's two forms: what they hold, and that the HTML document
// is self-contained and escapes everything a team member wrote.
#include "http/export_render.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

app::CaseExport Sample() {
  app::CaseExport e;
  e.summary.id = "c1";
  e.summary.code = "NRM-2026-000045";
  e.summary.type = cases::CaseType::kHumanExploitation;
  e.summary.status = "open";
  e.summary.organisation_id = "o1";
  e.summary.created_at_us = 1767225600000000;  // 2026-01-01T00:00:00Z
  e.organisation_name = "Testkommunens socialtjänst";
  e.exported_by = "Test Handläggare";
  e.exported_at_us = 1767312000000000;
  app::ExportSection notes{"notes", {}};
  notes.items.push_back({"n1",
                         1767229200000000,
                         "Test Handläggare",
                         "note",
                         "Mötet <script>alert(1)</script> & \"citat\"\nrad två",
                         {}});
  notes.items.push_back(
      {"n2", 1767232800000000, "Test Handläggare", "correction", "Rättelse", {{"corrects", "n1"}}});
  e.sections.push_back(std::move(notes));
  e.sections.push_back(
      {"timeline",
       {{"t1", 1767229200000000, "Test Handläggare", "note.added", "", {{"section", "notes"}}}}});
  e.sections.push_back({"attachments", {}});
  return e;
}

TEST(ExportJson, HoldsTheCaseAndEverySectionInOrder) {
  Json j = ExportJson(Sample());
  EXPECT_EQ(j["format"], "opennrm.case-export");
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["case"]["code"], "NRM-2026-000045");
  EXPECT_EQ(j["case"]["type"], "human_exploitation");
  EXPECT_EQ(j["case"]["organisation_name"], "Testkommunens socialtjänst");
  EXPECT_EQ(j["exported_at"], "2026-01-02T00:00:00Z");
  ASSERT_EQ(j["sections"]["notes"].size(), 2u);
  EXPECT_EQ(j["sections"]["notes"][0]["at"], "2026-01-01T01:00:00Z");
  EXPECT_EQ(j["sections"]["notes"][0]["by"], "Test Handläggare");
  EXPECT_EQ(j["sections"]["notes"][1]["details"]["corrects"], "n1");
  EXPECT_EQ(j["sections"]["timeline"][0]["kind"], "note.added");
  EXPECT_TRUE(j["sections"]["timeline"][0]["text"].is_null());
  EXPECT_TRUE(j["sections"]["attachments"].is_array());
}

TEST(ExportHtml, IsSelfContainedAndEscapesWhatWasWritten) {
  std::string h = ExportHtml(Sample(), "sv");
  EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(h.find("lang=\"sv\""), std::string::npos);
  EXPECT_NE(h.find("Anteckningar"), std::string::npos);
  EXPECT_NE(h.find("NRM-2026-000045"), std::string::npos);
  EXPECT_NE(h.find("@media print"), std::string::npos);
  EXPECT_NE(h.find("Mötet &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;"),
            std::string::npos);
  EXPECT_EQ(h.find("<script"), std::string::npos);
  for (const char* fetches : {"src=", "href=", "url(", "@import", "http://", "https://"}) {
    EXPECT_EQ(h.find(fetches), std::string::npos) << fetches;
  }
  EXPECT_NE(h.find("Inget registrerat."), std::string::npos);  // the empty section
  std::string en = ExportHtml(Sample(), "en");
  EXPECT_NE(en.find("Decisions and events"), std::string::npos);
}

TEST(ExportJson, TimesAreRfc3339InUtc) {
  Json j = ExportJson(Sample());
  EXPECT_EQ(j["case"]["created_at"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(j["sections"]["notes"][1]["at"], "2026-01-01T02:00:00Z");
}

TEST(ExportHtml, TimesAreStockholmTimeWithTheirOffset) {
  app::CaseExport e = Sample();
  // 2026-07-01T10:00:00Z, summer time.
  e.sections[0].items.push_back({"n3", 1782900000000000, "Test Handläggare", "note", "Sommar", {}});
  std::string h = ExportHtml(e, "sv");
  EXPECT_NE(h.find("2026-01-01 01:00:00 +01:00"), std::string::npos);  // opened
  EXPECT_NE(h.find("2026-01-02 01:00:00 +01:00 (Test Handläggare)"), std::string::npos);
  EXPECT_NE(h.find("<td>2026-01-01 02:00:00 +01:00</td>"), std::string::npos);
  EXPECT_NE(h.find("<td>2026-07-01 12:00:00 +02:00</td>"), std::string::npos);
  EXPECT_EQ(h.find("T01:00:00Z"), std::string::npos);
  EXPECT_NE(h.find("Europe/Stockholm"), std::string::npos);
  EXPECT_NE(ExportHtml(e, "en").find("Swedish time"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::http
