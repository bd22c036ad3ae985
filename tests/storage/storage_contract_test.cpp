// The storage contract: what the use cases rely on, identical on SQLite and
// PostgreSQL.
#include <set>
#include <thread>

#include <sodium.h>

#include "app/audit/group_commit_log.hpp"
#include "app/organisations.hpp"
#include "app/seed_directory.hpp"
#include "core/clock.hpp"
#include "security/argon2_hasher.hpp"
#include "security/key_ring.hpp"
#include "security/secrets.hpp"
#include "security/totp.hpp"
#include "storage_fixture.hpp"

namespace opennrm::testing {
namespace {

using namespace std::chrono_literals;

class SequentialIds final : public ports::IdGenerator {
 public:
  std::string NewId() override {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%032llx", static_cast<unsigned long long>(++next_));
    return buf;
  }

 private:
  std::atomic<long long> next_{0};
};

class StorageContract : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    reference_ = LoadShippedReference();
    // The security core as the server wires it: protected addresses are
    // sealed through the key ring under each organisation's data key.
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
  }
  void TearDown() override {
    if (audit_) audit_->Stop();
    services_.reset();
    audit_.reset();
    keys_.reset();
    StorageTest::TearDown();
  }
  app::Context Ctx() {
    app::Context c{*db_, clock_, ids_, reference_};
    c.security = services_.get();
    return c;
  }
  std::unique_ptr<security::KeyRing> keys_;
  std::unique_ptr<security::SodiumSecrets> secrets_;
  std::unique_ptr<security::Argon2Hasher> hasher_;
  security::OathTotp totp_;
  std::unique_ptr<app::audit::GroupCommitAuditLog> audit_;
  std::unique_ptr<app::SecurityServices> services_;

  static orgs::OrganisationDraft Draft(const std::string& name, orgs::CoverageScope scope,
                                       std::vector<std::string> codes) {
    orgs::OrganisationDraft d;
    d.name = name;
    d.kind = orgs::Kind::kNgoShelter;
    d.coverage = {scope, std::move(codes)};
    return d;
  }

  FakeClock clock_{FromEpochMicros(1'780'000'000'000'000)};
  SequentialIds ids_;
  std::shared_ptr<const app::Reference> reference_;
};

TEST_F(StorageContract, MigrationsAreIdempotentAndRecorded) {
  auto again = db_->Migrate(2);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, again->to_version);
  EXPECT_GE(*db_->SchemaVersion(), 1);
}

TEST_F(StorageContract, ReferenceDataRoundTripsExactly) {
  const auto& g = reference_->geography;
  EXPECT_EQ(g.counties().size(), 21u);
  EXPECT_EQ(g.municipalities().size(), 290u);
  EXPECT_EQ(g.police_regions().size(), 7u);
  EXPECT_EQ(reference_->catalogs.countries().size(), 249u);
  EXPECT_GT(reference_->catalogs.languages().size(), 7000u);
  const auto* kiruna = g.FindMunicipality("2584");
  ASSERT_NE(kiruna, nullptr);
  EXPECT_EQ(kiruna->name, "Kiruna");
  ASSERT_TRUE(kiruna->population.has_value());
  EXPECT_GT(kiruna->population->count, 20000);
  EXPECT_EQ(g.FindCounty("25")->letter, "BD");
  EXPECT_EQ(reference_->catalogs.FindCountry("SE")->name_sv, "Sverige");
  EXPECT_FALSE(reference_->catalogs.services().version.empty());
}

TEST_F(StorageContract, ReferenceImportIsSkippedWhenUnchangedAndAtomicWhenInvalid) {
  auto files = cli::ReadReferenceFiles("data");
  ASSERT_TRUE(files.has_value());
  auto again = app::ImportReferenceData(*db_, files->data, files->fingerprint);
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->changed);
  auto broken = files->data;
  broken.geography.municipalities[0].county_code = "99";
  auto refused = app::ImportReferenceData(*db_, broken, "other");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(app::LoadReference(*db_).value()->geography.municipalities().size(), 290u);
}

