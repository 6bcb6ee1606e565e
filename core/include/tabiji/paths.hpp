// Path analysis on the journey graph, with Boost.Graph (header-only parts) over a
// compressed_sparse_row_graph built from a Dfg: the most likely path between two touchpoints, frequent
// sub-journeys (n-grams), loops and rework, dominators of a goal, and betweenness centrality.
//
// Definitions:
// - Transition probability of an edge a -> b: count(a -> b) / (sum of the counts of all edges out of a).
//   Cases ending at a are not transitions (the probabilities out of a sum to 1).
// - Most likely path from A to B: the path maximising the product of transition probabilities, found by
//   Dijkstra on weights -log(probability). A == B gives the one-touchpoint path with probability 1.
// - N-gram: n consecutive kept events of one case; counted per occurrence and per distinct case.
// - Loops: strongly connected components of the DFG with more than one touchpoint; self-loops (a -> a);
//   rework: per touchpoint, the cases in which it occurs at least twice, out of the cases it occurs in.
// - Dominators of a goal G: add an artificial start linked to every start touchpoint; D dominates G when
//   every DFG path from the artificial start to G passes through D (Lengauer-Tarjan). Listed from the start
//   side to G, G itself left out.
// - Betweenness: Brandes' betweenness centrality on the directed, unweighted DFG (self-loops ignored by
//   shortest paths), raw (not normalised): for each touchpoint, the sum over ordered pairs (s, t) of the
//   share of shortest s -> t paths passing through it.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct LikelyPath {
    bool found = false;
    std::vector<uint32_t> touchpoints; // from A to B
    std::vector<double> step_probabilities;
    double probability = 0;
};

LikelyPath most_likely_path(const Dfg& dfg, uint32_t from, uint32_t to);

struct NGram {
    std::vector<uint32_t> touchpoints;
    uint64_t count = 0; // occurrences
    uint64_t cases = 0; // distinct cases
};

// The k most frequent n-grams (count descending, then names in byte order, as variants).
std::vector<NGram> top_ngrams(const EventLog& log, const LogView& view, uint32_t n, size_t k);

struct SelfLoop {
    uint32_t touchpoint = 0;
    uint64_t count = 0, cases = 0;
};

struct Rework {
    uint32_t touchpoint = 0;
    uint64_t cases = 0;           // cases containing the touchpoint
    uint64_t cases_repeating = 0; // cases containing it at least twice
};

struct LoopReport {
    std::vector<std::vector<uint32_t>> components; // SCCs of size >= 2; members and lists by name order
    std::vector<SelfLoop> self_loops;              // by count descending, then name
    std::vector<Rework> rework;                    // touchpoints with cases_repeating > 0, by that count
    uint64_t cases = 0;                            // cases of the view
    uint64_t cases_with_rework = 0;                // cases repeating at least one touchpoint
};

// `dfg` must be mined from the same view.
LoopReport find_loops(const EventLog& log, const LogView& view, const Dfg& dfg);

// Strict dominators of `goal` (see above); empty when goal is unreachable or only the start precedes it.
// `reachable` (optional) is set to whether the goal can be reached at all.
std::vector<uint32_t> dominators(const Dfg& dfg, uint32_t goal, bool* reachable = nullptr);

// Per activity id.
std::vector<double> betweenness(const Dfg& dfg);

} // namespace tabiji
