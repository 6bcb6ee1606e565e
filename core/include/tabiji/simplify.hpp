// Map simplification with two sliders, like Disco's: how many touchpoints (activities %) and how many
// paths (paths %) the journey map shows. Works on a mined Dfg only (never re-mines the log), and is cheap
// enough to run on every slider move: the rankings are computed once (MapSimplifier's constructor,
// O(E log E)); each simplify() call is O(N + E) plus a heap over the edges added back for reachability.
//
// Exact semantics (p and q are percentages in [0, 100]):
// 1. Activities. The present touchpoints are those with events > 0; N of them. They are ranked by events
//    (descending), ties by name (byte order). The first k = ceil(p * N / 100) are kept, at least 1 when
//    N > 0 (so 0 % shows the most frequent touchpoint). Exactly k touchpoints are kept, whatever the ties.
// 2. Candidate paths. The DFG edges whose two ends are kept touchpoints; M of them. (The induced
//    sub-graph: the log is not projected, so no edge is invented around a hidden touchpoint.)
// 3. Paths. Candidates are ranked by count (descending), ties by source name, then target name. The first
//    ceil(q * M / 100) are kept.
// 4. Reachability repair. Starts = kept touchpoints with starts > 0; ends = kept with ends > 0.
//    a. Forward: every kept touchpoint reachable from a start over candidate edges must stay reachable over
//       kept edges. Repeatedly, among the candidate edges u -> v with u reachable and v not, the best
//       ranked one is added back (and all that it makes reachable joins), until none is left.
//    b. Backward, after a: every kept touchpoint that reaches an end over candidate edges must still reach
//       one over kept edges. Repeatedly, among the candidate edges u -> v with v reaching an end and u not,
//       the best ranked one is added back.
//    Edges added in 4 are flagged in `edge_repair`. Repair only adds edges, so a leaves b's result intact
//    and b cannot break a. With q = 100 every candidate is kept and nothing is repaired.
// Touchpoints unreachable from any start even in the induced sub-graph (a start touchpoint was hidden)
// stay on the map as they are: the sliders never claim a connection the data does not show.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/string_pool.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct SimplifiedMap {
    std::vector<uint8_t> node_kept;   // per activity id
    std::vector<uint8_t> edge_kept;   // per index of dfg.edges (kept by rank or by repair)
    std::vector<uint8_t> edge_repair; // per index of dfg.edges: kept only for reachability (rule 4)
    uint32_t nodes = 0;               // kept touchpoints
    uint32_t edges = 0;               // kept edges (repairs included)
    uint32_t repaired = 0;            // edges added back by rule 4
};

class MapSimplifier {
  public:
    // `dfg` must outlive the simplifier; `names` gives the activity names for tie-breaking.
    MapSimplifier(const Dfg& dfg, const StringPool& names);
    SimplifiedMap simplify(double activities_percent, double paths_percent) const;

  private:
    const Dfg& dfg_;
    std::vector<uint32_t> node_order_;        // present activity ids, best first
    std::vector<uint32_t> edge_order_;        // edge indices, best first
    std::vector<uint32_t> edge_rank_;         // per edge index: position in edge_order_
    std::vector<uint32_t> out_offsets_, out_; // CSR by source: edge indices
    std::vector<uint32_t> in_offsets_, in_;   // CSR by target: edge indices
};

// One-shot convenience (ranks, then simplifies).
SimplifiedMap simplify_map(const Dfg& dfg, const StringPool& names, double activities_percent,
                           double paths_percent);

} // namespace tabiji
