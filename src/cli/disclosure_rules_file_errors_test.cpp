// Disclosure rule files that must be refused (cli/disclosure_rules_file.hpp):
// unknown kinds, codes and keys, overlapping entries of one code, missing
// references, wrong formats and purposes; each refusal names the file, the
// line and the entry of the first problem. The shipped files:
// disclosure_rules_file_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "cli/disclosure_rules_file.hpp"

namespace opennrm::cli {
namespace {

using namespace opennrm::referrals;
using orgs::Kind;

constexpr std::string_view kBases = R"(format = 1

[[bases]]
code = "consent"
title_sv = "Samtycke"
title_en = "Consent"
sender_kinds = ["police_region", "customs"]
legal_reference_sv = "Referens"
legal_reference_en = "Reference"
justification_required = false
needs_check = false
valid_from = 2010-01-01

[[bases]]
code = "crime_suspicion"
title_sv = "Brott"
title_en = "Crime"
sender_kinds = ["police_region"]
legal_reference_sv = "Referens"
legal_reference_en = "Reference"
justification_required = true
recipient_kinds = ["prosecution_authority"]
needs_check = true
valid_from = 2010-01-01
)";

constexpr std::string_view kPurposes = R"(format = 1
[[purposes]]
purpose = "support"
response_days = 7
outcomes = ["support_given"]
suggested_sections = ["identity"]
)";

// `text` with the first `from` replaced by `to`.
std::string With(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// The purposes file listing every purpose, after the minimal "support".
std::string AllPurposesText() {
  std::string text(kPurposes);
  for (Purpose p : AllPurposes()) {
    if (p == Purpose::kSupport) continue;
    text += "[[purposes]]\npurpose = \"" + std::string(ToString(p)) +
            "\"\nresponse_days = 3\noutcomes = [\"fulfilled\"]\n";
  }
  return text;
}

// Expects a refusal on `field` with `rule` whose message names the file,
// the line and `entry`.
template <class R>
void ExpectRefused(const R& r, const std::string& field, const std::string& rule,
                   const std::string& message_part) {
  ASSERT_FALSE(r) << field;
  ASSERT_FALSE(r.error().fields.empty());
  EXPECT_EQ(r.error().fields[0].field, field);
  EXPECT_EQ(r.error().fields[0].rule, rule);
  EXPECT_EQ(r.error().message.rfind("test.toml:", 0), 0u) << r.error().message;
  EXPECT_NE(r.error().message.find(message_part), std::string::npos) << r.error().message;
}

TEST(DisclosureRulesFileErrors, TheSyntheticFilesAreFine) {
  EXPECT_TRUE(ParseDisclosureBases(kBases, "test.toml"));
  auto purposes = ParseReferralPurposes(AllPurposesText(), "test.toml");
  EXPECT_TRUE(purposes) << (purposes ? "" : purposes.error().message);
}

TEST(DisclosureRulesFileErrors, UnknownKindsCodesAndKeys) {
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "\"customs\"", "\"customs_office\""), "test.toml"),
      "bases[0].sender_kinds[1]", "unknown_value", "bases[0] (consent).sender_kinds[1]");
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "[\"prosecution_authority\"]", "[\"court\"]"), "test.toml"),
      "bases[1].recipient_kinds[0]", "unknown_value",
      "test.toml:22: bases[1] (crime_suspicion).recipient_kinds[0]");
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "\"crime_suspicion\"", "\"suspicion\""), "test.toml"),
      "bases[1].code", "unknown_value", "'suspicion'");
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "needs_check = true", "needs_chek = true"), "test.toml"),
      "bases[1].needs_chek", "unknown_key", "bases[1] (crime_suspicion).needs_chek");
  ExpectRefused(ParseReferralPurposes(With(AllPurposesText(), "[\"identity\"]", "[\"address\"]"),
                                      "test.toml"),
                "purposes[0].suggested_sections[0]", "unknown_value",
                "purposes[0] (support).suggested_sections[0]");
  ExpectRefused(
      ParseReferralPurposes(With(AllPurposesText(), "\"support\"", "\"housing\""), "test.toml"),
      "purposes[0].purpose", "unknown_value", "'housing'");
}

TEST(DisclosureRulesFileErrors, OverlappingEntriesOfOneCode) {
  // A second consent entry for customs from 2020, while the first still runs.
  const std::string later = R"(
[[bases]]
code = "consent"
title_sv = "Samtycke"
title_en = "Consent"
sender_kinds = ["customs"]
legal_reference_sv = "Referens 2"
legal_reference_en = "Reference 2"
justification_required = false
needs_check = false
valid_from = 2020-01-01
)";
  std::string text = std::string(kBases) + later;
  ExpectRefused(ParseDisclosureBases(text, "test.toml"), "bases[2].valid_from", "overlaps",
                "test.toml:35: bases[2] (consent).valid_from");
  // The first ending the day before the second starts is fine.
  text =
      With(text, "valid_from = 2010-01-01\n", "valid_from = 2010-01-01\nvalid_to = 2019-12-31\n");
  auto table = ParseDisclosureBases(text, "test.toml");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(
      table->Find(BasisCode::kConsent, Kind::kCustoms, CivilDate{2020, 1, 1})->legal_reference_en,
      "Reference 2");
  // For another sender kind only, the same days are fine too.
  text = std::string(kBases) + With(later, "\"customs\"", "\"tax_agency\"");
  EXPECT_TRUE(ParseDisclosureBases(text, "test.toml"));
}

TEST(DisclosureRulesFileErrors, MissingOrBlankReferences) {
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "legal_reference_en = \"Reference\"\n", ""), "test.toml"),
      "bases[0].legal_reference_en", "required", "bases[0] (consent).legal_reference_en");
  ExpectRefused(ParseDisclosureBases(
                    With(kBases, "legal_reference_sv = \"Referens\"", "legal_reference_sv = \" \""),
                    "test.toml"),
                "bases[0].legal_reference_sv", "required",
                "test.toml:8: bases[0] (consent).legal_reference_sv");
}

TEST(DisclosureRulesFileErrors, FormatEntriesAndPurposes) {
  ExpectRefused(ParseDisclosureBases(With(kBases, "format = 1", "format = 2"), "test.toml"),
                "format", "unsupported", "must be 1");
  auto empty = ParseDisclosureBases("format = 1\nbases = []\n", "test.toml");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields[0].rule, "required");
  ExpectRefused(ParseReferralPurposes(kPurposes, "test.toml"), "purposes", "missing_purpose",
                "'shelter' is not listed");
  ExpectRefused(ParseReferralPurposes(
                    With(AllPurposesText(), "response_days = 7", "response_days = 0"), "test.toml"),
                "purposes[0].response_days", "range", "purposes[0] (support).response_days");
  ExpectRefused(ParseDisclosureBases("format = 1\n[[bases]\n", "test.toml"), "test.toml", "toml",
                "test.toml:2");
  auto missing = ReadDisclosureRules("no/such/dir");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no/such/dir/disclosure_bases.toml"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::cli
