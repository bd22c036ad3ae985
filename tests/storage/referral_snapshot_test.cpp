// The package snapshot of a referral (app/referrals/snapshot.hpp) over a real
// database with the security core wired as the server wires it: each section
// alone carries its own data and nothing of any other section or person;
// strip_places leaves no place, address or contact detail anywhere; a
// protected person's package has no contact; suspects go only between
// public authorities; the document parses and carries its format number.
// Synthetic data only.
#include <sodium.h>

#include <map>
#include <nlohmann/json.hpp>

#include "accounts_fixture.hpp"
#include "app/audit/group_commit_log.hpp"
#include "app/referrals/snapshot.hpp"
#include "security/argon2_hasher.hpp"
#include "security/key_ring.hpp"
#include "security/secrets.hpp"
#include "security/totp.hpp"
#include "storage/codec/package_document_codec.hpp"
#include "storage/codec/person_codec.hpp"

namespace opennrm::testing {
namespace {

using access::Section;
using Json = nlohmann::json;

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

// Values written into the fixture, by the section that holds them. Each
// appears in the JSON text only when its section is disclosed.
const std::map<Section, std::vector<std::string>>& SectionValues() {
  static const std::map<Section, std::vector<std::string>> kValues{
      {Section::kIdentity,
       {"Amina-IDENT", "\xd8\xa3\xd9\x85\xd9\x8a\xd9\x86\xd8\xa9", "DOC-NUM-123"}},
      {Section::kContact, {"amina@example.org", "Storgatan-ADDR 1", "+46 70 999 88 77"}},
      {Section::kNeedsSafety, {"wish-WISH-44", "risk-SAFETY-55", "+46 70 111 22 33"}},
      {Section::kAssessment, {"IND-CATALOG-SAMPLE", "grounds-ASSESS-77", "\"0180\"", "\"TH\""}},
      {Section::kSupport, {"\"assistance_step\"", "\"reflection_period\""}},
      {Section::kChildProtection, {"note-CHILD-33", "\"report_of_concern\"", "\"1480\""}},
      {Section::kProceedings, {"5000-K12345-26", "\"reported\""}},
      {Section::kReturn, {"\"return_planning\""}},
      {Section::kNotes, {"note-NOTES-22"}},
  };
  return kValues;
}

// Written about other persons or the case as a whole: never in p1's package.
const std::vector<std::string> kNeverValues{"Other-PERSON", "note-OTHER-99", "note-CASE-11",
                                            "\"p2\"",       "wish-OTHER-88", "other_rule"};

// Every place value written (municipalities, countries of places, address,
// contact details, a safety plan's phone).
const std::vector<std::string> kPlaceValues{"\"0180\"",
                                            "\"TH\"",
                                            "\"PL\"",
                                            "\"NO\"",
                                            "\"1480\"",
                                            "Storgatan-ADDR 1",
                                            "amina@example.org",
                                            "+46 70 999 88 77",
                                            "+46 70 111 22 33"};

class ReferralSnapshot : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
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
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertOrganisation("org-ngo", orgs::Kind::kNgoShelter);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("nina", "org-ngo", "nina.test"));
    InsertCase("c1", "org-1");
    InsertCase("c-ngo", "org-ngo");
    Fill();
  }
  void TearDown() override {
    if (audit_) audit_->Stop();
    services_.reset();
    audit_.reset();
    keys_.reset();
    AccountsTest::TearDown();
  }

  app::Context Ctx() {
    app::Context c{*db_, clock_, ids_, nullptr};
    c.security = services_.get();
    c.codec = &codec_;
    c.package_codec = &package_codec_;
    return c;
  }
  std::string Seal(const ports::FieldLocation& at, const std::string& bytes) {
    return Must(keys_->Seal(at, bytes), "seal");
  }

  void InsertCase(const std::string& id, const std::string& org) {
    InsertBareCase(id, org, "anna", kT0);
  }

  void InsertPerson(const std::string& case_id, const std::string& org, const std::string& id,
                    const std::string& code, const std::string& role, const cases::Person& p,
                    const std::string& protection = "none") {
    ports::CasePerson cp;
    cp.person.id = id;
    cp.person.organisation_id = org;
    cp.person.code = code;
    cp.person.protection = protection;
    cp.person.identity_sealed = Seal({org, "persons", "identity", id}, codec_.EncodeIdentity(p));
    cp.person.contact_sealed =
        Seal({org, "persons", "contact", id}, codec_.EncodeContact(p.contact));
    cp.person.created_at_us = cp.person.updated_at_us = kT0;
    cp.link = {case_id, id, role, "anna", kT0};
    Committed([&](ports::UnitOfWork& uow) {
      Must(uow.persons().Insert(cp.person));
      Must(uow.persons().AddToCase(cp.link));
    });
  }

  void AddRecord(const std::string& id, const std::string& person, const std::string& kind,
                 const std::string& body) {
    ports::CaseRecordRow r;
    r.id = id;
    r.case_id = "c1";
    r.organisation_id = "org-1";
    r.person_id = person;
    r.kind = kind;
    r.body_sealed = Seal({"org-1", "case_records", "body", id}, body);
    r.recorded_by = "anna";
    r.recorded_at_us = kT0;
    Committed([&](ports::UnitOfWork& uow) { Must(uow.case_records().Add(r)); });
  }

  static ports::ClockRow Clock(const std::string& id, const std::string& person,
                               const std::string& rule, const std::string& section) {
    ports::ClockRow c;
    c.id = id;
    c.case_id = "c1";
    c.organisation_id = "org-1";
    c.person_id = person;
    c.rule_id = rule;
    c.rule_version = 1;
    c.rule_valid_from = D("2022-08-01");
    c.kind = rule;
    c.section = section;
    c.status = "running";
    c.starts_on = D("2026-03-02");
    c.ends_on = D("2026-03-31");
    c.recorded_by = "anna";
    c.recorded_at_us = c.updated_at_us = kT0;
    return c;
  }

  void AddNote(const std::string& id, const std::string& person, const std::string& text,
               long long at) {
    ports::CaseNoteRow n{
        id, "c1", "org-1", person, "", Seal({"org-1", "case_notes", "body", id}, text), "anna", at};
    Committed([&](ports::UnitOfWork& uow) { Must(uow.case_notes().AddNote(n)); });
  }

  static cases::Person Amina() {
    cases::Person p;
    p.names = {{cases::NameKind::kName, "Amina-IDENT", "\xd8\xa3\xd9\x85\xd9\x8a\xd9\x86\xd8\xa9"}};
    p.date_of_birth =
        cases::DateOfBirth(std::in_place_type<cases::PartialDate>, cases::PartialDate{1998, 4, 12});
    p.gender = cases::Gender::kFemale;
    p.citizenship = {cases::CitizenshipStatus::kKnown, {"NG"}};
    p.languages = {"yor"};
    p.documents = {{cases::DocumentType::kPassport, "DOC-NUM-123", "NG", D("2030-01-01")}};
    p.contact.phones = {"+46 70 999 88 77"};
    p.contact.emails = {"amina@example.org"};
    p.contact.address = "Storgatan-ADDR 1";
    return p;
  }

  void Fill() {
    InsertPerson("c1", "org-1", "p1", "P-2026-000001", "presumed_victim", Amina());
    cases::Person other;
    other.names = {{cases::NameKind::kName, "Other-PERSON", ""}};
    InsertPerson("c1", "org-1", "p2", "P-2026-000002", "witness", other);
    cases::Person suspect;
    suspect.names = {{cases::NameKind::kName, "Suspect-PERSON", ""}};
    InsertPerson("c1", "org-1", "p3", "P-2026-000003", "suspect", suspect);
    InsertPerson("c1", "org-1", "p4", "P-2026-000004", "presumed_victim", Amina(),
                 "protected_registration");

    cases::Wish wish{"acute_protection", "wish-WISH-44", D("2026-03-01"), "anna"};
    AddRecord("w1", "p1", "wish", codec_.EncodeWish(wish));
    AddRecord("w2", "p2", "wish",
              codec_.EncodeWish({"acute_protection", "wish-OTHER-88", D("2026-03-01"), "anna"}));
    cases::SafetyPlan plan;
    plan.risks = {{"risk-SAFETY-55", cases::RiskLevel::kHigh}};
    plan.measures = {{"move elsewhere", ""}};
    plan.who_to_call = {{"Shelter on duty", "+46 70 111 22 33"}};
    plan.made_on = D("2026-03-01");
    AddRecord("s1", "p1", "safety_plan", codec_.EncodeSafetyPlan(plan));
    cases::IndicatorsAssessment indicators;
    indicators.catalog_version = "IND-CATALOG-SAMPLE";
    indicators.assessed_by = "anna";
    indicators.assessed_on = D("2026-03-01");
    AddRecord("i1", "p1", "indicators", codec_.EncodeIndicators(indicators));
    cases::PresumedVictimAssessment assessment;
    assessment.assessed_by = "anna";
    assessment.assessed_on = D("2026-03-02");
    assessment.grounds = "grounds-ASSESS-77";
    AddRecord("a1", "p1", "assessment", codec_.EncodeAssessment(assessment));
    ports::ExploitationBody exploitation;
    exploitation.places.municipalities = {"0180"};
    exploitation.places.recruitment_countries = {"TH"};
    exploitation.places.transit_countries = {"PL"};
    exploitation.places.exploitation_countries = {"NO"};
    AddRecord("e1", "", "exploitation", codec_.EncodeExploitation(exploitation));

    ports::ChildTrackRow child;
    child.id = "ct1";
    child.case_id = "c1";
    child.organisation_id = "org-1";
    child.person_id = "p1";
    child.kind = "report_of_concern";
    child.on = D("2026-03-03");
    child.municipality = "1480";
    child.note_sealed = Seal({"org-1", "child_track_records", "note", "ct1"}, "note-CHILD-33");
    child.recorded_by = "anna";
    child.recorded_at_us = kT0;
    cases::Proceedings proceedings;
    proceedings.police_report_numbers = {"5000-K12345-26"};
    proceedings.injured_parties = {{"p1", cases::InjuredPartyStatus::kNotDecided, std::nullopt},
                                   {"p2", cases::InjuredPartyStatus::kNotDecided, std::nullopt}};
    ports::ProceedingsRow pr{
        "pr1",
        "c1",
        "org-1",
        1,
        Seal({"org-1", "case_proceedings", "body", "pr1"}, codec_.EncodeProceedings(proceedings)),
        "anna",
        kT0};
    Committed([&](ports::UnitOfWork& uow) {
      Must(uow.case_clocks().Insert(Clock("k1", "p1", "reflection_period", "support")));
      Must(uow.case_clocks().Insert(Clock("k2", "p2", "other_rule", "support")));
      Must(
          uow.case_clocks().Insert(Clock("k3", "p1", "protection_assessment", "child_protection")));
      Must(uow.child_track().Insert(child));
      Must(uow.case_tracks().InsertProceedings(pr));
      Must(uow.case_tracks().Move(
          {"c1", "support", "assistance_step", "se-manual-2019", kT0, "anna"}, std::nullopt));
      Must(uow.case_tracks().Move({"c1", "proceedings", "reported", "se-manual-2019", kT0, "anna"},
                                  std::nullopt));
      Must(uow.case_tracks().Move(
          {"c1", "return", "return_planning", "se-manual-2019", kT0, "anna"}, std::nullopt));
    });
    AddNote("n1", "p1", "note-NOTES-22", kT0 + 1);
    AddNote("n2", "p2", "note-OTHER-99", kT0 + 2);
    AddNote("n3", "", "note-CASE-11", kT0 + 3);
  }

  Result<std::string> Snapshot(const std::string& case_id, const std::string& person,
                               std::vector<Section> sections, bool strip = false,
                               bool to_authority = true) {
    referrals::ApprovedScope scope;
    scope.sections = std::move(sections);
    scope.strip_places = strip;
    auto uow = Read();
    return app::BuildPackageSnapshot(Ctx(), *uow, case_id, person, scope, D("2026-03-05"),
                                     to_authority);
  }

  FakeClock clock_{TimePoint(std::chrono::seconds(1'780'000'000))};
  struct Ids final : ports::IdGenerator {
    std::string NewId() override { return "id" + std::to_string(++next); }
    int next = 0;
  } ids_;
  storage::JsonRecordCodec codec_;
  storage::JsonPackageDocumentCodec package_codec_;
  std::unique_ptr<security::KeyRing> keys_;
  std::unique_ptr<security::SodiumSecrets> secrets_;
  std::unique_ptr<security::Argon2Hasher> hasher_;
  security::OathTotp totp_;
  std::unique_ptr<app::audit::GroupCommitAuditLog> audit_;
  std::unique_ptr<app::SecurityServices> services_;
};

TEST_F(ReferralSnapshot, TheDocumentParsesAndCarriesItsFormatSenderCaseAndPerson) {
  auto text = Snapshot("c1", "p1", {Section::kIdentity});
  ASSERT_TRUE(text.has_value()) << text.error().message;
  Json doc = Json::parse(*text);
  EXPECT_EQ(doc.at("format"), app::kPackageSnapshotFormat);
  EXPECT_EQ(doc.at("format"), 1);
  EXPECT_EQ(doc.at("sender").at("id"), "org-1");
  EXPECT_EQ(doc.at("sender").at("name"), "Test organisation org-1");
  EXPECT_EQ(doc.at("case").at("code"), "NRM-2026-c1");
  EXPECT_EQ(doc.at("case").at("type"), "trafficking_in_human_beings");
  EXPECT_EQ(doc.at("sent_on"), "2026-03-05");
  EXPECT_EQ(doc.at("person"), "P-2026-000001");
  EXPECT_FALSE(doc.contains("protected"));
  const Json& identity = doc.at("sections").at("identity");
  EXPECT_EQ(identity.at("role"), "presumed_victim");
  // The identity part is the record codec's own encoding: it decodes back.
  cases::Person back;
  ASSERT_TRUE(codec_.DecodeIdentity(identity.at("identity").dump(), back).has_value());
  ASSERT_EQ(back.names.size(), 1u);
  EXPECT_EQ(back.names[0].latin, "Amina-IDENT");
  EXPECT_EQ(back.names[0].original, "\xd8\xa3\xd9\x85\xd9\x8a\xd9\x86\xd8\xa9");
  EXPECT_EQ(back.citizenship.countries, std::vector<std::string>{"NG"});
  EXPECT_EQ(back.languages, std::vector<std::string>{"yor"});
  ASSERT_EQ(back.documents.size(), 1u);
  EXPECT_EQ(back.documents[0].number, "DOC-NUM-123");
  EXPECT_EQ(back.gender, cases::Gender::kFemale);
  // The identity section holds no contact details.
  EXPECT_EQ(text->find("amina@example.org"), std::string::npos);
}

TEST_F(ReferralSnapshot, EachSectionAloneCarriesItsOwnDataAndNothingElse) {
  for (const auto& [section, values] : SectionValues()) {
    SCOPED_TRACE(std::string(access::ToString(section)));
    auto text = Snapshot("c1", "p1", {section});
    ASSERT_TRUE(text.has_value()) << text.error().message;
    Json doc = Json::parse(*text);
    const Json& sections = doc.at("sections");
    ASSERT_EQ(sections.size(), 1u);
    EXPECT_TRUE(sections.contains(std::string(access::ToString(section))));
    for (const auto& v : values) EXPECT_NE(text->find(v), std::string::npos) << v;
    for (const auto& [other, other_values] : SectionValues()) {
      if (other == section) continue;
      EXPECT_FALSE(sections.contains(std::string(access::ToString(other))));
      for (const auto& v : other_values) {
        EXPECT_EQ(text->find(v), std::string::npos) << v << " leaked";
      }
    }
    for (const auto& v : kNeverValues) EXPECT_EQ(text->find(v), std::string::npos) << v;
  }
}

TEST_F(ReferralSnapshot, SectionDetailsAreTheRecordsAsKept) {
  auto text = Snapshot("c1", "p1",
                       {Section::kNeedsSafety, Section::kSupport, Section::kChildProtection,
                        Section::kProceedings, Section::kNotes});
  ASSERT_TRUE(text.has_value()) << text.error().message;
  Json s = Json::parse(*text).at("sections");
  ASSERT_EQ(s.at("needs_safety").at("wishes").size(), 1u);
  auto plan = codec_.DecodeSafetyPlan(s.at("needs_safety").at("safety_plan").dump());
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->risks.at(0).description, "risk-SAFETY-55");
  EXPECT_EQ(s.at("support").at("track").at("step"), "assistance_step");
  ASSERT_EQ(s.at("support").at("clocks").size(), 1u);
  EXPECT_EQ(s.at("support").at("clocks")[0].at("rule_id"), "reflection_period");
  EXPECT_EQ(s.at("support").at("clocks")[0].at("ends_on"), "2026-03-31");
  ASSERT_EQ(s.at("child_protection").at("records").size(), 1u);
  EXPECT_EQ(s.at("child_protection").at("records")[0].at("municipality"), "1480");
  EXPECT_EQ(s.at("child_protection").at("clocks")[0].at("rule_id"), "protection_assessment");
  auto proceedings = codec_.DecodeProceedings(s.at("proceedings").at("record").dump());
  ASSERT_TRUE(proceedings.has_value());
  ASSERT_EQ(proceedings->injured_parties.size(), 1u);  // p2 left out
  EXPECT_EQ(proceedings->injured_parties[0].person_id, "p1");
  ASSERT_EQ(s.at("notes").size(), 1u);
  EXPECT_EQ(s.at("notes")[0].at("text"), "note-NOTES-22");
}

TEST_F(ReferralSnapshot, StripPlacesRemovesEveryPlaceValueFromEverySection) {
  std::vector<Section> all = access::AllSections();
  auto full = Snapshot("c1", "p1", all);
  ASSERT_TRUE(full.has_value()) << full.error().message;
  for (const auto& v : kPlaceValues) EXPECT_NE(full->find(v), std::string::npos) << v;
  auto stripped = Snapshot("c1", "p1", all, /*strip=*/true);
  ASSERT_TRUE(stripped.has_value()) << stripped.error().message;
  for (const auto& v : kPlaceValues) EXPECT_EQ(stripped->find(v), std::string::npos) << v;
  Json s = Json::parse(*stripped).at("sections");
  EXPECT_FALSE(s.contains("contact"));
  // The rest is still there.
  EXPECT_NE(stripped->find("risk-SAFETY-55"), std::string::npos);
  EXPECT_NE(stripped->find("grounds-ASSESS-77"), std::string::npos);
  EXPECT_NE(stripped->find("note-CHILD-33"), std::string::npos);
}

TEST_F(ReferralSnapshot, AProtectedPersonsPackageHasNoContactAndWarns) {
  auto text = Snapshot("c1", "p4", {Section::kIdentity, Section::kContact});
  ASSERT_TRUE(text.has_value()) << text.error().message;
  Json doc = Json::parse(*text);
  EXPECT_EQ(doc.at("protected"), true);
  EXPECT_TRUE(doc.at("sections").contains("identity"));
  EXPECT_FALSE(doc.at("sections").contains("contact"));
  for (const auto& v : kPlaceValues) EXPECT_EQ(text->find(v), std::string::npos) << v;
}

TEST_F(ReferralSnapshot, ASuspectGoesOnlyFromAnAuthorityToAnAuthority) {
  auto to_ngo = Snapshot("c1", "p3", {Section::kIdentity}, false, /*to_authority=*/false);
  ASSERT_FALSE(to_ngo.has_value());
  EXPECT_EQ(to_ngo.error().code, ErrorCode::kInvalid);
  auto to_authority = Snapshot("c1", "p3", {Section::kIdentity}, false, true);
  ASSERT_TRUE(to_authority.has_value()) << to_authority.error().message;
  EXPECT_NE(to_authority->find("Suspect-PERSON"), std::string::npos);
}

TEST_F(ReferralSnapshot, AnEmptyScopeHasNoSectionsAndUnknownsAreNotFound) {
  auto text = Snapshot("c1", "p1", {});
  ASSERT_TRUE(text.has_value());
  EXPECT_TRUE(Json::parse(*text).at("sections").empty());
  auto twice = Snapshot("c1", "p1", {Section::kNotes, Section::kNotes});
  ASSERT_TRUE(twice.has_value());
  EXPECT_EQ(Json::parse(*twice).at("sections").size(), 1u);  // one key per section
  auto nobody = Snapshot("c1", "p-none", {Section::kIdentity});
  ASSERT_FALSE(nobody.has_value());
  EXPECT_EQ(nobody.error().code, ErrorCode::kNotFound);
  auto no_case = Snapshot("c-none", "p1", {Section::kIdentity});
  ASSERT_FALSE(no_case.has_value());
  EXPECT_EQ(no_case.error().code, ErrorCode::kNotFound);
}

TEST_F(ReferralSnapshot, ProceedingsOnlyFromACaseAPublicAuthorityKeeps) {
  cases::Person p;
  p.names = {{cases::NameKind::kName, "Ngo-PERSON", ""}};
  InsertPerson("c-ngo", "org-ngo", "pn", "P-2026-000009", "presumed_victim", p);
  auto text = Snapshot("c-ngo", "pn", {Section::kProceedings});
  ASSERT_FALSE(text.has_value());
  EXPECT_EQ(text.error().code, ErrorCode::kInvalid);
  auto identity = Snapshot("c-ngo", "pn", {Section::kIdentity});
  ASSERT_TRUE(identity.has_value()) << identity.error().message;
  EXPECT_EQ(Json::parse(*identity).at("sender").at("id"), "org-ngo");
}

}  // namespace
}  // namespace opennrm::testing