TEST_F(StorageContract, OrganisationRoundTripsWithEveryField) {
  auto d = Draft("Boende Öst", orgs::CoverageScope::kCounties, {"05", "04"});
  d.contact = {"0701234567", "info@boende.se", "https://boende.se", "Box 1, 581 00 Linköping"};
  d.services = {"shelter_women", "legal_advice"};
  d.languages = {"swe", "ukr"};
  d.capacity = {{"women", "adults", 8}, {"any", "children", 4}};
  d.occupancy = orgs::Occupancy{5, "2026-05-01"};
  d.protected_address = "Skyddad väg 2";
  auto created = app::CreateOrganisation(Ctx(), d);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  auto read = app::GetOrganisation(Ctx(), created->id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->data.name, "Boende Öst");
  EXPECT_EQ(read->data.contact.phone, "+46701234567");
  EXPECT_EQ(read->data.coverage.codes, (std::vector<std::string>{"04", "05"}));
  EXPECT_EQ(read->data.services, (std::vector<std::string>{"legal_advice", "shelter_women"}));
  EXPECT_EQ(read->data.languages, (std::vector<std::string>{"swe", "ukr"}));
  ASSERT_EQ(read->data.capacity.size(), 2u);
  ASSERT_TRUE(read->data.occupancy.has_value());
  EXPECT_EQ(read->data.occupancy->occupied, 5);
  EXPECT_EQ(read->data.occupancy->reported_on, "2026-05-01");
  EXPECT_TRUE(read->has_protected_address);
  EXPECT_FALSE(read->data.protected_address.has_value())
      << "reads never carry the protected address";
  EXPECT_EQ(read->created_at_us, ToEpochMicros(clock_.Now()));
}

TEST_F(StorageContract, UpdatesCheckTheVersionAndKeepTheProtectedAddress) {
  auto d = Draft("Boende Syd", orgs::CoverageScope::kMunicipalities, {"1280"});
  d.protected_address = "Hemlig 3";
  auto created = app::CreateOrganisation(Ctx(), d);
  ASSERT_TRUE(created.has_value());
  auto next = Draft("Boende Syd och Väst", orgs::CoverageScope::kPoliceRegions, {"syd", "vast"});
  clock_.Advance(1s);
  auto updated = app::UpdateOrganisation(Ctx(), created->id, next, 1);
  ASSERT_TRUE(updated.has_value()) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_TRUE(updated->has_protected_address);
  EXPECT_GT(updated->updated_at_us, updated->created_at_us);
  auto stale = app::UpdateOrganisation(Ctx(), created->id, next, 1);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto missing = app::UpdateOrganisation(Ctx(), "ffffffffffffffffffffffffffffffff", next, 1);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(StorageContract, ListFiltersByCoverageOfEveryScope) {
  ASSERT_TRUE(
      app::CreateOrganisation(Ctx(), Draft("Nationell", orgs::CoverageScope::kNational, {})));
  ASSERT_TRUE(app::CreateOrganisation(
      Ctx(), Draft("Region Nord", orgs::CoverageScope::kPoliceRegions, {"nord"})));
  ASSERT_TRUE(
      app::CreateOrganisation(Ctx(), Draft("Län 25", orgs::CoverageScope::kCounties, {"25"})));
  ASSERT_TRUE(app::CreateOrganisation(
      Ctx(), Draft("Bara Kiruna", orgs::CoverageScope::kMunicipalities, {"2584"})));
  ASSERT_TRUE(app::CreateOrganisation(
      Ctx(), Draft("Bara Malmö", orgs::CoverageScope::kMunicipalities, {"1280"})));
  auto names = [&](const std::string& municipality) {
    app::OrganisationQuery q;
    q.municipality = municipality;
    std::set<std::string> out;
    auto page = app::ListOrganisations(Ctx(), q).value();
    for (const auto& o : page.items) out.insert(o.data.name);
    return out;
  };
  EXPECT_EQ(names("2584"),
            (std::set<std::string>{"Nationell", "Region Nord", "Län 25", "Bara Kiruna"}));
  EXPECT_EQ(names("1280"), (std::set<std::string>{"Nationell", "Bara Malmö"}));
  EXPECT_EQ(names("2480"), (std::set<std::string>{"Nationell", "Region Nord"}));  // Umeå
}

TEST_F(StorageContract, ListFiltersByKindServiceTextAndActiveAndPaginates) {
  for (int i = 0; i < 25; ++i) {
    auto d = Draft("Förening " + std::to_string(100 + i), orgs::CoverageScope::kNational, {});
    if (i % 5 == 0) d.services = {"interpretation"};
    d.active = i % 2 == 0;
    ASSERT_TRUE(app::CreateOrganisation(Ctx(), d));
  }
  app::OrganisationQuery q;
  q.text = "FORENING";
  q.active = std::nullopt;
  q.limit = 10;
  auto page = app::ListOrganisations(Ctx(), q).value();
  EXPECT_EQ(page.total, 25);
  ASSERT_EQ(page.items.size(), 10u);
  EXPECT_EQ(page.items[0].data.name, "Förening 100");
  q.offset = 20;
  EXPECT_EQ(app::ListOrganisations(Ctx(), q).value().items.size(), 5u);
  q.offset = 0;
  q.active = true;
  EXPECT_EQ(app::ListOrganisations(Ctx(), q).value().total, 13);
  q.service = "interpretation";
  EXPECT_EQ(app::ListOrganisations(Ctx(), q).value().total, 3);  // i = 0, 10, 20
  q.service.reset();
  q.kind = "police_region";
  EXPECT_EQ(app::ListOrganisations(Ctx(), q).value().total, 0);
  app::OrganisationQuery wildcard;
  wildcard.text = "_";
  EXPECT_EQ(app::ListOrganisations(Ctx(), wildcard).value().total, 0);
}

TEST_F(StorageContract, SeedIsCompleteAndIdempotent) {
  auto first = app::SeedDirectory(Ctx());
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(first->created,
            1 + 21 + 290 + 7 + 7 + 6);  // + prosecution, migration, WEA, tax, customs, IOM
  auto second = app::SeedDirectory(Ctx());
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->existing, first->created);
  auto who = app::WhoCovers(Ctx(), "2584", std::nullopt).value();
  std::set<std::string> names;
  for (const auto& o : who.organisations) names.insert(o.data.name);
  EXPECT_TRUE(names.count("Socialtjänsten, Kiruna kommun"));
  EXPECT_TRUE(names.count("Regionkoordinator, polisregion Nord"));
  EXPECT_FALSE(names.count("Socialtjänsten, Gällivare kommun"));
}

