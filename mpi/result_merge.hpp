// Mining the owned cases on every rank with the core (mine_dfg, mine_variants) and merging the results on
// rank 0 into exactly what the core gives for the whole log:
// - counts per touchpoint, start / end counts, cases and events: sums (every case lives on one rank);
// - edges: counts and distinct cases summed per (from, to), sorted by (from, to) as mine_dfg sorts them;
// - variants: (sequence, count) gathered, counts summed per sequence, sorted by sort_variants;
// - step durations: every step's duration with its case key gathered on rank 0 and put, per edge, in the
//   one-node order (cases in first-appearance order, steps in case order), then summarize_durations: the
//   same values in the same order, so mean, sum and stdev are the same doubles and median / p90 exact.
#pragma once
#include "case_exchange.hpp"
#include "collective.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/variants.hpp"

#include <vector>

namespace tabiji::mpi {

struct MergedResults {
    Dfg dfg;
    std::vector<Variant> variants;
    std::vector<EdgePerformance> performance; // one per dfg edge, same order; empty without time
};

// Collective; the result is complete on rank 0 only.
MergedResults mine_and_merge(Comm& comm, const OwnedCases& owned, bool variants, bool performance);

} // namespace tabiji::mpi
