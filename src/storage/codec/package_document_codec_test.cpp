// A referral's package document: the exact bytes the web app and the API
// tests read, the records in it as the record codec writes them, a round
// trip that loses nothing, and input that is not such a document (malformed,
// another format, nested too deeply) refused. Synthetic data only.
#include "storage/codec/package_document_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace opennrm::storage {
namespace {

CivilDate D(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }

ports::PackageDocument Header() {
  ports::PackageDocument d;
  d.sender_id = "org-s";
  d.sender_name = "Kommun \"S\" \\ test\nrad";
  d.case_code = "NRM-2026-000045";
  d.case_type = "trafficking_in_human_beings";
  d.sent_on = D(2026, 3, 5);
  d.person_code = "P-2026-000123";
  return d;
}

cases::Person Identity() {
  cases::Person p;
  p.names = {{cases::NameKind::kName, "Amina Test", "\xd8\xa3\xd9\x85\xd9\x8a\xd9\x86\xd8\xa9"}};
  p.languages = {"ara"};
  p.citizenship = {cases::CitizenshipStatus::kKnown, {"SY"}};
  return p;
}

// One of every section, with every optional member set.
ports::PackageDocument Full() {
  ports::PackageDocument d = Header();
  d.is_protected = true;
  d.sections.push_back(ports::PackageIdentity{"presumed_victim", Identity()});
  cases::ContactDetails contact;
  contact.emails = {"test-a@example.org"};
  contact.address = "Testgatan 1";
  d.sections.push_back(ports::PackageContact{contact});
  cases::SafetyPlan plan;
  plan.risks = {{"Risk-TEST", cases::RiskLevel::kHigh}};
  plan.who_to_call = {{"Polisen", "112"}};
  plan.made_on = D(2026, 3, 4);
  d.sections.push_back(ports::PackageNeedsSafety{
      {{"acute_protection", "Bo nära skolan.", D(2026, 3, 1), "u1"}}, plan});
  ports::ExploitationBody exploitation;
  exploitation.forms = {{cases::ExploitationForm::kLabour, cases::LabourSector::kBerryPicking, ""}};
  exploitation.places.recruitment_countries = {"TH"};
  d.sections.push_back(ports::PackageAssessment{
      cases::IndicatorsAssessment{"2026-1", "u1", D(2026, 3, 1), {}},
      cases::PresumedVictimAssessment{"u1", D(2026, 3, 2), cases::Conclusion::kPresumedVictim,
                                      "Skäl.", std::nullopt},
      exploitation});
  ports::PackageClock clock{"reflection_period", "se-reflection", "running",
                            D(2026, 3, 1),       D(2026, 3, 2),   D(2026, 3, 2),
                            D(2026, 4, 1),       std::nullopt,    ""};
  d.sections.push_back(ports::PackageSupport{
      ports::PackageTrack{"assistance_step", "se-manual-2019", 1772000000000000}, {clock}});
  ports::PackageClock stopped = clock;
  stopped.stopped_on = D(2026, 3, 20);
  stopped.stop_reason = "left_sweden";
  d.sections.push_back(ports::PackageChildProtection{
      {{"report_of_concern", D(2026, 3, 3), "1480", "org-x", "", "Orosanmälan-TEST"},
       {"age_assessment", D(2026, 3, 9), "", "", "adult", std::nullopt}},
      {stopped}});
  cases::Proceedings proceedings;
  proceedings.police_report_numbers = {"5000-K12345-26"};
  d.sections.push_back(ports::PackageProceedings{std::nullopt, proceedings});
  d.sections.push_back(ports::PackageReturn{});
  d.sections.push_back(ports::PackageNotes{
      {{"n1", 1772000000000001, "", "Första."}, {"n2", 1772000000000002, "n1", "Rättad."}}});
  return d;
}

TEST(PackageDocumentCodec, WritesTheDocumentsBytesExactlyWithTheRecordCodecsOwn) {
  JsonPackageDocumentCodec codec;
  JsonRecordCodec records;
  ports::PackageDocument d = Header();
  d.is_protected = true;
  cases::ContactDetails contact;
  contact.phones = {"+46 70 000 00 00"};
  d.sections.push_back(
      ports::PackageSupport{ports::PackageTrack{"assistance_step", "se-manual-2019", -12},
                            {{"reflection_period", "r1", "applied", D(2026, 3, 1), std::nullopt,
                              std::nullopt, std::nullopt, std::nullopt, ""}}});
  d.sections.push_back(ports::PackageIdentity{"presumed_victim", Identity()});
  d.sections.push_back(ports::PackageContact{contact});
  d.sections.push_back(ports::PackageChildProtection{
      {{"report_of_concern", D(2026, 3, 3), "", "org-x", "", "a\"b\x01"}}, {}});
  d.sections.push_back(ports::PackageReturn{});
  d.sections.push_back(ports::PackageNotes{{{"n2", 7, "n1", "tab\there"}}});
  EXPECT_EQ(codec.Encode(d),
            R"({"format":1,"sender":{"id":"org-s","name":"Kommun \"S\" \\ test\nrad"},)"
            R"("case":{"code":"NRM-2026-000045","type":"trafficking_in_human_beings"},)"
            R"("sent_on":"2026-03-05","person":"P-2026-000123","protected":true,"sections":{)"
            R"("support":{"track":{"step":"assistance_step","steps_version":"se-manual-2019",)"
            R"("since_us":-12},"clocks":[{"kind":"reflection_period","rule_id":"r1",)"
            R"("status":"applied","applied_on":"2026-03-01"}]},)"
            R"("identity":{"role":"presumed_victim","identity":)" +
                records.EncodeIdentity(Identity()) + R"(},"contact":)" +
                records.EncodeContact(contact) +
                R"(,"child_protection":{"records":[{"kind":"report_of_concern",)"
                R"("on":"2026-03-03","recipient_organisation_id":"org-x",)"
                R"("note":"a\"b\u0001"}],"clocks":[]},"return":{},)"
                R"("notes":[{"id":"n2","at_us":7,"corrects":"n1","text":"tab\there"}]}})");
}