TEST_F(StorageContract, AUnitOfWorkWithoutCommitLeavesNoTrace) {
  {
    auto uow = db_->Begin(ports::Access::kWrite);
    ASSERT_TRUE(uow.has_value());
    orgs::Organisation o;
    o.id = "abababababababababababababababab";
    o.data = Draft("Aldrig sparad", orgs::CoverageScope::kNational, {});
    ASSERT_TRUE((*uow)->organisations().Insert(o).has_value());
  }
  EXPECT_EQ(app::GetOrganisation(Ctx(), "abababababababababababababababab").error().code,
            ErrorCode::kNotFound);
}

TEST_F(StorageContract, DuplicateSeedKeysConflict) {
  orgs::Organisation o;
  o.id = "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd";
  o.seed_key = "national_unit";
  o.data = Draft("Ett", orgs::CoverageScope::kNational, {});
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    ASSERT_TRUE(uow->organisations().Insert(o).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  auto uow = db_->Begin(ports::Access::kWrite).value();
  o.id = "efefefefefefefefefefefefefefefef";
  auto dup = uow->organisations().Insert(o);
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

TEST_F(StorageContract, AWriterBeginsAgainWhileItsCommittedUnitOfWorkStillLives) {
  // A unit of work kept after its commit must not stop the next write, nor may readers see less
  // than was committed.
  auto insert = [&](const std::string& id, const std::string& name) {
    auto uow = db_->Begin(ports::Access::kWrite);
    EXPECT_TRUE(uow.has_value()) << uow.error().message;
    if (!uow) return std::unique_ptr<ports::UnitOfWork>();
    orgs::Organisation o;
    o.id = id;
    o.data = Draft(name, orgs::CoverageScope::kNational, {});
    EXPECT_TRUE((*uow)->organisations().Insert(o).has_value());
    EXPECT_TRUE((*uow)->Commit().has_value());
    return std::move(*uow);
  };
  auto first = insert("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", "Första skrivaren");
  auto reader = db_->Begin(ports::Access::kRead);
  ASSERT_TRUE(reader.has_value());
  auto second = insert("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2", "Andra skrivaren");
  auto third = insert("c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3", "Tredje skrivaren");
  ASSERT_TRUE(first && second && third);
  reader->reset();
  for (const char* id : {"a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2",
                         "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3"}) {
    EXPECT_TRUE(app::GetOrganisation(Ctx(), id).has_value()) << id;
  }
}

TEST_F(StorageContract, ConcurrentWritersAllSucceed) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto d = Draft("Parallell " + std::to_string(t) + "-" + std::to_string(i),
                       orgs::CoverageScope::kMunicipalities, {"0180"});
        if (app::CreateOrganisation(Ctx(), d)) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 100);
  app::OrganisationQuery q;
  q.text = "parallell";
  EXPECT_EQ(app::ListOrganisations(Ctx(), q).value().total, 100);
}

}  // namespace
}  // namespace opennrm::testing
