#include "http/referral_pdf.hpp"

#include "http/referral_pdf_words.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <regex>

namespace opennrm::http {
namespace {

// A referral sent by other means, with every field the summary shows.
ReferralSummary Summary() {
  ReferralSummary s;
  auto& r = s.referral;
  r.id = "r1";
  r.code = "REF-2026-000012";
  r.sender_organisation_id = "o1";
  r.sender_name = "Socialtjänsten i Ödeshög";
  r.recipient_organisation_id = "o2";
  r.recipient_name = "Kvinnojouren Åsa";
  r.purpose = "shelter";
  r.sections = {"identity", "needs_safety"};
  r.withheld = {"contact"};
  r.protected_warning = true;
  r.basis.title_sv = "Personens samtycke";
  r.basis.title_en = "The person's consent";
  r.basis.legal_reference_sv = "10 kap. 1 § och 12 kap. 2 § offentlighets- och sekretesslagen";
  r.basis.legal_reference_en = "Public Access to Information and Secrecy Act, ch. 10 s. 1";
  r.consent_id = "c1";
  r.justification = "Personen vill ha en plats i skyddat boende.";
  r.sent_on = CivilDate{2026, 3, 2};
  r.respond_by = CivilDate{2026, 3, 9};
  r.sent_by_name = "Sara Socialsekreterare";
  r.delivery = "other_means";
  s.sender_contact.phone = "+46201234567";
  s.sender_contact.email = "socialtjansten@example.se";
  s.sender_contact.postal_address = "Box 1\n599 00 Ödeshög";
  s.consent_given_on = CivilDate{2026, 3, 1};
  s.package =
      nlohmann::ordered_json::parse(R"({"format":1,"sender":{"id":"o1","name":"Socialtjänsten"},
    "case":{"code":"NRM-2026-000045","type":"human_exploitation"},"sent_on":"2026-03-02",
    "person":"P-2026-000123","protected":true,
    "sections":{"identity":{"role":"presumed_victim","identity":{"f":1,"name":"Åsa Öberg",
      "languages":["swe","ron"],"born_on":"1990-05-01"}},
      "needs_safety":{"wishes":[{"f":1,"text":"Vill bo i närheten av sin syster."}],
        "safety_plan":{"f":1,"risks":"Hot från arbetsgivaren","contacts":[]}},
      "notes":[{"id":"n1","at_us":1772443800000000,"text":"Träffades på mottagningen."}]}})");
  return s;
}

// A PDF text string as libharu writes metadata: UTF-16BE in hex, with its
// byte order mark. ASCII `text` only.
std::string PdfHexString(const std::string& text) {
  std::string out = "<FEFF";
  char hex[8];
  for (char c : text) {
    std::snprintf(hex, sizeof hex, "00%02X", static_cast<unsigned char>(c));
    out += hex;
  }
  return out + ">";
}

// Pages in the document, from the page tree's count (libharu keeps one).
int PageCount(const std::string& pdf) {
  std::smatch m;
  if (!std::regex_search(pdf, m, std::regex("/Count ([0-9]+)"))) return 0;
  return std::stoi(m[1]);
}

bool EndsWithEof(const std::string& pdf) {
  auto at = pdf.rfind("%%EOF");
  return at != std::string::npos && pdf.find_first_not_of("\r\n", at + 5) == std::string::npos;
}

TEST(ReferralPdf, IsAPdfDocumentFromHeaderToEndOfFile) {
  auto pdf = ReferralSummaryPdf(Summary(), "sv");
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_TRUE(EndsWithEof(*pdf));
  EXPECT_GE(PageCount(*pdf), 1);
  // The fonts go in as subsets (a tag before the name), not as whole files.
  EXPECT_NE(pdf->find("+DejaVuSans"), std::string::npos);
  EXPECT_LT(pdf->size(), 400u * 1024);
}

TEST(ReferralPdf, TitleIsInTheChosenLanguage) {
  PdfOptions plain;
  plain.compress = false;
  auto sv = ReferralSummaryPdf(Summary(), "sv", plain);
  auto en = ReferralSummaryPdf(Summary(), "en", plain);
  ASSERT_TRUE(sv && en);
  EXPECT_NE(sv->find(PdfHexString("Sammanfattning av remiss REF-2026-000012")), std::string::npos);
  EXPECT_NE(en->find(PdfHexString("Summary of referral REF-2026-000012")), std::string::npos);
}

TEST(ReferralPdf, ALongPackageRunsOverSeveralPages) {
  ReferralSummary s = Summary();
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  for (int i = 0; i < 80; ++i) {
    notes.push_back({{"id", "n" + std::to_string(i)},
                     {"at_us", 1772443800000000LL + i},
                     {"text", "Anteckning " + std::to_string(i) +
                                  ": samtal med personen om boende, stöd och säkerhet. "
                                  "Personen berättade om sin situation och vad hen önskar."}});
  }
  auto before = ReferralSummaryPdf(s, "en");
  s.package["sections"]["notes"] = notes;
  auto pdf = ReferralSummaryPdf(s, "en");
  ASSERT_TRUE(pdf && before);
  EXPECT_GT(PageCount(*pdf), PageCount(*before) + 2) << "80 notes fill more than two pages";
  EXPECT_TRUE(EndsWithEof(*pdf));
}

TEST(ReferralPdf, LettersOutsideTheFontAndBrokenTextAreReplacedNotFatal) {
  ReferralSummary s = Summary();
  // Swedish, Romanian and Czech letters; then Chinese and an emoji (not in
  // DejaVu Sans, or outside the BMP), malformed UTF-8, control characters,
  // and a word far wider than the page.
  s.referral.justification =
      "åäö ÅÄÖ Ș Ț ș ț č Č ž — 漢字 😀 \xff\xfe bad \xc3 \x01\x1b tab\there " +
      std::string(300, 'W');
  s.package["sections"]["identity"]["identity"]["name"] = "Ștefan Čapek Ödegård";
  auto pdf = ReferralSummaryPdf(s, "sv");
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_TRUE(EndsWithEof(*pdf));
}

TEST(ReferralPdf, AnyPackageShapeIsShownWithoutFailing) {
  ReferralSummary s = Summary();
  using Doc = nlohmann::ordered_json;
  Doc deep = "botten";
  for (int i = 0; i < 40; ++i) deep = Doc{{"level", deep}, {"list", Doc::array({1, "två"})}};
  s.package["sections"]["assessment"] = deep;
  s.package["sections"]["return"] = Doc::array({Doc::array({1, 2}), nullptr, true});
  auto pdf = ReferralSummaryPdf(s, "en");
  ASSERT_TRUE(pdf) << pdf.error().message;

  s.package = nullptr;  // the package can no longer be read
  s.referral.consent_id.reset();
  s.referral.protected_warning = false;
  auto without = ReferralSummaryPdf(s, "sv");
  ASSERT_TRUE(without) << without.error().message;
  EXPECT_TRUE(EndsWithEof(*without));
}

TEST(ReferralPdf, PackageMembersAreNamedInTheChosenLanguage) {
  SummaryWords sv("sv"), en("en");
  // The record codec's one-letter keys mean what the record holding them says.
  EXPECT_EQ(sv.Member("names", "l"), "Namn");
  EXPECT_EQ(sv.Member("docs", "x"), "Giltig till");
  EXPECT_EQ(en.Member("risks", "l"), "Level");
  EXPECT_EQ(en.Member("safety_plan", "on"), "Made on");
  EXPECT_EQ(en.Member("wishes", "on"), "Date");
  // Unknown keys in words; microsecond times without their unit.
  EXPECT_EQ(en.Member("", "valid_from"), "Valid from");
  EXPECT_EQ(sv.Member("x", "seen_at_us"), "Seen at");
  EXPECT_EQ(sv("footer.other_means"), "Skickad på annat sätt");
  EXPECT_EQ(en("footer.other_means"), "Sent by other means");
  EXPECT_EQ(en("purpose.unknown_purpose", "unknown_purpose"), "unknown_purpose");
}

TEST(ReferralPdf, AMissingFontIsAClearError) {
  PdfOptions options;
  options.font_file = "/nonexistent/DejaVuSans.ttf";
  auto pdf = ReferralSummaryPdf(Summary(), "sv", options);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kInternal);
  auto st = CheckPdfFonts(options);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("fonts-dejavu-core"), std::string::npos);
  EXPECT_NE(st.error().message.find("/nonexistent/DejaVuSans.ttf"), std::string::npos);
  EXPECT_TRUE(CheckPdfFonts()) << "the Debian fonts are installed on this machine";
}

}  // namespace
}  // namespace opennrm::http