TEST(PackageDocumentCodec, AnEmptyPackageHasItsHeaderAndNoSections) {
  JsonPackageDocumentCodec codec;
  EXPECT_EQ(codec.Encode(Header()),
            R"({"format":1,"sender":{"id":"org-s","name":"Kommun \"S\" \\ test\nrad"},)"
            R"("case":{"code":"NRM-2026-000045","type":"trafficking_in_human_beings"},)"
            R"("sent_on":"2026-03-05","person":"P-2026-000123","sections":{}})");
}

TEST(PackageDocumentCodec, EverySectionRoundTripsInItsOrder) {
  JsonPackageDocumentCodec codec;
  const std::string bytes = codec.Encode(Full());
  auto back = codec.Decode(bytes);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(codec.Encode(*back), bytes);  // nothing lost, nothing reordered
  EXPECT_EQ(back->sender_name, "Kommun \"S\" \\ test\nrad");
  EXPECT_EQ(back->case_type, "trafficking_in_human_beings");
  EXPECT_EQ(back->sent_on, D(2026, 3, 5));
  EXPECT_EQ(back->person_code, "P-2026-000123");
  EXPECT_TRUE(back->is_protected);
  ASSERT_EQ(back->sections.size(), 9u);
  for (size_t i = 0; i < back->sections.size(); ++i) {
    EXPECT_EQ(ports::SectionOf(back->sections[i]), ports::SectionOf(Full().sections[i]));
  }
  const auto& identity = std::get<ports::PackageIdentity>(back->sections[0]);
  EXPECT_EQ(identity.role, "presumed_victim");
  EXPECT_EQ(identity.identity.names, Identity().names);
  EXPECT_EQ(std::get<ports::PackageContact>(back->sections[1]).contact.address, "Testgatan 1");
  const auto& child = std::get<ports::PackageChildProtection>(back->sections[5]);
  ASSERT_EQ(child.records.size(), 2u);
  EXPECT_EQ(child.records[0].note, "Orosanmälan-TEST");
  EXPECT_FALSE(child.records[1].note);
  EXPECT_EQ(child.clocks.at(0).stopped_on, D(2026, 3, 20));
  const auto& notes = std::get<ports::PackageNotes>(back->sections[8]).notes;
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[1].corrects, "n1");
  EXPECT_EQ(notes[1].at_us, 1772000000000002);
}

TEST(PackageDocumentCodec, ASectionTwiceIsWrittenOnceTheFirstCounts) {
  JsonPackageDocumentCodec codec;
  ports::PackageDocument d = Header();
  d.sections.push_back(ports::PackageNotes{{{"n1", 1, "", "first"}}});
  d.sections.push_back(ports::PackageNotes{{{"n2", 2, "", "second"}}});
  auto back = codec.Decode(codec.Encode(d));
  ASSERT_TRUE(back.has_value()) << back.error().message;
  ASSERT_EQ(back->sections.size(), 1u);
  EXPECT_EQ(std::get<ports::PackageNotes>(back->sections[0]).notes.at(0).text, "first");
}

