// Test-only: an attacker on published tables, independent of the engine in
// sdc_complementary.cpp. Synthetic tables and the naive protection it is
// shown to beat are in sdc_synthetic_test_support.hpp. Included only by tests.
//
// The attacker writes every line that adds up as a linear equation over the
// (rows + 1) x (columns + 1) grid of cells and margins, moves what it knows
// to the right-hand side, and:
//  - finds by exact Gaussian elimination over the rationals every unknown
//    that the equations pin down;
//  - narrows every unknown to an interval by propagating bounds (counts are
//    integers, by default not negative) through the original and reduced
//    equations until nothing changes.
// Thread-compatible.
#pragma once

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/stats/count_table.hpp"
#include "domain/stats/disclosure_control.hpp"

namespace opennrm::stats::sdc_attack {

// A grid of values: [row][column], the last row the column totals, the last
// column the row totals. nullopt: the attacker does not know it.
using ValueGrid = std::vector<std::vector<std::optional<long long>>>;

// An exact rational with a positive denominator; throws on overflow.
struct Rational {
  long long num = 0;
  long long den = 1;
  Rational(long long n = 0, long long d = 1) : num(n), den(d) { Normalise(); }  // NOLINT
  void Normalise() {
    if (den < 0) num = -num, den = -den;
    const long long g = std::gcd(num < 0 ? -num : num, den);
    if (g > 1) num /= g, den /= g;
  }
  static long long Mul(long long a, long long b) {
    long long r = 0;
    if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("rational");
    return r;
  }
  static long long Add(long long a, long long b) {
    long long r = 0;
    if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("rational");
    return r;
  }
  friend Rational operator+(Rational a, Rational b) {
    return {Add(Mul(a.num, b.den), Mul(b.num, a.den)), Mul(a.den, b.den)};
  }
  friend Rational operator-(Rational a, Rational b) { return a + Rational(-b.num, b.den); }
  friend Rational operator*(Rational a, Rational b) {
    return {Mul(a.num, b.num), Mul(a.den, b.den)};
  }
  friend Rational operator/(Rational a, Rational b) {
    return {Mul(a.num, b.den), Mul(a.den, b.num)};
  }
  friend bool operator==(Rational a, Rational b) { return a.num == b.num && a.den == b.den; }
  friend bool operator<(Rational a, Rational b) { return Mul(a.num, b.den) < Mul(b.num, a.den); }
  bool zero() const { return num == 0; }
  long long Floor() const { return num >= 0 ? num / den : -((-num + den - 1) / den); }
  long long Ceil() const { return -Rational(-num, den).Floor(); }
};

struct Inference {
  bool consistent = true;                       // false: the equations contradict each other
  std::vector<std::pair<int, int>> unknowns;    // grid positions, in grid order
  std::vector<std::optional<long long>> exact;  // pinned by the equations alone
  std::vector<std::optional<long long>> low;    // nullopt: no bound
  std::vector<std::optional<long long>> high;
  bool Recovered(std::size_t i) const {
    return exact[i] || (low[i] && high[i] && *low[i] == *high[i]);
  }
  std::optional<long long> Value(std::size_t i) const {
    if (exact[i]) return exact[i];
    if (low[i] && high[i] && *low[i] == *high[i]) return low[i];
    return std::nullopt;
  }
};

struct Equation {
  std::vector<Rational> a;  // one per unknown
  Rational b;
};

// The lines that add up, as lists of (row, column, coefficient).
inline std::vector<std::vector<std::tuple<int, int, int>>> Lines(int rows, int columns,
                                                                 bool rows_add_up,
                                                                 bool columns_add_up) {
  std::vector<std::vector<std::tuple<int, int, int>>> lines;
  if (rows_add_up) {
    for (int r = 0; r < rows; ++r) {
      std::vector<std::tuple<int, int, int>> line;
      for (int c = 0; c < columns; ++c) line.emplace_back(r, c, c + 1 == columns ? -1 : 1);
      lines.push_back(line);
    }
  }
  if (columns_add_up) {
    for (int c = 0; c < columns; ++c) {
      std::vector<std::tuple<int, int, int>> line;
      for (int r = 0; r < rows; ++r) line.emplace_back(r, c, r + 1 == rows ? -1 : 1);
      lines.push_back(line);
    }
  }
  return lines;
}

// Reduced row echelon form in place; returns the pivot column of each row
// (-1 for a zero row).
inline std::vector<int> Reduce(std::vector<Equation>& eqs, std::size_t n) {
  std::vector<int> pivots(eqs.size(), -1);
  std::size_t row = 0;
  for (std::size_t col = 0; col < n && row < eqs.size(); ++col) {
    std::size_t p = row;
    while (p < eqs.size() && eqs[p].a[col].zero()) ++p;
    if (p == eqs.size()) continue;
    std::swap(eqs[p], eqs[row]);
    const Rational pivot = eqs[row].a[col];
    for (auto& x : eqs[row].a) x = x / pivot;
    eqs[row].b = eqs[row].b / pivot;
    for (std::size_t k = 0; k < eqs.size(); ++k) {
      if (k == row || eqs[k].a[col].zero()) continue;
      const Rational f = eqs[k].a[col];
      for (std::size_t j = 0; j < n; ++j) eqs[k].a[j] = eqs[k].a[j] - f * eqs[row].a[j];
      eqs[k].b = eqs[k].b - f * eqs[row].b;
    }
    pivots[row] = static_cast<int>(col);
    ++row;
  }
  return pivots;
}

// One pass of bound propagation over `eqs`; true when a bound moved.
inline bool Propagate(const std::vector<Equation>& eqs, std::vector<std::optional<long long>>& low,
                      std::vector<std::optional<long long>>& high) {
  bool moved = false;
  for (const auto& eq : eqs) {
    for (std::size_t j = 0; j < eq.a.size(); ++j) {
      if (eq.a[j].zero()) continue;
      // a_j x_j = b - sum_{k != j} a_k x_k; bound the sum.
      std::optional<Rational> sum_min = Rational(0), sum_max = Rational(0);
      for (std::size_t k = 0; k < eq.a.size(); ++k) {
        if (k == j || eq.a[k].zero()) continue;
        const bool positive = Rational(0) < eq.a[k];
        const auto& for_min = positive ? low[k] : high[k];
        const auto& for_max = positive ? high[k] : low[k];
        if (sum_min)
          sum_min = for_min ? std::optional(*sum_min + eq.a[k] * Rational(*for_min)) : std::nullopt;
        if (sum_max)
          sum_max = for_max ? std::optional(*sum_max + eq.a[k] * Rational(*for_max)) : std::nullopt;
      }
      const bool positive = Rational(0) < eq.a[j];
      std::optional<Rational> lo, hi;  // of x_j
      if (sum_max) (positive ? lo : hi) = (eq.b - *sum_max) / eq.a[j];
      if (sum_min) (positive ? hi : lo) = (eq.b - *sum_min) / eq.a[j];
      if (lo && (!low[j] || *low[j] < lo->Ceil())) low[j] = lo->Ceil(), moved = true;
      if (hi && (!high[j] || hi->Floor() < *high[j])) high[j] = hi->Floor(), moved = true;
    }
  }
  return moved;
}

// What the equations of a table with these lines reveal about the unknown
// entries of `known`. `floor`: the least value of an unknown (0 for counts;
// nullopt for differences, which may be negative).
inline Inference Infer(const ValueGrid& known, bool rows_add_up, bool columns_add_up,
                       std::optional<long long> floor = 0) {
  Inference out;
  const int rows = static_cast<int>(known.size());
  const int columns = rows ? static_cast<int>(known[0].size()) : 0;
  std::vector<std::vector<int>> index(rows, std::vector<int>(columns, -1));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      if (known[r][c]) continue;
      index[r][c] = static_cast<int>(out.unknowns.size());
      out.unknowns.emplace_back(r, c);
    }
  }
  const std::size_t n = out.unknowns.size();
  std::vector<Equation> eqs;
  for (const auto& line : Lines(rows, columns, rows_add_up, columns_add_up)) {
    Equation eq{std::vector<Rational>(n), Rational(0)};
    for (const auto& [r, c, sign] : line) {
      if (known[r][c]) {
        eq.b = eq.b - Rational(sign) * Rational(*known[r][c]);
      } else {
        eq.a[index[r][c]] = eq.a[index[r][c]] + Rational(sign);
      }
    }
    eqs.push_back(eq);
  }
  std::vector<Equation> reduced = eqs;
  const std::vector<int> pivots = Reduce(reduced, n);
  out.exact.assign(n, std::nullopt);
  for (std::size_t i = 0; i < reduced.size(); ++i) {
    const auto nonzero = std::count_if(reduced[i].a.begin(), reduced[i].a.end(),
                                       [](const Rational& x) { return !x.zero(); });
    if (nonzero == 0 && !reduced[i].b.zero()) out.consistent = false;
    if (nonzero == 1 && pivots[i] >= 0) {
      if (reduced[i].b.den != 1) out.consistent = false;
      out.exact[pivots[i]] = reduced[i].b.num;
    }
  }
  out.low.assign(n, floor);
  out.high.assign(n, std::nullopt);
  std::vector<Equation> all = eqs;
  all.insert(all.end(), reduced.begin(), reduced.end());
  for (int round = 0; round < 200 && Propagate(all, out.low, out.high); ++round) {
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (out.low[j] && out.high[j] && *out.high[j] < *out.low[j]) out.consistent = false;
  }
  return out;
}

// The shown values of a published table, as a grid.
inline ValueGrid ShownOf(const ProtectedTable& t) {
  ValueGrid g(t.rows.size() + 1, std::vector<std::optional<long long>>(t.columns.size() + 1));
  auto put = [](const ProtectedCell& cell, std::optional<long long>& to) {
    if (cell.status == CellStatus::kShown) to = cell.value;
  };
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) put(t.cells[r][c], g[r][c]);
    put(t.row_totals[r], g[r][t.columns.size()]);
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c) put(t.column_totals[c], g[t.rows.size()][c]);
  put(t.total, g[t.rows.size()][t.columns.size()]);
  return g;
}

}  // namespace opennrm::stats::sdc_attack
