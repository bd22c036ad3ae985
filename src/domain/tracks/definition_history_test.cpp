#include "domain/tracks/definition_history.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/tracks/test_definitions.hpp"

namespace opennrm::tracks {
namespace {

using testing::MiniSet;

bool Has(const Status& st, const std::string& field, const std::string& rule) {
  if (st) return false;
  const auto& fs = st.error().fields;
  return std::any_of(fs.begin(), fs.end(),
                     [&](const FieldProblem& f) { return f.field == field && f.rule == rule; });
}

// The 2019 manual until the day before a formal NRM (synthetic dates), then the NRM.
std::vector<DefinitionSet> TwoVersions() {
  auto manual = MiniSet();
  manual.version = "manual-2019";
  manual.valid_to = CivilDate{2026, 7, 14};
  auto nrm = MiniSet();
  nrm.version = "nrm-2026";
  nrm.valid_from = {2026, 7, 15};
  nrm.legal_reference = "A synthetic formal NRM";
  return {manual, nrm};
}

TEST(DefinitionHistory, PicksTheVersionInForceOnTheStartDay) {
  auto sets = TwoVersions();
  ASSERT_TRUE(ValidateHistory(sets));
  EXPECT_EQ(InForceOn(sets, {2018, 12, 31}), nullptr);
  EXPECT_EQ(InForceOn(sets, {2019, 1, 1})->version, "manual-2019");
  EXPECT_EQ(InForceOn(sets, {2026, 7, 14})->version, "manual-2019");
  EXPECT_EQ(InForceOn(sets, {2026, 7, 15})->version, "nrm-2026");
  EXPECT_EQ(InForceOn(sets, {2040, 2, 29})->version, "nrm-2026");
}

TEST(DefinitionHistory, AnOldCaseKeepsItsVersion) {
  auto sets = TwoVersions();
  // A case started in 2025 stored "manual-2019"; in 2027 it still finds it.
  std::string stored = InForceOn(sets, {2025, 3, 1})->version;
  const DefinitionSet* kept = FindVersion(sets, stored);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->version, "manual-2019");
  EXPECT_FALSE(kept->InForceOn({2027, 1, 1}));
  EXPECT_EQ(FindVersion(sets, "manual-2018"), nullptr);
}

TEST(DefinitionHistory, PeriodsMayNotOverlap) {
  auto sets = TwoVersions();
  sets[0].valid_to = CivilDate{2026, 7, 15};
  EXPECT_TRUE(Has(ValidateHistory(sets), "sets[1].valid_from", "overlap"));
  sets[0].valid_to.reset();  // an open version must be closed before the next
  EXPECT_TRUE(Has(ValidateHistory(sets), "sets[1].valid_from", "overlap"));
  // The order in the list does not matter.
  sets = TwoVersions();
  std::swap(sets[0], sets[1]);
  EXPECT_TRUE(ValidateHistory(sets));
  sets[1].valid_to = CivilDate{2026, 12, 31};
  EXPECT_TRUE(Has(ValidateHistory(sets), "sets[0].valid_from", "overlap"));
}

TEST(DefinitionHistory, PeriodsMayNotLeaveAGap) {
  auto sets = TwoVersions();
  sets[0].valid_to = CivilDate{2026, 7, 13};
  EXPECT_TRUE(Has(ValidateHistory(sets), "sets[1].valid_from", "gap"));
  // Month and year ends and leap days count as one day.
  sets[0].valid_to = CivilDate{2024, 2, 29};
  sets[1].valid_from = {2024, 3, 1};
  EXPECT_TRUE(ValidateHistory(sets));
  sets[0].valid_to = CivilDate{2025, 12, 31};
  sets[1].valid_from = {2026, 1, 1};
  EXPECT_TRUE(ValidateHistory(sets));
}

TEST(DefinitionHistory, VersionsAreUniqueAndEachSetIsChecked) {
  auto sets = TwoVersions();
  sets[1].version = "manual-2019";
  sets[1].tracks[0].transitions.push_back({"identification", "nowhere"});
  auto st = ValidateHistory(sets);
  EXPECT_TRUE(Has(st, "sets[1].version", "duplicate_id"));
  EXPECT_TRUE(Has(st, "sets[1].tracks[0].transitions[4].to", "unknown_step"));
  EXPECT_TRUE(Has(ValidateHistory({}), "sets", "required"));
}

}  // namespace
}  // namespace opennrm::tracks
