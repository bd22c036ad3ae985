// The migrations compiled into the binary (src/storage/migrations/<dialect>/).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "storage/migrations/embedded.hpp"
#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage::sql {
namespace {

namespace fs = std::filesystem;

// SHIPPED MIGRATIONS ARE NEVER EDITED (docs: STYLE.md, "a shipped migration
// is never edited"). This table pins the SHA-256 (storage::sql::Checksum) of
// every migration that has shipped. If this test fails because a checksum
// changed, revert your edit to the .sql file and add a new numbered migration
// instead. When you add a migration, add its line here for both dialects.
const std::map<int, std::string> kShippedSqlite{
    {1, "f33326a4d2938d8b70fa7053ab46a8789ec04602eb1d681b63f0c929bc18cd3c"},
    {2, "6a3dae400b5a46fb13a00971d80a35fbe2cd48b998dd2a4ec85db3f7ce07a444"},
    {3, "9c57a136058f05ab55c04732759d479e160ad9438a0d1d1764510e298193aea8"},
    {4, "6174561743cb86152cff125e50fc7bbb5b5fb194a50191d07017b81880ae8531"},
    {5, "ad1faf2996970f4382b1827ad6e8b15be4ed971b83920c95679e617ab7a9c322"},
    {6, "00c4ebc023ca57b64e61ff6efd9eab1eb2fbd7ce7000b6b92fda4038bba150f1"},
    {7, "dea68be36de2cc8f095814ac65e70cd00c2563050499ca4fc5dd69d9f9784bf1"},
    {8, "056aacf1ba22621cfb2404eeee7a28cac571582f9de151f0534a7e2dbd99af24"},
    {9, "5a032b9360d90102d1c26472d636c0965ecc92b6b1eba6ff56d3338efd1f7f46"},
    {10, "a8b056cc5a33d509370d4bfdd2c07e4070f0b69959e5e426c41787227bf5d72c"},
    {11, "d7b604baf28a3272d29c7fd592a66e462d5dcfa7d6ba3aa20c88e7804ce299a4"},
    {12, "37daa6c0a5654bdca1ba5616c8e659ba8dd75c9a3ceaf30caf24ecd44954672a"},
    {13, "9d39e389f770d1486c347ff5033ecabc8f398d5fee4811cf6d330bdc83fb1e1d"},
    {14, "c8a3e794b89faa8d0e22bee06fe254f2c7d33e2d21a0414406653ecc25a9c781"},
    {15, "ab9f3b69fc28063d0b10949f785b3cec02d202fe8afa128f761276755b048d82"},
    {16, "1ae6cb6a209eeab1236aa8d27c9581f355d79bb688d4b20a663106d46005c971"},
    {17, "be5158582de3a662eb5059fd237a981aa7f184247579562a92aee83b0d1f56c4"},
    {18, "4c411ec7e87bf9f3b0ba721120aa9b636a41d5c0bc72c5e4e7dceef7cc62a802"},
    {19, "663013f24c4e0297b9451e3b9991f8093ae16ad3f0759e85eae1db617999dfcf"},
    {20, "73a96c73ba2ae3bf0b4f135c19bf3af7289660b96a7ada70512b5e2af7884903"},
    {21, "294d7e8f8e30a7ce80b44ef450f5fbb02f75726e6ae8089806e66795b0c845fc"},
    {22, "e099a01b7d5d49e8bd8006eef8daa1fdc577df7ae4be1ab9839a95033486b019"},
    {23, "5d57363eb39adebc79e4302a965d339b479d1c9d282a7e3febae5b2fdca4cfe5"},
    {24, "a462fa6a53aa30ac66ec245af35764a406449df449da6a6bd5af4160ecafd848"},
    {25, "8b7e874eb976e2ea19b9f71c897ec9eb9c1b1fa6355131715ced142fbaa989f1"},
};
const std::map<int, std::string> kShippedPostgres{
    {1, "47971853f6a474063805de5676ac3e0cd08ca8c1af4e52a420e3f00462367c00"},
    {2, "edd545bfdc8434b4ac76eb36db4a7cf850c53427e5ade70ee5a10174de04ae8b"},
    {3, "9c57a136058f05ab55c04732759d479e160ad9438a0d1d1764510e298193aea8"},
    {4, "6def3ad5384400ab29d34aa128d29fa651636449f26909f60b65d1b31113167c"},
    {5, "a8de43b7a7492fb65a565e09ce845aab74afdd1a4d763df0d657e9dcab817ab7"},
    {6, "2e1421dd7f53a05ef63c6ac2ecbc937e3675d00eb59c86f0e0896fe01ca0bcf9"},
    {7, "efd9bd4a0d39a8e8225d4e713e4822d874ded758e2d6b4e87d26af668202c9fb"},
    {8, "1a8b46ca6b8f7ddb199c36b85363f96913d26fcd676035e6da12ec4182ff04e0"},
    {9, "5a032b9360d90102d1c26472d636c0965ecc92b6b1eba6ff56d3338efd1f7f46"},
    {10, "41ae63bbfa5a9f9eb7ba84cca633f8d0c3d95dd253ebfca139b5d798f6129747"},
    {11, "7c82b5d9910868e2f86183da042adffac93d721b4b15fcce76b6edc29e59d7a1"},
    {12, "ce2b16dc92a5d22231a404e3ba9febc02a0cfad954eaeff49b84b99cbc0d2ac0"},
    {13, "13a98c309386cf84050471d2811ac593c7b67b5284d48e5908291e4e935f30ac"},
    {14, "c8a3e794b89faa8d0e22bee06fe254f2c7d33e2d21a0414406653ecc25a9c781"},
    {15, "8b0161788412cd63d27c49713d33f91c814148c3519906d8e2f14fac7db9ae98"},
    {16, "db8c60aa434ad1bb5c289a0dd588a596bc0368ba76d0f4c3bd79b923128ce10a"},
    {17, "53d0117c65d421166225debaeec2fea209db549a4c43a3f48cccb6e48d154e34"},
    {18, "4c411ec7e87bf9f3b0ba721120aa9b636a41d5c0bc72c5e4e7dceef7cc62a802"},
    {19, "34b5bf095b94dd54cd3bcb6a763ec52089143a5e25365fbd3cb3cd01b036e7ce"},
    {20, "f8fe32762261e975f08454151a4ab695feb9ae1166bcf6c70091425951e333db"},
    {21, "0542aff610ac5b05154165c301f7ef087e0a6c257a6690468c9acada93c6712b"},
    {22, "0e1491d9d0b7009638598aea0c48150839e6a5572847588073af503e0fee47b6"},
    {23, "23f5c401b74f97b5af7d5064e8bc7780432fee4e818d402ba9739708e0648049"},
    {24, "5a9db0220064071763c1a45f647e29196a2bf28a0df12777f165a61f2861e710"},
    {25, "ea41846495fad331cddf80d3734ce826df50e4cc31764b13070123bffd48c261"},
};

void ExpectPinned(const std::vector<Migration>& ms, const std::map<int, std::string>& pinned,
                  const char* dialect) {
  std::set<int> seen;
  for (const auto& m : ms) {
    seen.insert(m.version);
    auto it = pinned.find(m.version);
    if (it == pinned.end()) {
      ADD_FAILURE() << dialect << " migration " << m.name << " is new: add {" << m.version << ", \""
                    << Checksum(m.sql) << "\"} to the table in this test.";
      continue;
    }
    EXPECT_EQ(Checksum(m.sql), it->second)
        << dialect << " migration " << m.name
        << " was edited after it shipped; revert it and add a new migration.";
  }
  for (const auto& [version, sum] : pinned) {
    EXPECT_TRUE(seen.count(version)) << dialect << " migration " << version
                                     << " shipped and was removed; migrations are append-only.";
  }
}

TEST(ShippedMigrations, AreNeverEdited) {
  ExpectPinned(migrations::Sqlite(), kShippedSqlite, "sqlite");
  ExpectPinned(migrations::Postgres(), kShippedPostgres, "postgres");
}

TEST(ShippedMigrations, BothDialectsHaveTheSameVersionsAndNames) {
  const auto& lite = migrations::Sqlite();
  const auto& pg = migrations::Postgres();
  ASSERT_FALSE(lite.empty());
  ASSERT_EQ(lite.size(), pg.size());
  for (size_t i = 0; i < lite.size(); ++i) {
    EXPECT_EQ(lite[i].version, pg[i].version);
    EXPECT_EQ(lite[i].name, pg[i].name);
  }
}

TEST(ShippedMigrations, AreNumberedOneToNWithoutGaps) {
  for (const auto* ms : {&migrations::Sqlite(), &migrations::Postgres()}) {
    for (size_t i = 0; i < ms->size(); ++i) {
      const Migration& m = (*ms)[i];
      EXPECT_EQ(m.version, static_cast<int>(i) + 1) << m.name;
      char prefix[8];
      std::snprintf(prefix, sizeof prefix, "%04d_", m.version);
      EXPECT_EQ(m.name.rfind(prefix, 0), 0u) << m.name;
      EXPECT_FALSE(m.sql.empty()) << m.name;
    }
  }
}

std::set<std::string> CreatedTables(const std::vector<Migration>& ms) {
  static const std::regex kCreate(R"(CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*))",
                                  std::regex::icase);
  std::set<std::string> out;
  for (const auto& m : ms) {
    for (std::sregex_iterator it(m.sql.begin(), m.sql.end(), kCreate), end; it != end; ++it) {
      out.insert((*it)[1].str());
    }
  }
  return out;
}

TEST(ShippedMigrations, BothDialectsCreateTheSameTables) {
  auto lite = CreatedTables(migrations::Sqlite());
  EXPECT_FALSE(lite.empty());
  EXPECT_TRUE(lite.count("organisations"));
  EXPECT_EQ(lite, CreatedTables(migrations::Postgres()));
}

TEST(ShippedMigrations, SqliteMigrationsApplyToAFreshDatabaseTwice) {
  std::string tmpl = (fs::temp_directory_path() / "opennrm-shipped-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  fs::path dir = tmpl;
  {
    auto conn = sqlite::Connect({(dir / "opennrm.db").string()});
    ASSERT_TRUE(conn) << conn.error().message;
    // With 0024's preparation (storage/sqlite/audit_file.hpp), as the product migrates.
    const auto& shipped = sqlite::Migrations();
    auto r = Migrate(**conn, sqlite::SqliteDialect(), shipped, 0);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->applied.size(), shipped.size());
    EXPECT_EQ(*CurrentVersion(**conn), shipped.back().version);
    const auto& moved = sqlite::AuditFileTables();
    for (const auto& table : CreatedTables(shipped)) {
      // The audit log's tables are in its own file, every other table in the main one.
      const bool audit = std::find(moved.begin(), moved.end(), table) != moved.end();
      auto rows = (*conn)->Query(std::string("SELECT count(*) FROM ") + (audit ? "audit" : "main") +
                                     ".sqlite_master WHERE type='table' AND name=$1",
                                 {table});
      ASSERT_TRUE(rows);
      EXPECT_EQ(rows->Int(0, 0), 1) << table;
    }
    auto again = Migrate(**conn, sqlite::SqliteDialect(), shipped, 0);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->applied.empty());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace opennrm::storage::sql
