#include "domain/stats/sdc_complementary.hpp"

#include <algorithm>
#include <functional>
#include <vector>

namespace opennrm::stats::sdc {

namespace {

// The bipartite graph of hidden values: node r is grid row r, node
// rows() + c is grid column c; edge i joins the two ends of edges[i].
struct HiddenGraph {
  std::vector<Position> edges;
  std::vector<std::vector<std::pair<int, int>>> adjacent;  // (node, edge)
};

HiddenGraph GraphOf(const Grid& grid) {
  HiddenGraph g;
  g.adjacent.resize(grid.rows() + grid.columns());
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.columns(); ++c) {
      if (!grid.at({r, c}).hidden) continue;
      const int id = static_cast<int>(g.edges.size());
      g.edges.push_back({r, c});
      g.adjacent[r].push_back({grid.rows() + c, id});
      g.adjacent[grid.rows() + c].push_back({r, id});
    }
  }
  return g;
}

// Tarjan's bridge finding: marks is_bridge[edge].
std::vector<bool> Bridges(const HiddenGraph& g) {
  const int n = static_cast<int>(g.adjacent.size());
  std::vector<int> order(n, -1), low(n, 0);
  std::vector<bool> is_bridge(g.edges.size(), false);
  int next = 0;
  std::function<void(int, int)> visit = [&](int node, int via_edge) {
    order[node] = low[node] = next++;
    for (const auto& [other, edge] : g.adjacent[node]) {
      if (edge == via_edge) continue;
      if (order[other] < 0) {
        visit(other, edge);
        low[node] = std::min(low[node], low[other]);
        if (low[other] > order[node]) is_bridge[edge] = true;
      } else {
        low[node] = std::min(low[node], order[other]);
      }
    }
  };
  for (int node = 0; node < n; ++node) {
    if (order[node] < 0) visit(node, -1);
  }
  return is_bridge;
}

// The nodes reachable from `start` without crossing edge `cut`.
std::vector<bool> SideOf(const HiddenGraph& g, int start, int cut) {
  std::vector<bool> seen(g.adjacent.size(), false);
  std::vector<int> stack = {start};
  seen[start] = true;
  while (!stack.empty()) {
    const int node = stack.back();
    stack.pop_back();
    for (const auto& [other, edge] : g.adjacent[node]) {
      if (edge == cut || seen[other]) continue;
      seen[other] = true;
      stack.push_back(other);
    }
  }
  return seen;
}

int HiddenCount(const Grid& grid) {
  int n = 0;
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.columns(); ++c) n += grid.at({r, c}).hidden ? 1 : 0;
  }
  return n;
}

void HideEverything(Grid& grid) {
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.columns(); ++c) grid.Hide({r, c}, HiddenBecause::kComplementary);
  }
}

// One pass of the degree rule; true when it hid something.
bool ApplyDegreeRule(Grid& grid) {
  bool changed = false;
  for (const auto& line : grid.lines()) {
    const auto hidden =
        std::count_if(line.begin(), line.end(), [&grid](Position p) { return grid.at(p).hidden; });
    if (hidden != 1) continue;
    if (auto pick = BestComplement(grid, line)) {
      grid.Hide(*pick, HiddenBecause::kComplementary);
    } else {
      HideEverything(grid);
    }
    changed = true;
  }
  return changed;
}

// Closes a cycle through the first bridge; true when there was one.
bool ApplyCycleRule(Grid& grid) {
  const HiddenGraph g = GraphOf(grid);
  const std::vector<bool> is_bridge = Bridges(g);
  const auto first = std::find(is_bridge.begin(), is_bridge.end(), true);
  if (first == is_bridge.end()) return false;
  const int cut = static_cast<int>(first - is_bridge.begin());
  const Position bridge = g.edges[cut];
  // Any shown value joining the bridge's two sides closes a cycle through it.
  const std::vector<bool> side = SideOf(g, bridge.row, cut);
  const std::vector<bool> other = SideOf(g, grid.rows() + bridge.column, cut);
  std::vector<Position> candidates;
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.columns(); ++c) {
      const int column_node = grid.rows() + c;
      if ((side[r] && other[column_node]) || (other[r] && side[column_node])) {
        candidates.push_back({r, c});
      }
    }
  }
  if (auto pick = BestComplement(grid, candidates)) {
    grid.Hide(*pick, HiddenBecause::kComplementary);
  } else {
    HideEverything(grid);
  }
  return true;
}

}  // namespace

std::optional<Position> FirstBridge(const Grid& grid) {
  const HiddenGraph g = GraphOf(grid);
  const std::vector<bool> is_bridge = Bridges(g);
  for (std::size_t i = 0; i < is_bridge.size(); ++i) {
    if (is_bridge[i]) return g.edges[i];
  }
  return std::nullopt;
}

void SuppressComplementary(Grid& grid) {
  // Go on while a round hides at least one more value, so this ends.
  for (;;) {
    const int before = HiddenCount(grid);
    if (ApplyDegreeRule(grid) && HiddenCount(grid) > before) continue;
    if (grid.both_add_up() && ApplyCycleRule(grid) && HiddenCount(grid) > before) continue;
    return;
  }
}

}  // namespace opennrm::stats::sdc
