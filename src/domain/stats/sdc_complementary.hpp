// Complementary suppression, step 5 of Protect (disclosure_control.hpp):
// hides more shown values until no hidden one can be worked out from the
// lines that add up. Two rules, applied until nothing changes:
//  - degree: no line holds exactly one hidden value;
//  - cycle (when both directions add up): in the bipartite graph of the
//    grid's rows and columns whose edges are the hidden values, no edge is a
//    bridge. A bridge is the one hidden value whose sum the two sides of the
//    graph pin down (add the lines of one side); an edge on a cycle can move
//    up and down along it while every line still adds up.
// An unknown count protects nothing here: it is treated as if the attacker
// knew it. When no shown value can close a gap, every known value of the
// table is hidden. Deterministic. Internal; thread-compatible.
#pragma once

#include <optional>

#include "domain/stats/sdc_grid.hpp"

namespace opennrm::stats::sdc {

// Hides complementary values in `grid` until both rules hold.
void SuppressComplementary(Grid& grid);

// The first hidden value (in grid order) that is a bridge, if any; the
// whole grid's rows and columns are the graph's nodes.
std::optional<Position> FirstBridge(const Grid& grid);

}  // namespace opennrm::stats::sdc