TEST(PackageDocumentCodec, TextThatIsNotUtf8IsReplacedNotAFailure) {
  JsonPackageDocumentCodec codec;
  ports::PackageDocument d = Header();
  d.sections.push_back(ports::PackageNotes{{{"n1", 1, "", "bad \xff byte"}}});
  const std::string bytes = codec.Encode(d);
  EXPECT_NE(bytes.find("bad \xef\xbf\xbd byte"), std::string::npos);  // U+FFFD
  EXPECT_TRUE(codec.Decode(bytes).has_value());
}

TEST(PackageDocumentCodec, ALargeDocumentRoundTrips) {
  JsonPackageDocumentCodec codec;
  ports::PackageDocument d = Header();
  ports::PackageNotes notes;
  for (int i = 0; i < 200; ++i) notes.notes.push_back({"n", i, "", std::string(10000, 'x')});
  d.sections.push_back(notes);
  const std::string bytes = codec.Encode(d);
  EXPECT_GT(bytes.size(), 2000000u);
  auto back = codec.Decode(bytes);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(std::get<ports::PackageNotes>(back->sections[0]).notes.size(), 200u);
}

// `bytes` refused as a package, with kInternal.
void ExpectRefused(std::string_view bytes) {
  JsonPackageDocumentCodec codec;
  auto r = codec.Decode(bytes);
  ASSERT_FALSE(r.has_value()) << bytes.substr(0, 200);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

// The header's bytes with `sections` as the sections' value.
std::string WithSections(const std::string& sections) {
  std::string doc = JsonPackageDocumentCodec().Encode(Header());
  doc.replace(doc.rfind("{}"), 2, sections);
  return doc;
}

TEST(PackageDocumentCodec, RefusesWhatIsNotAPackageOfThisFormat) {
  ExpectRefused("");
  ExpectRefused("not json");
  ExpectRefused("[]");
  ExpectRefused("\"a string\"");
  const std::string good = JsonPackageDocumentCodec().Encode(Full());
  ExpectRefused(good.substr(0, good.size() - 1));  // truncated
  ExpectRefused(good + "x");                       // trailing bytes
  std::string other = good;
  other.replace(0, 11, R"({"format":2)");
  ExpectRefused(other);
  ExpectRefused(R"({"format":"1","sections":{}})");
  ExpectRefused(R"({"format":1,"sections":{}})");  // no header
  std::string bad_date = JsonPackageDocumentCodec().Encode(Header());
  bad_date.replace(bad_date.find("2026-03-05"), 10, "2026-02-30");
  ExpectRefused(bad_date);
}

TEST(PackageDocumentCodec, RefusesSectionsItCannotRead) {
  EXPECT_TRUE(JsonPackageDocumentCodec().Decode(WithSections("{}")).has_value());
  ExpectRefused(WithSections("[]"));
  ExpectRefused(WithSections(R"({"gossip":{}})"));  // a section this server does not know
  ExpectRefused(WithSections(R"({"identity":{"role":"presumed_victim","identity":{"f":2}}})"));
  ExpectRefused(WithSections(R"({"contact":{"f":1}})"));
  ExpectRefused(WithSections(R"({"support":{"clocks":{}}})"));
  ExpectRefused(WithSections(R"({"return":[]})"));
  ExpectRefused(WithSections(R"({"notes":[{"id":"n","at_us":1.5,"text":"t"}]})"));
  ExpectRefused(WithSections(R"({"notes":[{"id":"n","at_us":18446744073709551615,"text":"t"}]})"));
  ExpectRefused(WithSections(R"({"notes":[{"id":"n","at_us":1}]})"));  // no text
}

TEST(PackageDocumentCodec, RefusesNestingDeeperThanItsLimit) {
  // Members it does not know are passed over, unless nested too deeply.
  auto at_depth = [](int levels) {
    return WithSections(R"({},"x":)" + std::string(static_cast<size_t>(levels), '[') +
                        std::string(static_cast<size_t>(levels), ']'));
  };
  EXPECT_TRUE(JsonPackageDocumentCodec().Decode(at_depth(kMaxPackageDepth - 1)).has_value());
  ExpectRefused(at_depth(kMaxPackageDepth + 1));
  ExpectRefused(at_depth(100000));  // refused, not followed down the stack
  ExpectRefused(std::string(100000, '['));
}

}  // namespace
}  // namespace opennrm::storage
