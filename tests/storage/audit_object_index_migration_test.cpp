// Migration 0023 on a database whose audit log already holds entries: every entry written at
// schema version 22 is in the new object index afterwards, so the viewer's object filter still
// finds it (by id alone, and by type and id), on SQLite and PostgreSQL alike. Synthetic data only.
#include <optional>
#include <string>
#include <vector>

#include "audit_fixture.hpp"
#include "migration_fixture.hpp"
#include "storage/repo/audit_repo.hpp"

namespace opennrm::testing {
namespace {

namespace oa = opennrm::audit;

constexpr long long kT0 = 1'780'000'000'000'000;

class AuditObjectIndexMigration : public MigrationTest {
 protected:
  std::vector<uint64_t> Seqs(std::optional<std::string> type, std::string id) {
    ports::AuditEventFilter f;
    f.object_type = std::move(type);
    f.object_id = std::move(id);
    auto page = storage::repo::SqlAuditRepository(*conn_).Find(f);
    EXPECT_TRUE(page) << page.error().message;
    std::vector<uint64_t> out;
    if (!page) return out;
    EXPECT_EQ(page->total, static_cast<long long>(page->items.size()));
    for (const auto& item : page->items) out.push_back(item.seq);
    return out;
  }
};

TEST_F(AuditObjectIndexMigration, EntriesWrittenBefore0023AreFoundThroughTheIndexAfterIt) {
  auto at22 = storage::sql::Migrate(*conn_, dialect_, UpTo(22), kT0);
  ASSERT_TRUE(at22) << at22.error().message;
  ASSERT_EQ(at22->to_version, 22);

  // Ten entries naming case-<i % 3>; entry 4 names a person besides.
  oa::CompactRange range;
  std::vector<oa::StoredEntry> entries;
  for (int i = 0; i < 10; ++i) {
    oa::Event e = SyntheticEvent(i);
    e.objects[0].id = "case-" + std::to_string(i % 3);
    if (i == 4) e.objects.push_back({"person", "p-4", "org-9", {"identity"}});
    entries.push_back(oa::AppendEntry(range, oa::EncodeEvent(e).value()).value());
  }
  ASSERT_TRUE(storage::repo::SqlAuditRepository(*conn_).AppendEntries(entries));

  auto at23 = storage::sql::Migrate(*conn_, dialect_, UpTo(23), kT0);
  ASSERT_TRUE(at23) << at23.error().message;
  ASSERT_EQ(at23->to_version, 23);

  storage::repo::SqlAuditRepository audit(*conn_);
  EXPECT_EQ(audit.ObjectsIndexedBelow().value(), 10u) << "everything before is indexed";
  EXPECT_EQ(audit.ObjectRowsFrom(10, 100).value(), 0u);
  using V = std::vector<uint64_t>;
  EXPECT_EQ(Seqs(std::nullopt, "case-1"), (V{7, 4, 1}));
  EXPECT_EQ(Seqs("case", "case-2"), (V{8, 5, 2}));
  EXPECT_EQ(Seqs(std::nullopt, "p-4"), (V{4}));
  EXPECT_EQ(Seqs("person", "case-1"), V{}) << "the type must match too";
}

}  // namespace
}  // namespace opennrm::testing
