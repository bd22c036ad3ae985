// The recovery tests of issue 7 item 3: real attacks on published tables,
// each first shown to succeed against primary suppression alone.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "domain/stats/count_table.hpp"
#include "domain/stats/disclosure_control.hpp"
#include "domain/stats/sdc_attack_test_support.hpp"
#include "domain/stats/sdc_synthetic_test_support.hpp"

namespace opennrm::stats {
namespace {

using sdc_attack::Additivity;
using sdc_attack::CellOf;
using sdc_attack::Draw;
using sdc_attack::Infer;
using sdc_attack::PrimaryOnly;
using sdc_attack::RandomTable;
using sdc_attack::ShownOf;
using sdc_attack::Synthetic;
using sdc_attack::ValueGrid;

struct Recovered {
  int row;
  int column;
  long long value;
};

Additivity DrawAdditivity(std::mt19937& rng) {
  const long long k = Draw(rng, 0, 4);
  return k < 3 ? Additivity::kBoth : (k == 3 ? Additivity::kRowsOnly : Additivity::kColumnsOnly);
}

std::string Describe(const Synthetic& s, const ProtectedTable& published) {
  std::string out = "rows_add_up=" + std::to_string(s.raw.rows_add_up) +
                    " columns_add_up=" + std::to_string(s.raw.columns_add_up) + "\n";
  for (std::size_t r = 0; r < s.truth.size(); ++r) {
    for (std::size_t c = 0; c < s.truth[r].size(); ++c) {
      const auto& cell = CellOf(published, static_cast<int>(r), static_cast<int>(c));
      out += std::to_string(s.truth[r][c]) +
             (cell.status == CellStatus::kSuppressed
                  ? "* "
                  : (cell.status == CellStatus::kUnknown ? "? " : "  "));
    }
    out += "\n";
  }
  return out;
}

// Attack from totals. The attacker knows every shown value and, the
// strongest case, the values behind the blanks too; it returns every hidden
// value it can pin down (and checks that it pinned it right).
std::vector<Recovered> FromTotals(const ProtectedTable& published, const Synthetic& s) {
  ValueGrid known = ShownOf(published);
  for (std::size_t r = 0; r < known.size(); ++r) {
    for (std::size_t c = 0; c < known[r].size(); ++c) {
      const auto& cell = CellOf(published, static_cast<int>(r), static_cast<int>(c));
      if (cell.status == CellStatus::kUnknown) known[r][c] = s.truth[r][c];
    }
  }
  const auto inference = Infer(known, published.rows_add_up, published.columns_add_up);
  EXPECT_TRUE(inference.consistent);
  std::vector<Recovered> out;
  for (std::size_t i = 0; i < inference.unknowns.size(); ++i) {
    if (!inference.Recovered(i)) continue;
    const auto [r, c] = inference.unknowns[i];
    EXPECT_EQ(*inference.Value(i), s.truth[r][c]) << "the attacker itself is wrong";
    out.push_back({r, c, *inference.Value(i)});
  }
  return out;
}

TEST(SdcRecovery, FromTotalsRecoversTheOnlySmallCellOfANaiveTable) {
  Synthetic s;
  s.raw = ZeroTable({"nord", "syd"}, {"woman", "man"});
  s.raw.cells = {{3LL, 20LL}, {15LL, 30LL}};
  s.raw.row_totals = {23LL, 45LL};
  s.raw.column_totals = {18LL, 50LL};
  s.raw.total = 68LL;
  s.truth = {{3, 20, 23}, {15, 30, 45}, {18, 50, 68}};
  ASSERT_TRUE(CheckTable(s.raw));
  const SdcPolicy policy;

  const auto naive = FromTotals(PrimaryOnly(s.raw, policy), s);
  ASSERT_EQ(naive.size(), 1u);
  EXPECT_EQ(naive[0].value, 3);

  const ProtectedTable safe = Protect(s.raw, policy);
  EXPECT_TRUE(FromTotals(safe, s).empty()) << Describe(s, safe);
  EXPECT_EQ(HiddenCells(safe).size(), 4u);
}

TEST(SdcRecovery, FromTotalsNeverRecoversAHiddenValueOfManyTables) {
  std::mt19937 rng(20240611);
  long long naive_recovered = 0;
  long long hidden = 0;
  for (int i = 0; i < 800; ++i) {
    const Synthetic s = RandomTable(rng, static_cast<int>(Draw(rng, 2, 8)),
                                    static_cast<int>(Draw(rng, 2, 9)), DrawAdditivity(rng));
    ASSERT_TRUE(CheckTable(s.raw)) << i;
    const SdcPolicy policy{i % 4 == 0 ? 5 : 11, 1};
    naive_recovered += static_cast<long long>(FromTotals(PrimaryOnly(s.raw, policy), s).size());
    const ProtectedTable safe = Protect(s.raw, policy);
    hidden += static_cast<long long>(HiddenCells(safe).size());
    const auto recovered = FromTotals(safe, s);
    ASSERT_TRUE(recovered.empty()) << "table " << i << ": recovered (" << recovered[0].row << ","
                                   << recovered[0].column << ") = " << recovered[0].value << "\n"
                                   << Describe(s, safe);
  }
  EXPECT_GT(naive_recovered, 400);  // the attack works on primary suppression alone
  EXPECT_GT(hidden, 0);
}

// Attack from two overlapping releases: the attacker subtracts the values
// shown in both and solves the lines for the differences of the rest.
// Returns the small changes (1 .. threshold-1 either way) it learns.
std::vector<Recovered> FromTwoReleases(const ProtectedTable& first, const ProtectedTable& second) {
  const ValueGrid a = ShownOf(first);
  const ValueGrid b = ShownOf(second);
  ValueGrid difference = a;
  std::vector<Recovered> out;
  const long long threshold = second.policy.threshold;
  auto small = [threshold](long long d) { return std::llabs(d) >= 1 && std::llabs(d) < threshold; };
  for (std::size_t r = 0; r < a.size(); ++r) {
    for (std::size_t c = 0; c < a[r].size(); ++c) {
      difference[r][c] = std::nullopt;
      if (!a[r][c] || !b[r][c]) continue;
      difference[r][c] = *b[r][c] - *a[r][c];
      if (small(*difference[r][c])) {
        out.push_back({static_cast<int>(r), static_cast<int>(c), *difference[r][c]});
      }
    }
  }
  const auto inference =
      Infer(difference, second.rows_add_up, second.columns_add_up, /*floor=*/std::nullopt);
  for (std::size_t i = 0; i < inference.unknowns.size(); ++i) {
    const auto value = inference.Value(i);
    if (value && small(*value)) {
      out.push_back({inference.unknowns[i].first, inference.unknowns[i].second, *value});
    }
  }
  return out;
}

TEST(SdcRecovery, FromTwoReleasesNeverLearnsASmallChange) {
  std::mt19937 rng(7);
  long long naive_revealed = 0;
  for (int i = 0; i < 500; ++i) {
    const int rows = static_cast<int>(Draw(rng, 2, 8));
    const int columns = static_cast<int>(Draw(rng, 2, 9));
    Synthetic s = RandomTable(rng, rows, columns, DrawAdditivity(rng));
    const SdcPolicy policy;
    const ProtectedTable naive_first = PrimaryOnly(s.raw, policy);
    const ProtectedTable first = Protect(s.raw, policy);
    for (long long k = Draw(rng, 1, 3); k > 0; --k) {
      sdc_attack::Change(s, static_cast<std::size_t>(Draw(rng, 0, rows - 1)),
                         static_cast<std::size_t>(Draw(rng, 0, columns - 1)), Draw(rng, 1, 3));
    }
    ASSERT_TRUE(CheckTable(s.raw)) << i;
    naive_revealed +=
        static_cast<long long>(FromTwoReleases(naive_first, PrimaryOnly(s.raw, policy)).size());

    const ProtectedTable second = Protect(s.raw, policy, &first);
    const auto revealed = FromTwoReleases(first, second);
    ASSERT_TRUE(revealed.empty()) << "release pair " << i << ": (" << revealed[0].row << ","
                                  << revealed[0].column << ") changed by " << revealed[0].value
                                  << "\n"
                                  << Describe(s, second);
    EXPECT_TRUE(FromTotals(second, s).empty()) << i;
    for (int r = 0; r <= rows; ++r) {
      for (int c = 0; c <= columns; ++c) {
        if (CellOf(first, r, c).status == CellStatus::kSuppressed) {
          EXPECT_NE(CellOf(second, r, c).status, CellStatus::kShown) << "once hidden, " << i;
        }
      }
    }
  }
  EXPECT_GT(naive_revealed, 200);  // the attack works on primary suppression alone
}

TEST(SdcRecovery, FromARateNeverGetsBackAHiddenOrRoundedCount) {
  std::mt19937 rng(11);
  const SdcPolicy policy{11, 5};
  const double per = 100'000;
  long long naive_leaks = 0;
  long long shown = 0;
  for (int i = 0; i < 300; ++i) {
    const int rows = static_cast<int>(Draw(rng, 2, 8));
    const Synthetic s =
        RandomTable(rng, rows, static_cast<int>(Draw(rng, 2, 9)), DrawAdditivity(rng));
    const ProtectedTable published = Protect(s.raw, policy);
    for (int r = 0; r < rows; ++r) {
      const double inhabitants = static_cast<double>(Draw(rng, 20'000, 2'500'000));
      for (int c = 0; c <= static_cast<int>(s.raw.columns.size()); ++c) {
        const ProtectedCell& cell = CellOf(published, r, c);
        const long long truth = s.truth[r][c];
        const ProtectedRate rate = RateOf(cell, inhabitants, per);
        // The naive rate, from the raw count, gives it straight back.
        const long long naive_back = std::llround(truth / inhabitants * per * inhabitants / per);
        if (naive_back == truth && truth % 5 != 0 && cell.status != CellStatus::kUnknown) {
          ++naive_leaks;
        }
        if (cell.status == CellStatus::kSuppressed) {
          EXPECT_EQ(rate.status, CellStatus::kSuppressed);
          EXPECT_FALSE(rate.value);
          continue;
        }
        if (cell.status == CellStatus::kUnknown) {
          EXPECT_EQ(rate.status, CellStatus::kUnknown);
          continue;
        }
        ++shown;
        ASSERT_EQ(rate.status, CellStatus::kShown);
        const long long back = std::llround(*rate.value * inhabitants / per);
        EXPECT_EQ(back, *cell.value);
        EXPECT_EQ(back % 5, 0);
        if (truth % 5 != 0) {
          EXPECT_NE(back, truth);
        }
      }
    }
  }
  EXPECT_GT(naive_leaks, 100);
  EXPECT_GT(shown, 100);
}

TEST(SdcRecovery, ZeroAndUnknownStayApartThroughProtectAndRounding) {
  std::mt19937 rng(3);
  long long blanks = 0;
  for (int i = 0; i < 400; ++i) {
    const Synthetic s = RandomTable(rng, static_cast<int>(Draw(rng, 2, 8)),
                                    static_cast<int>(Draw(rng, 2, 9)), DrawAdditivity(rng));
    const ProtectedTable published = Protect(s.raw, SdcPolicy{11, i % 2 ? 5 : 1});
    Synthetic copy = s;
    for (std::size_t r = 0; r < s.truth.size(); ++r) {
      for (std::size_t c = 0; c < s.truth[r].size(); ++c) {
        const Count raw = sdc_attack::RawAt(copy, r, c);
        const ProtectedCell& cell = CellOf(published, static_cast<int>(r), static_cast<int>(c));
        if (!raw) {
          ++blanks;
          EXPECT_EQ(cell.status, CellStatus::kUnknown);
          EXPECT_FALSE(cell.value);
          continue;
        }
        EXPECT_NE(cell.status, CellStatus::kUnknown);
        if (cell.status == CellStatus::kShown) {
          EXPECT_EQ(*cell.value == 0, *raw == 0);
        }
      }
    }
  }
  EXPECT_GT(blanks, 10);
}

}  // namespace
}  // namespace opennrm::stats
