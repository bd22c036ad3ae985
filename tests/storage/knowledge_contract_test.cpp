// The knowledge base's storage contract (migration 0017), on SQLite and PostgreSQL.
#include "storage_fixture.hpp"

namespace opennrm::testing {
namespace {

knowledge::Article Sample(const std::string& id, const std::string& slug) {
  knowledge::Article a;
  a.id = id;
  a.slug = slug;
  a.title_sv = "Betänketid";
  a.title_en = "Reflection period";
  a.body_sv = "Socialnämnden ansöker.\n\n- 30 dagar";
  a.body_en = "Social services apply.\n\n- 30 days";
  a.tags = {"reflection-period", "residence"};
  a.reasons = {"reflection_period", "support"};
  a.created_at_us = 10;
  a.updated_at_us = 10;
  return a;
}

class KnowledgeContract : public StorageTest {};

TEST_F(KnowledgeContract, InsertsFindsAndListsArticles) {
  auto uow = db_->Begin(ports::Access::kWrite);
  ASSERT_TRUE(uow.has_value());
  auto& repo = (*uow)->knowledge();
  ASSERT_TRUE(repo.Insert(Sample("k1", "reflection-period")).has_value());
  auto b = Sample("k2", "child-track");
  b.tags = {};
  b.reasons = {};
  b.archived = true;
  ASSERT_TRUE(repo.Insert(b).has_value());
  auto found = repo.Find("k1");
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->title_sv, "Betänketid");
  EXPECT_EQ((*found)->tags, (std::vector<std::string>{"reflection-period", "residence"}));
  EXPECT_EQ((*found)->reasons, (std::vector<std::string>{"reflection_period", "support"}));
  EXPECT_FALSE((*found)->archived);
  auto by_slug = repo.FindBySlug("child-track");
  ASSERT_TRUE(by_slug.has_value() && by_slug->has_value());
  EXPECT_TRUE((*by_slug)->archived);
  EXPECT_TRUE((*by_slug)->tags.empty());
  auto none = repo.Find("nope");
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());
  auto live = repo.All(false);
  ASSERT_TRUE(live.has_value());
  ASSERT_EQ(live->size(), 1u);
  auto all = repo.All(true);
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].slug, "child-track");  // by slug
  ASSERT_TRUE((*uow)->Commit().has_value());
}

TEST_F(KnowledgeContract, ADuplicateSlugConflictsAndInsertIfAbsentSkipsIt) {
  {
    auto uow = db_->Begin(ports::Access::kWrite);
    ASSERT_TRUE(uow.has_value());
    ASSERT_TRUE((*uow)->knowledge().Insert(Sample("k1", "same")).has_value());
    auto again = (*uow)->knowledge().InsertIfAbsent(Sample("k2", "same"));
    ASSERT_TRUE(again.has_value()) << again.error().message;
    EXPECT_FALSE(*again);
    auto fresh = (*uow)->knowledge().InsertIfAbsent(Sample("k3", "other"));
    ASSERT_TRUE(fresh.has_value());
    EXPECT_TRUE(*fresh);
    ASSERT_TRUE((*uow)->Commit().has_value());
  }
  auto uow = db_->Begin(ports::Access::kWrite);
  ASSERT_TRUE(uow.has_value());
  auto dup = (*uow)->knowledge().Insert(Sample("k4", "same"));
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

TEST_F(KnowledgeContract, UpdateChecksTheVersion) {
  auto uow = db_->Begin(ports::Access::kWrite);
  ASSERT_TRUE(uow.has_value());
  auto& repo = (*uow)->knowledge();
  ASSERT_TRUE(repo.Insert(Sample("k1", "one")).has_value());
  auto edited = Sample("k1", "one-renamed");
  edited.title_en = "Reflection period (30 days)";
  edited.tags = {"new"};
  edited.archived = true;
  edited.updated_by = "u1";
  edited.updated_at_us = 20;
  edited.version = 2;
  ASSERT_TRUE(repo.Update(edited, 1).has_value());
  auto stale = repo.Update(edited, 1);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  edited.id = "missing";
  auto missing = repo.Update(edited, 2);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto found = repo.Find("k1");
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->slug, "one-renamed");
  EXPECT_EQ((*found)->title_en, "Reflection period (30 days)");
  EXPECT_EQ((*found)->tags, std::vector<std::string>{"new"});
  EXPECT_TRUE((*found)->archived);
  EXPECT_EQ((*found)->updated_by, "u1");
  EXPECT_EQ((*found)->updated_at_us, 20);
  EXPECT_EQ((*found)->created_at_us, 10);
  EXPECT_EQ((*found)->version, 2);
}

}  // namespace
}  // namespace opennrm::testing
